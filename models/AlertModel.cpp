// SPDX-License-Identifier: MIT
#include "AlertModel.h"

#include "NocClient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The frame interval of a 60 Hz display: more often than this nobody sees the difference.
constexpr int kDefaultCoalesceMs = 16;
} // namespace

AlertModel::AlertModel(QObject *parent) : QAbstractListModel(parent)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kDefaultCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &AlertModel::flush);
}

void AlertModel::setClient(noc::NocClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &noc::NocClient::alertsReceived, this, &AlertModel::addAlerts);
        connect(client, &noc::NocClient::acknowledgementPending, this,
                [this](const QString &id) { setAckState(id, AckState::Acknowledging); });
        connect(client, &noc::NocClient::acknowledgementConfirmed, this,
                [this](const QString &id) { setAckState(id, AckState::Acknowledged); });
        connect(
            client, &noc::NocClient::acknowledgementFailed, this,
            [this](const QString &id, const QString &reason) { setAckState(id, AckState::Failed, reason); });
    }
    Q_EMIT clientChanged();
}

void AlertModel::setMaxAlerts(int maxAlerts)
{
    maxAlerts = qMax(1, maxAlerts);
    if (m_maxAlerts == maxAlerts)
        return;
    m_maxAlerts = maxAlerts;
    evictOverCap();
    Q_EMIT maxAlertsChanged();
}

void AlertModel::setCoalesceIntervalMs(int milliseconds)
{
    milliseconds = qMax(0, milliseconds);
    if (m_coalesce.interval() == milliseconds)
        return;
    m_coalesce.setInterval(milliseconds);
    Q_EMIT coalesceIntervalMsChanged();
}

QList<int> AlertModel::unacknowledgedBySeverity() const
{
    return QList<int>(m_unacknowledged.begin(), m_unacknowledged.end());
}

int AlertModel::unacknowledgedCount() const
{
    int total = 0;
    for (int n : m_unacknowledged)
        total += n;
    return total;
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

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
    case OccurredAtRole:
        return a.occurredAt.isValid() ? a.occurredAt : a.receivedAt;
    case ReceivedAtRole:
        return a.receivedAt;
    case AckStateRole:
        return static_cast<int>(row.ackState);
    case AckReasonRole:
        return row.ackReason;
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
        { OccurredAtRole, "occurredAt" },
        { ReceivedAtRole, "receivedAt" },
        { AckStateRole, "ackState" },
        { AckReasonRole, "ackReason" },
    };
}

void AlertModel::addAlerts(const noc::AlertBatch &alerts)
{
    m_pending.append(alerts);
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

int AlertModel::positionOf(const QString &key) const
{
    const auto it = m_seqByKey.constFind(key);
    if (it == m_seqByKey.constEnd())
        return -1;
    const quint64 seq = it.value();
    const auto found = std::lower_bound(m_rows.cbegin(), m_rows.cend(), seq,
                                        [](const Row &row, quint64 value) { return row.seq < value; });
    if (found == m_rows.cend() || found->seq != seq)
        return -1;
    return static_cast<int>(found - m_rows.cbegin());
}

void AlertModel::countRow(const Row &row, int delta)
{
    if (row.ackState != AckState::Acknowledged)
        m_unacknowledged[static_cast<size_t>(row.alert.severity)] += delta;
}

void AlertModel::flush()
{
    m_coalesce.stop();
    if (m_pending.isEmpty())
        return;
    noc::AlertBatch batch;
    batch.swap(m_pending);
    m_totalReceived += batch.size();

    QList<Row> fresh;
    QHash<QString, qsizetype> freshIndex;
    for (noc::Alert &alert : batch) {
        const QString key = alert.key();
        if (const int position = positionOf(key); position >= 0) {
            // Seen before (two subscriptions, reconnect overlap, a ticket moving on): update in place.
            Row &row = m_rows[position];
            countRow(row, -1);
            const QDateTime firstSeen = row.alert.receivedAt;
            row.alert = std::move(alert);
            row.alert.receivedAt = firstSeen;
            countRow(row, +1);
            const QModelIndex changed = index(viewRow(position));
            Q_EMIT dataChanged(changed, changed);
            continue;
        }
        if (const auto it = freshIndex.constFind(key); it != freshIndex.constEnd()) {
            fresh[it.value()].alert = std::move(alert);
            continue;
        }
        freshIndex.insert(key, fresh.size());
        fresh.append(Row { 0, std::move(alert), AckState::New, {} });
    }

    if (!fresh.isEmpty()) {
        // New rows appear at the top of the view, newest first, in one insert.
        beginInsertRows({}, 0, static_cast<int>(fresh.size()) - 1);
        for (Row &row : fresh) {
            row.seq = m_nextSeq++;
            m_seqByKey.insert(row.alert.key(), row.seq);
            countRow(row, +1);
            m_rows.append(std::move(row));
        }
        endInsertRows();
        Q_EMIT countChanged();
    }
    evictOverCap();
    Q_EMIT countsChanged();
}

void AlertModel::evictOverCap()
{
    const qsizetype excess = m_rows.size() - m_maxAlerts;
    if (excess <= 0)
        return;
    // Victims: acknowledged first, then the oldest of the rest. Positions are oldest first.
    QList<bool> evict(m_rows.size(), false);
    qsizetype chosen = 0;
    for (qsizetype i = 0; i < m_rows.size() && chosen < excess; ++i) {
        if (m_rows.at(i).ackState == AckState::Acknowledged) {
            evict[i] = true;
            ++chosen;
        }
    }
    for (qsizetype i = 0; i < m_rows.size() && chosen < excess; ++i) {
        if (!evict.at(i)) {
            evict[i] = true;
            ++chosen;
        }
    }
    // Remove contiguous runs from the newest end so earlier positions stay valid.
    qsizetype i = m_rows.size() - 1;
    while (i >= 0) {
        if (!evict.at(i)) {
            --i;
            continue;
        }
        qsizetype first = i;
        while (first > 0 && evict.at(first - 1))
            --first;
        beginRemoveRows({}, viewRow(static_cast<int>(i)), viewRow(static_cast<int>(first)));
        for (qsizetype p = first; p <= i; ++p) {
            countRow(m_rows.at(p), -1);
            m_seqByKey.remove(m_rows.at(p).alert.key());
        }
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    Q_EMIT countChanged();
    Q_EMIT countsChanged();
}

void AlertModel::setAckState(const QString &alertId, AckState state, const QString &reason)
{
    // Only alert_new ids can be acknowledged on this protocol.
    const int position = positionOf(noc::alertKindName(noc::AlertKind::Alert) + u':' + alertId);
    if (position < 0)
        return;
    Row &row = m_rows[position];
    countRow(row, -1);
    row.ackState = state;
    row.ackReason = reason;
    countRow(row, +1);
    const QModelIndex changed = index(viewRow(position));
    Q_EMIT dataChanged(changed, changed, { AckStateRole, AckReasonRole });
    Q_EMIT countsChanged();
}

void AlertModel::acknowledge(int row)
{
    if (row < 0 || row >= count() || !m_client)
        return;
    const Row &r = m_rows.at(viewRow(row));
    if (r.alert.kind != noc::AlertKind::Alert || r.ackState == AckState::Acknowledged)
        return;
    m_client->acknowledge(r.alert.id);
}
