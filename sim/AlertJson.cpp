// SPDX-License-Identifier: MIT
#include "AlertJson.h"

#include <QJsonArray>
#include <QUuid>

namespace noc::sim {

namespace {
QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(AlertJson::dateTime(ms)) : QJsonValue(QJsonValue::Null);
}

// Stable per alert without storing it: a third of the alerts belong to a correlation.
QJsonValue correlationId(qint64 id)
{
    if (id % 3 != 0) {
        return QJsonValue::Null;
    }
    static const QUuid space = QUuid::fromString(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}"));
    return QUuid::createUuidV5(space, QString::number(id / 9)).toString(QUuid::WithoutBraces);
}
} // namespace

QString AlertJson::dateTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        + QStringLiteral("000Z");
}

QString AlertJson::duration(qint64 ms)
{
    const qint64 totalSeconds = ms / 1000;
    const qint64 days = totalSeconds / 86400;
    const qint64 rest = totalSeconds % 86400;
    QString text;
    if (days > 0) {
        text = QStringLiteral("%1 day%2, ").arg(days).arg(days == 1 ? QString() : QStringLiteral("s"));
    }
    text += QStringLiteral("%1:%2:%3")
                .arg(rest / 3600)
                .arg((rest / 60) % 60, 2, 10, QLatin1Char('0'))
                .arg(rest % 60, 2, 10, QLatin1Char('0'));
    if (ms % 1000 != 0) {
        text += QStringLiteral(".%1").arg((ms % 1000) * 1000, 6, 10, QLatin1Char('0'));
    }
    return text;
}

QString AlertJson::severityDisplay(const QString &severity)
{
    if (severity == QLatin1String("INFO")) {
        return QStringLiteral("Informational");
    }
    return severity.left(1) + severity.mid(1).toLower();
}

QJsonObject AlertJson::item(const StoredAlert &alert)
{
    return { { QStringLiteral("id"), alert.id },
             { QStringLiteral("alert_type"), alert.alertType },
             { QStringLiteral("severity"), alert.severity },
             { QStringLiteral("severity_display"), severityDisplay(alert.severity) },
             { QStringLiteral("status"), AlertStatusNames::code(alert.status) },
             { QStringLiteral("status_display"), AlertStatusNames::display(alert.status) },
             { QStringLiteral("message"), alert.message },
             { QStringLiteral("entity_type"), QStringLiteral("device") },
             { QStringLiteral("entity_id"), alert.entityId },
             { QStringLiteral("client_name"), alert.clientId },
             { QStringLiteral("site_name"), textOrNull(alert.siteName) },
             { QStringLiteral("first_seen"), dateTime(alert.firstSeenMs) },
             { QStringLiteral("last_seen"), dateTime(alert.lastSeenMs) },
             { QStringLiteral("suppressed_count"), alert.suppressedCount },
             { QStringLiteral("cdtz"), dateTime(alert.cdtzMs) } };
}

QJsonObject AlertJson::detail(const StoredAlert &alert, const AlertDetails *details)
{
    static const AlertDetails none;
    const AlertDetails &d = details ? *details : none;
    QJsonObject object = item(alert);
    object.insert(QStringLiteral("dedup_key"),
                  QStringLiteral("%1:%2:%3").arg(alert.clientId, alert.alertType).arg(alert.entityId));
    object.insert(QStringLiteral("correlation_id"), correlationId(alert.id));
    object.insert(QStringLiteral("parent_alert"), QJsonValue::Null);
    object.insert(QStringLiteral("metadata"), d.metadata);
    object.insert(QStringLiteral("acknowledged_at"), timeOrNull(d.acknowledged.atMs));
    object.insert(QStringLiteral("acknowledged_by_name"), textOrNull(d.acknowledged.name));
    object.insert(QStringLiteral("assigned_at"), timeOrNull(d.assigned.atMs));
    object.insert(QStringLiteral("assigned_to_name"), textOrNull(d.assigned.name));
    object.insert(QStringLiteral("escalated_at"), timeOrNull(d.escalated.atMs));
    object.insert(QStringLiteral("escalated_to_name"), textOrNull(d.escalated.name));
    object.insert(QStringLiteral("resolved_at"), timeOrNull(d.resolved.atMs));
    object.insert(QStringLiteral("resolved_by_name"), textOrNull(d.resolved.name));
    object.insert(QStringLiteral("time_to_ack_display"),
                  d.acknowledged.atMs > 0 ? QJsonValue(duration(d.acknowledged.atMs - alert.firstSeenMs))
                                          : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("time_to_resolve_display"),
                  d.resolved.atMs > 0 ? QJsonValue(duration(d.resolved.atMs - alert.firstSeenMs))
                                      : QJsonValue(QJsonValue::Null));
    return object;
}

QJsonObject AlertJson::record(const StoredAlert &alert, const AlertDetails *details)
{
    QJsonObject object = detail(alert, details);
    object.insert(QStringLiteral("client_id"), alert.clientId);
    QJsonArray history;
    if (details) {
        for (const AlertHistoryEntry &entry : details->history) {
            history.append(QJsonObject { { QStringLiteral("action"), entry.action },
                                         { QStringLiteral("username"), entry.username },
                                         { QStringLiteral("at"), dateTime(entry.atMs) },
                                         { QStringLiteral("via"), entry.via },
                                         { QStringLiteral("comment"), entry.comment } });
        }
    }
    object.insert(QStringLiteral("history"), history);
    return object;
}

} // namespace noc::sim
