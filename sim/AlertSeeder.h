// SPDX-License-Identifier: MIT
#pragma once

#include "AlertStore.h"
#include "SimulatorOptions.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

namespace noc::sim {

// What to put in the store without pushing it to anyone: the alerts that were already open (or
// handled) before a client started.
struct SeedRequest
{
    int count = 10;
    QStringList statuses; // status codes, used in turn; empty = a realistic mix
    QStringList clients; // empty = every client
    int minAgeSeconds = 120;
    int maxAgeSeconds = 8 * 3600;
    QList<int> agesSeconds; // one per alert, in order; overrides min/max (cdtz = now - age, whole second)
    QString severity; // empty = weighted random
    QString alertType; // empty = random
    QString message; // empty = realistic for the type
};

// Fills the store with realistic records: colleagues acknowledged, assigned, escalated and resolved
// some of them at plausible times, older alerts have lower ids.
class AlertSeeder
{
public:
    AlertSeeder(const SimulatorOptions &options, AlertStore &store, QRandomGenerator &rng);

    // The new ids, oldest first. Unknown statuses or clients are the caller's to refuse.
    QList<qint64> seed(const SeedRequest &request);

    // Users who act on alerts besides the signed-in operator (the first user): those who may
    // acknowledge and are not disabled.
    [[nodiscard]] static QList<const SimUser *> colleagues(const SimulatorOptions &options);

private:
    [[nodiscard]] AlertStatus randomStatus();
    [[nodiscard]] const SimUser &anyColleague();
    [[nodiscard]] qint64 between(qint64 from, qint64 to);
    void stamp(StoredAlert &alert, AlertStatus status, qint64 now);

    const SimulatorOptions &m_options;
    AlertStore &m_store;
    QRandomGenerator &m_rng;
    QList<const SimUser *> m_colleagues;
};

} // namespace noc::sim
