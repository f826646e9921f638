// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <array>
#include <functional>
#include <memory>

namespace noc {
class Clock;
class Timer;
} // namespace noc

// Alerts raised per second over the last minute, as a ring of 60 counters. The header's "N new in the
// last minute" must fall back to zero when the feed goes quiet: a decay timer moves the window on, and
// runs only while the window holds something, so an idle dashboard stays idle.
class ArrivalRate
{
public:
    // changed: the count over the last minute may have moved (called from note() and the decay).
    ArrivalRate(const noc::Clock &clock, std::function<void()> changed);
    ~ArrivalRate();

    void note(qsizetype count);
    [[nodiscard]] int lastMinute() const;
    // What the latest second that saw arrivals holds (without moving the window on): a storm test
    // that costs no clock read.
    [[nodiscard]] int latestSecond() const
    {
        return m_perSecond.at(static_cast<size_t>(m_second % qint64(m_perSecond.size())));
    }

private:
    void advance();

    const noc::Clock &m_clock;
    std::function<void()> m_changed;
    std::array<int, 60> m_perSecond {};
    qint64 m_second = 0; // the second m_perSecond's head stands for
    std::unique_ptr<noc::Timer> m_decay;
    int m_lastReported = 0;
};
