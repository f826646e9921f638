// SPDX-License-Identifier: MIT
#include "Clock.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace noc {

namespace {
class QtTimer final : public Timer
{
public:
    explicit QtTimer(const SystemClock *clock) : m_clock(clock)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_deadline = -1;
            if (onTimeout)
                onTimeout();
        });
    }

    void start(qint64 milliseconds) override
    {
        const qint64 ms = std::clamp<qint64>(milliseconds, 0, std::numeric_limits<int>::max());
        m_deadline = m_clock->monotonicMs() + ms;
        // Long waits need no millisecond precision and should not keep the CPU awake.
        m_timer.setTimerType(ms > 5000 ? Qt::CoarseTimer : Qt::PreciseTimer);
        m_timer.start(static_cast<int>(ms));
    }
    void stop() override
    {
        m_deadline = -1;
        m_timer.stop();
    }
    [[nodiscard]] bool isActive() const override { return m_timer.isActive(); }
    [[nodiscard]] qint64 deadlineMs() const override { return m_timer.isActive() ? m_deadline : -1; }

private:
    const SystemClock *m_clock;
    QTimer m_timer;
    qint64 m_deadline = -1;
};
} // namespace

std::unique_ptr<Timer> SystemClock::createTimer() const
{
    return std::make_unique<QtTimer>(this);
}

} // namespace noc
