// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

namespace noc {

// Two server generations exist (PROTOCOL.md section 1); Auto tries v2 first and falls back.
enum class AuthGeneration : quint8
{
    Auto,
    TokenEndpoints,
    V2
};
enum class TokenLocation : quint8
{
    Query,
    Header,
    Cookie
};

[[nodiscard]] std::optional<AuthGeneration> authGenerationFromString(QStringView text);
[[nodiscard]] QString authGenerationName(AuthGeneration generation);
[[nodiscard]] std::optional<TokenLocation> tokenLocationFromString(QStringView text);
[[nodiscard]] QString tokenLocationName(TokenLocation location);

// Where and how to reach one NOC server.
struct ServerProfile
{
    QUrl baseUrl; // http(s)://host[:port], REST and WebSocket behind one host
    AuthGeneration authGeneration = AuthGeneration::Auto;
    TokenLocation tokenLocation = TokenLocation::Query;
    QString origin; // empty: the server's own scheme://host[:port]

    [[nodiscard]] QUrl restUrl(const QString &path) const;
    [[nodiscard]] QUrl webSocketUrl(const QString &path) const;
    [[nodiscard]] QString effectiveOrigin() const;
};

} // namespace noc
