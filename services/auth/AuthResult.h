// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace noc {

struct AuthTokens
{
    QString access;
    QString refresh;
    QDateTime accessExpiresAt; // from the token's exp, else expires_in, else invalid
    QString userId;
    QString username;
    QStringList capabilities;
};

enum class AuthFailureKind : quint8
{
    BadCredentials, // wrong user or password: never retried automatically
    MissingCredentials,
    AccountDisabled,
    TokenRejected, // refresh token expired, revoked or already rotated
    Throttled, // 429: wait retryAfterSeconds
    EndpointMissing, // 404/405: this server speaks the other generation
    ServerError,
    NetworkError,
    ProtocolError // an answer we cannot read
};

struct AuthFailure
{
    AuthFailureKind kind = AuthFailureKind::ProtocolError;
    int httpStatus = 0;
    QString code; // the server's code, when it sends one
    QString message; // for the operator; never contains a token
    std::optional<int> retryAfterSeconds;
};

using AuthResult = std::variant<AuthTokens, AuthFailure>;

} // namespace noc

Q_DECLARE_METATYPE(noc::AuthResult)
