// SPDX-License-Identifier: MIT
// What a re-read of the server's records brings to rows already shown: the repeats it folded in since
// (suppressed_count, last_seen), and one change per run of rows for the view.
#include "AlertModel.h"

#include <algorithm>

bool AlertModel::takeRepeats(noc::Alert &into, const noc::Alert &from)
{
    // last_seen only moves forward on the server: a record that says an earlier one was read before.
    if (!from.lastSeen.isValid() || (into.lastSeen.isValid() && from.lastSeen < into.lastSeen))
        return false;
    if (into.suppressedCount == from.suppressedCount && into.lastSeen == from.lastSeen)
        return false;
    into.suppressedCount = from.suppressedCount;
    into.lastSeen = from.lastSeen;
    return true;
}

void AlertModel::refreshRecords(const noc::AlertBatch &records)
{
    QList<qsizetype> changed;
    for (const noc::Alert &record : records) {
        const int position = positionOf(record.identity());
        if (position >= 0 && takeRepeats(m_rows[position].alert, record))
            changed.append(position);
    }
    if (changed.isEmpty())
        return;
    ++m_existingRowChanges;
    emitRowsChanged(std::move(changed));
    bumpRevision();
}

void AlertModel::emitRowsChanged(QList<qsizetype> positions)
{
    if (positions.isEmpty())
        return;
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    // Every role: a sorting proxy re-sorts only for the roles named, and the repeats are a sort order.
    qsizetype first = 0;
    for (qsizetype i = 1; i <= positions.size(); ++i) {
        if (i < positions.size() && positions.at(i) == positions.at(i - 1) + 1)
            continue;
        Q_EMIT dataChanged(index(viewRow(static_cast<int>(positions.at(i - 1)))),
                           index(viewRow(static_cast<int>(positions.at(first)))));
        first = i;
    }
}
