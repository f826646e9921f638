// SPDX-License-Identifier: MIT
#pragma once

#include "ClientSettings.h"

#include <functional>

namespace noc {

// Exponential backoff with jitter: base x factor^attempt, capped, spread by +/- jitter so that a room
// of wall screens does not hit a recovering server in the same second.
class Backoff
{
public:
    // random01 returns a value in [0, 1); injected so tests are exact.
    explicit Backoff(BackoffPolicy policy = {}, std::function<double()> random01 = {});

    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }
    [[nodiscard]] const BackoffPolicy &policy() const { return m_policy; }
    // The delay before retry number `attempt` (0 for the first retry).
    [[nodiscard]] qint64 delayMs(int attempt) const;
    [[nodiscard]] qint64 atLeastCapMs() const;

private:
    BackoffPolicy m_policy;
    std::function<double()> m_random01;
};

} // namespace noc
