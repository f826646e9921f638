// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace noc {

// The dashboard endpoint answers refusals with {"type": "error", "message": "..."} and no code: the
// decoder reads the text once into these, so the engine switches on a value instead of matching prefixes.
enum class ServerErrorKind : quint8
{
    RateLimited, // "Rate limit exceeded": the frame was dropped, not refused
    PermissionDenied, // "Insufficient permissions", "Cannot acknowledge alerts"
    AcknowledgeFailed, // "Failed to acknowledge: ..." (the server could not, e.g. unknown state)
    MissingField, // "alert_id required", "client_id required"
    UnknownMessageType, // "Unknown message type: X"
    InvalidJson, // "Invalid JSON data"
    InvalidMessage, // "Invalid message: ..."
    Other
};

// Which command an error answers. The server answers in order, so an error about an acknowledgement is
// about the oldest one in flight, one about a subscription about the oldest unconfirmed subscription.
enum class ServerErrorTopic : quint8
{
    None,
    Acknowledgement,
    Subscription
};

struct ServerErrorClass
{
    ServerErrorKind kind = ServerErrorKind::Other;
    ServerErrorTopic topic = ServerErrorTopic::None;
};

[[nodiscard]] ServerErrorClass classifyServerError(const QString &message);
[[nodiscard]] QString serverErrorKindName(ServerErrorKind kind);

} // namespace noc
