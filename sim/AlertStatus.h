// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace noc::sim {

// The server's alert lifecycle (PROTOCOL.md section 6). Open = NEW, ACKNOWLEDGED, ASSIGNED, ESCALATED.
enum class AlertStatus : quint8
{
    New,
    Acknowledged,
    Assigned,
    Escalated,
    Resolved,
    Suppressed
};

class AlertStatusNames
{
public:
    [[nodiscard]] static QString code(AlertStatus status); // "ACKNOWLEDGED"
    [[nodiscard]] static QString display(AlertStatus status); // "Acknowledged"
    // Exact and case-sensitive, like the list's filter.
    [[nodiscard]] static std::optional<AlertStatus> fromCode(const QString &code);
    [[nodiscard]] static bool isOpen(AlertStatus status)
    {
        return status != AlertStatus::Resolved && status != AlertStatus::Suppressed;
    }
};

} // namespace noc::sim
