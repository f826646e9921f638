// SPDX-License-Identifier: MIT
#include "Escalation.h"

namespace noc::escalation {

bool mayBeEscalated(const Alert &alert)
{
    return (alert.kind == AlertKind::Alert || alert.kind == AlertKind::CriticalAlert)
        && alert.severity == Severity::Critical;
}

AlertIdentity twinIdentity(const Alert &alert)
{
    return { alert.kind == AlertKind::Alert ? AlertKind::CriticalAlert : AlertKind::Alert, alert.id };
}

bool areTwins(const Alert &a, const Alert &b)
{
    return a.id == b.id && a.type == b.type && a.kind != b.kind
        && (a.kind == AlertKind::CriticalAlert || b.kind == AlertKind::CriticalAlert)
        && (a.kind == AlertKind::Alert || b.kind == AlertKind::Alert);
}

void absorb(Alert &into, const Alert &from)
{
    const bool keepFrom = into.kind == AlertKind::CriticalAlert;
    Alert merged = keepFrom ? from : into;
    const Alert &critical = keepFrom ? into : from;
    if (merged.location.isEmpty())
        merged.location = critical.location;
    if (merged.detail.isEmpty())
        merged.detail = critical.detail;
    if (!merged.occurredAt.isValid())
        merged.occurredAt = critical.occurredAt;
    merged.severity = std::max(merged.severity, critical.severity);
    merged.receivedAt = std::min(into.receivedAt, from.receivedAt);
    merged.serverAcknowledgeable = true; // the alert_new half is known to the server
    into = merged;
}

} // namespace noc::escalation
