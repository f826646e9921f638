// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QElapsedTimer>

#include <functional>
#include <memory>

namespace noc {

// A single-shot timer whose clock is injected: the engine's heartbeats, liveness checks, backoff and
// token refreshes run on these, so tests drive them with a fake clock instead of waiting.
class Timer
{
public:
    virtual ~Timer() = default;
    virtual void start(qint64 milliseconds) = 0;
    virtual void stop() = 0;
    [[nodiscard]] virtual bool isActive() const = 0;
    // Monotonic time at which it fires; -1 when inactive.
    [[nodiscard]] virtual qint64 deadlineMs() const = 0;

    std::function<void()> onTimeout;
};

// Time is injected: everything that asks "what time is it" or "tell me in N ms" goes through here.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
    // Monotonic milliseconds; immune to the wall clock jumping (NTP, suspend, an operator's fix).
    [[nodiscard]] virtual qint64 monotonicMs() const = 0;
    [[nodiscard]] virtual std::unique_ptr<Timer> createTimer() const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_started.start(); }
    [[nodiscard]] QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    [[nodiscard]] qint64 monotonicMs() const override { return m_started.elapsed(); }
    [[nodiscard]] std::unique_ptr<Timer> createTimer() const override;

private:
    QElapsedTimer m_started;
};

} // namespace noc
