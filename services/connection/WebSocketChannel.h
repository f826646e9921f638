// SPDX-License-Identifier: MIT
#pragma once

#include "ChannelHealth.h"
#include "FrameRecord.h"
#include "RecurringStrings.h"
#include "ServerEvent.h"
#include "ServerProfile.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

class QWebSocket;

namespace noc {

class Clock;
class Timer;

// How a channel ended, with everything the reconnection policy needs to choose what comes next.
struct ChannelClose
{
    int closeCode = 0; // WebSocket close code; 0 when there was none
    QString reason; // the server's reason or our own words
    int handshakeStatus = 0; // HTTP status of a refused upgrade (403 for every refusal on this server)
    bool requestedByUs = false; // the operator (or shutdown) asked for it
    bool livenessTimeout = false;
    bool neverOpened = false; // the socket never got past the handshake
    bool tlsError = false;
};

// One WebSocket path (dashboard, presence, or any other a server offers). Opens with the token where
// the profile says, sends the Origin the server checks, verifies TLS (fail closed), decodes every
// frame once, keeps its own heartbeat and notices a silent (half-open) peer.
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

    WebSocketChannel(QString name, QString path, const Clock *clock, QObject *parent = nullptr);
    ~WebSocketChannel() override;

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] State state() const { return m_state; }

    void setSslConfiguration(const QSslConfiguration &configuration, bool insecure);
    void open(const ServerProfile &profile, const QString &accessToken);
    void close();
    bool sendFrame(const QByteArray &utf8Json);

    // The server may announce its interval (presence); the dashboard keeps the documented default.
    void setHeartbeatIntervalSeconds(int seconds);
    [[nodiscard]] int heartbeatIntervalSeconds() const { return m_heartbeatIntervalSeconds; }
    // When set, a due heartbeat is handed here (the dashboard's pacer) instead of going out at once;
    // the callee calls sendHeartbeatNow() when its turn comes.
    void setHeartbeatScheduler(std::function<void()> scheduler)
    {
        m_heartbeatScheduler = std::move(scheduler);
    }
    bool sendHeartbeatNow();
    // Every decoded frame goes here, in order, by value: the owner keeps what it needs without a copy
    // (a storm is 100k alerts). One owner, so a callback rather than a signal.
    void setEventHandler(std::function<void(ServerEvent &&event)> handler)
    {
        m_eventHandler = std::move(handler);
    }

    [[nodiscard]] qint64 framesIn() const { return m_framesIn; }
    [[nodiscard]] qint64 framesOut() const { return m_framesOut; }
    [[nodiscard]] int lastRttMs() const { return m_rttSamples.isEmpty() ? -1 : m_rttSamples.constLast(); }
    [[nodiscard]] QDateTime lastInboundAt() const { return m_lastInboundAt; }
    [[nodiscard]] ChannelHealth health() const;

    static constexpr int kConnectTimeoutMs = 15000;

Q_SIGNALS:
    void opened();
    void closed(const noc::ChannelClose &close);
    void rttMeasured(int milliseconds);
    void frameLogged(const noc::FrameRecord &frame);

private:
    void onConnected();
    void onDisconnected();
    void onError();
    void onSslErrors(const QList<QSslError> &errors);
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void heartbeatDue();
    void checkLiveness();
    void finish(ChannelClose close);
    void restartLivenessWatch();
    void logFrame(FrameRecord::Direction direction, const QString &text);
    void setState(State state);

    QString m_name;
    QString m_path;
    const Clock *m_clock;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Closed;
    std::unique_ptr<Timer> m_heartbeatTimer;
    std::unique_ptr<Timer> m_livenessTimer;
    std::unique_ptr<Timer> m_connectTimer;
    std::unique_ptr<Timer> m_closeGraceTimer;
    std::function<void()> m_heartbeatScheduler;
    std::function<void(ServerEvent &&)> m_eventHandler;
    QSslConfiguration m_sslConfiguration;
    bool m_insecure = false;
    QString m_tlsProblem;
    int m_heartbeatIntervalSeconds = 30;
    qint64 m_framesIn = 0;
    qint64 m_framesOut = 0;
    int m_errors = 0;
    int m_opens = 0;
    QList<qint64> m_reconnectTimes; // monotonic, for "reconnects in the last hour"
    QList<int> m_rttSamples;
    QDateTime m_lastInboundAt;
    RecurringStrings m_recurring; // client, site and type shared across this socket's frames
    QDateTime m_stateSince;
    qint64 m_lastInboundMono = -1;
    qint64 m_openedMono = -1;
    qint64 m_heartbeatSentMono = -1;
    bool m_closeRequested = false;
};

} // namespace noc

Q_DECLARE_METATYPE(noc::ChannelClose)
