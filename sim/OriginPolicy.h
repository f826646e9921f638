// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringList>
#include <QUrl>

namespace noc::sim {

// Channels' OriginValidator: the Origin header's scheme://host[:port] must be on the allow-list, and a
// handshake without an Origin header is refused.
class OriginPolicy
{
public:
    explicit OriginPolicy(QStringList extraOrigins = {});

    void setServerPort(quint16 port) { m_port = port; }
    // A TLS server's own Origins are https://, like nginx in front of the real one; http:// ones are refused.
    void setSecure(bool secure) { m_secure = secure; }
    [[nodiscard]] bool isAllowed(const QByteArray &origin) const;

private:
    [[nodiscard]] static bool matches(const QUrl &origin, const QUrl &allowed);

    QStringList m_extra;
    quint16 m_port = 0;
    bool m_secure = false;
};

} // namespace noc::sim
