// SPDX-License-Identifier: MIT
#include "RestJob.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "ReplyAbandon.h"
#include "RetryAfter.h"
#include "UrlRedaction.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace noc {

RestJob::RestJob(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_backoff(m_policy.backoff)
    , m_timer(clock->createTimer())
{
    m_timer->onTimeout = [this] {
        if (m_state == State::WaitingToRetry) {
            send();
        } else if (m_state == State::WaitingForToken) {
            qCWarning(lcRest) << "no renewed token came for" << m_call.path;
            finish(m_lastFailure);
        }
    };
}

RestJob::~RestJob()
{
    abandonReply(m_reply, this);
}

void RestJob::setPolicy(const Policy &policy)
{
    m_policy = policy;
    m_backoff.setPolicy(policy.backoff);
}

RestJob::Outcome RestJob::outcomeOf(int httpStatus)
{
    if (httpStatus == 0)
        return Outcome::NoAnswer;
    if (httpStatus >= 200 && httpStatus <= 299)
        return Outcome::Success;
    if (httpStatus == 401)
        return Outcome::Unauthorized;
    if (httpStatus == 429)
        return Outcome::RateLimited;
    if (httpStatus >= 400 && httpStatus <= 499)
        return Outcome::Refused;
    if (httpStatus >= 500 && httpStatus <= 599)
        return Outcome::ServerError;
    return Outcome::BadAnswer;
}

void RestJob::start(const Call &call)
{
    cancel();
    m_call = call;
    m_noAnswerTries = 0;
    m_triedRenewedToken = false;
    send();
}

void RestJob::cancel()
{
    ++m_run;
    m_timer->stop();
    abandonReply(m_reply, this);
    m_state = State::Idle;
}

void RestJob::send()
{
    const SessionAccess access = m_access ? m_access() : SessionAccess {};
    const bool hasBody = m_call.method != "GET";
    const QNetworkRequest request = access.request(m_call.path, m_call.query, hasBody);
    m_sentWithToken = access.accessToken;
    m_sentAtMs = m_clock->monotonicMs();
    m_sentAt = m_clock->nowUtc();
    ++m_calls;
    m_state = State::Sending;
    qCDebug(lcRest).noquote() << m_call.method << redactedUrl(request.url());
    QNetworkReply *reply = nullptr;
    if (!hasBody)
        reply = m_network->get(request);
    else if (m_call.method == "POST")
        reply = m_network->post(request, m_call.body);
    else
        reply = m_network->sendCustomRequest(request, m_call.method, m_call.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
    Q_EMIT sending();
}

void RestJob::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply.clear();
    const quint64 run = m_run;
    Result result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.outcome = outcomeOf(result.httpStatus);
    result.sentAt = m_sentAt;
    if (result.outcome == Outcome::NoAnswer) {
        result.error = { AlertApiErrorKind::Network, 0, reply->errorString(), 0 };
        if (m_policy.noAnswerRetries < 0 || m_noAnswerTries < m_policy.noAnswerRetries) {
            // The server may or may not have acted: asked again (acting twice ends the same), less and
            // less often, so a server that hangs is not asked 120 times an hour.
            const qint64 wait = m_backoff.delayMs(m_noAnswerTries++);
            qCWarning(lcRest).noquote()
                << m_call.method << m_call.path << "got no answer:" << result.error.message
                << "- trying again in" << wait / 1000 << "s";
            retryIn(wait);
            return;
        }
        finish(result);
        return;
    }
    m_noAnswerTries = 0;
    result.body = reply->readAll();
    if (result.outcome != Outcome::Success)
        result.error = parseAlertApiError(result.httpStatus, result.body);
    if (result.outcome == Outcome::RateLimited) {
        const int wait
            = retryAfterSeconds(reply->rawHeader("Retry-After"), m_clock->nowUtc(), result.error.message)
                  .value_or(kDefaultRetryAfterSeconds);
        result.error.retryAfterSeconds = qMax(1, wait); // "0" must not turn into a tight loop
        m_rateLimitedUntilMs = m_clock->monotonicMs() + qint64(result.error.retryAfterSeconds) * 1000;
    }
    Q_EMIT answered(result.httpStatus);
    if (run != m_run)
        return; // cancelled or started again by whoever heard it
    switch (result.outcome) {
    case Outcome::Unauthorized:
        onUnauthorized(result);
        return;
    case Outcome::RateLimited:
        if (m_policy.waitOutRateLimit) {
            qCWarning(lcRest).noquote()
                << m_call.path << "rate limited; waiting" << result.error.retryAfterSeconds << "s";
            retryIn(qint64(result.error.retryAfterSeconds) * 1000);
            return;
        }
        finish(result);
        return;
    default:
        finish(result);
        return;
    }
}

void RestJob::onUnauthorized(const Result &result)
{
    // PROTOCOL.md section 6: refresh the token, retry once.
    if (m_triedRenewedToken) {
        finish(result); // a renewed token refused too: the server will not take this session's word for it
        return;
    }
    m_refusedToken = m_sentWithToken;
    m_lastFailure = result;
    if (m_access && m_access().accessToken != m_refusedToken) {
        m_triedRenewedToken = true; // renewed while this try was under way
        send();
        return;
    }
    m_state = State::WaitingForToken;
    if (m_policy.renewalWaitMs > 0)
        m_timer->start(m_policy.renewalWaitMs);
    Q_EMIT tokenRejected();
}

void RestJob::tokenRenewed()
{
    if (m_state != State::WaitingForToken)
        return;
    if (!m_access || m_access().accessToken == m_refusedToken) {
        Q_EMIT tokenRejected(); // the renewal could not run (the session was down): ask again
        return;
    }
    m_timer->stop();
    m_triedRenewedToken = true;
    send();
}

void RestJob::retryIn(qint64 milliseconds)
{
    m_state = State::WaitingToRetry;
    m_timer->start(milliseconds);
}

void RestJob::finish(Result result)
{
    m_timer->stop();
    m_state = State::Idle;
    if (result.outcome == Outcome::Success)
        forgiveFailure();
    else
        holdOff(result.outcome);
    Q_EMIT finished(result);
}

void RestJob::holdOff(Outcome outcome)
{
    const qint64 sent = m_sentAtMs >= 0 ? m_sentAtMs : m_clock->monotonicMs();
    switch (outcome) {
    case Outcome::Success:
        forgiveFailure();
        return;
    case Outcome::RateLimited:
        m_holdOffUntilMs = m_rateLimitedUntilMs;
        break;
    case Outcome::Refused:
        m_holdOffUntilMs = sent + m_policy.refusedWaitMs;
        break;
    default:
        m_holdOffUntilMs = sent + m_backoff.delayMs(m_failedRuns);
        break;
    }
    ++m_failedRuns;
}

void RestJob::forgiveFailure()
{
    m_failedRuns = 0;
    m_holdOffUntilMs = -1;
}

qint64 RestJob::nextTryMs() const
{
    if (m_state == State::WaitingToRetry)
        return m_timer->deadlineMs();
    if (m_state == State::Idle && m_holdOffUntilMs > m_clock->monotonicMs())
        return m_holdOffUntilMs;
    return -1;
}

QDateTime RestJob::nextTryAt() const
{
    const qint64 next = nextTryMs();
    if (next < 0)
        return {};
    return m_clock->nowUtc().addMSecs(next - m_clock->monotonicMs());
}

bool RestJob::mayStart() const
{
    return m_holdOffUntilMs < 0 || m_clock->monotonicMs() >= m_holdOffUntilMs;
}

} // namespace noc
