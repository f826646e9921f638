// SPDX-License-Identifier: MIT
#pragma once

#include "ChannelHealth.h"
#include "ServerEvent.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace noc {

class Clock;
class Timer;
class WebSocketChannel;

// How fresh the session's data is: stale unless live and the dashboard keeps hearing frames (checked
// every 2 s while live), the dashboard's round trip, the last frame heard on any channel, and the
// frames this client could not read.
class SessionHealth : public QObject
{
    Q_OBJECT

public:
    SessionHealth(WebSocketChannel *dashboard, WebSocketChannel *presence, const Clock *clock,
                  QObject *parent = nullptr);
    ~SessionHealth() override;

    // Every frame a channel decoded, before it is routed.
    void noteFrame(const WebSocketChannel *channel, const ServerEvent &event);
    // The session's state changed: checks now, and every 2 s while live.
    void setLive(bool live);
    void stop();

    [[nodiscard]] bool isStale() const { return m_stale; }
    [[nodiscard]] int rttMs() const { return m_rttMs; }
    [[nodiscard]] QDateTime lastFrameAt() const { return m_lastFrameAt; }
    [[nodiscard]] qint64 unknownFrames() const { return m_unknownFrames; }
    [[nodiscard]] qint64 malformedFrames() const { return m_malformedFrames; }
    [[nodiscard]] QList<ChannelHealth> channels() const;

Q_SIGNALS:
    void staleChanged();
    void changed();
    void rttSampled(const QString &channel, int milliseconds, const QDateTime &at);
    // A well-formed frame of a type this client does not know.
    void unknownEventReceived(const noc::UnknownEvent &event);

private:
    void update();

    WebSocketChannel *m_dashboard;
    WebSocketChannel *m_presence;
    const Clock *m_clock;
    std::unique_ptr<Timer> m_timer;
    bool m_live = false;
    bool m_stale = true;
    int m_rttMs = -1;
    QDateTime m_lastFrameAt;
    qint64 m_unknownFrames = 0;
    qint64 m_malformedFrames = 0;
};

} // namespace noc
