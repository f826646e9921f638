// SPDX-License-Identifier: MIT
#include "ColleagueActivity.h"

#include "AlertSeeder.h"
#include "Simulator.h"

namespace noc::sim {

namespace {
constexpr int kRecentOpenAlerts = 300; // colleagues work on what is current, not on last week's
}

ColleagueActivity::ColleagueActivity(Simulator &simulator, const TrafficOptions &options)
    : m_simulator(simulator)
    , m_minMs(qMax(0, options.colleagueMinIntervalMs))
    , m_maxMs(qMax(options.colleagueMinIntervalMs, options.colleagueMaxIntervalMs))
    , m_rng(options.seed ^ 0xc011ea9eU)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        actOnce();
        scheduleNext();
    });
}

void ColleagueActivity::start()
{
    if (m_minMs > 0) {
        scheduleNext();
    }
}

void ColleagueActivity::stop()
{
    m_timer.stop();
}

void ColleagueActivity::scheduleNext()
{
    m_timer.start(m_minMs + (m_maxMs > m_minMs ? m_rng.bounded(m_maxMs - m_minMs) : 0));
}

bool ColleagueActivity::actOnce()
{
    const QList<const SimUser *> colleagues = AlertSeeder::colleagues(m_simulator.options());
    if (colleagues.isEmpty()) {
        return false;
    }
    const SimUser &colleague = *colleagues.at(m_rng.bounded(int(colleagues.size())));
    QList<const StoredAlert *> open;
    m_simulator.alertStore().forEachNewestFirst([&](const StoredAlert &alert) {
        if (AlertStatusNames::isOpen(alert.status)
            && m_simulator.options().canSeeClient(colleague, alert.clientId)) {
            open.append(&alert);
        }
        return open.size() < kRecentOpenAlerts;
    });
    if (open.isEmpty()) {
        return false;
    }
    const StoredAlert &alert = *open.at(m_rng.bounded(int(open.size())));
    const int roll = m_rng.bounded(100);
    QString action;
    if (alert.status == AlertStatus::New) {
        action = roll < 50 ? QStringLiteral("ack")
            : roll < 75    ? QStringLiteral("assign")
            : roll < 95    ? QStringLiteral("resolve")
                           : QStringLiteral("escalate");
    } else {
        action = roll < 60 ? QStringLiteral("resolve")
            : roll < 85    ? QStringLiteral("assign")
                           : QStringLiteral("escalate");
    }
    if (action == QLatin1String("escalate") && !colleague.canEscalate) {
        action = QStringLiteral("resolve");
    }
    m_simulator.actOnAlert(colleague.username, action, alert.id);
    return true;
}

} // namespace noc::sim
