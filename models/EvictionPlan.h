// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

#include <utility>

// Which rows leave when the list is over its cap: handled rows first, then the oldest of the rest.
// Positions count from the oldest row. The plan reaches only as far as its newest victim, so a storm
// with nothing handled looks at no row: it evicts the oldest run at once.
// isHandled(position) says whether a row is handled; handledRows is how many are (the counters know).
// Returns runs of positions [first, last] to remove, newest run first, so that removing them in this
// order leaves the positions of the runs still to remove valid.
template<typename IsHandled>
[[nodiscard]] QList<std::pair<qsizetype, qsizetype>> planEviction(qsizetype rows, qsizetype excess,
                                                                  qsizetype handledRows, IsHandled isHandled)
{
    QList<std::pair<qsizetype, qsizetype>> runs;
    if (excess <= 0)
        return runs;
    QList<bool> evict;
    qsizetype chosen = 0;
    const auto choose = [&](qsizetype position) {
        if (evict.size() <= position)
            evict.resize(position + 1, false);
        evict[position] = true;
        ++chosen;
    };
    const qsizetype handled = qMin(excess, handledRows);
    for (qsizetype i = 0; i < rows && chosen < handled; ++i) {
        if (isHandled(i))
            choose(i);
    }
    for (qsizetype i = 0; i < rows && chosen < excess; ++i) {
        if (i >= evict.size() || !evict.at(i))
            choose(i);
    }
    for (qsizetype i = evict.size() - 1; i >= 0;) {
        if (!evict.at(i)) {
            --i;
            continue;
        }
        qsizetype first = i;
        while (first > 0 && evict.at(first - 1))
            --first;
        runs.append({ first, i });
        i = first - 1;
    }
    return runs;
}
