// SPDX-License-Identifier: MIT
#include "NocClient.h"

#include "AlertFeed.h"
#include "AlertHistory.h"
#include "Clock.h"
#include "DashboardCommands.h"
#include "HistorySync.h"
#include "LoggingCategories.h"
#include "PresenceLink.h"
#include "ProcessStats.h"
#include "ServerFailover.h"
#include "SessionRecovery.h"
#include "SessionTokens.h"
#include "SubscriptionSet.h"
#include "WebSocketChannel.h"

#include <QDir>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QSslCertificate>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
const QString kDashboardPath = u"/ws/noc/dashboard/"_s;
const QString kPresencePath = u"/ws/noc/presence/"_s;

static_assert(int(NocClient::ConnectionState::Failed) == int(ConnectionStateMachine::State::Failed));
static_assert(int(NocClient::ConnectionState::Backoff) == int(ConnectionStateMachine::State::Backoff));
static_assert(int(NocClient::ConnectionState::LoggedOut) == int(ConnectionStateMachine::State::LoggedOut));
static_assert(int(NocClient::HistoryState::Unavailable) == int(AlertHistory::State::Unavailable));
static_assert(int(NocClient::FailureReason::Other) == int(ConnectionStateMachine::FailureReason::Other));
static_assert(int(NocClient::FailureReason::NoSession)
              == int(ConnectionStateMachine::FailureReason::NoSession));
static_assert(int(NocClient::FailureReason::SessionRefused)
              == int(ConnectionStateMachine::FailureReason::SessionRefused));

} // namespace

NocClient::NocClient(QObject *parent) : NocClient(nullptr, nullptr, parent) { }

NocClient::NocClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_ownedClock(clock ? nullptr : std::make_unique<SystemClock>())
    , m_clock(clock ? clock : m_ownedClock.get())
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_dashboard(new WebSocketChannel(u"dashboard"_s, kDashboardPath, m_clock, this))
    , m_presence(new WebSocketChannel(u"presence"_s, kPresencePath, m_clock, this))
    , m_session(new Session(m_network, m_clock, this))
    , m_health(new SessionHealth(m_dashboard, m_presence, m_clock, this))
    , m_subscriptions(new SubscriptionSet(this))
    , m_commands(new DashboardCommands(m_dashboard, m_subscriptions, m_clock, this))
    , m_feed(new AlertFeed(m_clock, this))
    , m_history(new HistorySync(m_network, m_clock, m_feed, this))
    , m_actions(new AlertActions(m_network, m_clock, this))
    , m_lookup(new AlertLookup(m_network, m_clock, this))
    , m_sslConfiguration(QSslConfiguration::defaultConfiguration())
{
    m_presenceLink = new PresenceLink(m_presence, m_feed, m_clock, this);
    wire();
    wireRecords();
    wireLedger();
}

void NocClient::wireLedger()
{
    m_ledger
        = new HealthLedger(m_clock,
                           { .reconnects = [this] { return reconnectCount(); },
                             .restCalls = [this] { return historyCalls() + lookupCalls() + actionCalls(); },
                             .cpuSeconds = &ProcessStats::readCpuSeconds,
                             .pssKib = &ProcessStats::readPssKib },
                           this);
    m_ledger->noteStale(m_health->isStale(), staleCause());
    connect(m_health, &SessionHealth::staleChanged, m_ledger,
            [this] { m_ledger->noteStale(m_health->isStale(), staleCause()); });
    connect(m_session, &Session::stateChanged, m_ledger, [this] { m_ledger->noteStatus(staleCause()); });
    connect(m_session, &Session::tokensRenewed, m_ledger, &HealthLedger::noteTokenRenewal);
}

// What the connection says of itself, for the health line's "why was it stale".
QString NocClient::staleCause() const
{
    const auto machineState = m_session->driver().state();
    if (machineState == ConnectionStateMachine::State::Connected)
        return tr("no frames heard while connected");
    const QString message = statusMessage();
    const QString name = ConnectionStateMachine::stateName(machineState);
    return message.isEmpty() ? name : u"%1: %2"_s.arg(name, message);
}

void NocClient::wire()
{
    m_session->setChannels({ [this] { openChannels(); }, [this] { closeChannels(); }, m_dashboard });
    connect(m_session, &Session::stateChanged, this, &NocClient::stateChanged);
    // After the session has said so (connected later than its own handler): the parts that act only
    // while live, and health, which speaks after the state.
    connect(&m_session->driver(), &ConnectionDriver::stateChanged, this,
            [this](ConnectionDriver::State, ConnectionDriver::State to) {
                const bool live = to == ConnectionDriver::State::Connected;
                m_history->setLive(live);
                m_presenceLink->setLive(live);
                m_health->setLive(live);
            });
    connect(m_session, &Session::feedGapChanged, this, [this] {
        m_lastGapOwnAction = m_closedByOwnAction;
        Q_EMIT feedGapChanged();
    });
    connect(m_session, &Session::profileChanged, this, &NocClient::profileChanged);
    connect(m_session, &Session::serverChanged, m_history, &HistorySync::reset);
    connect(m_session, &Session::keychainMessageChanged, this, &NocClient::keychainMessageChanged);
    connect(m_session, &Session::credentialsSaved, this, &NocClient::credentialsSaved);
    connect(m_session, &Session::signedOut, this, &NocClient::signedOut);
    connect(m_health, &SessionHealth::staleChanged, this, &NocClient::staleChanged);
    connect(m_health, &SessionHealth::changed, this, &NocClient::healthChanged);
    connect(m_health, &SessionHealth::rttSampled, this, &NocClient::rttSampled);
    connect(m_health, &SessionHealth::unknownEventReceived, this, &NocClient::unknownEventReceived);

    m_dashboard->setEventHandler([this](ServerEvent &&event) { onDashboardEvent(std::move(event)); });
    m_presence->setEventHandler([this](ServerEvent &&event) {
        m_health->noteFrame(m_presence, event);
        m_presenceLink->handle(std::move(event));
    });
    connect(m_dashboard, &WebSocketChannel::closed, this, &NocClient::onDashboardClosed);
    m_presenceLink->setAccess([this] { return m_session->access(); });
    m_presenceLink->setBackoff(&m_session->driver().backoff());
    connect(m_presenceLink, &PresenceLink::userStatusReceived, this, &NocClient::userStatusReceived);
    connect(m_presenceLink, &PresenceLink::pongReceived, this, &NocClient::pongReceived);
    connect(m_presenceLink, &PresenceLink::statsReceived, this, &NocClient::statsReceived);

    connect(m_feed, &AlertFeed::alertsReceived, this, &NocClient::alertsReceived);
    m_history->setAccess([this] { return m_session->access(); });
    connect(m_history, &HistorySync::changed, this, &NocClient::historyChanged);
    connect(m_history, &HistorySync::openAlertClosed, this, &NocClient::openAlertClosed);
    // Every status change handed out, whatever told it, is what the reconcile of the open set starts from.
    connect(this, &NocClient::alertStatusChanged, m_history, &HistorySync::noteStatus);
    // The list refused the access token (401): renew it in the background; the retry uses the new one.
    connect(m_history, &HistorySync::tokenRejected, m_session, &Session::renewTokenInBackground);
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
                Q_EMIT acknowledgementConfirmed(alertId, m_session->username(), at);
            });
    connect(m_commands, &DashboardCommands::acknowledgementFailed, this, &NocClient::acknowledgementFailed);
    connect(m_commands, &DashboardCommands::pendingChanged, this, &NocClient::pendingAcknowledgementsChanged);
}

NocClient::~NocClient()
{
    // Closing here would emit into a half-destroyed object: just let the sockets go.
    for (WebSocketChannel *channel : { m_dashboard, m_presence }) {
        channel->disconnect(this);
        channel->disconnect(m_presenceLink);
        channel->disconnect(m_health);
    }
}

// --- configuration -------------------------------------------------------------------------------

void NocClient::applySettings(const ClientSettings &settings)
{
    // Settings flow here on every change anywhere (one path): a repeat is free, and a change of
    // policy (wall mode, backoff) never disturbs the connection in use.
    if (m_settingsApplied && settings == m_settings)
        return;
    m_settingsApplied = true;
    m_settings = settings;
    m_dashboard->setHeartbeatIntervalSeconds(settings.heartbeatSeconds);
    m_history->setReconcileSeconds(settings.reconcileSeconds);

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
    m_session->configure(settings, m_sslConfiguration);
    m_dashboard->setSslConfiguration(m_sslConfiguration, settings.insecureTls);
    m_presence->setSslConfiguration(m_sslConfiguration, settings.insecureTls);
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
    m_session->configure(m_settings, m_sslConfiguration);
    Q_EMIT profileChanged();
}

void NocClient::setStateDirectory(const QString &directory, bool keepAcknowledgements,
                                  std::optional<bool> keepActions)
{
    m_stateDirectory = directory;
    m_keepAcknowledgements = keepAcknowledgements;
    m_keepActions = keepActions.value_or(keepAcknowledgements);
    loadState();
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
    m_actions->setOutboxPath(m_keepActions ? dir.filePath(u"action-outbox.json"_s) : QString());
    m_subscriptions->setStateFile(dir.filePath(u"subscriptions.json"_s));
}

void NocClient::setRandomSource(std::function<double()> random01)
{
    m_session->driver().setRandomSource(std::move(random01));
}

void NocClient::setSessionRecoveryIntervalMs(qint64 milliseconds)
{
    m_session->recovery().setIntervalMs(milliseconds);
}

int NocClient::sessionRecoveryChecks() const
{
    return m_session->recovery().checks();
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

// --- the session ---------------------------------------------------------------------------------

void NocClient::stop()
{
    m_presenceLink->stopRetrying();
    m_health->stop();
    if (!m_session->stop())
        return;
    m_commands->onStopped();
    m_actions->setActive(false); // queued actions wait for the next session
    // What the list read belongs to this session: the next one reads again.
    m_history->onStopped();
}

void NocClient::signIn(const QString &username, const QString &password, bool rememberPassword)
{
    m_settings.rememberPassword = rememberPassword;
    m_session->setRememberPassword(rememberPassword);
    if (state() != ConnectionState::LoggedOut)
        stop();
    setCredentials(username, password);
    start();
}

void NocClient::signOut()
{
    stop();
    m_session->signOut();
}

void NocClient::reconnectNow()
{
    if (state() == ConnectionState::LoggedOut || state() == ConnectionState::Failed
        || state() == ConnectionState::Backoff) {
        retryNow();
        return;
    }
    qCInfo(lcSession) << "reconnecting at the operator's request";
    stop();
    start();
}

// --- channels ------------------------------------------------------------------------------------

void NocClient::openChannels()
{
    m_commands->onStopped();
    m_dashboard->open(m_session->failover().current(), m_session->tokens().tokens().access);
    // Presence follows once the dashboard is live: its refusal alone must not drive the policy.
}

void NocClient::closeChannels()
{
    m_commands->onStopped();
    m_dashboard->close();
    m_presence->close();
}

void NocClient::onDashboardEvent(ServerEvent &&event)
{
    m_health->noteFrame(m_dashboard, event);
    if (std::holds_alternative<ConnectedEvent>(event)) {
        if (state() != ConnectionState::Connecting)
            return;
        m_session->live();
        m_presenceLink->open();
        m_commands->onLive();
        m_history->onLive(m_session->gaps().count(), m_session->gaps().lastFrom());
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

void NocClient::onDashboardClosed(const ChannelClose &close)
{
    if (close.requestedByUs)
        return;
    m_presenceLink->close();
    // In-flight acks settle before the state machine sees the close (a 1011 makes them suspects, unless
    // it is the one our own REST action caused).
    const bool ownAction = m_session->driver().isExpectedClose(close);
    m_closedByOwnAction = ownAction;
    m_commands->onClosed(close.closeCode == 1011 && !ownAction);
    // Current servers close every dashboard socket of the tenant whenever anyone acts on an alert:
    // a 1011 is news that statuses changed, even with acks of ours in flight (an unknown id closes
    // too, but the socket's own acknowledge_alert emits nothing), unless this session's own action
    // caused it. The history bounds the cost.
    m_history->onClosed(close.closeCode == 1011 && !ownAction);
    m_session->dashboardClosed(close, ownAction);
}

bool NocClient::sendRawFrame(const QString &json)
{
    return m_session->isLive() && m_commands->sendRaw(json.toUtf8());
}

// --- commands ------------------------------------------------------------------------------------

void NocClient::subscribe(const QString &clientId)
{
    if (m_subscriptions->add(clientId))
        m_commands->subscribe(clientId);
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

} // namespace noc
