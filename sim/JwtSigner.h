// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace noc::sim {

// HS256 JSON Web Tokens, as djangorestframework-simplejwt issues them.
class JwtSigner
{
public:
    enum class Verdict
    {
        Valid,
        Expired,
        Invalid
    };
    struct Result
    {
        Verdict verdict = Verdict::Invalid;
        QJsonObject claims;
    };

    explicit JwtSigner(QByteArray secret);

    [[nodiscard]] QByteArray sign(const QJsonObject &claims) const;
    // Checks the signature, the algorithm and "exp" against nowSecs (seconds since the epoch).
    [[nodiscard]] Result verify(const QByteArray &token, qint64 nowSecs) const;

    [[nodiscard]] static QByteArray base64Url(const QByteArray &data);

private:
    [[nodiscard]] QByteArray mac(const QByteArray &signingInput) const;

    QByteArray m_secret;
};

} // namespace noc::sim
