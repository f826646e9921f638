// SPDX-License-Identifier: MIT
#pragma once

#include "ServerEvent.h"
#include "SessionAccess.h"

#include <QObject>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace noc {

class AlertFeed;
class Backoff;
class Clock;
class Timer;
class WebSocketChannel;
struct ChannelClose;

// The presence socket beside the dashboard. It is secondary: its loss never takes the alert feed down.
// It opens once the dashboard is live, retries on its own (a 4408, we were too quiet, at once; else
// with the session's backoff), follows the heartbeat interval the server announces, and carries the
// developer tools' ping and stats.
class PresenceLink : public QObject
{
    Q_OBJECT

public:
    PresenceLink(WebSocketChannel *presence, AlertFeed *feed, const Clock *clock, QObject *parent = nullptr);
    ~PresenceLink() override;

    void setAccess(std::function<SessionAccess()> access) { m_access = std::move(access); }
    // The session's policy paces the retries. Not owned.
    void setBackoff(const Backoff *backoff) { m_backoff = backoff; }
    // Whether the session is live: only then does presence retry.
    void setLive(bool live) { m_live = live; }

    // The dashboard is live: presence follows.
    void open();
    // The dashboard went down: presence goes with it and waits for the next open().
    void close();
    void stopRetrying();
    void handle(ServerEvent &&event);

    // False when presence is not open.
    bool ping();
    bool requestStats();

Q_SIGNALS:
    void userStatusReceived(const noc::UserStatusEvent &status);
    void pongReceived(int roundTripMs);
    // uptime_seconds, message_count, last_heartbeat_ago, user_type (those the server sent).
    void statsReceived(const QVariantMap &stats);

private:
    void onClosed(const ChannelClose &close);

    WebSocketChannel *m_presence;
    AlertFeed *m_feed;
    const Clock *m_clock;
    const Backoff *m_backoff = nullptr;
    std::function<SessionAccess()> m_access;
    std::unique_ptr<Timer> m_retryTimer;
    bool m_live = false;
    int m_attempt = 0;
    qint64 m_pingSentMs = -1;
};

} // namespace noc
