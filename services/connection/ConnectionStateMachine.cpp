// SPDX-License-Identifier: MIT
#include "ConnectionStateMachine.h"

namespace noc {

using S = ConnectionStateMachine::State;
using E = ConnectionStateMachine::Event;
using G = ConnectionStateMachine::Guard;
using A = ConnectionStateMachine::Action;

namespace {

const QList<S> kOnline { S::Connecting, S::Connected };
const QList<S> kStoppable { S::Authenticating, S::RefreshingToken, S::Connecting,
                            S::Connected,      S::Backoff,         S::Failed };

// Rows are tried top to bottom; the first whose guard holds wins. Read it as the policy: only the
// operator ends a session; bad credentials never loop; every server close reconnects.
// clang-format off
const QList<ConnectionStateMachine::Transition> kTable{
    // The operator decides when a session ends.
    {kStoppable, E::Stop, G::Always, S::LoggedOut, {A::CloseChannels}, "the operator closed the session"},

    // Starting, and the operator's retry.
    {{S::LoggedOut, S::Failed}, E::Start, G::HasPassword, S::Authenticating, {A::ResetAttempts, A::Login}, "sign in with the password"},
    {{S::LoggedOut, S::Failed}, E::Start, G::HasRefreshToken, S::RefreshingToken, {A::ResetAttempts, A::Refresh}, "resume the session from the stored refresh token"},
    {{S::Failed, S::Backoff}, E::RetryRequested, G::HasPassword, S::Authenticating, {A::ResetAttempts, A::Login}, "the operator asked to retry"},
    {{S::Failed, S::Backoff}, E::RetryRequested, G::HasRefreshToken, S::RefreshingToken, {A::ResetAttempts, A::Refresh}, "the operator asked to retry"},

    // Login.
    {{S::Authenticating}, E::LoginSucceeded, G::Always, S::Connecting, {A::OpenChannels}, "signed in"},
    {{S::Authenticating}, E::LoginRejected, G::Always, S::Failed, {}, "wrong or disabled credentials never loop"},
    {{S::Authenticating}, E::LoginThrottled, G::CredentialsUnproven, S::Failed, {}, "throttled before these credentials ever worked: the operator decides"},
    {{S::Authenticating}, E::LoginThrottled, G::Always, S::Backoff, {A::ScheduleServerWait}, "throttled: wait as long as the server says"},
    {{S::Authenticating}, E::LoginFailed, G::CredentialsUnproven, S::Failed, {}, "no automatic retry before the first success with new credentials"},
    {{S::Authenticating}, E::LoginFailed, G::AttemptsExhausted, S::Failed, {}, "gave up (desktop)"},
    {{S::Authenticating}, E::LoginFailed, G::Always, S::Backoff, {A::ScheduleBackoff}, "server unreachable"},

    // Token refresh.
    {{S::RefreshingToken}, E::RefreshSucceeded, G::Always, S::Connecting, {A::OpenChannels}, "token renewed"},
    {{S::RefreshingToken}, E::RefreshRejected, G::HasPassword, S::Authenticating, {A::Login}, "refresh token dead: sign in again with the remembered password"},
    {{S::RefreshingToken}, E::RefreshRejected, G::Always, S::Failed, {}, "refresh token dead and no password: the operator must sign in"},
    {{S::RefreshingToken}, E::RefreshThrottled, G::CredentialsUnproven, S::Failed, {}, "throttled before these credentials ever worked: the operator decides"},
    {{S::RefreshingToken}, E::RefreshThrottled, G::Always, S::Backoff, {A::ScheduleServerWait}, "throttled: wait as long as the server says"},
    {{S::RefreshingToken}, E::RefreshFailed, G::CredentialsUnproven, S::Failed, {}, "no automatic retry before the first success with new credentials"},
    {{S::RefreshingToken}, E::RefreshFailed, G::AttemptsExhausted, S::Failed, {}, "gave up (desktop)"},
    {{S::RefreshingToken}, E::RefreshFailed, G::Always, S::Backoff, {A::ScheduleBackoff}, "server unreachable"},

    // Opening the channels.
    {{S::Connecting}, E::Opened, G::Always, S::Connected, {A::MarkCredentialsProven, A::ResetAttempts}, "live"},
    {{S::Connecting}, E::HandshakeRefused, G::MayRefreshForRefusal, S::RefreshingToken, {A::NoteRefusalRefresh, A::Refresh}, "a 403 may mean an expired token: refresh once"},
    {{S::Connecting}, E::HandshakeRefused, G::CredentialsUnproven, S::Failed, {}, "refused (permission, Origin or socket cap) before ever connecting"},
    {{S::Connecting}, E::HandshakeRefused, G::AttemptsExhausted, S::Failed, {}, "gave up (desktop)"},
    {{S::Connecting}, E::HandshakeRefused, G::Always, S::Backoff, {A::ScheduleBackoff}, "refused (permission, Origin or socket cap): back off"},
    {{S::Connecting}, E::ConnectFailed, G::CredentialsUnproven, S::Failed, {}, "no automatic retry before the first success with new credentials"},
    {{S::Connecting}, E::ConnectFailed, G::AttemptsExhausted, S::Failed, {}, "gave up (desktop)"},
    {{S::Connecting}, E::ConnectFailed, G::Always, S::Backoff, {A::ScheduleBackoff}, "server unreachable"},

    // The server closed a live (or just opened) connection: never the end of a session, but a server
    // that accepts and closes at once on every attempt is no better than one that refuses.
    {{S::Connecting}, E::ClosedByServer, G::AttemptsExhausted, S::Failed, {}, "gave up (desktop)"},
    {{S::Connecting}, E::ClosedServerError, G::AttemptsExhausted, S::Failed, {}, "gave up (desktop)"},
    {kOnline, E::ClosedPresenceTimeout, G::TokenFresh, S::Connecting, {A::OpenChannels}, "4408: reconnect at once"},
    {kOnline, E::ClosedPresenceTimeout, G::Always, S::RefreshingToken, {A::Refresh}, "4408: reconnect at once, with a fresh token"},
    {kOnline, E::ClosedExpected, G::TokenFresh, S::Connecting, {A::OpenChannels}, "1011 after our own alert action: reconnect at once, nothing counted"},
    {kOnline, E::ClosedExpected, G::Always, S::RefreshingToken, {A::Refresh}, "1011 after our own alert action: reconnect at once, with a fresh token"},
    {kOnline, E::ClosedUnauthorized, G::Always, S::RefreshingToken, {A::Refresh}, "4401: renew the token"},
    {kOnline, E::ClosedTooManyConnections, G::Always, S::Backoff, {A::ScheduleBackoffAtCap}, "4429: too many connections, wait at least the cap"},
    {kOnline, E::ClosedServerError, G::Always, S::Backoff, {A::ScheduleBackoff}, "1011: server error, back off"},
    {kOnline, E::ClosedByServer, G::Always, S::Backoff, {A::ScheduleBackoff}, "closed by the server: reconnect"},
    {kOnline, E::LivenessLost, G::Always, S::Backoff, {A::CloseChannels, A::ScheduleBackoff}, "half-open: nothing heard for too long"},

    // Waiting.
    {{S::Backoff}, E::BackoffElapsed, G::TokenFresh, S::Connecting, {A::OpenChannels}, "retry"},
    {{S::Backoff}, E::BackoffElapsed, G::HasRefreshToken, S::RefreshingToken, {A::Refresh}, "retry with a renewed token"},
    {{S::Backoff}, E::BackoffElapsed, G::HasPassword, S::Authenticating, {A::Login}, "retry the sign-in"},
    {{S::Backoff}, E::NetworkRestored, G::TokenFresh, S::Connecting, {A::OpenChannels}, "the network is back: retry now"},
    {{S::Backoff}, E::NetworkRestored, G::HasRefreshToken, S::RefreshingToken, {A::Refresh}, "the network is back: retry now"},
    {{S::Backoff}, E::NetworkRestored, G::HasPassword, S::Authenticating, {A::Login}, "the network is back: retry now"},
    {{S::Failed}, E::NetworkRestored, G::CredentialsProven, S::Connecting, {A::ResetAttempts, A::OpenChannels}, "gave up while offline; the network is back"},
    {{S::Connected}, E::NetworkRestored, G::Always, S::Connected, {}, "still live"},

    // Failover: the first configured server is preferred whenever it is healthy.
    {{S::Connected}, E::PreferredServerBack, G::HasPassword, S::Authenticating, {A::CloseChannels, A::Login}, "the preferred server is healthy again: move back"},
    {{S::Connected}, E::PreferredServerBack, G::HasRefreshToken, S::RefreshingToken, {A::CloseChannels, A::Refresh}, "the preferred server is healthy again: move back"},
};
// clang-format on

template<typename Enum> QString enumName(const char *const names[], Enum value)
{
    return QString::fromLatin1(names[static_cast<int>(value)]);
}

} // namespace

bool ConnectionStateMachine::holds(Guard guard, const Facts &facts)
{
    switch (guard) {
    case G::Always:
        return true;
    case G::CredentialsUnproven:
        return !facts.credentialsProven;
    case G::CredentialsProven:
        return facts.credentialsProven;
    case G::AttemptsExhausted:
        return facts.attemptsExhausted;
    case G::MayRefreshForRefusal:
        return !facts.refreshedForRefusal && facts.hasRefreshToken;
    case G::HasPassword:
        return facts.hasPassword;
    case G::HasRefreshToken:
        return facts.hasRefreshToken;
    case G::TokenFresh:
        return facts.tokenFresh;
    }
    return false;
}

std::optional<ConnectionStateMachine::Step> ConnectionStateMachine::next(State state, Event event,
                                                                         const Facts &facts)
{
    for (const Transition &row : kTable) {
        if (row.event == event && row.from.contains(state) && holds(row.guard, facts))
            return Step { row.to, row.actions, QString::fromLatin1(row.why) };
    }
    return std::nullopt;
}

ConnectionStateMachine::FailureReason ConnectionStateMachine::failureReason(Event event)
{
    // The server said no to the credentials themselves; every other way into Failed is about reaching
    // it (or the operator's choice of what to try), not about who signs in.
    return event == E::RefreshRejected || event == E::LoginRejected ? FailureReason::SessionRefused
                                                                    : FailureReason::Other;
}

const QList<ConnectionStateMachine::Transition> &ConnectionStateMachine::table()
{
    return kTable;
}

QString ConnectionStateMachine::stateName(State state)
{
    static const char *const names[] = { "LoggedOut", "Authenticating", "RefreshingToken", "Connecting",
                                         "Connected", "Backoff",        "Failed" };
    return enumName(names, state);
}

QString ConnectionStateMachine::eventName(Event event)
{
    static const char *const names[] = { "Start",
                                         "Stop",
                                         "RetryRequested",
                                         "LoginSucceeded",
                                         "LoginRejected",
                                         "LoginThrottled",
                                         "LoginFailed",
                                         "RefreshSucceeded",
                                         "RefreshRejected",
                                         "RefreshThrottled",
                                         "RefreshFailed",
                                         "Opened",
                                         "HandshakeRefused",
                                         "ConnectFailed",
                                         "ClosedByServer",
                                         "ClosedServerError",
                                         "ClosedUnauthorized",
                                         "ClosedPresenceTimeout",
                                         "ClosedTooManyConnections",
                                         "LivenessLost",
                                         "BackoffElapsed",
                                         "NetworkRestored",
                                         "PreferredServerBack",
                                         "ClosedExpected" };
    return enumName(names, event);
}

QString ConnectionStateMachine::guardName(Guard guard)
{
    static const char *const names[] = { "",
                                         "credentials unproven",
                                         "credentials proven",
                                         "attempts exhausted",
                                         "may refresh for refusal",
                                         "has password",
                                         "has refresh token",
                                         "token fresh" };
    return enumName(names, guard);
}

QString ConnectionStateMachine::actionName(Action action)
{
    static const char *const names[] = {
        "login",          "refresh",       "open channels",  "close channels",          "backoff",
        "backoff >= cap", "server's wait", "reset attempts", "mark credentials proven", "note refusal refresh"
    };
    return enumName(names, action);
}

QString ConnectionStateMachine::printableTable()
{
    QString out
        = QStringLiteral("| from | event | guard | to | actions | why |\n|---|---|---|---|---|---|\n");
    for (const Transition &row : kTable) {
        QStringList from;
        for (State s : row.from)
            from.append(stateName(s));
        QStringList actions;
        for (Action a : row.actions)
            actions.append(actionName(a));
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                   .arg(from.join(QStringLiteral(", ")), eventName(row.event), guardName(row.guard),
                        stateName(row.to), actions.join(QStringLiteral(", ")), QString::fromLatin1(row.why));
    }
    return out;
}

} // namespace noc
