// SPDX-License-Identifier: MIT
#include "DashboardSocket.h"

#include "IsoTime.h"
#include "PyJson.h"
#include "SimLogging.h"
#include "Simulator.h"

#include <QJsonDocument>

#include <cmath>

namespace noc::sim {

void DashboardSocket::greet()
{
    sendPush({ { QStringLiteral("type"), QStringLiteral("connected") },
               { QStringLiteral("tenant_id"), simulator().options().tenantId },
               { QStringLiteral("timestamp"), IsoTime::now() } });
}

void DashboardSocket::error(const QString &message)
{
    sendAnswer(
        { { QStringLiteral("type"), QStringLiteral("error") }, { QStringLiteral("message"), message } });
}

void DashboardSocket::onText(const QString &text)
{
    const std::optional<QJsonValue> document = PyJson::loads(text.toUtf8());
    const bool parsed = document.has_value();
    const QJsonObject frame = parsed ? document->toObject() : QJsonObject();
    const QJsonValue type = frame.value(QLatin1String("type"));
    simulator().recordFrame(path(),
                            parsed && document->isObject() && type.isString() ? type.toString()
                                                                              : QStringLiteral("<invalid>"));
    // Every frame counts against the limit, whatever it contains; a dropped one does not.
    if (!simulator().allowDashboardFrame(username())) {
        error(QStringLiteral("Rate limit exceeded"));
        return;
    }
    if (!parsed) {
        error(QStringLiteral("Invalid JSON data"));
        return;
    }
    if (!document->isObject()) {
        // data.get('type') on a list or a number raises in the consumer.
        closeAnswer(1011, {});
        return;
    }
    if (!type.isString()) {
        error(type.isUndefined() ? QStringLiteral("Invalid message: missing 'type'")
                                 : QStringLiteral("Invalid message: 'type' must be a string"));
        return;
    }
    handle(type.toString(), frame);
}

void DashboardSocket::handle(const QString &type, const QJsonObject &frame)
{
    if (type == QLatin1String("subscribe_client")) {
        subscribe(frame);
    } else if (type == QLatin1String("acknowledge_alert")) {
        acknowledge(frame);
    } else if (type == QLatin1String("request_metrics")) {
        metrics(frame);
    } else if (type == QLatin1String("heartbeat")) {
        sendAnswer({ { QStringLiteral("type"), QStringLiteral("heartbeat_ack") },
                     { QStringLiteral("timestamp"), IsoTime::now() } });
    } else {
        error(QStringLiteral("Unknown message type: %1").arg(type));
    }
}

namespace {
// Client ids are strings; a number is taken as its decimal text, like str() on the server.
QString clientIdOf(const QJsonObject &frame)
{
    const QJsonValue value = frame.value(QLatin1String("client_id"));
    if (value.isString()) {
        return value.toString().trimmed();
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return {};
}
} // namespace

void DashboardSocket::subscribe(const QJsonObject &frame)
{
    const QString clientId = clientIdOf(frame);
    if (clientId.isEmpty()) {
        error(QStringLiteral("client_id required"));
        return;
    }
    const SimUser *user = simulator().options().userById(userId());
    if (!user || !simulator().options().canSeeClient(*user, clientId)) {
        error(QStringLiteral("Insufficient permissions"));
        return;
    }
    m_subscriptions.insert(clientId);
    sendAnswer({ { QStringLiteral("type"), QStringLiteral("subscribed") },
                 { QStringLiteral("client_id"), clientId },
                 { QStringLiteral("message"),
                   QStringLiteral("Subscribed to alerts for client %1").arg(clientId) } });
}

void DashboardSocket::acknowledge(const QJsonObject &frame)
{
    const QJsonValue value = frame.value(QLatin1String("alert_id"));
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
        error(QStringLiteral("alert_id required"));
        return;
    }
    const SimUser *user = simulator().options().userById(userId());
    if (!user || !user->canAcknowledge) {
        error(QStringLiteral("Cannot acknowledge alerts"));
        return;
    }
    // Alert.objects.get(id=...) accepts 1234 and "1234"; anything else raises, and so does a missing row.
    bool ok = false;
    qint64 id = 0;
    if (value.isDouble()) {
        const double d = value.toDouble();
        ok = std::isfinite(d) && std::floor(d) == d;
        id = qint64(d);
    } else if (value.isString()) {
        id = value.toString().trimmed().toLongLong(&ok);
    }
    const StoredAlert *alert = ok ? simulator().alertStore().find(id) : nullptr;
    if (!alert) {
        qCInfo(lcSim) << username() << "acknowledged unknown alert" << value << "- closing 1011";
        closeAnswer(1011, {});
        return;
    }
    if (!simulator().options().canSeeClient(*user, alert->clientId)) {
        error(QStringLiteral("Failed to acknowledge: alert %1 belongs to a client you cannot see").arg(id));
        return;
    }
    if (!AlertStatusNames::isOpen(alert->status)) {
        error(QStringLiteral("Failed to acknowledge: Cannot acknowledge resolved/suppressed alert"));
        return;
    }
    simulator().recordAck(id, username());
    // The id goes back as the server stores it: an integer, whatever the client sent.
    sendAnswer({ { QStringLiteral("type"), QStringLiteral("alert_acknowledged") },
                 { QStringLiteral("alert_id"), id } });
}

void DashboardSocket::metrics(const QJsonObject &frame)
{
    const QString clientId = clientIdOf(frame);
    if (clientId.isEmpty()) {
        error(QStringLiteral("client_id required"));
        return;
    }
    const SimUser *user = simulator().options().userById(userId());
    if (!user || !simulator().options().canSeeClient(*user, clientId)) {
        error(QStringLiteral("Insufficient permissions"));
        return;
    }
    sendAnswer({ { QStringLiteral("type"), QStringLiteral("metrics_update") },
                 { QStringLiteral("client_id"), clientId },
                 { QStringLiteral("metrics"), simulator().metricsFor(clientId) } });
}

} // namespace noc::sim
