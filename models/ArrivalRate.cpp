// SPDX-License-Identifier: MIT
#include "ArrivalRate.h"

#include "Clock.h"

namespace {
// A few seconds of lag in the decay is fine and keeps the timer rare.
constexpr int kDecayMs = 5000;
} // namespace

ArrivalRate::ArrivalRate(const noc::Clock &clock, std::function<void()> changed)
    : m_clock(clock)
    , m_changed(std::move(changed))
    , m_second(clock.monotonicMs() / 1000)
    , m_decay(clock.createTimer())
{
    m_decay->onTimeout = [this] { advance(); };
}

ArrivalRate::~ArrivalRate() = default;

int ArrivalRate::lastMinute() const
{
    int total = 0;
    for (int n : m_perSecond)
        total += n;
    return total;
}

void ArrivalRate::note(qsizetype count)
{
    advance();
    m_perSecond[static_cast<size_t>(m_second % qint64(m_perSecond.size()))] += static_cast<int>(count);
    m_lastReported = lastMinute();
    m_changed();
    if (!m_decay->isActive())
        m_decay->start(kDecayMs);
}

void ArrivalRate::advance()
{
    const qint64 second = m_clock.monotonicMs() / 1000;
    const qint64 steps = qMin<qint64>(second - m_second, qint64(m_perSecond.size()));
    for (qint64 i = 1; i <= steps; ++i)
        m_perSecond[static_cast<size_t>((m_second + i) % qint64(m_perSecond.size()))] = 0;
    m_second = second;
    const int rate = lastMinute();
    if (rate != m_lastReported) {
        m_lastReported = rate;
        m_changed();
    }
    if (rate == 0)
        m_decay->stop();
    else
        m_decay->start(kDecayMs);
}
