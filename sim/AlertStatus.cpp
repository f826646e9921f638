// SPDX-License-Identifier: MIT
#include "AlertStatus.h"

namespace noc::sim {

namespace {
constexpr AlertStatus kAll[] = { AlertStatus::New,       AlertStatus::Acknowledged, AlertStatus::Assigned,
                                 AlertStatus::Escalated, AlertStatus::Resolved,     AlertStatus::Suppressed };
}

QString AlertStatusNames::code(AlertStatus status)
{
    switch (status) {
    case AlertStatus::New:
        return QStringLiteral("NEW");
    case AlertStatus::Acknowledged:
        return QStringLiteral("ACKNOWLEDGED");
    case AlertStatus::Assigned:
        return QStringLiteral("ASSIGNED");
    case AlertStatus::Escalated:
        return QStringLiteral("ESCALATED");
    case AlertStatus::Resolved:
        return QStringLiteral("RESOLVED");
    case AlertStatus::Suppressed:
        return QStringLiteral("SUPPRESSED");
    }
    return {};
}

QString AlertStatusNames::display(AlertStatus status)
{
    const QString upper = code(status);
    return upper.left(1) + upper.mid(1).toLower();
}

std::optional<AlertStatus> AlertStatusNames::fromCode(const QString &code)
{
    for (const AlertStatus status : kAll) {
        if (code == AlertStatusNames::code(status)) {
            return status;
        }
    }
    return std::nullopt;
}

} // namespace noc::sim
