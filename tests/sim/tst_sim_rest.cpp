// SPDX-License-Identifier: MIT
// REST login of both server generations, against a Simulator over real loopback HTTP.
#include "SimTestSupport.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace noc::sim;
using namespace simtest;

namespace {
QJsonObject credentials(const QString &username, const QString &password)
{
    return { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } };
}

QJsonObject jwtPayload(const QString &token)
{
    const QList<QString> parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3) {
        return {};
    }
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}
} // namespace

class TestSimRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietLogs(); }
    void tokenEndpointsLoginAndRefresh();
    void tokenEndpointsErrors();
    void v2LoginRefreshRotationLogoutVerify();
    void v2LoginErrors();
    void authorizationHeaderOnLoginIs401();
    void throttleAnswers429WithWaitAndReopens();
    void generationSelection();
    void unknownPathsAre404();
    void jsonUsesPythonSeparators();
};

void TestSimRest::tokenEndpointsLoginAndRefresh()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;

    const HttpResult login = post(nam, url(sim, QStringLiteral("/api/auth/token/")),
                                  credentials(QStringLiteral("operator"), QStringLiteral("operator")));
    QCOMPARE(login.status, 200);
    const QString access = login.json.value(QLatin1String("access")).toString();
    const QString refresh = login.json.value(QLatin1String("refresh")).toString();
    QVERIFY(!access.isEmpty());
    QVERIFY(!refresh.isEmpty());
    QCOMPARE(login.json.value(QLatin1String("expires_in")).toInt(), 3600);

    const QJsonObject claims = jwtPayload(access);
    QCOMPARE(claims.value(QLatin1String("user_id")).toInt(), 1);
    QCOMPARE(claims.value(QLatin1String("token_type")).toString(), QStringLiteral("access"));
    QVERIFY(!claims.value(QLatin1String("jti")).toString().isEmpty());
    const qint64 exp = claims.value(QLatin1String("exp")).toInteger();
    const qint64 iat = claims.value(QLatin1String("iat")).toInteger();
    QCOMPARE(exp - iat, 3600);
    QCOMPARE(jwtPayload(refresh).value(QLatin1String("token_type")).toString(), QStringLiteral("refresh"));

    const HttpResult refreshed = post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")),
                                      { { QStringLiteral("refresh"), refresh } });
    QCOMPARE(refreshed.status, 200);
    QVERIFY(!refreshed.json.value(QLatin1String("access")).toString().isEmpty());
    QVERIFY(refreshed.json.value(QLatin1String("access")).toString() != access);
    // Generation A may rotate: a new refresh token comes along, the old one keeps working.
    const QString rotated = refreshed.json.value(QLatin1String("refresh")).toString();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != refresh);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")),
                  { { QStringLiteral("refresh"), refresh } })
                 .status,
             200);

    // An access token is not a refresh token.
    const HttpResult wrongType = post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")),
                                      { { QStringLiteral("refresh"), access } });
    QCOMPARE(wrongType.status, 401);
    QCOMPARE(wrongType.json.value(QLatin1String("code")).toString(), QStringLiteral("token_not_valid"));
}

void TestSimRest::tokenEndpointsErrors()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const QUrl login = url(sim, QStringLiteral("/api/auth/token/"));

    const HttpResult wrong
        = post(nam, login, credentials(QStringLiteral("operator"), QStringLiteral("nope")));
    QCOMPARE(wrong.status, 401);
    QVERIFY(
        wrong.json.value(QLatin1String("detail")).toString().contains(QLatin1String("No active account")));

    const HttpResult missing
        = post(nam, login, { { QStringLiteral("username"), QStringLiteral("operator") } });
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.json.value(QLatin1String("password")).toArray().first().toString(),
             QStringLiteral("This field is required."));

    // Token endpoints don't tell a disabled account apart.
    QCOMPARE(post(nam, login, credentials(QStringLiteral("disabled"), QStringLiteral("disabled"))).status,
             401);

    const HttpResult garbage = post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")),
                                    { { QStringLiteral("refresh"), QStringLiteral("not.a.token") } });
    QCOMPARE(garbage.status, 401);

    const HttpResult getLogin = get(nam, login);
    QCOMPARE(getLogin.status, 405);
}

void TestSimRest::v2LoginRefreshRotationLogoutVerify()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;

    QJsonObject body = credentials(QStringLiteral("acme-only"), QStringLiteral("acme-only"));
    body.insert(QStringLiteral("device_id"), QStringLiteral("desk-42"));
    const HttpResult login = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), body);
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json.value(QLatin1String("success")).toBool(), true);
    const QJsonObject user = login.data().value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("id")).toInt(), 3);
    QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("acme-only"));
    QVERIFY(user.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("noc:view")));
    const QJsonObject meta = login.json.value(QLatin1String("meta")).toObject();
    QVERIFY(!meta.value(QLatin1String("correlation_id")).toString().isEmpty());
    QVERIFY(meta.value(QLatin1String("timestamp")).toString().endsWith(QLatin1String("+00:00")));
    const QString access = login.data().value(QLatin1String("access")).toString();
    const QString refresh = login.data().value(QLatin1String("refresh")).toString();

    // device_id is optional.
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")),
                  credentials(QStringLiteral("operator"), QStringLiteral("operator")))
                 .status,
             200);

    const QUrl refreshUrl = url(sim, QStringLiteral("/api/v2/auth/refresh/"));
    const HttpResult rotated = post(nam, refreshUrl, { { QStringLiteral("refresh"), refresh } });
    QCOMPARE(rotated.status, 200);
    const QString newRefresh = rotated.data().value(QLatin1String("refresh")).toString();
    QVERIFY(!rotated.data().value(QLatin1String("access")).toString().isEmpty());
    QVERIFY(!newRefresh.isEmpty());
    QVERIFY(newRefresh != refresh);

    // The old refresh token was blacklisted at once.
    const HttpResult reuse = post(nam, refreshUrl, { { QStringLiteral("refresh"), refresh } });
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.errorCode(), QStringLiteral("INVALID_TOKEN"));
    QCOMPARE(reuse.json.value(QLatin1String("success")).toBool(true), false);

    const QUrl verifyUrl = url(sim, QStringLiteral("/api/v2/auth/verify/"));
    const HttpResult verified = post(nam, verifyUrl, { { QStringLiteral("token"), access } });
    QCOMPARE(verified.status, 200);
    QCOMPARE(verified.data().value(QLatin1String("valid")).toBool(), true);
    QCOMPARE(verified.data().value(QLatin1String("user_id")).toInt(), 3);
    QCOMPARE(verified.data().value(QLatin1String("username")).toString(), QStringLiteral("acme-only"));
    QCOMPARE(post(nam, verifyUrl, { { QStringLiteral("token"), QStringLiteral("x.y.z") } }).status, 401);

    const QUrl logoutUrl = url(sim, QStringLiteral("/api/v2/auth/logout/"));
    const HttpResult anonymous = post(nam, logoutUrl, { { QStringLiteral("refresh"), newRefresh } });
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("NOT_AUTHENTICATED"));
    const HttpResult logout = post(nam, logoutUrl, { { QStringLiteral("refresh"), newRefresh } },
                                   { { "Authorization", "Bearer " + access.toLatin1() } });
    QCOMPARE(logout.status, 200);
    QCOMPARE(logout.json.value(QLatin1String("success")).toBool(), true);
    // Logout blacklisted the refresh token.
    QCOMPARE(post(nam, refreshUrl, { { QStringLiteral("refresh"), newRefresh } }).errorCode(),
             QStringLiteral("INVALID_TOKEN"));
}

void TestSimRest::v2LoginErrors()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const QUrl login = url(sim, QStringLiteral("/api/v2/auth/login/"));

    const HttpResult wrong
        = post(nam, login, credentials(QStringLiteral("operator"), QStringLiteral("wrong")));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("INVALID_CREDENTIALS"));
    QVERIFY(wrong.json.contains(QLatin1String("meta")));

    const HttpResult unknown = post(nam, login, credentials(QStringLiteral("mallory"), QStringLiteral("x")));
    QCOMPARE(unknown.status, 401);

    const HttpResult missing
        = post(nam, login, { { QStringLiteral("username"), QStringLiteral("operator") } });
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), QStringLiteral("MISSING_CREDENTIALS"));
    QCOMPARE(post(nam, login, {}).errorCode(), QStringLiteral("MISSING_CREDENTIALS"));

    const HttpResult disabled
        = post(nam, login, credentials(QStringLiteral("disabled"), QStringLiteral("disabled")));
    QCOMPARE(disabled.status, 403);
    QCOMPARE(disabled.errorCode(), QStringLiteral("ACCOUNT_DISABLED"));
}

void TestSimRest::authorizationHeaderOnLoginIs401()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const QByteArray stale = "Bearer " + sim.issueAccessToken(QStringLiteral("operator")).toLatin1();

    const HttpResult v2 = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")),
                               credentials(QStringLiteral("operator"), QStringLiteral("operator")),
                               { { "Authorization", stale } });
    QCOMPARE(v2.status, 401);
    QCOMPARE(v2.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("NOT_AUTHENTICATED"));
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/refresh/")),
                  { { QStringLiteral("refresh"), QStringLiteral("x") } }, { { "Authorization", stale } })
                 .status,
             401);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/")),
                  credentials(QStringLiteral("operator"), QStringLiteral("operator")),
                  { { "Authorization", stale } })
                 .status,
             401);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")),
                  { { QStringLiteral("refresh"), QStringLiteral("x") } }, { { "Authorization", stale } })
                 .status,
             401);
}

void TestSimRest::throttleAnswers429WithWaitAndReopens()
{
    SimulatorOptions options;
    options.loginThrottlePerHour = 3;
    options.loginThrottleWindowSeconds = 2; // short, so the test can see it reopen
    Simulator sim(options);
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const QUrl login = url(sim, QStringLiteral("/api/v2/auth/login/"));
    const QJsonObject good = credentials(QStringLiteral("operator"), QStringLiteral("operator"));

    // Login, refresh and verify share the budget.
    QCOMPARE(post(nam, login, good).status, 200);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/verify/")),
                  { { QStringLiteral("token"), QStringLiteral("x") } })
                 .status,
             401);
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/")), good).status, 200);

    const HttpResult throttled = post(nam, login, good);
    QCOMPARE(throttled.status, 429);
    const QJsonObject error = throttled.json.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
    QVERIFY(error.contains(QLatin1String("details")));
    QVERIFY(!error.value(QLatin1String("correlation_id")).toString().isEmpty());
    const QRegularExpressionMatch match
        = QRegularExpression(
              QStringLiteral(R"(^Request was throttled\. Expected available in (\d+) seconds\.$)"))
              .match(error.value(QLatin1String("message")).toString());
    QVERIFY2(match.hasMatch(), qPrintable(error.value(QLatin1String("message")).toString()));
    const int wait = match.captured(1).toInt();
    QVERIFY(wait >= 1 && wait <= 2);
    QCOMPARE(throttled.header("Retry-After").toInt(), wait);

    // Generation A's throttle reply is DRF's plain {"detail"}.
    const HttpResult throttledA = post(nam, url(sim, QStringLiteral("/api/auth/token/")), good);
    QCOMPARE(throttledA.status, 429);
    QVERIFY(throttledA.json.value(QLatin1String("detail"))
                .toString()
                .startsWith(QLatin1String("Request was throttled")));

    // Logout is not throttled.
    QVERIFY(post(nam, url(sim, QStringLiteral("/api/v2/auth/logout/")), {}).status != 429);

    // Once the named wait has passed, the server lets the address in again. QTRY evaluates its
    // expression once more after the loop: remember the answer, or that extra login can fall into the
    // window again and fail a correct server. (Generous: each try is a blocking request.)
    int status = 0;
    const auto reopened = [&] {
        if (status != 200)
            status = post(nam, login, good).status;
        return status == 200;
    };
    QTRY_VERIFY_WITH_TIMEOUT(reopened(), 15000);
}

void TestSimRest::generationSelection()
{
    QNetworkAccessManager nam;
    const QJsonObject good = credentials(QStringLiteral("operator"), QStringLiteral("operator"));
    {
        SimulatorOptions options;
        options.auth = AuthGenerations::TokenEndpoints;
        Simulator sim(options);
        QVERIFY(sim.listen());
        QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/")), good).status, 200);
        QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), good).status, 404);
    }
    {
        SimulatorOptions options;
        options.auth = AuthGenerations::V2;
        Simulator sim(options);
        QVERIFY(sim.listen());
        QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/")), good).status, 404);
        QCOMPARE(post(nam, url(sim, QStringLiteral("/api/auth/token/refresh/")), {}).status, 404);
        QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")), good).status, 200);
    }
}

void TestSimRest::unknownPathsAre404()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    QCOMPARE(get(nam, url(sim, QStringLiteral("/api/v3/whatever/"))).status, 404);
    // The trailing slash matters.
    QCOMPARE(post(nam, url(sim, QStringLiteral("/api/v2/auth/login")), {}).status, 404);
    // A plain GET on a WebSocket path is just an unknown page.
    QCOMPARE(get(nam, url(sim, QString(kDashboardPath))).status, 404);
}

void TestSimRest::jsonUsesPythonSeparators()
{
    Simulator sim;
    QVERIFY(sim.listen());
    QNetworkAccessManager nam;
    const HttpResult login = post(nam, url(sim, QStringLiteral("/api/v2/auth/login/")),
                                  credentials(QStringLiteral("operator"), QStringLiteral("operator")));
    QCOMPARE(login.status, 200);
    QVERIFY2(login.body.contains("\"success\": true"), login.body.constData());
    QVERIFY(login.body.contains("\", \""));
    QVERIFY(!login.body.contains("\":\""));
    QCOMPARE(login.header("Content-Type"), QByteArray("application/json"));
}

QTEST_GUILESS_MAIN(TestSimRest)
#include "tst_sim_rest.moc"
