// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"

#include <optional>

namespace noc::escalation {

// A critical_alert names the alert it escalates by source_id: alert_new and critical_alert about one
// source are one incident, pushed twice. Only critical incidents are escalated.
[[nodiscard]] bool mayBeEscalated(const Alert &alert);
// The identity the other half of the incident would have.
[[nodiscard]] AlertIdentity twinIdentity(const Alert &alert);
[[nodiscard]] bool areTwins(const Alert &a, const Alert &b);
// Keeps the acknowledgeable alert_new identity in `into` and takes what only the critical_alert knows.
void absorb(Alert &into, const Alert &from);

// The entry of an index of rows by identity (a QHash<AlertIdentity, V>) that holds the other half of
// this incident, where the two may merge. The merged row keeps the alert_new identity: when that alert
// already has an entry of its own (the critical_alert was about another type), merging would orphan it.
template<typename Index>
[[nodiscard]] std::optional<typename Index::mapped_type> twinIn(const Alert &alert, const Index &index)
{
    // Only critical incidents are escalated: everything else skips the lookups (most of a storm).
    if (!mayBeEscalated(alert))
        return std::nullopt;
    const auto twin = index.constFind(twinIdentity(alert));
    if (twin == index.constEnd())
        return std::nullopt;
    if (const auto own = index.constFind(AlertIdentity { AlertKind::Alert, alert.id });
        own != index.constEnd() && own.value() != twin.value())
        return std::nullopt;
    return twin.value();
}

} // namespace noc::escalation
