// SPDX-License-Identifier: MIT
#include "DemoBackend.h"

#include "sim/EmbeddedSimulator.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

using namespace Qt::StringLiterals;

DemoBackend::DemoBackend()
    : m_simulator(std::make_unique<noc::sim::EmbeddedSimulator>(noc::sim::SimulatorOptions::demo()))
{ }

DemoBackend::~DemoBackend() = default;

bool DemoBackend::start()
{
    return m_simulator->start(QHostAddress::LocalHost, 0);
}

noc::ServerProfile DemoBackend::profile() const
{
    noc::ServerProfile profile;
    profile.baseUrl = m_simulator->httpUrl();
    return profile;
}

QString DemoBackend::username() const
{
    return u"operator"_s;
}

QString DemoBackend::password() const
{
    return u"operator"_s;
}

QStringList DemoBackend::clients() const
{
    // Written once before the simulator started listening and never after: safe to read here.
    return m_simulator->simulator()->options().clients;
}
