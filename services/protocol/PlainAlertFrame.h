// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "RecurringStrings.h"

#include <QDateTime>
#include <QStringView>

#include <optional>

namespace noc {

// The frame a storm is made of, read straight from the socket's text: a flat alert_new object of
// strings, plain integers, null, true and false ({"type": "alert_new", "alert_id": 7, "severity":
// "HIGH", ...}). Reads it exactly as FrameDecoder's general path would (same fields, same tolerance),
// without building a JSON document: that was the largest single cost of an alert. Anything else -
// another type, a fraction, a nested value, a repeated field, an escaped key, surrogates or control
// characters, no alert_id - is nullopt, and the frame takes the general path. Client, site and type
// come from `recurring` when given (the channel's, shared by its frames).
[[nodiscard]] std::optional<Alert> readPlainAlertNew(QStringView frame, const QDateTime &receivedAt,
                                                     RecurringStrings *recurring = nullptr);

} // namespace noc
