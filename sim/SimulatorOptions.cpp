// SPDX-License-Identifier: MIT
#include "SimulatorOptions.h"

#include <QFile>

namespace noc::sim {

QList<SimUser> SimulatorOptions::defaultUsers()
{
    auto user = [](int id, const QString &name, const QString &displayName, bool view, bool ack,
                   bool escalate, const QStringList &clients, bool disabled) {
        SimUser u;
        u.id = id;
        u.username = name;
        u.password = name;
        u.displayName = displayName;
        u.canView = view;
        u.canAcknowledge = ack;
        u.canEscalate = escalate;
        u.visibleClients = clients;
        u.disabled = disabled;
        return u;
    };
    const QStringList all;
    return {
        user(1, QStringLiteral("operator"), QStringLiteral("Olivia Operator"), true, true, true, all, false),
        user(2, QStringLiteral("viewer"), QStringLiteral("Victor Viewer"), true, false, false, all, false),
        user(3, QStringLiteral("acme-only"), QStringLiteral("Alex Acme"), true, true, false,
             { QStringLiteral("acme") }, false),
        user(4, QStringLiteral("noview"), QStringLiteral("Nina Noview"), false, false, false, all, false),
        user(5, QStringLiteral("disabled"), QStringLiteral("Dan Disabled"), true, true, true, all, true),
        // Colleagues at other desks: the demo's and the control API's "someone else acted on it".
        user(6, QStringLiteral("anna"), QStringLiteral("Anna Schmidt"), true, true, true, all, false),
        user(7, QStringLiteral("ravi"), QStringLiteral("Ravi Patel"), true, true, true, all, false),
        user(8, QStringLiteral("chen"), QStringLiteral("Chen Wei"), true, true, true, all, false),
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
    options.traffic.colleagueMinIntervalMs = 20000;
    options.traffic.colleagueMaxIntervalMs = 40000;
    options.alertApi.list = AlertApiOptions::List::Working;
    options.alertApi.alertUpdatedCloses = false;
    options.alertApi.escalateBroken = false;
    options.alertApi.seededAlerts = 60;
    return options;
}

QString AlertApiOptions::listName(List list)
{
    switch (list) {
    case List::Working:
        return QStringLiteral("working");
    case List::Refused:
        return QStringLiteral("refused");
    case List::Absent:
        return QStringLiteral("absent");
    }
    return {};
}

std::optional<AlertApiOptions::List> AlertApiOptions::listFromName(const QString &name)
{
    for (const List list : { List::Working, List::Refused, List::Absent }) {
        if (name == listName(list)) {
            return list;
        }
    }
    return std::nullopt;
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

QString SimulatorOptions::loadTlsFiles(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot read the TLS certificate %1: %2")
            .arg(certificatePath, certificateFile.errorString());
    }
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (certificates.isEmpty() || certificates.constFirst().isNull()) {
        return QStringLiteral("%1 holds no PEM certificate").arg(certificatePath);
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot read the TLS key %1: %2").arg(keyPath, keyFile.errorString());
    }
    const QByteArray pem = keyFile.readAll();
    // QSslKey wants the algorithm up front; a PEM file does not always say it in its header.
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh }) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            break;
        }
    }
    if (key.isNull()) {
        return QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyPath);
    }
    tlsCertificate = certificates.constFirst();
    tlsChain = certificates.mid(1);
    tlsKey = key;
    return {};
}

} // namespace noc::sim
