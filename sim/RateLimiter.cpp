// SPDX-License-Identifier: MIT
#include "RateLimiter.h"

namespace noc::sim {

RateLimiter::RateLimiter(int limit, int windowSeconds)
    : m_limit(limit), m_windowMs(qint64(windowSeconds) * 1000)
{
    m_clock.start();
}

bool RateLimiter::allow(const QString &key)
{
    if (m_limit <= 0) {
        return true;
    }
    const qint64 now = m_clock.elapsed();
    Window &window = m_windows[key];
    if (window.count == 0 || now - window.startedMs >= m_windowMs) {
        window.startedMs = now;
        window.count = 0;
    }
    if (window.count >= m_limit) {
        return false;
    }
    ++window.count;
    return true;
}

} // namespace noc::sim
