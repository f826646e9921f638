// SPDX-License-Identifier: MIT
#include "AlertStore.h"

#include <algorithm>

namespace noc::sim {

AlertStore::AlertStore(int capacity, qint64 firstId)
    : m_capacity(qMax(1, capacity)), m_firstId(firstId), m_nextId(firstId)
{ }

void AlertStore::count(const StoredAlert &alert, int delta)
{
    if (!AlertStatusNames::isOpen(alert.status)) {
        return;
    }
    Counters &counters = m_counters[alert.clientId];
    counters.open += delta;
    if (alert.severity == QLatin1String("CRITICAL")) {
        counters.criticalOpen += delta;
    }
}

qint64 AlertStore::add(const NewAlert &fresh)
{
    StoredAlert alert;
    alert.id = m_nextId++;
    alert.clientId = fresh.clientId;
    alert.severity = fresh.severity.toUpper();
    alert.alertType = fresh.alertType;
    alert.message = fresh.message;
    alert.siteName = fresh.siteName;
    alert.entityId = fresh.entityId > 0 ? fresh.entityId : 20000 + alert.id % 5000;
    const qint64 created = fresh.createdMs > 0 ? fresh.createdMs : nowMs();
    alert.cdtzMs = created - created % 1000;
    alert.firstSeenMs = created;
    alert.lastSeenMs = created;
    count(alert, +1);
    m_alerts.push_back(std::move(alert));
    while (qsizetype(m_alerts.size()) > m_capacity) {
        count(m_alerts.front(), -1);
        m_details.remove(m_alerts.front().id);
        m_alerts.pop_front();
    }
    return m_nextId - 1;
}

qint64 AlertStore::add(const QString &clientId, const QString &severity, const QString &alertType)
{
    NewAlert alert;
    alert.clientId = clientId;
    alert.severity = severity;
    alert.alertType = alertType;
    return add(alert);
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

StoredAlert *AlertStore::find(qint64 id)
{
    const qsizetype index = indexOf(id);
    return index < 0 ? nullptr : &m_alerts[std::size_t(index)];
}

const AlertDetails *AlertStore::details(qint64 id) const
{
    const auto it = m_details.constFind(id);
    return it == m_details.constEnd() ? nullptr : &*it;
}

AlertDetails &AlertStore::detailsFor(qint64 id)
{
    return m_details[id];
}

void AlertStore::setStatus(StoredAlert &alert, AlertStatus status)
{
    count(alert, -1);
    alert.status = status;
    count(alert, +1);
}

bool AlertStore::acknowledge(qint64 id, const QString &username, const QString &displayName, qint64 atMs)
{
    StoredAlert *alert = find(id);
    if (!alert) {
        return false;
    }
    const qint64 at = atMs > 0 ? atMs : nowMs();
    setStatus(*alert, AlertStatus::Acknowledged);
    alert->lastSeenMs = at;
    AlertDetails &record = detailsFor(id);
    record.acknowledged = { at, displayName.isEmpty() ? username : displayName };
    record.history.append({ QStringLiteral("acknowledge"), username, at, QStringLiteral("socket"), {} });
    return true;
}

QList<const StoredAlert *> AlertStore::select(const std::function<bool(const StoredAlert &)> &keep) const
{
    QList<const StoredAlert *> result;
    for (const StoredAlert &alert : m_alerts) {
        if (keep(alert)) {
            result.append(&alert);
        }
    }
    // A multiplicative hash of the id as the order inside one second: stable, but not the id order.
    const auto scramble = [](qint64 id) { return quint32(quint64(id) * 2654435761U); };
    std::sort(result.begin(), result.end(), [&scramble](const StoredAlert *a, const StoredAlert *b) {
        if (a->cdtzMs != b->cdtzMs) {
            return a->cdtzMs > b->cdtzMs;
        }
        return scramble(a->id) < scramble(b->id);
    });
    return result;
}

void AlertStore::forEachNewestFirst(const std::function<bool(const StoredAlert &)> &visit) const
{
    for (auto it = m_alerts.crbegin(); it != m_alerts.crend(); ++it) {
        if (!visit(*it)) {
            return;
        }
    }
}

int AlertStore::openCount(const QString &clientId) const
{
    return m_counters.value(clientId).open;
}

int AlertStore::criticalOpenCount(const QString &clientId) const
{
    return m_counters.value(clientId).criticalOpen;
}

QHash<QString, int> AlertStore::countByStatus() const
{
    QHash<QString, int> counts;
    for (const StoredAlert &alert : m_alerts) {
        ++counts[AlertStatusNames::code(alert.status)];
    }
    return counts;
}

QHash<QString, int> AlertStore::newBySeverity() const
{
    QHash<QString, int> counts;
    for (const StoredAlert &alert : m_alerts) {
        if (alert.status == AlertStatus::New) {
            ++counts[alert.severity];
        }
    }
    return counts;
}

} // namespace noc::sim
