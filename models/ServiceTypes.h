// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "AlertAction.h"
#include "ChannelHealth.h"
#include "FrameRecord.h"
#include "NocClient.h"
#include "Severity.h"

#include <QtQml/qqml.h>

// The services layer knows nothing of QML; this is where its types become visible to it, by name and
// uncreatable: the application composes the client and hands it to QML as a property.
struct NocClientForeign
{
    Q_GADGET
    QML_FOREIGN(noc::NocClient)
    QML_NAMED_ELEMENT(NocClient)
    QML_UNCREATABLE("NocClient is created by the application")
};

// The services' plain enums, by name in QML (`Severity.Critical`, not 5). The services keep them free
// of meta-objects; each value here is the service enum's own, so only a name can differ, and
// tst_uimodels compares the names with the services' words.

// noc::Severity: ordered, so `severity >= Severity.High` reads as "at least HIGH".
namespace SeverityForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(Severity)
enum Value : int
{
    Unknown = static_cast<int>(noc::Severity::Unknown),
    Info = static_cast<int>(noc::Severity::Info),
    Low = static_cast<int>(noc::Severity::Low),
    Medium = static_cast<int>(noc::Severity::Medium),
    High = static_cast<int>(noc::Severity::High),
    Critical = static_cast<int>(noc::Severity::Critical),
};
Q_ENUM_NS(Value)
static_assert(Critical + 1 == noc::kSeverityCount, "a severity without a name in QML");
} // namespace SeverityForeign

// noc::AlertStatus: the alert record's status on the server (AlertModel's `status` role).
namespace AlertStatusForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(AlertStatus)
enum Value : int
{
    Unknown = static_cast<int>(noc::AlertStatus::Unknown),
    New = static_cast<int>(noc::AlertStatus::New),
    Acknowledged = static_cast<int>(noc::AlertStatus::Acknowledged),
    Assigned = static_cast<int>(noc::AlertStatus::Assigned),
    Escalated = static_cast<int>(noc::AlertStatus::Escalated),
    Resolved = static_cast<int>(noc::AlertStatus::Resolved),
    Suppressed = static_cast<int>(noc::AlertStatus::Suppressed),
};
Q_ENUM_NS(Value)
} // namespace AlertStatusForeign

// noc::ChannelHealth::State: one socket's state (ConnectionHealthModel's `channelState` role).
namespace ChannelStateForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(ChannelState)
enum Value : int
{
    Closed = static_cast<int>(noc::ChannelHealth::State::Closed),
    Connecting = static_cast<int>(noc::ChannelHealth::State::Connecting),
    Open = static_cast<int>(noc::ChannelHealth::State::Open),
};
Q_ENUM_NS(Value)
} // namespace ChannelStateForeign

// noc::AlertKind: where an alert came from (AlertModel's `kind` role); ids are unique only within one.
namespace AlertKindForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(AlertKind)
enum Value : int
{
    Alert = static_cast<int>(noc::AlertKind::Alert),
    CriticalAlert = static_cast<int>(noc::AlertKind::CriticalAlert),
    Finding = static_cast<int>(noc::AlertKind::Finding),
    Anomaly = static_cast<int>(noc::AlertKind::Anomaly),
    Ticket = static_cast<int>(noc::AlertKind::Ticket),
    Other = static_cast<int>(noc::AlertKind::Other),
};
Q_ENUM_NS(Value)
} // namespace AlertKindForeign

// noc::AlertActionKind: the lifecycle actions over REST (the action dialog, AlertModel's `actionKind`).
namespace AlertActionKindForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(AlertActionKind)
enum Value : int
{
    Resolve = static_cast<int>(noc::AlertActionKind::Resolve),
    Assign = static_cast<int>(noc::AlertActionKind::Assign),
    Escalate = static_cast<int>(noc::AlertActionKind::Escalate),
};
Q_ENUM_NS(Value)
} // namespace AlertActionKindForeign

// noc::AlertActionState: where a row's last action stands (AlertModel's `actionState` role).
namespace ActionStateForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(ActionState)
enum Value : int
{
    None = static_cast<int>(noc::AlertActionState::None),
    Pending = static_cast<int>(noc::AlertActionState::Pending),
    Refused = static_cast<int>(noc::AlertActionState::Refused),
};
Q_ENUM_NS(Value)
} // namespace ActionStateForeign

// noc::FrameRecord::Direction: a frame received or sent (FrameLogModel's `direction` role).
namespace FrameDirectionForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(FrameDirection)
enum Value : int
{
    In = static_cast<int>(noc::FrameRecord::Direction::In),
    Out = static_cast<int>(noc::FrameRecord::Direction::Out),
};
Q_ENUM_NS(Value)
} // namespace FrameDirectionForeign
