// SPDX-License-Identifier: MIT
#include "RecentIdentities.h"

namespace noc {

RecentIdentities::RecentIdentities(qsizetype capacity, Fingerprint fingerprint)
    : m_capacity(qMax<qsizetype>(1, capacity)), m_fingerprint(fingerprint)
{
    m_slots.reserve(m_capacity);
}

quint64 RecentIdentities::defaultFingerprint(AlertKind kind, QStringView id)
{
    return identityHash(kind, id, qGlobalQHashSeed());
}

qsizetype RecentIdentities::slotOf(AlertKind kind, QStringView id, quint64 fingerprint) const
{
    const auto it = m_slots.constFind(fingerprint);
    if (it == m_slots.constEnd())
        return -1;
    const AlertIdentity &known = m_ring.at(it.value()).identity;
    return known.kind == kind && known.id == id ? it.value() : -1;
}

bool RecentIdentities::contains(AlertKind kind, QStringView id) const
{
    return slotOf(kind, id, m_fingerprint(kind, id)) >= 0;
}

bool RecentIdentities::remember(AlertKind kind, const QString &id)
{
    const quint64 fingerprint = m_fingerprint(kind, id);
    if (slotOf(kind, id, fingerprint) >= 0)
        return false;
    qsizetype slot = m_ring.size();
    if (slot < m_capacity) {
        m_ring.append(Entry {});
    } else {
        slot = m_head;
        m_head = (m_head + 1) % m_capacity;
        // Its fingerprint may name a newer slot by now (a collision): then that entry stays.
        if (const auto it = m_slots.constFind(m_ring.at(slot).fingerprint);
            it != m_slots.constEnd() && it.value() == slot)
            m_slots.erase(it);
    }
    m_ring[slot] = { AlertIdentity { kind, id }, fingerprint };
    m_slots.insert(fingerprint, slot);
    return true;
}

} // namespace noc
