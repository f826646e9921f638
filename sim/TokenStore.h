// SPDX-License-Identifier: MIT
#pragma once

#include "JwtSigner.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace noc::sim {

// Issues access/refresh tokens and remembers which ones were blacklisted, rotated away or expired by a
// fault, so a reused or revoked token is refused exactly like the real server refuses it.
class TokenStore
{
public:
    enum class Status
    {
        Valid,
        Expired,
        Invalid,
        Revoked // blacklisted refresh token
    };
    struct Checked
    {
        Status status = Status::Invalid;
        int userId = 0;
        QString jti;
        QJsonObject claims;
    };

    TokenStore(const QByteArray &secret, int accessTtlSeconds, int refreshTtlSeconds);

    [[nodiscard]] QString issueAccess(int userId);
    [[nodiscard]] QString issueRefresh(int userId);
    [[nodiscard]] Checked checkAccess(const QString &token) const;
    [[nodiscard]] Checked checkRefresh(const QString &token) const;
    // Any type; for /verify/, which accepts either.
    [[nodiscard]] Checked checkAny(const QString &token) const;

    void blacklistRefresh(const QString &jti);
    void expireAllAccess();
    void revokeAllRefresh();

    [[nodiscard]] int accessTtlSeconds() const { return m_accessTtl; }
    [[nodiscard]] int issuedCount() const { return m_issued; }

private:
    [[nodiscard]] QString issue(int userId, const QString &type, int ttl, QSet<QString> &live);
    [[nodiscard]] Checked check(const QString &token, const QString &type) const;

    JwtSigner m_signer;
    int m_accessTtl;
    int m_refreshTtl;
    int m_issued = 0;
    QSet<QString> m_liveAccess;
    QSet<QString> m_expiredAccess;
    QSet<QString> m_liveRefresh;
    QSet<QString> m_blacklist;
};

} // namespace noc::sim
