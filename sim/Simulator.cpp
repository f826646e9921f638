// SPDX-License-Identifier: MIT
#include "Simulator.h"

#include "AlertTexts.h"
#include "DashboardSocket.h"
#include "HttpFrontend.h"
#include "IsoTime.h"
#include "PresenceSocket.h"
#include "PyJson.h"
#include "SimLogging.h"

#include <QJsonArray>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTimer>

namespace noc::sim {

namespace {
SimulatorOptions withDefaults(SimulatorOptions options)
{
    if (options.users.isEmpty()) {
        options.users = SimulatorOptions::defaultUsers();
    }
    if (options.clients.isEmpty()) {
        options.clients = SimulatorOptions::defaultClients();
    }
    return options;
}

bool hasTraffic(const TrafficOptions &traffic)
{
    return traffic.alertsPerSecond > 0 || (traffic.burstSize > 0 && traffic.burstIntervalMs > 0)
        || traffic.tenantEventsPerMinute > 0 || traffic.presenceUpdatesPerMinute > 0
        || traffic.colleagueMinIntervalMs > 0;
}
} // namespace

Simulator::Simulator(SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(withDefaults(std::move(options)))
    , m_tokens(m_options.jwtSecret, m_options.accessTtlSeconds, m_options.refreshTtlSeconds)
    , m_origins(m_options.allowedOrigins)
    , m_admission(m_options, m_tokens, m_origins)
    , m_auth(m_options, m_tokens)
    , m_control(*this)
    , m_alertApi(m_options, m_tokens, m_alerts, [this](const QList<qint64> &ids) { onAlertsChanged(ids); })
    , m_rateLimiter(m_options.rateLimitFrames, m_options.rateLimitWindowSeconds)
    , m_traffic(*this, m_options.traffic)
    , m_rng(m_options.traffic.seed ^ 0x5eed5eedU)
    , m_colleagues(*this, m_options.traffic)
{
    if (m_options.alertApi.seededAlerts > 0) {
        SeedRequest seed;
        seed.count = m_options.alertApi.seededAlerts;
        seedAlerts(seed);
    }
    m_frontend = new HttpFrontend(
        [this](const HttpCall &call) -> HttpFrontend::RestOutcome {
            if (std::optional<HttpReply> reply = m_control.handle(call)) {
                return { std::move(reply), 0 };
            }
            if (m_silent) {
                qCDebug(lcSim) << "silent: leaving" << call.method << call.path << "unanswered";
                return { std::nullopt, 0 };
            }
            std::optional<HttpReply> reply = m_auth.handle(call);
            if (!reply) {
                reply = m_alertApi.handle(call);
            }
            qCDebug(lcSim) << call.method << call.path << "->" << (reply ? reply->status : 404);
            return { reply ? std::move(reply) : HttpReply::notFound(), m_replyDelayMs };
        },
        [this](const HttpCall &call, const QUrlQuery &query, QTcpSocket *transport) {
            const Admission admission = m_admission.decide(call, query, socketsFrom(call.peer));
            if (admission.accepted() && transport) {
                const QString key = peerKey(transport->peerAddress(), transport->peerPort());
                const quint64 serial = ++m_pendingSerial;
                m_pending.insert(key, { admission, transport, serial });
                // A handshake that never completes must not hold a slot of the per-address cap.
                connect(transport, &QObject::destroyed, this, [this, key, serial] {
                    const auto it = m_pending.constFind(key);
                    if (it != m_pending.constEnd() && it->serial == serial) {
                        m_pending.erase(it);
                    }
                });
            }
            return admission;
        },
        this);
    connect(m_frontend, &HttpFrontend::newWebSocketConnection, this, &Simulator::acceptWebSockets);
    m_origins.setSecure(m_options.tlsEnabled());
}

Simulator::~Simulator()
{
    m_traffic.stop();
    m_colleagues.stop();
    const QList<SimSocket *> sockets = m_sockets;
    m_sockets.clear();
    for (SimSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
    delete m_frontend;
    m_frontend = nullptr;
}

bool Simulator::listen(const QHostAddress &address, quint16 port)
{
    if (isListening()) {
        qCWarning(lcSim) << "already listening on" << m_port;
        return false;
    }
    if (!m_tcpServer) {
        m_tcpServer = m_options.tlsEnabled() ? makeTlsServer() : new QTcpServer(m_frontend);
    }
    if (!m_tcpServer->listen(address, port)) {
        qCWarning(lcSim) << "cannot listen on" << address.toString() << port << ":"
                         << m_tcpServer->errorString();
        return false;
    }
    m_frontend->bind(m_tcpServer);
    m_address = address;
    m_port = m_tcpServer->serverPort();
    m_origins.setServerPort(m_port);
    qCInfo(lcSim) << "listening on" << httpUrl().toString();
    Q_EMIT listeningChanged(true);
    if (hasTraffic(m_options.traffic) && !m_traffic.isRunning()) {
        startTraffic();
    }
    return true;
}

QTcpServer *Simulator::makeTlsServer()
{
    // Our own QSslServer rather than QAbstractHttpServer::sslSetup(): that one only takes effect in the
    // frontend's listen(), and we bind our own server so restart() can listen again on the same port.
    // QSslServer hands a connection over only once its handshake is done, so REST and the WebSocket
    // upgrade both run over an encrypted QSslSocket.
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(QList<QSslCertificate> { m_options.tlsCertificate }
                                           + m_options.tlsChain);
    configuration.setPrivateKey(m_options.tlsKey);
    configuration.setProtocol(QSsl::SecureProtocols);
    // A server does not ask for client certificates.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto *server = new QSslServer(m_frontend);
    server->setSslConfiguration(configuration);
    // A client that refuses our certificate is what the TLS tests provoke: worth a line, not a warning.
    connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *, QAbstractSocket::SocketError error) {
        qCDebug(lcSim) << "TLS connection failed:" << error;
    });
    connect(server, &QSslServer::peerVerifyError, this, [](QSslSocket *, const QSslError &error) {
        qCDebug(lcSim) << "TLS peer:" << error.errorString();
    });
    return server;
}

bool Simulator::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

QUrl Simulator::httpUrl() const
{
    QUrl url;
    url.setScheme(m_options.tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    if (m_address.isNull() || m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4
        || m_address == QHostAddress::AnyIPv6 || m_address.isLoopback()) {
        url.setHost(m_address == QHostAddress::LocalHostIPv6 ? QStringLiteral("::1")
                                                             : QStringLiteral("127.0.0.1"));
    } else {
        url.setHost(m_address.toString());
    }
    url.setPort(m_port);
    return url;
}

QUrl Simulator::wsUrl(const QString &path) const
{
    QUrl url = httpUrl();
    url.setScheme(m_options.tlsEnabled() ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(path);
    return url;
}

QString Simulator::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

int Simulator::socketsFrom(const QHostAddress &address) const
{
    int count = 0;
    for (const SimSocket *socket : m_sockets) {
        if (socket->peerAddress().isEqual(address)) {
            ++count;
        }
    }
    for (const Pending &pending : m_pending) {
        if (pending.transport && pending.transport->peerAddress().isEqual(address)) {
            ++count;
        }
    }
    return count;
}

void Simulator::acceptWebSockets()
{
    while (m_frontend->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_frontend->nextPendingWebSocketConnection();
        if (!socket) {
            continue;
        }
        const auto it = m_pending.find(peerKey(socket->peerAddress(), socket->peerPort()));
        if (it == m_pending.end()) {
            qCWarning(lcSim) << "WebSocket from" << socket->peerAddress().toString()
                             << "without an admission";
            socket->abort();
            socket.release()->deleteLater();
            continue;
        }
        const Pending pending = *it;
        m_pending.erase(it);
        SimSocket::Identity identity { pending.admission.path, pending.admission.userId,
                                       pending.admission.username };
        SimSocket *simSocket = nullptr;
        if (identity.path == kDashboardPath) {
            simSocket = new DashboardSocket(std::move(socket), identity, pending.transport, *this);
        } else {
            simSocket = new PresenceSocket(std::move(socket), identity, pending.transport, *this);
        }
        simSocket->setParent(this);
        connect(simSocket, &SimSocket::closed, this, &Simulator::onSocketClosed);
        m_sockets.append(simSocket);
        ++m_acceptedByPath[identity.path];
        qCInfo(lcSim) << "accepted" << identity.path << "for" << identity.username;
        simSocket->start();
        Q_EMIT socketOpened(identity.path, identity.username);
    }
}

void Simulator::onSocketClosed(SimSocket *socket)
{
    if (!m_sockets.removeOne(socket)) {
        return;
    }
    qCInfo(lcSim) << "closed" << socket->path() << "for" << socket->username();
    Q_EMIT socketClosed(socket->path(), socket->username());
    socket->deleteLater();
}

QList<SimSocket *> Simulator::socketsOn(const QString &path) const
{
    QList<SimSocket *> result;
    for (SimSocket *socket : m_sockets) {
        if (path.isEmpty() || socket->path() == path) {
            result.append(socket);
        }
    }
    return result;
}

int Simulator::openSockets(const QString &path) const
{
    return int(socketsOn(path).size());
}

// ---- traffic -------------------------------------------------------------------------------------

void Simulator::startTraffic()
{
    m_traffic.start();
    m_colleagues.start();
}

void Simulator::stopTraffic()
{
    m_traffic.stop();
    m_colleagues.stop();
}

QString Simulator::publishAlert(const QString &clientId, const QString &severity, const QString &alertType,
                                const QString &message, const QString &site)
{
    const QString client
        = clientId.isEmpty() ? m_options.clients.at(m_rng.bounded(int(m_options.clients.size()))) : clientId;
    const QString sev = severity.isEmpty() ? AlertTexts::randomSeverity(m_rng) : severity;
    const QString type = alertType.isEmpty() ? AlertTexts::randomAlert(m_rng).alertType : alertType;
    const QString text = message.isEmpty() ? AlertTexts::messageFor(type, m_rng, site) : message;
    NewAlert fresh;
    fresh.clientId = client;
    fresh.severity = sev;
    fresh.alertType = type;
    fresh.message = text;
    fresh.siteName = site;
    const qint64 id = m_alerts.add(fresh);
    QJsonObject frame { { QStringLiteral("type"), QStringLiteral("alert_new") },
                        { QStringLiteral("alert_id"), id },
                        { QStringLiteral("alert_type"), type },
                        { QStringLiteral("severity"), sev },
                        { QStringLiteral("message"), text } };
    if (!m_options.minimalFields) {
        frame.insert(QStringLiteral("client_id"), client);
        frame.insert(QStringLiteral("timestamp"), IsoTime::now());
    }
    // Serialise once: a burst to many sockets shouldn't re-encode per socket.
    const QString text8 = QString::fromUtf8(PyJson::dumps(frame));
    for (SimSocket *socket : std::as_const(m_sockets)) {
        auto *dashboard = qobject_cast<DashboardSocket *>(socket);
        if (dashboard && dashboard->isSubscribed(client)) {
            dashboard->sendRawText(text8);
        }
    }
    return QString::number(id);
}

QJsonObject Simulator::withType(const char *type, QJsonObject payload, const QJsonObject &fields) const
{
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        payload.insert(it.key(), it.value());
    }
    payload.insert(QStringLiteral("type"), QString::fromLatin1(type));
    return payload;
}

void Simulator::pushToDashboards(const QJsonObject &frame)
{
    const QString text = QString::fromUtf8(PyJson::dumps(frame));
    for (SimSocket *socket : socketsOn(kDashboardPath)) {
        socket->sendRawText(text);
    }
}

void Simulator::publishCriticalAlert(const QJsonObject &fields)
{
    pushToDashboards(
        withType("critical_alert", AlertTexts::criticalAlert(m_rng, 90000 + m_nextEventId++), fields));
}

void Simulator::publishFinding(const QJsonObject &fields)
{
    pushToDashboards(withType("finding_created", AlertTexts::finding(m_rng, 3000 + m_nextEventId++), fields));
}

void Simulator::publishAnomaly(const QJsonObject &fields)
{
    pushToDashboards(
        withType("anomaly_detected", AlertTexts::anomaly(m_rng, 7000 + m_nextEventId++), fields));
}

void Simulator::publishTicketUpdate(const QJsonObject &fields)
{
    pushToDashboards(
        withType("ticket_updated", AlertTexts::ticketUpdate(m_rng, 12000 + m_nextEventId++), fields));
}

void Simulator::publishUserStatus(int userId, const QString &state, const QJsonObject &statusFields)
{
    const SimUser *user = userId > 0 ? m_options.userById(userId) : nullptr;
    SimUser stranger;
    if (!user) {
        if (userId > 0) {
            stranger.id = userId;
            stranger.username = QStringLiteral("user%1").arg(userId);
            user = &stranger;
        } else {
            user = &m_options.users.at(m_rng.bounded(int(m_options.users.size())));
        }
    }
    const QString presence = state.isEmpty() ? AlertTexts::randomPresenceState(m_rng) : state;
    QJsonObject frame = AlertTexts::userStatus(m_rng, *user, presence, m_options.minimalFields);
    QJsonObject status = frame.value(QLatin1String("status")).toObject();
    for (auto it = statusFields.constBegin(); it != statusFields.constEnd(); ++it) {
        status.insert(it.key(), it.value());
    }
    frame.insert(QStringLiteral("status"), status);
    frame.insert(QStringLiteral("type"), QStringLiteral("user_status_update"));
    const QString text = QString::fromUtf8(PyJson::dumps(frame));
    for (SimSocket *socket : socketsOn(kPresencePath)) {
        socket->sendRawText(text);
    }
}

void Simulator::sendRaw(const QString &text, const QString &path)
{
    for (SimSocket *socket : socketsOn(path)) {
        socket->sendRawText(text);
    }
}

// ---- faults --------------------------------------------------------------------------------------

void Simulator::closeSockets(int code, const QString &reason, const QString &path)
{
    qCInfo(lcSim) << "fault: closing sockets" << (path.isEmpty() ? QStringLiteral("(all)") : path) << "with"
                  << code;
    for (SimSocket *socket : socketsOn(path)) {
        if (code <= 0 || socket->isSilenced()) {
            socket->abort();
        } else {
            socket->closeWith(code, reason);
        }
    }
}

void Simulator::setSilent(bool silent)
{
    if (silent == m_silent) {
        return;
    }
    m_silent = silent;
    qCInfo(lcSim) << "fault: silence" << (silent ? "on" : "off");
    for (SimSocket *socket : socketsOn({})) {
        if (silent) {
            socket->silence();
        } else if (socket->isSilenced()) {
            socket->abort();
        }
    }
}

void Simulator::setReplyDelayMs(int ms)
{
    if (qMax(0, ms) != m_replyDelayMs) {
        qCInfo(lcSim) << "fault: reply delay" << qMax(0, ms) << "ms";
    }
    m_replyDelayMs = qMax(0, ms);
}

QStringList Simulator::malformedKinds()
{
    return {
        QStringLiteral("garbage"),      QStringLiteral("array"),       QStringLiteral("number"),
        QStringLiteral("string"),       QStringLiteral("binary"),      QStringLiteral("empty"),
        QStringLiteral("unknown_type"), QStringLiteral("no_type"),     QStringLiteral("missing_fields"),
        QStringLiteral("nulls"),        QStringLiteral("wrong_types"), QStringLiteral("unknown_severity"),
        QStringLiteral("unicode"),      QStringLiteral("huge"),        QStringLiteral("deep")
    };
}

void Simulator::sendMalformed(const QString &kind, const QString &path)
{
    qCInfo(lcSim) << "fault: malformed" << kind;
    const qint64 bogusId = m_alerts.published() + 1000 + 1000000; // never issued
    for (SimSocket *socket : socketsOn(path)) {
        const bool dashboard = socket->path() == kDashboardPath;
        QJsonObject frame;
        if (kind == QLatin1String("garbage")) {
            socket->sendRawText(QStringLiteral("{\"type\": \"alert_new\", \"alert_id\": 10"));
            continue;
        }
        if (kind == QLatin1String("array")) {
            socket->sendRawText(QStringLiteral("[1, 2, 3]"));
            continue;
        }
        if (kind == QLatin1String("number")) {
            socket->sendRawText(QStringLiteral("42"));
            continue;
        }
        if (kind == QLatin1String("string")) {
            socket->sendRawText(QStringLiteral("\"alert_new\""));
            continue;
        }
        if (kind == QLatin1String("binary")) {
            socket->sendRawBinary(QByteArray("\x00\xff\x7b\x22type\x22", 9));
            continue;
        }
        if (kind == QLatin1String("empty")) {
            socket->sendRawText(QString());
            continue;
        }
        if (kind == QLatin1String("deep")) {
            socket->sendRawText(QString(5000, QLatin1Char('[')) + QString(5000, QLatin1Char(']')));
            continue;
        }
        const QString frameType
            = dashboard ? QStringLiteral("alert_new") : QStringLiteral("user_status_update");
        if (kind == QLatin1String("unknown_type")) {
            frame = { { QStringLiteral("type"), QStringLiteral("quantum_flux_detected") },
                      { QStringLiteral("payload"), QJsonObject { { QStringLiteral("level"), 11 } } } };
        } else if (kind == QLatin1String("no_type")) {
            frame = { { QStringLiteral("alert_id"), bogusId },
                      { QStringLiteral("message"), QStringLiteral("no type here") } };
        } else if (kind == QLatin1String("missing_fields")) {
            frame = { { QStringLiteral("type"), frameType } };
        } else if (kind == QLatin1String("nulls")) {
            frame = dashboard ? QJsonObject { { QStringLiteral("type"), frameType },
                                              { QStringLiteral("alert_id"), QJsonValue::Null },
                                              { QStringLiteral("alert_type"), QJsonValue::Null },
                                              { QStringLiteral("severity"), QJsonValue::Null },
                                              { QStringLiteral("message"), QJsonValue::Null } }
                              : QJsonObject { { QStringLiteral("type"), frameType },
                                              { QStringLiteral("user_id"), QJsonValue::Null },
                                              { QStringLiteral("status"), QJsonValue::Null } };
        } else if (kind == QLatin1String("wrong_types")) {
            frame = dashboard
                ? QJsonObject { { QStringLiteral("type"), frameType },
                                { QStringLiteral("alert_id"), QStringLiteral("not-a-number") },
                                { QStringLiteral("alert_type"), 12 },
                                { QStringLiteral("severity"), QJsonArray { QStringLiteral("HIGH") } },
                                { QStringLiteral("message"), QJsonObject { { QStringLiteral("text"), 1 } } } }
                : QJsonObject { { QStringLiteral("type"), frameType },
                                { QStringLiteral("user_id"), QStringLiteral("seven") },
                                { QStringLiteral("status"), QStringLiteral("online") } };
        } else if (kind == QLatin1String("unknown_severity")) {
            frame = { { QStringLiteral("type"), QStringLiteral("alert_new") },
                      { QStringLiteral("alert_id"), bogusId },
                      { QStringLiteral("alert_type"), QStringLiteral("HIGH_CPU") },
                      { QStringLiteral("severity"), QStringLiteral("catastrophic") },
                      { QStringLiteral("message"), QStringLiteral("Severity no client knows") } };
        } else if (kind == QLatin1String("unicode")) {
            frame
                = { { QStringLiteral("type"), QStringLiteral("alert_new") },
                    { QStringLiteral("alert_id"), bogusId },
                    { QStringLiteral("alert_type"), QStringLiteral("LINK_DOWN") },
                    { QStringLiteral("severity"), QStringLiteral("HIGH") },
                    { QStringLiteral("message"),
                      QStringLiteral(
                          "\U0001F525 \u05e7\u05d9\u05e9\u05d5\u05e8 down \u2014 \"quoted\" \\ back\tslash\n"
                          "Z\u00fcrich \u0000 nul") } };
        } else if (kind == QLatin1String("huge")) {
            frame = { { QStringLiteral("type"), QStringLiteral("alert_new") },
                      { QStringLiteral("alert_id"), bogusId },
                      { QStringLiteral("alert_type"), QStringLiteral("CONFIG_CHANGED") },
                      { QStringLiteral("severity"), QStringLiteral("INFO") },
                      { QStringLiteral("message"), QString(1024 * 1024, QLatin1Char('x')) } };
        } else {
            qCWarning(lcSim) << "unknown malformed kind" << kind;
            return;
        }
        socket->sendPush(frame);
    }
}

void Simulator::expireAccessTokens(bool closeOpenSockets)
{
    qCInfo(lcSim) << "fault: every access token expired";
    m_tokens.expireAllAccess();
    if (closeOpenSockets) {
        closeSockets(4401, QStringLiteral("Token expired"));
    }
}

void Simulator::revokeRefreshTokens()
{
    qCInfo(lcSim) << "fault: every refresh token revoked";
    m_tokens.revokeAllRefresh();
}

void Simulator::setRefuseLogins(bool refuse)
{
    if (refuse != m_auth.refuseLogins()) {
        qCInfo(lcSim) << "fault: refuse logins" << refuse;
    }
    m_auth.setRefuseLogins(refuse);
}

void Simulator::restart(int downMs, bool abrupt)
{
    qCInfo(lcSim) << "fault: restart, down for" << downMs << "ms" << (abrupt ? "(abrupt)" : "");
    for (SimSocket *socket : socketsOn({})) {
        if (abrupt || socket->isSilenced()) {
            socket->abort();
        } else {
            socket->closeWith(1001, QStringLiteral("Server restarting"));
        }
    }
    if (m_tcpServer) {
        m_tcpServer->close();
        // Keep-alive HTTP connections die with the process too; a graceful close still flushes a reply
        // already written (such as the control API's answer to the restart request).
        for (QTcpSocket *connection : m_tcpServer->findChildren<QTcpSocket *>()) {
            if (abrupt) {
                connection->abort();
            } else {
                connection->disconnectFromHost();
            }
        }
    }
    Q_EMIT listeningChanged(false);
    QTimer::singleShot(qMax(0, downMs), this, &Simulator::relisten);
}

void Simulator::relisten()
{
    if (!m_tcpServer || m_tcpServer->isListening()) {
        return;
    }
    if (!m_tcpServer->listen(m_address, m_port)) {
        qCWarning(lcSim) << "relisten on" << m_port << "failed:" << m_tcpServer->errorString()
                         << "- retrying";
        QTimer::singleShot(100, this, &Simulator::relisten);
        return;
    }
    qCInfo(lcSim) << "listening again on" << httpUrl().toString();
    Q_EMIT listeningChanged(true);
}

// ---- records -------------------------------------------------------------------------------------

void Simulator::clearRecords()
{
    m_acks.clear();
    m_frames.clear();
    m_alertApi.resetCalls();
}

// ---- alert records -------------------------------------------------------------------------------

QList<qint64> Simulator::seedAlerts(const SeedRequest &request)
{
    AlertSeeder seeder(m_options, m_alerts, m_rng);
    const QList<qint64> ids = seeder.seed(request);
    qCInfo(lcSim) << "seeded" << ids.size() << "alerts without pushing them";
    return ids;
}

HttpReply Simulator::actOnAlert(const QString &username, const QString &action, qint64 alertId,
                                const QJsonObject &fields)
{
    const SimUser *user = m_options.userByName(username);
    QJsonObject body;
    if (action == QLatin1String("assign")) {
        // To someone else at random (the signed-in operator included), as colleagues do.
        const SimUser &to = m_options.users.at(m_rng.bounded(int(m_options.users.size())));
        body.insert(QStringLiteral("assigned_to_id"), to.disabled ? m_options.users.constFirst().id : to.id);
    } else if (action == QLatin1String("escalate")) {
        body.insert(QStringLiteral("escalated_to_id"), m_options.users.constFirst().id);
        body.insert(QStringLiteral("reason"), QStringLiteral("Needs the network team"));
    } else if (action == QLatin1String("resolve")) {
        body.insert(QStringLiteral("resolution_notes"), QStringLiteral("Fixed at the site; monitoring."));
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        body.insert(it.key(), it.value());
    }
    HttpCall call;
    call.method = "POST";
    call.path = action == QLatin1String("bulk-action")
        ? QStringLiteral("/api/noc/alerts/bulk-action/")
        : QStringLiteral("/api/noc/alerts/%1/%2/").arg(alertId).arg(action);
    call.headers = { { "Host", httpUrl().authority().toUtf8() },
                     { "Content-Type", "application/json" },
                     { "Accept", "application/json" } };
    if (user) {
        call.headers.append({ "Authorization", "Bearer " + m_tokens.issueAccess(user->id).toLatin1() });
    }
    call.body = PyJson::dumps(body);
    call.peer = QHostAddress::LocalHost;
    std::optional<HttpReply> reply = m_alertApi.handle(call);
    qCInfo(lcSim) << "REST action as" << username << action << alertId << "->"
                  << (reply ? reply->status : 404);
    return reply ? *reply : HttpReply::notFound();
}

bool Simulator::suppressRepeat(qint64 alertId)
{
    StoredAlert *alert = m_alerts.find(alertId);
    if (!alert) {
        return false;
    }
    ++alert->suppressedCount;
    alert->lastSeenMs = AlertStore::nowMs();
    m_alerts.detailsFor(alertId).history.append(
        { QStringLiteral("suppress_repeat"), QString(), alert->lastSeenMs, QStringLiteral("server"), {} });
    return true;
}

void Simulator::setAlertApiSettings(const AlertApiOptions &settings)
{
    qCInfo(lcSim) << "alert API: list" << AlertApiOptions::listName(settings.list) << "alert_updated"
                  << (settings.alertUpdatedCloses ? "closes sockets" : "delivered") << "escalate"
                  << (settings.escalateBroken ? "broken" : "working");
    m_alertApi.setSettings(settings);
}

void Simulator::onAlertsChanged(const QList<qint64> &ids)
{
    if (m_alertApi.settings().alertUpdatedCloses) {
        // Current servers: the dashboard consumer cannot handle the event and every socket of the tenant
        // closes, the acting client's included, before the HTTP answer leaves.
        qCInfo(lcSim) << "alert_updated for" << ids.size() << "alert(s): closing every dashboard socket 1011";
        closeSockets(1011, {}, kDashboardPath);
    } else {
        for (const qint64 id : ids) {
            const StoredAlert *alert = m_alerts.find(id);
            if (!alert) {
                continue;
            }
            pushToDashboards({ { QStringLiteral("type"), QStringLiteral("alert_updated") },
                               { QStringLiteral("alert_id"), id },
                               { QStringLiteral("status"), AlertStatusNames::code(alert->status) },
                               { QStringLiteral("message"), alert->message },
                               { QStringLiteral("timestamp"), IsoTime::now() },
                               { QStringLiteral("tenant_id"), m_options.tenantId } });
        }
    }
    Q_EMIT alertsChanged(ids);
}

QString Simulator::issueAccessToken(const QString &username)
{
    const SimUser *user = m_options.userByName(username);
    return user ? m_tokens.issueAccess(user->id) : QString();
}

void Simulator::recordFrame(const QString &path, const QString &type)
{
    ++m_frames[type];
    qCDebug(lcSim) << "frame" << type << "on" << path;
    Q_EMIT frameReceived(path, type);
}

void Simulator::recordAck(qint64 alertId, const QString &username)
{
    const SimUser *user = m_options.userByName(username);
    m_alerts.acknowledge(alertId, username, user ? user->name() : username);
    const QString id = QString::number(alertId);
    m_acks.append({ id, username, QDateTime::currentDateTimeUtc() });
    qCInfo(lcSim) << username << "acknowledged" << id;
    Q_EMIT ackRecorded(id, username);
}

QJsonObject Simulator::metricsFor(const QString &clientId)
{
    // The real endpoint often has nothing cached yet and answers {}.
    if (m_rng.bounded(10) < 6) {
        return {};
    }
    return { { QStringLiteral("open_alerts"), m_alerts.openCount(clientId) },
             { QStringLiteral("critical_open"), m_alerts.criticalOpenCount(clientId) },
             { QStringLiteral("mttr_minutes"), double(m_rng.bounded(50, 900)) / 10.0 },
             { QStringLiteral("devices_down"), m_rng.bounded(0, 4) } };
}

} // namespace noc::sim
