// SPDX-License-Identifier: MIT
#include "NocClient.h"

#include "AckOutbox.h"
#include "AuthClient.h"
#include "ClientCommands.h"
#include "Clock.h"
#include "CommandPacer.h"
#include "CredentialStore.h"
#include "LoggingCategories.h"
#include "NetworkWatcher.h"
#include "StateFiles.h"
#include "UrlRedaction.h"
#include "WebSocketChannel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>

namespace noc {

using namespace Qt::StringLiterals;
using Event = ConnectionStateMachine::Event;
using Action = ConnectionStateMachine::Action;

namespace {
const QString kDashboardPath = u"/ws/noc/dashboard/"_s;
const QString kPresencePath = u"/ws/noc/presence/"_s;
constexpr int kAckWindow = 10; // acks in flight at once in normal operation
constexpr int kPoisonStrikes = 3; // 1011 closes before an ack is declared poison
constexpr int kRecentKeys = 20000; // remembered alert keys for duplicate suppression
constexpr qint64 kRefreshAheadMs = 120 * 1000;
constexpr qint64 kTokenFreshMarginMs = 60 * 1000;
constexpr qint64 kHealthTickMs = 2000;
constexpr int kFailuresBeforeFailover = 2;

static_assert(int(NocClient::ConnectionState::Failed) == int(ConnectionStateMachine::State::Failed));
static_assert(int(NocClient::ConnectionState::Backoff) == int(ConnectionStateMachine::State::Backoff));
static_assert(int(NocClient::ConnectionState::LoggedOut) == int(ConnectionStateMachine::State::LoggedOut));

bool isAckError(const QString &message)
{
    return message.startsWith(u"Cannot acknowledge"_s) || message.startsWith(u"Failed to acknowledge"_s)
        || message.startsWith(u"alert_id required"_s);
}

bool isSubscriptionError(const QString &message)
{
    return message.startsWith(u"Insufficient permissions"_s) || message.startsWith(u"client_id required"_s);
}
} // namespace

NocClient::NocClient(QObject *parent) : NocClient(nullptr, nullptr, parent) { }

NocClient::NocClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_ownedClock(clock ? nullptr : std::make_unique<SystemClock>())
    , m_clock(clock ? clock : m_ownedClock.get())
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_auth(new AuthClient(m_network, m_clock, this))
    , m_dashboard(new WebSocketChannel(u"dashboard"_s, kDashboardPath, m_clock, this))
    , m_presence(new WebSocketChannel(u"presence"_s, kPresencePath, m_clock, this))
    , m_pacer(std::make_unique<CommandPacer>(m_clock))
    , m_outbox(std::make_unique<AckOutbox>())
    , m_sslConfiguration(QSslConfiguration::defaultConfiguration())
    , m_retryTimer(m_clock->createTimer())
    , m_refreshAheadTimer(m_clock->createTimer())
    , m_presenceRetryTimer(m_clock->createTimer())
    , m_healthTimer(m_clock->createTimer())
    , m_probeTimer(m_clock->createTimer())
{
    m_credentialStore = new CredentialStore(this);
    qRegisterMetaType<noc::AlertBatch>();
    m_stateSince = m_clock->nowUtc();
    connect(m_auth, &AuthClient::loginFinished, this, &NocClient::onLoginFinished);
    connect(m_auth, &AuthClient::refreshFinished, this, &NocClient::onRefreshFinished);
    m_dashboard->setEventHandler([this](ServerEvent &&event) { onDashboardEvent(std::move(event)); });
    m_presence->setEventHandler([this](ServerEvent &&event) { onPresenceEvent(std::move(event)); });
    connect(m_dashboard, &WebSocketChannel::closed, this, &NocClient::onDashboardClosed);
    connect(m_presence, &WebSocketChannel::closed, this, &NocClient::onPresenceClosed);
    for (WebSocketChannel *channel : { m_dashboard, m_presence }) {
        connect(channel, &WebSocketChannel::rttMeasured, this, [this, channel](int ms) {
            if (channel == m_dashboard)
                m_rttMs = ms;
            Q_EMIT rttSampled(channel->name(), ms, m_clock->nowUtc());
            Q_EMIT healthChanged();
        });
    }
    // Dashboard heartbeats count against the user's frame budget like any other frame.
    m_dashboard->setHeartbeatScheduler([this] {
        m_pacer->enqueue(CommandPacer::Priority::Heartbeat,
                         [this] { return m_dashboard->sendHeartbeatNow(); });
    });

    m_retryTimer->onTimeout = [this] {
        m_nextRetryAt = {};
        dispatch(Event::BackoffElapsed);
    };
    m_refreshAheadTimer->onTimeout = [this] {
        if (m_state == ConnectionState::Connected && !m_auth->isBusy())
            beginRefresh(true);
    };
    m_presenceRetryTimer->onTimeout = [this] {
        if (m_state == ConnectionState::Connected && m_presence->state() == WebSocketChannel::State::Closed)
            m_presence->open(currentProfile(), m_tokens.access);
    };
    m_healthTimer->onTimeout = [this] { updateHealth(); };
    m_probeTimer->onTimeout = [this] { probePreferredServer(); };

    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &NocClient::flushAlerts);
}

NocClient::~NocClient()
{
    // Closing here would emit into a half-destroyed object: just let the sockets go.
    m_dashboard->disconnect(this);
    m_presence->disconnect(this);
    m_auth->disconnect(this);
}

// --- configuration -------------------------------------------------------------------------------

void NocClient::applySettings(const ClientSettings &settings)
{
    m_settings = settings;
    m_serverIndex = 0;
    m_backoff.setPolicy(settings.backoff);
    if (!settings.username.isEmpty() && m_username.isEmpty())
        m_username = settings.username;
    m_dashboard->setHeartbeatIntervalSeconds(settings.heartbeatSeconds);

    m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    if (!settings.caBundlePath.isEmpty()) {
        // The company CA is added to the system CAs, never instead of them.
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(settings.caBundlePath, QSsl::Pem);
        if (extra.isEmpty())
            qCWarning(lcSession) << "no certificate could be read from the CA bundle"
                                 << settings.caBundlePath;
        m_sslConfiguration.addCaCertificates(extra);
    }
    if (settings.insecureTls)
        qCWarning(lcSession) << "TLS certificate verification is OFF by the operator's choice";
    m_auth->setSslConfiguration(m_sslConfiguration, settings.insecureTls);
    m_dashboard->setSslConfiguration(m_sslConfiguration, settings.insecureTls);
    m_presence->setSslConfiguration(m_sslConfiguration, settings.insecureTls);
    m_auth->setProfile(currentProfile());
    if (!settings.subscriptions.isEmpty())
        setSubscriptions(settings.subscriptions);
    Q_EMIT profileChanged();
}

void NocClient::setProfile(const ServerProfile &profile)
{
    m_settings.servers = { profile.baseUrl };
    m_settings.authGeneration = profile.authGeneration;
    m_settings.tokenLocation = profile.tokenLocation;
    m_settings.origin = profile.origin;
    m_serverIndex = 0;
    m_auth->setProfile(currentProfile());
    Q_EMIT profileChanged();
}

ServerProfile NocClient::currentProfile() const
{
    return m_settings.profileFor(m_serverIndex);
}

QUrl NocClient::currentServerUrl() const
{
    return currentProfile().baseUrl;
}

void NocClient::setStateDirectory(const QString &directory, bool keepAcknowledgements)
{
    m_stateDirectory = directory;
    m_keepAcknowledgements = keepAcknowledgements;
    loadState();
}

void NocClient::setFrameBudget(int maxFrames, qint64 windowMs)
{
    m_pacer->setBudget(maxFrames, windowMs);
}

void NocClient::setRandomSource(std::function<double()> random01)
{
    m_backoff = Backoff(m_settings.backoff, std::move(random01));
}

void NocClient::setCredentials(const QString &username, const QString &password)
{
    if (username != m_username)
        m_tokens = {};
    m_username = username;
    m_password = password;
    // New credentials: no automatic retry until they have worked once.
    m_credentialsProven = false;
    Q_EMIT profileChanged();
}

void NocClient::setSubscriptions(const QStringList &clientIds)
{
    QStringList unique;
    for (const QString &id : clientIds) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    if (unique == m_subscriptions)
        return;
    m_subscriptions = unique;
    saveSubscriptions();
    Q_EMIT subscriptionsChanged();
}

void NocClient::setBatchIntervalMs(int milliseconds)
{
    m_batchTimer.setInterval(qMax(0, milliseconds));
}

void NocClient::setDashboardHeartbeatSeconds(int seconds)
{
    m_settings.heartbeatSeconds = seconds;
    m_dashboard->setHeartbeatIntervalSeconds(seconds);
}

QString NocClient::serverName() const
{
    const QUrl url = currentServerUrl();
    if (url.port() > 0)
        return url.host() + u':' + QString::number(url.port());
    return url.host();
}

void NocClient::loadState()
{
    if (m_stateDirectory.isEmpty()) {
        m_outbox = std::make_unique<AckOutbox>();
        return;
    }
    const QDir dir(m_stateDirectory);
    m_outbox = std::make_unique<AckOutbox>(m_keepAcknowledgements ? dir.filePath(u"ack-outbox.json"_s)
                                                                  : QString());
    m_outbox->load();
    const auto document = state::readJson(dir.filePath(u"subscriptions.json"_s));
    if (document && document->isObject()) {
        QStringList ids;
        for (const QJsonValue &value : document->object().value("clients"_L1).toArray())
            ids.append(value.toString());
        QStringList merged = m_subscriptions;
        for (const QString &id : std::as_const(ids)) {
            if (!id.isEmpty() && !merged.contains(id))
                merged.append(id);
        }
        if (merged != m_subscriptions) {
            m_subscriptions = merged;
            Q_EMIT subscriptionsChanged();
        }
    }
    if (m_outbox->size() > 0) {
        qCInfo(lcSession) << m_outbox->size() << "acknowledgements waiting from an earlier run";
        for (const QString &id : m_outbox->ids())
            Q_EMIT acknowledgementPending(id);
    }
    Q_EMIT pendingAcknowledgementsChanged();
}

void NocClient::saveSubscriptions()
{
    if (m_stateDirectory.isEmpty())
        return;
    QString error;
    const QJsonDocument document(
        QJsonObject { { "clients"_L1, QJsonArray::fromStringList(m_subscriptions) } });
    if (!state::writeJsonAtomically(QDir(m_stateDirectory).filePath(u"subscriptions.json"_s), document,
                                    &error))
        qCWarning(lcSession) << "cannot save the subscriptions:" << error;
}

// --- the state machine ---------------------------------------------------------------------------

bool NocClient::tokenFresh() const
{
    if (m_tokens.access.isEmpty())
        return false;
    if (!m_tokens.accessExpiresAt.isValid())
        return true; // an opaque token: the server will say when it is not
    return m_clock->nowUtc().msecsTo(m_tokens.accessExpiresAt) > kTokenFreshMarginMs;
}

ConnectionStateMachine::Facts NocClient::facts() const
{
    ConnectionStateMachine::Facts f;
    f.credentialsProven = m_credentialsProven;
    const int maxAttempts = m_settings.backoff.maxAttempts;
    f.attemptsExhausted = !m_settings.wallMode && maxAttempts > 0 && m_attempt >= maxAttempts;
    f.refreshedForRefusal = m_refreshedForRefusal;
    f.hasPassword = !m_password.isEmpty();
    f.hasRefreshToken = !m_tokens.refresh.isEmpty();
    f.tokenFresh = tokenFresh();
    return f;
}

void NocClient::dispatch(Event event, const QString &detail)
{
    const auto from = static_cast<ConnectionStateMachine::State>(m_state);
    const auto step = ConnectionStateMachine::next(from, event, facts());
    if (!step) {
        qCDebug(lcSession) << "ignoring" << ConnectionStateMachine::eventName(event) << "in"
                           << ConnectionStateMachine::stateName(from);
        return;
    }
    qCInfo(lcSession).noquote() << ConnectionStateMachine::stateName(from) << "--"
                                << ConnectionStateMachine::eventName(event) << "->"
                                << ConnectionStateMachine::stateName(step->to) << u"("_s + step->why + u")"_s;
    QString message = detail.isEmpty() ? step->why : detail;
    if (step->to == ConnectionStateMachine::State::Failed && event != Event::LoginRejected
        && facts().attemptsExhausted)
        message = tr("Gave up after %1 attempts: %2").arg(m_attempt).arg(message);
    m_nextRetryDelayMs = std::exchange(m_serverWaitMs, 0);
    for (Action action : step->actions) {
        if (action == Action::ScheduleBackoff || action == Action::ScheduleBackoffAtCap
            || action == Action::ScheduleServerWait)
            perform(action); // computes the delay before the state is shown
    }
    const auto to = static_cast<ConnectionState>(step->to);
    if (to == ConnectionState::Failed && !m_password.isEmpty())
        m_needsCredentials = event == Event::LoginRejected;
    else if (to == ConnectionState::Failed)
        m_needsCredentials = event == Event::RefreshRejected || !m_credentialsProven;
    else if (to == ConnectionState::Connected)
        m_needsCredentials = false;
    setState(to, message);
    for (Action action : step->actions) {
        if (action != Action::ScheduleBackoff && action != Action::ScheduleBackoffAtCap
            && action != Action::ScheduleServerWait)
            perform(action);
    }
    if (m_nextRetryDelayMs > 0)
        scheduleRetry(m_nextRetryDelayMs, message);
}

void NocClient::perform(Action action)
{
    switch (action) {
    case Action::Login:
        beginLogin();
        break;
    case Action::Refresh:
        beginRefresh(false);
        break;
    case Action::OpenChannels:
        openChannels();
        break;
    case Action::CloseChannels:
        closeChannels();
        break;
    case Action::ScheduleBackoff:
        advanceServerAfterFailure();
        m_nextRetryDelayMs = m_backoff.delayMs(m_attempt++);
        break;
    case Action::ScheduleBackoffAtCap:
        advanceServerAfterFailure();
        ++m_attempt;
        m_nextRetryDelayMs = m_backoff.atLeastCapMs();
        break;
    case Action::ScheduleServerWait:
        // m_nextRetryDelayMs starts as the server's wait when it named one (429 Retry-After).
        m_nextRetryDelayMs = qMax(m_nextRetryDelayMs, m_backoff.delayMs(m_attempt++));
        break;
    case Action::ResetAttempts:
        m_attempt = 0;
        m_failuresOnServer = 0;
        m_refreshedForRefusal = false;
        break;
    case Action::MarkCredentialsProven:
        m_credentialsProven = true;
        break;
    case Action::NoteRefusalRefresh:
        m_refreshedForRefusal = true;
        break;
    }
}

void NocClient::setState(ConnectionState state, const QString &message)
{
    if (state == m_state && message == m_statusMessage)
        return;
    if (state != m_state)
        m_stateSince = m_clock->nowUtc();
    noteFeedGap(std::exchange(m_state, state), state);
    m_statusMessage = message;
    if (state != ConnectionState::Backoff) {
        m_nextRetryAt = {};
        m_retryTimer->stop();
    }
    if (state == ConnectionState::Connected) {
        m_healthTimer->start(kHealthTickMs);
        if (m_serverIndex > 0)
            m_probeTimer->start(m_probeIntervalMs);
    } else {
        m_probeTimer->stop();
    }
    Q_EMIT stateChanged();
    updateHealth();
}

void NocClient::noteFeedGap(ConnectionState from, ConnectionState to)
{
    if (from == to)
        return;
    if (from == ConnectionState::Connected) {
        // From the last frame heard, not from when the loss was noticed: a half-open socket is silent
        // for up to two heartbeat intervals before that.
        const QDateTime lastHeard = m_dashboard->lastInboundAt();
        m_gapFrom = lastHeard.isValid() ? lastHeard : m_clock->nowUtc();
    }
    if (to == ConnectionState::LoggedOut) {
        m_gapFrom = {}; // the operator ended the session: nothing was missed
    } else if (to == ConnectionState::Connected && m_gapFrom.isValid()) {
        m_lastGapFrom = std::exchange(m_gapFrom, {});
        m_lastGapTo = m_clock->nowUtc();
        ++m_feedGaps;
        qCWarning(lcSession).noquote()
            << "live again after a gap of" << m_lastGapFrom.msecsTo(m_lastGapTo) / 1000.0
            << "s: the server does not replay what it sent meanwhile";
        Q_EMIT feedGapChanged();
    }
}

void NocClient::scheduleRetry(qint64 delayMs, const QString &reason)
{
    m_nextRetryAt = m_clock->nowUtc().addMSecs(delayMs);
    m_retryTimer->start(delayMs);
    qCInfo(lcSession) << "retrying in" << delayMs << "ms:" << reason;
    Q_EMIT stateChanged();
}

void NocClient::advanceServerAfterFailure()
{
    if (m_settings.servers.size() < 2)
        return;
    if (++m_failuresOnServer < kFailuresBeforeFailover)
        return;
    // Fail over in order; tokens from one server mean nothing to another unless they share an
    // auth backend, so only the refresh token is kept (a refusal then falls back to the password).
    m_failuresOnServer = 0;
    m_serverIndex = (m_serverIndex + 1) % m_settings.servers.size();
    m_tokens.access.clear();
    m_auth->setProfile(currentProfile());
    qCInfo(lcSession) << "failing over to" << redactedUrl(currentServerUrl());
    Q_EMIT profileChanged();
}

void NocClient::probePreferredServer()
{
    if (m_serverIndex == 0 || m_state != ConnectionState::Connected || m_probeReply)
        return;
    QNetworkRequest request(m_settings.profileFor(0).restUrl(u"/"_s));
    request.setTransferTimeout(5000);
    if (request.url().scheme() == "https"_L1)
        request.setSslConfiguration(m_sslConfiguration);
    m_probeReply = m_network->get(request);
    connect(m_probeReply, &QNetworkReply::finished, this, [this, reply = m_probeReply] {
        reply->deleteLater();
        m_probeReply = nullptr;
        // Any HTTP answer means the server is up; a TLS or network error means it is not.
        const bool healthy = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
        if (!healthy || m_serverIndex == 0 || m_state != ConnectionState::Connected) {
            if (m_state == ConnectionState::Connected && m_serverIndex > 0)
                m_probeTimer->start(m_probeIntervalMs);
            return;
        }
        qCInfo(lcSession) << "the preferred server answers again; moving back";
        m_serverIndex = 0;
        m_failuresOnServer = 0;
        m_tokens.access.clear();
        m_auth->setProfile(currentProfile());
        Q_EMIT profileChanged();
        dispatch(Event::PreferredServerBack);
    });
}

// --- keychain ------------------------------------------------------------------------------------

void NocClient::setCredentialStore(CredentialStore *store)
{
    m_credentialStore = store;
}

void NocClient::restoreSession(const QString &username, const QString &refreshToken)
{
    if (username != m_username)
        m_password.clear();
    m_username = username;
    m_tokens = {};
    m_tokens.refresh = refreshToken;
    // It came from a session that worked: failures from here on are outages, not bad credentials.
    m_credentialsProven = !refreshToken.isEmpty();
    Q_EMIT profileChanged();
}

QUrl NocClient::keychainServer() const
{
    // One entry per deployment, named after the first (preferred) server, whichever one is in use.
    return m_settings.profileFor(0).baseUrl;
}

void NocClient::setKeychainMessage(const QString &message)
{
    if (message == m_keychainMessage)
        return;
    m_keychainMessage = message;
    if (!message.isEmpty())
        qCWarning(lcSession) << "keychain:" << message;
    Q_EMIT keychainMessageChanged();
}

void NocClient::startFromKeychain()
{
    // An unattended screen starts here: its refresh token (and the password, if the operator chose to
    // remember it) come from the OS keychain.
    m_readingKeychain = true;
    const QUrl server = keychainServer();
    const QString user = m_username;
    m_credentialStore->readRefreshToken(
        server, user, this, [this, server, user](const CredentialResult &token) {
            if (token.ok)
                restoreSession(user, token.secret);
            else if (token.kind != CredentialError::NotFound)
                setKeychainMessage(token.message);
            m_credentialStore->readPassword(
                server, user, this, [this, user](const CredentialResult &password) {
                    m_readingKeychain = false;
                    if (password.ok && user == m_username)
                        m_password = password.secret;
                    else if (!password.ok && password.kind != CredentialError::NotFound)
                        setKeychainMessage(password.message);
                    if (m_password.isEmpty() && m_tokens.refresh.isEmpty()) {
                        m_needsCredentials = true;
                        setState(ConnectionState::Failed, tr("Sign-in required"));
                        return;
                    }
                    start();
                });
        });
}

void NocClient::storeCredentials()
{
    if (!m_credentialStore || m_username.isEmpty())
        return;
    const QUrl server = keychainServer();
    const auto report = [this](const CredentialResult &result) {
        // No keychain: keep working for this session, persist nothing, and say what that means.
        setKeychainMessage(result.ok ? QString() : result.message);
    };
    if (m_settings.rememberPassword && !m_password.isEmpty())
        m_credentialStore->writePassword(server, m_username, m_password, this, report);
    if (!m_tokens.refresh.isEmpty()) {
        m_credentialStore->writeRefreshToken(server, m_username, m_tokens.refresh, this,
                                             [this, report](const CredentialResult &result) {
                                                 report(result);
                                                 Q_EMIT credentialsSaved(result.ok);
                                             });
    }
}

// --- start, stop, sign in ------------------------------------------------------------------------

void NocClient::start()
{
    if (m_settings.servers.isEmpty() || currentServerUrl().isEmpty()) {
        setState(ConnectionState::Failed, tr("No server configured"));
        return;
    }
    if (!m_networkWatcher) {
        m_networkWatcher = new NetworkWatcher(m_clock, this);
        connect(m_networkWatcher, &NetworkWatcher::networkRestored, this,
                [this] { dispatch(Event::NetworkRestored, tr("The network is back")); });
        connect(m_networkWatcher, &NetworkWatcher::resumed, this,
                [this] { dispatch(Event::NetworkRestored, tr("Resumed from sleep")); });
    }
    if (m_password.isEmpty() && m_tokens.refresh.isEmpty()) {
        if (m_credentialStore && !m_username.isEmpty() && !m_readingKeychain) {
            startFromKeychain();
            return;
        }
        m_needsCredentials = true;
        setState(ConnectionState::Failed, tr("Sign-in required"));
        return;
    }
    if (m_state == ConnectionState::Failed || m_state == ConnectionState::Backoff)
        dispatch(Event::RetryRequested, {});
    else
        dispatch(Event::Start, {});
}

void NocClient::retryNow()
{
    if (m_state == ConnectionState::LoggedOut)
        start();
    else
        dispatch(Event::RetryRequested);
}

void NocClient::stop()
{
    m_auth->cancel();
    m_retryTimer->stop();
    m_refreshAheadTimer->stop();
    m_presenceRetryTimer->stop();
    m_healthTimer->stop();
    if (m_state == ConnectionState::LoggedOut) {
        closeChannels();
        return;
    }
    dispatch(Event::Stop, tr("Disconnected"));
    m_pacer->clear();
    m_outbox->dropInFlight();
}

void NocClient::signIn(const QString &username, const QString &password, bool rememberPassword)
{
    m_settings.rememberPassword = rememberPassword;
    if (m_state != ConnectionState::LoggedOut)
        stop();
    setCredentials(username, password);
    start();
}

void NocClient::signOut()
{
    const AuthTokens tokens = m_tokens;
    stop();
    m_signOutSteps = 1;
    const auto stepDone = [this] {
        if (m_signOutSteps > 0 && --m_signOutSteps == 0)
            Q_EMIT signedOut();
    };
    if (m_credentialStore && !m_username.isEmpty()) {
        ++m_signOutSteps;
        m_credentialStore->forget(keychainServer(), m_username, this,
                                  [this, stepDone](const CredentialResult &result) {
                                      setKeychainMessage(result.ok ? QString() : result.message);
                                      stepDone();
                                  });
    }
    if (!tokens.refresh.isEmpty()) {
        // Best effort: revokes the refresh token where the server can (v2); the token endpoints cannot.
        ++m_signOutSteps;
        connect(
            m_auth, &AuthClient::logoutFinished, this, [stepDone](const AuthResult &) { stepDone(); },
            Qt::SingleShotConnection);
        m_auth->logout(tokens.access, tokens.refresh);
    }
    m_password.clear();
    m_tokens = {};
    m_credentialsProven = false;
    m_needsCredentials = true;
    Q_EMIT stateChanged();
    stepDone();
}

void NocClient::beginLogin()
{
    m_auth->setProfile(currentProfile());
    m_auth->login(m_username, m_password);
}

void NocClient::beginRefresh(bool background)
{
    m_backgroundRefresh = background;
    m_auth->setProfile(currentProfile());
    m_auth->refresh(m_tokens.refresh);
}

void NocClient::adoptTokens(const AuthTokens &tokens)
{
    // Always keep the newest refresh token: the old one is blacklisted the moment it was used.
    const QString keepUsername = m_tokens.username;
    m_tokens = tokens;
    if (m_tokens.username.isEmpty())
        m_tokens.username = keepUsername;
    scheduleRefreshAhead();
}

void NocClient::scheduleRefreshAhead()
{
    m_refreshAheadTimer->stop();
    if (!m_tokens.accessExpiresAt.isValid() || m_tokens.refresh.isEmpty())
        return;
    const qint64 untilExpiry = m_clock->nowUtc().msecsTo(m_tokens.accessExpiresAt);
    // Renew well before expiry so a reconnect never has to start with a dead token.
    const qint64 lead = qMin(kRefreshAheadMs, untilExpiry / 5);
    m_refreshAheadTimer->start(qMax<qint64>(1000, untilExpiry - lead));
}

void NocClient::onLoginFinished(const AuthResult &result)
{
    if (const auto *failure = std::get_if<AuthFailure>(&result)) {
        switch (failure->kind) {
        case AuthFailureKind::BadCredentials:
        case AuthFailureKind::MissingCredentials:
        case AuthFailureKind::AccountDisabled:
            dispatch(Event::LoginRejected, tr("Sign-in failed: %1").arg(failure->message));
            return;
        case AuthFailureKind::Throttled:
            m_serverWaitMs = qint64(failure->retryAfterSeconds.value_or(60)) * 1000;
            dispatch(Event::LoginThrottled, tr("Too many sign-in attempts: %1").arg(failure->message));
            return;
        default:
            dispatch(Event::LoginFailed, tr("Sign-in failed: %1").arg(failure->message));
            return;
        }
    }
    adoptTokens(std::get<AuthTokens>(result));
    qCInfo(lcSession) << "signed in; access token valid until" << m_tokens.accessExpiresAt;
    storeCredentials();
    dispatch(Event::LoginSucceeded);
}

void NocClient::onRefreshFinished(const AuthResult &result)
{
    const bool background = std::exchange(m_backgroundRefresh, false);
    if (const auto *failure = std::get_if<AuthFailure>(&result)) {
        if (background) {
            // The live socket does not depend on the token; the next reconnect will sort it out.
            qCWarning(lcSession) << "renewing the token ahead of expiry failed:" << failure->message;
            if (failure->kind == AuthFailureKind::TokenRejected)
                m_tokens.refresh.clear();
            return;
        }
        switch (failure->kind) {
        case AuthFailureKind::TokenRejected:
            m_tokens.refresh.clear();
            dispatch(Event::RefreshRejected, tr("Session expired: %1").arg(failure->message));
            return;
        case AuthFailureKind::Throttled:
            m_serverWaitMs = qint64(failure->retryAfterSeconds.value_or(60)) * 1000;
            dispatch(Event::RefreshThrottled, tr("Too many token renewals: %1").arg(failure->message));
            return;
        default:
            dispatch(Event::RefreshFailed, tr("Token renewal failed: %1").arg(failure->message));
            return;
        }
    }
    adoptTokens(std::get<AuthTokens>(result));
    storeCredentials(); // the old refresh token is dead now: the keychain must hold the new one
    if (!background)
        dispatch(Event::RefreshSucceeded);
}

// --- channels ------------------------------------------------------------------------------------

void NocClient::openChannels()
{
    m_pacer->clear();
    m_outbox->dropInFlight();
    m_dashboard->open(currentProfile(), m_tokens.access);
    // Presence follows once the dashboard is live: its refusal alone must not drive the policy.
}

void NocClient::closeChannels()
{
    m_pacer->clear();
    m_dashboard->close();
    m_presence->close();
}

void NocClient::noteFrame(const WebSocketChannel *channel)
{
    m_lastFrameAt = channel->lastInboundAt();
}

void NocClient::countOddFrames(const ServerEvent &event)
{
    if (const auto *unknown = std::get_if<UnknownEvent>(&event)) {
        ++m_unknownFrames;
        qCDebug(lcProtocol) << "unknown frame type" << unknown->type;
        Q_EMIT unknownEventReceived(*unknown);
    } else if (const auto *malformed = std::get_if<MalformedFrame>(&event)) {
        ++m_malformedFrames;
        qCWarning(lcProtocol) << "malformed frame:" << malformed->reason;
    }
}

void NocClient::onDashboardEvent(ServerEvent &&event)
{
    noteFrame(m_dashboard);
    countOddFrames(event);
    if (std::holds_alternative<ConnectedEvent>(event)) {
        if (m_state != ConnectionState::Connecting)
            return;
        dispatch(Event::Opened, tr("Live"));
        retakeOutbox();
        m_presenceAttempt = 0;
        m_presence->open(currentProfile(), m_tokens.access);
        sendSubscriptions();
        pumpAcks();
    } else if (auto *alert = std::get_if<AlertEvent>(&event)) {
        queueAlert(std::move(alert->alert));
    } else if (const auto *ack = std::get_if<AlertAcknowledgedEvent>(&event)) {
        if (m_outbox->remove(ack->alertId)) {
            m_suspectMode = false;
            Q_EMIT acknowledgementConfirmed(ack->alertId, m_username, m_clock->nowUtc());
            Q_EMIT pendingAcknowledgementsChanged();
        }
        pumpAcks();
    } else if (const auto *subscribed = std::get_if<SubscribedEvent>(&event)) {
        m_pendingSubscriptions.removeOne(subscribed->clientId);
        Q_EMIT subscriptionConfirmed(subscribed->clientId);
    } else if (const auto *error = std::get_if<ServerErrorEvent>(&event)) {
        onServerError(error->message);
    } else if (const auto *metrics = std::get_if<MetricsUpdateEvent>(&event)) {
        Q_EMIT metricsReceived(metrics->clientId, metrics->metrics);
    }
}

void NocClient::onServerError(const QString &message)
{
    qCInfo(lcSession) << "server error:" << message;
    if (message.startsWith(u"Rate limit exceeded"_s)) {
        // Someone else spends this user's budget too (another client). We cannot know which frame was
        // dropped: pause for a window and send every unanswered ack again (acks are idempotent).
        m_pacer->backOffForWindow();
        const QStringList queued = m_pacer->queuedTags();
        for (const QString &tag : queued)
            m_outbox->release(tag);
        m_pacer->clear();
        m_outbox->dropInFlight();
        sendSubscriptions();
        pumpAcks();
    } else if (isAckError(message)) {
        // The server answers in order: an error about an ack is about the oldest one in flight.
        const QStringList inFlight = m_outbox->inFlightIds();
        if (!inFlight.isEmpty())
            failAck(inFlight.constFirst(), message);
        pumpAcks();
    } else if (isSubscriptionError(message) && !m_pendingSubscriptions.isEmpty()) {
        Q_EMIT subscriptionFailed(m_pendingSubscriptions.takeFirst(), message);
    }
    Q_EMIT serverErrorReceived(message);
}

void NocClient::failAck(const QString &alertId, const QString &reason)
{
    if (!m_outbox->remove(alertId))
        return;
    qCWarning(lcSession) << "acknowledgement of" << alertId << "failed:" << reason;
    Q_EMIT acknowledgementFailed(alertId, reason);
    Q_EMIT pendingAcknowledgementsChanged();
}

void NocClient::onPresenceEvent(ServerEvent &&event)
{
    noteFrame(m_presence);
    countOddFrames(event);
    if (const auto *established = std::get_if<ConnectionEstablishedEvent>(&event)) {
        m_presence->setHeartbeatIntervalSeconds(established->heartbeatIntervalSeconds);
        m_presenceAttempt = 0;
    } else if (const auto *status = std::get_if<UserStatusEvent>(&event)) {
        Q_EMIT userStatusReceived(*status);
    } else if (auto *alert = std::get_if<AlertEvent>(&event)) {
        queueAlert(std::move(alert->alert));
    }
}

void NocClient::settleInFlightAcks(bool serverError)
{
    // Scheduled but never sent: not in flight after all.
    for (const QString &tag : m_pacer->queuedTags())
        m_outbox->release(tag);
    m_pacer->clear();
    m_pendingSubscriptions.clear();
    if (!serverError) {
        m_outbox->dropInFlight();
        return;
    }
    // The server closes with 1011 when a handler raises, e.g. on an unknown alert id. A command in
    // flight at such a close is a suspect; one that keeps causing it is poison and must not be sent
    // forever. Until the next success, send acks one at a time to tell the guilty from the innocent.
    const int inFlight = m_outbox->inFlightCount();
    const QStringList poisoned = m_outbox->strikeInFlight(kPoisonStrikes);
    if (inFlight > 0)
        m_suspectMode = true;
    for (const QString &id : poisoned) {
        qCWarning(lcSession) << "acknowledgement of" << id
                             << "makes the server close the connection; giving up";
        Q_EMIT acknowledgementFailed(
            id, tr("The server closes the connection whenever this alert is acknowledged (unknown alert?)"));
    }
    if (!poisoned.isEmpty())
        Q_EMIT pendingAcknowledgementsChanged();
}

void NocClient::onDashboardClosed(const ChannelClose &close)
{
    if (close.requestedByUs)
        return;
    m_presence->close();
    m_presenceRetryTimer->stop();
    settleInFlightAcks(close.closeCode == 1011);
    ++m_reconnects;
    const QString code = close.closeCode ? QString::number(close.closeCode) : QString();
    const QString why
        = close.reason.isEmpty() ? code : (code.isEmpty() ? close.reason : code + u": "_s + close.reason);
    if (close.livenessTimeout) {
        dispatch(Event::LivenessLost, close.reason);
    } else if (close.handshakeStatus == 403 || close.handshakeStatus == 401 || close.closeCode == 4403) {
        dispatch(Event::HandshakeRefused,
                 tr("The server refused the connection (permission, Origin or connection limit)"));
    } else if (close.tlsError) {
        dispatch(Event::ConnectFailed, close.reason);
    } else if (close.handshakeStatus != 0) {
        dispatch(Event::ConnectFailed,
                 tr("The server answered HTTP %1 to the WebSocket upgrade").arg(close.handshakeStatus));
    } else if (close.neverOpened && close.closeCode == 0) {
        dispatch(Event::ConnectFailed, tr("Cannot reach the server: %1").arg(close.reason));
    } else if (close.closeCode == 4408) {
        dispatch(Event::ClosedPresenceTimeout, tr("The server closed the connection (%1)").arg(why));
    } else if (close.closeCode == 4401) {
        dispatch(Event::ClosedUnauthorized, tr("The server closed the connection (%1)").arg(why));
    } else if (close.closeCode == 4429) {
        dispatch(Event::ClosedTooManyConnections, tr("Too many connections (%1)").arg(why));
    } else if (close.closeCode == 1011) {
        dispatch(Event::ClosedServerError, tr("Server error (%1)").arg(why));
    } else {
        dispatch(Event::ClosedByServer,
                 why.isEmpty() ? tr("Connection lost")
                               : tr("The server closed the connection (%1)").arg(why));
    }
}

void NocClient::onPresenceClosed(const ChannelClose &close)
{
    // Presence is secondary: its loss never takes the alert feed down; it retries on its own, with
    // a 4408 (we were too quiet) retried at once.
    if (close.requestedByUs || m_state != ConnectionState::Connected)
        return;
    const qint64 delay = close.closeCode == 4408 ? 0 : m_backoff.delayMs(m_presenceAttempt++);
    m_presenceRetryTimer->start(delay);
}

// --- commands ------------------------------------------------------------------------------------

void NocClient::sendSubscriptions()
{
    m_pendingSubscriptions.clear();
    for (const QString &clientId : std::as_const(m_subscriptions)) {
        m_pacer->enqueue(CommandPacer::Priority::Subscription, [this, clientId] {
            if (!m_dashboard->sendFrame(commands::subscribeClient(clientId)))
                return false;
            m_pendingSubscriptions.append(clientId);
            return true;
        });
    }
}

void NocClient::pumpAcks()
{
    if (m_state != ConnectionState::Connected)
        return;
    const int window = m_suspectMode ? 1 : kAckWindow;
    for (const QString &id : m_outbox->takeSendable(window)) {
        m_pacer->enqueue(
            CommandPacer::Priority::Command,
            [this, id] {
                if (m_dashboard->sendFrame(commands::acknowledgeAlert(id)))
                    return true;
                m_outbox->release(id);
                return false;
            },
            id);
    }
}

void NocClient::retakeOutbox()
{
    if (m_outbox->isPersistent())
        return; // the common case: nothing to take over
    const QStringList adopted = m_outbox->retake();
    if (!m_outbox->isPersistent())
        return;
    for (const QString &id : adopted)
        Q_EMIT acknowledgementPending(id);
    Q_EMIT pendingAcknowledgementsChanged(); // the shared note is gone too
}

void NocClient::acknowledge(const QString &alertId)
{
    if (alertId.isEmpty())
        return;
    retakeOutbox();
    if (m_outbox->add(alertId, m_clock->nowUtc())) {
        Q_EMIT acknowledgementPending(alertId);
        Q_EMIT pendingAcknowledgementsChanged();
    }
    pumpAcks();
}

void NocClient::acknowledgeMany(const QStringList &alertIds)
{
    for (const QString &id : alertIds)
        acknowledge(id);
}

int NocClient::pendingAcknowledgements() const
{
    return m_outbox->size();
}

QStringList NocClient::pendingAcknowledgementIds() const
{
    return m_outbox->ids();
}

QString NocClient::outboxSharedNote() const
{
    return m_outbox->sharedNote();
}

int NocClient::queuedFrames() const
{
    return m_pacer->queued();
}

void NocClient::subscribe(const QString &clientId)
{
    if (clientId.isEmpty() || m_subscriptions.contains(clientId))
        return;
    m_subscriptions.append(clientId);
    saveSubscriptions();
    Q_EMIT subscriptionsChanged();
    if (m_state == ConnectionState::Connected) {
        m_pacer->enqueue(CommandPacer::Priority::Subscription, [this, clientId] {
            if (!m_dashboard->sendFrame(commands::subscribeClient(clientId)))
                return false;
            m_pendingSubscriptions.append(clientId);
            return true;
        });
    }
}

void NocClient::unsubscribe(const QString &clientId)
{
    // The protocol has no unsubscribe: the set shrinks now and the server follows on the next socket.
    if (m_subscriptions.removeAll(clientId) > 0) {
        saveSubscriptions();
        Q_EMIT subscriptionsChanged();
    }
}

void NocClient::requestMetrics(const QString &clientId)
{
    if (clientId.isEmpty())
        return;
    m_pacer->enqueue(CommandPacer::Priority::Command,
                     [this, clientId] { return m_dashboard->sendFrame(commands::requestMetrics(clientId)); });
}

// --- events --------------------------------------------------------------------------------------

bool NocClient::isDuplicate(const Alert &alert)
{
    // Ticket updates reuse their id on purpose; everything else seen twice (two subscriptions,
    // reconnect overlap) is the same alert.
    if (alert.kind == AlertKind::Ticket)
        return false;
    AlertIdentity identity = alert.identity();
    const qsizetype before = m_recentKeys.size();
    m_recentKeys.insert(identity); // one lookup for both "seen?" and "remember"
    if (m_recentKeys.size() == before)
        return true;
    if (m_recentOrder.size() < kRecentKeys) {
        m_recentOrder.append(std::move(identity));
    } else {
        AlertIdentity &oldest = m_recentOrder[m_recentHead];
        m_recentKeys.remove(oldest);
        oldest = std::move(identity);
        m_recentHead = (m_recentHead + 1) % kRecentKeys;
    }
    return false;
}

void NocClient::queueAlert(Alert &&alert)
{
    if (isDuplicate(alert))
        return;
    m_pendingAlerts.append(std::move(alert));
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void NocClient::flushAlerts()
{
    if (m_pendingAlerts.isEmpty())
        return;
    AlertBatch batch;
    batch.swap(m_pendingAlerts);
    Q_EMIT alertsReceived(batch);
}

void NocClient::connectNotify(const QMetaMethod &signal)
{
    // Frames are redacted and copied for the diagnostics view only while someone shows them.
    static const QMetaMethod frameLoggedSignal = QMetaMethod::fromSignal(&NocClient::frameLogged);
    if (signal == frameLoggedSignal && !m_forwardingFrames) {
        m_forwardingFrames = true;
        for (WebSocketChannel *channel : { m_dashboard, m_presence })
            connect(channel, &WebSocketChannel::frameLogged, this, &NocClient::frameLogged);
    }
    QObject::connectNotify(signal);
}

void NocClient::disconnectNotify(const QMetaMethod &signal)
{
    // The last viewer may have gone (the Diagnostics tab was left): then the channels stop redacting
    // frames. Checked on the next turn of the event loop: Qt calls this with its connection lock held.
    static const QMetaMethod frameLoggedSignal = QMetaMethod::fromSignal(&NocClient::frameLogged);
    if (m_forwardingFrames && (!signal.isValid() || signal == frameLoggedSignal)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_forwardingFrames || isSignalConnected(frameLoggedSignal))
                    return;
                m_forwardingFrames = false;
                for (WebSocketChannel *channel : { m_dashboard, m_presence })
                    disconnect(channel, &WebSocketChannel::frameLogged, this, &NocClient::frameLogged);
            },
            Qt::QueuedConnection);
    }
    QObject::disconnectNotify(signal);
}

// --- health --------------------------------------------------------------------------------------

QList<ChannelHealth> NocClient::channelHealth() const
{
    return { m_dashboard->health(), m_presence->health() };
}

void NocClient::updateHealth()
{
    const ChannelHealth dashboard = m_dashboard->health();
    const bool stale = m_state != ConnectionState::Connected || dashboard.stale;
    if (stale != m_stale) {
        m_stale = stale;
        qCInfo(lcSession) << (stale ? "data is stale" : "data is live");
        Q_EMIT staleChanged();
    }
    Q_EMIT healthChanged();
    if (m_state == ConnectionState::Connected)
        m_healthTimer->start(kHealthTickMs);
}

} // namespace noc
