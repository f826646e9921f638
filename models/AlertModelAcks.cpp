// SPDX-License-Identifier: MIT
// Acknowledgements: what a row shows while the server has not answered, and what it is asked.
#include "AlertModel.h"
#include "NocClient.h"

using namespace Qt::StringLiterals;

void AlertModel::applyAckState(int position, AckState state, const QString &reason, const QString &by,
                               const QDateTime &at)
{
    Row &row = m_rows[position];
    // A late "pending" (a retry from the outbox) never undoes a confirmation already shown.
    if (row.ackState == AckState::Acknowledged && state == AckState::Acknowledging)
        return;
    countRow(position, -1);
    row.ackState = state;
    row.ackReason = reason;
    if (state == AckState::Acknowledged) {
        row.ackBy = by;
        row.ackAt = at.isValid() ? at : m_clock->nowUtc();
    }
    countRow(position, +1);
    const QModelIndex changed = index(viewRow(position));
    Q_EMIT dataChanged(changed, changed, { AckStateRole, AckReasonRole, AckByRole, AckAtRole });
}

bool AlertModel::setAckState(const QString &alertId, AckState state, const QString &reason, const QString &by,
                             const QDateTime &at)
{
    // Only alert ids can be acknowledged on this protocol; a critical_alert about the same source
    // alert shares its fate.
    bool any = false;
    for (noc::AlertKind kind : { noc::AlertKind::Alert, noc::AlertKind::CriticalAlert }) {
        const int position = positionOf(noc::AlertIdentity { kind, alertId });
        if (position < 0)
            continue;
        applyAckState(position, state, reason, by, at);
        any = true;
    }
    if (!any)
        return false;
    Q_EMIT countsChanged();
    bumpRevision();
    return true;
}

void AlertModel::markPending(const QString &alertId)
{
    if (!setAckState(alertId, AckState::Acknowledging))
        m_waitingAcks.insert(alertId);
}

void AlertModel::markConfirmed(const QString &alertId, const QString &by, const QDateTime &at)
{
    m_waitingAcks.remove(alertId);
    setAckState(alertId, AckState::Acknowledged, {}, by, at);
}

void AlertModel::markFailed(const QString &alertId, const QString &reason)
{
    m_waitingAcks.remove(alertId);
    setAckState(alertId, AckState::Failed, reason);
}

void AlertModel::markWhatIsPending()
{
    for (const QString &id : m_client->pendingAcknowledgementIds())
        markPending(id);
    for (const noc::AlertActionRequest &request : m_client->pendingActionRequests()) {
        for (const QString &id : request.alertIds)
            markActionPending(id, request.kind);
    }
}

void AlertModel::applyWaitingMarks(Row &row) const
{
    const bool acknowledgeable
        = row.alert.kind == noc::AlertKind::Alert || row.alert.kind == noc::AlertKind::CriticalAlert;
    if (acknowledgeable && m_waitingAcks.contains(row.alert.id))
        row.ackState = AckState::Acknowledging;
    if (row.alert.kind != noc::AlertKind::Alert)
        return;
    if (const auto action = m_waitingActions.constFind(row.alert.id); action != m_waitingActions.cend()) {
        row.actionState = noc::AlertActionState::Pending;
        row.actionKind = action.value();
    }
}

void AlertModel::acknowledge(int row)
{
    if (row < 0 || row >= count())
        return;
    acknowledgeKeys({ m_rows.at(viewRow(row)).alert.key() });
}

void AlertModel::acknowledgeKeys(const QStringList &keys)
{
    QStringList serverIds;
    bool localChange = false;
    for (const QString &key : keys) {
        const int position = positionOf(key);
        if (position < 0)
            continue;
        const Row &row = m_rows.at(position);
        if (row.ackState == AckState::Acknowledged || row.ackState == AckState::Acknowledging)
            continue;
        if (serverAcknowledgeable(row.alert)) {
            if (!serverIds.contains(row.alert.id))
                serverIds.append(row.alert.id);
        } else {
            // Nothing on the wire acknowledges these: record that this operator has seen it.
            applyAckState(position, AckState::Acknowledged, {}, m_client ? m_client->username() : QString(),
                          m_clock->nowUtc());
            localChange = true;
        }
    }
    if (localChange) {
        Q_EMIT countsChanged();
        bumpRevision();
    }
    if (serverIds.isEmpty())
        return;
    if (!m_client) {
        for (const QString &id : std::as_const(serverIds))
            markFailed(id, tr("Not connected to a server"));
        return;
    }
    m_client->acknowledgeMany(serverIds);
}
