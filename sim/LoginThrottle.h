// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

namespace noc::sim {

// DRF's SimpleRateThrottle: a sliding window of request times per client address. A refused request
// is not recorded, and the wait named is until the oldest recorded request leaves the window.
class LoginThrottle
{
public:
    LoginThrottle(int limit, int windowSeconds);

    // 0 when the request may proceed (and is counted), else the seconds to wait (>= 1).
    [[nodiscard]] int acquire(const QString &address);

private:
    int m_limit;
    qint64 m_windowMs;
    QElapsedTimer m_clock;
    QHash<QString, QList<qint64>> m_history;
};

} // namespace noc::sim
