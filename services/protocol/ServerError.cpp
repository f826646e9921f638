// SPDX-License-Identifier: MIT
#include "ServerError.h"

#include <array>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
struct Rule
{
    QLatin1StringView prefix;
    ServerErrorClass result;
};

// The texts PROTOCOL.md section 3 lists, matched case-insensitively at the start of the message.
const std::array kRules {
    Rule { "Rate limit exceeded"_L1, { ServerErrorKind::RateLimited, ServerErrorTopic::None } },
    Rule { "Cannot acknowledge"_L1,
           { ServerErrorKind::PermissionDenied, ServerErrorTopic::Acknowledgement } },
    Rule { "Failed to acknowledge"_L1,
           { ServerErrorKind::AcknowledgeFailed, ServerErrorTopic::Acknowledgement } },
    Rule { "alert_id required"_L1, { ServerErrorKind::MissingField, ServerErrorTopic::Acknowledgement } },
    Rule { "Insufficient permissions"_L1,
           { ServerErrorKind::PermissionDenied, ServerErrorTopic::Subscription } },
    Rule { "client_id required"_L1, { ServerErrorKind::MissingField, ServerErrorTopic::Subscription } },
    Rule { "Unknown message type"_L1, { ServerErrorKind::UnknownMessageType, ServerErrorTopic::None } },
    Rule { "Invalid JSON"_L1, { ServerErrorKind::InvalidJson, ServerErrorTopic::None } },
    Rule { "Invalid message"_L1, { ServerErrorKind::InvalidMessage, ServerErrorTopic::None } },
};
} // namespace

ServerErrorClass classifyServerError(const QString &message)
{
    const QString text = message.trimmed();
    for (const Rule &rule : kRules) {
        if (text.startsWith(rule.prefix, Qt::CaseInsensitive))
            return rule.result;
    }
    return {};
}

QString serverErrorKindName(ServerErrorKind kind)
{
    switch (kind) {
    case ServerErrorKind::RateLimited:
        return u"rate_limited"_s;
    case ServerErrorKind::PermissionDenied:
        return u"permission_denied"_s;
    case ServerErrorKind::AcknowledgeFailed:
        return u"acknowledge_failed"_s;
    case ServerErrorKind::MissingField:
        return u"missing_field"_s;
    case ServerErrorKind::UnknownMessageType:
        return u"unknown_message_type"_s;
    case ServerErrorKind::InvalidJson:
        return u"invalid_json"_s;
    case ServerErrorKind::InvalidMessage:
        return u"invalid_message"_s;
    case ServerErrorKind::Other:
        break;
    }
    return u"other"_s;
}

} // namespace noc
