// SPDX-License-Identifier: MIT
#include "AlertHistory.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <array>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
const std::array kOpenStatuses { u"NEW"_s, u"ACKNOWLEDGED"_s, u"ASSIGNED"_s, u"ESCALATED"_s };
constexpr int kPageSize = 100;
constexpr qint64 kRetryUnavailableMs = 15 * 60 * 1000; // a refused history is asked again rarely
constexpr int kTransferTimeoutMs = 15000;
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
    m_profile = profile;
}

void AlertHistory::setSslConfiguration(const QSslConfiguration &configuration, bool insecure)
{
    m_ssl = configuration;
    m_insecure = insecure;
}

bool AlertHistory::mayRetry() const
{
    if (m_state != State::Unavailable || m_lastAttemptMs < 0)
        return true;
    return m_clock->monotonicMs() - m_lastAttemptMs >= kRetryUnavailableMs;
}

void AlertHistory::cancel()
{
    m_waitTimer->stop();
    m_job = Job::None;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_state == State::Loading)
        setState(State::Unknown);
}

void AlertHistory::loadOpen()
{
    if (m_job != Job::None)
        return;
    m_job = Job::LoadOpen;
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
    // cdtz has whole seconds and no tie-break: keep a second of slack.
    m_backfillFrom = newestKnown.isValid() ? newestKnown.addSecs(-1) : QDateTime();
    m_page = 1;
    m_pagesRead = 0;
    m_readThisJob = 0;
    setState(State::Loading);
    requestPage();
}

void AlertHistory::requestPage()
{
    QUrl url = m_profile.restUrl(u"/api/noc/alerts/"_s);
    QUrlQuery query;
    if (m_job == Job::LoadOpen)
        query.addQueryItem(u"status"_s, kOpenStatuses.at(static_cast<size_t>(m_statusIndex)));
    query.addQueryItem(u"page"_s, QString::number(m_page));
    query.addQueryItem(u"page_size"_s, QString::number(kPageSize));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kTransferTimeoutMs);
    if (url.scheme() == "https"_L1) {
        QSslConfiguration ssl = m_ssl;
        if (m_insecure)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    ++m_calls;
    m_lastAttemptMs = m_clock->monotonicMs();
    qCDebug(lcSession) << "reading alert records:" << redactedUrl(url);
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
    const auto result = parseAlertPage(status, body, m_clock->nowUtc());
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
    bool more = page.hasNext && m_pagesRead < m_pageBudget;
    if (m_job == Job::LoadOpen) {
        if (m_page == 1)
            m_openCountSum += page.count;
    } else if (m_backfillFrom.isValid() && page.oldestCreated.isValid()
               && page.oldestCreated < m_backfillFrom) {
        more = false; // reached what was known before the gap
    }
    m_readThisJob += static_cast<int>(page.alerts.size());
    if (m_job == Job::LoadOpen) {
        for (const Alert &alert : std::as_const(page.alerts))
            m_openIds.append(alert.id);
        if (page.hasNext && !more)
            m_truncated = true;
    }
    const bool backfill = m_job == Job::Backfill;
    if (!page.alerts.isEmpty())
        Q_EMIT alertsRead(page.alerts, backfill);
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

void AlertHistory::finish(int alerts)
{
    const bool backfill = m_job == Job::Backfill;
    if (m_job == Job::LoadOpen) {
        m_openOnServer = m_openCountSum;
        m_loadedOpen = alerts;
        if (!m_truncated)
            Q_EMIT openSetComplete(m_openIds, m_jobStartedAt);
    }
    m_job = Job::None;
    qCInfo(lcSession) << (backfill ? "back-filled" : "loaded") << alerts << "alert records";
    setState(State::Loaded);
    Q_EMIT finished(backfill, alerts);
}

void AlertHistory::fail(const AlertApiError &error)
{
    const bool backfill = m_job == Job::Backfill;
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
    if (m_state != State::Unavailable || m_reason != reason)
        qCWarning(lcSession).noquote() << "alert history unavailable:" << reason;
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
