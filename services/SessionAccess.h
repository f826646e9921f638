// SPDX-License-Identifier: MIT
#pragma once

#include "ServerProfile.h"

#include <QSslConfiguration>
#include <QString>

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
};

} // namespace noc
