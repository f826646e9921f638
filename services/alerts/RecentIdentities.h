// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"

#include <QHash>
#include <QList>

namespace noc {

// The alerts heard lately, for the feed's duplicate filter: the last `capacity` identities in a ring,
// and each one's 64-bit fingerprint mapped to its slot. A storm probes a table of small integers
// (it stays in the cache), and a string is compared only to confirm a match. Exact where it matters:
// two identities are never taken for one. A fingerprint collision only makes the older of the two
// forgotten early, and an alert let through twice is merged downstream by its key anyway.
class RecentIdentities
{
public:
    using Fingerprint = quint64 (*)(AlertKind kind, QStringView id);

    explicit RecentIdentities(qsizetype capacity, Fingerprint fingerprint = &defaultFingerprint);

    // Remembers it (forgetting the oldest once full); false when it was known already.
    bool remember(AlertKind kind, const QString &id);
    [[nodiscard]] bool contains(AlertKind kind, QStringView id) const;

    [[nodiscard]] static quint64 defaultFingerprint(AlertKind kind, QStringView id);

private:
    struct Entry
    {
        AlertIdentity identity;
        quint64 fingerprint = 0;
    };
    [[nodiscard]] qsizetype slotOf(AlertKind kind, QStringView id, quint64 fingerprint) const;

    qsizetype m_capacity;
    Fingerprint m_fingerprint;
    QList<Entry> m_ring; // oldest at m_head once full
    qsizetype m_head = 0;
    QHash<quint64, qsizetype> m_slots;
};

} // namespace noc
