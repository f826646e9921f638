// SPDX-License-Identifier: MIT
#include "AuthResponseParser.h"

#include "JsonRead.h"
#include "JwtClaims.h"
#include "RetryAfter.h"
#include "UrlRedaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace noc {

using namespace Qt::StringLiterals;

namespace {

struct ErrorBody
{
    QString code;
    QString message;
};

ErrorBody errorBodyOf(const QJsonObject &root)
{
    // v2 envelope and framework errors both nest {"code","message"} under "error"; DRF says "detail".
    const QJsonValue error = root.value("error"_L1);
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        return { json::text(e, "code"_L1), json::text(e, "message"_L1) };
    }
    if (error.isString())
        return { json::text(root, "code"_L1), error.toString() };
    return { json::text(root, "code"_L1), json::text(root, "detail"_L1) };
}

AuthFailure failureFor(AuthRequestKind request, const AuthHttpResponse &response, const QJsonObject &root,
                       const QDateTime &now)
{
    const ErrorBody body = errorBodyOf(root);
    AuthFailure failure;
    failure.httpStatus = response.status;
    failure.code = body.code;
    failure.message = redactedText(body.message);
    const int status = response.status;
    if (status == 429) {
        failure.kind = AuthFailureKind::Throttled;
        failure.retryAfterSeconds = retryAfterSeconds(response.retryAfter, now, body.message);
    } else if (status == 404 || status == 405) {
        failure.kind = AuthFailureKind::EndpointMissing;
    } else if (status == 400) {
        failure.kind = request == AuthRequestKind::Login ? AuthFailureKind::MissingCredentials
                                                         : AuthFailureKind::TokenRejected;
    } else if (status == 401) {
        failure.kind = request == AuthRequestKind::Login ? AuthFailureKind::BadCredentials
                                                         : AuthFailureKind::TokenRejected;
    } else if (status == 403) {
        failure.kind = body.code == "ACCOUNT_DISABLED"_L1 || request == AuthRequestKind::Login
            ? AuthFailureKind::AccountDisabled
            : AuthFailureKind::TokenRejected;
    } else if (status >= 500) {
        failure.kind = AuthFailureKind::ServerError;
    } else {
        failure.kind = AuthFailureKind::ProtocolError;
    }
    if (failure.message.isEmpty())
        failure.message = u"HTTP %1"_s.arg(status);
    return failure;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (item.isString())
                out.append(item.toString());
        }
    } else if (value.isObject()) {
        // {"noc:view": true, ...} is another shape seen for capability sets
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().toBool())
                out.append(it.key());
        }
    }
    return out;
}

} // namespace

AuthResult parseAuthResponse(AuthGeneration generation, AuthRequestKind request,
                             const AuthHttpResponse &response, const QString &previousRefresh,
                             const QDateTime &now)
{
    if (response.status == 0) {
        return AuthFailure {
            AuthFailureKind::NetworkError, 0, {}, redactedText(response.networkError), std::nullopt
        };
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    const QJsonObject root = document.isObject() ? document.object() : QJsonObject();

    if (response.status < 200 || response.status >= 300)
        return failureFor(request, response, root, now);
    if (request == AuthRequestKind::Logout)
        return AuthTokens {};
    if (!document.isObject())
        return AuthFailure { AuthFailureKind::ProtocolError,
                             response.status,
                             {},
                             u"answer is not a JSON object"_s,
                             std::nullopt };

    QJsonObject data = root;
    if (generation == AuthGeneration::V2 || root.value("data"_L1).isObject()) {
        if (root.value("success"_L1).isBool() && !root.value("success"_L1).toBool())
            return failureFor(request, response, root, now);
        data = root.value("data"_L1).toObject();
    }

    AuthTokens tokens;
    tokens.access = json::text(data, "access"_L1);
    tokens.refresh = json::text(data, "refresh"_L1);
    if (tokens.refresh.isEmpty())
        tokens.refresh = previousRefresh;
    if (tokens.access.isEmpty())
        return AuthFailure { AuthFailureKind::ProtocolError,
                             response.status,
                             {},
                             u"answer carries no access token"_s,
                             std::nullopt };

    const auto claims = decodeJwtClaims(tokens.access);
    if (claims) {
        tokens.accessExpiresAt = claims->expiresAt;
        tokens.userId = claims->userId;
    }
    if (!tokens.accessExpiresAt.isValid()) {
        if (const auto expiresIn = json::integer(data, "expires_in"_L1); expiresIn && *expiresIn > 0)
            tokens.accessExpiresAt = now.addSecs(*expiresIn);
    }
    const QJsonObject user = data.value("user"_L1).toObject();
    if (!user.isEmpty()) {
        if (tokens.userId.isEmpty())
            tokens.userId = json::text(user, "id"_L1);
        tokens.username = json::text(user, "username"_L1);
        tokens.capabilities = stringList(user.value("capabilities"_L1));
    }
    return tokens;
}

} // namespace noc
