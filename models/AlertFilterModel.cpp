// SPDX-License-Identifier: MIT
#include "AlertFilterModel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Per-severity counts are a full pass over the shown rows, once per turn of the event loop however many
// changes it brought. Not later: the source model already changes at most a few times a second (its
// beat), and counts that lag the rows cost a second frame for every change.
constexpr int kRecountIntervalMs = 0;

int ackRank(int ackState)
{
    // What needs someone first: failed, then new, then pending, then done.
    switch (static_cast<AlertModel::AckState>(ackState)) {
    case AlertModel::AckState::Failed:
        return 0;
    case AlertModel::AckState::New:
        return 1;
    case AlertModel::AckState::Acknowledging:
        return 2;
    case AlertModel::AckState::Acknowledged:
        return 3;
    }
    return 1;
}

int statusRank(int status)
{
    // The lifecycle's order; a status this version does not know goes last.
    switch (static_cast<noc::AlertStatus>(status)) {
    case noc::AlertStatus::New:
        return 0;
    case noc::AlertStatus::Acknowledged:
        return 1;
    case noc::AlertStatus::Assigned:
        return 2;
    case noc::AlertStatus::Escalated:
        return 3;
    case noc::AlertStatus::Resolved:
        return 4;
    case noc::AlertStatus::Suppressed:
        return 5;
    case noc::AlertStatus::Unknown:
        break;
    }
    return 6;
}
} // namespace

AlertFilterModel::AlertFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    m_counts = QList<int>(noc::kSeverityCount, 0);
    setDynamicSortFilter(true);
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(kRecountIntervalMs);
    connect(&m_countTimer, &QTimer::timeout, this, &AlertFilterModel::recount);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(this, signal, this, [this] {
            scheduleCounts();
            Q_EMIT countChanged();
        });
    }
    connect(this, &QAbstractItemModel::rowsRemoved, this, &AlertFilterModel::dropVanishedSelection);
    connect(this, &QAbstractItemModel::modelReset, this, [this] {
        scheduleCounts();
        dropVanishedSelection();
        Q_EMIT countChanged();
    });
    connect(this, &QAbstractItemModel::layoutChanged, this, &AlertFilterModel::scheduleCounts);
    connect(this, &QAbstractItemModel::dataChanged, this, &AlertFilterModel::scheduleCounts);
}

void AlertFilterModel::setAlerts(AlertModel *alerts)
{
    if (m_alerts == alerts)
        return;
    if (m_alerts)
        m_alerts->disconnect(this);
    m_alerts = alerts;
    setSourceModel(alerts);
    if (alerts) {
        connect(alerts, &AlertModel::alertsAdded, this, &AlertFilterModel::noteClients);
        sort(0, Qt::AscendingOrder);
    }
    scheduleCounts();
    Q_EMIT alertsChanged();
    Q_EMIT countChanged();
}

void AlertFilterModel::setSeverities(const QList<int> &severities)
{
    changeFilter(m_severities, severities);
}

void AlertFilterModel::toggleSeverity(int severity)
{
    QList<int> next = m_severities;
    if (next.contains(severity))
        next.removeAll(severity);
    else
        next.append(severity);
    setSeverities(next);
}

void AlertFilterModel::setClients(const QStringList &clients)
{
    changeFilter(m_clients, clients);
}

void AlertFilterModel::setAckFilter(AckFilter filter)
{
    changeFilter(m_ackFilter, filter);
}

void AlertFilterModel::setShowClosed(bool show)
{
    changeFilter(m_showClosed, show);
}

void AlertFilterModel::setStatuses(const QList<int> &statuses)
{
    changeFilter(m_statuses, statuses);
}

int AlertFilterModel::effectiveStatusAt(int sourceRow) const
{
    if (!m_alerts || sourceRow < 0 || sourceRow >= m_alerts->rowCount())
        return static_cast<int>(noc::AlertStatus::Unknown);
    const noc::AlertStatus status = m_alerts->alertAt(sourceRow).status;
    if (status != noc::AlertStatus::Unknown)
        return static_cast<int>(status);
    const bool acknowledged = m_alerts->isAcknowledgedAt(sourceRow);
    return static_cast<int>(acknowledged ? noc::AlertStatus::Acknowledged : noc::AlertStatus::New);
}

void AlertFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    changeFilter(m_searchText, trimmed);
}

void AlertFilterModel::clearFilters()
{
    const bool changed = !m_severities.isEmpty() || !m_clients.isEmpty() || m_ackFilter != AckFilter::All
        || !m_searchText.isEmpty() || !m_statuses.isEmpty();
    if (!changed)
        return;
    m_severities.clear();
    m_statuses.clear();
    m_clients.clear();
    m_ackFilter = AckFilter::All;
    m_searchText.clear();
    invalidateRowsFilter();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
}

void AlertFilterModel::setSortOrder(SortOrder order)
{
    if (m_sortOrder == order)
        return;
    m_sortOrder = order;
    invalidate();
    Q_EMIT sortOrderChanged();
}

bool AlertFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // Straight from the rows (the source is always m_alerts): no QVariant per field and row, which a
    // filter or search over a storm would pay hundreds of thousands of times.
    const noc::Alert &alert = m_alerts->alertAt(sourceRow);
    if (!m_statuses.isEmpty()) {
        if (!m_statuses.contains(effectiveStatusAt(sourceRow)))
            return false;
    } else if (!m_showClosed && !noc::isOpen(alert.status)) {
        return false;
    }
    if (!m_severities.isEmpty() && !m_severities.contains(m_alerts->severityAt(sourceRow)))
        return false;
    if (!m_clients.isEmpty() && !m_clients.contains(alert.clientId))
        return false;
    if (m_ackFilter != AckFilter::All
        && m_alerts->isAcknowledgedAt(sourceRow) != (m_ackFilter == AckFilter::Acknowledged))
        return false;
    if (m_searchText.isEmpty())
        return true;
    for (const QString &field :
         { alert.message, alert.type, alert.clientId, alert.location, alert.id, alert.detail,
           noc::alertKindName(alert.kind), noc::severityName(alert.severity) }) {
        if (field.contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool AlertFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // "Less" means "shown above".
    // The common orders straight from the rows: no QVariant per comparison.
    if (m_sortOrder == SortOrder::SeverityThenTime)
        return m_alerts->severitySortKey(left.row()) > m_alerts->severitySortKey(right.row());
    if (m_sortOrder == SortOrder::Time)
        return m_alerts->sequenceAt(left.row()) > m_alerts->sequenceAt(right.row());
    if (m_sortOrder == SortOrder::Repeats) {
        const int l = m_alerts->alertAt(left.row()).suppressedCount;
        const int r = m_alerts->alertAt(right.row()).suppressedCount;
        if (l != r)
            return l > r;
        return m_alerts->sequenceAt(left.row()) > m_alerts->sequenceAt(right.row());
    }
    const auto newer = [&] {
        return left.data(AlertModel::SequenceRole).toULongLong()
            > right.data(AlertModel::SequenceRole).toULongLong();
    };
    const auto bySeverityThenAck = [&](bool &decided) {
        decided = true;
        const int ls = left.data(AlertModel::SeverityRole).toInt();
        const int rs = right.data(AlertModel::SeverityRole).toInt();
        if (ls != rs)
            return ls > rs;
        const bool la = left.data(AlertModel::AckStateRole).toInt()
            == static_cast<int>(AlertModel::AckState::Acknowledged);
        const bool ra = right.data(AlertModel::AckStateRole).toInt()
            == static_cast<int>(AlertModel::AckState::Acknowledged);
        if (la != ra)
            return !la; // acknowledged sinks below unacknowledged of the same severity
        decided = false;
        return false;
    };
    bool decided = false;
    switch (m_sortOrder) {
    case SortOrder::SeverityThenTime: {
        const bool result = bySeverityThenAck(decided);
        return decided ? result : newer();
    }
    case SortOrder::Time:
    case SortOrder::Repeats: // decided above
        return newer();
    case SortOrder::Client:
    case SortOrder::Type: {
        const int role = m_sortOrder == SortOrder::Client ? AlertModel::ClientRole : AlertModel::TypeRole;
        const int order
            = QString::compare(left.data(role).toString(), right.data(role).toString(), Qt::CaseInsensitive);
        if (order != 0)
            return order < 0;
        return newer();
    }
    case SortOrder::AckState: {
        const int lr = ackRank(left.data(AlertModel::AckStateRole).toInt());
        const int rr = ackRank(right.data(AlertModel::AckStateRole).toInt());
        if (lr != rr)
            return lr < rr;
        const bool result = bySeverityThenAck(decided);
        return decided ? result : newer();
    }
    case SortOrder::Status: {
        const int ls = statusRank(effectiveStatusAt(left.row()));
        const int rs = statusRank(effectiveStatusAt(right.row()));
        if (ls != rs)
            return ls < rs;
        const int lr = ackRank(left.data(AlertModel::AckStateRole).toInt());
        const int rr = ackRank(right.data(AlertModel::AckStateRole).toInt());
        if (lr != rr)
            return lr < rr;
        const bool result = bySeverityThenAck(decided);
        return decided ? result : newer();
    }
    }
    return newer();
}

QVariant AlertFilterModel::data(const QModelIndex &index, int role) const
{
    if (role == SelectedRole) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        return m_selected.contains(index.data(AlertModel::KeyRole).toString());
    }
    return QSortFilterProxyModel::data(index, role);
}

QHash<int, QByteArray> AlertFilterModel::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert(SelectedRole, "selected");
    return names;
}

void AlertFilterModel::scheduleCounts()
{
    if (!m_countTimer.isActive())
        m_countTimer.start();
}

void AlertFilterModel::recount()
{
    QList<int> counts(noc::kSeverityCount, 0);
    const int rows = rowCount();
    const AlertModel *alerts = m_alerts.data();
    // Without a filter beyond acknowledgement, the source keeps these counts already: no pass over
    // every row on every change (that grew with retention: 200k rows, ten times a second in a storm).
    // (The source counts open rows only, as the list shows them unless closed ones are asked for.)
    const bool unfiltered = alerts && m_severities.isEmpty() && m_clients.isEmpty() && m_searchText.isEmpty()
        && !m_showClosed && m_statuses.isEmpty();
    bool counted = false;
    if (unfiltered && m_ackFilter == AckFilter::All) {
        counts = alerts->totalBySeverity();
        counted = true;
    } else if (unfiltered && m_ackFilter == AckFilter::Unacknowledged) {
        counts = alerts->unacknowledgedBySeverity();
        counted = true;
    }
    for (int row = 0; !counted && row < rows; ++row) {
        const int severity = alerts->severityAt(mapToSource(index(row, 0)).row());
        if (severity >= 0 && severity < noc::kSeverityCount)
            ++counts[severity];
    }
    if (counts == m_counts)
        return;
    m_counts = counts;
    Q_EMIT countsChanged();
}

void AlertFilterModel::noteClients(int count)
{
    if (!m_alerts)
        return;
    bool added = false;
    for (int row = 0; row < count; ++row) {
        const QString &clientId = m_alerts->alertAt(row).clientId;
        if (clientId.isEmpty() || isRecentClient(clientId))
            continue;
        m_recentClients.at(m_nextRecentClient) = clientId;
        m_nextRecentClient = (m_nextRecentClient + 1) % m_recentClients.size();
        if (!m_knownClientSet.contains(clientId)) {
            m_knownClientSet.insert(clientId);
            m_knownClients.append(clientId);
            added = true;
        }
    }
    if (!added)
        return;
    m_knownClients.sort(Qt::CaseInsensitive);
    Q_EMIT knownClientsChanged();
}

bool AlertFilterModel::isRecentClient(const QString &clientId) const
{
    // A storm brings 100k alerts from a handful of clients, whose names the channel shares between
    // its alerts: the same characters at the same address are the same client, with no hashing.
    // Holding the copies keeps those addresses from being reused for another name.
    return std::any_of(m_recentClients.cbegin(), m_recentClients.cend(), [&clientId](const QString &known) {
        return known.constData() == clientId.constData() && known.size() == clientId.size();
    });
}

QString AlertFilterModel::keyAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return index(row, 0).data(AlertModel::KeyRole).toString();
}

int AlertFilterModel::rowOfKey(const QString &key) const
{
    if (!m_alerts || key.isEmpty())
        return -1;
    const int sourceRow = m_alerts->rowOfKey(key);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_alerts->index(sourceRow, 0)).row();
}

QStringList AlertFilterModel::selectedKeys() const
{
    QStringList keys(m_selected.cbegin(), m_selected.cend());
    keys.sort();
    return keys;
}

void AlertFilterModel::emitSelectedChanged(const QString &key)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    const QModelIndex at = index(row, 0);
    Q_EMIT dataChanged(at, at, { SelectedRole });
}

void AlertFilterModel::select(int row, bool selected)
{
    const QString key = keyAt(row);
    if (key.isEmpty() || m_selected.contains(key) == selected)
        return;
    if (selected)
        m_selected.insert(key);
    else
        m_selected.remove(key);
    emitSelectedChanged(key);
    Q_EMIT selectionChanged();
}

void AlertFilterModel::toggleSelected(int row)
{
    const QString key = keyAt(row);
    if (!key.isEmpty())
        select(row, !m_selected.contains(key));
}

void AlertFilterModel::selectRange(int from, int to)
{
    const int first = qBound(0, qMin(from, to), rowCount() - 1);
    const int last = qBound(0, qMax(from, to), rowCount() - 1);
    if (rowCount() == 0)
        return;
    bool changed = false;
    for (int row = first; row <= last; ++row) {
        const QString key = keyAt(row);
        if (!m_selected.contains(key)) {
            m_selected.insert(key);
            changed = true;
        }
    }
    if (!changed)
        return;
    Q_EMIT dataChanged(index(first, 0), index(last, 0), { SelectedRole });
    Q_EMIT selectionChanged();
}

void AlertFilterModel::selectAll()
{
    if (rowCount() > 0)
        selectRange(0, rowCount() - 1);
}

void AlertFilterModel::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    const QSet<QString> previous = std::exchange(m_selected, {});
    for (const QString &key : previous)
        emitSelectedChanged(key);
    Q_EMIT selectionChanged();
}

void AlertFilterModel::dropVanishedSelection()
{
    // Evicted or filtered-out rows leave the selection: acknowledging what you cannot see would surprise.
    bool changed = false;
    for (auto it = m_selected.begin(); it != m_selected.end();) {
        if (rowOfKey(*it) < 0) {
            it = m_selected.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        Q_EMIT selectionChanged();
}

QStringList AlertFilterModel::selectedKeysOr(int row) const
{
    QStringList keys = selectedKeys();
    if (keys.isEmpty()) {
        const QString key = keyAt(row);
        if (!key.isEmpty())
            keys.append(key);
    }
    return keys;
}

int AlertFilterModel::countWithRecord(const QStringList &keys) const
{
    return m_alerts ? m_alerts->countWithRecord(keys) : 0;
}

int AlertFilterModel::acknowledgeSelectedOr(int row)
{
    if (!m_alerts)
        return 0;
    const QStringList keys = selectedKeysOr(row);
    if (keys.isEmpty())
        return 0;
    m_alerts->acknowledgeKeys(keys);
    return static_cast<int>(keys.size());
}
