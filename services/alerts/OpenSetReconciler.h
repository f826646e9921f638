// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "ServerEvent.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <limits>

namespace noc {

// The one home of "missed by two complete reads means closed". The open alerts are read status by
// status, so an alert moving between two statuses during a read can be missed once; an alert heard of
// as open and missing from two complete reads in a row was resolved or suppressed meanwhile (the list
// does not say which). A read counts only for the alerts heard of before it began: one received later
// may simply be newer than what the read saw. Told every alert and status change the client hands
// out, it answers each complete read with the alerts that read closed, as status updates.
class OpenSetReconciler
{
public:
    // Alerts remembered at most, the oldest heard of forgotten first: twice the dashboard's default
    // retention, as many as the feed's duplicate filter remembers.
    static constexpr qsizetype kDefaultCapacity = 20000;

    explicit OpenSetReconciler(qsizetype capacity = kDefaultCapacity);

    // Alerts as the client hands them out, pushed or read from the records (only alerts have records).
    void noteAlerts(const AlertBatch &alerts);
    // A record's status changed (alert_updated, an action's answer).
    void noteStatus(const QString &alertId, AlertStatus status, const QDateTime &at);
    // Every open alert, read completely from startedAt on: the alerts this read closed, each as an
    // update to Resolved at startedAt (what operators do; the record's details say more).
    [[nodiscard]] QList<AlertUpdatedEvent> reconcile(const QStringList &openIds, const QDateTime &startedAt);
    // Another server: nothing known any more.
    void clear();
    [[nodiscard]] qsizetype size() const { return m_known.size(); }

private:
    static constexpr qint64 kNever = std::numeric_limits<qint64>::min();
    struct Known
    {
        qint64 receivedMs = 0; // first heard of, UTC ms since the epoch (kNever: not known)
        qint64 statusAtMs = 0; // when the last status change was heard (kNever: none)
        AlertStatus status = AlertStatus::Unknown; // Unknown: pushed, no record read yet (open)
        bool missedOnce = false; // by the last complete read
    };

    qsizetype m_capacity;
    QHash<AlertIdentity, Known> m_known;
    QList<QString> m_order; // ids, oldest heard of first: what is forgotten first
};

} // namespace noc
