// SPDX-License-Identifier: MIT
#pragma once

#include "AlertApiParser.h"
#include "AlertPager.h"
#include "SessionAccess.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace noc {

class Clock;

// Reads the server's alert records (REST, PROTOCOL.md section 6) so the list shows the NOC's current
// state, not only what the socket pushed since start: the open alerts at sign-in, what was raised during
// a gap, and the statuses colleagues changed. One request at a time (AlertPager), within a budget: the
// server allows 600 calls an hour per user, shared by every program of that user. Servers that refuse
// the list (403 to valid tokens) or lack it (404) make history "unavailable": said once, never a
// sign-out, asked again after 15 minutes; any other failure after a minute (its RestJob's policy).
class AlertHistory : public QObject
{
    Q_OBJECT

public:
    enum class State : quint8
    {
        Unknown, // not asked yet
        Loading,
        Loaded, // the last load or back-fill worked
        Unavailable // refused, absent or failing: live feed only (reason())
    };
    Q_ENUM(State)

    AlertHistory(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~AlertHistory() override;

    // Server, TLS and token, asked for at each page: a renewed token reaches the next one.
    void setAccess(std::function<SessionAccess()> access);
    // Pages read at most per load or back-fill (100 alerts each).
    void setPageBudget(int pages) { m_pageBudget = qMax(1, pages); }
    // The session renewed its token: a read waiting for one goes on.
    void tokenRenewed();

    // The open alerts, newest first per status (NEW, ACKNOWLEDGED, ASSIGNED, ESCALATED).
    void loadOpen();
    // After a gap: everything created since `newestKnown` (less a second: cdtz has whole seconds).
    void backfill(const QDateTime &newestKnown);
    // Whether a refused or failing history may be asked again now (rarely: a few times an hour), and
    // in how long it may.
    [[nodiscard]] bool mayRetry() const;
    [[nodiscard]] qint64 msUntilRetry() const;
    void cancel();
    // Another user or server: nothing known any more.
    void reset();
    [[nodiscard]] bool refusedByServer() const { return m_refusedByServer; }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString reason() const { return m_reason; }
    [[nodiscard]] bool isBusy() const { return m_job != Job::None; }
    // The open alerts the server counts, and how many of them the last load read.
    [[nodiscard]] int openOnServer() const { return m_openOnServer; }
    [[nodiscard]] int loadedOpen() const { return m_loadedOpen; }
    [[nodiscard]] int calls() const { return m_pager->job().calls(); }
    [[nodiscard]] int unreadableItems() const { return m_unreadable; }
    // The last load or back-fill stopped at its page budget with pages left unread.
    [[nodiscard]] bool lastReadTruncated() const { return m_truncated; }

Q_SIGNALS:
    void stateChanged();
    // Records read; backfill: they come from a back-fill, not the start-up load.
    void alertsRead(const noc::AlertBatch &alerts, bool backfill);
    // A load read every open record there is (no page left unread): the ids of all open alerts the
    // user may see, as of startedAt. Alerts shown as open and missing here were closed meanwhile.
    void openSetComplete(const QStringList &openIds, const QDateTime &startedAt);
    // A load or back-fill finished: how many alerts it read; for a back-fill, how many were created
    // since the gap began (0 when it failed).
    void finished(bool backfill, int alerts);
    // The server refused the access token (401): the session should renew it.
    void tokenRejected();

private:
    enum class Job : quint8
    {
        None,
        LoadOpen,
        Backfill
    };

    void start(Job job, const AlertPager::Read &read);
    void onRead(const AlertPager::Result &result);
    void handOver(AlertBatch read);
    void fail(const AlertApiError &error, RestJob::Outcome outcome);
    void setState(State state, const QString &reason = {});

    const Clock *m_clock;
    AlertPager *m_pager;
    int m_pageBudget = 10;

    Job m_job = Job::None;
    QDateTime m_backfillFrom;
    QDateTime m_jobStartedAt;
    QString m_lastFailure;
    bool m_refusedByServer = false;
    bool m_truncated = false;

    State m_state = State::Unknown;
    QString m_reason;
    int m_openOnServer = 0;
    int m_loadedOpen = 0;
    int m_unreadable = 0;
};

} // namespace noc
