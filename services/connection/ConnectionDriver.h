// SPDX-License-Identifier: MIT
#pragma once

#include "Backoff.h"
#include "ConnectionStateMachine.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

namespace noc {

class Clock;
class Timer;
struct ChannelClose;

// Carries out the reconnection policy for one session: hands each event to ConnectionStateMachine with
// the facts its guards need, performs the actions it names, and owns what the table leaves to it: the
// retry timer, the backoff with its attempts, and whether these credentials ever worked. Sockets,
// tokens and servers stay outside: the session does those through Hooks.
class ConnectionDriver : public QObject
{
    Q_OBJECT

public:
    using State = ConnectionStateMachine::State;
    using Event = ConnectionStateMachine::Event;
    using FailureReason = ConnectionStateMachine::FailureReason;

    // What the session does when the machine says so, and what it knows of its credentials.
    struct Hooks
    {
        std::function<void()> login;
        std::function<void()> refresh;
        std::function<void()> openChannels;
        std::function<void()> closeChannels;
        // A failure on the server in use is about to be retried (failover counts these).
        std::function<void()> failedOnServer;
        // Live, or started over by the operator: failures count afresh.
        std::function<void()> attemptsReset;
        std::function<bool()> hasPassword;
        std::function<bool()> hasRefreshToken;
        std::function<bool()> tokenFresh;
    };

    explicit ConnectionDriver(const Clock *clock, QObject *parent = nullptr);
    ~ConnectionDriver() override;

    void setHooks(Hooks hooks) { m_hooks = std::move(hooks); }
    // maxAttempts applies on the desktop only: a wall screen never gives up.
    void setPolicy(const BackoffPolicy &policy, bool wallMode);
    // Source of jitter for the backoff; tests make it exact.
    void setRandomSource(std::function<double()> random01);

    // serverWaitMs: a 429's Retry-After, the least wait when the machine says "wait as the server says".
    void dispatch(Event event, const QString &detail = {}, qint64 serverWaitMs = 0);
    // A dashboard close nobody here asked for, as the machine's event (CloseClassification); a 1011
    // this session expects is no failure (expectTenantClose).
    void dashboardClosed(const ChannelClose &close) { dashboardClosed(close, isExpectedClose(close)); }
    // expected: decided once by the caller (isExpectedClose), so every part sees the same verdict.
    void dashboardClosed(const ChannelClose &close, bool expected);
    // Until untilMs (monotonic), a 1011 is this session's own doing: an alert action makes current
    // servers close every dashboard socket of the tenant. It then reconnects at once, with no backoff
    // growth and no attempt counted.
    // One expected close per call: taking it (dashboardClosed) or a refused call withdraws it.
    void expectTenantClose(qint64 untilMs) { m_tenantCloseUntilMs = qMax(m_tenantCloseUntilMs, untilMs); }
    void withdrawTenantClose() { m_tenantCloseUntilMs = -1; }
    // The call was answered: its close, if not taken yet, comes soon or not at all.
    void limitTenantClose(qint64 untilMs) { m_tenantCloseUntilMs = qMin(m_tenantCloseUntilMs, untilMs); }
    [[nodiscard]] bool isExpectedClose(const ChannelClose &close) const;

    // Ends up in Failed without the machine (no server configured, nothing to sign in with).
    void fail(const QString &message, FailureReason reason = FailureReason::Other);
    // Nothing to sign in with: the operator must (fail() says where it stands).
    void requireCredentials() { m_needsCredentials = true; }
    void cancelRetry();
    void setCredentialsProven(bool proven) { m_credentialsProven = proven; }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isConnected() const { return m_state == State::Connected; }
    [[nodiscard]] QDateTime stateSince() const { return m_stateSince; }
    [[nodiscard]] QString statusMessage() const { return m_statusMessage; }
    [[nodiscard]] QDateTime nextRetryAt() const { return m_nextRetryAt; }
    [[nodiscard]] int attempt() const { return m_attempt; }
    [[nodiscard]] bool credentialsProven() const { return m_credentialsProven; }
    [[nodiscard]] bool needsCredentials() const { return m_needsCredentials; }
    // Why it is in Failed; None in every other state.
    [[nodiscard]] FailureReason failureReason() const { return m_failureReason; }
    // When the server first refused this session's credentials, until it has tokens again (Connecting)
    // or the operator ends it: a retry refused again does not make it look freshly signed out.
    [[nodiscard]] QDateTime signedOutAt() const { return m_signedOutAt; }
    [[nodiscard]] const Backoff &backoff() const { return m_backoff; }

Q_SIGNALS:
    // Every change of state or status message (from == to when only the message changed).
    void stateChanged(noc::ConnectionStateMachine::State from, noc::ConnectionStateMachine::State to);
    // A retry is due at nextRetryAt().
    void retryScheduled();

private:
    using Action = ConnectionStateMachine::Action;

    [[nodiscard]] ConnectionStateMachine::Facts facts() const;
    void perform(Action action);
    void setState(State state, const QString &message, FailureReason reason = FailureReason::None);
    void scheduleRetry(qint64 delayMs, const QString &reason);

    const Clock *m_clock;
    Hooks m_hooks;
    Backoff m_backoff;
    int m_maxAttempts = BackoffPolicy {}.maxAttempts;
    bool m_wallMode = false;

    State m_state = State::LoggedOut;
    QDateTime m_stateSince;
    QString m_statusMessage;
    QDateTime m_nextRetryAt;
    qint64 m_nextRetryDelayMs = 0;
    int m_attempt = 0;
    bool m_credentialsProven = false;
    bool m_refreshedForRefusal = false;
    bool m_needsCredentials = false;
    FailureReason m_failureReason = FailureReason::None;
    QDateTime m_signedOutAt;
    qint64 m_tenantCloseUntilMs = -1;
    std::unique_ptr<Timer> m_retryTimer;
};

} // namespace noc
