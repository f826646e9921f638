// SPDX-License-Identifier: MIT
#include "AuthEndpoints.h"

#include "IsoTime.h"
#include "SimLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace noc::sim {

namespace {

QString text(const QJsonObject &body, const char *key)
{
    const QJsonValue value = body.value(QLatin1String(key));
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return {};
}

// simplejwt's serializer errors: {"field": ["This field is required."]}
HttpReply fieldErrors(const QJsonObject &body, std::initializer_list<const char *> fields)
{
    QJsonObject errors;
    for (const char *field : fields) {
        const QJsonValue value = body.value(QLatin1String(field));
        if (value.isUndefined()) {
            errors.insert(QLatin1String(field), QJsonArray { QStringLiteral("This field is required.") });
        } else if (value.isNull()) {
            errors.insert(QLatin1String(field), QJsonArray { QStringLiteral("This field may not be null.") });
        } else if (value.isString() && value.toString().isEmpty()) {
            errors.insert(QLatin1String(field),
                          QJsonArray { QStringLiteral("This field may not be blank.") });
        }
    }
    if (errors.isEmpty()) {
        return HttpReply::json(200, {});
    }
    return HttpReply::json(400, errors);
}

HttpReply tokenNotValid()
{
    return HttpReply::json(401,
                           { { QStringLiteral("detail"), QStringLiteral("Token is invalid or expired") },
                             { QStringLiteral("code"), QStringLiteral("token_not_valid") } });
}

} // namespace

AuthEndpoints::AuthEndpoints(const SimulatorOptions &options, TokenStore &tokens)
    : m_options(options)
    , m_tokens(tokens)
    , m_throttle(options.loginThrottlePerHour, options.loginThrottleWindowSeconds)
{ }

QJsonObject AuthEndpoints::meta()
{
    return { { QStringLiteral("correlation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
             { QStringLiteral("timestamp"), IsoTime::now() } };
}

HttpReply AuthEndpoints::frameworkError(int status, const QString &code, const QString &message,
                                        const QJsonValue &details)
{
    QJsonObject error { { QStringLiteral("code"), code },
                        { QStringLiteral("message"), message },
                        { QStringLiteral("details"), details },
                        { QStringLiteral("correlation_id"),
                          QUuid::createUuid().toString(QUuid::WithoutBraces) } };
    return HttpReply::json(status, { { QStringLiteral("error"), error } });
}

HttpReply AuthEndpoints::v2Error(int status, const QString &code, const QString &message)
{
    return HttpReply::json(
        status,
        { { QStringLiteral("success"), false },
          { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } },
          { QStringLiteral("meta"), meta() } });
}

HttpReply AuthEndpoints::v2Success(const QJsonObject &data)
{
    return HttpReply::json(200,
                           { { QStringLiteral("success"), true },
                             { QStringLiteral("data"), data },
                             { QStringLiteral("meta"), meta() } });
}

bool AuthEndpoints::enabled(Generation generation) const
{
    switch (m_options.auth) {
    case AuthGenerations::Both:
        return true;
    case AuthGenerations::TokenEndpoints:
        return generation == Generation::A;
    case AuthGenerations::V2:
        return generation == Generation::B;
    }
    return false;
}

std::optional<QJsonObject> AuthEndpoints::parseBody(const HttpCall &call)
{
    if (call.body.trimmed().isEmpty()) {
        return QJsonObject {};
    }
    if (call.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        QJsonObject object;
        const QUrlQuery query(QString::fromUtf8(call.body));
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            object.insert(key, value);
        }
        return object;
    }
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(call.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    return document.object();
}

// DRF's order: authenticate (a stale Authorization header is a 401), throttle, then the method.
std::optional<HttpReply> AuthEndpoints::preflight(const HttpCall &call, Generation generation, bool throttled,
                                                  bool rejectAuthorization)
{
    if (rejectAuthorization && call.hasHeader("authorization")) {
        HttpReply reply;
        if (generation == Generation::A) {
            reply = HttpReply::json(
                401,
                { { QStringLiteral("detail"), QStringLiteral("Given token not valid for any token type") },
                  { QStringLiteral("code"), QStringLiteral("token_not_valid") },
                  { QStringLiteral("messages"),
                    QJsonArray { QJsonObject {
                        { QStringLiteral("token_class"), QStringLiteral("AccessToken") },
                        { QStringLiteral("token_type"), QStringLiteral("access") },
                        { QStringLiteral("message"), QStringLiteral("Token is invalid or expired") } } } } });
        } else {
            reply = frameworkError(401, QStringLiteral("NOT_AUTHENTICATED"),
                                   QStringLiteral("Given token not valid for any token type"));
        }
        reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"api\"")));
        return reply;
    }
    if (throttled) {
        const int wait = m_throttle.acquire(call.peer.toString());
        if (wait > 0) {
            const QString message
                = QStringLiteral("Request was throttled. Expected available in %1 seconds.").arg(wait);
            HttpReply reply = generation == Generation::A
                ? HttpReply::json(429, { { QStringLiteral("detail"), message } })
                : frameworkError(429, QStringLiteral("RATE_LIMIT_EXCEEDED"), message,
                                 QJsonObject { { QStringLiteral("wait"), wait } });
            reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
            qCInfo(lcSim) << "throttled" << call.path << "from" << call.peer.toString() << "for" << wait
                          << "s";
            return reply;
        }
    }
    if (call.method != "POST") {
        const QString message
            = QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(call.method));
        HttpReply reply = generation == Generation::A
            ? HttpReply::json(405, { { QStringLiteral("detail"), message } })
            : frameworkError(405, QStringLiteral("METHOD_NOT_ALLOWED"), message);
        reply.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST, OPTIONS")));
        return reply;
    }
    return std::nullopt;
}

std::optional<HttpReply> AuthEndpoints::handle(const HttpCall &call)
{
    struct Route
    {
        const char *path;
        Generation generation;
        bool throttled;
        bool rejectAuthorization;
    };
    static const Route routes[] = {
        { "/api/auth/token/", Generation::A, true, true },
        { "/api/auth/token/refresh/", Generation::A, true, true },
        { "/api/v2/auth/login/", Generation::B, true, true },
        { "/api/v2/auth/refresh/", Generation::B, true, true },
        { "/api/v2/auth/logout/", Generation::B, false, false },
        { "/api/v2/auth/verify/", Generation::B, true, false },
    };
    const Route *route = nullptr;
    for (const Route &candidate : routes) {
        if (call.path == QLatin1String(candidate.path)) {
            route = &candidate;
        }
    }
    if (!route || !enabled(route->generation)) {
        return std::nullopt;
    }
    ++m_calls[QLatin1String(route->path)];
    if (auto early = preflight(call, route->generation, route->throttled, route->rejectAuthorization)) {
        return early;
    }
    const std::optional<QJsonObject> body = parseBody(call);
    if (!body) {
        const QString message
            = QStringLiteral("JSON parse error - Expecting value: line 1 column 1 (char 0)");
        return route->generation == Generation::A
            ? HttpReply::json(400, { { QStringLiteral("detail"), message } })
            : frameworkError(400, QStringLiteral("PARSE_ERROR"), message);
    }
    const QLatin1String path(route->path);
    if (path == QLatin1String("/api/auth/token/")) {
        return tokenObtain(*body);
    }
    if (path == QLatin1String("/api/auth/token/refresh/")) {
        return tokenRefresh(*body);
    }
    if (path == QLatin1String("/api/v2/auth/login/")) {
        return v2Login(*body);
    }
    if (path == QLatin1String("/api/v2/auth/refresh/")) {
        return v2Refresh(*body);
    }
    if (path == QLatin1String("/api/v2/auth/logout/")) {
        return v2Logout(call, *body);
    }
    return v2Verify(*body);
}

HttpReply AuthEndpoints::tokenObtain(const QJsonObject &body)
{
    HttpReply invalid = fieldErrors(body, { "username", "password" });
    if (invalid.status != 200) {
        return invalid;
    }
    const SimUser *user = m_options.userByName(text(body, "username"));
    if (m_refuseLogins || !user || user->password != text(body, "password") || user->disabled) {
        return HttpReply::json(401,
                               { { QStringLiteral("detail"),
                                   QStringLiteral("No active account found with the given credentials") } });
    }
    qCInfo(lcSim) << "token login" << user->username;
    return HttpReply::json(200,
                           { { QStringLiteral("access"), m_tokens.issueAccess(user->id) },
                             { QStringLiteral("refresh"), m_tokens.issueRefresh(user->id) },
                             { QStringLiteral("expires_in"), m_tokens.accessTtlSeconds() } });
}

HttpReply AuthEndpoints::tokenRefresh(const QJsonObject &body)
{
    HttpReply invalid = fieldErrors(body, { "refresh" });
    if (invalid.status != 200) {
        return invalid;
    }
    const TokenStore::Checked checked = m_tokens.checkRefresh(text(body, "refresh"));
    const SimUser *user = m_options.userById(checked.userId);
    if (checked.status != TokenStore::Status::Valid || !user || user->disabled) {
        return tokenNotValid();
    }
    // Generation A rotates without blacklisting: the old refresh token stays usable until it expires.
    return HttpReply::json(200,
                           { { QStringLiteral("access"), m_tokens.issueAccess(user->id) },
                             { QStringLiteral("refresh"), m_tokens.issueRefresh(user->id) } });
}

QJsonObject AuthEndpoints::userObject(const SimUser &user) const
{
    QJsonArray capabilities;
    if (user.canView) {
        capabilities.append(QStringLiteral("noc:view"));
    }
    if (user.canAcknowledge) {
        capabilities.append(QStringLiteral("noc:acknowledge"));
        capabilities.append(QStringLiteral("noc:ack_alerts"));
    }
    if (user.canEscalate) {
        capabilities.append(QStringLiteral("noc:escalate"));
    }
    QJsonObject object { { QStringLiteral("id"), user.id },
                         { QStringLiteral("username"), user.username },
                         { QStringLiteral("capabilities"), capabilities } };
    if (!m_options.minimalFields) {
        object.insert(QStringLiteral("email"), user.username + QStringLiteral("@noc.example"));
        object.insert(QStringLiteral("tenant_id"), m_options.tenantId);
        object.insert(QStringLiteral("client_ids"),
                      QJsonArray::fromStringList(user.visibleClients.isEmpty() ? m_options.clients
                                                                               : user.visibleClients));
        object.insert(QStringLiteral("is_staff"), user.canAcknowledge);
    }
    return object;
}

HttpReply AuthEndpoints::v2Login(const QJsonObject &body)
{
    const QString username = text(body, "username");
    const QString password = text(body, "password");
    if (username.isEmpty() || password.isEmpty()) {
        return v2Error(400, QStringLiteral("MISSING_CREDENTIALS"),
                       QStringLiteral("Username and password are required"));
    }
    const SimUser *user = m_options.userByName(username);
    if (m_refuseLogins || !user || user->password != password) {
        return v2Error(401, QStringLiteral("INVALID_CREDENTIALS"),
                       QStringLiteral("Invalid username or password"));
    }
    if (user->disabled) {
        return v2Error(403, QStringLiteral("ACCOUNT_DISABLED"),
                       QStringLiteral("This account has been disabled"));
    }
    qCInfo(lcSim) << "v2 login" << user->username << "device" << text(body, "device_id");
    return v2Success({ { QStringLiteral("access"), m_tokens.issueAccess(user->id) },
                       { QStringLiteral("refresh"), m_tokens.issueRefresh(user->id) },
                       { QStringLiteral("user"), userObject(*user) } });
}

HttpReply AuthEndpoints::v2Refresh(const QJsonObject &body)
{
    const QString refresh = text(body, "refresh");
    if (refresh.isEmpty()) {
        return v2Error(400, QStringLiteral("MISSING_TOKEN"), QStringLiteral("Refresh token is required"));
    }
    const TokenStore::Checked checked = m_tokens.checkRefresh(refresh);
    const SimUser *user = m_options.userById(checked.userId);
    if (checked.status != TokenStore::Status::Valid || !user || user->disabled) {
        return v2Error(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("Token is invalid or expired"));
    }
    // Rotation: the presented token is blacklisted before the new pair leaves.
    m_tokens.blacklistRefresh(checked.jti);
    return v2Success({ { QStringLiteral("access"), m_tokens.issueAccess(user->id) },
                       { QStringLiteral("refresh"), m_tokens.issueRefresh(user->id) } });
}

HttpReply AuthEndpoints::v2Logout(const HttpCall &call, const QJsonObject &body)
{
    const QByteArray authorization = call.header("authorization");
    if (!authorization.startsWith("Bearer ")) {
        return frameworkError(401, QStringLiteral("NOT_AUTHENTICATED"),
                              QStringLiteral("Authentication credentials were not provided."));
    }
    const TokenStore::Checked access
        = m_tokens.checkAccess(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (access.status != TokenStore::Status::Valid) {
        return frameworkError(401, QStringLiteral("NOT_AUTHENTICATED"),
                              QStringLiteral("Given token not valid for any token type"));
    }
    // Logging out twice, or with a refresh token that is already gone, still succeeds.
    const TokenStore::Checked refresh = m_tokens.checkRefresh(text(body, "refresh"));
    if (refresh.status == TokenStore::Status::Valid) {
        m_tokens.blacklistRefresh(refresh.jti);
    }
    return v2Success({ { QStringLiteral("message"), QStringLiteral("Successfully logged out") } });
}

HttpReply AuthEndpoints::v2Verify(const QJsonObject &body)
{
    const QString token = text(body, "token");
    if (token.isEmpty()) {
        return v2Error(400, QStringLiteral("MISSING_TOKEN"), QStringLiteral("Token is required"));
    }
    const TokenStore::Checked checked = m_tokens.checkAny(token);
    const SimUser *user = m_options.userById(checked.userId);
    if (checked.status != TokenStore::Status::Valid || !user) {
        return v2Error(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("Token is invalid or expired"));
    }
    return v2Success({ { QStringLiteral("valid"), true },
                       { QStringLiteral("user_id"), user->id },
                       { QStringLiteral("username"), user->username } });
}

} // namespace noc::sim
