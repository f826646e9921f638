// SPDX-License-Identifier: MIT
#pragma once

#include "SimSocket.h"

#include <QElapsedTimer>
#include <QTimer>

namespace noc::sim {

// /ws/noc/presence/: heartbeats both ways, ping/pong, stats, and the 4408 close for a client that
// stayed silent longer than presence_timeout. No rate limit here.
class PresenceSocket : public SimSocket
{
    Q_OBJECT
public:
    PresenceSocket(std::unique_ptr<QWebSocket> socket, Identity identity, QTcpSocket *transport,
                   Simulator &simulator);

protected:
    void greet() override;
    void onText(const QString &text) override;

private:
    void onHeartbeatTick();
    void heartbeat(const QJsonObject &frame);
    void error(const QString &message);

    QTimer m_heartbeatTimer;
    QElapsedTimer m_connected;
    QElapsedTimer m_lastJsonFrame;
    QElapsedTimer m_lastHeartbeat; // invalid until the first client heartbeat
    int m_messageCount = 0;
};

} // namespace noc::sim
