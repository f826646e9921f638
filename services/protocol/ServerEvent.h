// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "ServerError.h"

#include <QDateTime>
#include <QString>
#include <QVariantMap>

#include <optional>
#include <variant>

namespace noc {

// The typed form of every frame a server sends. FrameDecoder is the only code that sees JSON;
// everything downstream switches on these.

struct ConnectedEvent // dashboard accept
{
    QString tenantId;
    QDateTime timestamp;
};

struct ConnectionEstablishedEvent // presence accept
{
    QDateTime timestamp;
    int heartbeatIntervalSeconds = 30;
    int presenceTimeoutSeconds = 300;
};

struct HeartbeatAckEvent
{
    QString echoedTimestamp; // dashboard echoes ours
    QDateTime serverTime; // presence sends its clock
    std::optional<double> latencyMs; // includes clock skew: not an RTT
    std::optional<qint64> uptimeSeconds;
};

struct ServerHeartbeatEvent
{
    QDateTime serverTime;
};

struct SubscribedEvent
{
    QString clientId;
    QString message;
};

struct AlertAcknowledgedEvent
{
    QString alertId;
};

struct ServerErrorEvent
{
    QString message;
    ServerErrorKind kind = ServerErrorKind::Other;
    ServerErrorTopic topic = ServerErrorTopic::None;
};

struct MetricsUpdateEvent
{
    QString clientId;
    QVariantMap metrics;
};

struct PongEvent
{
    QDateTime timestamp;
};

struct StatsEvent
{
    std::optional<qint64> uptimeSeconds;
    std::optional<qint64> messageCount;
    std::optional<double> lastHeartbeatAgoSeconds;
    QString userType;
};

struct UserStatusEvent
{
    QString userId;
    QString username;
    QString state; // online, busy, away, offline, or whatever a server says
    QDateTime lastSeen;
};

// A record changed on the server (any tool, any user): future servers push it, current ones close
// every dashboard socket instead (PROTOCOL.md section 6).
struct AlertUpdatedEvent
{
    QString alertId;
    AlertStatus status = AlertStatus::Unknown;
    QString message;
    QDateTime timestamp;
};

struct AlertEvent
{
    Alert alert;
};

// A well-formed object of a type we do not know: counted and kept for diagnostics.
struct UnknownEvent
{
    QString type;
    QString rawJson;
};

// Not an object, not JSON, or missing what its type requires.
struct MalformedFrame
{
    QString reason;
    QString excerpt;
};

using ServerEvent
    = std::variant<ConnectedEvent, ConnectionEstablishedEvent, HeartbeatAckEvent, ServerHeartbeatEvent,
                   SubscribedEvent, AlertAcknowledgedEvent, ServerErrorEvent, MetricsUpdateEvent, PongEvent,
                   StatsEvent, UserStatusEvent, AlertUpdatedEvent, AlertEvent, UnknownEvent, MalformedFrame>;

} // namespace noc

Q_DECLARE_METATYPE(noc::UserStatusEvent)
Q_DECLARE_METATYPE(noc::UnknownEvent)
Q_DECLARE_METATYPE(noc::AlertUpdatedEvent)
