// SPDX-License-Identifier: MIT
#include "RecurringStrings.h"

namespace noc {

QString RecurringStrings::get(QStringView text)
{
    if (text.isEmpty())
        return {};
    // Length and the outer characters tell client and site names apart well enough for a table
    // this size, and cost no loop.
    const size_t hash
        = size_t(text.size()) * 31u + size_t(text.front().unicode()) * 7u + size_t(text.back().unicode());
    QString &slot = m_slots.at(hash % kSlots);
    if (slot != text)
        slot = text.toString();
    return slot;
}

} // namespace noc
