// SPDX-License-Identifier: MIT
#pragma once

#include "ServerProfile.h"

#include <QStringList>

#include <memory>

namespace noc::sim {
class EmbeddedSimulator;
}

// The simulator behind --demo, on its own thread and an ephemeral loopback port. The dashboard reaches
// it exactly as it reaches a production server: REST login and WebSockets over the network stack.
class DemoBackend
{
public:
    DemoBackend();
    ~DemoBackend();

    bool start();
    [[nodiscard]] noc::ServerProfile profile() const;
    [[nodiscard]] QString username() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] QStringList clients() const;

private:
    std::unique_ptr<noc::sim::EmbeddedSimulator> m_simulator;
};
