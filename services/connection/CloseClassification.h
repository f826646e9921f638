// SPDX-License-Identifier: MIT
#pragma once

#include "ConnectionStateMachine.h"

#include <QString>

namespace noc {

struct ChannelClose;

// How the end of a dashboard socket the operator did not ask for reads to the reconnection policy:
// which state-machine event it is, and the words the operator sees.
struct CloseVerdict
{
    ConnectionStateMachine::Event event = ConnectionStateMachine::Event::ClosedByServer;
    QString message;
};

[[nodiscard]] CloseVerdict classifyDashboardClose(const ChannelClose &close);

} // namespace noc
