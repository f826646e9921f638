// SPDX-License-Identifier: MIT
#include "UrlRedaction.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
bool isSecretKey(const QString &key)
{
    static const QStringList secretKeys { u"token"_s, u"access"_s,       u"refresh"_s,       u"password"_s,
                                          u"jwt"_s,   u"access_token"_s, u"refresh_token"_s, u"auth"_s };
    return secretKeys.contains(key, Qt::CaseInsensitive);
}
} // namespace

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url;
    copy.setPassword(QString());
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        auto items = query.queryItems(QUrl::FullyEncoded);
        for (auto &item : items) {
            if (isSecretKey(item.first))
                item.second = u"REDACTED"_s;
        }
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return copy.toString(QUrl::RemovePassword);
}

QString redactedText(QString text)
{
    // Both patterns need one of these: most frames have neither a JWT nor a key=value pair.
    if (!text.contains(u"eyJ"_s) && !text.contains(u'='))
        return text;
    // JWTs are three base64url parts starting with the encoded '{"': eyJ...
    static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"_s);
    static const QRegularExpression tokenParam(u"((?:token|access|refresh|password)=)[^&\\s\"']+"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    text.replace(jwt, u"REDACTED"_s);
    text.replace(tokenParam, u"\\1REDACTED"_s);
    return text;
}

} // namespace noc
