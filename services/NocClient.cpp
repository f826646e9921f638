// SPDX-License-Identifier: MIT
#include "NocClient.h"

#include "AuthClient.h"
#include "ClientCommands.h"
#include "Clock.h"
#include "LoggingCategories.h"
#include "WebSocketChannel.h"

#include <QNetworkAccessManager>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
const QString kDashboardPath = u"/ws/noc/dashboard/"_s;
const QString kPresencePath = u"/ws/noc/presence/"_s;
constexpr int kBackoffBaseMs = 1000;
constexpr int kBackoffCapMs = 30000;
} // namespace

NocClient::NocClient(QObject *parent) : NocClient(nullptr, nullptr, parent) { }

NocClient::NocClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_ownedClock(clock ? nullptr : std::make_unique<SystemClock>())
    , m_clock(clock ? clock : m_ownedClock.get())
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_auth(new AuthClient(m_network, m_clock, this))
    , m_dashboard(new WebSocketChannel(kDashboardPath, m_clock, this))
    , m_presence(new WebSocketChannel(kPresencePath, m_clock, this))
{
    m_stateSince = m_clock->nowUtc();
    connect(m_auth, &AuthClient::loginFinished, this, &NocClient::onLoginFinished);
    connect(m_auth, &AuthClient::refreshFinished, this, &NocClient::onRefreshFinished);
    connect(m_dashboard, &WebSocketChannel::eventReceived, this, &NocClient::onDashboardEvent);
    connect(m_presence, &WebSocketChannel::eventReceived, this, &NocClient::onPresenceEvent);
    connect(m_dashboard, &WebSocketChannel::closed, this, &NocClient::onDashboardClosed);
    connect(m_presence, &WebSocketChannel::closed, this, &NocClient::onPresenceClosed);
    connect(m_dashboard, &WebSocketChannel::rttMeasured, this, [this](int ms) {
        m_rttMs = ms;
        Q_EMIT healthChanged();
    });

    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &NocClient::reconnect);
    m_presenceRetryTimer.setSingleShot(true);
    m_presenceRetryTimer.setInterval(kBackoffCapMs);
    connect(&m_presenceRetryTimer, &QTimer::timeout, this, [this] {
        if (m_state == ConnectionState::Connected)
            m_presence->open(m_profile, m_tokens.access);
    });
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &NocClient::flushAlerts);
}

NocClient::~NocClient() = default;

void NocClient::setProfile(const ServerProfile &profile)
{
    m_profile = profile;
    m_auth->setProfile(profile);
    Q_EMIT profileChanged();
}

void NocClient::setCredentials(const QString &username, const QString &password)
{
    m_username = username;
    m_password = password;
    m_everConnected = false; // new credentials: no automatic retry until they have worked once
    Q_EMIT profileChanged();
}

void NocClient::setSubscriptions(const QStringList &clientIds)
{
    QStringList unique;
    for (const QString &id : clientIds) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    m_subscriptions = unique;
    Q_EMIT subscriptionsChanged();
}

void NocClient::setBatchIntervalMs(int milliseconds)
{
    m_batchTimer.setInterval(qMax(0, milliseconds));
}

void NocClient::setDashboardHeartbeatSeconds(int seconds)
{
    m_dashboard->setHeartbeatIntervalSeconds(seconds);
}

QString NocClient::serverName() const
{
    const QUrl &url = m_profile.baseUrl;
    if (url.port() > 0)
        return url.host() + u':' + QString::number(url.port());
    return url.host();
}

void NocClient::setState(ConnectionState state, const QString &message)
{
    if (state == m_state && message == m_statusMessage)
        return;
    const bool wasStale = isStale();
    if (state != m_state)
        m_stateSince = m_clock->nowUtc();
    m_state = state;
    m_statusMessage = message;
    if (state != ConnectionState::Backoff)
        m_nextRetryAt = {};
    qCInfo(lcSession) << "state" << state << message;
    Q_EMIT stateChanged();
    if (wasStale != isStale())
        Q_EMIT staleChanged();
}

void NocClient::start()
{
    if (m_profile.baseUrl.isEmpty()) {
        setState(ConnectionState::Failed, tr("No server configured"));
        return;
    }
    m_running = true;
    m_attempt = 0;
    m_retryTimer.stop();
    setState(ConnectionState::Authenticating, tr("Signing in as %1").arg(m_username));
    m_auth->login(m_username, m_password);
}

void NocClient::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_presenceRetryTimer.stop();
    m_auth->cancel();
    m_dashboard->close();
    m_presence->close();
    setState(ConnectionState::LoggedOut, tr("Disconnected"));
}

void NocClient::onLoginFinished(const AuthResult &result)
{
    if (!m_running)
        return;
    if (const auto *failure = std::get_if<AuthFailure>(&result)) {
        const bool credentialsProblem = failure->kind == AuthFailureKind::BadCredentials
            || failure->kind == AuthFailureKind::MissingCredentials
            || failure->kind == AuthFailureKind::AccountDisabled;
        if (credentialsProblem || !m_everConnected) {
            // Bad passwords must not loop: the operator has to act.
            m_running = false;
            setState(ConnectionState::Failed, tr("Sign-in failed: %1").arg(failure->message));
            return;
        }
        scheduleReconnect(tr("Sign-in failed: %1").arg(failure->message));
        return;
    }
    m_tokens = std::get<AuthTokens>(result);
    qCInfo(lcSession) << "signed in; access token valid until" << m_tokens.accessExpiresAt;
    openChannels();
}

void NocClient::onRefreshFinished(const AuthResult &result)
{
    if (!m_running)
        return;
    if (const auto *failure = std::get_if<AuthFailure>(&result)) {
        if (failure->kind == AuthFailureKind::TokenRejected) {
            // The refresh token is dead (expired, revoked, rotated elsewhere): sign in again.
            setState(ConnectionState::Authenticating, tr("Session expired; signing in again"));
            m_auth->login(m_username, m_password);
            return;
        }
        scheduleReconnect(tr("Token refresh failed: %1").arg(failure->message));
        return;
    }
    m_tokens = std::get<AuthTokens>(result);
    openChannels();
}

void NocClient::openChannels()
{
    setState(ConnectionState::Connecting, tr("Connecting to %1").arg(serverName()));
    m_dashboard->open(m_profile, m_tokens.access);
    m_presence->open(m_profile, m_tokens.access);
}

void NocClient::noteFrame()
{
    m_lastFrameAt = m_clock->nowUtc();
    Q_EMIT healthChanged();
}

void NocClient::countOddFrames(const ServerEvent &event)
{
    if (const auto *unknown = std::get_if<UnknownEvent>(&event)) {
        ++m_unknownFrames;
        qCDebug(lcProtocol) << "ignoring unknown frame type" << unknown->type;
    } else if (const auto *malformed = std::get_if<MalformedFrame>(&event)) {
        ++m_malformedFrames;
        qCWarning(lcProtocol) << "malformed frame:" << malformed->reason;
    }
}

void NocClient::onDashboardEvent(const ServerEvent &event)
{
    noteFrame();
    countOddFrames(event);
    if (std::holds_alternative<ConnectedEvent>(event)) {
        m_everConnected = true;
        m_attempt = 0;
        m_refreshTriedForRefusal = false;
        m_outstandingAcks.clear();
        // Subscriptions belong to the socket: every new socket subscribes again.
        for (const QString &clientId : std::as_const(m_subscriptions))
            m_dashboard->sendFrame(commands::subscribeClient(clientId));
        setState(ConnectionState::Connected, tr("Live"));
    } else if (const auto *alert = std::get_if<AlertEvent>(&event)) {
        queueAlert(alert->alert);
    } else if (const auto *ack = std::get_if<AlertAcknowledgedEvent>(&event)) {
        m_outstandingAcks.removeOne(ack->alertId);
        Q_EMIT acknowledgementConfirmed(ack->alertId, m_username, m_clock->nowUtc());
    } else if (const auto *subscribed = std::get_if<SubscribedEvent>(&event)) {
        Q_EMIT subscriptionConfirmed(subscribed->clientId);
    } else if (const auto *error = std::get_if<ServerErrorEvent>(&event)) {
        qCInfo(lcSession) << "server error:" << error->message;
        const bool aboutAck = error->message.contains(u"acknowledge"_s, Qt::CaseInsensitive)
            || error->message.contains(u"alert_id"_s);
        if (aboutAck && !m_outstandingAcks.isEmpty())
            Q_EMIT acknowledgementFailed(m_outstandingAcks.takeFirst(), error->message);
        Q_EMIT serverErrorReceived(error->message);
    }
}

void NocClient::onPresenceEvent(const ServerEvent &event)
{
    noteFrame();
    countOddFrames(event);
    if (const auto *established = std::get_if<ConnectionEstablishedEvent>(&event)) {
        m_presence->setHeartbeatIntervalSeconds(established->heartbeatIntervalSeconds);
    } else if (const auto *status = std::get_if<UserStatusEvent>(&event)) {
        Q_EMIT userStatusReceived(*status);
    } else if (const auto *alert = std::get_if<AlertEvent>(&event)) {
        queueAlert(alert->alert);
    }
}

void NocClient::onDashboardClosed(const ChannelClose &close)
{
    if (!m_running || close.requestedByUs)
        return;
    m_presence->close();
    for (const QString &alertId : std::as_const(m_outstandingAcks))
        Q_EMIT acknowledgementFailed(alertId, tr("Connection lost before the server confirmed"));
    m_outstandingAcks.clear();
    QString reason;
    if (close.handshakeStatus == 403) {
        // Expired token, missing permission, Origin or socket cap: the status alone cannot tell.
        if (!m_refreshTriedForRefusal && !m_tokens.refresh.isEmpty()) {
            m_refreshTriedForRefusal = true;
            setState(ConnectionState::Authenticating,
                     tr("Server refused the connection; renewing the session"));
            m_auth->refresh(m_tokens.refresh);
            return;
        }
        reason = tr("Server refused the connection (permission, origin or connection limit)");
    } else if (close.livenessTimeout) {
        reason = close.reason;
    } else if (close.closeCode != 0) {
        reason = tr("Server closed the connection (%1%2)")
                     .arg(close.closeCode)
                     .arg(close.reason.isEmpty() ? QString() : u": "_s + close.reason);
    } else {
        reason = close.reason.isEmpty() ? tr("Connection lost") : close.reason;
    }
    if (!m_everConnected && close.handshakeStatus != 0) {
        m_running = false;
        setState(ConnectionState::Failed, reason);
        return;
    }
    scheduleReconnect(reason);
}

void NocClient::onPresenceClosed(const ChannelClose &close)
{
    // Presence is secondary: its loss never takes the alert feed down; retry it on its own.
    if (m_running && !close.requestedByUs && m_state == ConnectionState::Connected)
        m_presenceRetryTimer.start();
}

void NocClient::scheduleReconnect(const QString &reason)
{
    const int exponent = qMin(m_attempt, 5);
    const int delayMs = qMin(kBackoffCapMs, kBackoffBaseMs << exponent);
    ++m_attempt;
    m_nextRetryAt = m_clock->nowUtc().addMSecs(delayMs);
    const bool wasStale = isStale();
    m_state = ConnectionState::Backoff; // set directly: setState would clear nextRetryAt
    m_stateSince = m_clock->nowUtc();
    m_statusMessage = reason;
    qCInfo(lcSession) << "reconnecting in" << delayMs << "ms:" << reason;
    Q_EMIT stateChanged();
    if (wasStale != isStale())
        Q_EMIT staleChanged();
    m_retryTimer.start(delayMs);
}

void NocClient::reconnect()
{
    if (!m_running)
        return;
    ++m_reconnects;
    const bool tokenFresh
        = m_tokens.accessExpiresAt.isValid() && m_clock->nowUtc().secsTo(m_tokens.accessExpiresAt) > 60;
    if (tokenFresh) {
        openChannels();
    } else if (!m_tokens.refresh.isEmpty()) {
        setState(ConnectionState::RefreshingToken, tr("Renewing the session"));
        m_auth->refresh(m_tokens.refresh);
    } else {
        setState(ConnectionState::Authenticating, tr("Signing in as %1").arg(m_username));
        m_auth->login(m_username, m_password);
    }
}

void NocClient::acknowledge(const QString &alertId)
{
    if (alertId.isEmpty())
        return;
    if (m_dashboard->sendFrame(commands::acknowledgeAlert(alertId))) {
        m_outstandingAcks.append(alertId);
        Q_EMIT acknowledgementPending(alertId);
    } else {
        Q_EMIT acknowledgementFailed(alertId, tr("Not connected"));
    }
}

void NocClient::subscribe(const QString &clientId)
{
    if (clientId.isEmpty() || m_subscriptions.contains(clientId))
        return;
    m_subscriptions.append(clientId);
    Q_EMIT subscriptionsChanged();
    m_dashboard->sendFrame(commands::subscribeClient(clientId));
}

void NocClient::unsubscribe(const QString &clientId)
{
    // The protocol has no unsubscribe: the set shrinks now and the server follows on the next socket.
    if (m_subscriptions.removeAll(clientId) > 0)
        Q_EMIT subscriptionsChanged();
}

void NocClient::queueAlert(const Alert &alert)
{
    m_pendingAlerts.append(alert);
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

} // namespace noc

namespace noc {

QList<ChannelHealth> NocClient::channelHealth() const
{
    return {};
}

void NocClient::retryNow()
{
    start();
}

void NocClient::acknowledgeMany(const QStringList &alertIds)
{
    for (const QString &id : alertIds)
        acknowledge(id);
}

void NocClient::requestMetrics(const QString &clientId)
{
    m_dashboard->sendFrame(commands::requestMetrics(clientId));
}

} // namespace noc

namespace noc {

void NocClient::applySettings(const ClientSettings &settings)
{
    setProfile(settings.profileFor(0));
    if (!settings.username.isEmpty() && m_username.isEmpty()) {
        m_username = settings.username;
        Q_EMIT profileChanged();
    }
    setSubscriptions(settings.subscriptions);
    setDashboardHeartbeatSeconds(settings.heartbeatSeconds);
}

void NocClient::signIn(const QString &username, const QString &password, bool rememberPassword)
{
    Q_UNUSED(rememberPassword)
    setCredentials(username, password);
    start();
}

void NocClient::signOut()
{
    stop();
    m_password.clear();
    m_tokens = {};
}

} // namespace noc
