// SPDX-License-Identifier: MIT
#include "OriginPolicy.h"

namespace noc::sim {

namespace {
int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws")) {
        return 80;
    }
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss")) {
        return 443;
    }
    return -1;
}
} // namespace

OriginPolicy::OriginPolicy(QStringList extraOrigins) : m_extra(std::move(extraOrigins)) { }

bool OriginPolicy::matches(const QUrl &origin, const QUrl &allowed)
{
    if (origin.scheme().compare(allowed.scheme(), Qt::CaseInsensitive) != 0
        || origin.host().compare(allowed.host(), Qt::CaseInsensitive) != 0) {
        return false;
    }
    const int originPort = origin.port(defaultPort(origin.scheme().toLower()));
    const int allowedPort = allowed.port(defaultPort(allowed.scheme().toLower()));
    return originPort == allowedPort;
}

bool OriginPolicy::isAllowed(const QByteArray &origin) const
{
    const QString text = QString::fromLatin1(origin).trimmed();
    if (text.isEmpty() || text == QLatin1String("null")) {
        return false;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery()) {
        return false;
    }
    const QString port = QString::number(m_port);
    const QString scheme = m_secure ? QStringLiteral("https") : QStringLiteral("http");
    QStringList allowed { scheme + QStringLiteral("://127.0.0.1:") + port,
                          scheme + QStringLiteral("://localhost:") + port };
    allowed += m_extra;
    for (const QString &entry : std::as_const(allowed)) {
        if (entry == QLatin1String("*") || matches(url, QUrl(entry))) {
            return true;
        }
    }
    return false;
}

} // namespace noc::sim
