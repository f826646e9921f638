// SPDX-License-Identifier: MIT
#include "FrameDecoder.h"

#include "JsonRead.h"
#include "PlainAlertFrame.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace noc {

using namespace Qt::StringLiterals;

namespace {

QString excerptOf(const QByteArray &utf8)
{
    constexpr qsizetype kExcerpt = 120;
    return QString::fromUtf8(utf8.left(kExcerpt));
}

QString joined(const QStringList &parts)
{
    QStringList present;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            present.append(part);
    }
    return present.join(u" · "_s);
}

Alert baseAlert(AlertKind kind, const QJsonObject &o, const QDateTime &receivedAt)
{
    Alert alert;
    alert.kind = kind;
    alert.receivedAt = receivedAt;
    alert.severity = severityFromString(json::text(o, "severity"_L1));
    alert.clientId = json::text(o, "client_id"_L1);
    return alert;
}

ServerEvent alertNew(const QJsonObject &o, const QDateTime &receivedAt)
{
    Alert alert = baseAlert(AlertKind::Alert, o, receivedAt);
    alert.id = json::text(o, "alert_id"_L1);
    alert.type = json::text(o, "alert_type"_L1);
    alert.message = json::text(o, "message"_L1);
    alert.location = json::text(o, "location"_L1);
    alert.occurredAt = json::timestamp(o, "timestamp"_L1);
    if (!alert.occurredAt.isValid())
        alert.occurredAt = json::timestamp(o, "created_at"_L1);
    if (alert.id.isEmpty())
        return MalformedFrame { u"alert_new without alert_id"_s, {} };
    return AlertEvent { alert };
}

ServerEvent criticalAlert(const QJsonObject &o, const QDateTime &receivedAt)
{
    Alert alert = baseAlert(AlertKind::CriticalAlert, o, receivedAt);
    alert.id = json::text(o, "source_id"_L1);
    alert.type = json::text(o, "alert_type"_L1);
    alert.message = json::text(o, "message"_L1);
    alert.location = json::text(o, "location"_L1);
    alert.occurredAt = json::timestamp(o, "timestamp"_L1);
    const QString priority = json::text(o, "priority"_L1);
    if (!priority.isEmpty())
        alert.detail = u"Priority "_s + priority;
    if (alert.severity == Severity::Unknown)
        alert.severity = Severity::Critical; // the type itself says how urgent it is
    if (alert.id.isEmpty())
        return MalformedFrame { u"critical_alert without source_id"_s, {} };
    return AlertEvent { alert };
}

ServerEvent findingCreated(const QJsonObject &o, const QDateTime &receivedAt)
{
    Alert alert = baseAlert(AlertKind::Finding, o, receivedAt);
    alert.id = json::text(o, "finding_id"_L1);
    alert.type = json::text(o, "finding_type"_L1);
    alert.message = joined({ json::text(o, "title"_L1), json::text(o, "evidence_summary"_L1) });
    alert.location = json::text(o, "site_name"_L1);
    alert.detail = joined({ json::text(o, "category"_L1) });
    alert.occurredAt = json::timestamp(o, "detected_at"_L1);
    if (alert.id.isEmpty())
        return MalformedFrame { u"finding_created without finding_id"_s, {} };
    return AlertEvent { alert };
}

ServerEvent anomalyDetected(const QJsonObject &o, const QDateTime &receivedAt)
{
    Alert alert = baseAlert(AlertKind::Anomaly, o, receivedAt);
    alert.id = json::text(o, "anomaly_id"_L1);
    alert.type = json::text(o, "anomaly_type"_L1);
    const QString person = json::text(o, "person_name"_L1);
    const auto score = json::number(o, "fraud_score"_L1);
    alert.message = joined({ person, score ? u"fraud score %1"_s.arg(*score, 0, 'f', 2) : QString() });
    alert.location = json::text(o, "site_name"_L1);
    alert.occurredAt = json::timestamp(o, "timestamp"_L1);
    if (alert.id.isEmpty())
        return MalformedFrame { u"anomaly_detected without anomaly_id"_s, {} };
    return AlertEvent { alert };
}

ServerEvent ticketUpdated(const QJsonObject &o, const QDateTime &receivedAt)
{
    Alert alert = baseAlert(AlertKind::Ticket, o, receivedAt);
    alert.id = json::text(o, "ticket_id"_L1);
    const QString ticketNo = json::text(o, "ticket_no"_L1);
    const QString oldStatus = json::text(o, "old_status"_L1);
    const QString newStatus = json::text(o, "new_status"_L1);
    alert.type = newStatus.isEmpty() ? u"TICKET"_s : u"TICKET_"_s + newStatus.toUpper();
    const QString transition = oldStatus.isEmpty() ? newStatus : oldStatus + u" → "_s + newStatus;
    alert.message = joined(
        { ticketNo.isEmpty() ? QString() : u"#"_s + ticketNo, transition, json::text(o, "description"_L1) });
    alert.location = json::text(o, "site_name"_L1);
    const QString priority = json::text(o, "priority"_L1);
    const QString assignee = json::text(o, "assigned_to"_L1);
    alert.detail = joined({ priority.isEmpty() ? QString() : u"Priority "_s + priority,
                            assignee.isEmpty() ? QString() : u"assigned to "_s + assignee });
    // Tickets carry a priority, not a severity; reuse it when it is one of the severity words.
    if (alert.severity == Severity::Unknown)
        alert.severity = severityFromString(priority);
    if (alert.severity == Severity::Unknown)
        alert.severity = Severity::Info;
    alert.occurredAt = json::timestamp(o, "updated_at"_L1);
    if (alert.id.isEmpty())
        return MalformedFrame { u"ticket_updated without ticket_id"_s, {} };
    return AlertEvent { alert };
}

ServerEvent userStatus(const QJsonObject &o)
{
    UserStatusEvent event;
    event.userId = json::text(o, "user_id"_L1);
    const QJsonValue status = o.value("status"_L1);
    if (status.isObject()) {
        const QJsonObject s = status.toObject();
        event.state = json::text(s, "state"_L1);
        if (event.state.isEmpty())
            event.state = json::text(s, "status"_L1);
        event.username = json::text(s, "username"_L1);
        event.lastSeen = json::timestamp(s, "last_seen"_L1);
    } else if (status.isString()) {
        event.state = status.toString();
    }
    if (event.username.isEmpty())
        event.username = json::text(o, "username"_L1);
    if (event.userId.isEmpty())
        return MalformedFrame { u"user_status_update without user_id"_s, {} };
    return event;
}

// A type we do not know but that carries a severity is most likely an alert of a newer server: show it
// as one (with its raw JSON) rather than hide it.
std::optional<ServerEvent> alertLike(const QString &type, const QJsonObject &o, const QByteArray &utf8,
                                     const QDateTime &receivedAt)
{
    if (!o.value("severity"_L1).isString())
        return std::nullopt;
    Alert alert = baseAlert(AlertKind::Other, o, receivedAt);
    alert.id = json::text(o, "id"_L1);
    for (auto it = o.begin(); alert.id.isEmpty() && it != o.end(); ++it) {
        if (!it.key().endsWith("_id"_L1) || it.key() == "client_id"_L1)
            continue;
        if (it.value().isString())
            alert.id = it.value().toString();
        else if (it.value().isDouble())
            alert.id = QString::number(it.value().toDouble(), 'g', 17);
    }
    if (alert.id.isEmpty()) // nothing to tell two of them apart: the content is the identity
        alert.id = QString::number(qHash(utf8), 16);
    alert.type = type.toUpper();
    for (const char *key : { "message", "title", "description", "summary" }) {
        if (alert.message.isEmpty())
            alert.message = json::text(o, QLatin1StringView(key));
    }
    alert.location = json::text(o, "site_name"_L1);
    if (alert.location.isEmpty())
        alert.location = json::text(o, "location"_L1);
    alert.occurredAt = json::timestamp(o, "timestamp"_L1);
    alert.rawJson = QString::fromUtf8(utf8.left(4096));
    return AlertEvent { alert };
}

ServerEvent decodeObject(const QJsonObject &o, const QByteArray &utf8, const QDateTime &receivedAt)
{
    const QString type = json::text(o, "type"_L1);
    if (type == "alert_new"_L1)
        return alertNew(o, receivedAt);
    if (type == "critical_alert"_L1)
        return criticalAlert(o, receivedAt);
    if (type == "finding_created"_L1)
        return findingCreated(o, receivedAt);
    if (type == "anomaly_detected"_L1)
        return anomalyDetected(o, receivedAt);
    if (type == "ticket_updated"_L1)
        return ticketUpdated(o, receivedAt);
    if (type == "heartbeat_ack"_L1) {
        HeartbeatAckEvent event;
        event.echoedTimestamp = json::text(o, "timestamp"_L1);
        event.serverTime = json::timestamp(o, "server_time"_L1);
        event.latencyMs = json::number(o, "latency_ms"_L1);
        event.uptimeSeconds = json::integer(o, "uptime_seconds"_L1);
        return event;
    }
    if (type == "heartbeat"_L1)
        return ServerHeartbeatEvent { json::timestamp(o, "server_time"_L1) };
    if (type == "connected"_L1)
        return ConnectedEvent { json::text(o, "tenant_id"_L1), json::timestamp(o, "timestamp"_L1) };
    if (type == "connection_established"_L1) {
        ConnectionEstablishedEvent event;
        event.timestamp = json::timestamp(o, "timestamp"_L1);
        // Zero or negative intervals would make us spin: keep the documented defaults then.
        if (const auto interval = json::integer(o, "heartbeat_interval"_L1); interval && *interval > 0)
            event.heartbeatIntervalSeconds = static_cast<int>(qMin<qint64>(*interval, 3600));
        if (const auto timeout = json::integer(o, "presence_timeout"_L1); timeout && *timeout > 0)
            event.presenceTimeoutSeconds = static_cast<int>(qMin<qint64>(*timeout, 24 * 3600));
        return event;
    }
    if (type == "subscribed"_L1)
        return SubscribedEvent { json::text(o, "client_id"_L1), json::text(o, "message"_L1) };
    if (type == "alert_acknowledged"_L1)
        return AlertAcknowledgedEvent { json::text(o, "alert_id"_L1) };
    if (type == "error"_L1) {
        ServerErrorEvent event { json::text(o, "message"_L1) };
        const ServerErrorClass kind = classifyServerError(event.message);
        event.kind = kind.kind;
        event.topic = kind.topic;
        return event;
    }
    if (type == "metrics_update"_L1) {
        const QJsonValue metrics = o.value("metrics"_L1);
        return MetricsUpdateEvent { json::text(o, "client_id"_L1),
                                    metrics.isObject() ? metrics.toObject().toVariantMap() : QVariantMap() };
    }
    if (type == "pong"_L1)
        return PongEvent { json::timestamp(o, "timestamp"_L1) };
    if (type == "stats"_L1) {
        StatsEvent event;
        event.uptimeSeconds = json::integer(o, "uptime_seconds"_L1);
        event.messageCount = json::integer(o, "message_count"_L1);
        event.lastHeartbeatAgoSeconds = json::number(o, "last_heartbeat_ago"_L1);
        event.userType = json::text(o, "user_type"_L1);
        return event;
    }
    if (type == "alert_updated"_L1) {
        AlertUpdatedEvent event { json::text(o, "alert_id"_L1),
                                  alertStatusFromString(json::text(o, "status"_L1)),
                                  json::text(o, "message"_L1), json::timestamp(o, "timestamp"_L1) };
        if (event.alertId.isEmpty())
            return MalformedFrame { u"alert_updated without alert_id"_s, {} };
        return event;
    }
    if (type == "user_status_update"_L1)
        return userStatus(o);
    if (type.isEmpty())
        return MalformedFrame { u"object without a type"_s, excerptOf(utf8) };
    if (auto alert = alertLike(type, o, utf8, receivedAt))
        return *alert;
    return UnknownEvent { type, QString::fromUtf8(utf8.left(4096)) };
}

} // namespace

ServerEvent FrameDecoder::decode(const QByteArray &utf8, const QDateTime &receivedAt)
{
    if (utf8.size() > kMaxFrameBytes)
        return MalformedFrame { u"frame of %1 bytes exceeds the limit"_s.arg(utf8.size()), excerptOf(utf8) };
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return MalformedFrame { u"not JSON: "_s + error.errorString(), excerptOf(utf8) };
    if (!document.isObject())
        return MalformedFrame { u"JSON that is not an object"_s, excerptOf(utf8) };
    ServerEvent event = decodeObject(document.object(), utf8, receivedAt);
    if (auto *malformed = std::get_if<MalformedFrame>(&event); malformed && malformed->excerpt.isEmpty())
        malformed->excerpt = excerptOf(utf8);
    return event;
}

ServerEvent FrameDecoder::decode(const QString &text, const QDateTime &receivedAt,
                                 RecurringStrings *recurring)
{
    // Every character the plain reader accepts is at most three bytes of UTF-8: within this length
    // the frame is within kMaxFrameBytes, as the general path requires.
    if (text.size() <= kMaxFrameBytes / 3) {
        if (std::optional<Alert> alert = readPlainAlertNew(text, receivedAt, recurring))
            return AlertEvent { std::move(*alert) };
    }
    return decode(text.toUtf8(), receivedAt);
}

} // namespace noc
