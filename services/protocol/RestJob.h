// SPDX-License-Identifier: MIT
#pragma once

#include "AlertApiParser.h"
#include "Backoff.h"
#include "SessionAccess.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace noc {

class Clock;
class Timer;

// One call of the REST API (PROTOCOL.md section 6), as every part that reads or acts over REST makes
// it: described by its method, path, query and body, sent to the server, with the TLS settings and the
// token SessionAccess names at each try, and ended by one typed outcome. The job owns what a call's
// failures mean: no answer is tried again as the policy says, a 401 has the token renewed and tries
// once more, a 429 waits for the server's Retry-After, and when the next try will be is readable.
// Cancelling aborts the call and its waits; no signal follows.
class RestJob : public QObject
{
    Q_OBJECT

public:
    enum class Outcome : quint8
    {
        Success, // 2xx
        NoAnswer, // no HTTP answer (network, TLS, timeout), after the tries the policy allows
        Unauthorized, // 401 to a renewed token, or no renewed token came in time
        Refused, // 4xx but 401 and 429: this call will not work as it is (403, 404, 400...)
        RateLimited, // 429 the policy does not wait out: retryAfterSeconds says how long
        ServerError, // 5xx
        BadAnswer // an answer that makes no sense: not 2xx/4xx/5xx, or a body its caller cannot read
    };
    Q_ENUM(Outcome)

    // What one call's failures mean; the waits run on the clock the job was given.
    struct Policy
    {
        // The one backoff of the REST calls: the waits between tries after no answer, and after a
        // failed run the earliest its owner should start another (nextTryMs()).
        BackoffPolicy backoff { .baseMs = 60 * 1000, .factor = 1.0, .capMs = 60 * 1000, .jitter = 0.0 };
        // Tries again after no answer this many times (-1: until an answer comes or the job is cancelled).
        int noAnswerRetries = 0;
        // A 429: wait for Retry-After and try again (true), or end RateLimited at once.
        bool waitOutRateLimit = true;
        // A 401: how long the renewed token may take before the outcome is Unauthorized (0: no limit).
        qint64 renewalWaitMs = 30 * 1000;
        // After a refusal (4xx): the earliest next start (a refusal does not change in a minute).
        qint64 refusedWaitMs = 0;
    };

    struct Call
    {
        QByteArray method = "GET";
        QString path; // "/api/noc/alerts/" (the trailing slash matters)
        QUrlQuery query;
        QByteArray body; // JSON; sent (with its content type) by every method but GET
    };

    struct Result
    {
        Outcome outcome = Outcome::NoAnswer;
        int httpStatus = 0; // 0: no answer
        QByteArray body;
        // Not Success: the server's words and the finer kind (403 refusal or permission, page past
        // the end...); RateLimited: retryAfterSeconds.
        AlertApiError error;
        QDateTime sentAt; // when the answered (last) try left: nothing in the answer is newer
    };

    RestJob(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~RestJob() override;

    // Server, TLS and token, asked for at each try: a failover or a renewed token reaches the next one.
    void setAccess(std::function<SessionAccess()> access) { m_access = std::move(access); }
    void setPolicy(const Policy &policy);
    [[nodiscard]] const Policy &policy() const { return m_policy; }

    // Sends the call now (its first try leaves synchronously); a call under way is cancelled first.
    void start(const Call &call);
    // Aborts the try under way and any wait. No signal follows.
    void cancel();
    // The session renewed its token: a call waiting for one tries again. Still the refused token (the
    // renewal could not run): it asks again (tokenRejected).
    void tokenRenewed();

    // A try under way or a wait for the next one.
    [[nodiscard]] bool isRunning() const { return m_state != State::Idle; }
    // A try is on the wire (not waiting).
    [[nodiscard]] bool isSending() const { return m_state == State::Sending; }
    [[nodiscard]] bool isWaitingForToken() const { return m_state == State::WaitingForToken; }
    // Monotonic time of the next try the job means to make, or after a failed run the earliest its
    // owner should start another; -1: none.
    [[nodiscard]] qint64 nextTryMs() const;
    [[nodiscard]] QDateTime nextTryAt() const;
    // Whether the wait after the last failed run is over (always, after a success).
    [[nodiscard]] bool mayStart() const;
    // The caller could not use a run's answer (a 2xx whose body is not what it asked for): hold off
    // as after that outcome. forgiveFailure(): the failure was none (a page past the end).
    void holdOff(Outcome outcome);
    void forgiveFailure();
    // Tries sent over the job's life (each counts against the server's 600 calls an hour).
    [[nodiscard]] int calls() const { return m_calls; }
    // The outcome of each status the server may answer with (before the renewal and the waits).
    [[nodiscard]] static Outcome outcomeOf(int httpStatus);

Q_SIGNALS:
    // A try leaves now.
    void sending();
    // A try got an HTTP answer (before the job decides what follows).
    void answered(int httpStatus);
    // 401: the session should renew the access token; the job waits for tokenRenewed().
    void tokenRejected();
    // The run ended; not emitted after cancel().
    void finished(const noc::RestJob::Result &result);

private:
    enum class State : quint8
    {
        Idle,
        Sending,
        WaitingToRetry,
        WaitingForToken
    };

    void send();
    void onReply(QNetworkReply *reply);
    void onUnauthorized(const Result &result);
    void retryIn(qint64 milliseconds);
    void finish(Result result);

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    std::function<SessionAccess()> m_access;
    Policy m_policy;
    Backoff m_backoff;
    std::unique_ptr<Timer> m_timer; // the next try, or the end of the wait for a renewed token
    QPointer<QNetworkReply> m_reply;
    State m_state = State::Idle;
    Call m_call;
    int m_noAnswerTries = 0; // this run
    int m_failedRuns = 0; // in a row: the backoff's attempt after a failed run
    bool m_triedRenewedToken = false; // this run: a 401 led to a try with another token
    QString m_sentWithToken;
    QString m_refusedToken;
    qint64 m_sentAtMs = -1;
    QDateTime m_sentAt;
    qint64 m_holdOffUntilMs = -1;
    qint64 m_rateLimitedUntilMs = -1; // the last 429's Retry-After, as monotonic time
    quint64 m_run = 0; // a slot that cancels or restarts the job ends this run's handling
    Result m_lastFailure; // what ends the run if the wait for a renewed token runs out
    int m_calls = 0;
};

} // namespace noc
