// SPDX-License-Identifier: MIT
#include "AlertFeed.h"

#include "Clock.h"

namespace noc {

namespace {
constexpr int kRecentKeys = 20000; // remembered alert keys for duplicate suppression
} // namespace

AlertFeed::AlertFeed(const Clock *clock, QObject *parent)
    : QObject(parent), m_batchTimer(clock->createTimer()), m_recent(kRecentKeys)
{
    qRegisterMetaType<noc::AlertBatch>();
    m_batchTimer->onTimeout = [this] { flush(); };
}

AlertFeed::~AlertFeed() = default;

void AlertFeed::setBatchIntervalMs(int milliseconds)
{
    m_batchIntervalMs = qMax(0, milliseconds);
}

bool AlertFeed::serverCanAcknowledge(const Alert &alert) const
{
    if (alert.kind == AlertKind::Alert)
        return true;
    return alert.kind == AlertKind::CriticalAlert && m_recent.contains(AlertKind::Alert, alert.id);
}

bool AlertFeed::isDuplicate(const Alert &alert)
{
    // Ticket updates reuse their id on purpose; everything else seen twice is the same alert.
    if (alert.kind == AlertKind::Ticket)
        return false;
    return !m_recent.remember(alert.kind, alert.id);
}

void AlertFeed::add(Alert &&alert)
{
    if (isDuplicate(alert))
        return;
    alert.serverAcknowledgeable = serverCanAcknowledge(alert);
    m_pending.append(std::move(alert));
    if (!m_batchTimer->isActive())
        m_batchTimer->start(m_batchIntervalMs);
}

void AlertFeed::addRecords(const AlertBatch &alerts)
{
    for (const Alert &alert : alerts) {
        (void)isDuplicate(alert); // remembers it
        m_pending.append(alert);
    }
    if (!m_pending.isEmpty() && !m_batchTimer->isActive())
        m_batchTimer->start(m_batchIntervalMs);
}

void AlertFeed::flush()
{
    if (m_pending.isEmpty())
        return;
    AlertBatch batch;
    batch.swap(m_pending);
    Q_EMIT alertsReceived(batch);
}

} // namespace noc
