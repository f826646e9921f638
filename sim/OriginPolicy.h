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
    [[nodiscard]] bool isAllowed(const QByteArray &origin) const;

private:
    [[nodiscard]] static bool matches(const QUrl &origin, const QUrl &allowed);

    QStringList m_extra;
    quint16 m_port = 0;
};

} // namespace noc::sim
