// SPDX-License-Identifier: MIT
#include "AlertHistory.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <algorithm>
#include <array>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
const std::array kOpenStatuses { u"NEW"_s, u"ACKNOWLEDGED"_s, u"ASSIGNED"_s, u"ESCALATED"_s };
constexpr int kPageSize = 100;
constexpr qint64 kRetryUnavailableMs = 15 * 60 * 1000; // a refused history is asked again rarely
constexpr qint64 kRetryFailedMs = 60 * 1000;
} // namespace

AlertHistory::AlertHistory(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent), m_network(network), m_clock(clock), m_waitTimer(clock->createTimer())
{
    m_waitTimer->onTimeout = [this] { requestPage(); };
}

AlertHistory::~AlertHistory()
{
    if (m_reply)
        m_reply->abort();
}

void AlertHistory::setProfile(const ServerProfile &profile)
{
    m_endpoint.profile = profile;
}

void AlertHistory::setSslConfiguration(const QSslConfiguration &configuration, bool insecure)
{
    m_endpoint.ssl = configuration;
    m_endpoint.insecureTls = insecure;
}

bool AlertHistory::mayRetry() const
{
    if (m_state != State::Unavailable || m_lastAttemptMs < 0)
        return true;
    // A server that refuses or lacks the list is asked rarely; a failed read (network, 5xx) soon.
    const qint64 wait = m_refusedByServer ? kRetryUnavailableMs : kRetryFailedMs;
    return m_clock->monotonicMs() - m_lastAttemptMs >= wait;
}

void AlertHistory::reset()
{
    cancel();
    m_lastAttemptMs = -1;
    m_openOnServer = 0;
    m_loadedOpen = 0;
    m_lastFailure.clear();
    m_refusedByServer = false;
    setState(State::Unknown);
}

void AlertHistory::cancel()
{
    m_waitTimer->stop();
    m_job = Job::None;
    m_read.clear();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_state == State::Loading)
        setState(State::Unknown);
}

void AlertHistory::loadOpen()
{
    if (m_job != Job::None)
        return;
    m_job = Job::LoadOpen;
    m_read.clear();
    m_jobStartedAt = m_clock->nowUtc();
    m_openIds.clear();
    m_truncated = false;
    m_statusIndex = 0;
    m_page = 1;
    m_pagesRead = 0;
    m_readThisJob = 0;
    m_openCountSum = 0;
    setState(State::Loading);
    requestPage();
}

void AlertHistory::backfill(const QDateTime &newestKnown)
{
    if (m_job != Job::None)
        return;
    m_job = Job::Backfill;
    m_recovered = 0;
    m_read.clear();
    // cdtz has whole seconds and no tie-break: keep a second of slack.
    m_backfillFrom = newestKnown.isValid() ? newestKnown.addSecs(-1) : QDateTime();
    m_truncated = false;
    m_page = 1;
    m_pagesRead = 0;
    m_readThisJob = 0;
    setState(State::Loading);
    requestPage();
}

void AlertHistory::requestPage()
{
    QUrlQuery query;
    if (m_job == Job::LoadOpen)
        query.addQueryItem(u"status"_s, kOpenStatuses.at(static_cast<size_t>(m_statusIndex)));
    query.addQueryItem(u"page"_s, QString::number(m_page));
    query.addQueryItem(u"page_size"_s, QString::number(kPageSize));
    const QNetworkRequest request = m_endpoint.request(u"/api/noc/alerts/"_s, query);
    ++m_calls;
    m_lastAttemptMs = m_clock->monotonicMs();
    m_requestedAt = m_clock->nowUtc();
    qCDebug(lcSession) << "reading alert records:" << redactedUrl(request.url());
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onPage(reply); });
}

void AlertHistory::onPage(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        fail({ AlertApiErrorKind::Network, 0, reply->errorString(), 0 });
        return;
    }
    // Stamped with when the read was asked for: a record is no newer than that (see AlertModel).
    std::variant<AlertPage, AlertApiError> result = status >= 200 && status <= 299
        ? parseAlertPage(status, body, m_requestedAt)
        : std::variant<AlertPage, AlertApiError>(
            parseAlertApiError(status, body, reply->rawHeader("Retry-After")));
    if (const auto *error = std::get_if<AlertApiError>(&result)) {
        // InvalidPage: alerts closed while paging shortened the list; past the end is the end (an
        // empty page below).
        if (error->kind == AlertApiErrorKind::RateLimited) {
            qCWarning(lcSession) << "alert records: rate limited; waiting" << error->retryAfterSeconds << "s";
            m_waitTimer->start(qint64(error->retryAfterSeconds) * 1000);
            return;
        }
        if (error->kind != AlertApiErrorKind::InvalidPage) {
            fail(*error);
            return;
        }
    }
    AlertPage page;
    if (const auto *read = std::get_if<AlertPage>(&result))
        page = *read;
    ++m_pagesRead;
    m_unreadable += page.unreadable;
    // A back-fill stops at what was known before the gap; both stop at the end or the page budget.
    const bool reachedKnown = m_job == Job::Backfill && m_backfillFrom.isValid()
        && page.oldestCreated.isValid() && page.oldestCreated < m_backfillFrom;
    const bool budgetLeft = m_pagesRead < m_pageBudget;
    const bool more = page.hasNext && budgetLeft && !reachedKnown;
    if (page.hasNext && !budgetLeft && !reachedKnown)
        m_truncated = true; // some were not read: said, never passed off as all
    if (m_job == Job::LoadOpen && m_page == 1)
        m_openCountSum += page.count;
    m_readThisJob += static_cast<int>(page.alerts.size());
    if (m_job == Job::LoadOpen) {
        for (const Alert &alert : std::as_const(page.alerts))
            m_openIds.append(alert.id);
    }
    for (Alert &alert : page.alerts) {
        // A back-fill reads whole pages; what it recovered is what was created since the gap began.
        if (m_job == Job::Backfill && (!m_backfillFrom.isValid() || alert.occurredAt >= m_backfillFrom))
            ++m_recovered;
        m_read.append(std::move(alert));
    }
    if (more) {
        ++m_page;
        requestPage();
        return;
    }
    if (m_job == Job::LoadOpen && ++m_statusIndex < int(kOpenStatuses.size())) {
        if (m_pagesRead >= m_pageBudget) {
            m_truncated = true; // statuses left unread
            finish(m_readThisJob);
            return;
        }
        m_page = 1;
        requestPage();
        return;
    }
    finish(m_readThisJob);
}

void AlertHistory::handOver()
{
    // Pages come newest first, status by status: handed on oldest first, rows take their places in
    // time order (arrival order is the model's tie-break and its eviction order).
    AlertBatch read;
    read.swap(m_read);
    std::stable_sort(read.begin(), read.end(),
                     [](const Alert &a, const Alert &b) { return a.occurredAt < b.occurredAt; });
    if (!read.isEmpty())
        Q_EMIT alertsRead(read, m_job == Job::Backfill);
}

void AlertHistory::finish(int alerts)
{
    const bool backfill = m_job == Job::Backfill;
    handOver();
    if (m_job == Job::LoadOpen) {
        m_openOnServer = m_openCountSum;
        m_loadedOpen = alerts;
        if (!m_truncated)
            Q_EMIT openSetComplete(m_openIds, m_jobStartedAt);
    }
    m_job = Job::None;
    m_lastFailure.clear();
    qCInfo(lcSession) << (backfill ? "back-filled" : "loaded") << alerts << "alert records;" << m_recovered
                      << "created since the gap";
    // The state changes last, so whoever hears it sees this read's counts.
    const bool changed = m_state != State::Loaded || !m_reason.isEmpty();
    m_state = State::Loaded;
    m_reason.clear();
    Q_EMIT finished(backfill, backfill ? m_recovered : alerts);
    if (changed)
        Q_EMIT stateChanged();
}

void AlertHistory::fail(const AlertApiError &error)
{
    const bool backfill = m_job == Job::Backfill;
    handOver(); // what earlier pages read is true all the same
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
        Q_EMIT tokenRejected();
        break;
    default:
        reason = tr("reading the alert list failed: %1").arg(error.message);
        break;
    }
    if (std::exchange(m_lastFailure, reason) != reason) // said once, not on every retry
        qCWarning(lcSession).noquote() << "alert history unavailable:" << reason;
    m_refusedByServer = error.kind == AlertApiErrorKind::HistoryRefused
        || error.kind == AlertApiErrorKind::PermissionDenied
        || error.kind == AlertApiErrorKind::EndpointMissing;
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
