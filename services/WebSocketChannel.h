// SPDX-License-Identifier: MIT
#pragma once

#include "ServerEvent.h"
#include "ServerProfile.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace noc {

class Clock;

// How a channel ended, with everything the reconnection policy needs to choose what comes next.
struct ChannelClose
{
    int closeCode = 0; // WebSocket close code; 0 when there was none
    QString reason; // the server's reason or our own words
    int handshakeStatus = 0; // HTTP status of a refused upgrade (403 for every refusal on this server)
    bool requestedByUs = false; // the operator (or shutdown) asked for it
    bool livenessTimeout = false;
};

// One WebSocket path (dashboard, presence, or any other a server offers). Opens with the token where
// the profile says, sends the Origin the server checks, decodes every frame once, keeps its own
// heartbeat and notices a silent (half-open) peer.
class WebSocketChannel : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8
    {
        Closed,
        Connecting,
        Open
    };
    Q_ENUM(State)

    WebSocketChannel(QString path, const Clock *clock, QObject *parent = nullptr);
    ~WebSocketChannel() override;

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] State state() const { return m_state; }

    void open(const ServerProfile &profile, const QString &accessToken);
    void close();
    bool sendFrame(const QByteArray &utf8Json);

    // The server may announce its interval (presence); the dashboard keeps the documented default.
    void setHeartbeatIntervalSeconds(int seconds);
    [[nodiscard]] int heartbeatIntervalSeconds() const { return m_heartbeatIntervalSeconds; }

    [[nodiscard]] qint64 framesIn() const { return m_framesIn; }
    [[nodiscard]] qint64 framesOut() const { return m_framesOut; }
    [[nodiscard]] int lastRttMs() const { return m_lastRttMs; }
    [[nodiscard]] QDateTime lastInboundAt() const { return m_lastInboundAt; }

    static constexpr int kConnectTimeoutMs = 15000;

Q_SIGNALS:
    void opened();
    void eventReceived(const noc::ServerEvent &event);
    void closed(const noc::ChannelClose &close);
    void rttMeasured(int milliseconds);

private:
    void onConnected();
    void onDisconnected();
    void onError();
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void sendHeartbeat();
    void checkLiveness();
    void finish(ChannelClose close);
    void restartLivenessWatch();

    QString m_path;
    const Clock *m_clock;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Closed;
    QTimer m_heartbeatTimer;
    QTimer m_livenessTimer;
    QTimer m_connectTimer;
    int m_heartbeatIntervalSeconds = 30;
    qint64 m_framesIn = 0;
    qint64 m_framesOut = 0;
    int m_lastRttMs = -1;
    QDateTime m_lastInboundAt;
    qint64 m_lastInboundMono = 0;
    qint64 m_heartbeatSentMono = -1;
    bool m_closeRequested = false;
};

} // namespace noc

Q_DECLARE_METATYPE(noc::ChannelClose)
