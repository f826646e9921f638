// SPDX-License-Identifier: MIT
#include "TokenStore.h"

#include <QDateTime>
#include <QUuid>

namespace noc::sim {

TokenStore::TokenStore(const QByteArray &secret, int accessTtlSeconds, int refreshTtlSeconds)
    : m_signer(secret), m_accessTtl(accessTtlSeconds), m_refreshTtl(refreshTtlSeconds)
{ }

QString TokenStore::issue(int userId, const QString &type, int ttl, QSet<QString> &live)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString jti = QUuid::createUuid().toString(QUuid::Id128);
    QJsonObject claims;
    claims.insert(QLatin1String("token_type"), type);
    claims.insert(QLatin1String("exp"), now + ttl);
    claims.insert(QLatin1String("iat"), now);
    claims.insert(QLatin1String("jti"), jti);
    claims.insert(QLatin1String("user_id"), userId);
    live.insert(jti);
    ++m_issued;
    return QString::fromLatin1(m_signer.sign(claims));
}

QString TokenStore::issueAccess(int userId)
{
    return issue(userId, QStringLiteral("access"), m_accessTtl, m_liveAccess);
}

QString TokenStore::issueRefresh(int userId)
{
    return issue(userId, QStringLiteral("refresh"), m_refreshTtl, m_liveRefresh);
}

TokenStore::Checked TokenStore::check(const QString &token, const QString &type) const
{
    Checked checked;
    const JwtSigner::Result result = m_signer.verify(token.toLatin1(), QDateTime::currentSecsSinceEpoch());
    if (result.verdict == JwtSigner::Verdict::Invalid) {
        return checked;
    }
    const QString tokenType = result.claims.value(QLatin1String("token_type")).toString();
    if (!type.isEmpty() && tokenType != type) {
        return checked;
    }
    checked.claims = result.claims;
    checked.jti = result.claims.value(QLatin1String("jti")).toString();
    checked.userId = result.claims.value(QLatin1String("user_id")).toInt();
    if (result.verdict == JwtSigner::Verdict::Expired
        || (tokenType == QLatin1String("access") && m_expiredAccess.contains(checked.jti))) {
        checked.status = Status::Expired;
    } else if (tokenType == QLatin1String("refresh") && m_blacklist.contains(checked.jti)) {
        checked.status = Status::Revoked;
    } else {
        checked.status = Status::Valid;
    }
    return checked;
}

TokenStore::Checked TokenStore::checkAccess(const QString &token) const
{
    return check(token, QStringLiteral("access"));
}

TokenStore::Checked TokenStore::checkRefresh(const QString &token) const
{
    return check(token, QStringLiteral("refresh"));
}

TokenStore::Checked TokenStore::checkAny(const QString &token) const
{
    return check(token, {});
}

void TokenStore::blacklistRefresh(const QString &jti)
{
    m_liveRefresh.remove(jti);
    m_blacklist.insert(jti);
}

void TokenStore::expireAllAccess()
{
    m_expiredAccess.unite(m_liveAccess);
    m_liveAccess.clear();
}

void TokenStore::revokeAllRefresh()
{
    m_blacklist.unite(m_liveRefresh);
    m_liveRefresh.clear();
}

} // namespace noc::sim
