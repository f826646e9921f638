// SPDX-License-Identifier: MIT
#include "CloseClassification.h"

#include "WebSocketChannel.h"

#include <QCoreApplication>

namespace noc {

using namespace Qt::StringLiterals;
using Event = ConnectionStateMachine::Event;

namespace {
// The engine's words, translated with the engine's other messages.
QString tr(const char *text)
{
    return QCoreApplication::translate("noc::NocClient", text);
}
} // namespace

CloseVerdict classifyDashboardClose(const ChannelClose &close)
{
    const QString code = close.closeCode ? QString::number(close.closeCode) : QString();
    const QString why
        = close.reason.isEmpty() ? code : (code.isEmpty() ? close.reason : code + u": "_s + close.reason);
    // Every refusal reaches us as HTTP 403 at the upgrade (PROTOCOL.md section 2); 4403 is its
    // close-code form on other endpoints.
    if (close.livenessTimeout)
        return { Event::LivenessLost, close.reason };
    if (close.handshakeStatus == 403 || close.handshakeStatus == 401 || close.closeCode == 4403)
        return { Event::HandshakeRefused,
                 tr("The server refused the connection (permission, Origin or connection limit)") };
    if (close.tlsError)
        return { Event::ConnectFailed, close.reason };
    if (close.handshakeStatus != 0)
        return { Event::ConnectFailed,
                 tr("The server answered HTTP %1 to the WebSocket upgrade").arg(close.handshakeStatus) };
    if (close.neverOpened && close.closeCode == 0)
        return { Event::ConnectFailed, tr("Cannot reach the server: %1").arg(close.reason) };
    switch (close.closeCode) {
    case 4408:
        return { Event::ClosedPresenceTimeout, tr("The server closed the connection (%1)").arg(why) };
    case 4401:
        return { Event::ClosedUnauthorized, tr("The server closed the connection (%1)").arg(why) };
    case 4429:
        return { Event::ClosedTooManyConnections, tr("Too many connections (%1)").arg(why) };
    case 1011:
        return { Event::ClosedServerError, tr("Server error (%1)").arg(why) };
    default:
        break;
    }
    return { Event::ClosedByServer,
             why.isEmpty() ? tr("Connection lost") : tr("The server closed the connection (%1)").arg(why) };
}

} // namespace noc
