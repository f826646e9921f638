// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace noc {

// The reconnection policy as one table: (state, event, guard) -> (next state, actions). The engine
// classifies what happened into an Event, gives the machine the facts its guards need, and carries out
// the actions; the machine itself has no clock, no sockets and no side effects, so every transition is
// unit-tested and the whole policy prints as a table (`nocctl status --state-table`).
class ConnectionStateMachine
{
public:
    enum class State : quint8
    {
        LoggedOut,
        Authenticating,
        RefreshingToken,
        Connecting,
        Connected,
        Backoff,
        Failed
    };

    enum class Event : quint8
    {
        Start, // credentials available (a password, or a refresh token from the keychain)
        Stop, // the operator closed the session
        RetryRequested, // the operator pressed Retry
        LoginSucceeded,
        LoginRejected, // 400/401/403 on login: the credentials are wrong or disabled
        LoginThrottled, // 429
        LoginFailed, // network, TLS or server error
        RefreshSucceeded,
        RefreshRejected, // the refresh token is expired, revoked or rotated
        RefreshThrottled,
        RefreshFailed,
        Opened, // the dashboard said "connected"
        HandshakeRefused, // HTTP 403 at the upgrade: token, permission, Origin or socket cap
        ConnectFailed, // no socket: refused, unreachable, TLS error, timeout
        ClosedByServer, // 1000, 1001 (restart, 24 h limit), or a dropped connection
        ClosedServerError, // 1011
        ClosedUnauthorized, // 4401
        ClosedPresenceTimeout, // 4408
        ClosedTooManyConnections, // 4429
        LivenessLost, // no frame for 2 x heartbeat + 5 s: half-open
        BackoffElapsed,
        NetworkRestored, // reachability came back, or the machine resumed from sleep
        PreferredServerBack, // connected to a fallback while the first server is healthy again
        ClosedExpected, // a 1011 this session caused (its own alert action closes the tenant's sockets)
    };

    enum class Guard : quint8
    {
        Always,
        CredentialsUnproven, // these credentials never got us connected: failures must not loop
        CredentialsProven,
        AttemptsExhausted, // desktop only; wall mode never gives up
        MayRefreshForRefusal, // a 403 gets one token refresh before it counts as a real refusal
        HasPassword,
        HasRefreshToken,
        TokenFresh, // the access token is valid for a while yet
    };

    enum class Action : quint8
    {
        Login,
        Refresh,
        OpenChannels,
        CloseChannels,
        ScheduleBackoff, // exponential with jitter
        ScheduleBackoffAtCap, // 4429: at least the cap
        ScheduleServerWait, // 429: the wait the server named, at least the backoff
        ResetAttempts,
        MarkCredentialsProven,
        NoteRefusalRefresh,
    };

    // Why the session is in Failed: what the operator (or a wall's recovery) has to do about it.
    enum class FailureReason : quint8
    {
        None, // not failed
        SessionRefused, // the server refused what proves the session: a dead refresh token, a password
                        // refused, a disabled user; only new credentials bring it back
        NoSession, // nothing to sign in with: no password and nothing in the keychain
        Other, // gave up on an outage, refused at the socket, no server configured
    };

    struct Facts
    {
        bool credentialsProven = false;
        bool attemptsExhausted = false;
        bool refreshedForRefusal = false;
        bool hasPassword = false;
        bool hasRefreshToken = false;
        bool tokenFresh = false;
    };

    struct Transition
    {
        QList<State> from;
        Event event;
        Guard guard;
        State to;
        QList<Action> actions;
        const char *why;
    };

    struct Step
    {
        State to;
        QList<Action> actions;
        QString why;
    };

    // The first row that matches (state, event) and whose guard holds; nothing when the event does not
    // apply in this state (it is then ignored).
    [[nodiscard]] static std::optional<Step> next(State state, Event event, const Facts &facts);
    [[nodiscard]] static const QList<Transition> &table();
    // Why a transition into Failed on this event happened.
    [[nodiscard]] static FailureReason failureReason(Event event);
    [[nodiscard]] static QString printableTable();

    [[nodiscard]] static QString stateName(State state);
    [[nodiscard]] static QString eventName(Event event);
    [[nodiscard]] static QString guardName(Guard guard);
    [[nodiscard]] static QString actionName(Action action);

private:
    [[nodiscard]] static bool holds(Guard guard, const Facts &facts);
};

} // namespace noc
