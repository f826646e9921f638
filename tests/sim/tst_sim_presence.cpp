// SPDX-License-Identifier: MIT
// /ws/noc/presence/ and the socket age limit, with QWebSocket clients over real loopback sockets.
#include "SimTestSupport.h"

#include <QTimer>

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

SimulatorOptions options(int heartbeatSeconds = 30, int timeoutSeconds = 300)
{
    SimulatorOptions result;
    result.maxSocketsPerAddress = 50;
    result.heartbeatIntervalSeconds = heartbeatSeconds;
    result.presenceTimeoutSeconds = timeoutSeconds;
    return result;
}
} // namespace

class TestSimPresence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietLogs(); }
    void greetsWithConnectionEstablished();
    void heartbeatAckCarriesLatency();
    void heartbeatWithOffsetIsConvertedToUtc();
    void heartbeatWithoutTimestampHasNullLatency();
    void badTimestampsClose1011_data();
    void badTimestampsClose1011();
    void pingPong();
    void getStats();
    void errorsAndNonObjectJson();
    void serverHeartbeats();
    void silentClientIsClosed4408();
    void activeClientIsKept();
    void userStatusUpdates();
    void noRateLimitOnPresence();
    void maxSocketAgeCloses1000();
    void protocolPingsAndPongTimeout();
};

void TestSimPresence::greetsWithConnectionEstablished()
{
    Simulator sim(options(7, 70));
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("viewer"));
    QCOMPARE(client->count(QStringLiteral("connection_established")), 1);
    const QJsonObject hello = client->last(QStringLiteral("connection_established"));
    QCOMPARE(hello.value(QLatin1String("heartbeat_interval")).toInt(), 7);
    QCOMPARE(hello.value(QLatin1String("presence_timeout")).toInt(), 70);
    QVERIFY(hello.value(QLatin1String("timestamp")).toString().endsWith(QLatin1String("+00:00")));
    QCOMPARE(sim.openSockets(kPresence), 1);
    QCOMPARE(sim.openSockets(kDashboard), 0);
}

void TestSimPresence::heartbeatAckCarriesLatency()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    // A client clock 5 s behind the server: latency_ms includes the skew.
    const QString past = QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODateWithMs);
    QVERIFY(past.endsWith(QLatin1Char('Z')));
    client->sendJson(frame("heartbeat", { { QStringLiteral("timestamp"), past } }));
    const auto ack = client->waitFor(QStringLiteral("heartbeat_ack"));
    QVERIFY(ack);
    QVERIFY(ack->value(QLatin1String("latency_ms")).isDouble());
    const double latency = ack->value(QLatin1String("latency_ms")).toDouble();
    QVERIFY2(latency >= 5000 && latency < 7000, qPrintable(QString::number(latency)));
    QVERIFY(ack->value(QLatin1String("server_time")).toString().endsWith(QLatin1String("+00:00")));
    QVERIFY(ack->value(QLatin1String("uptime_seconds")).isDouble());
    QVERIFY(ack->value(QLatin1String("uptime_seconds")).toDouble() >= 0);
}

void TestSimPresence::heartbeatWithOffsetIsConvertedToUtc()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    // The same instant written in +02:00 with microseconds, as Python's isoformat() writes it.
    const QDateTime now = QDateTime::currentDateTimeUtc().toOffsetFromUtc(2 * 3600);
    const QString stamp
        = now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("123+02:00");
    client->sendJson(frame("heartbeat", { { QStringLiteral("timestamp"), stamp } }));
    const auto ack = client->waitFor(QStringLiteral("heartbeat_ack"));
    QVERIFY(ack);
    const double latency = ack->value(QLatin1String("latency_ms")).toDouble();
    QVERIFY2(latency >= 0 && latency < 2000, qPrintable(QString::number(latency)));
}

void TestSimPresence::heartbeatWithoutTimestampHasNullLatency()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    client->sendJson(frame("heartbeat"));
    const auto ack = client->waitFor(QStringLiteral("heartbeat_ack"));
    QVERIFY(ack);
    QVERIFY(ack->contains(QLatin1String("latency_ms")));
    QVERIFY(ack->value(QLatin1String("latency_ms")).isNull());
    QVERIFY(client->texts.constLast().contains(QLatin1String("\"latency_ms\": null")));
}

void TestSimPresence::badTimestampsClose1011_data()
{
    QTest::addColumn<QJsonValue>("timestamp");
    QTest::newRow("naive") << QJsonValue(QStringLiteral("2025-10-01T12:00:00.000"));
    QTest::newRow("naive, no fraction") << QJsonValue(QStringLiteral("2025-10-01T12:00:00"));
    QTest::newRow("not a time") << QJsonValue(QStringLiteral("yesterday"));
    QTest::newRow("a number") << QJsonValue(1727784000);
}

void TestSimPresence::badTimestampsClose1011()
{
    QFETCH(QJsonValue, timestamp);
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    client->sendJson(frame("heartbeat", { { QStringLiteral("timestamp"), timestamp } }));
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, kTimeoutMs);
    QCOMPARE(client->closeCode, 1011);
    QCOMPARE(client->count(QStringLiteral("heartbeat_ack")), 0);
}

void TestSimPresence::pingPong()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("noview"));
    client->sendJson(frame("ping"));
    const auto pong = client->waitFor(QStringLiteral("pong"));
    QVERIFY(pong);
    QVERIFY(pong->value(QLatin1String("timestamp")).toString().endsWith(QLatin1String("+00:00")));
}

void TestSimPresence::getStats()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    client->sendJson(frame("get_stats"));
    auto stats = client->waitFor(QStringLiteral("stats"));
    QVERIFY(stats);
    QCOMPARE(stats->value(QLatin1String("message_count")).toInt(), 1);
    QVERIFY(stats->value(QLatin1String("last_heartbeat_ago")).isNull());
    QVERIFY(stats->value(QLatin1String("uptime_seconds")).isDouble());
    QVERIFY(!stats->value(QLatin1String("user_type")).toString().isEmpty());

    client->sendJson(
        frame("heartbeat", { { QStringLiteral("timestamp"), QStringLiteral("2025-10-01T12:00:00+00:00") } }));
    QVERIFY(client->waitFor(QStringLiteral("heartbeat_ack")));
    client->sendJson(frame("get_stats"));
    stats = client->waitFor(QStringLiteral("stats"));
    QVERIFY(stats);
    QCOMPARE(stats->value(QLatin1String("message_count")).toInt(), 3);
    QVERIFY(stats->value(QLatin1String("last_heartbeat_ago")).isDouble());
    QVERIFY(stats->value(QLatin1String("last_heartbeat_ago")).toDouble() >= 0);
}

void TestSimPresence::errorsAndNonObjectJson()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    client->sendJson(frame("dance"));
    auto error = client->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(),
             QStringLiteral("Unknown message type: dance"));
    client->sendText(QStringLiteral("{{"));
    error = client->waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QCOMPARE(error->value(QLatin1String("message")).toString(), QStringLiteral("Invalid JSON data"));
    QCOMPARE(sim.framesReceivedByType().value(QStringLiteral("dance")), 1);

    client->sendText(QStringLiteral("[1]"));
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, kTimeoutMs);
    QCOMPARE(client->closeCode, 1011);
}

void TestSimPresence::serverHeartbeats()
{
    Simulator sim(options(1, 30));
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    const auto beat = client->waitFor(QStringLiteral("heartbeat"), 3000);
    QVERIFY(beat);
    QVERIFY(beat->value(QLatin1String("server_time")).toString().endsWith(QLatin1String("+00:00")));
    QVERIFY(!client->disconnected);
}

void TestSimPresence::silentClientIsClosed4408()
{
    Simulator sim(options(1, 1));
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(client->disconnected, 5000);
    QCOMPARE(client->closeCode, 4408);
    QVERIFY(timer.elapsed() >= 900); // not before the timeout passed
}

void TestSimPresence::activeClientIsKept()
{
    Simulator sim(options(1, 1));
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    // Any JSON frame counts as a sign of life.
    QTimer pinger;
    QObject::connect(&pinger, &QTimer::timeout, client.get(), [&client] { client->sendJson(frame("ping")); });
    pinger.start(250);
    QTRY_VERIFY_WITH_TIMEOUT(client->count(QStringLiteral("heartbeat")) >= 3, 6000);
    QVERIFY(!client->disconnected);
}

void TestSimPresence::userStatusUpdates()
{
    Simulator sim(options());
    QVERIFY(sim.listen());
    auto presence = connectAs(sim, kPresence, QStringLiteral("viewer"));
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("viewer"));
    sim.publishUserStatus(1, QStringLiteral("busy"));
    sim.publishUserStatus(); // random user and state
    const auto update = presence->waitFor(QStringLiteral("user_status_update"));
    QVERIFY(update);
    QCOMPARE(update->value(QLatin1String("user_id")).toInt(), 1);
    const QJsonObject status = update->value(QLatin1String("status")).toObject();
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("busy"));
    QCOMPARE(status.value(QLatin1String("username")).toString(), QStringLiteral("operator"));
    QVERIFY(status.value(QLatin1String("last_seen")).toString().endsWith(QLatin1String("+00:00")));
    const auto second = presence->waitFor(QStringLiteral("user_status_update"));
    QVERIFY(second);
    const QStringList states { QStringLiteral("online"), QStringLiteral("busy"), QStringLiteral("away"),
                               QStringLiteral("offline") };
    QVERIFY(states.contains(
        second->value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString()));

    dashboard->sendJson(frame("heartbeat"));
    QVERIFY(dashboard->waitFor(QStringLiteral("heartbeat_ack")));
    QCOMPARE(dashboard->count(QStringLiteral("user_status_update")), 0);
}

void TestSimPresence::noRateLimitOnPresence()
{
    SimulatorOptions opts = options();
    opts.rateLimitFrames = 3;
    Simulator sim(opts);
    QVERIFY(sim.listen());
    auto client = connectAs(sim, kPresence, QStringLiteral("operator"));
    for (int i = 0; i < 10; ++i) {
        client->sendJson(frame("ping"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(client->count(QStringLiteral("pong")), 10, kTimeoutMs);
    QCOMPARE(client->count(QStringLiteral("error")), 0);
}

void TestSimPresence::maxSocketAgeCloses1000()
{
    SimulatorOptions opts = options();
    opts.maxSocketAgeSeconds = 1;
    Simulator sim(opts);
    QVERIFY(sim.listen());
    auto presence = connectAs(sim, kPresence, QStringLiteral("operator"));
    auto dashboard = connectAs(sim, kDashboard, QStringLiteral("operator"));
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(presence->disconnected && dashboard->disconnected, 4000);
    QCOMPARE(presence->closeCode, 1000);
    QCOMPARE(dashboard->closeCode, 1000);
    QVERIFY(timer.elapsed() >= 800);
}

void TestSimPresence::protocolPingsAndPongTimeout()
{
    SimulatorOptions opts = options();
    opts.pingIntervalSeconds = 1;
    opts.pingTimeoutSeconds = 1;
    Simulator sim(opts);
    QVERIFY(sim.listen());
    // QWebSocket answers pings by itself; the raw client never does.
    auto polite = connectAs(sim, kDashboard, QStringLiteral("operator"));
    RawWsClient mute(
        sim, kPresence + QStringLiteral("?token=") + sim.issueAccessToken(QStringLiteral("operator")));
    QTRY_VERIFY_WITH_TIMEOUT(mute.opcodes.contains(0x9), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(mute.disconnected, 4000);
    QVERIFY(!mute.opcodes.contains(0x8)); // dropped, not closed
    QVERIFY(!polite->disconnected);
    QCOMPARE(sim.openSockets(), 1);
}

QTEST_GUILESS_MAIN(TestSimPresence)
#include "tst_sim_presence.moc"
