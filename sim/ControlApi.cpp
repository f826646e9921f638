// SPDX-License-Identifier: MIT
#include "ControlApi.h"

#include "AlertJson.h"
#include "AlertTexts.h"
#include "IsoTime.h"
#include "PyJson.h"
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
    if (std::optional<HttpReply> reply = alerts(endpoint, get, body)) {
        return *reply;
    }
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
        if (body.value(QLatin1String("rate")).isDouble()) {
            m_simulator.setTrafficRate(body.value(QLatin1String("rate")).toDouble());
        }
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

std::optional<HttpReply> ControlApi::alerts(const QString &endpoint, bool get, const QJsonObject &body)
{
    if (endpoint == QLatin1String("alert-api")) {
        return alertApi(get, body);
    }
    if (get && endpoint == QLatin1String("rest-calls")) {
        return restCalls();
    }
    if (get && endpoint == QLatin1String("alerts")) {
        QJsonObject byStatus;
        const QHash<QString, int> counts = m_simulator.alertStore().countByStatus();
        int open = 0;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
            byStatus.insert(it.key(), it.value());
            open += AlertStatusNames::isOpen(AlertStatusNames::fromCode(it.key()).value_or(AlertStatus::New))
                ? it.value()
                : 0;
        }
        // What a wall's counters should show once every action has reached it: nobody has handled these.
        QJsonObject newBySeverity;
        const QHash<QString, int> fresh = m_simulator.alertStore().newBySeverity();
        for (auto it = fresh.constBegin(); it != fresh.constEnd(); ++it) {
            newBySeverity.insert(it.key(), it.value());
        }
        return ok({ { QStringLiteral("count"), int(m_simulator.alertStore().size()) },
                    { QStringLiteral("open"), open },
                    { QStringLiteral("by_status"), byStatus },
                    { QStringLiteral("new_by_severity"), newBySeverity } });
    }
    if (get && endpoint.startsWith(QLatin1String("alerts/"))) {
        bool numeric = false;
        const qint64 id = endpoint.mid(7).toLongLong(&numeric);
        const StoredAlert *alert = numeric ? m_simulator.alertStore().find(id) : nullptr;
        if (!alert) {
            return fail(404, QStringLiteral("No alert %1 in the store").arg(endpoint.mid(7)));
        }
        return ok(
            { { QStringLiteral("alert"), AlertJson::record(*alert, m_simulator.alertStore().details(id)) } });
    }
    if (get) {
        return std::nullopt;
    }
    if (endpoint == QLatin1String("alerts/seed")) {
        return seed(body);
    }
    if (endpoint == QLatin1String("alerts/act")) {
        return act(body);
    }
    if (endpoint == QLatin1String("alerts/suppress-repeat")) {
        const qint64 id = body.value(QLatin1String("alert_id")).toInteger();
        if (!m_simulator.suppressRepeat(id)) {
            return fail(404, QStringLiteral("No alert %1 in the store").arg(id));
        }
        return ok({ { QStringLiteral("alert_id"), id } });
    }
    return std::nullopt;
}

HttpReply ControlApi::seed(const QJsonObject &body)
{
    SeedRequest request;
    request.count = body.value(QLatin1String("count")).toInt(request.count);
    request.minAgeSeconds = body.value(QLatin1String("min_age_s")).toInt(request.minAgeSeconds);
    request.maxAgeSeconds = body.value(QLatin1String("max_age_s")).toInt(request.maxAgeSeconds);
    request.severity = body.value(QLatin1String("severity")).toString();
    request.alertType = body.value(QLatin1String("alert_type")).toString();
    request.message = body.value(QLatin1String("message")).toString();
    for (const QJsonValue &age : body.value(QLatin1String("ages_s")).toArray()) {
        request.agesSeconds.append(age.toInt());
    }
    for (const QJsonValue &status : body.value(QLatin1String("statuses")).toArray()) {
        if (!AlertStatusNames::fromCode(status.toString())) {
            return fail(400,
                        QStringLiteral("Unknown status %1; one of NEW, ACKNOWLEDGED, ASSIGNED, ESCALATED, "
                                       "RESOLVED, SUPPRESSED")
                            .arg(status.toString()));
        }
        request.statuses.append(status.toString());
    }
    for (const QJsonValue &client : body.value(QLatin1String("clients")).toArray()) {
        if (!m_simulator.options().clients.contains(client.toString())) {
            return fail(400, QStringLiteral("Unknown client %1").arg(client.toString()));
        }
        request.clients.append(client.toString());
    }
    if (!request.severity.isEmpty() && !AlertTexts::severities().contains(request.severity)) {
        return fail(400, QStringLiteral("Unknown severity %1").arg(request.severity));
    }
    QJsonArray ids;
    for (const qint64 id : m_simulator.seedAlerts(request)) {
        ids.append(id);
    }
    return ok({ { QStringLiteral("ids"), ids } });
}

HttpReply ControlApi::act(const QJsonObject &body)
{
    static const QStringList actions { QStringLiteral("ack"), QStringLiteral("assign"),
                                       QStringLiteral("escalate"), QStringLiteral("resolve"),
                                       QStringLiteral("bulk-action") };
    const QString action = body.value(QLatin1String("action")).toString();
    if (!actions.contains(action)) {
        return fail(400, QStringLiteral("action must be one of: %1").arg(actions.join(u", ")));
    }
    QString username = body.value(QLatin1String("as")).toString();
    if (username.isEmpty()) {
        const QList<const SimUser *> colleagues = AlertSeeder::colleagues(m_simulator.options());
        username = colleagues.isEmpty() ? QString() : colleagues.constFirst()->username;
    }
    if (!m_simulator.options().userByName(username)) {
        return fail(400, QStringLiteral("Unknown user %1").arg(username));
    }
    const qint64 id = body.value(QLatin1String("alert_id")).toInteger();
    const HttpReply reply
        = m_simulator.actOnAlert(username, action, id, body.value(QLatin1String("fields")).toObject());
    const std::optional<QJsonValue> answer = PyJson::loads(reply.body);
    return ok({ { QStringLiteral("as"), username },
                { QStringLiteral("http_status"), reply.status },
                { QStringLiteral("body"), answer.value_or(QJsonValue(QString::fromUtf8(reply.body))) } });
}

HttpReply ControlApi::alertApi(bool get, const QJsonObject &body)
{
    AlertApiOptions settings = m_simulator.alertApiSettings();
    if (!get) {
        const QJsonValue list = body.value(QLatin1String("list"));
        if (!list.isUndefined()) {
            const std::optional<AlertApiOptions::List> parsed
                = AlertApiOptions::listFromName(list.toString());
            if (!parsed) {
                return fail(400, QStringLiteral("list must be working, refused or absent"));
            }
            settings.list = *parsed;
        }
        const QString updated = body.value(QLatin1String("alert_updated")).toString();
        if (!updated.isEmpty() && updated != QLatin1String("close") && updated != QLatin1String("deliver")) {
            return fail(400, QStringLiteral("alert_updated must be close or deliver"));
        }
        if (!updated.isEmpty()) {
            settings.alertUpdatedCloses = updated == QLatin1String("close");
        }
        const QString escalate = body.value(QLatin1String("escalate")).toString();
        if (!escalate.isEmpty() && escalate != QLatin1String("working")
            && escalate != QLatin1String("broken")) {
            return fail(400, QStringLiteral("escalate must be working or broken"));
        }
        if (!escalate.isEmpty()) {
            settings.escalateBroken = escalate == QLatin1String("broken");
        }
        if (body.value(QLatin1String("current_servers")).toBool()) {
            settings.list = AlertApiOptions::List::Refused;
            settings.alertUpdatedCloses = true;
            settings.escalateBroken = true;
        }
        settings.rateLimitPerHour = body.value(QLatin1String("rate_limit")).toInt(settings.rateLimitPerHour);
        settings.anonymousRateLimitPerHour
            = body.value(QLatin1String("anonymous_rate_limit")).toInt(settings.anonymousRateLimitPerHour);
        settings.rateLimitWindowSeconds
            = body.value(QLatin1String("rate_limit_window_s")).toInt(settings.rateLimitWindowSeconds);
        m_simulator.setAlertApiSettings(settings);
    }
    return ok({ { QStringLiteral("list"), AlertApiOptions::listName(settings.list) },
                { QStringLiteral("alert_updated"),
                  settings.alertUpdatedCloses ? QStringLiteral("close") : QStringLiteral("deliver") },
                { QStringLiteral("escalate"),
                  settings.escalateBroken ? QStringLiteral("broken") : QStringLiteral("working") },
                { QStringLiteral("rate_limit"), settings.rateLimitPerHour },
                { QStringLiteral("anonymous_rate_limit"), settings.anonymousRateLimitPerHour },
                { QStringLiteral("rate_limit_window_s"), settings.rateLimitWindowSeconds } });
}

HttpReply ControlApi::restCalls() const
{
    QJsonObject users;
    const QHash<QString, AlertApi::Calls> &calls = m_simulator.restCalls();
    for (auto it = calls.constBegin(); it != calls.constEnd(); ++it) {
        users.insert(it.key().isEmpty() ? QStringLiteral("(anonymous)") : it.key(),
                     QJsonObject { { QStringLiteral("total"), it->total },
                                   { QStringLiteral("list"), it->list },
                                   { QStringLiteral("detail"), it->detail },
                                   { QStringLiteral("actions"), it->actions },
                                   { QStringLiteral("throttled"), it->throttled } });
    }
    return ok({ { QStringLiteral("calls"), users } });
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
    QJsonObject authCalls;
    for (auto it = m_simulator.authCalls().cbegin(); it != m_simulator.authCalls().cend(); ++it)
        authCalls.insert(it.key(), it.value());
    return ok(
        { { QStringLiteral("port"), m_simulator.port() },
          { QStringLiteral("listening"), m_simulator.isListening() },
          { QStringLiteral("open_sockets"),
            QJsonObject { { QStringLiteral("dashboard"), m_simulator.openSockets(kDashboardPath) },
                          { QStringLiteral("presence"), m_simulator.openSockets(kPresencePath) } } },
          { QStringLiteral("accepted"),
            QJsonObject { { QStringLiteral("dashboard"), m_simulator.acceptedSockets(kDashboardPath) },
                          { QStringLiteral("presence"), m_simulator.acceptedSockets(kPresencePath) } } },
          { QStringLiteral("silent"), m_simulator.isSilent() },
          { QStringLiteral("reply_delay_ms"), m_simulator.replyDelayMs() },
          { QStringLiteral("refuse_logins"), m_simulator.refuseLogins() },
          { QStringLiteral("auth_calls"), authCalls },
          { QStringLiteral("traffic"), m_simulator.isTrafficRunning() },
          { QStringLiteral("alerts_published"), m_simulator.alertStore().published() },
          { QStringLiteral("colleagues"), m_simulator.isColleagueActivityRunning() },
          { QStringLiteral("alert_list"), AlertApiOptions::listName(m_simulator.alertApiSettings().list) },
          { QStringLiteral("acks"), int(m_simulator.acks().size()) },
          { QStringLiteral("clients"), QJsonArray::fromStringList(m_simulator.options().clients) } });
}

} // namespace noc::sim
