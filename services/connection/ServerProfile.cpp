// SPDX-License-Identifier: MIT
#include "ServerProfile.h"

namespace noc {

using namespace Qt::StringLiterals;

std::optional<AuthGeneration> authGenerationFromString(QStringView text)
{
    if (text.compare(u"auto"_s, Qt::CaseInsensitive) == 0)
        return AuthGeneration::Auto;
    if (text.compare(u"token"_s, Qt::CaseInsensitive) == 0)
        return AuthGeneration::TokenEndpoints;
    if (text.compare(u"v2"_s, Qt::CaseInsensitive) == 0)
        return AuthGeneration::V2;
    return std::nullopt;
}

QString authGenerationName(AuthGeneration generation)
{
    switch (generation) {
    case AuthGeneration::Auto:
        return u"auto"_s;
    case AuthGeneration::TokenEndpoints:
        return u"token"_s;
    case AuthGeneration::V2:
        return u"v2"_s;
    }
    return u"auto"_s;
}

std::optional<TokenLocation> tokenLocationFromString(QStringView text)
{
    if (text.compare(u"query"_s, Qt::CaseInsensitive) == 0)
        return TokenLocation::Query;
    if (text.compare(u"header"_s, Qt::CaseInsensitive) == 0)
        return TokenLocation::Header;
    if (text.compare(u"cookie"_s, Qt::CaseInsensitive) == 0)
        return TokenLocation::Cookie;
    return std::nullopt;
}

QString tokenLocationName(TokenLocation location)
{
    switch (location) {
    case TokenLocation::Query:
        return u"query"_s;
    case TokenLocation::Header:
        return u"header"_s;
    case TokenLocation::Cookie:
        return u"cookie"_s;
    }
    return u"query"_s;
}

QUrl ServerProfile::restUrl(const QString &path) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl ServerProfile::webSocketUrl(const QString &path) const
{
    QUrl url = restUrl(path);
    url.setScheme(baseUrl.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    return url;
}

QString ServerProfile::effectiveOrigin() const
{
    if (!origin.isEmpty())
        return origin;
    return baseUrl
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::StripTrailingSlash);
}

} // namespace noc
