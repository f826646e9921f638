// SPDX-License-Identifier: MIT
#include "AlertHistory.h"

#include "Clock.h"
#include "LoggingCategories.h"

#include <algorithm>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
const QStringList kOpenStatuses { u"NEW"_s, u"ACKNOWLEDGED"_s, u"ASSIGNED"_s, u"ESCALATED"_s };

RestJob::Policy historyPolicy()
{
    RestJob::Policy policy;
    // A failed read (no answer, 5xx, a token not taken) is tried again after a minute; a server that
    // refuses or lacks the list is asked rarely. Within a read, a 429 waits for Retry-After.
    policy.backoff = { .baseMs = 60 * 1000, .factor = 1.0, .capMs = 60 * 1000, .jitter = 0.0 };
    policy.refusedWaitMs = 15 * 60 * 1000;
    return policy;
}
} // namespace

AlertHistory::AlertHistory(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_pager(new AlertPager(network, clock, this))
{
    m_pager->job().setPolicy(historyPolicy());
    connect(m_pager, &AlertPager::finished, this, &AlertHistory::onRead);
    connect(m_pager, &AlertPager::failed, this, &AlertHistory::fail);
    connect(&m_pager->job(), &RestJob::tokenRejected, this, &AlertHistory::tokenRejected);
}

AlertHistory::~AlertHistory() = default;

void AlertHistory::setAccess(std::function<SessionAccess()> access)
{
    m_pager->job().setAccess(std::move(access));
}

void AlertHistory::tokenRenewed()
{
    m_pager->job().tokenRenewed();
}

bool AlertHistory::mayRetry() const
{
    return m_state != State::Unavailable || m_pager->job().mayStart();
}

qint64 AlertHistory::msUntilRetry() const
{
    const qint64 next = m_pager->job().nextTryMs();
    return next < 0 ? 0 : qMax<qint64>(0, next - m_clock->monotonicMs());
}

void AlertHistory::reset()
{
    cancel();
    m_pager->job().forgiveFailure();
    m_openOnServer = 0;
    m_loadedOpen = 0;
    m_lastFailure.clear();
    m_refusedByServer = false;
    setState(State::Unknown);
}

void AlertHistory::cancel()
{
    m_pager->cancel();
    m_job = Job::None;
    if (m_state == State::Loading)
        setState(State::Unknown);
}

void AlertHistory::loadOpen()
{
    if (m_job != Job::None)
        return;
    start(Job::LoadOpen, { kOpenStatuses, m_pageBudget, {} });
}

void AlertHistory::backfill(const QDateTime &newestKnown)
{
    if (m_job != Job::None)
        return;
    // cdtz has whole seconds and no tie-break: keep a second of slack.
    m_backfillFrom = newestKnown.isValid() ? newestKnown.addSecs(-1) : QDateTime();
    start(Job::Backfill, { {}, m_pageBudget, m_backfillFrom });
}

void AlertHistory::start(Job job, const AlertPager::Read &read)
{
    m_job = job;
    m_jobStartedAt = m_clock->nowUtc();
    m_truncated = false;
    setState(State::Loading);
    m_pager->read(read);
}

void AlertHistory::handOver(AlertBatch read)
{
    // Pages come newest first, status by status: handed on oldest first, rows take their places in
    // time order (arrival order is the model's tie-break and its eviction order).
    std::stable_sort(read.begin(), read.end(),
                     [](const Alert &a, const Alert &b) { return a.occurredAt < b.occurredAt; });
    if (!read.isEmpty())
        Q_EMIT alertsRead(read, m_job == Job::Backfill);
}

void AlertHistory::onRead(const AlertPager::Result &result)
{
    const bool backfill = m_job == Job::Backfill;
    const int alerts = static_cast<int>(result.alerts.size());
    m_unreadable += result.unreadable;
    m_truncated = !result.complete;
    // A back-fill reads whole pages; what it recovered is what was created since the gap began.
    const int recovered = backfill
        ? static_cast<int>(std::count_if(result.alerts.cbegin(), result.alerts.cend(),
                                         [this](const Alert &alert) {
                                             return !m_backfillFrom.isValid()
                                                 || alert.occurredAt >= m_backfillFrom;
                                         }))
        : 0;
    QStringList openIds;
    if (!backfill) {
        openIds.reserve(alerts);
        for (const Alert &alert : result.alerts)
            openIds.append(alert.id);
    }
    handOver(result.alerts);
    if (!backfill) {
        m_openOnServer = result.total;
        m_loadedOpen = alerts;
        if (!m_truncated)
            Q_EMIT openSetComplete(openIds, m_jobStartedAt);
    }
    m_job = Job::None;
    m_lastFailure.clear();
    qCInfo(lcAlerts) << (backfill ? "back-filled" : "loaded") << alerts << "alert records;" << recovered
                     << "created since the gap";
    // The state changes last, so whoever hears it sees this read's counts.
    const bool changed = m_state != State::Loaded || !m_reason.isEmpty();
    m_state = State::Loaded;
    m_reason.clear();
    Q_EMIT finished(backfill, backfill ? recovered : alerts);
    if (changed)
        Q_EMIT stateChanged();
}

void AlertHistory::fail(const AlertApiError &error, RestJob::Outcome outcome)
{
    const bool backfill = m_job == Job::Backfill;
    m_unreadable += m_pager->result().unreadable;
    handOver(m_pager->result().alerts); // what earlier pages read is true all the same
    m_job = Job::None;
    QString reason;
    switch (error.kind) {
    case AlertApiErrorKind::HistoryRefused:
        reason = tr("the server refuses to list alerts (HTTP 403: %1)").arg(error.message);
        break;
    case AlertApiErrorKind::PermissionDenied:
        reason = tr("this account may not list alerts (%1)").arg(error.message);
        break;
    case AlertApiErrorKind::EndpointMissing:
        reason = tr("the server has no alert list (HTTP 404)");
        break;
    case AlertApiErrorKind::Unauthenticated:
        reason = tr("the server did not accept the session's token");
        break;
    default:
        reason = tr("reading the alert list failed: %1").arg(error.message);
        break;
    }
    if (std::exchange(m_lastFailure, reason) != reason) // said once, not on every retry
        qCWarning(lcAlerts).noquote() << "alert history unavailable:" << reason;
    m_refusedByServer = outcome == RestJob::Outcome::Refused;
    setState(State::Unavailable, reason);
    Q_EMIT finished(backfill, 0);
}

void AlertHistory::setState(State state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT stateChanged();
}

} // namespace noc
