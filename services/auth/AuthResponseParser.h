// SPDX-License-Identifier: MIT
#pragma once

#include "AuthResult.h"
#include "ServerProfile.h"

#include <QByteArray>
#include <QDateTime>

namespace noc {

enum class AuthRequestKind : quint8
{
    Login,
    Refresh,
    Logout
};

struct AuthHttpResponse
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QByteArray retryAfter; // the Retry-After header, if any
    QString networkError; // set when status is 0
};

// Reads REST answers of both generations (PROTOCOL.md section 1) and the framework's own error shape.
// previousRefresh is kept when a refresh answer carries no new refresh token (no rotation).
[[nodiscard]] AuthResult parseAuthResponse(AuthGeneration generation, AuthRequestKind request,
                                           const AuthHttpResponse &response, const QString &previousRefresh,
                                           const QDateTime &now);

} // namespace noc
