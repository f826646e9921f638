// SPDX-License-Identifier: MIT
#include "ConnectionDriver.h"

#include "Clock.h"
#include "CloseClassification.h"
#include "LoggingCategories.h"
#include "WebSocketChannel.h"

#include <QCoreApplication>

namespace noc {

using namespace Qt::StringLiterals;
using Action = ConnectionStateMachine::Action;

namespace {
bool isScheduling(Action action)
{
    return action == Action::ScheduleBackoff || action == Action::ScheduleBackoffAtCap
        || action == Action::ScheduleServerWait;
}

bool ask(const std::function<bool()> &fact)
{
    return fact && fact();
}

void run(const std::function<void()> &hook)
{
    if (hook)
        hook();
}
} // namespace

ConnectionDriver::ConnectionDriver(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_stateSince(clock->nowUtc()), m_retryTimer(clock->createTimer())
{
    m_retryTimer->onTimeout = [this] {
        m_nextRetryAt = {};
        dispatch(Event::BackoffElapsed);
    };
}

ConnectionDriver::~ConnectionDriver() = default;

void ConnectionDriver::setPolicy(const BackoffPolicy &policy, bool wallMode)
{
    m_backoff.setPolicy(policy);
    m_maxAttempts = policy.maxAttempts;
    m_wallMode = wallMode;
}

void ConnectionDriver::setRandomSource(std::function<double()> random01)
{
    m_backoff = Backoff(m_backoff.policy(), std::move(random01));
}

ConnectionStateMachine::Facts ConnectionDriver::facts() const
{
    ConnectionStateMachine::Facts f;
    f.credentialsProven = m_credentialsProven;
    f.attemptsExhausted = !m_wallMode && m_maxAttempts > 0 && m_attempt >= m_maxAttempts;
    f.refreshedForRefusal = m_refreshedForRefusal;
    f.hasPassword = ask(m_hooks.hasPassword);
    f.hasRefreshToken = ask(m_hooks.hasRefreshToken);
    f.tokenFresh = ask(m_hooks.tokenFresh);
    return f;
}

void ConnectionDriver::dispatch(Event event, const QString &detail, qint64 serverWaitMs)
{
    const State from = m_state;
    const auto step = ConnectionStateMachine::next(from, event, facts());
    if (!step) {
        qCDebug(lcConnection) << "ignoring" << ConnectionStateMachine::eventName(event) << "in"
                              << ConnectionStateMachine::stateName(from);
        return;
    }
    qCInfo(lcConnection).noquote() << ConnectionStateMachine::stateName(from) << "--"
                                   << ConnectionStateMachine::eventName(event) << "->"
                                   << ConnectionStateMachine::stateName(step->to)
                                   << u"("_s + step->why + u")"_s;
    QString message = detail.isEmpty() ? step->why : detail;
    if (step->to == State::Failed && event != Event::LoginRejected && facts().attemptsExhausted)
        message = QCoreApplication::translate("noc::NocClient", "Gave up after %1 attempts: %2")
                      .arg(m_attempt)
                      .arg(message);
    m_nextRetryDelayMs = serverWaitMs;
    for (Action action : step->actions) {
        if (isScheduling(action))
            perform(action); // computes the delay before the state is shown
    }
    if (step->to == State::Failed && ask(m_hooks.hasPassword))
        m_needsCredentials = event == Event::LoginRejected;
    else if (step->to == State::Failed)
        m_needsCredentials = event == Event::RefreshRejected || !m_credentialsProven;
    else if (step->to == State::Connected)
        m_needsCredentials = false;
    setState(step->to, message,
             step->to == State::Failed ? ConnectionStateMachine::failureReason(event) : FailureReason::None);
    for (Action action : step->actions) {
        if (!isScheduling(action))
            perform(action);
    }
    if (m_nextRetryDelayMs > 0)
        scheduleRetry(m_nextRetryDelayMs, message);
}

void ConnectionDriver::perform(Action action)
{
    switch (action) {
    case Action::Login:
        run(m_hooks.login);
        break;
    case Action::Refresh:
        run(m_hooks.refresh);
        break;
    case Action::OpenChannels:
        run(m_hooks.openChannels);
        break;
    case Action::CloseChannels:
        run(m_hooks.closeChannels);
        break;
    case Action::ScheduleBackoff:
        run(m_hooks.failedOnServer);
        m_nextRetryDelayMs = m_backoff.delayMs(m_attempt++);
        break;
    case Action::ScheduleBackoffAtCap:
        run(m_hooks.failedOnServer);
        ++m_attempt;
        m_nextRetryDelayMs = m_backoff.atLeastCapMs();
        break;
    case Action::ScheduleServerWait:
        // m_nextRetryDelayMs starts as the server's wait when it named one (429 Retry-After).
        m_nextRetryDelayMs = qMax(m_nextRetryDelayMs, m_backoff.delayMs(m_attempt++));
        break;
    case Action::ResetAttempts:
        m_attempt = 0;
        m_refreshedForRefusal = false;
        run(m_hooks.attemptsReset);
        break;
    case Action::MarkCredentialsProven:
        m_credentialsProven = true;
        break;
    case Action::NoteRefusalRefresh:
        m_refreshedForRefusal = true;
        break;
    }
}

bool ConnectionDriver::isExpectedClose(const ChannelClose &close) const
{
    return close.closeCode == 1011 && m_clock->monotonicMs() < m_tenantCloseUntilMs;
}

void ConnectionDriver::dashboardClosed(const ChannelClose &close, bool expected)
{
    if (expected) {
        // Taken: a server failing with 1011 again and again is not this session's doing.
        withdrawTenantClose();
        qCInfo(lcConnection) << "1011 after this session's own alert action: reconnecting at once";
        dispatch(Event::ClosedExpected);
        return;
    }
    const CloseVerdict verdict = classifyDashboardClose(close);
    dispatch(verdict.event, verdict.message);
}

void ConnectionDriver::fail(const QString &message, FailureReason reason)
{
    setState(State::Failed, message, reason);
}

void ConnectionDriver::cancelRetry()
{
    m_retryTimer->stop();
}

void ConnectionDriver::setState(State state, const QString &message, FailureReason reason)
{
    if (state == m_state && message == m_statusMessage && reason == m_failureReason)
        return;
    if (state != m_state)
        m_stateSince = m_clock->nowUtc();
    m_failureReason = state == State::Failed ? reason : FailureReason::None;
    if (reason == FailureReason::SessionRefused && !m_signedOutAt.isValid())
        m_signedOutAt = m_clock->nowUtc();
    else if (state == State::Connecting || state == State::Connected || state == State::LoggedOut)
        m_signedOutAt = {}; // signed in again (new tokens), or the operator ended the session
    const State from = std::exchange(m_state, state);
    m_statusMessage = message;
    if (state != State::Backoff) {
        m_nextRetryAt = {};
        m_retryTimer->stop();
    }
    Q_EMIT stateChanged(from, state);
}

void ConnectionDriver::scheduleRetry(qint64 delayMs, const QString &reason)
{
    m_nextRetryAt = m_clock->nowUtc().addMSecs(delayMs);
    m_retryTimer->start(delayMs);
    qCInfo(lcConnection) << "retrying in" << delayMs << "ms:" << reason;
    Q_EMIT retryScheduled();
}

} // namespace noc
