// SPDX-License-Identifier: MIT
#include "AuthResponseParser.h"
#include "JwtClaims.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace noc;

namespace {
QString base64Url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString jwtWithPayload(const QByteArray &payload)
{
    return base64Url(R"({"alg":"HS256","typ":"JWT"})") + u'.' + base64Url(payload) + u'.' + base64Url("sig");
}

const QDateTime kNow(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private:
    const QString m_access = jwtWithPayload(R"({"exp": 1795000000, "user_id": 7, "token_type": "access"})");

    AuthResult parse(AuthGeneration generation, AuthRequestKind kind, int status, const QByteArray &body,
                     const QByteArray &retryAfter = {}, const QString &previousRefresh = {})
    {
        return parseAuthResponse(generation, kind, AuthHttpResponse { status, body, retryAfter, {} },
                                 previousRefresh, kNow);
    }

    QByteArray withAccess(QByteArray body) const { return body.replace("ACCESS", m_access.toLatin1()); }

    static AuthFailure failureOf(const AuthResult &result)
    {
        const auto *failure = std::get_if<AuthFailure>(&result);
        return failure ? *failure : AuthFailure {};
    }

private Q_SLOTS:
    void claimsFromAToken()
    {
        const auto claims = decodeJwtClaims(m_access);
        QVERIFY(claims);
        QCOMPARE(claims->expiresAt, QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC));
        QCOMPARE(claims->userId, u"7"_s);
        QCOMPARE(claims->tokenType, u"access"_s);
    }

    void claimsRejectJunk_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("two parts") << u"abc.def"_s;
        QTest::newRow("not base64") << u"a.@@@.c"_s;
        QTest::newRow("payload not json") << (base64Url("h") + u'.' + base64Url("nope") + u".s"_s);
        QTest::newRow("payload array") << (base64Url("h") + u'.' + base64Url("[1]") + u".s"_s);
    }

    void claimsRejectJunk()
    {
        QFETCH(QString, token);
        QVERIFY(!decodeJwtClaims(token));
    }

    void tokenGenerationLogin()
    {
        const QByteArray body = withAccess(R"({"access": "ACCESS", "refresh": "r1", "expires_in": 3600})");
        const auto result = parse(AuthGeneration::TokenEndpoints, AuthRequestKind::Login, 200, body);
        const auto *tokens = std::get_if<AuthTokens>(&result);
        QVERIFY(tokens);
        QCOMPARE(tokens->refresh, u"r1"_s);
        // exp from the token wins over expires_in
        QCOMPARE(tokens->accessExpiresAt, QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC));
        QCOMPARE(tokens->userId, u"7"_s);
    }

    void expiresInIsTheFallback()
    {
        const auto result = parse(AuthGeneration::TokenEndpoints, AuthRequestKind::Login, 200,
                                  R"({"access": "opaque", "refresh": "r", "expires_in": 60})");
        QCOMPARE(std::get<AuthTokens>(result).accessExpiresAt, kNow.addSecs(60));
    }

    void v2LoginEnvelope()
    {
        const QByteArray body
            = withAccess(R"({"success": true, "data": {"access": "ACCESS", "refresh": "r1", )"
                         R"("user": {"id": 7, "username": "kim", "capabilities": )"
                         R"(["noc:view", "noc:ack"]}}, "meta": {"correlation_id": "c"}})");
        const auto result = parse(AuthGeneration::V2, AuthRequestKind::Login, 200, body);
        const auto &tokens = std::get<AuthTokens>(result);
        QCOMPARE(tokens.username, u"kim"_s);
        QCOMPARE(tokens.capabilities, (QStringList { u"noc:view"_s, u"noc:ack"_s }));
    }

    void refreshKeepsThePreviousTokenWithoutRotation()
    {
        const QByteArray body = withAccess(R"({"access": "ACCESS"})");
        const auto result = parse(AuthGeneration::TokenEndpoints, AuthRequestKind::Refresh, 200, body, {},
                                  u"old-refresh"_s);
        QCOMPARE(std::get<AuthTokens>(result).refresh, u"old-refresh"_s);
    }

    void refreshTakesTheRotatedToken()
    {
        const QByteArray body
            = withAccess(R"({"success": true, "data": {"access": "ACCESS", "refresh": "new-refresh"}})");
        const auto result = parse(AuthGeneration::V2, AuthRequestKind::Refresh, 200, body, {}, u"old"_s);
        QCOMPARE(std::get<AuthTokens>(result).refresh, u"new-refresh"_s);
    }

    void errorShapes_data()
    {
        QTest::addColumn<int>("generation");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<QString>("expectedCode");

        const int v2 = int(AuthGeneration::V2);
        const int token = int(AuthGeneration::TokenEndpoints);
        const int login = int(AuthRequestKind::Login);
        const int refresh = int(AuthRequestKind::Refresh);
        QTest::newRow("drf 401") << token << login << 401
                                 << QByteArray(R"({"detail": "No active account found"})")
                                 << int(AuthFailureKind::BadCredentials) << QString();
        QTest::newRow("v2 401")
            << v2 << login << 401
            << QByteArray(
                   R"({"success": false, "error": {"code": "INVALID_CREDENTIALS", "message": "Bad"}, "meta": {}})")
            << int(AuthFailureKind::BadCredentials) << u"INVALID_CREDENTIALS"_s;
        QTest::newRow("v2 400")
            << v2 << login << 400
            << QByteArray(R"({"success": false, "error": {"code": "MISSING_CREDENTIALS", "message": "m"}})")
            << int(AuthFailureKind::MissingCredentials) << u"MISSING_CREDENTIALS"_s;
        QTest::newRow("v2 disabled")
            << v2 << login << 403
            << QByteArray(R"({"success": false, "error": {"code": "ACCOUNT_DISABLED", "message": "d"}})")
            << int(AuthFailureKind::AccountDisabled) << u"ACCOUNT_DISABLED"_s;
        QTest::newRow("rotated refresh reused")
            << v2 << refresh << 401
            << QByteArray(
                   R"({"success": false, "error": {"code": "INVALID_TOKEN", "message": "blacklisted"}})")
            << int(AuthFailureKind::TokenRejected) << u"INVALID_TOKEN"_s;
        QTest::newRow("missing endpoint") << v2 << login << 404 << QByteArray("<html>Not Found</html>")
                                          << int(AuthFailureKind::EndpointMissing) << QString();
        QTest::newRow("server error") << v2 << login << 502 << QByteArray("Bad Gateway")
                                      << int(AuthFailureKind::ServerError) << QString();
        QTest::newRow("success false on 200")
            << v2 << login << 200
            << QByteArray(R"({"success": false, "error": {"code": "X", "message": "no"}})")
            << int(AuthFailureKind::ProtocolError) << u"X"_s;
        QTest::newRow("200 without access") << token << login << 200 << QByteArray(R"({"refresh": "r"})")
                                            << int(AuthFailureKind::ProtocolError) << QString();
        QTest::newRow("200 not json")
            << token << login << 200 << QByteArray("ok") << int(AuthFailureKind::ProtocolError) << QString();
    }

    void errorShapes()
    {
        QFETCH(int, generation);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, expectedKind);
        QFETCH(QString, expectedCode);
        const auto failure
            = failureOf(parse(AuthGeneration(generation), AuthRequestKind(kind), status, body));
        QCOMPARE(int(failure.kind), expectedKind);
        QCOMPARE(failure.code, expectedCode);
        QVERIFY(!failure.message.isEmpty());
    }

    void throttledWaitFromHeaderOrMessage()
    {
        const QByteArray body = "{\"error\": {\"code\": \"RATE_LIMIT_EXCEEDED\", \"message\": \"Request was "
                                "throttled. Expected available in 42 seconds.\", \"details\": null}}";
        const auto fromMessage = failureOf(parse(AuthGeneration::V2, AuthRequestKind::Login, 429, body));
        QCOMPARE(fromMessage.kind, AuthFailureKind::Throttled);
        QCOMPARE(fromMessage.retryAfterSeconds.value_or(-1), 42);
        const auto fromHeader = failureOf(parse(AuthGeneration::V2, AuthRequestKind::Login, 429, body, "7"));
        QCOMPARE(fromHeader.retryAfterSeconds.value_or(-1), 7);
        const auto absurd
            = failureOf(parse(AuthGeneration::V2, AuthRequestKind::Login, 429, "{}", "99999999"));
        QCOMPARE(absurd.retryAfterSeconds.value_or(-1), 24 * 3600);
    }

    void networkErrorsAreRedacted()
    {
        AuthHttpResponse response;
        response.networkError = u"Error transferring https://noc/api?token=eyJabc.eyJdef.sig - refused"_s;
        const auto failure
            = failureOf(parseAuthResponse(AuthGeneration::V2, AuthRequestKind::Login, response, {}, kNow));
        QCOMPARE(failure.kind, AuthFailureKind::NetworkError);
        QVERIFY(!failure.message.contains(u"eyJ"_s));
        QVERIFY(failure.message.contains(u"refused"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
