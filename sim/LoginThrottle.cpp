// SPDX-License-Identifier: MIT
#include "LoginThrottle.h"

namespace noc::sim {

LoginThrottle::LoginThrottle(int limit, int windowSeconds)
    : m_limit(limit), m_windowMs(qint64(windowSeconds) * 1000)
{
    m_clock.start();
}

int LoginThrottle::acquire(const QString &address)
{
    if (m_limit <= 0) {
        return 0; // throttling switched off
    }
    const qint64 now = m_clock.elapsed();
    QList<qint64> &history = m_history[address];
    while (!history.isEmpty() && history.constFirst() <= now - m_windowMs) {
        history.removeFirst();
    }
    if (history.size() < m_limit) {
        history.append(now);
        return 0;
    }
    const qint64 remainingMs = history.constFirst() + m_windowMs - now;
    return int(qMax<qint64>(1, (remainingMs + 999) / 1000));
}

} // namespace noc::sim
