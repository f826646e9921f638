// SPDX-License-Identifier: MIT
#pragma once

#include "Clock.h"

#include <QList>

#include <algorithm>

namespace noc::test {

// A clock the test moves by hand: advance() fires every timer that falls due, in deadline order, and
// moves the wall clock with it. Nothing waits.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC))
        : m_wallStart(std::move(start))
    { }

    [[nodiscard]] QDateTime nowUtc() const override { return m_wallStart.addMSecs(m_nowMs + m_wallSkewMs); }
    [[nodiscard]] qint64 monotonicMs() const override { return m_nowMs; }
    [[nodiscard]] std::unique_ptr<Timer> createTimer() const override
    {
        auto timer = std::make_unique<FakeTimer>(const_cast<FakeClock *>(this));
        return timer;
    }

    // Moves time forward, firing due timers one by one (a timer may start others).
    void advance(qint64 milliseconds)
    {
        const qint64 target = m_nowMs + milliseconds;
        while (true) {
            FakeTimer *next = nullptr;
            for (FakeTimer *timer : std::as_const(m_timers)) {
                if (timer->m_deadline >= 0 && timer->m_deadline <= target
                    && (!next || timer->m_deadline < next->m_deadline))
                    next = timer;
            }
            if (!next)
                break;
            m_nowMs = next->m_deadline;
            next->m_deadline = -1;
            if (next->onTimeout)
                next->onTimeout();
        }
        m_nowMs = target;
    }
    // The wall clock jumps (suspend, NTP) while monotonic time does not.
    void jumpWallClock(qint64 milliseconds) { m_wallSkewMs += milliseconds; }
    [[nodiscard]] int activeTimers() const
    {
        return static_cast<int>(std::count_if(m_timers.cbegin(), m_timers.cend(),
                                              [](const FakeTimer *t) { return t->m_deadline >= 0; }));
    }

private:
    class FakeTimer final : public Timer
    {
    public:
        explicit FakeTimer(FakeClock *clock) : m_clock(clock) { m_clock->m_timers.append(this); }
        ~FakeTimer() override { m_clock->m_timers.removeOne(this); }
        void start(qint64 milliseconds) override
        {
            m_deadline = m_clock->m_nowMs + qMax<qint64>(0, milliseconds);
        }
        void stop() override { m_deadline = -1; }
        [[nodiscard]] bool isActive() const override { return m_deadline >= 0; }
        [[nodiscard]] qint64 deadlineMs() const override { return m_deadline; }

        FakeClock *m_clock;
        qint64 m_deadline = -1;
    };

    QDateTime m_wallStart;
    qint64 m_nowMs = 0;
    qint64 m_wallSkewMs = 0;
    QList<FakeTimer *> m_timers;
};

} // namespace noc::test
