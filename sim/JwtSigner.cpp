// SPDX-License-Identifier: MIT
#include "JwtSigner.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace noc::sim {

JwtSigner::JwtSigner(QByteArray secret) : m_secret(std::move(secret)) { }

QByteArray JwtSigner::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray JwtSigner::mac(const QByteArray &signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
}

QByteArray JwtSigner::sign(const QJsonObject &claims) const
{
    static const QByteArray header = base64Url(QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})"));
    const QByteArray payload = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return signingInput + '.' + base64Url(mac(signingInput));
}

JwtSigner::Result JwtSigner::verify(const QByteArray &token, qint64 nowSecs) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        return {};
    }
    const auto decode = [](const QByteArray &part, bool *ok) {
        const auto result = QByteArray::fromBase64Encoding(
            part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        *ok = result.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
        return result.decoded;
    };
    bool ok = false;
    const QJsonObject header = QJsonDocument::fromJson(decode(parts.at(0), &ok)).object();
    if (!ok || header.value(QLatin1String("alg")).toString() != QLatin1String("HS256")) {
        return {};
    }
    const QByteArray signature = decode(parts.at(2), &ok);
    if (!ok) {
        return {};
    }
    const QByteArray expected = mac(parts.at(0) + '.' + parts.at(1));
    // Constant-time compare: it costs nothing and the simulator shouldn't model a timing oracle.
    if (signature.size() != expected.size()) {
        return {};
    }
    char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        diff = static_cast<char>(diff | (signature.at(i) ^ expected.at(i)));
    }
    if (diff != 0) {
        return {};
    }
    const QJsonDocument payload = QJsonDocument::fromJson(decode(parts.at(1), &ok));
    if (!ok || !payload.isObject()) {
        return {};
    }
    Result result;
    result.claims = payload.object();
    const QJsonValue exp = result.claims.value(QLatin1String("exp"));
    if (!exp.isDouble()) {
        return {};
    }
    result.verdict = static_cast<qint64>(exp.toDouble()) <= nowSecs ? Verdict::Expired : Verdict::Valid;
    return result;
}

} // namespace noc::sim
