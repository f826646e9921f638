// SPDX-License-Identifier: MIT
#include "AlertStore.h"

namespace noc::sim {

AlertStore::AlertStore(int capacity, qint64 firstId)
    : m_capacity(qMax(1, capacity)), m_firstId(firstId), m_nextId(firstId)
{ }

void AlertStore::count(const StoredAlert &alert, int delta)
{
    if (alert.ackCount > 0) {
        return;
    }
    Counters &counters = m_counters[alert.clientId];
    counters.open += delta;
    if (alert.severity == QLatin1String("CRITICAL")) {
        counters.criticalOpen += delta;
    }
}

qint64 AlertStore::add(const QString &clientId, const QString &severity, const QString &alertType)
{
    StoredAlert alert;
    alert.id = m_nextId++;
    alert.clientId = clientId;
    alert.severity = severity.toUpper();
    alert.alertType = alertType;
    alert.createdAt = QDateTime::currentDateTimeUtc();
    count(alert, +1);
    m_alerts.push_back(std::move(alert));
    while (qsizetype(m_alerts.size()) > m_capacity) {
        count(m_alerts.front(), -1);
        m_alerts.pop_front();
    }
    return m_nextId - 1;
}

qsizetype AlertStore::indexOf(qint64 id) const
{
    if (m_alerts.empty() || id < m_alerts.front().id || id >= m_nextId) {
        return -1;
    }
    return qsizetype(id - m_alerts.front().id);
}

const StoredAlert *AlertStore::find(qint64 id) const
{
    const qsizetype index = indexOf(id);
    return index < 0 ? nullptr : &m_alerts[std::size_t(index)];
}

bool AlertStore::acknowledge(qint64 id)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return false;
    }
    StoredAlert &alert = m_alerts[std::size_t(index)];
    count(alert, -1);
    ++alert.ackCount;
    return true;
}

int AlertStore::openCount(const QString &clientId) const
{
    return m_counters.value(clientId).open;
}

int AlertStore::criticalOpenCount(const QString &clientId) const
{
    return m_counters.value(clientId).criticalOpen;
}

} // namespace noc::sim
