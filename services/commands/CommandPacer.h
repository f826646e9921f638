// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace noc {

class Clock;
class Timer;

// Every frame to the dashboard passes here. The server allows a user 100 frames a minute across all his
// sockets and drops the rest with "Rate limit exceeded"; the pacer keeps a sliding window below a budget
// with headroom, so a bulk acknowledgement of 500 alerts simply takes its time instead of losing frames.
// Heartbeats go first (liveness), then subscriptions (they decide what we see), then commands.
class CommandPacer
{
public:
    enum class Priority : quint8
    {
        Heartbeat,
        Subscription,
        Command
    };

    // send returns false when the frame could not go out (not connected): it is then dropped, because
    // everything that matters (subscriptions, acks) is re-derived from state on the next connection.
    using SendFunction = std::function<bool()>;

    CommandPacer(const Clock *clock, int maxFrames = 90, qint64 windowMs = 60000);
    ~CommandPacer();

    void setBudget(int maxFrames, qint64 windowMs);
    [[nodiscard]] int maxFrames() const { return m_maxFrames; }
    [[nodiscard]] qint64 windowMs() const { return m_windowMs; }

    void enqueue(Priority priority, SendFunction send, QString tag = {});
    // Drops what is queued (a closed socket): frames are rebuilt from state on reconnect.
    void clear();
    // The server said "Rate limit exceeded": someone else (another client of the same user) spends the
    // budget too. Hold back for a whole window.
    void backOffForWindow();
    void pump();

    [[nodiscard]] int queued() const;
    [[nodiscard]] int sentInWindow() const;
    [[nodiscard]] QList<QString> queuedTags() const;

private:
    struct Entry
    {
        Priority priority;
        SendFunction send;
        QString tag;
    };

    void forgetOldSends(qint64 now);

    const Clock *m_clock;
    int m_maxFrames;
    qint64 m_windowMs;
    QList<Entry> m_queue; // kept ordered by priority, FIFO within one
    QList<qint64> m_sentAt;
    qint64 m_holdUntil = -1;
    std::unique_ptr<Timer> m_timer;
};

} // namespace noc
