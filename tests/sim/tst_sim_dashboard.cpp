// SPDX-License-Identifier: MIT
// /ws/noc/dashboard/ and the handshake rules, with QWebSocket clients over real loopback sockets.
#include "SimTestSupport.h"

#include <QJsonArray>

using namespace noc::sim;
using namespace simtest;

namespace {
const QString kDashboard(kDashboardPath);
const QString kPresence(kPresencePath);

QJsonObject frame(const char *type, const QJsonObject &fields = {})
{
    QJsonObject result = fields;
    result.insert(QStringLiteral("type"), QString::fromLatin1(type));
    return result;
}

SimulatorOptions roomyOptions()
{
    SimulatorOptions options;
    options.maxSocketsPerAddress = 50; // every test client comes from 127.0.0.1
    return options;
}
} // namespace

class TestSimDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietLogs(); }
    void greetsWithConnected();
    void loginThenConnectEndToEnd();
    void tokenLocations();
    void queryTokenIsReadFirst();
    void handshakeRefusalsAreHttp403_data();
    void handshakeRefusalsAreHttp403();
    void expiredTokenIsRefused();
    void clientSeesRefusalAs403();
    void originAllowList();
    void socketCapPerAddress();
    void unknownWsPathIs500();
    void subscribePermissions();
    void alertNewOnlyToSubscribers();
    void subscriptionsBelongToTheSocket();
    void minimalFieldsOmitsExtras();
    void tenantWidePushes();
    void acknowledgeRecordsWhoAndWhen();
    void acknowledgeErrors();
    void acknowledgeUnknownIdCloses1011();
    void nonObjectJsonCloses1011_data();
    void nonObjectJsonCloses1011();
    void binaryFrameCloses1011();
    void errorsForBadFrames();
    void rateLimitPerUserAcrossSockets();
    void heartbeatAndMetrics();
    void framesAreRecordedByType();
    void framesUsePythonJson();
};

void TestSimDashboard::greetsWithConnected()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    QSignalSpy opened(&sim, &Simulator::socketOpened);
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    QVERIFY(client->connected);
    const QJsonObject connected = client->last(QStringLiteral("connected"));
    QCOMPARE(connected.value(QLatin1String("tenant_id")).toInt(), 1);
    QVERIFY(connected.value(QLatin1String("timestamp")).toString().endsWith(QLatin1String("+00:00")));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), kDashboard);
    QCOMPARE(opened.at(0).at(1).toString(), QStringLiteral("operator"));
    QCOMPARE(sim.openSockets(kDashboard), 1);

    QSignalSpy closed(&sim, &Simulator::socketClosed);
    client->close();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kTimeoutMs);
    QCOMPARE(sim.openSockets(), 0);
}

void TestSimDashboard::loginThenConnectEndToEnd()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const HttpResult login = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")),
                                  { { QStringLiteral("username"), QStringLiteral("viewer") },
                                    { QStringLiteral("password"), QStringLiteral("viewer") } });
    QCOMPARE(login.status, 200);
    WsClient client(ownOrigin(sim));
    client.open(wsUrl(sim, kDashboard, login.data().value(QLatin1String("access")).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("connected")), 1, kTimeoutMs);
}

void TestSimDashboard::tokenLocations()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    const QByteArray token = sim.issueAccessToken(QStringLiteral("operator")).toLatin1();

    WsClient viaQuery(ownOrigin(sim));
    viaQuery.open(wsUrl(sim, kDashboard, QString::fromLatin1(token)));
    WsClient viaHeader(ownOrigin(sim));
    viaHeader.open(wsUrl(sim, kDashboard), { { "Authorization", "Bearer " + token } });
    WsClient viaCookie(ownOrigin(sim));
    viaCookie.open(wsUrl(sim, kDashboard), { { "Cookie", "theme=dark; ws_token=" + token + "; lang=en" } });
    QTRY_COMPARE_WITH_TIMEOUT(viaQuery.count(QStringLiteral("connected")), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(viaHeader.count(QStringLiteral("connected")), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(viaCookie.count(QStringLiteral("connected")), 1, kTimeoutMs);
    QCOMPARE(sim.openSockets(kDashboard), 3);
}

void TestSimDashboard::queryTokenIsReadFirst()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    const QByteArray good = sim.issueAccessToken(QStringLiteral("operator")).toLatin1();
    // A stale token in the query wins over a good one in the header.
    const int status
        = upgradeStatus(sim, kDashboard + QStringLiteral("?token=stale.token.here"),
                        { "Origin: " + ownOrigin(sim).toLatin1(), "Authorization: Bearer " + good });
    QCOMPARE(status, 403);
    QCOMPARE(upgradeStatus(sim, kDashboard,
                           { "Origin: " + ownOrigin(sim).toLatin1(), "Authorization: Bearer " + good }),
             101);
}

void TestSimDashboard::handshakeRefusalsAreHttp403_data()
{
    QTest::addColumn<QString>("username"); // empty = no token
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("garbleToken");
    QTest::addColumn<int>("status");

    QTest::newRow("no token") << QString() << kDashboard << false << 403;
    QTest::newRow("invalid token") << QStringLiteral("operator") << kDashboard << true << 403;
    QTest::newRow("no noc:view on dashboard") << QStringLiteral("noview") << kDashboard << false << 403;
    QTest::newRow("no noc:view on presence is fine") << QStringLiteral("noview") << kPresence << false << 101;
    QTest::newRow("disabled account") << QStringLiteral("disabled") << kPresence << false << 403;
    QTest::newRow("viewer on dashboard") << QStringLiteral("viewer") << kDashboard << false << 101;
}

void TestSimDashboard::handshakeRefusalsAreHttp403()
{
    QFETCH(QString, username);
    QFETCH(QString, path);
    QFETCH(bool, garbleToken);
    QFETCH(int, status);
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    QString token = username.isEmpty() ? QString() : sim.issueAccessToken(username);
    if (garbleToken) {
        token.chop(3);
        token += QStringLiteral("AAA");
    }
    const QString target = token.isEmpty() ? path : path + QStringLiteral("?token=") + token;
    QCOMPARE(upgradeStatus(sim, target, { "Origin: " + ownOrigin(sim).toLatin1() }), status);
}

void TestSimDashboard::expiredTokenIsRefused()
{
    SimulatorOptions options = roomyOptions();
    options.accessTtlSeconds = -10; // issued already expired
    Simulator sim(options);
    QVERIFY(sim.listen());
    const QString token = sim.issueAccessToken(QStringLiteral("operator"));
    QCOMPARE(upgradeStatus(sim, kDashboard + QStringLiteral("?token=") + token,
                           { "Origin: " + ownOrigin(sim).toLatin1() }),
             403);
}

void TestSimDashboard::clientSeesRefusalAs403()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    WsClient client(ownOrigin(sim));
    client.open(wsUrl(sim, kDashboard, QStringLiteral("nonsense")));
    QTRY_VERIFY_WITH_TIMEOUT(client.errored, kTimeoutMs);
    QVERIFY2(client.errorString.contains(QLatin1String("403")), qPrintable(client.errorString));
    QVERIFY(!client.connected);
    QCOMPARE(sim.openSockets(), 0);
}

void TestSimDashboard::originAllowList()
{
    SimulatorOptions options = roomyOptions();
    options.allowedOrigins = { QStringLiteral("https://noc.example.com") };
    Simulator sim(options);
    QVERIFY(sim.listen());
    const QByteArray token = sim.issueAccessToken(QStringLiteral("operator")).toLatin1();
    const QString target = kDashboard + QStringLiteral("?token=") + QString::fromLatin1(token);
    const QByteArray port = QByteArray::number(sim.port());

    QCOMPARE(upgradeStatus(sim, target, { "Origin: http://127.0.0.1:" + port }), 101);
    QCOMPARE(upgradeStatus(sim, target, { "Origin: http://localhost:" + port }), 101);
    QCOMPARE(upgradeStatus(sim, target, { "Origin: https://noc.example.com" }), 101);
    QCOMPARE(upgradeStatus(sim, target, { "Origin: https://noc.example.com:443" }), 101);
    QCOMPARE(upgradeStatus(sim, target, {}), 403); // missing Origin
    QCOMPARE(upgradeStatus(sim, target, { "Origin: https://evil.example.com" }), 403);
    QCOMPARE(upgradeStatus(sim, target, { "Origin: http://noc.example.com" }), 403); // wrong scheme
    QCOMPARE(upgradeStatus(sim, target, { "Origin: http://127.0.0.1:1" }), 403); // wrong port
    QCOMPARE(upgradeStatus(sim, target, { "Origin: null" }), 403);

    // Through QWebSocket too: no Origin at all.
    WsClient noOrigin { QString() };
    noOrigin.open(wsUrl(sim, kDashboard, QString::fromLatin1(token)));
    QTRY_VERIFY_WITH_TIMEOUT(noOrigin.errored, kTimeoutMs);
    QVERIFY(noOrigin.errorString.contains(QLatin1String("403")));
}

void TestSimDashboard::socketCapPerAddress()
{
    SimulatorOptions options;
    options.maxSocketsPerAddress = 3;
    Simulator sim(options);
    QVERIFY(sim.listen());
    std::vector<std::unique_ptr<WsClient>> clients;
    clients.push_back(connectAs(sim, kDashboard, QStringLiteral("operator")));
    clients.push_back(connectAs(sim, kPresence, QStringLiteral("operator")));
    clients.push_back(
        connectAs(sim, kDashboard, QStringLiteral("viewer"))); // any user: the cap is per address
    for (const auto &client : clients) {
        QVERIFY(client->connected);
    }
    auto fourth = std::make_unique<WsClient>(ownOrigin(sim));
    fourth->open(wsUrl(sim, kPresence, sim.issueAccessToken(QStringLiteral("operator"))));
    QTRY_VERIFY_WITH_TIMEOUT(fourth->errored, kTimeoutMs);
    QVERIFY(fourth->errorString.contains(QLatin1String("403")));

    // A slot frees up when a socket closes.
    QSignalSpy closed(&sim, &Simulator::socketClosed);
    clients.front()->close();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kTimeoutMs);
    auto again = connectAs(sim, kPresence, QStringLiteral("operator"));
    QVERIFY(again->connected);
}

void TestSimDashboard::unknownWsPathIs500()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    const QString token = sim.issueAccessToken(QStringLiteral("operator"));
    const QByteArray origin = "Origin: " + ownOrigin(sim).toLatin1();
    QCOMPARE(upgradeStatus(sim, QStringLiteral("/ws/noc/dashboard?token=") + token, { origin }), 500);
    QCOMPARE(upgradeStatus(sim, QStringLiteral("/ws/mobile/sync/?device_id=1&token=") + token, { origin }),
             500);
    QCOMPARE(upgradeStatus(sim, QStringLiteral("/ws/noc/presence/?token=") + token, { origin }), 101);
}

void TestSimDashboard::subscribePermissions()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto acme = connectAs(sim, kDashboard, QStringLiteral("acme-only"));
    QVERIFY(acme->connected);

    acme->sendJson(frame("subscribe_client"));
    auto error = acme->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("client_id required"));

    acme->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("globex") } }));
    error = acme->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("Insufficient permissions"));

    acme->sendJson(
        frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("no-such-client") } }));
    error = acme->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("Insufficient permissions"));

    acme->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    const auto subscribed = acme->waitFor(QStringLiteral("subscribed"));
    QVERIFY(subscribed);
    QCOMPARE(subscribed->value(QLatin1String("client_id")).toString(), QStringLiteral("acme"));
    QVERIFY(!subscribed->value(QLatin1String("message")).toString().isEmpty());

    auto op = connectAs(sim, kDashboard, QStringLiteral("operator"));
    op->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("globex") } }));
    QVERIFY(op->waitFor(QStringLiteral("subscribed")));
}

void TestSimDashboard::alertNewOnlyToSubscribers()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto a = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto b = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto idle = connectAs(sim, kDashboard, QStringLiteral("operator"));
    a->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    b->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("globex") } }));
    QVERIFY(a->waitFor(QStringLiteral("subscribed")));
    QVERIFY(b->waitFor(QStringLiteral("subscribed")));

    const QString acmeId
        = sim.publishAlert(QStringLiteral("acme"), QStringLiteral("HIGH"), QStringLiteral("LINK_DOWN"),
                           QStringLiteral("core-sw-03 xe-0/0/1 down"));
    const QString globexId = sim.publishAlert(QStringLiteral("globex"), QStringLiteral("LOW"),
                                              QStringLiteral("HIGH_CPU"), QStringLiteral("CPU at 91%"));
    QCOMPARE(globexId.toLongLong(), acmeId.toLongLong() + 1);
    QVERIFY(acmeId.toLongLong() >= 1000);

    QTRY_COMPARE_WITH_TIMEOUT(a->count(QStringLiteral("alert_new")), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(b->count(QStringLiteral("alert_new")), 1, kTimeoutMs);
    const QJsonObject alert = a->last(QStringLiteral("alert_new"));
    QVERIFY(alert.value(QLatin1String("alert_id")).isDouble()); // a JSON integer
    QCOMPARE(alert.value(QLatin1String("alert_id")).toInteger(), acmeId.toLongLong());
    QCOMPARE(alert.value(QLatin1String("alert_type")).toString(), QStringLiteral("LINK_DOWN"));
    QCOMPARE(alert.value(QLatin1String("severity")).toString(), QStringLiteral("HIGH"));
    QCOMPARE(alert.value(QLatin1String("message")).toString(), QStringLiteral("core-sw-03 xe-0/0/1 down"));
    QCOMPARE(alert.value(QLatin1String("client_id")).toString(), QStringLiteral("acme")); // extra field
    QVERIFY(alert.value(QLatin1String("timestamp")).toString().endsWith(QLatin1String("+00:00")));
    QCOMPARE(b->last(QStringLiteral("alert_new")).value(QLatin1String("alert_id")).toInteger(),
             globexId.toLongLong());

    // A ping round trip on the idle socket proves nothing was queued for it.
    idle->sendJson(
        frame("heartbeat", { { QStringLiteral("timestamp"), QStringLiteral("2024-01-01T00:00:00Z") } }));
    QVERIFY(idle->waitFor(QStringLiteral("heartbeat_ack")));
    QCOMPARE(idle->count(QStringLiteral("alert_new")), 0);
}

void TestSimDashboard::subscriptionsBelongToTheSocket()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto first = connectAs(sim, kDashboard, QStringLiteral("operator"));
    first->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    QVERIFY(first->waitFor(QStringLiteral("subscribed")));
    first->close();
    QTRY_COMPARE_WITH_TIMEOUT(sim.openSockets(), 0, kTimeoutMs);

    auto second = connectAs(sim, kDashboard, QStringLiteral("operator"));
    sim.publishAlert(QStringLiteral("acme"), QStringLiteral("INFO"), QStringLiteral("CONFIG_CHANGED"),
                     QStringLiteral("x"));
    second->sendJson(frame("heartbeat"));
    QVERIFY(second->waitFor(QStringLiteral("heartbeat_ack")));
    QCOMPARE(second->count(QStringLiteral("alert_new")), 0);
    second->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    QVERIFY(second->waitFor(QStringLiteral("subscribed")));
    sim.publishAlert(QStringLiteral("acme"), QStringLiteral("INFO"), QStringLiteral("CONFIG_CHANGED"),
                     QStringLiteral("y"));
    QVERIFY(second->waitFor(QStringLiteral("alert_new")));
    // No history: only the alert published after the subscription arrived.
    QCOMPARE(second->count(QStringLiteral("alert_new")), 1);
}

void TestSimDashboard::minimalFieldsOmitsExtras()
{
    SimulatorOptions options = roomyOptions();
    options.minimalFields = true;
    Simulator sim(options);
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("hooli") } }));
    QVERIFY(client->waitFor(QStringLiteral("subscribed")));
    sim.publishAlert(QStringLiteral("hooli"), {}, {}, {});
    const auto alert = client->waitFor(QStringLiteral("alert_new"));
    QVERIFY(alert);
    QStringList keys = alert->keys();
    keys.sort();
    QCOMPARE(keys,
             QStringList({ QStringLiteral("alert_id"), QStringLiteral("alert_type"),
                           QStringLiteral("message"), QStringLiteral("severity"), QStringLiteral("type") }));
    const QStringList severities { QStringLiteral("INFO"), QStringLiteral("LOW"), QStringLiteral("MEDIUM"),
                                   QStringLiteral("HIGH"), QStringLiteral("CRITICAL") };
    QVERIFY(severities.contains(alert->value(QLatin1String("severity")).toString()));
    QVERIFY(!alert->value(QLatin1String("message")).toString().isEmpty());
}

void TestSimDashboard::tenantWidePushes()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto op = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto acme = connectAs(sim, kDashboard, QStringLiteral("acme-only"));
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));

    sim.publishCriticalAlert();
    sim.publishFinding();
    sim.publishAnomaly();
    sim.publishTicketUpdate({ { QStringLiteral("new_status"), QStringLiteral("RESOLVED") } });

    struct Expected
    {
        const char *type;
        QStringList fields;
    };
    const QList<Expected> expected = {
        { "critical_alert",
          { QStringLiteral("source_id"), QStringLiteral("alert_type"), QStringLiteral("severity"),
            QStringLiteral("message"), QStringLiteral("location"), QStringLiteral("timestamp"),
            QStringLiteral("priority") } },
        { "finding_created",
          { QStringLiteral("finding_id"), QStringLiteral("finding_type"), QStringLiteral("severity"),
            QStringLiteral("category"), QStringLiteral("site_id"), QStringLiteral("site_name"),
            QStringLiteral("title"), QStringLiteral("evidence_summary"), QStringLiteral("detected_at") } },
        { "anomaly_detected",
          { QStringLiteral("anomaly_id"), QStringLiteral("person_id"), QStringLiteral("person_name"),
            QStringLiteral("site_id"), QStringLiteral("site_name"), QStringLiteral("anomaly_type"),
            QStringLiteral("fraud_score"), QStringLiteral("severity"), QStringLiteral("timestamp") } },
        { "ticket_updated",
          { QStringLiteral("ticket_id"), QStringLiteral("ticket_no"), QStringLiteral("old_status"),
            QStringLiteral("new_status"), QStringLiteral("priority"), QStringLiteral("assigned_to"),
            QStringLiteral("site_id"), QStringLiteral("site_name"), QStringLiteral("description"),
            QStringLiteral("updated_at") } },
    };
    for (WsClient *client : { op.get(), acme.get() }) {
        for (const Expected &e : expected) {
            const QString type = QString::fromLatin1(e.type);
            QTRY_COMPARE_WITH_TIMEOUT(client->count(type), 1, kTimeoutMs);
            const QJsonObject pushed = client->last(type);
            for (const QString &field : e.fields) {
                QVERIFY2(pushed.contains(field), qPrintable(type + QLatin1Char('.') + field));
            }
        }
    }
    QCOMPARE(op->last(QStringLiteral("critical_alert")).value(QLatin1String("severity")).toString(),
             QStringLiteral("CRITICAL"));
    QCOMPARE(op->last(QStringLiteral("ticket_updated")).value(QLatin1String("new_status")).toString(),
             QStringLiteral("RESOLVED"));
    const double score
        = op->last(QStringLiteral("anomaly_detected")).value(QLatin1String("fraud_score")).toDouble();
    QVERIFY(score > 0 && score <= 1);

    presence->sendJson(frame("ping"));
    QVERIFY(presence->waitFor(QStringLiteral("pong")));
    QCOMPARE(presence->count(QStringLiteral("critical_alert")), 0);
}

void TestSimDashboard::acknowledgeRecordsWhoAndWhen()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    const QString id
        = sim.publishAlert(QStringLiteral("acme"), QStringLiteral("CRITICAL"),
                           QStringLiteral("DEVICE_OFFLINE"), QStringLiteral("fw-02 unreachable"));
    QSignalSpy recorded(&sim, &Simulator::ackRecorded);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);

    client->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), id.toLongLong() } }));
    auto ack = client->waitFor(QStringLiteral("alert_acknowledged"));
    QVERIFY(ack);
    QCOMPARE(ack->value(QLatin1String("alert_id")).toInteger(), id.toLongLong());
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.at(0).at(0).toString(), id);
    QCOMPARE(recorded.at(0).at(1).toString(), QStringLiteral("operator"));
    QCOMPARE(sim.acks().size(), 1);
    QCOMPARE(sim.acks().at(0).alertId, id);
    QCOMPARE(sim.acks().at(0).username, QStringLiteral("operator"));
    QVERIFY(sim.acks().at(0).at >= before);
    QVERIFY(sim.acks().at(0).at <= QDateTime::currentDateTimeUtc());

    // Again, and with the id as a string: succeeds again.
    client->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), id } }));
    ack = client->waitFor(QStringLiteral("alert_acknowledged"));
    QVERIFY(ack);
    QCOMPARE(ack->value(QLatin1String("alert_id")).toInteger(), id.toLongLong());
    QCOMPARE(sim.acks().size(), 2);
    QVERIFY(client->socket().state() == QAbstractSocket::ConnectedState);
}

void TestSimDashboard::acknowledgeErrors()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    const QString id = sim.publishAlert(QStringLiteral("globex"), {}, {}, {});
    auto viewer = connectAs(sim, kDashboard, QStringLiteral("viewer"));
    viewer->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), id } }));
    auto error = viewer->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("Cannot acknowledge alerts"));

    auto op = connectAs(sim, kDashboard, QStringLiteral("operator"));
    op->sendJson(frame("acknowledge_alert"));
    error = op->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("alert_id required"));

    auto acme = connectAs(sim, kDashboard, QStringLiteral("acme-only"));
    acme->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), id } }));
    error = acme->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QVERIFY(error->value(QLatin1String("message"))
                .toString()
                .startsWith(QLatin1String("Failed to acknowledge: ")));
    QVERIFY(sim.acks().isEmpty());
}

void TestSimDashboard::acknowledgeUnknownIdCloses1011()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendJson(frame("acknowledge_alert", { { QStringLiteral("alert_id"), 999999 } }));
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, kTimeoutMs);
    QCOMPARE(client->closeCode, 1011);
    QVERIFY(sim.acks().isEmpty());
}

void TestSimDashboard::nonObjectJsonCloses1011_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("array") << QStringLiteral("[]");
    QTest::newRow("number") << QStringLiteral("5");
    QTest::newRow("string") << QStringLiteral("\"subscribe_client\"");
    QTest::newRow("null") << QStringLiteral("null");
}

void TestSimDashboard::nonObjectJsonCloses1011()
{
    QFETCH(QString, text);
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendText(text);
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, kTimeoutMs);
    QCOMPARE(client->closeCode, 1011);
    QCOMPARE(sim.framesReceivedByType().value(QStringLiteral("<invalid>")), 1);
}

void TestSimDashboard::binaryFrameCloses1011()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendBinary(QByteArrayLiteral(R"({"type":"heartbeat"})"));
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, kTimeoutMs);
    QCOMPARE(client->closeCode, 1011);
}

void TestSimDashboard::errorsForBadFrames()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));

    client->sendText(QStringLiteral("{not json"));
    auto error = client->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("Invalid JSON data"));
    QVERIFY(!error->contains(QLatin1String("code"))); // no code on this endpoint

    client->sendJson(frame("teleport"));
    error = client->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(),
             QStringLiteral("Unknown message type: teleport"));

    client->sendJson({ { QStringLiteral("client_id"), QStringLiteral("acme") } });
    error = client->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QVERIFY(error->value(QLatin1String("message")).toString().startsWith(QLatin1String("Invalid message: ")));
    QVERIFY(client->socket().state() == QAbstractSocket::ConnectedState);
}

void TestSimDashboard::rateLimitPerUserAcrossSockets()
{
    SimulatorOptions options = roomyOptions();
    options.rateLimitFrames = 5;
    options.rateLimitWindowSeconds = 60;
    Simulator sim(options);
    QVERIFY(sim.listen());
    auto one = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto two = connectAs(sim, kDashboard, QStringLiteral("operator"));
    auto other = connectAs(sim, kDashboard, QStringLiteral("viewer"));

    for (int i = 0; i < 3; ++i) {
        one->sendJson(frame("heartbeat"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(one->count(QStringLiteral("heartbeat_ack")), 3, kTimeoutMs);
    for (int i = 0; i < 2; ++i) {
        two->sendJson(frame("heartbeat"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(two->count(QStringLiteral("heartbeat_ack")), 2, kTimeoutMs);

    // The sixth frame of this user, on either socket, is dropped with an error.
    two->sendJson(frame("heartbeat"));
    const auto error = two->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("Rate limit exceeded"));
    QCOMPARE(two->count(QStringLiteral("heartbeat_ack")), 2);
    one->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    QVERIFY(one->waitFor(QStringLiteral("error")));
    QCOMPARE(one->count(QStringLiteral("subscribed")), 0);

    // Another user has his own budget.
    other->sendJson(frame("heartbeat"));
    QVERIFY(other->waitFor(QStringLiteral("heartbeat_ack")));
}

void TestSimDashboard::heartbeatAndMetrics()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendJson(frame(
        "heartbeat",
        { { QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } }));
    const auto ack = client->waitFor(QStringLiteral("heartbeat_ack"));
    QVERIFY(ack);
    QVERIFY(!ack->value(QLatin1String("timestamp")).toString().isEmpty());

    for (int i = 0; i < 6; ++i) {
        client->sendJson(
            frame("request_metrics", { { QStringLiteral("client_id"), QStringLiteral("initech") } }));
    }
    QTRY_COMPARE_WITH_TIMEOUT(client->count(QStringLiteral("metrics_update")), 6, kTimeoutMs);
    const QJsonObject metrics = client->last(QStringLiteral("metrics_update"));
    QCOMPARE(metrics.value(QLatin1String("client_id")).toString(), QStringLiteral("initech"));
    QVERIFY(metrics.value(QLatin1String("metrics")).isObject());

    client->sendJson(frame("request_metrics"));
    const auto error = client->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("client_id required"));
}

void TestSimDashboard::framesAreRecordedByType()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    QSignalSpy received(&sim, &Simulator::frameReceived);
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendJson(frame("heartbeat"));
    client->sendJson(frame("heartbeat"));
    client->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    client->sendText(QStringLiteral("{oops"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 4, kTimeoutMs);
    const QHash<QString, int> frames = sim.framesReceivedByType();
    QCOMPARE(frames.value(QStringLiteral("heartbeat")), 2);
    QCOMPARE(frames.value(QStringLiteral("subscribe_client")), 1);
    QCOMPARE(frames.value(QStringLiteral("<invalid>")), 1);
    QCOMPARE(received.at(0).at(0).toString(), kDashboard);
    QCOMPARE(received.at(0).at(1).toString(), QStringLiteral("heartbeat"));
}

void TestSimDashboard::framesUsePythonJson()
{
    Simulator sim(roomyOptions());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kDashboard, QStringLiteral("operator"));
    client->sendJson(frame("subscribe_client", { { QStringLiteral("client_id"), QStringLiteral("acme") } }));
    QVERIFY(client->waitFor(QStringLiteral("subscribed")));
    sim.publishAlert(QStringLiteral("acme"), QStringLiteral("LOW"), QStringLiteral("TEMPERATURE_HIGH"),
                     QStringLiteral("Inlet 41\u00b0C at Z\u00fcrich ZH4, rack \"R7\": fans at 100%, ok"));
    QVERIFY(client->waitFor(QStringLiteral("alert_new")));
    const QString raw = client->texts.constLast();
    QVERIFY2(raw.contains(QLatin1String("\"type\": \"alert_new\"")), qPrintable(raw));
    QVERIFY(raw.contains(QLatin1String(", \"")));
    // ensure_ascii: non-ASCII leaves as \u escapes; separators inside strings stay untouched.
    QVERIFY(raw.contains(
        QLatin1String("Inlet 41\\u00b0C at Z\\u00fcrich ZH4, rack \\\"R7\\\": fans at 100%, ok")));
    QCOMPARE(client->last(QStringLiteral("alert_new")).value(QLatin1String("message")).toString(),
             QStringLiteral("Inlet 41\u00b0C at Z\u00fcrich ZH4, rack \"R7\": fans at 100%, ok"));
    QVERIFY(client->texts.constFirst().contains(QLatin1String("\"type\": \"connected\"")));
}

QTEST_GUILESS_MAIN(TestSimDashboard)
#include "tst_sim_dashboard.moc"
