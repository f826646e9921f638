// SPDX-License-Identifier: MIT
#include "PresenceSocket.h"

#include "IsoTime.h"
#include "PyJson.h"
#include "SimLogging.h"
#include "Simulator.h"

#include <QJsonDocument>

namespace noc::sim {

PresenceSocket::PresenceSocket(std::unique_ptr<QWebSocket> socket, Identity identity, QTcpSocket *transport,
                               Simulator &simulator)
    : SimSocket(std::move(socket), std::move(identity), transport, simulator)
{
    m_connected.start();
    m_lastJsonFrame.start();
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &PresenceSocket::onHeartbeatTick);
}

void PresenceSocket::greet()
{
    const SimulatorOptions &options = simulator().options();
    m_heartbeatTimer.start(qMax(1, options.heartbeatIntervalSeconds) * 1000);
    sendPush({ { QStringLiteral("type"), QStringLiteral("connection_established") },
               { QStringLiteral("timestamp"), IsoTime::now() },
               { QStringLiteral("heartbeat_interval"), options.heartbeatIntervalSeconds },
               { QStringLiteral("presence_timeout"), options.presenceTimeoutSeconds } });
}

void PresenceSocket::onHeartbeatTick()
{
    if (isSilenced() || !isOpen()) {
        return;
    }
    if (m_lastJsonFrame.elapsed() > qint64(simulator().options().presenceTimeoutSeconds) * 1000) {
        qCInfo(lcSim) << username() << "silent on presence for" << m_lastJsonFrame.elapsed()
                      << "ms - closing 4408";
        closeWith(4408, QStringLiteral("Presence timeout"));
        return;
    }
    sendPush({ { QStringLiteral("type"), QStringLiteral("heartbeat") },
               { QStringLiteral("server_time"), IsoTime::now() } });
}

void PresenceSocket::error(const QString &message)
{
    sendAnswer(
        { { QStringLiteral("type"), QStringLiteral("error") }, { QStringLiteral("message"), message } });
}

void PresenceSocket::onText(const QString &text)
{
    ++m_messageCount;
    const std::optional<QJsonValue> document = PyJson::loads(text.toUtf8());
    if (!document) {
        simulator().recordFrame(path(), QStringLiteral("<invalid>"));
        error(QStringLiteral("Invalid JSON data"));
        return;
    }
    m_lastJsonFrame.restart();
    if (!document->isObject()) {
        simulator().recordFrame(path(), QStringLiteral("<invalid>"));
        closeAnswer(1011, {});
        return;
    }
    const QJsonObject frame = document->toObject();
    const QJsonValue typeValue = frame.value(QLatin1String("type"));
    if (!typeValue.isString()) {
        simulator().recordFrame(path(), QStringLiteral("<invalid>"));
        error(QStringLiteral("Invalid message: missing 'type'"));
        return;
    }
    const QString type = typeValue.toString();
    simulator().recordFrame(path(), type);
    if (type == QLatin1String("heartbeat")) {
        heartbeat(frame);
    } else if (type == QLatin1String("ping")) {
        sendAnswer({ { QStringLiteral("type"), QStringLiteral("pong") },
                     { QStringLiteral("timestamp"), IsoTime::now() } });
    } else if (type == QLatin1String("get_stats")) {
        const SimUser *user = simulator().options().userById(userId());
        sendAnswer({ { QStringLiteral("type"), QStringLiteral("stats") },
                     { QStringLiteral("uptime_seconds"), m_connected.elapsed() / 1000 },
                     { QStringLiteral("message_count"), m_messageCount },
                     { QStringLiteral("last_heartbeat_ago"),
                       m_lastHeartbeat.isValid() ? QJsonValue(double(m_lastHeartbeat.elapsed()) / 1000.0)
                                                 : QJsonValue(QJsonValue::Null) },
                     { QStringLiteral("user_type"),
                       user && user->canAcknowledge ? QStringLiteral("staff") : QStringLiteral("user") } });
    } else {
        error(QStringLiteral("Unknown message type: %1").arg(type));
    }
}

void PresenceSocket::heartbeat(const QJsonObject &frame)
{
    const QJsonValue timestamp = frame.value(QLatin1String("timestamp"));
    QJsonValue latency(QJsonValue::Null);
    if (!timestamp.isUndefined() && !timestamp.isNull()) {
        // datetime.fromisoformat() then "now - client_time": a naive time (or no time at all) raises.
        const IsoTime::Parsed parsed = IsoTime::parse(timestamp.toString());
        if (!timestamp.isString() || parsed.kind != IsoTime::Parse::Aware) {
            qCInfo(lcSim) << username() << "sent presence heartbeat timestamp" << timestamp
                          << "- closing 1011";
            closeAnswer(1011, {});
            return;
        }
        latency = parsed.time.msecsTo(QDateTime::currentDateTimeUtc());
    }
    m_lastHeartbeat.start();
    sendAnswer({ { QStringLiteral("type"), QStringLiteral("heartbeat_ack") },
                 { QStringLiteral("server_time"), IsoTime::now() },
                 { QStringLiteral("latency_ms"), latency },
                 { QStringLiteral("uptime_seconds"), m_connected.elapsed() / 1000 } });
}

} // namespace noc::sim
