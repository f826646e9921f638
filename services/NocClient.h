// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "AlertAction.h"
#include "AlertActions.h"
#include "AlertApiParser.h"
#include "AlertFeed.h"
#include "AlertHistory.h"
#include "AlertLookup.h"
#include "AuthResult.h"
#include "ChannelHealth.h"
#include "ClientSettings.h"
#include "ConnectionStateMachine.h"
#include "DashboardCommands.h"
#include "FrameRecord.h"
#include "HealthLedger.h"
#include "HistorySync.h"
#include "PresenceLink.h"
#include "ServerEvent.h"
#include "ServerFailover.h"
#include "ServerProfile.h"
#include "Session.h"
#include "SessionHealth.h"
#include "SubscriptionSet.h"

#include <QDateTime>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace noc {

class Clock;
class CredentialStore;
class WebSocketChannel;
struct ChannelClose;

// The client's facade over one NOC server, for QML and nocctl: the properties, invokables and signals
// they use, over the parts that do the work: the Session (sign-in, tokens, failover, the reconnection
// policy), the two channels with SessionHealth and PresenceLink, DashboardCommands, the SubscriptionSet,
// the AlertFeed and HistorySync. It routes the dashboard's frames to them and keeps the order of a
// close: in-flight acks settle before the state machine sees it.
class NocClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ConnectionState state READ state NOTIFY stateChanged)
    Q_PROPERTY(QDateTime stateSince READ stateSince NOTIFY stateChanged)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY stateChanged)
    Q_PROPERTY(QDateTime nextRetryAt READ nextRetryAt NOTIFY stateChanged)
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY stateChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY staleChanged)
    Q_PROPERTY(QString serverName READ serverName NOTIFY profileChanged)
    Q_PROPERTY(QString username READ username NOTIFY profileChanged)
    Q_PROPERTY(QStringList subscriptions READ subscriptions NOTIFY subscriptionsChanged)
    Q_PROPERTY(int rttMs READ rttMs NOTIFY healthChanged)
    Q_PROPERTY(QDateTime lastFrameAt READ lastFrameAt NOTIFY healthChanged)
    Q_PROPERTY(int pendingAcknowledgements READ pendingAcknowledgements NOTIFY pendingAcknowledgementsChanged)
    Q_PROPERTY(QString outboxSharedNote READ outboxSharedNote NOTIFY pendingAcknowledgementsChanged)
    // Alerts with a resolve, assign or escalate the server has not answered yet (queued or under way).
    Q_PROPERTY(int pendingActions READ pendingActions NOTIFY pendingActionsChanged)
    // The server does not replay what it pushed while a client was away: the last stretch without a
    // feed in this session (from the last frame heard to the reconnect), and how many there were.
    Q_PROPERTY(QDateTime lastGapFrom READ lastGapFrom NOTIFY feedGapChanged)
    Q_PROPERTY(QDateTime lastGapTo READ lastGapTo NOTIFY feedGapChanged)
    Q_PROPERTY(int feedGaps READ feedGaps NOTIFY feedGapChanged)
    // The last gap began with the 1011 this session's own alert action caused (the operator knows).
    Q_PROPERTY(bool lastGapOwnAction READ lastGapOwnAction NOTIFY feedGapChanged)
    // The server's alert records (REST): whether the list holds the NOC's state or only the live feed.
    Q_PROPERTY(HistoryState historyState READ historyState NOTIFY historyChanged)
    Q_PROPERTY(QString historyReason READ historyReason NOTIFY historyChanged)
    Q_PROPERTY(int openOnServer READ openOnServer NOTIFY historyChanged)
    Q_PROPERTY(int loadedOpen READ loadedOpen NOTIFY historyChanged)
    // Alerts the last back-fill after a gap read (-1: none since the last gap).
    Q_PROPERTY(int lastBackfillCount READ lastBackfillCount NOTIFY historyChanged)
    // False when more was raised during the gap than the back-fill reads (its page budget).
    Q_PROPERTY(bool lastBackfillComplete READ lastBackfillComplete NOTIFY historyChanged)
    Q_PROPERTY(int reconnectCount READ reconnectCount NOTIFY healthChanged)
    Q_PROPERTY(qint64 unknownFrames READ unknownFrames NOTIFY healthChanged)
    Q_PROPERTY(qint64 malformedFrames READ malformedFrames NOTIFY healthChanged)
    // True when there is nothing to sign in with (no password, nothing in the keychain): show a login form.
    Q_PROPERTY(bool needsCredentials READ needsCredentials NOTIFY stateChanged)
    // Why the state is Failed (None in every other state): a refused session needs new credentials.
    Q_PROPERTY(FailureReason failureReason READ failureReason NOTIFY stateChanged)
    // When the server first refused this session, until it has tokens again (invalid otherwise).
    Q_PROPERTY(QDateTime signedOutAt READ signedOutAt NOTIFY stateChanged)
    // Not signed in and nothing here can change that: the server refused the session (signedOutAt) or
    // there never was one. A wall says so and waits for a session provisioned on the machine.
    Q_PROPERTY(bool signedOut READ isSignedOut NOTIFY stateChanged)
    // What the keychain said last, in words an operator can act on; empty when all is well.
    Q_PROPERTY(QString keychainMessage READ keychainMessage NOTIFY keychainMessageChanged)

public:
    // The reconnection state machine's states (ConnectionStateMachine has the table).
    enum class ConnectionState : quint8
    {
        LoggedOut,
        Authenticating,
        RefreshingToken,
        Connecting,
        Connected,
        Backoff,
        Failed
    };
    Q_ENUM(ConnectionState)

    // Mirrors ConnectionStateMachine::FailureReason.
    enum class FailureReason : quint8
    {
        None,
        SessionRefused, // the server refused the stored session or the password; new credentials only
        NoSession, // nothing to sign in with
        Other // gave up on an outage, refused at the socket, no server
    };
    Q_ENUM(FailureReason)

    // Mirrors AlertHistory::State.
    enum class HistoryState : quint8
    {
        Unknown,
        Loading,
        Loaded,
        Unavailable
    };
    Q_ENUM(HistoryState)

    explicit NocClient(QObject *parent = nullptr);
    NocClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~NocClient() override;

    // Servers (failover order), auth generation, Origin, TLS, heartbeat, backoff, wall mode. The
    // subscription set is not a setting (subscriptionSet() is its home): a preset's clients only
    // seed it while it is empty.
    void applySettings(const ClientSettings &settings);
    // One server (tests, --server): replaces the server list.
    void setProfile(const ServerProfile &profile);
    // Where the acknowledgement outbox and the subscription set live between runs. Empty: memory only.
    // Subscriptions and the acknowledgement outbox live here. keepAcknowledgements=false leaves the
    // outbox file to others (a client that never acknowledges: nocctl watch, status, subscribe).
    // keepActions: the same for the resolve/assign/escalate outbox (by default like acknowledgements).
    void setStateDirectory(const QString &directory, bool keepAcknowledgements = true,
                           std::optional<bool> keepActions = {});
    // The pacer's budget for dashboard frames (the server allows 100 per 60 s per user).
    void setFrameBudget(int maxFrames, qint64 windowMs) { m_commands->setFrameBudget(maxFrames, windowMs); }
    // Where refresh tokens (and remembered passwords) live. Not owned; by default the client uses its
    // own store on the "nocdash" keychain service. Null: keep nothing between runs.
    void setCredentialStore(CredentialStore *store) { m_session->setCredentialStore(store); }
    // Resume a session from a refresh token that worked before (the keychain's, or nocctl's).
    void restoreSession(const QString &username, const QString &refreshToken)
    {
        m_session->restore(username, refreshToken);
    }
    // How often a fallback connection checks whether the first server is back.
    void setPreferredServerProbeIntervalMs(qint64 milliseconds)
    {
        m_session->failover().setProbeIntervalMs(milliseconds);
    }
    // Source of jitter for the backoff; tests make it exact.
    void setRandomSource(std::function<double()> random01);
    void setCredentials(const QString &username, const QString &password)
    {
        m_session->setCredentials(username, password);
    }
    void setSubscriptions(const QStringList &clientIds) { m_subscriptions->replace(clientIds); }
    // Alerts are handed out at most this often; 0 flushes once per event-loop pass.
    void setBatchIntervalMs(int milliseconds) { m_feed->setBatchIntervalMs(milliseconds); }
    // The dashboard announces no interval; PROTOCOL.md's default is 30 s.
    void setDashboardHeartbeatSeconds(int seconds);

    [[nodiscard]] ConnectionState state() const
    {
        return static_cast<ConnectionState>(m_session->driver().state());
    }
    [[nodiscard]] QDateTime stateSince() const { return m_session->driver().stateSince(); }
    [[nodiscard]] QString statusMessage() const { return m_session->driver().statusMessage(); }
    [[nodiscard]] QDateTime nextRetryAt() const { return m_session->driver().nextRetryAt(); }
    [[nodiscard]] bool canRetry() const { return state() == ConnectionState::Failed; }
    [[nodiscard]] bool isStale() const { return m_health->isStale(); }
    [[nodiscard]] QString serverName() const;
    [[nodiscard]] QString username() const { return m_session->username(); }
    [[nodiscard]] QStringList subscriptions() const { return m_subscriptions->ids(); }
    // The followed clients with what the server said of each (models show it).
    [[nodiscard]] SubscriptionSet *subscriptionSet() const { return m_subscriptions; }
    [[nodiscard]] const ClientSettings &settings() const { return m_settings; }
    [[nodiscard]] int rttMs() const { return m_health->rttMs(); }
    [[nodiscard]] QDateTime lastFrameAt() const { return m_health->lastFrameAt(); }
    [[nodiscard]] qint64 unknownFrames() const { return m_health->unknownFrames(); }
    [[nodiscard]] qint64 malformedFrames() const { return m_health->malformedFrames(); }
    [[nodiscard]] int reconnectCount() const { return m_session->gaps().count(); }
    [[nodiscard]] int pendingAcknowledgements() const { return m_commands->pendingCount(); }
    [[nodiscard]] QStringList pendingAcknowledgementIds() const { return m_commands->pendingIds(); }
    // Set when another running program (nocdash, another nocctl) holds the acknowledgement outbox in
    // the state directory: this client's acks are then kept in memory only. Empty otherwise.
    [[nodiscard]] QString outboxSharedNote() const { return m_commands->sharedNote(); }
    [[nodiscard]] int pendingActions() const { return m_actions->pendingAlerts(); }
    // Set when another running program holds the action outbox: actions queued here are in memory only.
    [[nodiscard]] QString actionsSharedNote() const { return m_actions->sharedNote(); }
    [[nodiscard]] QList<AlertActionRequest> pendingActionRequests() const { return m_actions->pending(); }
    // REST calls of this session's actions and lookups (the budget is shared with the history's).
    [[nodiscard]] int actionCalls() const { return m_actions->calls(); }
    [[nodiscard]] int lookupCalls() const { return m_lookup->calls(); }
    [[nodiscard]] QDateTime lastGapFrom() const { return m_session->gaps().lastFrom(); }
    [[nodiscard]] QDateTime lastGapTo() const { return m_session->gaps().lastTo(); }
    [[nodiscard]] int feedGaps() const { return m_session->gaps().count(); }
    [[nodiscard]] bool lastGapOwnAction() const { return m_lastGapOwnAction; }
    [[nodiscard]] HistoryState historyState() const
    {
        return static_cast<HistoryState>(m_history->records().state());
    }
    [[nodiscard]] QString historyReason() const { return m_history->records().reason(); }
    [[nodiscard]] int openOnServer() const { return m_history->records().openOnServer(); }
    [[nodiscard]] int loadedOpen() const { return m_history->records().loadedOpen(); }
    [[nodiscard]] int lastBackfillCount() const { return m_history->lastBackfillCount(); }
    [[nodiscard]] bool lastBackfillComplete() const { return m_history->lastBackfillComplete(); }
    [[nodiscard]] int historyCalls() const { return m_history->records().calls(); }
    // Uptime, cost, reconnects, renewals, REST calls and the longest stale spell, period by period.
    [[nodiscard]] HealthLedger &healthLedger() const { return *m_ledger; }
    [[nodiscard]] int currentServerIndex() const { return static_cast<int>(m_session->failover().index()); }
    [[nodiscard]] QUrl currentServerUrl() const { return m_session->failover().current().baseUrl; }
    [[nodiscard]] int attempt() const { return m_session->driver().attempt(); }
    [[nodiscard]] static QString stateTable() { return ConnectionStateMachine::printableTable(); }
    [[nodiscard]] QList<ChannelHealth> channelHealth() const { return m_health->channels(); }
    [[nodiscard]] bool needsCredentials() const { return m_session->driver().needsCredentials(); }
    [[nodiscard]] QString keychainMessage() const { return m_session->keychainMessage(); }
    [[nodiscard]] FailureReason failureReason() const
    {
        return static_cast<FailureReason>(m_session->driver().failureReason());
    }
    [[nodiscard]] QDateTime signedOutAt() const { return m_session->driver().signedOutAt(); }
    [[nodiscard]] bool isSignedOut() const
    {
        return signedOutAt().isValid()
            || (state() == ConnectionState::Failed && failureReason() == FailureReason::NoSession);
    }
    // A wall signed out watches the keychain for a session provisioned on the machine this often
    // (SessionRecovery); tests make it short. Keychain reads so far, for tests and diagnostics.
    void setSessionRecoveryIntervalMs(qint64 milliseconds);
    [[nodiscard]] int sessionRecoveryChecks() const;

    // Signs in with these credentials; the refresh token (and the password only if asked to) goes to
    // the keychain so the next start needs no typing.
    Q_INVOKABLE void signIn(const QString &username, const QString &password, bool rememberPassword);
    // Ends the session: revokes the refresh token where the server can, forgets the keychain entries.
    Q_INVOKABLE void signOut();
    // Connects with what it has: a password set before, else the keychain; else needsCredentials.
    Q_INVOKABLE void start() { m_session->start(); }
    // Closes the connection as the operator's choice; the keychain keeps the session for next time.
    Q_INVOKABLE void stop();
    // Operator's retry from Failed: starts over with the current credentials.
    Q_INVOKABLE void retryNow() { m_session->retryNow(); }
    Q_INVOKABLE void acknowledge(const QString &alertId) { acknowledgeMany({ alertId }); }
    Q_INVOKABLE void acknowledgeMany(const QStringList &alertIds) { m_commands->acknowledge(alertIds); }
    // Lifecycle actions over REST (PROTOCOL.md section 6), for one alert or a selection: queued
    // durably, sent when there is a session, each alert's outcome in alertActionSettled.
    // Returns the request's key (each outcome names it); empty when every id was refused at once (a
    // text over alertActionTextLimit is refused for all of them).
    QString requestAction(AlertActionKind kind, const QStringList &alertIds, const QString &text,
                          int userId = 0);
    Q_INVOKABLE void resolve(const QStringList &alertIds, const QString &notes);
    Q_INVOKABLE void assign(const QStringList &alertIds, int userId, const QString &comment = {});
    Q_INVOKABLE void escalate(const QStringList &alertIds, int userId, const QString &reason);
    // Reads for a person: the alerts in some statuses (empty: all), and one record's who and when.
    // Answered by alertsListed / alertDetailRead, or alertLookupFailed. They need a session.
    void listAlerts(const QStringList &statuses, int pageBudget = 10);
    // Whether the session keeps the list current from the records (start-up load, back-fill,
    // reconcile). Off for a client that shows no list: the REST budget is shared by all of a user's programs.
    void setFollowRecords(bool follow) { m_history->setEnabled(follow); }
    // One record's who and when: read at most once a minute per record (asked again sooner, it is read
    // when the minute is over), after the read under way. Nothing without a session.
    Q_INVOKABLE void readAlertDetail(const QString &alertId);
    Q_INVOKABLE void subscribe(const QString &clientId);
    Q_INVOKABLE void unsubscribe(const QString &clientId) { m_subscriptions->remove(clientId); }
    Q_INVOKABLE void requestMetrics(const QString &clientId) { m_commands->requestMetrics(clientId); }
    // Developer tools (Diagnostics): what the SDK's test page offers, on the real session.
    // Drops the sockets and signs in again with what the session has (a refresh token or the password).
    Q_INVOKABLE void reconnectNow();
    // A presence ping; pongReceived says the round trip. False when presence is not open.
    Q_INVOKABLE bool ping() { return m_presenceLink->ping(); }
    // The presence channel's own statistics (statsReceived). False when presence is not open.
    Q_INVOKABLE bool requestStats() { return m_presenceLink->requestStats(); }
    // Sends a JSON object typed by the operator on the dashboard socket, through the pacer like every
    // frame. False when it is not a JSON object or there is no live socket.
    Q_INVOKABLE bool sendRawFrame(const QString &json);

Q_SIGNALS:
    void stateChanged();
    void staleChanged();
    // A connection that was live came back: lastGapFrom..lastGapTo had no feed.
    void feedGapChanged();
    void historyChanged();
    // An alert handed out as open was closed on the server, as its records show: two complete reads
    // of the open alerts in a row did not list it (OpenSetReconciler). Resolved or suppressed, the
    // list does not say: the update says Resolved, at the start of the second read, and why.
    void openAlertClosed(const noc::AlertUpdatedEvent &update);
    // A record's status changed on the server (alert_updated, or read from the records).
    void alertStatusChanged(const QString &alertId, noc::AlertStatus status, const QDateTime &at);
    void profileChanged();
    void subscriptionsChanged();
    void healthChanged();
    void pendingAcknowledgementsChanged();
    void keychainMessageChanged();
    // The keychain has answered the write that follows every sign-in and token renewal.
    void credentialsSaved(bool ok);
    // signOut() is done: the server revoked the refresh token (where it can) and the keychain forgot.
    void signedOut();
    void alertsReceived(const noc::AlertBatch &alerts);
    void acknowledgementPending(const QString &alertId);
    // by: who acknowledged (this session's user); at: when the server confirmed.
    void acknowledgementConfirmed(const QString &alertId, const QString &by, const QDateTime &at);
    void acknowledgementFailed(const QString &alertId, const QString &reason);
    void pendingActionsChanged();
    // A resolve, assign or escalate of this alert waits for the server (also one a previous run left).
    void alertActionPending(const QString &alertId, noc::AlertActionKind kind);
    // The server answered a resolve, assign or escalate for one alert.
    void alertActionSettled(const noc::AlertActionOutcome &outcome);
    void alertsListed(const noc::AlertBatch &alerts, int total, bool complete);
    void alertDetailRead(const noc::AlertRecordDetail &detail);
    // alertId: empty for a list. historyRefused: the server refuses its records to this client.
    void alertLookupFailed(const QString &alertId, const QString &reason, bool historyRefused);
    void subscriptionConfirmed(const QString &clientId);
    void subscriptionFailed(const QString &clientId, const QString &reason);
    void userStatusReceived(const noc::UserStatusEvent &status);
    void metricsReceived(const QString &clientId, const QVariantMap &metrics);
    void pongReceived(int roundTripMs);
    // uptime_seconds, message_count, last_heartbeat_ago, user_type (those the server sent).
    void statsReceived(const QVariantMap &stats);
    void serverErrorReceived(const QString &message);
    // A well-formed frame of a type this client does not know, kept for the diagnostics and details views.
    void unknownEventReceived(const noc::UnknownEvent &event);
    void rttSampled(const QString &channel, int milliseconds, const QDateTime &at);
    void frameLogged(const noc::FrameRecord &frame);

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    void wire();
    void wireRecords();
    void openChannels();
    void closeChannels();
    void onDashboardEvent(ServerEvent &&event);
    void onDashboardClosed(const ChannelClose &close);
    void loadState();
    void wireLedger();
    [[nodiscard]] QString staleCause() const;

    std::unique_ptr<Clock> m_ownedClock;
    const Clock *m_clock;
    QNetworkAccessManager *m_network;
    WebSocketChannel *m_dashboard;
    WebSocketChannel *m_presence;
    Session *m_session;
    SessionHealth *m_health;
    PresenceLink *m_presenceLink;
    SubscriptionSet *m_subscriptions;
    DashboardCommands *m_commands;
    AlertFeed *m_feed;
    HistorySync *m_history;
    AlertActions *m_actions;
    AlertLookup *m_lookup;
    HealthLedger *m_ledger = nullptr;
    bool m_forwardingFrames = false;
    bool m_closedByOwnAction = false; // the dashboard's last close
    bool m_lastGapOwnAction = false;

    ClientSettings m_settings;
    bool m_settingsApplied = false;
    QString m_stateDirectory;
    bool m_keepAcknowledgements = true;
    bool m_keepActions = true;
    bool m_subscriptionsSeeded = false;
    QSslConfiguration m_sslConfiguration;
};

} // namespace noc
