// SPDX-License-Identifier: MIT
#include "SessionAccess.h"

namespace noc {

using namespace Qt::StringLiterals;

namespace {
constexpr int kTransferTimeoutMs = 15000;
}

QNetworkRequest SessionAccess::request(const QString &path, const QUrlQuery &query, bool jsonBody) const
{
    QUrl url = profile.restUrl(path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (jsonBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setTransferTimeout(kTransferTimeoutMs);
    if (url.scheme() == "https"_L1) {
        QSslConfiguration configuration = ssl;
        if (insecureTls)
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(configuration);
    }
    return request;
}

} // namespace noc
