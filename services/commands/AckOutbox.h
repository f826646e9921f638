// SPDX-License-Identifier: MIT
#pragma once

#include "DurableStore.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace noc {

// Acknowledgements the operator asked for and the server has not confirmed yet. Written to disk
// (atomically) on every change, so a crash, a restart or a long outage loses none: they go out when
// a connection is there and stay until the server says alert_acknowledged or a final error.
class AckOutbox
{
    Q_DECLARE_TR_FUNCTIONS(noc::AckOutbox)

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

    [[nodiscard]] QString filePath() const { return m_store.filePath(); }
    // Takes the file for this process (nocdash and nocctl share it) and reads what a previous run
    // left. Unreadable files are kept aside, not thrown away (false, lastError() says where). When
    // another running process holds the file, this outbox stays in memory only and leaves the file to
    // its owner (see sharedNote()).
    bool load();
    // Whether changes reach the disk.
    [[nodiscard]] bool isPersistent() const { return m_store.isPersistent(); }
    // Tries again to take the file another process held at load(). On success the entries it left
    // join this outbox (returned, newly queued ids) and everything is written from now on.
    QStringList retake();
    // Why not, when another process holds the file: for the operator, empty otherwise.
    [[nodiscard]] QString sharedNote() const { return m_store.sharedNote(); }

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
    // What went wrong with the file at the latest load, retake or write; none when that went well.
    [[nodiscard]] const std::optional<StoreError> &lastError() const { return m_lastError; }
    // Times the file was rewritten (a whole atomic replace each): a bulk action must not repeat it.
    [[nodiscard]] int writes() const { return m_store.writes(); }

private:
    bool save();
    // Entries of an outbox document not queued here yet; appends them and returns their ids.
    QStringList adopt(const QJsonObject &document);

    DurableStore m_store;
    QList<Entry> m_entries;
    std::optional<StoreError> m_lastError;
};

} // namespace noc
