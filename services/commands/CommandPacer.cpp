// SPDX-License-Identifier: MIT
#include "CommandPacer.h"

#include "Clock.h"

namespace noc {

CommandPacer::CommandPacer(const Clock *clock, int maxFrames, qint64 windowMs)
    : m_clock(clock)
    , m_maxFrames(qMax(1, maxFrames))
    , m_windowMs(qMax<qint64>(1, windowMs))
    , m_timer(clock->createTimer())
{
    m_timer->onTimeout = [this] { pump(); };
}

CommandPacer::~CommandPacer() = default;

void CommandPacer::setBudget(int maxFrames, qint64 windowMs)
{
    m_maxFrames = qMax(1, maxFrames);
    m_windowMs = qMax<qint64>(1, windowMs);
    pump();
}

void CommandPacer::enqueue(Priority priority, SendFunction send, QString tag)
{
    qsizetype at = m_queue.size();
    while (at > 0 && m_queue.at(at - 1).priority > priority)
        --at;
    m_queue.insert(at, Entry { priority, std::move(send), std::move(tag) });
    pump();
}

void CommandPacer::clear()
{
    m_queue.clear();
    m_timer->stop();
}

void CommandPacer::backOffForWindow()
{
    m_holdUntil = m_clock->monotonicMs() + m_windowMs;
    m_timer->start(m_windowMs);
}

void CommandPacer::forgetOldSends(qint64 now)
{
    while (!m_sentAt.isEmpty() && m_sentAt.constFirst() <= now - m_windowMs)
        m_sentAt.removeFirst();
}

void CommandPacer::pump()
{
    const qint64 now = m_clock->monotonicMs();
    if (m_holdUntil > now) {
        m_timer->start(m_holdUntil - now);
        return;
    }
    forgetOldSends(now);
    while (!m_queue.isEmpty() && m_sentAt.size() < m_maxFrames) {
        const Entry entry = m_queue.takeFirst();
        if (entry.send())
            m_sentAt.append(now);
    }
    if (m_queue.isEmpty()) {
        m_timer->stop();
        return;
    }
    // The next slot opens when the oldest send in the window ages out.
    m_timer->start(qMax<qint64>(1, m_sentAt.constFirst() + m_windowMs - now));
}

int CommandPacer::queued() const
{
    return static_cast<int>(m_queue.size());
}

int CommandPacer::sentInWindow() const
{
    const qint64 now = m_clock->monotonicMs();
    int count = 0;
    for (qint64 at : m_sentAt) {
        if (at > now - m_windowMs)
            ++count;
    }
    return count;
}

QList<QString> CommandPacer::queuedTags() const
{
    QList<QString> tags;
    for (const Entry &entry : m_queue)
        tags.append(entry.tag);
    return tags;
}

} // namespace noc
