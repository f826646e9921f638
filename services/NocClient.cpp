// SPDX-License-Identifier: MIT
#include "NocClient.h"

#include "AlertActions.h"
#include "AlertFeed.h"
#include "AlertHistory.h"
#include "AlertLookup.h"
#include "AuthClient.h"
#include "ClientCommands.h"
#include "Clock.h"
#include "CloseClassification.h"
#include "CredentialStore.h"
#include "DashboardCommands.h"
#include "LoggingCategories.h"
#include "NetworkWatcher.h"
#include "SessionKeychain.h"
#include "SubscriptionSet.h"
#include "UrlRedaction.h"
#include "WebSocketChannel.h"

#include <QDir>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>

#include <algorithm>

namespace noc {

using namespace Qt::StringLiterals;
using Event = ConnectionStateMachine::Event;
using Action = ConnectionStateMachine::Action;

namespace {
const QString kDashboardPath = u"/ws/noc/dashboard/"_s;
const QString kPresencePath = u"/ws/noc/presence/"_s;
constexpr qint64 kRefreshAheadMs = 120 * 1000;
constexpr qint64 kTokenFreshMarginMs = 60 * 1000;
constexpr qint64 kHealthTickMs = 2000;
// Current servers close every dashboard socket of the tenant with 1011 when an action succeeds, possibly
// before its HTTP answer: a 1011 this soon after one of our calls started is ours.
constexpr qint64 kOwnActionCloseWindowMs = 15000;
constexpr int kFailuresBeforeFailover = 2;

static_assert(int(NocClient::ConnectionState::Failed) == int(ConnectionStateMachine::State::Failed));
static_assert(int(NocClient::ConnectionState::Backoff) == int(ConnectionStateMachine::State::Backoff));
static_assert(int(NocClient::ConnectionState::LoggedOut) == int(ConnectionStateMachine::State::LoggedOut));
static_assert(int(NocClient::HistoryState::Unavailable) == int(AlertHistory::State::Unavailable));

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
    , m_subscriptions(new SubscriptionSet(this))
    , m_commands(new DashboardCommands(m_dashboard, m_subscriptions, m_clock, this))
    , m_feed(new AlertFeed(this))
    , m_history(new AlertHistory(m_network, m_clock, this))
    , m_actions(new AlertActions(m_network, m_clock, this))
    , m_lookup(new AlertLookup(m_network, m_clock, this))
    , m_keychain(new SessionKeychain(this))
    , m_sslConfiguration(QSslConfiguration::defaultConfiguration())
    , m_retryTimer(m_clock->createTimer())
    , m_refreshAheadTimer(m_clock->createTimer())
    , m_presenceRetryTimer(m_clock->createTimer())
    , m_healthTimer(m_clock->createTimer())
    , m_probeTimer(m_clock->createTimer())
    , m_reconcileTimer(m_clock->createTimer())
{
    m_keychain->setStore(new CredentialStore(this));
    connect(m_keychain, &SessionKeychain::messageChanged, this, &NocClient::keychainMessageChanged);
    connect(m_keychain, &SessionKeychain::saved, this, &NocClient::credentialsSaved);
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
    connect(m_feed, &AlertFeed::alertsReceived, this, &NocClient::alertsReceived);
    connect(m_history, &AlertHistory::stateChanged, this, &NocClient::historyChanged);
    connect(m_history, &AlertHistory::alertsRead, this, [this](const AlertBatch &alerts, bool backfill) {
        if (backfill) {
            // What the gap hid: records this client had never heard of.
            m_backfillNew
                = static_cast<int>(std::count_if(alerts.cbegin(), alerts.cend(), [this](const Alert &a) {
                      return !m_feed->knows(a.identity());
                  }));
        }
        for (const Alert &alert : alerts) {
            if (alert.occurredAt.isValid()
                && (!m_newestServerTime.isValid() || alert.occurredAt > m_newestServerTime))
                m_newestServerTime = alert.occurredAt;
        }
        m_feed->addRecords(alerts);
    });
    connect(m_history, &AlertHistory::openSetComplete, this, &NocClient::openAlertsRead);
    connect(m_history, &AlertHistory::finished, this, [this](bool backfill, int alerts) {
        Q_UNUSED(alerts);
        if (backfill)
            m_lastBackfillCount
                = m_history->state() == AlertHistory::State::Loaded ? std::exchange(m_backfillNew, 0) : -1;
        if (!backfill && m_history->state() == AlertHistory::State::Loaded)
            m_lastReconcileMs = m_clock->monotonicMs();
        Q_EMIT historyChanged();
        if (m_state != ConnectionState::Connected)
            return;
        if (m_backfillPending) { // a gap ended while this read ran
            readHistory(false);
            return;
        }
        if (m_history->state() != AlertHistory::State::Loaded) {
            // A failed read (network, 5xx, token) is tried again soon; a refusal waits for a reconnect.
            if (!m_history->refusedByServer())
                m_reconcileTimer->start(60 * 1000);
            return;
        }
        if (std::exchange(m_reconcileAfterBackfill, false))
            reconcileSoon();
        else if (!m_reconcileTimer->isActive())
            m_reconcileTimer->start(qint64(m_settings.reconcileSeconds) * 1000);
    });
    m_reconcileTimer->onTimeout = [this] {
        if (m_state == ConnectionState::Connected && !m_history->isBusy() && m_history->mayRetry()
            && (m_history->state() == AlertHistory::State::Loaded || !m_history->refusedByServer())) {
            m_history->setAccessToken(m_tokens.access);
            m_history->loadOpen();
        }
    };
    // The list refused the access token (401): renew it in the background; the retry uses the new one.
    connect(m_history, &AlertHistory::tokenRejected, this, [this] {
        if (m_state == ConnectionState::Connected && !m_auth->isBusy() && !m_tokens.refresh.isEmpty())
            beginRefresh(true);
    });
    wireActions();
    connect(m_subscriptions, &SubscriptionSet::changed, this, &NocClient::subscriptionsChanged);
    connect(m_subscriptions, &SubscriptionSet::statusChanged, this, [this](const QString &clientId) {
        if (m_subscriptions->status(clientId) == SubscriptionSet::Status::Confirmed)
            Q_EMIT subscriptionConfirmed(clientId);
        else if (m_subscriptions->status(clientId) == SubscriptionSet::Status::Refused)
            Q_EMIT subscriptionFailed(clientId, m_subscriptions->reason(clientId));
    });
    connect(m_commands, &DashboardCommands::acknowledgementPending, this, &NocClient::acknowledgementPending);
    connect(m_commands, &DashboardCommands::acknowledgementConfirmed, this,
            [this](const QString &alertId, const QDateTime &at) {
                Q_EMIT acknowledgementConfirmed(alertId, m_username, at);
            });
    connect(m_commands, &DashboardCommands::acknowledgementFailed, this, &NocClient::acknowledgementFailed);
    connect(m_commands, &DashboardCommands::pendingChanged, this, &NocClient::pendingAcknowledgementsChanged);

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
    // Settings flow here on every change anywhere (one path): a repeat is free, and a change of
    // policy (wall mode, backoff) never disturbs the connection in use.
    if (m_settingsApplied && settings == m_settings)
        return;
    m_settingsApplied = true;
    if (settings.servers != m_settings.servers)
        m_serverIndex = 0;
    m_settings = settings;
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
    // A preset names clients to follow: it seeds the set once, before the state folder says what the
    // operator chose (SubscriptionSet::setStateFile), and never overrides it later.
    if (!std::exchange(m_subscriptionsSeeded, true) && m_subscriptions->size() == 0)
        m_subscriptions->replace(settings.subscriptions);
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
    m_commands->setFrameBudget(maxFrames, windowMs);
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
    m_subscriptions->replace(clientIds);
}

QStringList NocClient::subscriptions() const
{
    return m_subscriptions->ids();
}

void NocClient::setBatchIntervalMs(int milliseconds)
{
    m_feed->setBatchIntervalMs(milliseconds);
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
        m_commands->setOutboxFile({});
        m_actions->setOutboxPath({});
        m_subscriptions->setStateFile({});
        return;
    }
    const QDir dir(m_stateDirectory);
    m_commands->setOutboxFile(m_keepAcknowledgements ? dir.filePath(u"ack-outbox.json"_s) : QString());
    m_actions->setOutboxPath(m_keepAcknowledgements ? dir.filePath(u"action-outbox.json"_s) : QString());
    m_subscriptions->setStateFile(dir.filePath(u"subscriptions.json"_s));
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
        ++m_reconnects; // live again after having been live: closes that never recovered do not count
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
    m_history->reset(); // another server: its records, its refusals
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
        m_history->reset();
        m_auth->setProfile(currentProfile());
        Q_EMIT profileChanged();
        dispatch(Event::PreferredServerBack);
    });
}

// --- keychain ------------------------------------------------------------------------------------

void NocClient::setCredentialStore(CredentialStore *store)
{
    m_keychain->setStore(store);
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

QString NocClient::keychainMessage() const
{
    return m_keychain->message();
}

void NocClient::startFromKeychain()
{
    // An unattended screen starts here: its refresh token (and the password, if the operator chose to
    // remember it) come from the OS keychain.
    const QString user = m_username;
    m_keychain->read(keychainServer(), user, [this, user](const QString &refresh, const QString &password) {
        if (user != m_username)
            return; // someone signed in meanwhile
        if (!refresh.isEmpty())
            restoreSession(user, refresh);
        if (!password.isEmpty())
            m_password = password;
        if (m_password.isEmpty() && m_tokens.refresh.isEmpty()) {
            m_needsCredentials = true;
            setState(ConnectionState::Failed, tr("Sign-in required"));
            return;
        }
        start();
    });
}

void NocClient::storeCredentials()
{
    m_keychain->save(keychainServer(), m_username, m_tokens.refresh,
                     m_settings.rememberPassword ? m_password : QString());
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
        if (m_keychain->hasStore() && !m_username.isEmpty() && !m_keychain->isReading()) {
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
    m_commands->onStopped();
    m_actions->setActive(false); // queued actions wait for the next session
    // What the list read belongs to this session: the next one reads again.
    m_history->reset();
    m_reconcileTimer->stop();
    m_backfillPending = false;
    m_reconcileAfterBackfill = false;
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
    if (m_keychain->hasStore() && !m_username.isEmpty()) {
        ++m_signOutSteps;
        m_keychain->forget(keychainServer(), m_username, stepDone);
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
    m_actions->setProfile(currentProfile());
    m_actions->setSslConfiguration(m_sslConfiguration, m_settings.insecureTls);
    m_actions->setAccessToken(m_tokens.access);
    m_actions->setActive(true);
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

// --- the alert records --------------------------------------------------------------------------

void NocClient::readHistory(bool afterGap)
{
    if (afterGap) {
        m_lastBackfillCount = -1;
        m_backfillPending = true;
        Q_EMIT historyChanged();
    }
    if (m_history->isBusy())
        return; // the back-fill follows when the running read ends
    // Refused or absent on this server: asked again rarely, never on every reconnect (current servers
    // close every socket whenever anyone acts on an alert).
    if (m_history->state() == AlertHistory::State::Unavailable && !m_history->mayRetry()) {
        m_backfillPending = false;
        return;
    }
    m_history->setProfile(currentProfile());
    m_history->setSslConfiguration(m_sslConfiguration, m_settings.insecureTls);
    m_history->setAccessToken(m_tokens.access);
    if (std::exchange(m_backfillPending, false) && m_history->state() == AlertHistory::State::Loaded) {
        // From the newest alert the server told us of, or the gap's start if older: what came meanwhile.
        QDateTime from = m_lastGapFrom;
        if (m_newestServerTime.isValid() && m_newestServerTime < from)
            from = m_newestServerTime;
        m_history->backfill(from);
    } else {
        m_history->loadOpen();
    }
}

void NocClient::reconcileSoon()
{
    // Every action by anyone closes every socket on current servers: a busy tenant must not turn each
    // of them into four list calls. At most one read a minute (a tenth of the period when shorter).
    const qint64 kMinReconcileGapMs = qMin<qint64>(60 * 1000, qint64(m_settings.reconcileSeconds) * 100);
    const qint64 sinceLast
        = m_lastReconcileMs < 0 ? kMinReconcileGapMs : m_clock->monotonicMs() - m_lastReconcileMs;
    m_reconcileTimer->start(qMax<qint64>(0, kMinReconcileGapMs - sinceLast));
}

NocClient::HistoryState NocClient::historyState() const
{
    return static_cast<HistoryState>(m_history->state());
}

QString NocClient::historyReason() const
{
    return m_history->reason();
}

int NocClient::openOnServer() const
{
    return m_history->openOnServer();
}

int NocClient::loadedOpen() const
{
    return m_history->loadedOpen();
}

int NocClient::historyCalls() const
{
    return m_history->calls();
}

// --- channels ------------------------------------------------------------------------------------

void NocClient::openChannels()
{
    m_commands->onStopped();
    m_dashboard->open(currentProfile(), m_tokens.access);
    // Presence follows once the dashboard is live: its refusal alone must not drive the policy.
}

void NocClient::closeChannels()
{
    m_commands->onStopped();
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
        m_presenceAttempt = 0;
        m_presence->open(currentProfile(), m_tokens.access);
        m_commands->onLive();
        readHistory(std::exchange(m_gapsSeenByHistory, m_feedGaps) != m_feedGaps);
    } else if (const auto *updated = std::get_if<AlertUpdatedEvent>(&event)) {
        Q_EMIT alertStatusChanged(updated->alertId, updated->status,
                                  updated->timestamp.isValid() ? updated->timestamp : m_clock->nowUtc());
    } else if (auto *alert = std::get_if<AlertEvent>(&event)) {
        m_feed->add(std::move(alert->alert));
    } else if (const auto *ack = std::get_if<AlertAcknowledgedEvent>(&event)) {
        m_commands->onAcknowledged(ack->alertId);
    } else if (const auto *subscribed = std::get_if<SubscribedEvent>(&event)) {
        m_commands->onSubscribed(subscribed->clientId);
    } else if (const auto *error = std::get_if<ServerErrorEvent>(&event)) {
        qCInfo(lcSession) << "server error:" << serverErrorKindName(error->kind) << error->message;
        m_commands->onServerError(*error);
        Q_EMIT serverErrorReceived(error->message);
    } else if (const auto *metrics = std::get_if<MetricsUpdateEvent>(&event)) {
        Q_EMIT metricsReceived(metrics->clientId, metrics->metrics);
    }
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
        m_feed->add(std::move(alert->alert));
    } else if (std::holds_alternative<PongEvent>(event) && m_pingSentMs >= 0) {
        Q_EMIT pongReceived(static_cast<int>(m_clock->monotonicMs() - std::exchange(m_pingSentMs, -1)));
    } else if (const auto *stats = std::get_if<StatsEvent>(&event)) {
        QVariantMap fields;
        if (stats->uptimeSeconds)
            fields.insert(u"uptime_seconds"_s, *stats->uptimeSeconds);
        if (stats->messageCount)
            fields.insert(u"message_count"_s, *stats->messageCount);
        if (stats->lastHeartbeatAgoSeconds)
            fields.insert(u"last_heartbeat_ago"_s, *stats->lastHeartbeatAgoSeconds);
        if (!stats->userType.isEmpty())
            fields.insert(u"user_type"_s, stats->userType);
        Q_EMIT statsReceived(fields);
    }
}

void NocClient::reconnectNow()
{
    if (m_state == ConnectionState::LoggedOut || m_state == ConnectionState::Failed
        || m_state == ConnectionState::Backoff) {
        retryNow();
        return;
    }
    qCInfo(lcSession) << "reconnecting at the operator's request";
    stop();
    start();
}

bool NocClient::ping()
{
    if (m_presence->state() != WebSocketChannel::State::Open || !m_presence->sendFrame(commands::ping()))
        return false;
    m_pingSentMs = m_clock->monotonicMs();
    return true;
}

bool NocClient::requestStats()
{
    return m_presence->state() == WebSocketChannel::State::Open
        && m_presence->sendFrame(commands::getStats());
}

bool NocClient::sendRawFrame(const QString &json)
{
    return m_state == ConnectionState::Connected && m_commands->sendRaw(json.toUtf8());
}

void NocClient::onDashboardClosed(const ChannelClose &close)
{
    if (close.requestedByUs)
        return;
    m_presence->close();
    m_presenceRetryTimer->stop();
    // In-flight acks settle before the state machine sees the close (a 1011 makes them suspects).
    const bool ownAction = close.closeCode == 1011 && m_clock->monotonicMs() < m_ownActionCloseUntilMs;
    // Our own action's 1011 says nothing about the acks in flight: no strike for them.
    const bool oursInFlight = m_commands->onClosed(close.closeCode == 1011 && !ownAction);
    // Current servers close every dashboard socket of the tenant whenever anyone acts on an alert:
    // a 1011 is news that statuses changed, even with acks of ours in flight (an unknown id closes
    // too, but the socket's own acknowledge_alert emits nothing); reconcileSoon bounds the cost.
    Q_UNUSED(oursInFlight);
    m_reconcileTimer->stop();
    if (ownAction) {
        // Our own resolve/assign/escalate: expected, so no backoff, no attempt counted, and no
        // colleague to reconcile for; the back-fill after the reconnect covers the moment away.
        dispatch(Event::ClosedAfterOwnAction,
                 tr("Reconnecting after our own alert action (%1)")
                     .arg(close.reason.isEmpty() ? u"1011"_s : close.reason));
        return;
    }
    if (close.closeCode == 1011)
        m_reconcileAfterBackfill = true;
    const CloseVerdict verdict = classifyDashboardClose(close);
    dispatch(verdict.event, verdict.message);
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

void NocClient::acknowledge(const QString &alertId)
{
    acknowledgeMany({ alertId });
}

void NocClient::acknowledgeMany(const QStringList &alertIds)
{
    m_commands->acknowledge(alertIds);
}

void NocClient::wireActions()
{
    connect(m_lookup, &AlertLookup::listed, this, &NocClient::alertsListed);
    connect(m_lookup, &AlertLookup::detailRead, this, &NocClient::alertDetailRead);
    connect(m_lookup, &AlertLookup::failed, this, [this](const QString &alertId, const AlertApiError &error) {
        const bool refused = error.kind == AlertApiErrorKind::HistoryRefused
            || error.kind == AlertApiErrorKind::EndpointMissing;
        Q_EMIT alertLookupFailed(alertId, u"HTTP %1: %2"_s.arg(error.httpStatus).arg(error.message), refused);
    });
    connect(m_actions, &AlertActions::pendingChanged, this, &NocClient::pendingActionsChanged);
    connect(m_actions, &AlertActions::callStarting, this,
            [this] { m_ownActionCloseUntilMs = m_clock->monotonicMs() + kOwnActionCloseWindowMs; });
    connect(m_actions, &AlertActions::settled, this, [this](const AlertActionOutcome &outcome) {
        Q_EMIT alertActionSettled(outcome);
        if (!outcome.done)
            return;
        // No answer carries the updated record: the list follows what the server confirmed.
        static constexpr AlertStatus kAfter[]
            = { AlertStatus::Resolved, AlertStatus::Assigned, AlertStatus::Escalated };
        Q_EMIT alertStatusChanged(outcome.alertId, kAfter[static_cast<int>(outcome.kind)], outcome.at);
    });
    connect(m_actions, &AlertActions::tokenRejected, this, [this] {
        if (m_state == ConnectionState::Connected && !m_auth->isBusy() && !m_tokens.refresh.isEmpty())
            beginRefresh(true);
    });
}

RestEndpoint NocClient::restEndpoint() const
{
    return { currentProfile(), m_sslConfiguration, m_settings.insecureTls, m_tokens.access };
}

void NocClient::listAlerts(const QStringList &statuses, int pageBudget)
{
    if (m_tokens.access.isEmpty()) {
        Q_EMIT alertLookupFailed({}, tr("Not signed in"), false);
        return;
    }
    m_lookup->setEndpoint(restEndpoint());
    m_lookup->list(statuses, pageBudget);
}

void NocClient::readAlertDetail(const QString &alertId)
{
    if (m_tokens.access.isEmpty() || m_lookup->isBusy())
        return;
    m_lookup->setEndpoint(restEndpoint());
    m_lookup->detail(alertId);
}

void NocClient::resolve(const QStringList &alertIds, const QString &notes)
{
    m_actions->request(AlertActionKind::Resolve, alertIds, notes);
}

void NocClient::assign(const QStringList &alertIds, int userId, const QString &comment)
{
    m_actions->request(AlertActionKind::Assign, alertIds, comment, userId);
}

void NocClient::escalate(const QStringList &alertIds, int userId, const QString &reason)
{
    m_actions->request(AlertActionKind::Escalate, alertIds, reason, userId);
}

int NocClient::pendingActions() const
{
    return m_actions->pendingAlerts();
}

QList<AlertActionRequest> NocClient::pendingActionRequests() const
{
    return m_actions->pending();
}

int NocClient::actionCalls() const
{
    return m_actions->calls();
}

int NocClient::pendingAcknowledgements() const
{
    return m_commands->pendingCount();
}

QStringList NocClient::pendingAcknowledgementIds() const
{
    return m_commands->pendingIds();
}

QString NocClient::outboxSharedNote() const
{
    return m_commands->sharedNote();
}

void NocClient::subscribe(const QString &clientId)
{
    if (m_subscriptions->add(clientId))
        m_commands->subscribe(clientId);
}

void NocClient::unsubscribe(const QString &clientId)
{
    m_subscriptions->remove(clientId);
}

void NocClient::requestMetrics(const QString &clientId)
{
    m_commands->requestMetrics(clientId);
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
