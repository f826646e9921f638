// SPDX-License-Identifier: MIT
#include "ClientCommands.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace noc::commands {

using namespace Qt::StringLiterals;

namespace {
QByteArray frame(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

QString utcTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray subscribeClient(const QString &clientId)
{
    return frame({ { "type"_L1, u"subscribe_client"_s }, { "client_id"_L1, clientId } });
}

QByteArray acknowledgeAlert(const QString &alertId)
{
    return frame({ { "type"_L1, u"acknowledge_alert"_s }, { "alert_id"_L1, alertId } });
}

QByteArray requestMetrics(const QString &clientId)
{
    return frame({ { "type"_L1, u"request_metrics"_s }, { "client_id"_L1, clientId } });
}

QByteArray heartbeat(const QDateTime &now)
{
    return frame({ { "type"_L1, u"heartbeat"_s }, { "timestamp"_L1, utcTimestamp(now) } });
}

QByteArray ping()
{
    return frame({ { "type"_L1, u"ping"_s } });
}

QByteArray getStats()
{
    return frame({ { "type"_L1, u"get_stats"_s } });
}

} // namespace noc::commands
