// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"

namespace noc::escalation {

// A critical_alert names the alert it escalates by source_id: alert_new and critical_alert about one
// source are one incident, pushed twice. Only critical incidents are escalated.
[[nodiscard]] bool mayBeEscalated(const Alert &alert);
// The identity the other half of the incident would have.
[[nodiscard]] AlertIdentity twinIdentity(const Alert &alert);
[[nodiscard]] bool areTwins(const Alert &a, const Alert &b);
// Keeps the acknowledgeable alert_new identity in `into` and takes what only the critical_alert knows.
void absorb(Alert &into, const Alert &from);

} // namespace noc::escalation
