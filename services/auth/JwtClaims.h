// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace noc {

// What the client may read from a JWT without the server's key: enough to know when to refresh.
// The signature is the server's business; we never trust these claims for anything else.
struct JwtClaims
{
    QDateTime expiresAt; // invalid when the token has no exp
    QDateTime issuedAt;
    QString userId;
    QString tokenType;
};

[[nodiscard]] std::optional<JwtClaims> decodeJwtClaims(const QString &token);

} // namespace noc
