// SPDX-License-Identifier: MIT
#include "TrafficGenerator.h"

#include "AlertTexts.h"
#include "Simulator.h"

#include <cmath>

namespace noc::sim {

TrafficGenerator::TrafficGenerator(Simulator &simulator, const TrafficOptions &options)
    : m_simulator(simulator), m_options(options), m_rng(options.seed)
{
    connect(&m_alertTimer, &QTimer::timeout, this, &TrafficGenerator::onAlertTick);
    connect(&m_burstTimer, &QTimer::timeout, this, [this] { emitAlerts(m_options.burstSize); });
    connect(&m_tenantTimer, &QTimer::timeout, this, &TrafficGenerator::emitTenantEvent);
    connect(&m_presenceTimer, &QTimer::timeout, this, &TrafficGenerator::emitPresenceUpdate);
    m_alertTimer.setTimerType(Qt::PreciseTimer);
}

void TrafficGenerator::start()
{
    stop();
    m_running = true;
    if (m_options.alertsPerSecond > 0) {
        // Tick often enough for the rate but no faster than 100 Hz; fractions carry over.
        m_alertTimer.start(std::clamp(int(1000.0 / m_options.alertsPerSecond), 10, 1000));
        m_sinceTick.start();
        m_owed = 0;
    }
    if (m_options.burstSize > 0 && m_options.burstIntervalMs > 0) {
        m_burstTimer.start(m_options.burstIntervalMs);
    }
    if (m_options.tenantEventsPerMinute > 0) {
        m_tenantTimer.start(qMax(10, int(60000.0 / m_options.tenantEventsPerMinute)));
    }
    if (m_options.presenceUpdatesPerMinute > 0) {
        m_presenceTimer.start(qMax(10, int(60000.0 / m_options.presenceUpdatesPerMinute)));
    }
}

void TrafficGenerator::stop()
{
    m_running = false;
    m_alertTimer.stop();
    m_burstTimer.stop();
    m_tenantTimer.stop();
    m_presenceTimer.stop();
}

void TrafficGenerator::setAlertRate(double perSecond)
{
    m_options.alertsPerSecond = std::max(0.0, perSecond);
    if (m_running) {
        start();
    }
}

void TrafficGenerator::onAlertTick()
{
    m_owed += m_options.alertsPerSecond * double(m_sinceTick.restart()) / 1000.0;
    const double whole = std::floor(m_owed);
    m_owed -= whole;
    emitAlerts(int(whole));
}

void TrafficGenerator::emitAlerts(int count)
{
    const QStringList clients = m_simulator.options().clients;
    if (clients.isEmpty()) {
        return;
    }
    for (int i = 0; i < count; ++i) {
        const QString client = clients.at(m_rng.bounded(int(clients.size())));
        const AlertTexts::Alert alert = AlertTexts::randomAlert(m_rng);
        const QString id
            = m_simulator.publishAlert(client, alert.severity, alert.alertType, alert.message, alert.site);
        // Some critical alerts also page the whole tenant, as the escalation service does.
        if (alert.severity == QLatin1String("CRITICAL") && m_rng.bounded(2) == 0) {
            QJsonObject fields = AlertTexts::criticalAlert(m_rng, id.toLongLong(), alert.site);
            fields.insert(QStringLiteral("alert_type"), alert.alertType);
            fields.insert(QStringLiteral("message"), alert.message);
            m_simulator.publishCriticalAlert(fields);
        }
    }
}

void TrafficGenerator::emitTenantEvent()
{
    const qint64 id = m_nextEventId++;
    switch (m_rng.bounded(4)) {
    case 0:
        m_simulator.publishCriticalAlert(AlertTexts::criticalAlert(m_rng, 90000 + id));
        break;
    case 1:
        m_simulator.publishFinding(AlertTexts::finding(m_rng, 3000 + id));
        break;
    case 2:
        m_simulator.publishAnomaly(AlertTexts::anomaly(m_rng, 7000 + id));
        break;
    default:
        m_simulator.publishTicketUpdate(AlertTexts::ticketUpdate(m_rng, 12000 + id));
        break;
    }
}

void TrafficGenerator::emitPresenceUpdate()
{
    const QList<SimUser> &users = m_simulator.options().users;
    if (users.isEmpty()) {
        return;
    }
    const SimUser &user = users.at(m_rng.bounded(int(users.size())));
    m_simulator.publishUserStatus(user.id, AlertTexts::randomPresenceState(m_rng));
}

} // namespace noc::sim
