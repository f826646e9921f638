// SPDX-License-Identifier: MIT
#pragma once

#include "SimulatorOptions.h"

#include <QHostAddress>
#include <QThread>
#include <QUrl>

namespace noc::sim {

class Simulator;

// A Simulator on its own QThread, so a burst of alerts never blocks the caller's (GUI) thread.
// The Simulator is created, run and destroyed inside that thread.
class EmbeddedSimulator
{
public:
    explicit EmbeddedSimulator(SimulatorOptions options);
    ~EmbeddedSimulator(); // stops and joins the thread
    EmbeddedSimulator(const EmbeddedSimulator &) = delete;
    EmbeddedSimulator &operator=(const EmbeddedSimulator &) = delete;

    // Blocks until the simulator listens (true) or failed to (false).
    bool start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] QUrl httpUrl() const { return m_url; }
    [[nodiscard]] quint16 port() const { return m_port; }
    // Lives in another thread: use only via QMetaObject::invokeMethod(simulator(), ...).
    [[nodiscard]] Simulator *simulator() const { return m_simulator; }

private:
    SimulatorOptions m_options;
    QThread m_thread;
    QObject *m_anchor = nullptr; // lives in m_thread; the context for calls into it
    Simulator *m_simulator = nullptr;
    QUrl m_url;
    quint16 m_port = 0;
};

} // namespace noc::sim
