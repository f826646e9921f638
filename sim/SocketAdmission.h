// SPDX-License-Identifier: MIT
#pragma once

#include "HttpReply.h"
#include "OriginPolicy.h"
#include "SimulatorOptions.h"
#include "TokenStore.h"

#include <QString>
#include <QUrlQuery>

namespace noc::sim {

// The WebSocket endpoints the simulator serves.
inline constexpr QLatin1String kDashboardPath("/ws/noc/dashboard/");
inline constexpr QLatin1String kPresencePath("/ws/noc/presence/");

// The handshake decision, in the order Channels' middleware stack makes it: Origin, route, token,
// capability, per-address socket cap. Anything but `accepted` reaches the client as an HTTP status.
struct Admission
{
    int httpStatus = 0; // 0 = accept; else 403 (refused) or 500 (no route)
    QString path;
    int userId = 0;
    QString username;
    QString reason; // for the log only: the client must not be able to tell refusals apart
    [[nodiscard]] bool accepted() const { return httpStatus == 0; }
};

class SocketAdmission
{
public:
    SocketAdmission(const SimulatorOptions &options, const TokenStore &tokens, const OriginPolicy &origins);

    [[nodiscard]] Admission decide(const HttpCall &call, const QUrlQuery &query,
                                   int socketsFromAddress) const;

    // Query "token" first, then "Authorization: Bearer", then the "ws_token" cookie.
    [[nodiscard]] static QString extractToken(const HttpCall &call, const QUrlQuery &query);

private:
    const SimulatorOptions &m_options;
    const TokenStore &m_tokens;
    const OriginPolicy &m_origins;
};

} // namespace noc::sim
