// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace noc {

// Ordered so that a plain comparison sorts by urgency. Unknown sits below Info: a severity the
// server invents later must still show up, but never outrank a known CRITICAL.
enum class Severity : quint8
{
    Unknown = 0,
    Info,
    Low,
    Medium,
    High,
    Critical
};

inline constexpr int kSeverityCount = 6;

[[nodiscard]] Severity severityFromString(QStringView text);
[[nodiscard]] QString severityName(Severity severity);

} // namespace noc
