// SPDX-License-Identifier: MIT
#include "HistorySync.h"

#include "AlertFeed.h"
#include "AlertHistory.h"
#include "Clock.h"

#include <algorithm>

namespace noc {

namespace {
// Re-reads of the open alerts (colleagues' actions) may spend a tenth of the 600 calls an hour the
// server allows a user, shared by all of that user's programs; a read of the four statuses costs four.
constexpr int kReconcileCallsPerHour = 60;
constexpr qint64 kHourMs = 3600 * 1000;
} // namespace

HistorySync::HistorySync(QNetworkAccessManager *network, const Clock *clock, AlertFeed *feed, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_feed(feed)
    , m_history(new AlertHistory(network, clock, this))
    , m_reconcileTimer(clock->createTimer())
{
    connect(m_history, &AlertHistory::stateChanged, this, &HistorySync::changed);
    connect(m_history, &AlertHistory::alertsRead, this, [this](const AlertBatch &alerts, bool backfill) {
        if (backfill) {
            // What the gap hid: records raised since it began (the pages also hold older ones, read whole)
            // that this client had never heard of.
            const QDateTime since = m_backfillFrom.addSecs(-1);
            m_backfillNew = static_cast<int>(
                std::count_if(alerts.cbegin(), alerts.cend(), [this, &since](const Alert &a) {
                    return !m_feed->knows(a.identity()) && (!a.occurredAt.isValid() || a.occurredAt >= since);
                }));
            // Closed before this client heard of them: not news, and not part of the open list either.
            AlertBatch news;
            for (const Alert &a : alerts) {
                if (isOpen(a.status) || m_feed->knows(a.identity()))
                    news.append(a);
            }
            m_feed->addRecords(news);
            return;
        }
        m_feed->addRecords(alerts);
    });
    // The newest alert known, pushed or read: where a back-fill may stop (reading from the start-up load's
    // newest instead would re-read everything pushed since).
    connect(m_feed, &AlertFeed::alertsReceived, this, [this](const AlertBatch &alerts) {
        if (m_enabled)
            m_reconciler.noteAlerts(alerts);
        for (const Alert &alert : alerts) {
            if (alert.occurredAt.isValid()
                && (!m_newestServerTime.isValid() || alert.occurredAt > m_newestServerTime))
                m_newestServerTime = alert.occurredAt;
        }
    });
    connect(m_history, &AlertHistory::openSetComplete, this,
            [this](const QStringList &openIds, const QDateTime &startedAt) {
                for (const AlertUpdatedEvent &update : m_reconciler.reconcile(openIds, startedAt))
                    Q_EMIT openAlertClosed(update);
            });
    connect(m_history, &AlertHistory::finished, this, [this](bool backfill, int) { onFinished(backfill); });
    connect(m_history, &AlertHistory::tokenRejected, this, &HistorySync::tokenRejected);
    m_reconcileTimer->onTimeout = [this] {
        if (m_live && !m_history->isBusy() && m_history->mayRetry()
            && (m_history->state() == AlertHistory::State::Loaded || !m_history->refusedByServer())) {
            if (const qint64 wait = budgetWaitMs(); wait > 0) {
                m_reconcileTimer->start(wait);
                return;
            }
            m_callsAtReconcileStart = m_history->calls();
            m_history->loadOpen();
        }
    };
}

HistorySync::~HistorySync() = default;

void HistorySync::setAccess(const std::function<SessionAccess()> &access)
{
    m_history->setAccess(access);
}

void HistorySync::tokenRenewed()
{
    m_history->tokenRenewed();
}

void HistorySync::onLive(int feedGaps, const QDateTime &lastGapFrom)
{
    m_gapFrom = lastGapFrom;
    const bool afterGap = std::exchange(m_gapsSeen, feedGaps) != feedGaps;
    if (m_enabled)
        read(afterGap);
}

void HistorySync::onClosed(bool colleaguesActed)
{
    if (colleaguesActed)
        m_reconcileAfterBackfill = true;
    m_reconcileTimer->stop();
}

void HistorySync::onStopped()
{
    m_history->reset();
    m_reconcileTimer->stop();
    m_backfillPending = false;
    m_reconcileAfterBackfill = false;
}

void HistorySync::reset()
{
    m_history->reset();
    m_reconciler.clear();
}

void HistorySync::noteStatus(const QString &alertId, AlertStatus status, const QDateTime &at)
{
    if (m_enabled)
        m_reconciler.noteStatus(alertId, status, at);
}

void HistorySync::read(bool afterGap)
{
    if (afterGap) {
        m_lastBackfillCount = -1;
        m_backfillPending = true;
        Q_EMIT changed();
    }
    if (m_history->isBusy())
        return; // the back-fill follows when the running read ends
    // Refused or absent on this server: asked again rarely, never on every reconnect (current servers
    // close every socket whenever anyone acts on an alert).
    if (m_history->state() == AlertHistory::State::Unavailable && !m_history->mayRetry()) {
        m_backfillPending = false;
        return;
    }
    if (std::exchange(m_backfillPending, false) && m_history->state() == AlertHistory::State::Loaded) {
        // From the newest alert the server told us of, or the gap's start if older: what came meanwhile.
        QDateTime from = m_gapFrom;
        if (m_newestServerTime.isValid() && m_newestServerTime < from)
            from = m_newestServerTime;
        m_backfillFrom = from;
        m_history->backfill(from);
    } else {
        m_history->loadOpen();
    }
}

void HistorySync::onFinished(bool backfill)
{
    if (backfill) {
        m_lastBackfillCount
            = m_history->state() == AlertHistory::State::Loaded ? std::exchange(m_backfillNew, 0) : -1;
        m_lastBackfillComplete = !m_history->lastReadTruncated();
    }
    if (!backfill && m_history->state() == AlertHistory::State::Loaded)
        m_lastReconcileMs = m_clock->monotonicMs();
    if (!backfill && m_callsAtReconcileStart >= 0) {
        m_reconcileSpend.append({ m_clock->monotonicMs(), m_history->calls() - m_callsAtReconcileStart });
        m_callsAtReconcileStart = -1;
    }
    Q_EMIT changed();
    if (!m_live)
        return;
    if (m_backfillPending) { // a gap ended while this read ran
        read(false);
        return;
    }
    if (m_history->state() != AlertHistory::State::Loaded) {
        // A failed read (network, 5xx, token) is tried again soon; a refusal waits for a reconnect.
        if (!m_history->refusedByServer())
            m_reconcileTimer->start(m_history->msUntilRetry());
        return;
    }
    if (std::exchange(m_reconcileAfterBackfill, false))
        reconcileSoon();
    else if (!m_reconcileTimer->isActive())
        m_reconcileTimer->start(qint64(m_reconcileSeconds) * 1000);
}

qint64 HistorySync::budgetWaitMs()
{
    const qint64 now = m_clock->monotonicMs();
    m_reconcileSpend.removeIf([now](const auto &spent) { return now - spent.first >= kHourMs; });
    int spent = 0;
    for (const auto &entry : std::as_const(m_reconcileSpend))
        spent += entry.second;
    const int next = qMax(
        1, m_history->calls() > 0 && !m_reconcileSpend.isEmpty() ? m_reconcileSpend.constLast().second : 4);
    if (spent + next <= kReconcileCallsPerHour || m_reconcileSpend.isEmpty())
        return 0;
    // Wait until enough of the oldest re-reads have left the hour.
    for (const auto &entry : std::as_const(m_reconcileSpend)) {
        spent -= entry.second;
        if (spent + next <= kReconcileCallsPerHour)
            return entry.first + kHourMs - now;
    }
    return kHourMs;
}

void HistorySync::reconcileSoon()
{
    // Every action by anyone closes every socket on current servers: a busy tenant must not turn each
    // of them into four list calls. At most one read a minute (a tenth of the period when shorter).
    const qint64 minGapMs = qMin<qint64>(60 * 1000, qint64(m_reconcileSeconds) * 100);
    const qint64 sinceLast = m_lastReconcileMs < 0 ? minGapMs : m_clock->monotonicMs() - m_lastReconcileMs;
    m_reconcileTimer->start(qMax<qint64>(0, minGapMs - sinceLast));
}

} // namespace noc
