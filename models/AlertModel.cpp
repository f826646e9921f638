// SPDX-License-Identifier: MIT
#include "AlertModel.h"

#include "ArrivalRate.h"
#include "Escalation.h"
#include "EvictionPlan.h"
#include "NocClient.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
// Ten updates a second: a person reads a stream no faster, and each update is a frame to render (a full
// CPU-rendered frame on a machine without a GPU). Wall screens ask for fewer.
constexpr int kDefaultCoalesceMs = 100;
// An urgent alert (CRITICAL) is shown at once; a run of them changes the view at most 20 times a second.
constexpr qint64 kUrgentMinGapMs = 50;
constexpr int kStormPerSecond = 500;
constexpr int kStormCoalesceMs = 100;
// A sort key's low bits: the row's sequence number.
constexpr quint64 kSequenceMask = (quint64(1) << 59) - 1;
} // namespace

AlertModel::AlertModel(QObject *parent) : QAbstractListModel(parent)
{
    static const noc::SystemClock systemClock;
    m_coalesceMs = kDefaultCoalesceMs;
    setClock(&systemClock);
}

AlertModel::~AlertModel() = default;

void AlertModel::setClock(const noc::Clock *clock)
{
    m_clock = clock;
    m_coalesce = clock->createTimer();
    m_coalesce->onTimeout = [this] { flush(); };
    m_settle = clock->createTimer();
    m_settle->onTimeout = [this] { flush(); };
    m_rate = std::make_unique<ArrivalRate>(*clock, [this] { Q_EMIT rateChanged(); });
    m_lastFlushMs = std::numeric_limits<qint64>::min() / 2;
}

void AlertModel::setClient(noc::NocClient *client)
{
    if (!m_client.follow(client, this))
        return;
    m_waitingAcks.clear();
    m_waitingActions.clear();
    if (client) {
        connect(client, &noc::NocClient::alertsReceived, this, &AlertModel::addAlerts);
        connect(client, &noc::NocClient::alertDetailRead, this,
                [this](const noc::AlertRecordDetail &detail) { refreshRecords({ detail.alert }); });
        connect(client, &noc::NocClient::acknowledgementPending, this, &AlertModel::markPending);
        connect(client, &noc::NocClient::alertActionPending, this, &AlertModel::markActionPending);
        connect(client, &noc::NocClient::acknowledgementConfirmed, this, &AlertModel::markConfirmed);
        connect(client, &noc::NocClient::acknowledgementFailed, this, &AlertModel::markFailed);
        connect(client, &noc::NocClient::alertStatusChanged, this, &AlertModel::applyStatus);
        connect(client, &noc::NocClient::openAlertClosed, this, [this](const noc::AlertUpdatedEvent &update) {
            applyStatus(update.alertId, update.status, update.timestamp);
        });
        connect(client, &noc::NocClient::alertActionSettled, this, &AlertModel::applyActionOutcome);
        // The feed going stale is urgent: what arrived before it is shown with the banner, not later.
        connect(client, &noc::NocClient::staleChanged, this, [this] {
            if (m_client && m_client->isStale())
                flush();
        });
        markWhatIsPending();
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
    if (m_coalesceMs == milliseconds)
        return;
    m_coalesceMs = milliseconds;
    Q_EMIT coalesceIntervalMsChanged();
}

void AlertModel::setStormThresholdPerMinute(int perMinute)
{
    perMinute = qMax(1, perMinute);
    if (m_stormThreshold == perMinute)
        return;
    m_stormThreshold = perMinute;
    Q_EMIT rateChanged();
}

QList<int> AlertModel::unacknowledgedBySeverity() const
{
    return m_counters.unhandled();
}

QList<int> AlertModel::totalBySeverity() const
{
    return m_counters.total();
}

int AlertModel::unacknowledgedCount() const
{
    return m_counters.unhandledCount();
}

int AlertModel::worstUnacknowledgedSeverity() const
{
    return m_counters.worstUnhandled();
}

int AlertModel::receivedLastMinute() const
{
    return m_rate->lastMinute();
}

bool AlertModel::serverAcknowledgeable(const noc::Alert &alert)
{
    // The feed decides (noc::AlertFeed::serverCanAcknowledge); an alert_new always qualifies.
    return alert.kind == noc::AlertKind::Alert || alert.serverAcknowledgeable;
}

quint64 AlertModel::severitySortKey(int row) const
{
    return m_sortKeys.at(viewRow(row));
}

quint64 AlertModel::sortKeyOf(const Row &row)
{
    const quint64 unacknowledged = row.ackState == AckState::Acknowledged ? 0 : 1;
    return (quint64(row.alert.severity) << 60) | (unacknowledged << 59) | (row.seq & kSequenceMask);
}

quint64 AlertModel::sequenceAt(int row) const
{
    return m_rows.at(viewRow(row)).seq;
}

int AlertModel::severityAt(int row) const
{
    return static_cast<int>(m_rows.at(viewRow(row)).alert.severity);
}

bool AlertModel::isAcknowledgedAt(int row) const
{
    return m_rows.at(viewRow(row)).ackState == AckState::Acknowledged;
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

void AlertModel::addAlerts(const noc::AlertBatch &alerts)
{
    if (alerts.isEmpty())
        return;
    m_pending.append(alerts); // shares the sender's list
    const int interval = m_coalesceMs;
    const qint64 now = m_clock->monotonicMs();
    if (!m_coalesce->isActive()) {
        // In a storm nobody reads individual rows: insert bigger batches less often, so the list, its
        // sorting proxy and the renderer keep up (one re-mapping per batch, not per frame).
        const bool storm = interval > 0 && m_rate->latestSecond() > kStormPerSecond;
        m_stormWait = storm;
        // The first alert after a quiet spell shows at once; the next ones wait for the beat, so a
        // stream changes the view at most once per interval.
        const qint64 beat = storm ? qMax(interval, kStormCoalesceMs) : interval;
        m_coalesce->start(qMax<qint64>(0, m_lastFlushMs + beat - now));
    }
    if (!m_stormWait && m_coalesce->deadlineMs() > now && containsUrgent(alerts)) {
        // A CRITICAL alert does not wait for the beat.
        const qint64 urgent = qMax(now, m_lastFlushMs + kUrgentMinGapMs);
        if (urgent < m_coalesce->deadlineMs())
            m_coalesce->start(urgent - now);
    }
    // The long wait bounds how often a storm is inserted; a pause in the feed (its end, above all)
    // need not wait for it: once nothing has come for one interval, what is there is shown.
    if (m_stormWait)
        m_settle->start(interval);
}

bool AlertModel::containsUrgent(const noc::AlertBatch &alerts)
{
    return std::any_of(alerts.cbegin(), alerts.cend(),
                       [](const noc::Alert &a) { return a.severity == noc::Severity::Critical; });
}

int AlertModel::positionOf(const QString &key) const
{
    const std::optional<noc::AlertIdentity> identity = noc::AlertIdentity::parse(key);
    return identity ? positionOf(*identity) : -1;
}

int AlertModel::positionOf(const noc::AlertIdentity &identity) const
{
    const auto it = m_seqByKey.constFind(identity);
    return it == m_seqByKey.constEnd() ? -1 : positionOfSeq(it.value());
}

int AlertModel::positionOfSeq(quint64 seq) const
{
    // The sort keys hold each row's sequence in their low bits, in the rows' (ascending) order: the
    // search reads eight-byte keys rather than 320-byte rows.
    const auto found
        = std::lower_bound(m_sortKeys.cbegin(), m_sortKeys.cend(), seq,
                           [](quint64 key, quint64 value) { return (key & kSequenceMask) < value; });
    if (found == m_sortKeys.cend() || (*found & kSequenceMask) != seq)
        return -1;
    return static_cast<int>(found - m_sortKeys.cbegin());
}

bool AlertModel::isUnacknowledgedSequence(quint64 sequence) const
{
    const int position = positionOfSeq(sequence);
    return position >= 0 && m_rows.at(position).ackState != AckState::Acknowledged;
}

int AlertModel::rowOfKey(const QString &key) const
{
    const int position = positionOf(key);
    return position < 0 ? -1 : viewRow(position);
}

bool AlertModel::isUnacknowledged(const QString &key) const
{
    const int position = positionOf(key);
    return position >= 0 && m_rows.at(position).ackState != AckState::Acknowledged;
}

void AlertModel::followStatus(Row &row)
{
    const noc::AlertStatus status = row.alert.status;
    const bool handled = status == noc::AlertStatus::Acknowledged || status == noc::AlertStatus::Assigned
        || status == noc::AlertStatus::Escalated || !noc::isOpen(status);
    if (handled && row.ackState != AckState::Acknowledged) {
        row.ackState = AckState::Acknowledged;
        row.ackReason.clear();
    }
}

void AlertModel::applyStatus(const QString &alertId, noc::AlertStatus status, const QDateTime &at)
{
    flush(); // an alert still waiting to be shown must not come in with its older status afterwards
    int position = positionOf(noc::AlertIdentity { noc::AlertKind::Alert, alertId });
    // Held only as its page: a critical_alert is pushed to every screen, its alert_new only to those
    // following that client. The alert's fate is the page's, or the page stays unhandled for good.
    if (position < 0)
        position = positionOf(noc::AlertIdentity { noc::AlertKind::CriticalAlert, alertId });
    if (position < 0 || status == noc::AlertStatus::Unknown)
        return;
    Row &row = m_rows[position];
    row.statusAt = at;
    if (row.alert.status == status)
        return;
    countRow(position, -1);
    row.alert.status = status;
    if (row.ackState != AckState::Acknowledged && status != noc::AlertStatus::New)
        row.ackAt = at;
    followStatus(row);
    countRow(position, +1);
    const QModelIndex changed = index(viewRow(position));
    Q_EMIT dataChanged(changed, changed);
    Q_EMIT countsChanged();
    bumpRevision();
}

void AlertModel::countRow(qsizetype position, int delta)
{
    const Row &row = m_rows.at(position);
    // Every change to a row already counted starts by taking it out of the counters, and ends by
    // putting it back: then its sort key is brought up to date (a new row's is appended).
    if (delta < 0) {
        ++m_existingRowChanges;
    } else if (position < m_sortKeys.size()) {
        m_sortKeys[position] = sortKeyOf(row);
    } else {
        m_sortKeys.append(sortKeyOf(row));
    }
    m_counters.count(row.alert.severity, noc::isOpen(row.alert.status),
                     row.ackState == AckState::Acknowledged, delta);
}

void AlertModel::bumpRevision()
{
    ++m_revision;
    Q_EMIT revisionChanged();
}

void AlertModel::flush()
{
    m_coalesce->stop();
    m_settle->stop();
    if (m_pending.isEmpty())
        return;
    m_lastFlushMs = m_clock->monotonicMs();
    QList<noc::AlertBatch> batches;
    batches.swap(m_pending);
    qsizetype arrivals = 0;
    for (const noc::AlertBatch &batch : std::as_const(batches))
        arrivals += batch.size();
    // Records read again from the server (a load, a re-read) are not news: the rate and the storm
    // detection count what was raised, i.e. pushed or created since a gap.
    qsizetype raised = 0;
    for (const noc::AlertBatch &batch : std::as_const(batches)) {
        for (const noc::Alert &alert : batch)
            raised += alert.backfilled ? 0 : 1;
    }
    m_totalReceived += raised;
    m_rate->note(raised);

    // New rows take the next sequence numbers in arrival order, so the number a key maps to also says
    // where its row is: below firstFreshSeq among m_rows, from it on in `fresh`. One hash lookup per
    // alert finds a known row and claims a number for a new one. `fresh` points into the batches: the
    // new alerts are moved once, straight into m_rows, inside the insert.
    const quint64 firstFreshSeq = m_nextSeq;
    QList<noc::Alert *> fresh;
    fresh.reserve(arrivals);
    QList<qsizetype> changed; // rows already shown that this flush updates
    for (noc::AlertBatch &batch : batches) {
        for (noc::Alert &alert : batch) {
            if (mergeIntoTwin(alert, fresh, firstFreshSeq, changed))
                continue;
            quint64 &seq = m_seqByKey[alert.identity()];
            const int position = seq != 0 && seq < firstFreshSeq ? positionOfSeq(seq) : -1;
            if (seq >= firstFreshSeq) {
                noc::Alert *&earlier = fresh[qsizetype(seq - firstFreshSeq)];
                takeRepeats(alert, *earlier);
                earlier = &alert; // the later copy wins
            } else if (position >= 0) {
                // Seen before (two subscriptions, reconnect overlap, a ticket moving on): update in
                // place, keeping the acknowledgement: the server re-sending an alert does not
                // un-acknowledge it.
                Row &row = m_rows[position];
                countRow(position, -1);
                const QDateTime firstSeen = row.alert.receivedAt;
                const noc::AlertStatus knownStatus = row.alert.status;
                // A record read before the last status change heard for this row is older news.
                const bool staleRecord
                    = alert.backfilled && row.statusAt.isValid() && alert.receivedAt < row.statusAt;
                // A push knows no repeats, an older record fewer: the newest count stays.
                takeRepeats(alert, row.alert);
                row.alert = std::move(alert);
                row.alert.receivedAt = firstSeen;
                // A push knows no status: the record's stays until the server says another.
                if (row.alert.status == noc::AlertStatus::Unknown || staleRecord)
                    row.alert.status = knownStatus;
                followStatus(row);
                countRow(position, +1);
                changed.append(position);
            } else {
                seq = m_nextSeq++;
                fresh.append(&alert);
            }
        }
    }
    emitRowsChanged(std::move(changed)); // before the insert: the view rows are still these

    const auto added = static_cast<int>(fresh.size());
    if (added > 0) {
        if (m_rows.isEmpty())
            makeRoomForCap();
        // New rows appear at the top of the view, newest first, in one insert.
        beginInsertRows({}, 0, added - 1);
        quint64 seq = firstFreshSeq;
        const bool waiting = !m_waitingAcks.isEmpty() || !m_waitingActions.isEmpty();
        for (noc::Alert *alert : std::as_const(fresh)) {
            m_rows.append(Row { seq++,
                                AckState::New,
                                noc::AlertActionState::None,
                                noc::AlertActionKind::Resolve,
                                std::move(*alert),
                                {},
                                {},
                                {},
                                {},
                                {},
                                {} });
            if (waiting)
                applyWaitingMarks(m_rows.last());
            followStatus(m_rows.last());
            countRow(m_rows.size() - 1, +1);
        }
        endInsertRows();
        Q_EMIT countChanged();
        Q_EMIT alertsAdded(added); // before eviction: view rows 0..added-1 are exactly the new ones
    }
    evictOverCap();
    Q_EMIT countsChanged();
    bumpRevision();
}

bool AlertModel::mergeIntoTwin(const noc::Alert &alert, QList<noc::Alert *> &fresh, quint64 firstFreshSeq,
                               QList<qsizetype> &changed)
{
    const std::optional<quint64> twinSeq = noc::escalation::twinIn(alert, m_seqByKey);
    if (!twinSeq)
        return false;
    const quint64 seq = *twinSeq;
    const noc::AlertIdentity twinKey = noc::escalation::twinIdentity(alert);
    if (seq >= firstFreshSeq) {
        noc::Alert &twin = *fresh[qsizetype(seq - firstFreshSeq)];
        if (!noc::escalation::areTwins(twin, alert))
            return false;
        m_seqByKey.remove(twinKey);
        noc::escalation::absorb(twin, alert);
        m_seqByKey.insert(twin.identity(), seq);
        return true;
    }
    const int position = positionOfSeq(seq);
    if (position < 0 || !noc::escalation::areTwins(m_rows.at(position).alert, alert))
        return false;
    Row &row = m_rows[position];
    countRow(position, -1);
    m_seqByKey.remove(twinKey);
    noc::escalation::absorb(row.alert, alert);
    m_seqByKey.insert(row.alert.identity(), seq);
    followStatus(row); // the alert_new half may bring a record's status (acknowledged, resolved)
    countRow(position, +1);
    changed.append(position);
    return true;
}

void AlertModel::evictOverCap()
{
    const qsizetype excess = m_rows.size() - m_maxAlerts;
    if (excess <= 0)
        return;
    makeRoomForCap();
    const auto runs
        = planEviction(m_rows.size(), excess, m_counters.handledRows(), [this](qsizetype position) {
              return m_rows.at(position).ackState == AckState::Acknowledged;
          });
    for (const auto &[first, last] : runs) {
        beginRemoveRows({}, viewRow(static_cast<int>(last)), viewRow(static_cast<int>(first)));
        for (qsizetype p = first; p <= last; ++p) {
            countRow(p, -1);
            // Only if the key still names this row: a key is never taken from the row that has it now.
            if (const auto it = m_seqByKey.constFind(m_rows.at(p).alert.identity());
                it != m_seqByKey.constEnd() && it.value() == m_rows.at(p).seq)
                m_seqByKey.erase(it);
        }
        m_rows.remove(first, last - first + 1);
        m_sortKeys.remove(first, last - first + 1);
        endRemoveRows();
    }
    Q_EMIT countChanged();
    Q_EMIT countsChanged();
    bumpRevision();
}

void AlertModel::makeRoomForCap()
{
    // Rows arrive at the back and leave from the front, so the list's free space drifts through its
    // buffer. QList moves the rows back to the front only while they fill less than two thirds of it,
    // and grows the buffer otherwise: room for 13k rows, later 26k, for a 10k cap at 50 alerts/s, which a
    // long run saw as growth. So the list gets room for twice the cap, once. Best while it is empty
    // (the first flush): room not yet written costs address space, not memory. Later (a larger cap set)
    // the rows move over; QList::reserve would copy them, eleven reference counts each.
    if (m_seqByKey.capacity() < m_maxAlerts)
        m_seqByKey.reserve(m_maxAlerts); // no rehash after rehash as a storm fills the list
    const qsizetype room = 2 * qsizetype(m_maxAlerts);
    if (m_rows.capacity() >= room)
        return;
    m_sortKeys.reserve(room);
    QList<Row> roomier;
    roomier.reserve(room);
    for (Row &row : m_rows)
        roomier.append(std::move(row));
    m_rows.swap(roomier);
}

void AlertModel::clear()
{
    m_pending.clear();
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    ++m_existingRowChanges;
    m_rows.clear();
    m_sortKeys.clear();
    m_seqByKey.clear();
    m_counters.clear();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT countsChanged();
    bumpRevision();
}
