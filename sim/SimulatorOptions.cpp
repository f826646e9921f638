// SPDX-License-Identifier: MIT
#include "SimulatorOptions.h"

namespace noc::sim {

QList<SimUser> SimulatorOptions::defaultUsers()
{
    auto user
        = [](int id, const QString &name, bool view, bool ack, const QStringList &clients, bool disabled) {
              SimUser u;
              u.id = id;
              u.username = name;
              u.password = name;
              u.canView = view;
              u.canAcknowledge = ack;
              u.visibleClients = clients;
              u.disabled = disabled;
              return u;
          };
    return {
        user(1, QStringLiteral("operator"), true, true, {}, false),
        user(2, QStringLiteral("viewer"), true, false, {}, false),
        user(3, QStringLiteral("acme-only"), true, true, { QStringLiteral("acme") }, false),
        user(4, QStringLiteral("noview"), false, false, {}, false),
        user(5, QStringLiteral("disabled"), true, true, {}, true),
    };
}

QStringList SimulatorOptions::defaultClients()
{
    return { QStringLiteral("acme"),     QStringLiteral("globex"), QStringLiteral("initech"),
             QStringLiteral("umbrella"), QStringLiteral("hooli"),  QStringLiteral("soylent") };
}

SimulatorOptions SimulatorOptions::demo()
{
    SimulatorOptions options;
    options.users = defaultUsers();
    options.clients = defaultClients();
    options.traffic.alertsPerSecond = 3;
    options.traffic.burstSize = 40;
    options.traffic.burstIntervalMs = 20000;
    options.traffic.tenantEventsPerMinute = 6;
    options.traffic.presenceUpdatesPerMinute = 12;
    options.traffic.seed = 1;
    return options;
}

const SimUser *SimulatorOptions::userById(int id) const
{
    for (const SimUser &user : users) {
        if (user.id == id) {
            return &user;
        }
    }
    return nullptr;
}

const SimUser *SimulatorOptions::userByName(const QString &username) const
{
    for (const SimUser &user : users) {
        if (user.username == username) {
            return &user;
        }
    }
    return nullptr;
}

bool SimulatorOptions::canSeeClient(const SimUser &user, const QString &clientId) const
{
    if (!clients.contains(clientId)) {
        return false;
    }
    return user.visibleClients.isEmpty() || user.visibleClients.contains(clientId);
}

} // namespace noc::sim
