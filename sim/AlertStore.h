// SPDX-License-Identifier: MIT
#pragma once

#include "AlertStatus.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>
#include <functional>

namespace noc::sim {

// One alert record as the server keeps it. Times are UTC milliseconds since the epoch; cdtz has whole
// seconds. The who/when of actions lives in AlertDetails, kept only for alerts someone acted on.
struct StoredAlert
{
    qint64 id = 0;
    QString clientId; // also the record's client_name: the simulator names its clients by their id
    QString severity;
    QString alertType;
    QString message;
    QString siteName; // empty = null
    qint64 entityId = 0;
    AlertStatus status = AlertStatus::New;
    qint64 cdtzMs = 0;
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0;
    int suppressedCount = 0;
};

// Who did what to an alert, and when, as the detail endpoint shows it.
struct AlertStamp
{
    qint64 atMs = 0; // 0 = never
    QString name; // display name
};

struct AlertHistoryEntry
{
    QString action; // acknowledge, assign, escalate, resolve, suppress_repeat
    QString username; // the actor
    qint64 atMs = 0;
    QString via; // rest, socket, seed
    QString comment;
};

struct AlertDetails
{
    AlertStamp acknowledged;
    AlertStamp assigned;
    AlertStamp escalated;
    AlertStamp resolved;
    QJsonObject metadata;
    QList<AlertHistoryEntry> history;
};

// What a new record starts with; empty/zero fields get the store's defaults (now, NEW).
struct NewAlert
{
    QString clientId;
    QString severity;
    QString alertType;
    QString message;
    QString siteName;
    qint64 entityId = 0;
    qint64 createdMs = 0; // 0 = now
};

// Every alert the simulator holds, newest `capacity` kept (by id), so acknowledgements of recent ids work
// (and of evicted or never-issued ids fail the way the real server fails: 1011). The same records serve
// the WebSocket's alert_new, the REST list and detail, and the actions.
class AlertStore
{
public:
    explicit AlertStore(int capacity = 200000, qint64 firstId = 1000);

    [[nodiscard]] qint64 add(const NewAlert &alert);
    [[nodiscard]] qint64 add(const QString &clientId, const QString &severity, const QString &alertType);
    [[nodiscard]] const StoredAlert *find(qint64 id) const;
    [[nodiscard]] StoredAlert *find(qint64 id);
    [[nodiscard]] const AlertDetails *details(qint64 id) const;
    // Created on first use.
    [[nodiscard]] AlertDetails &detailsFor(qint64 id);

    // Keeps the per-client counters right; every status change goes through here.
    void setStatus(StoredAlert &alert, AlertStatus status);
    // The socket's acknowledge_alert: false for an unknown id; an alert may be acknowledged again.
    bool acknowledge(qint64 id, const QString &username = {}, const QString &displayName = {},
                     qint64 atMs = 0);

    // Newest first by cdtz; alerts of the same second in a scrambled order (the server has no
    // tie-break), so a client cannot come to rely on id order.
    [[nodiscard]] QList<const StoredAlert *>
    select(const std::function<bool(const StoredAlert &)> &keep) const;
    // Walks from the newest id back; stops when `visit` returns false.
    void forEachNewestFirst(const std::function<bool(const StoredAlert &)> &visit) const;

    [[nodiscard]] qsizetype size() const { return qsizetype(m_alerts.size()); }
    [[nodiscard]] qint64 published() const { return m_nextId - m_firstId; }
    [[nodiscard]] int openCount(const QString &clientId) const;
    [[nodiscard]] int criticalOpenCount(const QString &clientId) const;
    [[nodiscard]] QHash<QString, int> countByStatus() const; // by status code
    [[nodiscard]] QHash<QString, int> newBySeverity() const; // severity as stored -> alerts still NEW

    [[nodiscard]] static qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

private:
    struct Counters
    {
        int open = 0;
        int criticalOpen = 0;
    };
    void count(const StoredAlert &alert, int delta);
    [[nodiscard]] qsizetype indexOf(qint64 id) const;

    int m_capacity;
    qint64 m_firstId;
    qint64 m_nextId;
    std::deque<StoredAlert> m_alerts; // ids are consecutive: index = id - front id
    QHash<qint64, AlertDetails> m_details;
    QHash<QString, Counters> m_counters;
};

} // namespace noc::sim
