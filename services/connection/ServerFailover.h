// SPDX-License-Identifier: MIT
#pragma once

#include "ClientSettings.h"
#include "ServerProfile.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace noc {

class Clock;
class Timer;

// Which of the configured servers the session uses: the first (preferred) one, the next in order after
// repeated failures on one, and the first again as soon as it answers while a fallback is live.
class ServerFailover : public QObject
{
    Q_OBJECT

public:
    ServerFailover(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~ServerFailover() override;

    // The servers and how to reach them; another list starts over at the first.
    void configure(const ClientSettings &settings, const QSslConfiguration &ssl);
    // How often a fallback connection checks whether the first server is back.
    void setProbeIntervalMs(qint64 milliseconds) { m_probeIntervalMs = milliseconds; }

    [[nodiscard]] qsizetype index() const { return m_index; }
    [[nodiscard]] ServerProfile current() const { return m_settings.profileFor(m_index); }
    [[nodiscard]] ServerProfile preferred() const { return m_settings.profileFor(0); }

    // A failure on the server in use is about to be retried: the second in a row moves on.
    void noteFailure();
    // Live, or started over: failures count afresh.
    void resetFailures() { m_failuresOnServer = 0; }
    // Whether the session is live: only a live fallback probes the first server.
    void setLive(bool live);

Q_SIGNALS:
    // Another server is in use: tokens and records of the old one mean nothing there.
    void serverChanged();
    // The preferred server answers again and is in use once more (after serverChanged): reconnect.
    void preferredServerBack();

private:
    void probe();

    QNetworkAccessManager *m_network;
    ClientSettings m_settings;
    QSslConfiguration m_ssl;
    qsizetype m_index = 0;
    int m_failuresOnServer = 0;
    bool m_live = false;
    qint64 m_probeIntervalMs = 30 * 1000;
    std::unique_ptr<Timer> m_probeTimer;
    QNetworkReply *m_probeReply = nullptr;
};

} // namespace noc
