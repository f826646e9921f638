// SPDX-License-Identifier: MIT
#pragma once

#include "SimulatorOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace noc::sim {

class Simulator;

// Automatic traffic: a steady alert rate, periodic bursts (all in one event-loop turn, the way a
// flapping uplink floods a real NOC), tenant-wide events and presence updates. The content is
// deterministic for a seed; only the timing follows the wall clock.
class TrafficGenerator : public QObject
{
    Q_OBJECT
public:
    TrafficGenerator(Simulator &simulator, const TrafficOptions &options);

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    // Alerts per second from now on (a storm, then calm again); restarts the timers if running.
    void setAlertRate(double perSecond);

    // One step each, for the control API and tests.
    void emitAlerts(int count);
    void emitTenantEvent();
    void emitPresenceUpdate();

private:
    void onAlertTick();

    Simulator &m_simulator;
    TrafficOptions m_options;
    QRandomGenerator m_rng;
    QTimer m_alertTimer;
    QTimer m_burstTimer;
    QTimer m_tenantTimer;
    QTimer m_presenceTimer;
    QElapsedTimer m_sinceTick;
    double m_owed = 0; // fractional alerts carried to the next tick
    qint64 m_nextEventId = 1;
    bool m_running = false;
};

} // namespace noc::sim
