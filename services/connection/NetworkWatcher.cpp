// SPDX-License-Identifier: MIT
#include "NetworkWatcher.h"

#include "Clock.h"
#include "LoggingCategories.h"

#include <QNetworkInformation>

namespace noc {

using namespace Qt::StringLiterals;

NetworkWatcher::NetworkWatcher(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_resumeTimer(clock->createTimer())
{
    // The default backend needs NetworkManager on the system bus; the glib one works without it.
    if (QNetworkInformation::loadDefaultBackend() || QNetworkInformation::loadBackendByName(u"glib")) {
        if (auto *info = QNetworkInformation::instance()) {
            m_backend = info->backendName();
            m_wasOnline = info->reachability() != QNetworkInformation::Reachability::Disconnected;
            connect(info, &QNetworkInformation::reachabilityChanged, this,
                    [this](QNetworkInformation::Reachability reachability) {
                        const bool online = reachability != QNetworkInformation::Reachability::Disconnected;
                        if (online && !m_wasOnline) {
                            qCInfo(lcConnection) << "network reachable again";
                            Q_EMIT networkRestored();
                        }
                        m_wasOnline = online;
                    });
        }
    } else {
        qCInfo(lcConnection) << "no network information backend; relying on backoff alone";
    }
    m_lastMono = m_clock->monotonicMs();
    m_lastWallMs = m_clock->nowUtc().toMSecsSinceEpoch();
    m_resumeTimer->onTimeout = [this] { checkResume(); };
    m_resumeTimer->start(kResumeCheckMs);
}

NetworkWatcher::~NetworkWatcher() = default;

void NetworkWatcher::checkResume()
{
    const qint64 mono = m_clock->monotonicMs();
    const qint64 wall = m_clock->nowUtc().toMSecsSinceEpoch();
    const qint64 drift = (wall - m_lastWallMs) - (mono - m_lastMono);
    m_lastMono = mono;
    m_lastWallMs = wall;
    m_resumeTimer->start(kResumeCheckMs);
    if (drift > kResumeSlackMs) {
        qCInfo(lcConnection) << "resumed after about" << drift / 1000 << "s asleep";
        Q_EMIT resumed();
    }
}

} // namespace noc
