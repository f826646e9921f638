// SPDX-License-Identifier: MIT
// The simulator's building blocks, without sockets.
#include "SimTestSupport.h"
#include "sim/AlertJson.h"
#include "sim/AlertStore.h"
#include "sim/AlertTexts.h"
#include "sim/IsoTime.h"
#include "sim/JwtSigner.h"
#include "sim/LoginThrottle.h"
#include "sim/OriginPolicy.h"
#include "sim/PyJson.h"
#include "sim/RateLimiter.h"
#include "sim/SocketAdmission.h"

#include <QJsonArray>

using namespace noc::sim;

class TestSimUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { simtest::quietLogs(); }
    void pyJsonSeparatorsAndEscapes();
    void pyJsonNumbers();
    void pyJsonLoads();
    void isoTimeFormat();
    void isoTimeParse_data();
    void isoTimeParse();
    void jwtRoundTripAndTampering();
    void originPolicy_data();
    void originPolicy();
    void loginThrottle();
    void rateLimiter();
    void alertStore();
    void alertJsonTexts();
    void alertTextsDeterministicAndWeighted();
    void tokenPrecedence();
};

void TestSimUnits::pyJsonSeparatorsAndEscapes()
{
    const QJsonObject object { { QStringLiteral("b"), QJsonArray { 1, true, QJsonValue::Null } },
                               { QStringLiteral("a"), QStringLiteral("x: y, z") } };
    QCOMPARE(PyJson::dumps(object), QByteArray("{\"a\": \"x: y, z\", \"b\": [1, true, null]}"));
    QCOMPARE(PyJson::dumps(QJsonObject {}), QByteArray("{}"));
    QCOMPARE(PyJson::dumps(QJsonArray {}), QByteArray("[]"));
    QCOMPARE(PyJson::dumps(QJsonValue(QStringLiteral("q\"b\\s/\n\t\r\b\f\u0001\u007f"))),
             QByteArray("\"q\\\"b\\\\s/\\n\\t\\r\\b\\f\\u0001\\u007f\""));
    // ensure_ascii: BMP as \uXXXX, astral planes as a surrogate pair.
    QCOMPARE(PyJson::dumps(QJsonValue(QStringLiteral("Z\u00fcrich \U0001F600"))),
             QByteArray("\"Z\\u00fcrich \\ud83d\\ude00\""));
    const QJsonObject nested { { QStringLiteral("o"),
                                 QJsonObject { { QStringLiteral("k"), QStringLiteral("v") } } } };
    QCOMPARE(PyJson::dumps(nested), QByteArray("{\"o\": {\"k\": \"v\"}}"));
}

void TestSimUnits::pyJsonNumbers()
{
    QCOMPARE(PyJson::dumps(QJsonValue(42)), QByteArray("42"));
    QCOMPARE(PyJson::dumps(QJsonValue(qint64(9007199254740993LL))), QByteArray("9007199254740993"));
    QCOMPARE(PyJson::dumps(QJsonValue(-7)), QByteArray("-7"));
    QCOMPARE(PyJson::dumps(QJsonValue(0.5)), QByteArray("0.5"));
    QCOMPARE(PyJson::dumps(QJsonValue(0.873)), QByteArray("0.873"));
    QCOMPARE(PyJson::dumps(QJsonValue(1e-7)), QByteArray("1e-07"));
}

void TestSimUnits::pyJsonLoads()
{
    QCOMPARE(PyJson::loads("5")->toInt(), 5);
    QVERIFY(PyJson::loads("null")->isNull());
    QCOMPARE(PyJson::loads("\"s\"")->toString(), QStringLiteral("s"));
    QVERIFY(PyJson::loads("[]")->isArray());
    QVERIFY(PyJson::loads("{\"type\": \"x\"}")->isObject());
    QVERIFY(!PyJson::loads("{oops"));
    QVERIFY(!PyJson::loads("1, 2"));
    QVERIFY(!PyJson::loads("1] [2"));
    QVERIFY(!PyJson::loads(""));
}

void TestSimUnits::isoTimeFormat()
{
    const QDateTime time(QDate(2025, 10, 1), QTime(12, 0, 5, 123), Qt::UTC);
    QCOMPARE(IsoTime::format(time), QStringLiteral("2025-10-01T12:00:05.123000+00:00"));
    QCOMPARE(IsoTime::format(time.toOffsetFromUtc(3600)), QStringLiteral("2025-10-01T12:00:05.123000+00:00"));
}

void TestSimUnits::isoTimeParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QDateTime>("utc");
    const QDateTime noon(QDate(2025, 10, 1), QTime(12, 0), Qt::UTC);
    const int aware = int(IsoTime::Parse::Aware);
    QTest::newRow("Z") << QStringLiteral("2025-10-01T12:00:00Z") << aware << noon;
    QTest::newRow("Z with ms") << QStringLiteral("2025-10-01T12:00:00.250Z") << aware << noon.addMSecs(250);
    QTest::newRow("+00:00 micro") << QStringLiteral("2025-10-01T12:00:00.250999+00:00") << aware
                                  << noon.addMSecs(250);
    QTest::newRow("+02:00") << QStringLiteral("2025-10-01T14:00:00+02:00") << aware << noon;
    QTest::newRow("-0530") << QStringLiteral("2025-10-01T06:30:00-0530") << aware << noon;
    QTest::newRow("space separator") << QStringLiteral("2025-10-01 12:00:00+00:00") << aware << noon;
    QTest::newRow("naive") << QStringLiteral("2025-10-01T12:00:00") << int(IsoTime::Parse::Naive) << noon;
    QTest::newRow("naive ms") << QStringLiteral("2025-10-01T12:00:00.000") << int(IsoTime::Parse::Naive)
                              << noon;
    QTest::newRow("garbage") << QStringLiteral("noon") << int(IsoTime::Parse::Invalid) << QDateTime();
    QTest::newRow("bad month") << QStringLiteral("2025-13-01T12:00:00Z") << int(IsoTime::Parse::Invalid)
                               << QDateTime();
}

void TestSimUnits::isoTimeParse()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QDateTime, utc);
    const IsoTime::Parsed parsed = IsoTime::parse(text);
    QCOMPARE(int(parsed.kind), kind);
    if (utc.isValid()) {
        QCOMPARE(parsed.time.toMSecsSinceEpoch(), utc.toMSecsSinceEpoch());
    }
}

void TestSimUnits::jwtRoundTripAndTampering()
{
    const JwtSigner signer("secret");
    const qint64 now = 1'700'000'000;
    const QByteArray token
        = signer.sign({ { QStringLiteral("user_id"), 1 }, { QStringLiteral("exp"), now + 60 } });
    QCOMPARE(token.count('.'), 2);
    QVERIFY(!token.contains('='));
    QVERIFY(!token.contains('+'));
    JwtSigner::Result result = signer.verify(token, now);
    QCOMPARE(result.verdict, JwtSigner::Verdict::Valid);
    QCOMPARE(result.claims.value(QLatin1String("user_id")).toInt(), 1);
    QCOMPARE(signer.verify(token, now + 61).verdict, JwtSigner::Verdict::Expired);
    QCOMPARE(JwtSigner("other").verify(token, now).verdict, JwtSigner::Verdict::Invalid);

    // A payload changed after signing.
    QList<QByteArray> parts = token.split('.');
    parts[1] = JwtSigner::base64Url("{\"user_id\":2,\"exp\":9999999999}");
    QCOMPARE(signer.verify(parts.join('.'), now).verdict, JwtSigner::Verdict::Invalid);
    // alg "none" with no signature.
    const QByteArray none
        = JwtSigner::base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + '.' + parts.at(1) + '.';
    QCOMPARE(signer.verify(none, now).verdict, JwtSigner::Verdict::Invalid);
    QCOMPARE(signer.verify("garbage", now).verdict, JwtSigner::Verdict::Invalid);
    // The known HS256 vector from RFC 7515 appendix A.1 style: header and MAC are standard base64url.
    const QByteArray expectedHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    QVERIFY(token.startsWith(expectedHeader + '.'));
}

void TestSimUnits::originPolicy_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own 127.0.0.1") << QByteArray("http://127.0.0.1:8000") << true;
    QTest::newRow("own localhost") << QByteArray("http://localhost:8000") << true;
    QTest::newRow("own, other port") << QByteArray("http://127.0.0.1:8001") << false;
    QTest::newRow("own, https") << QByteArray("https://127.0.0.1:8000") << false;
    QTest::newRow("extra, default port") << QByteArray("https://noc.example.com") << true;
    QTest::newRow("extra, explicit default port") << QByteArray("https://noc.example.com:443") << true;
    QTest::newRow("extra, other port") << QByteArray("https://noc.example.com:8443") << false;
    QTest::newRow("extra with port") << QByteArray("http://desk.example:9000") << true;
    QTest::newRow("case-insensitive host") << QByteArray("https://NOC.example.com") << true;
    QTest::newRow("missing") << QByteArray() << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("with path") << QByteArray("https://noc.example.com/app") << false;
    QTest::newRow("not a url") << QByteArray("noc.example.com") << false;
}

void TestSimUnits::originPolicy()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    OriginPolicy policy(
        { QStringLiteral("https://noc.example.com"), QStringLiteral("http://desk.example:9000") });
    policy.setServerPort(8000);
    QCOMPARE(policy.isAllowed(origin), allowed);
    OriginPolicy any({ QStringLiteral("*") });
    QCOMPARE(any.isAllowed(origin),
             !origin.isEmpty() && origin != "null" && origin != "noc.example.com"
                 && !origin.endsWith("/app"));
}

void TestSimUnits::loginThrottle()
{
    LoginThrottle throttle(2, 3600);
    QCOMPARE(throttle.acquire(QStringLiteral("10.0.0.1")), 0);
    QCOMPARE(throttle.acquire(QStringLiteral("10.0.0.1")), 0);
    const int wait = throttle.acquire(QStringLiteral("10.0.0.1"));
    QVERIFY(wait > 3590 && wait <= 3600);
    QCOMPARE(throttle.acquire(QStringLiteral("10.0.0.2")), 0); // per address
    QCOMPARE(LoginThrottle(0, 3600).acquire(QStringLiteral("x")), 0); // off
}

void TestSimUnits::rateLimiter()
{
    RateLimiter limiter(3, 60);
    QVERIFY(limiter.allow(QStringLiteral("operator")));
    QVERIFY(limiter.allow(QStringLiteral("operator")));
    QVERIFY(limiter.allow(QStringLiteral("operator")));
    QVERIFY(!limiter.allow(QStringLiteral("operator")));
    QVERIFY(!limiter.allow(QStringLiteral("operator")));
    QVERIFY(limiter.allow(QStringLiteral("viewer")));
}

void TestSimUnits::alertStore()
{
    AlertStore store(3);
    QCOMPARE(store.add(QStringLiteral("acme"), QStringLiteral("critical"), QStringLiteral("LINK_DOWN")),
             1000);
    QCOMPARE(store.add(QStringLiteral("acme"), QStringLiteral("LOW"), QStringLiteral("HIGH_CPU")), 1001);
    QCOMPARE(store.openCount(QStringLiteral("acme")), 2);
    QCOMPARE(store.criticalOpenCount(QStringLiteral("acme")), 1);
    QVERIFY(store.acknowledge(1000, QStringLiteral("operator"), QStringLiteral("Olivia Operator")));
    QVERIFY(store.acknowledge(1000, QStringLiteral("operator"))); // again
    QCOMPARE(store.find(1000)->status, AlertStatus::Acknowledged);
    QCOMPARE(store.details(1000)->history.size(), 2);
    QCOMPARE(store.details(1000)->acknowledged.name, QStringLiteral("operator"));
    // Acknowledged alerts are still open; resolved ones are not.
    QCOMPARE(store.openCount(QStringLiteral("acme")), 2);
    store.setStatus(*store.find(1000), AlertStatus::Resolved);
    QCOMPARE(store.openCount(QStringLiteral("acme")), 1);
    QCOMPARE(store.criticalOpenCount(QStringLiteral("acme")), 0);
    QCOMPARE(store.add(QStringLiteral("globex"), QStringLiteral("INFO"), QStringLiteral("X")), 1002);
    QCOMPARE(store.add(QStringLiteral("globex"), QStringLiteral("INFO"), QStringLiteral("X")), 1003);
    QCOMPARE(store.size(), 3);
    QVERIFY(!store.find(1000)); // evicted
    QVERIFY(!store.acknowledge(1000));
    QVERIFY(!store.find(1004)); // not issued yet
    QCOMPARE(store.find(1003)->clientId, QStringLiteral("globex"));
    QCOMPARE(store.published(), 4);
}

void TestSimUnits::alertJsonTexts()
{
    // Python's str(timedelta) and DRF's datetime form.
    QCOMPARE(AlertJson::duration(187120), QStringLiteral("0:03:07.120000"));
    QCOMPARE(AlertJson::duration(0), QStringLiteral("0:00:00"));
    QCOMPARE(AlertJson::duration((26 * 3600) * 1000LL), QStringLiteral("1 day, 2:00:00"));
    QCOMPARE(AlertJson::duration((3 * 86400 + 61) * 1000LL + 5), QStringLiteral("3 days, 0:01:01.005000"));
    const qint64 ms = QDateTime(QDate(2025, 11, 14), QTime(9, 30, 5, 123), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(AlertJson::dateTime(ms), QStringLiteral("2025-11-14T09:30:05.123000Z"));
    QCOMPARE(AlertJson::severityDisplay(QStringLiteral("INFO")), QStringLiteral("Informational"));
    QCOMPARE(AlertJson::severityDisplay(QStringLiteral("CRITICAL")), QStringLiteral("Critical"));

    AlertStore store;
    NewAlert fresh;
    fresh.clientId = QStringLiteral("acme");
    fresh.severity = QStringLiteral("high");
    fresh.alertType = QStringLiteral("LINK_DOWN");
    fresh.createdMs = ms;
    const StoredAlert *alert = store.find(store.add(fresh));
    QCOMPARE(alert->severity, QStringLiteral("HIGH"));
    const QJsonObject item = AlertJson::item(*alert);
    QCOMPARE(item.value(u"cdtz").toString(), QStringLiteral("2025-11-14T09:30:05.000000Z")); // whole seconds
    QCOMPARE(item.value(u"first_seen").toString(), QStringLiteral("2025-11-14T09:30:05.123000Z"));
    QVERIFY(item.value(u"site_name").isNull());
}

void TestSimUnits::alertTextsDeterministicAndWeighted()
{
    QRandomGenerator a(42);
    QRandomGenerator b(42);
    QHash<QString, int> severities;
    QSet<QString> types;
    for (int i = 0; i < 2000; ++i) {
        const AlertTexts::Alert x = AlertTexts::randomAlert(a);
        const AlertTexts::Alert y = AlertTexts::randomAlert(b);
        QCOMPARE(x.message, y.message);
        QCOMPARE(x.severity, y.severity);
        ++severities[x.severity];
        types.insert(x.alertType);
        QVERIFY(!x.message.isEmpty());
    }
    QCOMPARE(severities.size(), 5);
    QVERIFY(severities.value(QStringLiteral("CRITICAL")) < 200);
    QVERIFY(severities.value(QStringLiteral("INFO")) + severities.value(QStringLiteral("LOW")) > 1000);
    QCOMPARE(types.size(), AlertTexts::alertTypes().size());
    QVERIFY(AlertTexts::alertTypes().contains(QStringLiteral("BGP_SESSION_DOWN")));
    QRandomGenerator c(1);
    QVERIFY(AlertTexts::messageFor(QStringLiteral("DEVICE_OFFLINE"), c)
                .contains(QLatin1String(" unreachable from ")));
    // An escalation is about the same place as its message (the demo shows both side by side).
    QVERIFY(AlertTexts::messageFor(QStringLiteral("DEVICE_OFFLINE"), c, QStringLiteral("Oslo OS1"))
                .endsWith(QLatin1String(" unreachable from Oslo OS1")));
    const QJsonObject critical = AlertTexts::criticalAlert(c, 7, QStringLiteral("Oslo OS1"));
    QCOMPARE(critical.value(QLatin1String("location")).toString(), QStringLiteral("Oslo OS1"));
    QCOMPARE(critical.value(QLatin1String("source_id")).toInteger(), 7);
}

void TestSimUnits::tokenPrecedence()
{
    HttpCall call;
    call.headers = { { "Authorization", "Bearer from-header" }, { "Cookie", "a=b; ws_token=from-cookie" } };
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), QStringLiteral("from-query"));
    QCOMPARE(SocketAdmission::extractToken(call, query), QStringLiteral("from-query"));
    QCOMPARE(SocketAdmission::extractToken(call, {}), QStringLiteral("from-header"));
    call.headers.removeFirst();
    QCOMPARE(SocketAdmission::extractToken(call, {}), QStringLiteral("from-cookie"));
    call.headers.clear();
    QVERIFY(SocketAdmission::extractToken(call, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestSimUnits)
#include "tst_sim_units.moc"
