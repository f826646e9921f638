// SPDX-License-Identifier: MIT
#include "AlertActions.h"

#include "Clock.h"
#include "LoggingCategories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
constexpr int kBulkLimit = 100; // the server's bound for alert_ids

RestJob::Policy actionPolicy()
{
    RestJob::Policy policy;
    // No answer: the server may or may not have acted. Asked again (acting twice ends the same) after
    // 30 s, doubling up to 10 minutes, for as long as it takes; so is a 401's renewal waited for.
    policy.backoff = { .baseMs = 30 * 1000, .factor = 2.0, .capMs = 10 * 60 * 1000, .jitter = 0.0 };
    policy.noAnswerRetries = -1;
    policy.renewalWaitMs = 0;
    return policy;
}

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
    , m_clock(clock)
    , m_outbox(std::make_unique<ActionOutbox>())
    , m_job(new RestJob(network, clock, this))
{
    m_job->setPolicy(actionPolicy());
    connect(m_job, &RestJob::sending, this, &AlertActions::callStarting);
    connect(m_job, &RestJob::answered, this, [this](int httpStatus) {
        if (RestJob::outcomeOf(httpStatus) != RestJob::Outcome::Success)
            Q_EMIT callAnswered(false); // refused, changed nothing; a success says once it is read
    });
    connect(m_job, &RestJob::tokenRejected, this, &AlertActions::tokenRejected);
    connect(m_job, &RestJob::finished, this, &AlertActions::onAnswer);
}

AlertActions::~AlertActions() = default;

void AlertActions::setAccess(std::function<SessionAccess()> access)
{
    m_access = access;
    m_job->setAccess(std::move(access));
}

void AlertActions::setOutboxPath(const QString &filePath)
{
    m_outbox = std::make_unique<ActionOutbox>(filePath);
    m_outbox->load();
    if (!m_outbox->isEmpty())
        qCInfo(lcCommands) << m_outbox->pendingAlerts() << "alert actions left by a previous run are queued";
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
    if (m_job->isWaitingForToken()) {
        if (!m_access || m_access().username == m_callUser) {
            m_job->tokenRenewed(); // still the refused token (the renewal could not run): it asks again
            return;
        }
        m_job->cancel(); // somebody else signed in: not in their name; the call waits for its user
    }
    sendNext();
}

void AlertActions::setActive(bool active)
{
    m_active = active;
    if (!active && m_job->isRunning() && !m_job->isSending())
        m_job->cancel(); // a wait belongs to this session: the next one tries at once
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
    qCInfo(lcCommands) << "queued" << alertActionName(kind) << "of" << request.alertIds.size() << "alerts";
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

RestJob::Call AlertActions::describe(const Call &call, const AlertActionRequest &request)
{
    RestJob::Call rest;
    rest.method = "POST";
    QJsonObject body;
    if (call.bulk) {
        rest.path = u"/api/noc/alerts/bulk-action/"_s;
        body = { { "alert_ids"_L1, idArray(call.alertIds) },
                 { "action"_L1, u"resolve"_s },
                 { "resolution_notes"_L1, request.text } };
    } else {
        const QString id = call.alertIds.constFirst();
        rest.path = u"/api/noc/alerts/%1/%2/"_s.arg(id, alertActionName(call.kind));
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
    rest.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return rest;
}

void AlertActions::sendNext()
{
    if (!m_active || m_job->isRunning() || m_outbox->isEmpty() || !m_access)
        return;
    const SessionAccess access = m_access();
    if (access.accessToken.isEmpty())
        return;
    const AlertActionRequest *next = m_outbox->firstFor(access.username);
    if (!next)
        return; // only other users' actions wait: their own sessions send them
    const AlertActionRequest request = *next;
    m_call = nextCall(request);
    m_callUser = access.username;
    const RestJob::Call rest = describe(m_call, request);
    qCInfo(lcCommands).noquote() << alertActionName(m_call.kind) << m_call.alertIds.size()
                                 << "alerts:" << rest.path;
    m_job->start(rest);
}

void AlertActions::onAnswer(const RestJob::Result &result)
{
    const Call call = m_call;
    switch (result.outcome) {
    case RestJob::Outcome::Success:
        break;
    case RestJob::Outcome::Unauthorized:
        // A renewed token refused too: the server will not take this session's word for it.
        settle(call, false, u"the server refuses this session (401): %1"_s.arg(result.error.message));
        sendNext();
        return;
    default:
        qCWarning(lcCommands) << alertActionName(call.kind) << "refused:" << result.httpStatus
                              << result.error.message;
        settle(call, false, reasonOf(result.error));
        sendNext();
        return;
    }
    const auto answer = parseActionAnswer(result.httpStatus, result.body);
    const ActionAnswer done = std::get<ActionAnswer>(answer); // a 2xx always reads as an answer
    Q_EMIT callAnswered(done.processed != 0);
    if (call.bulk && done.processed >= 0 && done.processed < call.alertIds.size()) {
        // The server skips unknown ids without saying which: halve until each has its own answer.
        qCInfo(lcCommands) << "bulk" << alertActionName(call.kind) << "counted" << done.processed << "of"
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
