// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <deque>

namespace noc::sim {

struct StoredAlert
{
    qint64 id = 0;
    QString clientId;
    QString severity;
    QString alertType;
    QDateTime createdAt;
    int ackCount = 0;
};

// Every alert the simulator published, newest `capacity` kept, so acknowledgements of recent ids work
// (and of evicted or never-issued ids fail the way the real server fails: 1011).
class AlertStore
{
public:
    explicit AlertStore(int capacity = 200000, qint64 firstId = 1000);

    [[nodiscard]] qint64 add(const QString &clientId, const QString &severity, const QString &alertType);
    [[nodiscard]] const StoredAlert *find(qint64 id) const;
    // Returns false for an unknown id; an alert may be acknowledged again.
    bool acknowledge(qint64 id);

    [[nodiscard]] qsizetype size() const { return qsizetype(m_alerts.size()); }
    [[nodiscard]] qint64 published() const { return m_nextId - m_firstId; }
    [[nodiscard]] int openCount(const QString &clientId) const;
    [[nodiscard]] int criticalOpenCount(const QString &clientId) const;

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
    QHash<QString, Counters> m_counters;
};

} // namespace noc::sim
