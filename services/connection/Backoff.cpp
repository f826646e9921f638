// SPDX-License-Identifier: MIT
#include "Backoff.h"

#include <QRandomGenerator>

#include <cmath>

namespace noc {

Backoff::Backoff(BackoffPolicy policy, std::function<double()> random01)
    : m_policy(policy)
    , m_random01(random01 ? std::move(random01) : [] { return QRandomGenerator::global()->generateDouble(); })
{ }

qint64 Backoff::delayMs(int attempt) const
{
    const double raw = m_policy.baseMs * std::pow(m_policy.factor, qBound(0, attempt, 60));
    const double capped = std::min(raw, static_cast<double>(m_policy.capMs));
    const double spread = 1.0 + m_policy.jitter * (2.0 * m_random01() - 1.0);
    return std::max<qint64>(0, std::llround(capped * spread));
}

qint64 Backoff::atLeastCapMs() const
{
    const double spread = 1.0 + m_policy.jitter * m_random01();
    return std::llround(m_policy.capMs * spread);
}

} // namespace noc
