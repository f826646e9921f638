// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QJsonDocument;

namespace noc {

class StateFileLock;

// Acknowledgements the operator asked for and the server has not confirmed yet. Written to disk
// (atomically) on every change, so a crash, a restart or a long outage loses none: they go out when
// a connection is there and stay until the server says alert_acknowledged or a final error.
class AckOutbox
{
public:
    struct Entry
    {
        QString alertId;
        QDateTime queuedAt;
        int strikes = 0; // times the server closed the socket while this was in flight
        bool inFlight = false; // sent on the current socket, not answered yet (not persisted)
    };

    // An empty path keeps the outbox in memory only (no place to write: it says so in the log).
    explicit AckOutbox(QString filePath = {});
    ~AckOutbox();
    AckOutbox(const AckOutbox &) = delete;
    AckOutbox &operator=(const AckOutbox &) = delete;

    [[nodiscard]] QString filePath() const { return m_filePath; }
    // Takes the file for this process (nocdash and nocctl share it) and reads what a previous run
    // left. Unreadable files are kept aside, not thrown away. When another running process holds the
    // file, this outbox stays in memory only and leaves the file to its owner (see sharedNote()).
    bool load();
    // Whether changes reach the disk.
    [[nodiscard]] bool isPersistent() const;
    // Tries again to take the file another process held at load(). On success the entries it left
    // join this outbox (returned, newly queued ids) and everything is written from now on.
    QStringList retake();
    // Why not, when another process holds the file: for the operator, empty otherwise.
    [[nodiscard]] QString sharedNote() const;

    // False when the id is already queued.
    bool add(const QString &alertId, const QDateTime &now);
    // Queues those not queued yet with one write; returns them.
    QStringList addMany(const QStringList &alertIds, const QDateTime &now);
    // Up to `limit` entries may be in flight at once; returns the ids to send now, marked in flight.
    QStringList takeSendable(int limit);
    // Answered: confirmed or finally refused. False when unknown.
    bool remove(const QString &alertId);
    // Scheduled but never sent (the socket closed first): not in flight after all.
    void release(const QString &alertId);
    // The socket closed: nothing is in flight any more. Returns the ids that were.
    QStringList dropInFlight();
    // The socket closed with in-flight entries: count a strike on each; those reaching maxStrikes are
    // poison (the server closes whenever it sees them) and are removed and returned.
    QStringList strikeInFlight(int maxStrikes);

    [[nodiscard]] bool contains(const QString &alertId) const;
    [[nodiscard]] int size() const { return static_cast<int>(m_entries.size()); }
    [[nodiscard]] int inFlightCount() const;
    [[nodiscard]] QStringList inFlightIds() const;
    [[nodiscard]] QStringList ids() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // Times the file was rewritten (a whole atomic replace each): a bulk action must not repeat it.
    [[nodiscard]] int writes() const { return m_writes; }

private:
    bool save();
    bool tryLock();
    // Entries of an outbox document not queued here yet; appends them and returns their ids.
    QStringList adopt(const QJsonDocument &document);

    QString m_filePath;
    // Held from load() until destruction: two processes rewriting one file would drop each other's
    // acknowledgements.
    std::unique_ptr<StateFileLock> m_lock;
    QList<Entry> m_entries;
    QString m_lastError;
    int m_writes = 0;
};

} // namespace noc
