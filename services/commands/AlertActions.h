// SPDX-License-Identifier: MIT
#pragma once

#include "ActionOutbox.h"
#include "AlertAction.h"
#include "AlertApiParser.h"
#include "RestJob.h"
#include "SessionAccess.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace noc {

class Clock;

// Resolve, assign and escalate over REST (PROTOCOL.md section 6), durable like acknowledgements: an
// action is queued first (ActionOutbox), sent when there is a session, one call at a time, and kept
// until the server's HTTP answer settles every alert in it. The HTTP answer decides the outcome, never
// the socket: on current servers every successful action closes every dashboard socket of the tenant
// with 1011, possibly before the answer arrives (callStarting() lets the session expect it).
//
// Calls: one alert goes to its own endpoint; resolving several goes to bulk-action, 100 ids per call.
// Bulk assign counts every alert and changes nothing, and escalate has no bulk form: both go one by one.
// A bulk call that counts fewer than it was sent (unknown ids are skipped uncounted) is asked again one
// by one, so each alert gets its own answer. Each call is a RestJob: 429 waits for Retry-After, 401 waits
// for a renewed token (as long as it takes: the outbox is durable) and tries once more, no answer at all
// is tried again after 30 s, doubling up to 10 minutes; every other refusal (400, 403, 404, 5xx, a
// renewed token refused too) is final for the alerts of that call, with the server's words.
class AlertActions : public QObject
{
    Q_OBJECT

public:
    AlertActions(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~AlertActions() override;

    // Where queued actions live between runs; empty: memory only. Reads what a previous run left.
    void setOutboxPath(const QString &filePath);
    // Server, TLS and token, asked for at each call: a failover or a renewed token reaches the next one.
    void setAccess(std::function<SessionAccess()> access);
    // Whether calls may go out (a signed-in session). Paused, actions stay queued.
    void setActive(bool active);
    // The token was renewed or the session is live again: send what waits (a 401 waits for this).
    void resume();

    // Queues the action; alerts that cannot have one (no numeric record id, no colleague chosen) are
    // settled at once as refused. Returns the request's key (empty when nothing was queued).
    QString request(AlertActionKind kind, const QStringList &alertIds, const QString &text, int userId = 0);

    [[nodiscard]] int pendingAlerts() const { return m_outbox->pendingAlerts(); }
    [[nodiscard]] QList<AlertActionRequest> pending() const { return m_outbox->requests(); }
    [[nodiscard]] QString sharedNote() const { return m_outbox->sharedNote(); }
    // A call under way or waiting to be tried again.
    [[nodiscard]] bool isBusy() const { return m_job->isRunning(); }
    // HTTP calls made (the REST budget is 600 an hour per user, shared with the history).
    [[nodiscard]] int calls() const { return m_job->calls(); }
    // When a call that got no answer (or a 429) is tried again; invalid: none waits.
    [[nodiscard]] QDateTime nextTryAt() const { return isBusy() ? m_job->nextTryAt() : QDateTime(); }

Q_SIGNALS:
    // A call leaves now: if it succeeds, the server closes every dashboard socket of the tenant (1011).
    void callStarting();
    // An alert waits for the server's answer to this action: just asked for, or left by an earlier run
    // (then this comes again with the file, so rows read later can still be marked).
    void actionPending(const QString &alertId, noc::AlertActionKind kind);
    void settled(const noc::AlertActionOutcome &outcome);
    // A call was answered; acted: the server changed something (so it sends its 1011, if it does).
    void callAnswered(bool acted);
    void pendingChanged();
    // The server refused the access token (401): the session should renew it.
    void tokenRejected();

private:
    struct Call
    {
        QString key;
        AlertActionKind kind = AlertActionKind::Resolve;
        QStringList alertIds;
        bool bulk = false;
    };

    void announcePending(const QList<AlertActionRequest> &requests);
    void sendNext();
    [[nodiscard]] static Call nextCall(const AlertActionRequest &request);
    [[nodiscard]] static RestJob::Call describe(const Call &call, const AlertActionRequest &request);
    void onAnswer(const RestJob::Result &result);
    void settle(const Call &call, bool done, const QString &reason, const QString &assignedTo = {});

    const Clock *m_clock;
    std::function<SessionAccess()> m_access;
    std::unique_ptr<ActionOutbox> m_outbox;
    RestJob *m_job;
    Call m_call; // the call under way
    QString m_callUser; // whose session sent it
    bool m_active = false;
};

} // namespace noc
