// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace noc {

// The clients whose alerts this operator follows: the one home of that set. It is state, not a command:
// persisted between runs (shared by nocdash and nocctl), sent again on every new dashboard socket, and
// each client id carries what the server said of it on the current socket.
class SubscriptionSet : public QObject
{
    Q_OBJECT

public:
    enum class Status : quint8
    {
        Waiting, // not sent on the current socket (offline, or just added)
        Sent, // sent, no answer yet
        Confirmed, // the server said "subscribed"
        Refused // the server refused it (reason())
    };
    Q_ENUM(Status)

    explicit SubscriptionSet(QObject *parent = nullptr);

    // Where the set lives between runs; reads it (it replaces what is here: a preset's seed) and writes
    // every change. A missing file is written with what is here. Empty: memory only.
    void setStateFile(const QString &path);
    [[nodiscard]] QString stateFile() const { return m_path; }

    // Replaces the set (order kept, duplicates and empty ids dropped).
    void replace(const QStringList &clientIds);
    // False when already there (or empty).
    bool add(const QString &clientId);
    // The protocol has no unsubscribe: the set shrinks now and the server follows on the next socket.
    bool remove(const QString &clientId);

    [[nodiscard]] QStringList ids() const;
    [[nodiscard]] bool contains(const QString &clientId) const;
    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    [[nodiscard]] Status status(const QString &clientId) const;
    [[nodiscard]] QString reason(const QString &clientId) const;

    // What the current socket did with them.
    void resetStatuses();
    void noteSent(const QString &clientId);
    void noteConfirmed(const QString &clientId);
    // The server answers in order: a refusal is about the oldest subscription sent and not answered.
    // Returns its id (empty when none was waiting for an answer).
    QString noteRefusedOldest(const QString &reason);

Q_SIGNALS:
    // Ids were added or removed.
    void changed();
    // A client id's status (or reason) changed.
    void statusChanged(const QString &clientId);

private:
    struct Entry
    {
        QString clientId;
        Status status = Status::Waiting;
        QString reason;
    };

    [[nodiscard]] qsizetype indexOf(const QString &clientId) const;
    void setStatus(qsizetype index, Status status, const QString &reason = {});
    void load();
    void save() const;

    QString m_path;
    QList<Entry> m_entries;
    QStringList m_sentOrder; // sent on this socket, unanswered, oldest first
};

} // namespace noc
