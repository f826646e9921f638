// SPDX-License-Identifier: MIT
#include "ControlApi.h"

#include "AlertTexts.h"
#include "IsoTime.h"
#include "SimLogging.h"
#include "Simulator.h"
#include "SocketAdmission.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace noc::sim {

namespace {
HttpReply ok(QJsonObject body = {})
{
    body.insert(QStringLiteral("ok"), true);
    return HttpReply::json(200, body);
}

HttpReply fail(int status, const QString &detail)
{
    return HttpReply::json(status, { { QStringLiteral("ok"), false }, { QStringLiteral("detail"), detail } });
}
} // namespace

ControlApi::ControlApi(Simulator &simulator) : m_simulator(simulator) { }

bool ControlApi::isPeerAllowed(const QHostAddress &peer)
{
    // isLoopback() also covers ::ffff:127.0.0.1 from a dual-stack listener.
    return peer.isLoopback();
}

bool ControlApi::isControlPath(const QString &path)
{
    return path == QLatin1String("/control") || path.startsWith(QLatin1String("/control/"));
}

std::optional<HttpReply> ControlApi::handle(const HttpCall &call)
{
    if (!isControlPath(call.path)) {
        return std::nullopt;
    }
    if (!isPeerAllowed(call.peer)) {
        qCWarning(lcSim) << "control request from non-loopback peer" << call.peer.toString() << "refused";
        return fail(403, QStringLiteral("The control API only answers loopback peers"));
    }
    QJsonObject body;
    if (!call.body.trimmed().isEmpty()) {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(call.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return fail(400, QStringLiteral("Body must be a JSON object"));
        }
        body = document.object();
    }
    QString endpoint = call.path.mid(int(qstrlen("/control/")));
    if (endpoint.endsWith(QLatin1Char('/'))) {
        endpoint.chop(1);
    }
    return dispatch(endpoint, call.method, body);
}

HttpReply ControlApi::dispatch(const QString &endpoint, const QByteArray &method, const QJsonObject &body)
{
    const bool get = method == "GET";
    const bool post = method == "POST";
    const auto flag = [&body](const char *key, bool fallback) {
        const QJsonValue value = body.value(QLatin1String(key));
        return value.isBool() ? value.toBool() : (value.isDouble() ? value.toInt() != 0 : fallback);
    };
    if (get && endpoint == QLatin1String("status")) {
        return status();
    }
    if (get && endpoint == QLatin1String("acks")) {
        QJsonArray acks;
        for (const AckRecord &ack : m_simulator.acks()) {
            acks.append(QJsonObject { { QStringLiteral("alert_id"), ack.alertId },
                                      { QStringLiteral("username"), ack.username },
                                      { QStringLiteral("at"), IsoTime::format(ack.at) } });
        }
        return ok({ { QStringLiteral("acks"), acks } });
    }
    if (get && endpoint == QLatin1String("frames")) {
        QJsonObject frames;
        const QHash<QString, int> counts = m_simulator.framesReceivedByType();
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
            frames.insert(it.key(), it.value());
        }
        return ok({ { QStringLiteral("frames"), frames } });
    }
    if (!post) {
        return fail(get ? 404 : 405,
                    QStringLiteral("Unknown control endpoint or method: %1 %2")
                        .arg(QString::fromLatin1(method), endpoint));
    }
    if (endpoint == QLatin1String("close")) {
        const int code = body.value(QLatin1String("code")).toInt(1011);
        m_simulator.closeSockets(code, body.value(QLatin1String("reason")).toString(),
                                 body.value(QLatin1String("path")).toString());
        return ok({ { QStringLiteral("code"), code } });
    }
    if (endpoint == QLatin1String("silence")) {
        m_simulator.setSilent(flag("on", true));
        return ok({ { QStringLiteral("silent"), m_simulator.isSilent() } });
    }
    if (endpoint == QLatin1String("delay")) {
        m_simulator.setReplyDelayMs(body.value(QLatin1String("ms")).toInt(0));
        return ok({ { QStringLiteral("reply_delay_ms"), m_simulator.replyDelayMs() } });
    }
    if (endpoint == QLatin1String("malformed")) {
        const QString kind = body.value(QLatin1String("kind")).toString(QStringLiteral("garbage"));
        if (!Simulator::malformedKinds().contains(kind)) {
            return fail(
                400, QStringLiteral("Unknown kind; one of: %1").arg(Simulator::malformedKinds().join(u", ")));
        }
        m_simulator.sendMalformed(kind, body.value(QLatin1String("path")).toString());
        return ok({ { QStringLiteral("kind"), kind } });
    }
    if (endpoint == QLatin1String("expire-tokens")) {
        m_simulator.expireAccessTokens(flag("close_sockets", false));
        return ok();
    }
    if (endpoint == QLatin1String("revoke-tokens")) {
        m_simulator.revokeRefreshTokens();
        return ok();
    }
    if (endpoint == QLatin1String("refuse-logins")) {
        m_simulator.setRefuseLogins(flag("on", true));
        return ok({ { QStringLiteral("refuse_logins"), m_simulator.refuseLogins() } });
    }
    if (endpoint == QLatin1String("restart")) {
        const int downMs = body.value(QLatin1String("down_ms")).toInt(1000);
        const bool abrupt = flag("abrupt", false);
        // After this reply has left: the restart drops the connection carrying it.
        QTimer::singleShot(0, &m_simulator, [simulator = &m_simulator, downMs, abrupt] {
            simulator->restart(downMs, abrupt);
        });
        return ok({ { QStringLiteral("down_ms"), downMs } });
    }
    if (endpoint == QLatin1String("publish")) {
        return publish(body);
    }
    if (endpoint == QLatin1String("traffic")) {
        if (flag("on", true)) {
            m_simulator.startTraffic();
        } else {
            m_simulator.stopTraffic();
        }
        return ok({ { QStringLiteral("traffic"), m_simulator.isTrafficRunning() } });
    }
    if (endpoint == QLatin1String("reset-records")) {
        m_simulator.clearRecords();
        return ok();
    }
    return fail(404, QStringLiteral("Unknown control endpoint: %1").arg(endpoint));
}

HttpReply ControlApi::publish(const QJsonObject &body)
{
    const QString kind = body.value(QLatin1String("kind")).toString(QStringLiteral("alert"));
    const QJsonObject fields = body.value(QLatin1String("fields")).toObject();
    if (kind == QLatin1String("alert")) {
        const QString clientId = body.value(QLatin1String("client_id")).toString();
        if (!clientId.isEmpty() && !m_simulator.options().clients.contains(clientId)) {
            return fail(400, QStringLiteral("Unknown client_id %1").arg(clientId));
        }
        const QString id
            = m_simulator.publishAlert(clientId, body.value(QLatin1String("severity")).toString(),
                                       body.value(QLatin1String("alert_type")).toString(),
                                       body.value(QLatin1String("message")).toString());
        return ok({ { QStringLiteral("alert_id"), id.toLongLong() } });
    }
    if (kind == QLatin1String("critical_alert")) {
        m_simulator.publishCriticalAlert(fields);
    } else if (kind == QLatin1String("finding")) {
        m_simulator.publishFinding(fields);
    } else if (kind == QLatin1String("anomaly")) {
        m_simulator.publishAnomaly(fields);
    } else if (kind == QLatin1String("ticket")) {
        m_simulator.publishTicketUpdate(fields);
    } else if (kind == QLatin1String("user_status")) {
        m_simulator.publishUserStatus(body.value(QLatin1String("user_id")).toInt(0),
                                      body.value(QLatin1String("state")).toString(), fields);
    } else {
        return fail(400,
                    QStringLiteral("Unknown kind; one of: alert, critical_alert, finding, anomaly, ticket, "
                                   "user_status"));
    }
    return ok({ { QStringLiteral("kind"), kind } });
}

HttpReply ControlApi::status() const
{
    return ok({ { QStringLiteral("port"), m_simulator.port() },
                { QStringLiteral("listening"), m_simulator.isListening() },
                { QStringLiteral("open_sockets"),
                  QJsonObject { { QStringLiteral("dashboard"), m_simulator.openSockets(kDashboardPath) },
                                { QStringLiteral("presence"), m_simulator.openSockets(kPresencePath) } } },
                { QStringLiteral("silent"), m_simulator.isSilent() },
                { QStringLiteral("reply_delay_ms"), m_simulator.replyDelayMs() },
                { QStringLiteral("refuse_logins"), m_simulator.refuseLogins() },
                { QStringLiteral("traffic"), m_simulator.isTrafficRunning() },
                { QStringLiteral("alerts_published"), m_simulator.alertStore().published() },
                { QStringLiteral("acks"), int(m_simulator.acks().size()) },
                { QStringLiteral("clients"), QJsonArray::fromStringList(m_simulator.options().clients) } });
}

} // namespace noc::sim
