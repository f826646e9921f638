// SPDX-License-Identifier: MIT
#include "Session.h"

#include "AuthClient.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "LoggingCategories.h"
#include "NetworkWatcher.h"
#include "ServerFailover.h"
#include "SessionKeychain.h"
#include "SessionRecovery.h"
#include "SessionTokens.h"
#include "WebSocketChannel.h"

#include <QCoreApplication>

namespace noc {

using Event = ConnectionStateMachine::Event;

namespace {
// The session's words, translated with the engine's other messages.
QString signInRequired()
{
    return QCoreApplication::translate("noc::NocClient", "Sign-in required");
}
} // namespace

Session::Session(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_auth(new AuthClient(network, clock, this))
    , m_tokens(new SessionTokens(m_auth, clock, this))
    , m_failover(new ServerFailover(network, clock, this))
    , m_driver(new ConnectionDriver(clock, this))
    , m_keychain(new SessionKeychain(this))
    , m_recovery(new SessionRecovery(clock, this))
{
    m_keychain->setStore(new CredentialStore(this));
    // The state machine's actions and facts, carried out by the parts that own them.
    m_driver->setHooks({
        .login = [this] { m_tokens->login(m_failover->current()); },
        .refresh = [this] { m_tokens->refresh(m_failover->current(), false); },
        .openChannels = [this] { m_channels.open(); },
        .closeChannels = [this] { m_channels.close(); },
        .failedOnServer = [this] { m_failover->noteFailure(); },
        .attemptsReset = [this] { m_failover->resetFailures(); },
        .hasPassword = [this] { return m_tokens->hasPassword(); },
        .hasRefreshToken = [this] { return m_tokens->hasRefreshToken(); },
        .tokenFresh = [this] { return m_tokens->isFresh(); },
    });
    connect(m_driver, &ConnectionDriver::stateChanged, this, &Session::onStateChanged);
    connect(m_driver, &ConnectionDriver::retryScheduled, this, &Session::stateChanged);
    connect(m_tokens, &SessionTokens::finished, this,
            [this](Event event, const QString &message, qint64 waitMs) {
                m_driver->dispatch(event, message, waitMs);
            });
    connect(m_tokens, &SessionTokens::renewed, this, &Session::storeCredentials);
    connect(m_tokens, &SessionTokens::renewed, this, &Session::tokensRenewed);
    connect(m_tokens, &SessionTokens::renewalDue, this, [this] {
        if (m_driver->isConnected() && !m_tokens->isBusy())
            m_tokens->refresh(m_failover->current(), true);
    });
    connect(m_failover, &ServerFailover::serverChanged, this, &Session::onServerChanged);
    connect(m_failover, &ServerFailover::preferredServerBack, this,
            [this] { m_driver->dispatch(Event::PreferredServerBack); });
    connect(m_keychain, &SessionKeychain::messageChanged, this, &Session::keychainMessageChanged);
    connect(m_keychain, &SessionKeychain::saved, this, &Session::credentialsSaved);
    connect(m_recovery, &SessionRecovery::provisioned, this, &Session::resumeProvisioned);
}

Session::~Session()
{
    // Closing here would emit into a half-destroyed object.
    m_auth->disconnect(m_tokens);
}

void Session::configure(const ClientSettings &settings, const QSslConfiguration &ssl)
{
    m_ssl = ssl;
    m_insecureTls = settings.insecureTls;
    m_rememberPassword = settings.rememberPassword;
    m_hasServer = !settings.servers.isEmpty();
    m_wallMode = settings.wallMode;
    m_driver->setPolicy(settings.backoff, settings.wallMode);
    if (!settings.username.isEmpty() && m_tokens->username().isEmpty())
        m_tokens->setUsername(settings.username);
    m_failover->configure(settings, ssl);
    m_auth->setSslConfiguration(ssl, settings.insecureTls);
    m_auth->setProfile(m_failover->current());
    updateRecovery();
}

void Session::setCredentialStore(CredentialStore *store)
{
    m_keychain->setStore(store);
    updateRecovery();
}

void Session::setCredentials(const QString &username, const QString &password)
{
    m_tokens->setCredentials(username, password);
    m_driver->setCredentialsProven(false);
    Q_EMIT profileChanged();
}

void Session::restore(const QString &username, const QString &refreshToken)
{
    m_tokens->restore(username, refreshToken);
    m_driver->setCredentialsProven(!refreshToken.isEmpty());
    Q_EMIT profileChanged();
}

QString Session::username() const
{
    return m_tokens->username();
}

QString Session::keychainMessage() const
{
    return m_keychain->message();
}

SessionAccess Session::access() const
{
    return { m_failover->current(), m_ssl, m_insecureTls, m_tokens->tokens().access, username() };
}

QUrl Session::keychainServer() const
{
    // One entry per deployment, named after the first (preferred) server, whichever one is in use.
    return m_failover->preferred().baseUrl;
}

void Session::onStateChanged(State from, State to)
{
    const QDateTime lastHeard = m_channels.dashboard ? m_channels.dashboard->lastInboundAt() : QDateTime();
    if (m_gaps.noteTransition(from, to, lastHeard, m_clock->nowUtc()))
        Q_EMIT feedGapChanged();
    m_failover->setLive(to == State::Connected);
    updateRecovery();
    Q_EMIT stateChanged();
}

void Session::updateRecovery()
{
    using Reason = ConnectionStateMachine::FailureReason;
    const Reason reason = m_driver->failureReason();
    const QString user = m_tokens->username();
    // A wall has nobody to type a password: it waits for a session provisioned on the machine. A
    // desktop has its sign-in dialog and does not watch.
    const bool signedOut = m_driver->state() == State::Failed
        && (reason == Reason::SessionRefused || reason == Reason::NoSession);
    if (!m_wallMode || !signedOut || !m_keychain->hasStore() || user.isEmpty()) {
        m_recovery->stop();
        return;
    }
    m_recovery->watch(
        [this, user](std::function<void(const QString &, const QString &)> done) {
            m_keychain->read(keychainServer(), user, std::move(done));
        },
        m_tokens->refusedRefreshToken(), m_tokens->refusedPassword());
}

void Session::resumeProvisioned(const QString &refreshToken, const QString &password)
{
    // Exactly what the keychain holds now, as at start (startFromKeychain), less a refused password.
    restore(m_tokens->username(), refreshToken);
    m_tokens->setPassword(password);
    m_driver->dispatch(Event::Start);
}

void Session::onServerChanged()
{
    // Tokens from one server mean nothing to another unless they share an auth backend: only the
    // refresh token is kept (a refusal then falls back to the password).
    m_tokens->dropAccessToken();
    Q_EMIT serverChanged();
    m_auth->setProfile(m_failover->current());
    Q_EMIT profileChanged();
}

void Session::start()
{
    if (!m_hasServer || m_failover->current().baseUrl.isEmpty()) {
        m_driver->fail(QCoreApplication::translate("noc::NocClient", "No server configured"));
        return;
    }
    if (!m_networkWatcher) {
        m_networkWatcher = new NetworkWatcher(m_clock, this);
        connect(m_networkWatcher, &NetworkWatcher::networkRestored, this, [this] {
            m_driver->dispatch(Event::NetworkRestored,
                               QCoreApplication::translate("noc::NocClient", "The network is back"));
        });
        connect(m_networkWatcher, &NetworkWatcher::resumed, this, [this] {
            m_driver->dispatch(Event::NetworkRestored,
                               QCoreApplication::translate("noc::NocClient", "Resumed from sleep"));
        });
    }
    if (!m_tokens->hasPassword() && !m_tokens->hasRefreshToken()) {
        if (m_keychain->hasStore() && !m_tokens->username().isEmpty() && !m_keychain->isReading()) {
            startFromKeychain();
            return;
        }
        m_driver->requireCredentials();
        m_driver->fail(signInRequired(), ConnectionStateMachine::FailureReason::NoSession);
        return;
    }
    const State state = m_driver->state();
    m_driver->dispatch(state == State::Failed || state == State::Backoff ? Event::RetryRequested
                                                                         : Event::Start);
}

void Session::startFromKeychain()
{
    // An unattended screen starts here: its refresh token (and the password, if the operator chose to
    // remember it) come from the OS keychain.
    const QString user = m_tokens->username();
    m_keychain->read(keychainServer(), user, [this, user](const QString &refresh, const QString &password) {
        if (user != m_tokens->username())
            return; // someone signed in meanwhile
        if (!refresh.isEmpty())
            restore(user, refresh);
        if (!password.isEmpty())
            m_tokens->setPassword(password);
        if (!m_tokens->hasPassword() && !m_tokens->hasRefreshToken()) {
            m_driver->requireCredentials();
            m_driver->fail(signInRequired(), ConnectionStateMachine::FailureReason::NoSession);
            return;
        }
        start();
    });
}

void Session::storeCredentials()
{
    m_keychain->save(keychainServer(), m_tokens->username(), m_tokens->tokens().refresh,
                     m_rememberPassword ? m_tokens->password() : QString());
}

void Session::retryNow()
{
    if (m_driver->state() == State::LoggedOut)
        start();
    else
        m_driver->dispatch(Event::RetryRequested);
}

bool Session::stop()
{
    m_tokens->cancel();
    m_driver->cancelRetry();
    if (m_driver->state() == State::LoggedOut) {
        m_channels.close();
        return false;
    }
    m_driver->dispatch(Event::Stop, QCoreApplication::translate("noc::NocClient", "Disconnected"));
    return true;
}

void Session::signOut()
{
    const AuthTokens tokens = m_tokens->tokens();
    const QString user = m_tokens->username();
    m_signOutSteps = 1;
    const auto stepDone = [this] {
        if (m_signOutSteps > 0 && --m_signOutSteps == 0)
            Q_EMIT signedOut();
    };
    if (m_keychain->hasStore() && !user.isEmpty()) {
        ++m_signOutSteps;
        m_keychain->forget(keychainServer(), user, stepDone);
    }
    if (!tokens.refresh.isEmpty()) {
        // Best effort: revokes the refresh token where the server can (v2); the token endpoints cannot.
        ++m_signOutSteps;
        m_tokens->logout(tokens, stepDone);
    }
    m_tokens->forget();
    m_driver->setCredentialsProven(false);
    m_driver->requireCredentials();
    Q_EMIT stateChanged();
    stepDone();
}

void Session::live()
{
    m_driver->dispatch(Event::Opened, QCoreApplication::translate("noc::NocClient", "Live"));
}

void Session::dashboardClosed(const ChannelClose &close, bool expected)
{
    m_driver->dashboardClosed(close, expected);
}

void Session::renewTokenInBackground()
{
    if (m_driver->isConnected() && !m_tokens->isBusy() && m_tokens->hasRefreshToken())
        m_tokens->refresh(m_failover->current(), true);
}

} // namespace noc
