// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "RecentIdentities.h"

#include <QObject>

#include <memory>

namespace noc {

class Clock;
class Timer;

// Alerts from every channel on their way out of the engine: the same alert delivered twice (two
// subscriptions, reconnect overlap) goes out once, each is marked with whether the server can
// acknowledge it, and they leave in batches so a storm costs one insert per batch downstream.
class AlertFeed : public QObject
{
    Q_OBJECT

public:
    // Batches leave on this clock's timers (tests drive a fake one). Not owned.
    explicit AlertFeed(const Clock *clock, QObject *parent = nullptr);
    ~AlertFeed() override;

    // Batches leave at most this often; 0 flushes once per event-loop pass.
    void setBatchIntervalMs(int milliseconds);
    void add(Alert &&alert);
    // Records read from the server: never dropped as duplicates (they carry the newer status), and
    // remembered so the same alert pushed later is.
    void addRecords(const AlertBatch &alerts);

    // Only alert_new ids exist as alerts on the server. A critical_alert names its source alert by id;
    // acknowledging an id the server does not know closes the socket (1011), so it may go on the wire
    // only when that source alert reached this client.
    [[nodiscard]] bool serverCanAcknowledge(const Alert &alert) const;
    // Heard of lately (pushed or read), as far as the duplicate filter remembers.
    [[nodiscard]] bool knows(const AlertIdentity &identity) const
    {
        return m_recent.contains(identity.kind, identity.id);
    }

Q_SIGNALS:
    void alertsReceived(const noc::AlertBatch &alerts);

private:
    [[nodiscard]] bool isDuplicate(const Alert &alert);
    void flush();

    AlertBatch m_pending;
    std::unique_ptr<Timer> m_batchTimer;
    int m_batchIntervalMs = 0;
    RecentIdentities m_recent;
};

} // namespace noc
