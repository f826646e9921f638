// SPDX-License-Identifier: MIT
#include "AlertSeeder.h"

#include "AlertTexts.h"

#include <algorithm>

namespace noc::sim {

namespace {
constexpr const char *kResolutionNotes[] = { "Link restored after the carrier fixed the fibre cut.",
                                             "Rebooted the device; stable since.",
                                             "Replaced the failed PSU.",
                                             "False positive: the probe itself was down.",
                                             "Cleared old logs, disk at 61 %.",
                                             "Certificate renewed and deployed." };
constexpr const char *kEscalationReasons[] = { "Customer-facing outage, needs the network team.",
                                               "Third occurrence today.", "Needs vendor support." };
} // namespace

AlertSeeder::AlertSeeder(const SimulatorOptions &options, AlertStore &store, QRandomGenerator &rng)
    : m_options(options), m_store(store), m_rng(rng), m_colleagues(colleagues(options))
{ }

QList<const SimUser *> AlertSeeder::colleagues(const SimulatorOptions &options)
{
    // Preferably people who see every client: a colleague scoped to one client acting on another's
    // alerts would be legal (actions don't check visibility) but odd to watch.
    QList<const SimUser *> everywhere;
    QList<const SimUser *> scoped;
    for (qsizetype i = 1; i < options.users.size(); ++i) {
        const SimUser &user = options.users.at(i);
        if (user.canAcknowledge && !user.disabled) {
            (user.visibleClients.isEmpty() ? everywhere : scoped).append(&user);
        }
    }
    if (everywhere.isEmpty() && scoped.isEmpty() && !options.users.isEmpty()) {
        everywhere.append(&options.users.constFirst());
    }
    return everywhere.isEmpty() ? scoped : everywhere;
}

AlertStatus AlertSeeder::randomStatus()
{
    const int roll = m_rng.bounded(100);
    if (roll < 45) {
        return AlertStatus::New;
    }
    if (roll < 67) {
        return AlertStatus::Acknowledged;
    }
    if (roll < 82) {
        return AlertStatus::Assigned;
    }
    if (roll < 87) {
        return AlertStatus::Escalated;
    }
    if (roll < 97) {
        return AlertStatus::Resolved;
    }
    return AlertStatus::Suppressed;
}

const SimUser &AlertSeeder::anyColleague()
{
    return *m_colleagues.at(m_rng.bounded(int(m_colleagues.size())));
}

qint64 AlertSeeder::between(qint64 from, qint64 to)
{
    return to <= from ? from : from + qint64(m_rng.bounded(double(to - from)));
}

void AlertSeeder::stamp(StoredAlert &alert, AlertStatus status, qint64 now)
{
    m_store.setStatus(alert, status);
    if (status == AlertStatus::New || m_colleagues.isEmpty()) {
        return;
    }
    AlertDetails &details = m_store.detailsFor(alert.id);
    const auto note
        = [&details](const QString &action, const SimUser &who, qint64 at, const QString &comment) {
              details.history.append({ action, who.username, at, QStringLiteral("seed"), comment });
          };
    if (status == AlertStatus::Suppressed) {
        alert.suppressedCount = 1 + m_rng.bounded(12);
        alert.lastSeenMs = between(alert.firstSeenMs, now);
        return;
    }
    qint64 at = between(alert.firstSeenMs, qMin(now, alert.firstSeenMs + 20 * 60 * 1000));
    const bool acknowledged = status == AlertStatus::Acknowledged || m_rng.bounded(10) < 7;
    if (acknowledged) {
        const SimUser &who = anyColleague();
        details.acknowledged = { at, who.name() };
        note(QStringLiteral("acknowledge"), who, at, {});
        alert.lastSeenMs = at;
    }
    if (status == AlertStatus::Assigned) {
        at = between(at, now);
        // Now and then to the operator who signs in: "assigned to you" is worth seeing at start.
        const SimUser &to = m_rng.bounded(4) == 0 ? m_options.users.constFirst() : anyColleague();
        details.assigned = { at, to.name() };
        note(QStringLiteral("assign"), anyColleague(), at, QStringLiteral("to %1").arg(to.username));
        alert.lastSeenMs = at;
    } else if (status == AlertStatus::Escalated) {
        at = between(at, now);
        const QString reason = QString::fromUtf8(kEscalationReasons[m_rng.bounded(3)]);
        details.escalated = { at, {} };
        details.metadata.insert(QStringLiteral("escalation_reason"), reason);
        note(QStringLiteral("escalate"), anyColleague(), at, reason);
    } else if (status == AlertStatus::Resolved) {
        at = between(at, now);
        const SimUser &who = anyColleague();
        const QString notes = QString::fromUtf8(kResolutionNotes[m_rng.bounded(6)]);
        details.resolved = { at, who.name() };
        details.metadata.insert(QStringLiteral("resolution_notes"), notes);
        note(QStringLiteral("resolve"), who, at, notes);
        alert.lastSeenMs = at;
    }
}

QList<qint64> AlertSeeder::seed(const SeedRequest &request)
{
    const QStringList clients = request.clients.isEmpty() ? m_options.clients : request.clients;
    const int count
        = request.agesSeconds.isEmpty() ? qMax(0, request.count) : int(request.agesSeconds.size());
    if (clients.isEmpty() || count == 0) {
        return {};
    }
    const qint64 now = AlertStore::nowMs();
    QList<qint64> ages;
    for (int i = 0; i < count; ++i) {
        if (!request.agesSeconds.isEmpty()) {
            ages.append(qint64(request.agesSeconds.at(i)) * 1000);
        } else {
            const qint64 low = qint64(qMax(0, request.minAgeSeconds)) * 1000;
            const qint64 high = qMax(low, qint64(request.maxAgeSeconds) * 1000);
            // Skewed towards recent: most open alerts are hours, not days, old.
            const double skew = m_rng.generateDouble() * m_rng.generateDouble();
            ages.append(low + qint64(skew * double(high - low)));
        }
    }
    if (request.agesSeconds.isEmpty()) {
        std::sort(ages.begin(), ages.end(), std::greater<>());
    }
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        const AlertTexts::Alert random = AlertTexts::randomAlert(m_rng);
        NewAlert fresh;
        fresh.clientId = clients.at(m_rng.bounded(int(clients.size())));
        fresh.severity = request.severity.isEmpty() ? random.severity : request.severity;
        fresh.alertType = request.alertType.isEmpty() ? random.alertType : request.alertType;
        fresh.message = !request.message.isEmpty() ? request.message
            : request.alertType.isEmpty()          ? random.message
                                          : AlertTexts::messageFor(fresh.alertType, m_rng, random.site);
        fresh.siteName = m_rng.bounded(10) == 0 ? QString() : random.site;
        // Explicit ages are whole seconds on the dot: tests place alerts in the same second on purpose.
        fresh.createdMs
            = request.agesSeconds.isEmpty() ? now - ages.at(i) : (now - now % 1000) - ages.at(i) + 500;
        const qint64 id = m_store.add(fresh);
        const AlertStatus status = request.statuses.isEmpty()
            ? randomStatus()
            : AlertStatusNames::fromCode(request.statuses.at(i % request.statuses.size()))
                  .value_or(AlertStatus::New);
        stamp(*m_store.find(id), status, now);
        ids.append(id);
    }
    return ids;
}

} // namespace noc::sim
