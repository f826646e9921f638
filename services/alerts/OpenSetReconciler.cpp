// SPDX-License-Identifier: MIT
#include "OpenSetReconciler.h"

#include <QSet>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
qint64 msOf(const QDateTime &time, qint64 otherwise)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : otherwise;
}
} // namespace

OpenSetReconciler::OpenSetReconciler(qsizetype capacity) : m_capacity(qMax<qsizetype>(1, capacity)) { }

void OpenSetReconciler::noteAlerts(const AlertBatch &alerts)
{
    for (const Alert &alert : alerts) {
        if (alert.kind != AlertKind::Alert)
            continue;
        const qint64 receivedMs = msOf(alert.receivedAt, kNever);
        const auto it = m_known.find(alert.identity());
        if (it == m_known.end()) {
            m_known.insert(alert.identity(), Known { receivedMs, kNever, alert.status, false });
            m_order.append(alert.id);
            continue;
        }
        // A push knows no status; a record read before the last change heard of is older news.
        const bool staleRecord = alert.backfilled && it->statusAtMs != kNever && receivedMs < it->statusAtMs;
        if (alert.status != AlertStatus::Unknown && !staleRecord)
            it->status = alert.status;
    }
    // Forgotten a fifth at a time: trimming is rare, and a storm pays for it once per many alerts.
    if (m_order.size() > m_capacity + m_capacity / 5) {
        const qsizetype drop = m_order.size() - m_capacity;
        for (qsizetype i = 0; i < drop; ++i)
            m_known.remove(AlertIdentity { AlertKind::Alert, m_order.at(i) });
        m_order.remove(0, drop);
    }
}

void OpenSetReconciler::noteStatus(const QString &alertId, AlertStatus status, const QDateTime &at)
{
    if (status == AlertStatus::Unknown)
        return;
    const auto it = m_known.find(AlertIdentity { AlertKind::Alert, alertId });
    if (it == m_known.end())
        return;
    it->status = status;
    it->statusAtMs = msOf(at, it->statusAtMs);
}

QList<AlertUpdatedEvent> OpenSetReconciler::reconcile(const QStringList &openIds, const QDateTime &startedAt)
{
    const QSet<QString> open(openIds.cbegin(), openIds.cend());
    const qint64 startedMs = msOf(startedAt, kNever);
    QList<AlertUpdatedEvent> closed;
    // In the order they were heard of: what a watch prints does not depend on a hash.
    for (const QString &id : std::as_const(m_order)) {
        Known &known = m_known[AlertIdentity { AlertKind::Alert, id }];
        const bool missed = isOpen(known.status) && known.receivedMs < startedMs && !open.contains(id);
        if (missed && known.missedOnce) {
            closed.append(AlertUpdatedEvent { id, AlertStatus::Resolved,
                                              u"missing from two complete reads of the open alerts"_s,
                                              startedAt });
            known.status = AlertStatus::Resolved;
            known.statusAtMs = startedMs;
            known.missedOnce = false;
        } else {
            known.missedOnce = missed;
        }
    }
    return closed;
}

void OpenSetReconciler::clear()
{
    m_known.clear();
    m_order.clear();
}

} // namespace noc
