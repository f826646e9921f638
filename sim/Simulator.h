// SPDX-License-Identifier: MIT
#pragma once

#include "AckRecord.h"
#include "AlertApi.h"
#include "AlertSeeder.h"
#include "AlertStore.h"
#include "AuthEndpoints.h"
#include "ColleagueActivity.h"
#include "ControlApi.h"
#include "OriginPolicy.h"
#include "RateLimiter.h"
#include "SimulatorOptions.h"
#include "SocketAdmission.h"
#include "TokenStore.h"
#include "TrafficGenerator.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QUrl>

namespace noc::sim {

class HttpFrontend;
class SimSocket;

// The simulated NOC backend: REST login (both generations), /ws/noc/dashboard/ and /ws/noc/presence/
// on one port, automatic traffic, fault injection and a record of what clients did. Lives in one thread;
// from another thread, reach it through QMetaObject::invokeMethod (see EmbeddedSimulator).
class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(SimulatorOptions options = {}, QObject *parent = nullptr);
    ~Simulator() override;

    // Starts the automatic traffic too when the options configure any.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] QUrl httpUrl() const; // http://127.0.0.1:<port>, https:// with TLS
    [[nodiscard]] QUrl wsUrl(const QString &path) const; // ws://127.0.0.1:<port><path>, wss:// with TLS
    [[nodiscard]] bool isTls() const { return m_options.tlsEnabled(); }
    [[nodiscard]] const SimulatorOptions &options() const { return m_options; }

    // Traffic
    Q_INVOKABLE void startTraffic();
    Q_INVOKABLE void stopTraffic();
    [[nodiscard]] bool isTrafficRunning() const { return m_traffic.isRunning(); }
    void setTrafficRate(double alertsPerSecond) { m_traffic.setAlertRate(alertsPerSecond); }
    // Stores the alert and sends alert_new to the sockets subscribed to clientId; returns the id.
    // Empty arguments are filled with realistic random values (any client, weighted severity, ...).
    // The record is the one the REST list and detail show (same id).
    Q_INVOKABLE QString publishAlert(const QString &clientId, const QString &severity,
                                     const QString &alertType, const QString &message,
                                     const QString &site = {});
    // Tenant-wide pushes to every dashboard socket: a realistic payload, with `fields` overriding it.
    Q_INVOKABLE void publishCriticalAlert(const QJsonObject &fields = {});
    Q_INVOKABLE void publishFinding(const QJsonObject &fields = {});
    Q_INVOKABLE void publishAnomaly(const QJsonObject &fields = {});
    Q_INVOKABLE void publishTicketUpdate(const QJsonObject &fields = {});
    // user_status_update to every presence socket. userId 0 = a random user; empty state = random
    // (online|busy|away|offline); statusFields override entries of "status".
    Q_INVOKABLE void publishUserStatus(int userId = 0, const QString &state = {},
                                       const QJsonObject &statusFields = {});
    // Raw text to every socket on path (empty = all).
    Q_INVOKABLE void sendRaw(const QString &text, const QString &path = {});

    // Alert records (PROTOCOL.md section 6)
    // Stores alerts without pushing them to anyone; returns their ids, oldest first.
    QList<qint64> seedAlerts(const SeedRequest &request);
    // Someone (username) acts on an alert through the REST alert API, exactly as a request from their
    // web UI would: same rules, same rate limit, same side effect on the dashboard sockets. action: ack,
    // assign, escalate, resolve or bulk-action (alertId ignored). `fields` override the realistic body.
    HttpReply actOnAlert(const QString &username, const QString &action, qint64 alertId,
                         const QJsonObject &fields = {});
    // A repeat of the alert was suppressed: suppressed_count + 1, last_seen now, nothing pushed.
    bool suppressRepeat(qint64 alertId);
    [[nodiscard]] const AlertApiOptions &alertApiSettings() const { return m_alertApi.settings(); }
    void setAlertApiSettings(const AlertApiOptions &settings);
    [[nodiscard]] const QHash<QString, AlertApi::Calls> &restCalls() const { return m_alertApi.calls(); }
    [[nodiscard]] bool isColleagueActivityRunning() const { return m_colleagues.isRunning(); }

    // Faults
    // code <= 0 drops the TCP connections without a close frame.
    Q_INVOKABLE void closeSockets(int code, const QString &reason = {}, const QString &path = {});
    // Half-open: nothing is sent, input is ignored (protocol pings too), TCP stays open; REST requests
    // hang. New sockets are accepted and then go silent. Turning it off drops the silenced sockets.
    Q_INVOKABLE void setSilent(bool silent);
    [[nodiscard]] bool isSilent() const { return m_silent; }
    Q_INVOKABLE void setReplyDelayMs(int ms);
    [[nodiscard]] int replyDelayMs() const { return m_replyDelayMs; }
    // One of malformedKinds(), to every socket on path (empty = all).
    Q_INVOKABLE void sendMalformed(const QString &kind, const QString &path = {});
    [[nodiscard]] static QStringList malformedKinds();
    // Every access token issued so far is refused from now on; optionally open sockets close 4401.
    Q_INVOKABLE void expireAccessTokens(bool closeOpenSockets = false);
    Q_INVOKABLE void revokeRefreshTokens();
    // Logins answer 401 INVALID_CREDENTIALS (v2) / 401 "No active account..." (token endpoints).
    Q_INVOKABLE void setRefuseLogins(bool refuse);
    [[nodiscard]] bool refuseLogins() const { return m_auth.refuseLogins(); }
    // Requests per auth path ("/api/v2/auth/refresh/": 3), answered or refused.
    [[nodiscard]] const QHash<QString, int> &authCalls() const { return m_auth.calls(); }
    // Drops every socket (close 1001, or no close frame at all when abrupt), stops listening and
    // listens again on the same port after downMs.
    Q_INVOKABLE void restart(int downMs, bool abrupt = false);

    // Records
    [[nodiscard]] QList<AckRecord> acks() const { return m_acks; }
    [[nodiscard]] QHash<QString, int> framesReceivedByType() const { return m_frames; }
    [[nodiscard]] int openSockets(const QString &path = {}) const;
    // Since start: how often a client came (back), whatever became of the socket.
    [[nodiscard]] int acceptedSockets(const QString &path) const { return m_acceptedByPath.value(path); }
    Q_INVOKABLE void clearRecords();
    [[nodiscard]] const AlertStore &alertStore() const { return m_alerts; }
    // A valid access token without a REST round trip (tests); empty for an unknown user.
    [[nodiscard]] QString issueAccessToken(const QString &username);

    // For the socket handlers.
    [[nodiscard]] bool allowDashboardFrame(const QString &username) { return m_rateLimiter.allow(username); }
    void recordFrame(const QString &path, const QString &type);
    void recordAck(qint64 alertId, const QString &username);
    [[nodiscard]] QJsonObject metricsFor(const QString &clientId);

Q_SIGNALS:
    void socketOpened(const QString &path, const QString &username);
    void socketClosed(const QString &path, const QString &username);
    void ackRecorded(const QString &alertId, const QString &username);
    void frameReceived(const QString &path, const QString &type);
    void listeningChanged(bool listening);
    // A REST action changed these alert records (after the side effect on the sockets).
    void alertsChanged(const QList<qint64> &ids);

private:
    struct Pending
    {
        Admission admission;
        QPointer<QTcpSocket> transport;
        quint64 serial = 0;
    };

    [[nodiscard]] HttpFrontend *frontend() const { return m_frontend; }
    [[nodiscard]] QTcpServer *makeTlsServer();
    void acceptWebSockets();
    void onSocketClosed(SimSocket *socket);
    [[nodiscard]] int socketsFrom(const QHostAddress &address) const;
    [[nodiscard]] static QString peerKey(const QHostAddress &address, quint16 port);
    [[nodiscard]] QList<SimSocket *> socketsOn(const QString &path) const;
    void pushToDashboards(const QJsonObject &frame);
    [[nodiscard]] QJsonObject withType(const char *type, QJsonObject payload,
                                       const QJsonObject &fields) const;
    void relisten();
    void onAlertsChanged(const QList<qint64> &ids);

    SimulatorOptions m_options;
    TokenStore m_tokens;
    OriginPolicy m_origins;
    SocketAdmission m_admission;
    AuthEndpoints m_auth;
    ControlApi m_control;
    AlertStore m_alerts;
    AlertApi m_alertApi;
    RateLimiter m_rateLimiter;
    QHash<QString, int> m_acceptedByPath;
    TrafficGenerator m_traffic;
    QRandomGenerator m_rng;
    ColleagueActivity m_colleagues;
    HttpFrontend *m_frontend = nullptr;
    QTcpServer *m_tcpServer = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
    QList<SimSocket *> m_sockets;
    QHash<QString, Pending> m_pending;
    quint64 m_pendingSerial = 0;
    QList<AckRecord> m_acks;
    QHash<QString, int> m_frames;
    qint64 m_nextEventId = 1;
    int m_replyDelayMs = 0;
    bool m_silent = false;
};

} // namespace noc::sim
