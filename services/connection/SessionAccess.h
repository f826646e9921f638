// SPDX-License-Identifier: MIT
#pragma once

#include "ServerProfile.h"

#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QString>
#include <QUrlQuery>

namespace noc {

// Where and as whom the session talks to its server right now: the server in use, the TLS settings
// and the access token. Parts that make their own requests (the alert records, the presence socket)
// ask for it at each request, so a failover or a renewed token reaches them without being told.
struct SessionAccess
{
    ServerProfile profile;
    QSslConfiguration ssl;
    bool insecureTls = false;
    QString accessToken;
    QString username; // who the session signs in as (known before the sign-in completes)

    // A REST request to this server as this user: bearer token, JSON headers, TLS and a transfer
    // timeout, the same for the list, the detail and the actions. path: "/api/noc/alerts/" and the
    // like (the trailing slash matters: a POST without it is redirected and loses its body).
    [[nodiscard]] QNetworkRequest request(const QString &path, const QUrlQuery &query = {},
                                          bool jsonBody = false) const;
};

} // namespace noc
