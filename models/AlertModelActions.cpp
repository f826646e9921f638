// SPDX-License-Identifier: MIT
// AlertModel's part of the lifecycle actions (resolve, assign, escalate): which rows can have one, what
// each row says while the server has not answered, and what its answer leaves on the row. The status
// change itself arrives like any other (NocClient::alertStatusChanged).
#include "AlertModel.h"

using namespace Qt::StringLiterals;

QStringList AlertModel::recordIdsOf(const QStringList &keys, noc::AlertActionKind kind)
{
    QStringList ids;
    int without = 0;
    for (const QString &key : keys) {
        const int position = positionOf(key);
        if (position < 0)
            continue;
        Row &row = m_rows[position];
        if (!row.alert.hasRecord()) {
            ++without;
            continue;
        }
        if (ids.contains(row.alert.id))
            continue;
        ids.append(row.alert.id);
        row.actionState = noc::AlertActionState::Pending;
        row.actionKind = kind;
        row.actionReason.clear();
        const QModelIndex changed = index(viewRow(position));
        Q_EMIT dataChanged(changed, changed,
                           { ActionNoteRole, ActionStateRole, ActionKindRole, ActionReasonRole });
    }
    if (without > 0)
        Q_EMIT actionRefused(
            tr("%n selected item(s) have no server record (findings, anomalies, tickets)", "", without));
    if (!ids.isEmpty())
        bumpRevision();
    if (!ids.isEmpty() && !m_client) {
        for (const QString &id : std::as_const(ids))
            setActionState(id, noc::AlertActionState::Refused, kind, tr("Not connected to a server"));
        Q_EMIT actionRefused(tr("Not connected to a server"));
        return {};
    }
    return ids;
}

int AlertModel::countWithRecord(const QStringList &keys) const
{
    int count = 0;
    for (const QString &key : keys) {
        const int position = positionOf(key);
        count += position >= 0 && m_rows.at(position).alert.hasRecord() ? 1 : 0;
    }
    return count;
}

int AlertModel::actionBlocker(const QStringList &keys, bool signedIn) const
{
    if (keys.isEmpty())
        return int(ActionBlocker::NothingSelected);
    // Signing in would not help an item without a record: that is said first.
    if (countWithRecord(keys) == 0)
        return int(ActionBlocker::NoRecord);
    return int(signedIn ? ActionBlocker::ActionAllowed : ActionBlocker::SignedOut);
}

QString AlertModel::actionBlockerText(int blocker) const
{
    switch (static_cast<ActionBlocker>(blocker)) {
    case ActionBlocker::ActionAllowed:
        return {};
    case ActionBlocker::NothingSelected:
        return tr("No alert selected");
    case ActionBlocker::NoRecord:
        return tr("Findings, anomalies and tickets have no server record to resolve, assign or escalate");
    case ActionBlocker::SignedOut:
        return tr("Sign in to resolve, assign or escalate alerts");
    }
    return {};
}

int AlertModel::actionTextLimit(int action) const
{
    return noc::alertActionTextLimit(static_cast<noc::AlertActionKind>(action));
}

void AlertModel::resolveKeys(const QStringList &keys, const QString &notes)
{
    const QStringList ids = recordIdsOf(keys, noc::AlertActionKind::Resolve);
    if (!ids.isEmpty())
        m_client->resolve(ids, notes);
}

void AlertModel::assignKeys(const QStringList &keys, int userId, const QString &comment)
{
    const QStringList ids = recordIdsOf(keys, noc::AlertActionKind::Assign);
    if (!ids.isEmpty())
        m_client->assign(ids, userId, comment);
}

void AlertModel::escalateKeys(const QStringList &keys, int userId, const QString &reason)
{
    const QStringList ids = recordIdsOf(keys, noc::AlertActionKind::Escalate);
    if (!ids.isEmpty())
        m_client->escalate(ids, userId, reason);
}

void AlertModel::markActionPending(const QString &alertId, noc::AlertActionKind kind)
{
    const int position = positionOf(noc::AlertIdentity { noc::AlertKind::Alert, alertId });
    if (position < 0) {
        m_waitingActions.insert(alertId, kind);
        return;
    }
    const Row &row = m_rows.at(position);
    if (row.actionState != noc::AlertActionState::Pending || row.actionKind != kind)
        setActionState(alertId, noc::AlertActionState::Pending, kind);
}

void AlertModel::applyActionOutcome(const noc::AlertActionOutcome &outcome)
{
    m_waitingActions.remove(outcome.alertId);
    if (outcome.done) {
        setActionState(outcome.alertId, noc::AlertActionState::None, outcome.kind, {}, outcome.assignedTo);
        return;
    }
    setActionState(outcome.alertId, noc::AlertActionState::Refused, outcome.kind, outcome.reason);
    Q_EMIT actionRefused(
        tr("Alert %1: %2")
            .arg(outcome.alertId, actionNote(noc::AlertActionState::Refused, outcome.kind, outcome.reason)));
}

QString AlertModel::actionNote(noc::AlertActionState state, noc::AlertActionKind kind, const QString &reason)
{
    switch (state) {
    case noc::AlertActionState::None:
        return {};
    case noc::AlertActionState::Pending:
        switch (kind) {
        case noc::AlertActionKind::Resolve:
            return tr("Resolving…");
        case noc::AlertActionKind::Assign:
            return tr("Assigning…");
        case noc::AlertActionKind::Escalate:
            return tr("Escalating…");
        }
        return {};
    case noc::AlertActionState::Refused:
        switch (kind) {
        case noc::AlertActionKind::Resolve:
            return tr("Resolve refused: %1").arg(reason);
        case noc::AlertActionKind::Assign:
            return tr("Assign refused: %1").arg(reason);
        case noc::AlertActionKind::Escalate:
            return tr("Escalate refused: %1").arg(reason);
        }
        return {};
    }
    return {};
}

void AlertModel::setAssignee(const QString &alertId, const QString &name)
{
    const int position = positionOf(noc::AlertIdentity { noc::AlertKind::Alert, alertId });
    if (position < 0 || name.isEmpty() || m_rows.at(position).assignedTo == name)
        return;
    m_rows[position].assignedTo = name;
    const QModelIndex changed = index(viewRow(position));
    Q_EMIT dataChanged(changed, changed, { AssignedToRole });
    bumpRevision();
}

void AlertModel::setActionState(const QString &alertId, noc::AlertActionState state,
                                noc::AlertActionKind kind, const QString &reason, const QString &assignedTo)
{
    const int position = positionOf(noc::AlertIdentity { noc::AlertKind::Alert, alertId });
    if (position < 0)
        return;
    Row &row = m_rows[position];
    row.actionState = state;
    row.actionKind = kind;
    row.actionReason = reason;
    if (!assignedTo.isEmpty())
        row.assignedTo = assignedTo;
    const QModelIndex changed = index(viewRow(position));
    Q_EMIT dataChanged(changed, changed,
                       { ActionNoteRole, ActionStateRole, ActionKindRole, ActionReasonRole, AssignedToRole });
    bumpRevision();
}
