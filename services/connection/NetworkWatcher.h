// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <memory>

namespace noc {

class Clock;
class Timer;

// Tells the engine when retrying at once makes sense: the network came back (QNetworkInformation), or
// the machine woke from sleep (the wall clock jumped ahead of the monotonic clock, which stands still
// while suspended). Both beat waiting out a 30 s backoff on a wall screen.
class NetworkWatcher : public QObject
{
    Q_OBJECT
public:
    NetworkWatcher(const Clock *clock, QObject *parent = nullptr);
    ~NetworkWatcher() override;

    // Which QNetworkInformation backend is in use; empty when none could be loaded.
    [[nodiscard]] QString backendName() const { return m_backend; }

    static constexpr qint64 kResumeCheckMs = 10000;
    static constexpr qint64 kResumeSlackMs = 5000;

Q_SIGNALS:
    void networkRestored();
    void resumed();

private:
    void checkResume();

    const Clock *m_clock;
    std::unique_ptr<Timer> m_resumeTimer;
    qint64 m_lastMono = 0;
    qint64 m_lastWallMs = 0;
    QString m_backend;
    bool m_wasOnline = true;
};

} // namespace noc
