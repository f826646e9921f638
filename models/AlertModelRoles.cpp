// SPDX-License-Identifier: MIT
// What a row says to QML: its roles, by name, and one row as a map.
#include "AlertModel.h"
#include "Escalation.h"

using namespace Qt::StringLiterals;

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(viewRow(index.row()));
    const noc::Alert &a = row.alert;
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return a.message;
    case KeyRole:
        return a.key();
    case KindRole:
        return static_cast<int>(a.kind);
    case KindNameRole:
        return noc::alertKindName(a.kind);
    case AlertIdRole:
        return a.id;
    case SeverityRole:
        return static_cast<int>(a.severity);
    case SeverityNameRole:
        return noc::severityName(a.severity);
    case ClientRole:
        return a.clientId;
    case TypeRole:
        return a.type;
    case LocationRole:
        return a.location;
    case DetailRole:
        return a.detail;
    case RawJsonRole:
        return a.rawJson;
    case OccurredAtRole:
        return a.occurredAt.isValid() ? a.occurredAt : a.receivedAt;
    case ReceivedAtRole:
        return a.receivedAt;
    case AckStateRole:
        return static_cast<int>(row.ackState);
    case AckReasonRole:
        return row.ackReason;
    case AckByRole:
        return row.ackBy;
    case AckAtRole:
        return row.ackAt;
    case AcknowledgeableRole:
        return serverAcknowledgeable(a);
    case StatusRole:
        return static_cast<int>(a.status);
    case StatusNameRole:
        return a.status == noc::AlertStatus::Unknown ? QString() : noc::alertStatusName(a.status).toLower();
    case OpenRole:
        return noc::isOpen(a.status);
    case SequenceRole:
        return row.seq;
    case ActionNoteRole:
        return actionNote(row.actionState, row.actionKind, row.actionReason);
    case ActionStateRole:
        return static_cast<int>(row.actionState);
    case ActionKindRole:
        return static_cast<int>(row.actionKind);
    case ActionReasonRole:
        return row.actionReason;
    case AssignedToRole:
        return row.assignedTo;
    case RecordRole:
        return a.hasRecord();
    case RepeatsRole:
        return a.suppressedCount;
    case LastSeenRole:
        return a.lastSeen;
    default:
        return {};
    }
}

QHash<int, QByteArray> AlertModel::roleNames() const
{
    return {
        { KeyRole, "key" },
        { KindRole, "kind" },
        { AlertIdRole, "alertId" },
        { SeverityRole, "severity" },
        { SeverityNameRole, "severityName" },
        { ClientRole, "client" },
        { TypeRole, "alertType" },
        { MessageRole, "message" },
        { LocationRole, "location" },
        { DetailRole, "detail" },
        { RawJsonRole, "rawJson" },
        { OccurredAtRole, "occurredAt" },
        { ReceivedAtRole, "receivedAt" },
        { AckStateRole, "ackState" },
        { AckReasonRole, "ackReason" },
        { AckByRole, "ackBy" },
        { AckAtRole, "ackAt" },
        { AcknowledgeableRole, "acknowledgeable" },
        { StatusRole, "status" },
        { StatusNameRole, "statusName" },
        { OpenRole, "open" },
        { ActionNoteRole, "actionNote" },
        { AssignedToRole, "assignedTo" },
        { RecordRole, "hasRecord" },
        { KindNameRole, "kindName" },
        { ActionStateRole, "actionState" },
        { ActionKindRole, "actionKind" },
        { ActionReasonRole, "actionReason" },
        { SequenceRole, "sequence" },
        { RepeatsRole, "repeats" },
        { LastSeenRole, "lastSeen" },
    };
}

QVariantMap AlertModel::get(const QString &key) const
{
    const int position = positionOf(key);
    if (position < 0)
        return {};
    const QModelIndex at = index(viewRow(position));
    QVariantMap fields;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        fields.insert(QString::fromLatin1(it.value()), data(at, it.key()));
    return fields;
}
