// SPDX-License-Identifier: MIT
#include "EmbeddedSimulator.h"

#include "Simulator.h"

namespace noc::sim {

EmbeddedSimulator::EmbeddedSimulator(SimulatorOptions options) : m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("noc-sim"));
}

EmbeddedSimulator::~EmbeddedSimulator()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_anchor,
            [this] {
                delete m_simulator;
                m_simulator = nullptr;
                delete m_anchor;
                m_anchor = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

bool EmbeddedSimulator::start(const QHostAddress &address, quint16 port)
{
    if (m_simulator) {
        return false;
    }
    m_anchor = new QObject;
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    bool listening = false;
    // Created inside the thread: QAbstractHttpServer keeps a QWebSocketServer that is not a QObject
    // child, so moving a finished Simulator to the thread would leave that part behind.
    QMetaObject::invokeMethod(
        m_anchor,
        [this, &listening, address, port] {
            m_simulator = new Simulator(m_options);
            listening = m_simulator->listen(address, port);
            m_url = m_simulator->httpUrl();
            m_port = m_simulator->port();
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

} // namespace noc::sim
