// SPDX-License-Identifier: MIT
#include "JwtClaims.h"

#include "JsonRead.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
QDateTime epochSeconds(const QJsonObject &claims, QLatin1StringView key)
{
    const auto seconds = json::number(claims, key);
    constexpr double kMaxSeconds = 253402300799.0; // 9999-12-31
    if (!seconds || *seconds < 0 || *seconds > kMaxSeconds)
        return {};
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(*seconds), Qt::UTC);
}
} // namespace

std::optional<JwtClaims> decodeJwtClaims(const QString &token)
{
    constexpr qsizetype kMaxTokenLength = 16 * 1024;
    if (token.size() > kMaxTokenLength)
        return std::nullopt;
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return std::nullopt;
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload)
        return std::nullopt;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(*payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject claims = document.object();
    JwtClaims result;
    result.expiresAt = epochSeconds(claims, "exp"_L1);
    result.issuedAt = epochSeconds(claims, "iat"_L1);
    result.userId = json::text(claims, "user_id"_L1);
    result.tokenType = json::text(claims, "token_type"_L1);
    return result;
}

} // namespace noc
