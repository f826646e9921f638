// SPDX-License-Identifier: MIT
#include "AuthClient.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "ReplyAbandon.h"
#include "UrlRedaction.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSysInfo>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
// Stable per machine, but not the machine id itself: the server only needs to tell devices apart.
QString deviceId()
{
    static const QString id = QString::fromLatin1(
        QCryptographicHash::hash(QSysInfo::machineUniqueId() + "nocdash-device", QCryptographicHash::Sha256)
            .toHex()
            .left(32));
    return id;
}
} // namespace

AuthClient::AuthClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent), m_network(network), m_clock(clock)
{ }

void AuthClient::setSslConfiguration(const QSslConfiguration &configuration, bool insecure)
{
    m_sslConfiguration = configuration;
    m_insecure = insecure;
}

void AuthClient::setProfile(const ServerProfile &profile)
{
    if (profile.baseUrl != m_profile.baseUrl || profile.authGeneration != m_profile.authGeneration)
        m_detected = AuthGeneration::Auto;
    m_profile = profile;
}

AuthGeneration AuthClient::firstGeneration() const
{
    if (m_profile.authGeneration != AuthGeneration::Auto)
        return m_profile.authGeneration;
    return m_detected == AuthGeneration::Auto ? AuthGeneration::V2 : m_detected;
}

QString AuthClient::pathFor(AuthGeneration generation, AuthRequestKind kind)
{
    if (generation == AuthGeneration::TokenEndpoints) {
        switch (kind) {
        case AuthRequestKind::Login:
            return u"/api/auth/token/"_s;
        case AuthRequestKind::Refresh:
            return u"/api/auth/token/refresh/"_s;
        case AuthRequestKind::Logout:
            return {}; // this generation cannot revoke
        }
    }
    switch (kind) {
    case AuthRequestKind::Login:
        return u"/api/v2/auth/login/"_s;
    case AuthRequestKind::Refresh:
        return u"/api/v2/auth/refresh/"_s;
    case AuthRequestKind::Logout:
        return u"/api/v2/auth/logout/"_s;
    }
    return {};
}

void AuthClient::login(const QString &username, const QString &password)
{
    Pending pending;
    pending.kind = AuthRequestKind::Login;
    pending.generation = firstGeneration();
    QJsonObject body { { "username"_L1, username }, { "password"_L1, password } };
    if (pending.generation == AuthGeneration::V2)
        body.insert("device_id"_L1, deviceId());
    pending.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    pending.mayFallBack
        = m_profile.authGeneration == AuthGeneration::Auto && m_detected == AuthGeneration::Auto;
    send(pending);
}

void AuthClient::refresh(const QString &refreshToken)
{
    Pending pending;
    pending.kind = AuthRequestKind::Refresh;
    pending.generation = firstGeneration();
    pending.previousRefresh = refreshToken;
    pending.body
        = QJsonDocument(QJsonObject { { "refresh"_L1, refreshToken } }).toJson(QJsonDocument::Compact);
    pending.mayFallBack
        = m_profile.authGeneration == AuthGeneration::Auto && m_detected == AuthGeneration::Auto;
    send(pending);
}

void AuthClient::logout(const QString &accessToken, const QString &refreshToken)
{
    Pending pending;
    pending.kind = AuthRequestKind::Logout;
    pending.generation = firstGeneration();
    if (pathFor(pending.generation, pending.kind).isEmpty()) {
        // Nothing to revoke on the token endpoints: forgetting the tokens is all a client can do.
        Q_EMIT logoutFinished(AuthTokens {});
        return;
    }
    pending.bearer = accessToken;
    pending.body
        = QJsonDocument(QJsonObject { { "refresh"_L1, refreshToken } }).toJson(QJsonDocument::Compact);
    send(pending);
}

void AuthClient::cancel()
{
    abandonReply(m_reply, this);
}

void AuthClient::send(const Pending &pending)
{
    cancel();
    const QUrl url = m_profile.restUrl(pathFor(pending.generation, pending.kind));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTransferTimeoutMs);
    if (url.scheme() == "https"_L1)
        request.setSslConfiguration(m_sslConfiguration);
    m_tlsProblem.clear();
    // Login and refresh must go without Authorization: a stale one makes the server answer 401.
    if (!pending.bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + pending.bearer.toUtf8());
    qCDebug(lcAuth) << "POST" << redactedUrl(url);
    QNetworkReply *reply = m_network->post(request, pending.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, pending] { onFinished(reply, pending); });
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QStringList problems;
        for (const QSslError &error : errors)
            problems.append(error.errorString());
        if (m_insecure) {
            qCWarning(lcAuth) << "ignoring TLS errors because the operator opted out of verification:"
                              << problems;
            reply->ignoreSslErrors();
            return;
        }
        // Fail closed, naming the problem: this is what the operator forwards to IT.
        m_tlsProblem = tr("TLS certificate rejected: %1").arg(problems.join(u"; "_s));
    });
}

void AuthClient::onFinished(QNetworkReply *reply, const Pending &pending)
{
    reply->deleteLater();
    if (m_reply == reply)
        m_reply.clear();

    AuthHttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->read(64 * 1024);
    response.retryAfter = reply->rawHeader("Retry-After");
    if (response.status == 0)
        response.networkError = m_tlsProblem.isEmpty() ? reply->errorString() : m_tlsProblem;

    AuthResult result = parseAuthResponse(pending.generation, pending.kind, response, pending.previousRefresh,
                                          m_clock->nowUtc());
    const auto *failure = std::get_if<AuthFailure>(&result);
    if (failure && failure->kind == AuthFailureKind::EndpointMissing && pending.mayFallBack) {
        qCInfo(lcAuth) << "v2 auth endpoints not found; trying the token endpoints";
        Pending fallback = pending;
        fallback.generation = AuthGeneration::TokenEndpoints;
        fallback.mayFallBack = false;
        if (fallback.kind == AuthRequestKind::Login) {
            QJsonObject body = QJsonDocument::fromJson(pending.body).object();
            body.remove("device_id"_L1);
            fallback.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        send(fallback);
        return;
    }
    if (!failure
        || (failure->kind != AuthFailureKind::EndpointMissing
            && failure->kind != AuthFailureKind::NetworkError))
        m_detected = pending.generation;

    if (failure)
        qCInfo(lcAuth) << "auth request failed:" << failure->httpStatus << failure->code << failure->message;
    switch (pending.kind) {
    case AuthRequestKind::Login:
        Q_EMIT loginFinished(result);
        break;
    case AuthRequestKind::Refresh:
        Q_EMIT refreshFinished(result);
        break;
    case AuthRequestKind::Logout:
        Q_EMIT logoutFinished(result);
        break;
    }
}

} // namespace noc
