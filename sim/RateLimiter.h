// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace noc::sim {

// The dashboard's frame limit: a fixed window per key (the user), opened by the first frame, like a
// cache counter with a timeout. Dropped frames are not counted, so the window always reopens.
class RateLimiter
{
public:
    RateLimiter(int limit, int windowSeconds);

    [[nodiscard]] bool allow(const QString &key);

private:
    struct Window
    {
        qint64 startedMs = 0;
        int count = 0;
    };

    int m_limit;
    qint64 m_windowMs;
    QElapsedTimer m_clock;
    QHash<QString, Window> m_windows;
};

} // namespace noc::sim
