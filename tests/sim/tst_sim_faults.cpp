// SPDX-License-Identifier: MIT
// Fault injection (C++ API and the /control/ HTTP API), traffic, and the EmbeddedSimulator.
#include "SimTestSupport.h"
#include "sim/EmbeddedSimulator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpServer>

using namespace noc::sim;
using namespace simtest;

namespace {
const QString kPresence(kPresencePath);
const QString kDashboard(kDashboardPath);

QJsonObject frame(const char *type, const QJsonObject &fields = {})
{
    QJsonObject result = fields;
    result.insert(QStringLiteral("type"), QString::fromLatin1(type));
    return result;
}

SimulatorOptions roomy()
{
    SimulatorOptions options;
    options.maxSocketsPerAddress = 50;
    return options;
}

QJsonObject operatorCredentials()
{
    return { { QStringLiteral("username"), QStringLiteral("operator") },
             { QStringLiteral("password"), QStringLiteral("operator") } };
}

void subscribe(WsClient &client, const QString &clientId)
{
    client.sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), clientId } }));
}
} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietLogs(); }
    void closeSocketsWithCode();
    void closeSocketsAbruptly();
    void silenceIsHalfOpen();
    void replyDelay();
    void malformedFrames_data();
    void malformedFrames();
    void expireAccessTokens();
    void expireAccessTokensClosing4401();
    void revokeRefreshTokens();
    void refuseLogins();
    void restartOnSamePort();
    void restartAbrupt();
    void controlApi();
    void controlApiPublishAndRecords();
    void controlApiRestartAnswersFirst();
    void controlApiLoopbackOnly();
    void trafficGenerator();
    void embeddedSimulator();
};

void TestSimFaults::closeSocketsWithCode()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));
    sim.closeSockets(1011, QStringLiteral("alert changed"), kDashboard);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->disconnected, kTimeoutMs);
    QCOMPARE(dashboard->closeCode, 1011);
    QCOMPARE(dashboard->closeReason, QStringLiteral("alert changed"));
    presence->sendJson(frame("ping"));
    QVERIFY(presence->waitFor(QStringLiteral("pong")));
    QVERIFY(!presence->disconnected);

    sim.closeSockets(4429);
    QTRY_VERIFY_WITH_TIMEOUT(presence->disconnected, kTimeoutMs);
    QCOMPARE(presence->closeCode, 4429);
    QTRY_COMPARE_WITH_TIMEOUT(sim.openSockets(), 0, kTimeoutMs);
}

void TestSimFaults::closeSocketsAbruptly()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    RawWsClient raw(
        sim, kDashboard + QStringLiteral("?token=") + sim.issueAccessToken(QStringLiteral("operator")));
    QTRY_COMPARE_WITH_TIMEOUT(raw.opcodes, QList<int> { 0x1 }, kTimeoutMs); // "connected"
    QCOMPARE(raw.status, 101);
    sim.closeSockets(0);
    QTRY_VERIFY_WITH_TIMEOUT(raw.disconnected, kTimeoutMs);
    QCOMPARE(raw.opcodes, QList<int> { 0x1 }); // no close frame came

    // Whereas a code closes with a close frame.
    RawWsClient polite(
        sim, kDashboard + QStringLiteral("?token=") + sim.issueAccessToken(QStringLiteral("operator")));
    QTRY_COMPARE_WITH_TIMEOUT(polite.opcodes, QList<int> { 0x1 }, kTimeoutMs);
    sim.closeSockets(1000);
    QTRY_VERIFY_WITH_TIMEOUT(polite.opcodes.contains(0x8), kTimeoutMs);
}

void TestSimFaults::silenceIsHalfOpen()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    QNetworkAccessManager nam;

    sim.setSilent(true);
    QSignalSpy texts(&client->socket(), &QWebSocket::textMessageReceived);
    QSignalSpy pongs(&client->socket(), &QWebSocket::pong);
    QSignalSpy frames(&sim, &Simulator::frameReceived);
    client->sendJson(frame("ping"));
    client->socket().ping();
    sim.publishUserStatus(1, QStringLiteral("online"));
    QVERIFY(!texts.wait(600)); // nothing, not even a protocol pong
    QCOMPARE(pongs.size(), 0);
    QCOMPARE(frames.size(), 0);
    QVERIFY(!client->disconnected); // TCP stays open

    // REST hangs too.
    QNetworkRequest request(url(sim, QStringLiteral("/api/v2/auth/login/")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(400);
    const HttpResult hung
        = finish(nam.post(request, QJsonDocument(operatorCredentials()).toJson()), kTimeoutMs);
    QVERIFY(hung.finished);
    QCOMPARE(hung.status, 0);
    QVERIFY(hung.error != QNetworkReply::NoError);

    // A socket opened now is accepted and then hears nothing.
    WsClient late(ownOrigin(sim));
    late.open(wsUrl(sim, kDashboard, sim.issueAccessToken(QStringLiteral("viewer"))));
    QTRY_VERIFY_WITH_TIMEOUT(late.connected, kTimeoutMs);
    QSignalSpy lateTexts(&late.socket(), &QWebSocket::textMessageReceived);
    QVERIFY(!lateTexts.wait(300));

    // The control API still answers.
    QCOMPARE(
        get(nam, url(sim, QStringLiteral("/control/status"))).json.value(QLatin1String("silent")).toBool(),
        true);

    // Ending the silence drops the half-open sockets; new ones work again.
    sim.setSilent(false);
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected && late.disconnected, kTimeoutMs);
    auto fresh = connectAs(sim, kPresence, QStringLiteral("operator"));
    QVERIFY(fresh->connected);
    QCOMPARE(fresh->count(QStringLiteral("connection_established")), 1);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials()).status, 200);
}

void TestSimFaults::replyDelay()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    subscribe(*client, QStringLiteral("acme"));
    QVERIFY(client->waitFor(QStringLiteral("subscribed")));
    QNetworkAccessManager nam;

    sim.setReplyDelayMs(300);
    QElapsedTimer timer;
    timer.start();
    client->sendJson(frame("heartbeat"));
    QVERIFY(client->waitFor(QStringLiteral("heartbeat_ack")));
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));

    // Pushes are not answers: they are not delayed.
    timer.restart();
    sim.publishAlert(QStringLiteral("acme"), {}, {}, {});
    QVERIFY(client->waitFor(QStringLiteral("alert_new")));
    QVERIFY(timer.elapsed() < 290);

    timer.restart();
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials()).status, 200);
    QVERIFY(timer.elapsed() >= 290);

    sim.setReplyDelayMs(0);
    timer.restart();
    client->sendJson(frame("heartbeat"));
    QVERIFY(client->waitFor(QStringLiteral("heartbeat_ack")));
    QVERIFY(timer.elapsed() < 290);
}

void TestSimFaults::malformedFrames_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString &kind : Simulator::malformedKinds()) {
        QTest::newRow(qPrintable(kind)) << kind;
    }
}

void TestSimFaults::malformedFrames()
{
    QFETCH(QString, kind);
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));
    const qsizetype textsBefore = dashboard->texts.size() + presence->texts.size();

    sim.sendMalformed(kind);
    if (kind == QLatin1String("binary")) {
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->binaries.size(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(presence->binaries.size(), 1, kTimeoutMs);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->texts.size() + presence->texts.size(), textsBefore + 2,
                                  kTimeoutMs);
        const QString text = dashboard->texts.constLast();
        if (kind == QLatin1String("garbage") || kind == QLatin1String("deep")) {
            QVERIFY(QJsonDocument::fromJson(text.toUtf8()).isNull());
        } else if (kind == QLatin1String("array")) {
            QCOMPARE(text, QStringLiteral("[1, 2, 3]"));
        } else if (kind == QLatin1String("number")) {
            QCOMPARE(text, QStringLiteral("42"));
        } else if (kind == QLatin1String("empty")) {
            QVERIFY(text.isEmpty());
        } else if (kind == QLatin1String("nulls")) {
            QVERIFY(dashboard->frames.constLast().value(QLatin1String("alert_id")).isNull());
            QVERIFY(presence->frames.constLast().value(QLatin1String("status")).isNull());
        } else if (kind == QLatin1String("huge")) {
            QVERIFY(text.size() > 1024 * 1024);
        } else if (kind == QLatin1String("unicode")) {
            QVERIFY(text.contains(QLatin1String("\\ud83d\\udd25")));
            QVERIFY(dashboard->frames.constLast()
                        .value(QLatin1String("message"))
                        .toString()
                        .startsWith(QChar(0xd83d)));
        } else if (kind == QLatin1String("missing_fields")) {
            QCOMPARE(dashboard->frames.constLast().keys(), QStringList { QStringLiteral("type") });
        }
    }
    // The server itself carries on.
    dashboard->sendJson(frame("heartbeat"));
    QVERIFY(dashboard->waitFor(QStringLiteral("heartbeat_ack")));
}

void TestSimFaults::expireAccessTokens()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const HttpResult login
        = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials());
    const QString access = login.data().value(QLatin1String("access")).toString();
    const QString refresh = login.data().value(QLatin1String("refresh")).toString();
    WsClient open(ownOrigin(sim));
    open.open(wsUrl(sim, kDashboard, access));
    QTRY_COMPARE_WITH_TIMEOUT(open.count(QStringLiteral("connected")), 1, kTimeoutMs);

    sim.expireAccessTokens();
    // Open sockets stay; the next handshake with the old token is refused; verify says invalid.
    QCOMPARE(upgradeStatus(sim, kDashboard + QStringLiteral("?token=") + access,
                           { "Origin: " + ownOrigin(sim).toLatin1() }),
             403);
    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/api/v2/auth/verify/")), { { QStringLiteral("token"), access } })
            .status,
        401);
    open.sendJson(frame("heartbeat"));
    QVERIFY(open.waitFor(QStringLiteral("heartbeat_ack")));

    // Refresh still works and its access token is good.
    const HttpResult refreshed = post(nam, url(sim, QStringLiteral("/api/v2/auth/refresh/")),
                                      { { QStringLiteral("refresh"), refresh } });
    QCOMPARE(refreshed.status, 200);
    const QString fresh = refreshed.data().value(QLatin1String("access")).toString();
    QCOMPARE(upgradeStatus(sim, kDashboard + QStringLiteral("?token=") + fresh,
                           { "Origin: " + ownOrigin(sim).toLatin1() }),
             101);
}

void TestSimFaults::expireAccessTokensClosing4401()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    sim.expireAccessTokens(true);
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, kTimeoutMs);
    QCOMPARE(client->closeCode, 4401);
}

void TestSimFaults::revokeRefreshTokens()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const QString v2Refresh
        = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials())
              .data()
              .value(QLatin1String("refresh"))
              .toString();
    const QString aRefresh = post(nam, url(sim, QStringLiteral("/api/auth/token/")), operatorCredentials())
                                 .json.value(QLatin1String("refresh"))
                                 .toString();
    sim.revokeRefreshTokens();
    const HttpResult v2 = post(nam, url(sim, QStringLiteral("/api/v2/auth/refresh/")),
                               { { QStringLiteral("refresh"), v2Refresh } });
    QCOMPARE(v2.status, 401);
    QCOMPARE(v2.errorCode(), QStringLiteral("INVALID_TOKEN"));
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")),
                  { { QStringLiteral("refresh"), aRefresh } })
                 .status,
             401);
    // A new login gets a working refresh token.
    const QString again = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials())
                              .data()
                              .value(QLatin1String("refresh"))
                              .toString();
    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/api/v2/auth/refresh/")), { { QStringLiteral("refresh"), again } })
            .status,
        200);
}

void TestSimFaults::refuseLogins()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    sim.setRefuseLogins(true);
    const HttpResult v2 = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials());
    QCOMPARE(v2.status, 401);
    QCOMPARE(v2.errorCode(), QStringLiteral("INVALID_CREDENTIALS"));
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/")), operatorCredentials()).status, 401);
    sim.setRefuseLogins(false);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials()).status, 200);
}

void TestSimFaults::restartOnSamePort()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    const quint16 port = sim.port();
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));
    QSignalSpy listening(&sim, &Simulator::listeningChanged);

    sim.restart(500);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->disconnected && presence->disconnected, kTimeoutMs);
    QCOMPARE(dashboard->closeCode, 1001);
    QCOMPARE(presence->closeCode, 1001);

    QCOMPARE(listening.size(), 1);
    QCOMPARE(listening.at(0).at(0).toBool(), false);
    QVERIFY(!sim.isListening());

    // Down: the port refuses connections.
    QTcpSocket probe;
    QSignalSpy probeError(&probe, &QAbstractSocket::errorOccurred);
    probe.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(probeError.wait(kTimeoutMs));
    QCOMPARE(probe.error(), QAbstractSocket::ConnectionRefusedError);

    QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 2, kTimeoutMs);
    QCOMPARE(listening.at(1).at(0).toBool(), true);
    QCOMPARE(sim.port(), port);
    auto again = connectAs(sim, kDashboard, QStringLiteral("operator"));
    QVERIFY(again->connected);
    QNetworkAccessManager nam;
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), operatorCredentials()).status, 200);
}

void TestSimFaults::restartAbrupt()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    RawWsClient raw(sim,
                    kPresence + QStringLiteral("?token=") + sim.issueAccessToken(QStringLiteral("operator")));
    QTRY_COMPARE_WITH_TIMEOUT(raw.opcodes, QList<int> { 0x1 }, kTimeoutMs);
    QSignalSpy listening(&sim, &Simulator::listeningChanged);
    sim.restart(100, true);
    QTRY_VERIFY_WITH_TIMEOUT(raw.disconnected, kTimeoutMs);
    QCOMPARE(raw.opcodes, QList<int> { 0x1 });
    QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 2, kTimeoutMs);
    QVERIFY(sim.isListening());
}

void TestSimFaults::controlApi()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("operator"));

    HttpResult status = get(nam, url(sim, QStringLiteral("/control/status")));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json.value(QLatin1String("port")).toInt(), int(sim.port()));
    QCOMPARE(
        status.json.value(QLatin1String("open_sockets")).toObject().value(QLatin1String("dashboard")).toInt(),
        1);
    QVERIFY(status.body.contains("\"ok\": true"));

    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/delay")), { { QStringLiteral("ms"), 250 } }).status,
             200);
    QCOMPARE(sim.replyDelayMs(), 250);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/delay")), { { QStringLiteral("ms"), 0 } }).status,
             200);

    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/refuse-logins")), { { QStringLiteral("on"), true } })
                 .status,
             200);
    QVERIFY(sim.refuseLogins());
    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/control/refuse-logins")), { { QStringLiteral("on"), false } })
            .status,
        200);
    QVERIFY(!sim.refuseLogins());

    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/malformed")),
                  { { QStringLiteral("kind"), QStringLiteral("array") } })
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->texts.contains(QStringLiteral("[1, 2, 3]")), kTimeoutMs);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/malformed")),
                  { { QStringLiteral("kind"), QStringLiteral("nope") } })
                 .status,
             400);

    const QString access = sim.issueAccessToken(QStringLiteral("operator"));
    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/expire-tokens")), {}).status, 200);
    QCOMPARE(upgradeStatus(sim, kDashboard + QStringLiteral("?token=") + access,
                           { "Origin: " + ownOrigin(sim).toLatin1() }),
             403);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/revoke-tokens")), {}).status, 200);

    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/control/traffic")), { { QStringLiteral("on"), true } }).status,
        200);
    QVERIFY(sim.isTrafficRunning());
    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/control/traffic")), { { QStringLiteral("on"), false } }).status,
        200);
    QVERIFY(!sim.isTrafficRunning());

    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/control/silence")), { { QStringLiteral("on"), true } }).status,
        200);
    QVERIFY(sim.isSilent());
    QCOMPARE(
        post(nam, url(sim, QStringLiteral("/control/silence")), { { QStringLiteral("on"), false } }).status,
        200);
    QVERIFY(!sim.isSilent());
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->disconnected, kTimeoutMs); // it was silenced, now dropped

    auto again = connectAs(sim, kDashboard, QStringLiteral("viewer"));
    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/close")),
                  { { QStringLiteral("code"), 4403 },
                    { QStringLiteral("reason"), QStringLiteral("forbidden") },
                    { QStringLiteral("path"), kDashboard } })
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(again->disconnected, kTimeoutMs);
    QCOMPARE(again->closeCode, 4403);

    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/teleport")), {}).status, 404);
    QCOMPARE(get(nam, url(sim, QStringLiteral("/control/silence"))).status, 404);
    QNetworkRequest bad(url(sim, QStringLiteral("/control/delay")));
    bad.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QCOMPARE(finish(nam.post(bad, QByteArrayLiteral("[1]")), kTimeoutMs).status, 400);
}

void TestSimFaults::controlApiPublishAndRecords()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));
    subscribe(*client, QStringLiteral("umbrella"));
    QVERIFY(client->waitFor(QStringLiteral("subscribed")));

    const HttpResult published
        = post(nam, url(sim, QStringLiteral("/control/publish")),
               { { QStringLiteral("client_id"), QStringLiteral("umbrella") },
                 { QStringLiteral("severity"), QStringLiteral("CRITICAL") },
                 { QStringLiteral("alert_type"), QStringLiteral("POWER_SUPPLY_FAILURE") },
                 { QStringLiteral("message"), QStringLiteral("PSU 2 failed on core-sw-01") } });
    QCOMPARE(published.status, 200);
    const qint64 id = published.json.value(QLatin1String("alert_id")).toInteger();
    QVERIFY(id >= 1000);
    const auto alert = client->waitFor(QStringLiteral("alert_new"));
    QVERIFY(alert);
    QCOMPARE(alert->value(QLatin1String("alert_id")).toInteger(), id);
    QCOMPARE(alert->value(QLatin1String("message")).toString(), QStringLiteral("PSU 2 failed on core-sw-01"));

    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/publish")),
                  { { QStringLiteral("kind"), QStringLiteral("ticket") },
                    { QStringLiteral("fields"),
                      QJsonObject { { QStringLiteral("ticket_no"), QStringLiteral("INC-1") } } } })
                 .status,
             200);
    const auto ticket = client->waitFor(QStringLiteral("ticket_updated"));
    QVERIFY(ticket);
    QCOMPARE(ticket->value(QLatin1String("ticket_no")).toString(), QStringLiteral("INC-1"));
    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/publish")),
                  { { QStringLiteral("kind"), QStringLiteral("user_status") },
                    { QStringLiteral("user_id"), 2 },
                    { QStringLiteral("state"), QStringLiteral("away") } })
                 .status,
             200);
    const auto status = presence->waitFor(QStringLiteral("user_status_update"));
    QVERIFY(status);
    QCOMPARE(status->value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("away"));

    client->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), id } }));
    QVERIFY(client->waitFor(QStringLiteral("alert_acknowledged")));
    const HttpResult acks = get(nam, url(sim, QStringLiteral("/control/acks")));
    QCOMPARE(acks.status, 200);
    const QJsonArray list = acks.json.value(QLatin1String("acks")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("alert_id")).toString(), QString::number(id));
    QCOMPARE(list.at(0).toObject().value(QLatin1String("username")).toString(), QStringLiteral("operator"));
    QVERIFY(!list.at(0).toObject().value(QLatin1String("at")).toString().isEmpty());

    const HttpResult frames = get(nam, url(sim, QStringLiteral("/control/frames")));
    const QJsonObject counts = frames.json.value(QLatin1String("frames")).toObject();
    QCOMPARE(counts.value(QLatin1String("subscribe_client")).toInt(), 1);
    QCOMPARE(counts.value(QLatin1String("acknowledge_alert")).toInt(), 1);

    QCOMPARE(post(nam, url(sim, QStringLiteral("/control/reset-records")), {}).status, 200);
    QVERIFY(sim.acks().isEmpty());
    QVERIFY(sim.framesReceivedByType().isEmpty());
}

void TestSimFaults::controlApiRestartAnswersFirst()
{
    Simulator sim(roomy());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    QSignalSpy listening(&sim, &Simulator::listeningChanged);
    const HttpResult restart
        = post(nam, url(sim, QStringLiteral("/control/restart")), { { QStringLiteral("down_ms"), 200 } });
    QCOMPARE(restart.status, 200);
    QCOMPARE(restart.json.value(QLatin1String("down_ms")).toInt(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 2, kTimeoutMs);
    QCOMPARE(get(nam, url(sim, QStringLiteral("/control/status"))).status, 200);
}

void TestSimFaults::controlApiLoopbackOnly()
{
    // A non-loopback peer can't be faked over a real socket here; the rule itself is checked directly.
    QVERIFY(ControlApi::isPeerAllowed(QHostAddress::LocalHost));
    QVERIFY(ControlApi::isPeerAllowed(QHostAddress::LocalHostIPv6));
    QVERIFY(ControlApi::isPeerAllowed(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
    QVERIFY(!ControlApi::isPeerAllowed(QHostAddress(QStringLiteral("192.0.2.10"))));
    QVERIFY(!ControlApi::isPeerAllowed(QHostAddress(QStringLiteral("2001:db8::1"))));

    Simulator sim(roomy());
    QVERIFY(sim.listen());
    ControlApi api(sim);
    HttpCall call;
    call.method = "POST";
    call.path = QStringLiteral("/control/silence");
    call.body = R"({"on": true})";
    call.peer = QHostAddress(QStringLiteral("192.0.2.10"));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("non-loopback peer.*192\\.0\\.2\\.10")));
    const std::optional<HttpReply> refused = api.handle(call);
    QVERIFY(refused);
    QCOMPARE(refused->status, 403);
    QVERIFY(!sim.isSilent());
    call.peer = QHostAddress::LocalHost;
    QCOMPARE(api.handle(call)->status, 200);
    QVERIFY(sim.isSilent());
    call.path = QStringLiteral("/api/v2/auth/login/");
    QVERIFY(!api.handle(call));
}

void TestSimFaults::trafficGenerator()
{
    SimulatorOptions options = roomy();
    options.traffic.alertsPerSecond = 50;
    options.traffic.burstSize = 40;
    options.traffic.burstIntervalMs = 300;
    options.traffic.tenantEventsPerMinute = 600;
    options.traffic.presenceUpdatesPerMinute = 600;
    options.traffic.seed = 7;
    Simulator sim(options);
    QVERIFY(sim.listen()); // starts the configured traffic
    QVERIFY(sim.isTrafficRunning());
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));
    for (const QString &client : sim.options().clients) {
        subscribe(*dashboard, client);
    }
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->count(QStringLiteral("alert_new")) >= 150, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(presence->count(QStringLiteral("user_status_update")) >= 2, kTimeoutMs);
    const int tenantEvents = dashboard->count(QStringLiteral("critical_alert"))
        + dashboard->count(QStringLiteral("finding_created"))
        + dashboard->count(QStringLiteral("anomaly_detected"))
        + dashboard->count(QStringLiteral("ticket_updated"));
    QVERIFY(tenantEvents >= 2);

    QSet<QString> clients;
    QSet<QString> severities;
    qint64 previous = 0;
    for (const QJsonObject &frame : std::as_const(dashboard->frames)) {
        if (frame.value(QLatin1String("type")).toString() != QLatin1String("alert_new")) {
            continue;
        }
        clients.insert(frame.value(QLatin1String("client_id")).toString());
        severities.insert(frame.value(QLatin1String("severity")).toString());
        const qint64 id = frame.value(QLatin1String("alert_id")).toInteger();
        QVERIFY(id > previous); // increasing
        previous = id;
        QVERIFY(!frame.value(QLatin1String("message")).toString().isEmpty());
    }
    QCOMPARE(clients.size(), sim.options().clients.size());
    QVERIFY(severities.contains(QStringLiteral("INFO")));
    QVERIFY(severities.contains(QStringLiteral("LOW")));

    sim.stopTraffic();
    QVERIFY(!sim.isTrafficRunning());
    // The newest alert ids can be acknowledged.
    dashboard->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), previous } }));
    QVERIFY(dashboard->waitFor(QStringLiteral("alert_acknowledged"), 10000));
}

void TestSimFaults::embeddedSimulator()
{
    auto embedded = std::make_unique<EmbeddedSimulator>(SimulatorOptions::demo());
    QVERIFY(embedded->start());
    QVERIFY(embedded->port() != 0);
    QCOMPARE(embedded->httpUrl().port(), int(embedded->port()));
    QVERIFY(embedded->simulator()->thread() != QThread::currentThread());

    QNetworkAccessManager nam;
    QUrl loginUrl = embedded->httpUrl();
    loginUrl.setPath(QStringLiteral("/api/v2/auth/login/"));
    const HttpResult login = post(nam, loginUrl, operatorCredentials());
    QCOMPARE(login.status, 200);

    QUrl ws = embedded->httpUrl();
    ws.setScheme(QStringLiteral("ws"));
    ws.setPath(kDashboard);
    ws.setQuery(QStringLiteral("token=") + login.data().value(QLatin1String("access")).toString());
    WsClient client(QStringLiteral("http://127.0.0.1:%1").arg(embedded->port()));
    client.open(ws);
    QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("connected")), 1, kTimeoutMs);
    for (const QString &clientId : SimulatorOptions::defaultClients()) {
        subscribe(client, clientId);
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("subscribed")), 6, kTimeoutMs);

    QString id;
    QMetaObject::invokeMethod(
        embedded->simulator(),
        [&id, sim = embedded->simulator()] {
            id = sim->publishAlert(QStringLiteral("acme"), QStringLiteral("HIGH"),
                                   QStringLiteral("LINK_DOWN"), QStringLiteral("embedded"));
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(!id.isEmpty());
    const auto received = [&client, &id] {
        for (const QJsonObject &frame : std::as_const(client.frames)) {
            if (frame.value(QLatin1String("alert_id")).toInteger() == id.toLongLong()) {
                return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(received(), kTimeoutMs);
    // The demo traffic is running too (about 3 alerts a second over all clients).
    QTRY_VERIFY_WITH_TIMEOUT(client.count(QStringLiteral("alert_new")) >= 4, kTimeoutMs);

    embedded.reset(); // stops and joins the thread
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected, kTimeoutMs);
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_sim_faults.moc"
