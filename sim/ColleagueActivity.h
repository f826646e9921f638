// SPDX-License-Identifier: MIT
#pragma once

#include "SimulatorOptions.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace noc::sim {

class Simulator;

// Colleagues at other desks: now and then one of them acknowledges, assigns, resolves or escalates a
// recent open alert through the REST alert API, so every side effect (1011 or alert_updated) follows.
class ColleagueActivity : public QObject
{
    Q_OBJECT
public:
    ColleagueActivity(Simulator &simulator, const TrafficOptions &options);

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }

    // One action now; false when there was no open alert or no colleague.
    bool actOnce();

private:
    void scheduleNext();

    Simulator &m_simulator;
    int m_minMs;
    int m_maxMs;
    QRandomGenerator m_rng;
    QTimer m_timer;
};

} // namespace noc::sim
