// SPDX-License-Identifier: MIT
#include "CloseClassification.h"

#include "WebSocketChannel.h"

#include <QCoreApplication>

namespace noc {

using namespace Qt::StringLiterals;
using Event = ConnectionStateMachine::Event;

namespace {
// The context these words are looked up in is the one lupdate files them under (a bare tr() helper
// had them filed under "noc" and looked up under another: German showed them in English).
struct CloseWords
{
    Q_DECLARE_TR_FUNCTIONS(noc::CloseClassification)
};
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
                 CloseWords::tr(
                     "The server refused the connection (permission, Origin or connection limit)") };
    if (close.tlsError)
        return { Event::ConnectFailed, close.reason };
    if (close.handshakeStatus != 0)
        return {
            Event::ConnectFailed,
            CloseWords::tr("The server answered HTTP %1 to the WebSocket upgrade").arg(close.handshakeStatus)
        };
    if (close.neverOpened && close.closeCode == 0)
        return { Event::ConnectFailed, CloseWords::tr("Cannot reach the server: %1").arg(close.reason) };
    switch (close.closeCode) {
    case 4408:
        return { Event::ClosedPresenceTimeout,
                 CloseWords::tr("The server closed the connection (%1)").arg(why) };
    case 4401:
        return { Event::ClosedUnauthorized,
                 CloseWords::tr("The server closed the connection (%1)").arg(why) };
    case 4429:
        return { Event::ClosedTooManyConnections, CloseWords::tr("Too many connections (%1)").arg(why) };
    case 1011:
        return { Event::ClosedServerError, CloseWords::tr("Server error (%1)").arg(why) };
    default:
        break;
    }
    return { Event::ClosedByServer,
             why.isEmpty() ? CloseWords::tr("Connection lost")
                           : CloseWords::tr("The server closed the connection (%1)").arg(why) };
}

} // namespace noc
