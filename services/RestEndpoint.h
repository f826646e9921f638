// SPDX-License-Identifier: MIT
#pragma once

#include "ServerProfile.h"

#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace noc {

// Where and how the REST alert API is called (PROTOCOL.md section 6): the server, its TLS and the
// session's access token. One place builds every request, so the bearer header, the JSON headers
// and the transfer timeout are the same for the list, the detail and the actions.
struct RestEndpoint
{
    ServerProfile profile;
    QSslConfiguration ssl;
    bool insecure = false; // the operator opted out of TLS verification
    QString accessToken;

    // path: "/api/noc/alerts/" and the like (trailing slash: a POST without it loses its body).
    [[nodiscard]] QNetworkRequest request(const QString &path, const QUrlQuery &query = {},
                                          bool jsonBody = false) const;
};

} // namespace noc
