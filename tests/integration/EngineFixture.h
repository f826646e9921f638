// SPDX-License-Identifier: MIT
#pragma once

#include "NocClient.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A simulator on loopback and a client pointed at it, with no keychain and a private state folder.
struct EngineFixture
{
    noc::sim::Simulator sim;
    QTemporaryDir stateDir;
    std::unique_ptr<noc::NocClient> client;

    explicit EngineFixture(noc::sim::SimulatorOptions options = {}, const noc::Clock *clock = nullptr)
        : sim(std::move(options))
    {
        if (!sim.listen())
            qFatal("simulator could not listen");
        client = makeClient(clock);
    }

    std::unique_ptr<noc::NocClient> makeClient(const noc::Clock *clock = nullptr) const
    {
        auto c = std::make_unique<noc::NocClient>(nullptr, clock);
        c->setCredentialStore(nullptr);
        noc::ClientSettings settings;
        settings.servers = { sim.httpUrl() };
        settings.backoff.baseMs = 100;
        settings.backoff.capMs = 1000;
        settings.backoff.jitter = 0;
        settings.backoff.maxAttempts = 50;
        settings.subscriptions = { QStringLiteral("acme"), QStringLiteral("globex") };
        c->applySettings(settings);
        c->setStateDirectory(stateDir.path());
        c->setCredentials(QStringLiteral("operator"), QStringLiteral("operator"));
        return c;
    }

    [[nodiscard]] bool connected() const
    {
        return client->state() == noc::NocClient::ConnectionState::Connected;
    }
    [[nodiscard]] int framesOfType(const QString &type) const
    {
        return sim.framesReceivedByType().value(type);
    }
    [[nodiscard]] QStringList ackedIds() const
    {
        QStringList ids;
        for (const auto &ack : sim.acks())
            ids.append(ack.alertId);
        return ids;
    }
};
