// SPDX-License-Identifier: MIT
#include "SessionHealth.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "WebSocketChannel.h"

namespace noc {

namespace {
constexpr qint64 kHealthTickMs = 2000;
}

SessionHealth::SessionHealth(WebSocketChannel *dashboard, WebSocketChannel *presence, const Clock *clock,
                             QObject *parent)
    : QObject(parent)
    , m_dashboard(dashboard)
    , m_presence(presence)
    , m_clock(clock)
    , m_timer(clock->createTimer())
{
    m_timer->onTimeout = [this] { update(); };
    for (WebSocketChannel *channel : { m_dashboard, m_presence }) {
        connect(channel, &WebSocketChannel::rttMeasured, this, [this, channel](int ms) {
            if (channel == m_dashboard)
                m_rttMs = ms;
            Q_EMIT rttSampled(channel->name(), ms, m_clock->nowUtc());
            Q_EMIT changed();
        });
    }
}

SessionHealth::~SessionHealth() = default;

void SessionHealth::noteFrame(const WebSocketChannel *channel, const ServerEvent &event)
{
    m_lastFrameAt = channel->lastInboundAt();
    if (const auto *unknown = std::get_if<UnknownEvent>(&event)) {
        ++m_unknownFrames;
        qCDebug(lcProtocol) << "unknown frame type" << unknown->type;
        Q_EMIT unknownEventReceived(*unknown);
    } else if (const auto *malformed = std::get_if<MalformedFrame>(&event)) {
        ++m_malformedFrames;
        qCWarning(lcProtocol) << "malformed frame:" << malformed->reason;
    }
}

void SessionHealth::setLive(bool live)
{
    m_live = live;
    update();
}

void SessionHealth::stop()
{
    m_timer->stop();
}

QList<ChannelHealth> SessionHealth::channels() const
{
    return { m_dashboard->health(), m_presence->health() };
}

void SessionHealth::update()
{
    const bool stale = !m_live || m_dashboard->health().stale;
    if (stale != m_stale) {
        m_stale = stale;
        qCInfo(lcConnection) << (stale ? "data is stale" : "data is live");
        Q_EMIT staleChanged();
    }
    Q_EMIT changed();
    if (m_live)
        m_timer->start(kHealthTickMs);
}

} // namespace noc
