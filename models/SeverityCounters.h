// SPDX-License-Identifier: MIT
#pragma once

#include "Severity.h"

#include <QList>

#include <array>

// The header's counters, kept as rows change rather than counted from the rows: a change takes its
// row out (-1) before and puts it back (+1) after, so a 200k-row list is never walked to count it.
// Resolved and suppressed rows are out of the open list: neither counted nor shown by default.
// "Handled" is acknowledged here or by anyone on the server (acknowledged, assigned, escalated).
class SeverityCounters
{
public:
    void count(noc::Severity severity, bool open, bool handled, int delta)
    {
        if (handled)
            m_handledRows += delta;
        if (!open)
            return;
        m_total[static_cast<size_t>(severity)] += delta;
        if (!handled)
            m_unhandled[static_cast<size_t>(severity)] += delta;
    }
    void clear()
    {
        m_unhandled.fill(0);
        m_total.fill(0);
        m_handledRows = 0;
    }

    // Index by noc::Severity: Unknown, Info, Low, Medium, High, Critical; open rows only.
    [[nodiscard]] QList<int> unhandled() const { return { m_unhandled.begin(), m_unhandled.end() }; }
    [[nodiscard]] QList<int> total() const { return { m_total.begin(), m_total.end() }; }
    [[nodiscard]] int unhandledCount() const
    {
        int sum = 0;
        for (int n : m_unhandled)
            sum += n;
        return sum;
    }
    // noc::Severity as int; -1 when every open row is handled.
    [[nodiscard]] int worstUnhandled() const
    {
        for (int s = noc::kSeverityCount - 1; s >= 0; --s) {
            if (m_unhandled.at(static_cast<size_t>(s)) > 0)
                return s;
        }
        return -1;
    }
    // Handled rows, open or closed: eviction takes these first.
    [[nodiscard]] qsizetype handledRows() const { return m_handledRows; }

private:
    std::array<int, noc::kSeverityCount> m_unhandled {};
    std::array<int, noc::kSeverityCount> m_total {};
    qsizetype m_handledRows = 0;
};
