// SPDX-License-Identifier: MIT
#pragma once

#include "OpenSetReconciler.h"
#include "SessionAccess.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace noc {

class AlertFeed;
class AlertHistory;
class Clock;
class Timer;

// Keeps the list the NOC's current state through the server's records (AlertHistory): the open alerts
// when the feed goes live, a back-fill of what a gap hid, and a reconcile now and then for what
// colleagues changed. Current servers close every socket of the tenant whenever anyone acts on an
// alert (1011): such a close asks for a reconcile, at most one a minute.
class HistorySync : public QObject
{
    Q_OBJECT

public:
    HistorySync(QNetworkAccessManager *network, const Clock *clock, AlertFeed *feed,
                QObject *parent = nullptr);
    ~HistorySync() override;

    // Where and as whom the records are read, asked for at each page.
    void setAccess(const std::function<SessionAccess()> &access);
    // The session renewed its token: a read waiting for one goes on.
    void tokenRenewed();
    // The period of the colleague reconcile while nothing closes the socket.
    void setReconcileSeconds(int seconds) { m_reconcileSeconds = seconds; }
    [[nodiscard]] const AlertHistory &records() const { return *m_history; }
    // Alerts the last back-fill after a gap found new (-1: none since the last gap).
    [[nodiscard]] int lastBackfillCount() const { return m_lastBackfillCount; }
    // False when the last back-fill stopped at its page budget: more was raised than it read.
    [[nodiscard]] bool lastBackfillComplete() const { return m_lastBackfillComplete; }

    // Whether the session is live; reads and their follow-ups happen only then.
    void setLive(bool live) { m_live = live; }
    // Off for a client that never shows a list (nocctl ack, resolve, alerts): the budget is shared.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    // A record's status changed (alert_updated, an action's answer): the reconcile goes from there.
    void noteStatus(const QString &alertId, AlertStatus status, const QDateTime &at);
    // The feed is live (again). feedGaps: the gaps this session had so far, lastGapFrom: when the last
    // one began. A gap not seen before is back-filled, else the open alerts are read.
    void onLive(int feedGaps, const QDateTime &lastGapFrom);
    // The server closed the dashboard; colleaguesActed: a 1011 nobody here caused.
    void onClosed(bool colleaguesActed);
    // The session ended: what was read belongs to it, the next one reads again.
    void onStopped();
    // Another server or user: its records, its refusals.
    void reset();

Q_SIGNALS:
    void changed();
    // An alert handed out as open that two complete reads of the open alerts in a row did not list
    // (OpenSetReconciler): closed meanwhile. Status Resolved, at the start of the second read.
    void openAlertClosed(const noc::AlertUpdatedEvent &update);
    // The server refused the access token (401): the session should renew it.
    void tokenRejected();

private:
    void read(bool afterGap);
    void reconcileSoon();
    void onFinished(bool backfill);
    // How long a re-read of the open alerts must wait to stay within its share of the calls (0: none).
    [[nodiscard]] qint64 budgetWaitMs();

    const Clock *m_clock;
    AlertFeed *m_feed;
    AlertHistory *m_history;
    OpenSetReconciler m_reconciler;
    std::unique_ptr<Timer> m_reconcileTimer;
    int m_reconcileSeconds = 600; // ClientSettings::reconcileSeconds
    bool m_live = false;
    bool m_enabled = true;
    int m_gapsSeen = 0;
    QDateTime m_gapFrom;
    int m_lastBackfillCount = -1;
    bool m_lastBackfillComplete = true;
    bool m_reconcileAfterBackfill = false; // a 1011: someone acted on an alert
    bool m_backfillPending = false; // a gap ended; back-fill when the history is free
    int m_backfillNew = 0;
    QDateTime m_backfillFrom; // the newest alert known when the last back-fill began
    qint64 m_lastReconcileMs = -1;
    int m_callsAtReconcileStart = -1; // set while a re-read of the open alerts runs
    QList<std::pair<qint64, int>> m_reconcileSpend; // (when, calls) of the re-reads in the last hour
    QDateTime m_newestServerTime; // the newest creation time the server told us of
};

} // namespace noc
