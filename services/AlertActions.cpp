// SPDX-License-Identifier: MIT
#include "AlertActions.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
constexpr int kBulkLimit = 100; // the server's bound for alert_ids
constexpr qint64 kNoAnswerRetryMs = 30 * 1000; // doubling up to kNoAnswerRetryCapMs
constexpr qint64 kNoAnswerRetryCapMs = 10 * 60 * 1000;

std::optional<qint64> recordId(const QString &alertId)
{
    return alertRecordId(alertId);
}

QJsonArray idArray(const QStringList &alertIds)
{
    QJsonArray ids;
    for (const QString &id : alertIds)
        ids.append(recordId(id).value_or(0));
    return ids;
}

QString reasonOf(const AlertApiError &error)
{
    if (error.kind == AlertApiErrorKind::ServerError)
        return u"the server failed (HTTP %1): %2"_s.arg(error.httpStatus).arg(error.message);
    if (error.kind == AlertApiErrorKind::PermissionDenied)
        return u"not permitted: %1"_s.arg(error.message);
    return error.message;
}
} // namespace

AlertActions::AlertActions(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_outbox(std::make_unique<ActionOutbox>())
    , m_retryTimer(clock->createTimer())
{
    m_retryTimer->onTimeout = [this] { sendNext(); };
}

AlertActions::~AlertActions()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void AlertActions::setOutboxPath(const QString &filePath)
{
    m_outbox = std::make_unique<ActionOutbox>(filePath);
    m_outbox->load();
    if (!m_outbox->isEmpty())
        qCInfo(lcSession) << m_outbox->pendingAlerts() << "alert actions left by a previous run are queued";
    announcePending(m_outbox->requests());
    Q_EMIT pendingChanged();
    sendNext();
}

void AlertActions::resume()
{
    const QList<AlertActionRequest> adopted = m_outbox->retake();
    announcePending(adopted);
    if (!adopted.isEmpty())
        Q_EMIT pendingChanged();
    if (m_waitingForToken && m_access && m_access().accessToken == m_refusedToken) {
        // Still the refused token (the renewal could not run while the session was down): ask again.
        Q_EMIT tokenRejected();
        return;
    }
    sendNext();
}

void AlertActions::setActive(bool active)
{
    m_active = active;
    if (active)
        sendNext();
}

QString AlertActions::request(AlertActionKind kind, const QStringList &alertIds, const QString &text,
                              int userId)
{
    AlertActionRequest request;
    request.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.kind = kind;
    request.text = text;
    request.userId = userId;
    request.queuedAt = m_clock->nowUtc();
    request.username = m_access ? m_access().username : QString();
    Call refused { {}, kind, {}, false }; // answered here, by no request (empty key)
    for (const QString &id : alertIds) {
        const std::optional<qint64> record = recordId(id.trimmed());
        const QString canonical = record ? QString::number(*record) : id; // "012" and "12" are one alert
        if (!record)
            refused.alertIds.append(id);
        else if (!request.alertIds.contains(canonical))
            request.alertIds.append(canonical);
    }
    const bool needsColleague = kind != AlertActionKind::Resolve;
    if (needsColleague && userId <= 0) {
        refused.alertIds += request.alertIds;
        request.alertIds.clear();
    }
    if (!refused.alertIds.isEmpty()) {
        settle(refused, false,
               needsColleague && userId <= 0 ? u"no colleague chosen"_s
                                             : u"only alerts have server records to act on"_s);
    }
    if (request.alertIds.isEmpty())
        return {};
    // The program that held the file may be gone: keep this one on disk, with what that one left.
    announcePending(m_outbox->retake());
    m_outbox->add(request);
    announcePending({ request });
    qCInfo(lcSession) << "queued" << alertActionName(kind) << "of" << request.alertIds.size() << "alerts";
    Q_EMIT pendingChanged();
    sendNext();
    return request.key;
}

void AlertActions::announcePending(const QList<AlertActionRequest> &requests)
{
    for (const AlertActionRequest &request : requests) {
        for (const QString &id : request.alertIds)
            Q_EMIT actionPending(id, request.kind);
    }
}

AlertActions::Call AlertActions::nextCall(const AlertActionRequest &request)
{
    Call call { request.key, request.kind, {}, false };
    if (!request.retryGroups.isEmpty()) {
        call.alertIds = request.retryGroups.constFirst().split(u',', Qt::SkipEmptyParts);
        call.bulk = call.alertIds.size() > 1;
        return call;
    }
    if (request.kind == AlertActionKind::Resolve && request.alertIds.size() > 1) {
        call.alertIds = request.alertIds.mid(0, kBulkLimit);
        call.bulk = true;
        return call;
    }
    call.alertIds = { request.alertIds.constFirst() };
    return call;
}

void AlertActions::sendNext()
{
    if (!m_active || m_reply || m_retryTimer->isActive() || m_outbox->isEmpty() || !m_access)
        return;
    const SessionAccess access = m_access();
    if (access.accessToken.isEmpty() || (m_waitingForToken && access.accessToken == m_refusedToken))
        return;
    m_waitingForToken = false;
    const AlertActionRequest *next = m_outbox->firstFor(access.username);
    if (!next)
        return; // only other users' actions wait: their own sessions send them
    const AlertActionRequest request = *next;
    const Call call = nextCall(request);
    QJsonObject body;
    QString path;
    if (call.bulk) {
        path = u"/api/noc/alerts/bulk-action/"_s;
        body = { { "alert_ids"_L1, idArray(call.alertIds) },
                 { "action"_L1, u"resolve"_s },
                 { "resolution_notes"_L1, request.text } };
    } else {
        const QString id = call.alertIds.constFirst();
        path = u"/api/noc/alerts/%1/%2/"_s.arg(id, alertActionName(call.kind));
        switch (call.kind) {
        case AlertActionKind::Resolve:
            body = { { "resolution_notes"_L1, request.text } };
            break;
        case AlertActionKind::Assign:
            body = { { "assigned_to_id"_L1, request.userId } };
            if (!request.text.isEmpty())
                body.insert("comment"_L1, request.text);
            break;
        case AlertActionKind::Escalate:
            body = { { "escalated_to_id"_L1, request.userId }, { "reason"_L1, request.text } };
            break;
        }
    }
    const QNetworkRequest httpRequest = access.request(path, {}, true);
    m_sentWithToken = access.accessToken;
    ++m_calls;
    qCInfo(lcSession) << alertActionName(call.kind) << call.alertIds.size()
                      << "alerts:" << redactedUrl(httpRequest.url());
    Q_EMIT callStarting();
    m_reply = m_network->post(httpRequest, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this,
            [this, reply = m_reply.data(), call] { onAnswer(reply, call); });
}

void AlertActions::onAnswer(QNetworkReply *reply, const Call &call)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // No answer: the server may or may not have acted. Ask again later (acting twice ends the same),
        // less and less often: a server that hangs must not be asked 120 times an hour.
        const qint64 wait = qMin(kNoAnswerRetryCapMs, kNoAnswerRetryMs << qMin(m_noAnswerStreak++, 5));
        qCWarning(lcSession) << alertActionName(call.kind) << "got no answer:" << reply->errorString()
                             << "- trying again in" << wait / 1000 << "s";
        m_retryTimer->start(wait);
        return;
    }
    m_noAnswerStreak = 0;
    const auto answer = parseActionAnswer(status, reply->readAll(), reply->rawHeader("Retry-After"));
    const auto *answered = std::get_if<ActionAnswer>(&answer);
    Q_EMIT callAnswered(answered && answered->processed != 0);
    if (const auto *error = std::get_if<AlertApiError>(&answer)) {
        switch (error->kind) {
        case AlertApiErrorKind::RateLimited:
            qCWarning(lcSession) << "alert actions: rate limited; waiting" << error->retryAfterSeconds << "s";
            m_retryTimer->start(qint64(error->retryAfterSeconds) * 1000);
            return;
        case AlertApiErrorKind::Unauthenticated:
            if (std::exchange(m_renewedForRefusal, true) && m_sentWithToken != m_refusedToken) {
                // A renewed token refused too: the server will not take this session's word for it.
                m_renewedForRefusal = false;
                settle(call, false, u"the server refuses this session (401): %1"_s.arg(error->message));
                sendNext();
                return;
            }
            m_waitingForToken = true;
            m_refusedToken = m_sentWithToken;
            if (m_access && m_access().accessToken != m_sentWithToken) {
                sendNext(); // renewed while this call was under way
                return;
            }
            Q_EMIT tokenRejected();
            return;
        default:
            qCWarning(lcSession) << alertActionName(call.kind) << "refused:" << error->httpStatus
                                 << error->message;
            settle(call, false, reasonOf(*error));
            sendNext();
            return;
        }
    }
    m_renewedForRefusal = false;
    const auto &done = std::get<ActionAnswer>(answer);
    if (call.bulk && done.processed >= 0 && done.processed < call.alertIds.size()) {
        // The server skips unknown ids without saying which: halve until each has its own answer.
        qCInfo(lcSession) << "bulk" << alertActionName(call.kind) << "counted" << done.processed << "of"
                          << call.alertIds.size() << "- asking again in halves";
        m_outbox->splitForRetry(call.key, call.alertIds);
    } else {
        settle(call, true, {}, done.assignedTo);
    }
    sendNext();
}

void AlertActions::settle(const Call &call, bool done, const QString &reason, const QString &assignedTo)
{
    m_outbox->settle(call.key, call.alertIds);
    const QDateTime now = m_clock->nowUtc();
    for (const QString &id : call.alertIds)
        Q_EMIT settled(AlertActionOutcome { call.key, call.kind, id, done, reason, assignedTo, now });
    Q_EMIT pendingChanged();
}

} // namespace noc
