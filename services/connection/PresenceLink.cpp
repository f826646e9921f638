// SPDX-License-Identifier: MIT
#include "PresenceLink.h"

#include "AlertFeed.h"
#include "Backoff.h"
#include "ClientCommands.h"
#include "Clock.h"
#include "WebSocketChannel.h"

namespace noc {

using namespace Qt::StringLiterals;

PresenceLink::PresenceLink(WebSocketChannel *presence, AlertFeed *feed, const Clock *clock, QObject *parent)
    : QObject(parent), m_presence(presence), m_feed(feed), m_clock(clock), m_retryTimer(clock->createTimer())
{
    connect(m_presence, &WebSocketChannel::closed, this, &PresenceLink::onClosed);
    m_retryTimer->onTimeout = [this] {
        if (m_live && m_presence->state() == WebSocketChannel::State::Closed && m_access) {
            const SessionAccess access = m_access();
            m_presence->open(access.profile, access.accessToken);
        }
    };
}

PresenceLink::~PresenceLink() = default;

void PresenceLink::open()
{
    m_attempt = 0;
    if (m_access) {
        const SessionAccess access = m_access();
        m_presence->open(access.profile, access.accessToken);
    }
}

void PresenceLink::close()
{
    m_presence->close();
    m_retryTimer->stop();
}

void PresenceLink::stopRetrying()
{
    m_retryTimer->stop();
}

void PresenceLink::onClosed(const ChannelClose &close)
{
    if (close.requestedByUs || !m_live)
        return;
    const qint64 delay = close.closeCode == 4408 || !m_backoff ? 0 : m_backoff->delayMs(m_attempt++);
    m_retryTimer->start(delay);
}

void PresenceLink::handle(ServerEvent &&event)
{
    if (const auto *established = std::get_if<ConnectionEstablishedEvent>(&event)) {
        m_presence->setHeartbeatIntervalSeconds(established->heartbeatIntervalSeconds);
        m_attempt = 0;
    } else if (const auto *status = std::get_if<UserStatusEvent>(&event)) {
        Q_EMIT userStatusReceived(*status);
    } else if (auto *alert = std::get_if<AlertEvent>(&event)) {
        m_feed->add(std::move(alert->alert));
    } else if (std::holds_alternative<PongEvent>(event) && m_pingSentMs >= 0) {
        Q_EMIT pongReceived(static_cast<int>(m_clock->monotonicMs() - std::exchange(m_pingSentMs, -1)));
    } else if (const auto *stats = std::get_if<StatsEvent>(&event)) {
        QVariantMap fields;
        if (stats->uptimeSeconds)
            fields.insert(u"uptime_seconds"_s, *stats->uptimeSeconds);
        if (stats->messageCount)
            fields.insert(u"message_count"_s, *stats->messageCount);
        if (stats->lastHeartbeatAgoSeconds)
            fields.insert(u"last_heartbeat_ago"_s, *stats->lastHeartbeatAgoSeconds);
        if (!stats->userType.isEmpty())
            fields.insert(u"user_type"_s, stats->userType);
        Q_EMIT statsReceived(fields);
    }
}

bool PresenceLink::ping()
{
    if (m_presence->state() != WebSocketChannel::State::Open || !m_presence->sendFrame(commands::ping()))
        return false;
    m_pingSentMs = m_clock->monotonicMs();
    return true;
}

bool PresenceLink::requestStats()
{
    return m_presence->state() == WebSocketChannel::State::Open
        && m_presence->sendFrame(commands::getStats());
}

} // namespace noc
