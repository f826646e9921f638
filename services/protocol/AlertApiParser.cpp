// SPDX-License-Identifier: MIT
#include "AlertApiParser.h"

#include "JsonRead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
std::optional<Alert> readItem(const QJsonValue &value, const QDateTime &receivedAt)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    Alert alert;
    alert.kind = AlertKind::Alert; // the records are the alerts alert_new announces, same ids
    alert.id = json::text(o, "id"_L1);
    if (alert.id.isEmpty())
        return std::nullopt;
    alert.severity = severityFromString(json::text(o, "severity"_L1));
    alert.status = alertStatusFromString(json::text(o, "status"_L1));
    alert.type = json::text(o, "alert_type"_L1);
    alert.message = json::text(o, "message"_L1);
    alert.clientId = json::text(o, "client_name"_L1);
    alert.location = json::text(o, "site_name"_L1);
    alert.occurredAt = json::timestamp(o, "cdtz"_L1);
    if (!alert.occurredAt.isValid())
        alert.occurredAt = json::timestamp(o, "first_seen"_L1);
    const qint64 repeats = json::integer(o, "suppressed_count"_L1).value_or(0);
    alert.suppressedCount = static_cast<int>(std::clamp<qint64>(repeats, 0, std::numeric_limits<int>::max()));
    alert.lastSeen = json::timestamp(o, "last_seen"_L1);
    alert.receivedAt = receivedAt;
    alert.serverAcknowledgeable = true;
    alert.backfilled = true;
    return alert;
}
} // namespace

std::variant<AlertPage, AlertApiError> parseAlertPage(int httpStatus, const QByteArray &body,
                                                      const QDateTime &receivedAt)
{
    if (httpStatus < 200 || httpStatus > 299)
        return parseAlertApiError(httpStatus, body);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue results = document.object().value("results"_L1);
    if (!document.isObject() || !results.isArray())
        return AlertApiError { AlertApiErrorKind::Unreadable, httpStatus, u"not an alert page"_s, 0 };
    AlertPage page;
    const QJsonObject o = document.object();
    page.count = static_cast<int>(json::integer(o, "count"_L1).value_or(0));
    // page_size always says 25 and next is built from the server's idea of its host: only its presence
    // counts.
    page.hasNext = o.value("next"_L1).isString() && !o.value("next"_L1).toString().isEmpty();
    for (const QJsonValue &item : results.toArray()) {
        auto alert = readItem(item, receivedAt);
        if (!alert) {
            ++page.unreadable;
            continue;
        }
        if (alert->occurredAt.isValid()
            && (!page.oldestCreated.isValid() || alert->occurredAt < page.oldestCreated))
            page.oldestCreated = alert->occurredAt;
        page.alerts.append(std::move(*alert));
    }
    return page;
}

std::variant<ActionAnswer, AlertApiError> parseActionAnswer(int httpStatus, const QByteArray &body)
{
    if (httpStatus < 200 || httpStatus > 299)
        return parseAlertApiError(httpStatus, body);
    // The HTTP answer decides; a 2xx whose body says little is still a success.
    ActionAnswer answer;
    const QJsonObject data = QJsonDocument::fromJson(body).object().value("data"_L1).toObject();
    if (const auto processed = json::integer(data, "processed"_L1))
        answer.processed = static_cast<int>(*processed);
    answer.assignedTo = json::text(data, "assigned_to"_L1);
    return answer;
}

std::variant<AlertRecordDetail, AlertApiError> parseAlertDetail(int httpStatus, const QByteArray &body,
                                                                const QDateTime &receivedAt)
{
    if (httpStatus < 200 || httpStatus > 299)
        return parseAlertApiError(httpStatus, body);
    const QJsonValue data = QJsonDocument::fromJson(body).object().value("data"_L1);
    std::optional<Alert> alert = readItem(data, receivedAt);
    if (!alert)
        return AlertApiError { AlertApiErrorKind::Unreadable, httpStatus, u"not an alert record"_s, 0 };
    const QJsonObject o = data.toObject();
    AlertRecordDetail detail;
    detail.alert = std::move(*alert);
    detail.alert.backfilled = false;
    detail.acknowledgedBy = json::text(o, "acknowledged_by_name"_L1);
    detail.acknowledgedAt = json::timestamp(o, "acknowledged_at"_L1);
    detail.assignedTo = json::text(o, "assigned_to_name"_L1);
    detail.assignedAt = json::timestamp(o, "assigned_at"_L1);
    detail.escalatedTo = json::text(o, "escalated_to_name"_L1);
    detail.escalatedAt = json::timestamp(o, "escalated_at"_L1);
    detail.resolvedBy = json::text(o, "resolved_by_name"_L1);
    detail.resolvedAt = json::timestamp(o, "resolved_at"_L1);
    detail.resolutionNotes = json::text(o.value("metadata"_L1).toObject(), "resolution_notes"_L1);
    return detail;
}

AlertApiError parseAlertApiError(int httpStatus, const QByteArray &body)
{
    AlertApiError error;
    error.httpStatus = httpStatus;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    // Three shapes: {"error": {"code", "message"}}, {"status": "error", "message"}, {"error": "text"}.
    const QJsonValue errorValue = o.value("error"_L1);
    QString code;
    if (errorValue.isObject()) {
        code = json::text(errorValue.toObject(), "code"_L1);
        error.message = json::text(errorValue.toObject(), "message"_L1);
    } else if (errorValue.isString()) {
        error.message = errorValue.toString();
    } else {
        error.message = json::text(o, "message"_L1);
        if (const QJsonValue errors = o.value("errors"_L1); errors.isObject()) {
            // "Invalid data" says little: the first field's complaint says what.
            const QJsonObject fields = errors.toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                const QJsonValue first = it.value().isArray() ? it.value().toArray().first() : it.value();
                if (first.isString()) {
                    error.message += u": "_s + it.key() + u": "_s + first.toString();
                    break;
                }
            }
        }
    }
    switch (httpStatus) {
    case 0:
        error.kind = AlertApiErrorKind::Network;
        break;
    case 400:
        error.kind = AlertApiErrorKind::Invalid;
        break;
    case 401:
        error.kind = AlertApiErrorKind::Unauthenticated;
        break;
    case 403:
        error.kind = code == "PERMISSION_DENIED"_L1 ? AlertApiErrorKind::PermissionDenied
                                                    : AlertApiErrorKind::HistoryRefused;
        break;
    case 404:
        if (error.message.contains("Invalid page"_L1, Qt::CaseInsensitive))
            error.kind = AlertApiErrorKind::InvalidPage;
        else if (error.message.contains("not found"_L1, Qt::CaseInsensitive) && !errorValue.isObject())
            error.kind = AlertApiErrorKind::NotFound;
        else
            error.kind = AlertApiErrorKind::EndpointMissing;
        break;
    case 429:
        error.kind = AlertApiErrorKind::RateLimited; // the wait is in a header: RestJob reads it
        break;
    default:
        error.kind = httpStatus >= 500 ? AlertApiErrorKind::ServerError : AlertApiErrorKind::Unreadable;
        break;
    }
    if (error.message.isEmpty())
        error.message = u"HTTP %1"_s.arg(httpStatus);
    return error;
}

} // namespace noc
