// SPDX-License-Identifier: MIT
#include "WebSocketChannel.h"

#include "ClientCommands.h"
#include "Clock.h"
#include "FrameDecoder.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

#include <QMetaMethod>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QWebSocket>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
// Qt 6.4 reports a refused upgrade only in words: "Unhandled http status code: 403 (Forbidden)."
int handshakeStatusFrom(const QString &errorString)
{
    static const QRegularExpression status(u"status code: (\\d{3})"_s);
    const auto match = status.match(errorString);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

constexpr int kMaxRttSamples = 64;
constexpr qint64 kHourMs = 3600 * 1000;
} // namespace

WebSocketChannel::WebSocketChannel(QString name, QString path, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_path(std::move(path))
    , m_clock(clock)
    , m_heartbeatTimer(clock->createTimer())
    , m_livenessTimer(clock->createTimer())
    , m_connectTimer(clock->createTimer())
    , m_closeGraceTimer(clock->createTimer())
    , m_sslConfiguration(QSslConfiguration::defaultConfiguration())
{
    m_stateSince = m_clock->nowUtc();
    m_heartbeatTimer->onTimeout = [this] { heartbeatDue(); };
    m_livenessTimer->onTimeout = [this] { checkLiveness(); };
    m_connectTimer->onTimeout = [this] {
        qCWarning(lcWs) << m_path << "connect timed out";
        ChannelClose close;
        close.reason = tr("Connection attempt timed out");
        close.neverOpened = true;
        finish(close);
    };
    m_closeGraceTimer->onTimeout = [this] {
        // The peer never answered our close: do not wait for it.
        ChannelClose close;
        close.closeCode = QWebSocketProtocol::CloseCodeNormal;
        close.reason = tr("Closed by operator");
        close.requestedByUs = true;
        finish(close);
    };
}

WebSocketChannel::~WebSocketChannel()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void WebSocketChannel::setSslConfiguration(const QSslConfiguration &configuration, bool insecure)
{
    m_sslConfiguration = configuration;
    m_insecure = insecure;
}

void WebSocketChannel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    m_stateSince = m_clock->nowUtc();
}

void WebSocketChannel::open(const ServerProfile &profile, const QString &accessToken)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket.clear();
    }
    m_closeGraceTimer->stop(); // whatever the last socket was waiting for, this one waits for nothing
    m_closeRequested = false;
    m_heartbeatSentMono = -1;
    m_tlsProblem.clear();

    QUrl url = profile.webSocketUrl(m_path);
    QNetworkRequest request;
    switch (profile.tokenLocation) {
    case TokenLocation::Query: {
        QUrlQuery query;
        query.addQueryItem(u"token"_s, QString::fromLatin1(QUrl::toPercentEncoding(accessToken)));
        url.setQuery(query);
        break;
    }
    case TokenLocation::Header:
        request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
        break;
    case TokenLocation::Cookie:
        request.setRawHeader("Cookie", "ws_token=" + accessToken.toUtf8());
        break;
    }
    request.setUrl(url);

    // QWebSocket takes the Origin only in its constructor: one socket per attempt.
    auto *socket = new QWebSocket(profile.effectiveOrigin(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    if (url.scheme() == "wss"_L1)
        socket->setSslConfiguration(m_sslConfiguration);
    connect(socket, &QWebSocket::connected, this, &WebSocketChannel::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &WebSocketChannel::onDisconnected);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketChannel::onError);
    connect(socket, &QWebSocket::sslErrors, this, &WebSocketChannel::onSslErrors);
    connect(socket, &QWebSocket::textMessageReceived, this, &WebSocketChannel::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &WebSocketChannel::onBinary);

    setState(State::Connecting);
    qCInfo(lcWs) << "connecting" << redactedUrl(url);
    m_connectTimer->start(kConnectTimeoutMs);
    socket->open(request);
}

void WebSocketChannel::close()
{
    if (!m_socket || m_state == State::Closed)
        return;
    m_closeRequested = true;
    if (m_state == State::Open) {
        // Armed first: QWebSocket::close() closes the transport too, so the socket (and this channel) may
        // be finished before it returns, and a grace armed after that would end the next socket instead.
        m_closeGraceTimer->start(2000);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, u"client closing"_s);
    } else {
        ChannelClose close;
        close.reason = tr("Closed by operator");
        close.requestedByUs = true;
        close.neverOpened = true;
        finish(close);
    }
}

bool WebSocketChannel::sendFrame(const QByteArray &utf8Json)
{
    if (!m_socket || m_state != State::Open)
        return false;
    const QString text = QString::fromUtf8(utf8Json);
    m_socket->sendTextMessage(text);
    ++m_framesOut;
    logFrame(FrameRecord::Direction::Out, text);
    return true;
}

void WebSocketChannel::setHeartbeatIntervalSeconds(int seconds)
{
    m_heartbeatIntervalSeconds = qBound(1, seconds, 3600);
    if (m_state == State::Open) {
        m_heartbeatTimer->start(m_heartbeatIntervalSeconds * 1000);
        restartLivenessWatch();
    }
}

void WebSocketChannel::onConnected()
{
    m_connectTimer->stop();
    setState(State::Open);
    const qint64 now = m_clock->monotonicMs();
    if (m_opens++ > 0)
        m_reconnectTimes.append(now);
    while (!m_reconnectTimes.isEmpty() && m_reconnectTimes.constFirst() < now - kHourMs)
        m_reconnectTimes.removeFirst();
    m_openedMono = now;
    m_lastInboundMono = now;
    m_lastInboundAt = m_clock->nowUtc();
    qCInfo(lcWs) << m_path << "open";
    restartLivenessWatch();
    Q_EMIT opened();
    // A first heartbeat at once: the RTT is known from the start, not half a minute later.
    heartbeatDue();
}

void WebSocketChannel::onDisconnected()
{
    if (!m_socket)
        return;
    ChannelClose close;
    close.neverOpened = m_state != State::Open;
    // Qt reports 1000 for a connection that was refused or dropped before any close handshake: only a
    // socket that was open can have been closed with a code.
    close.closeCode = close.neverOpened ? 0 : m_socket->closeCode();
    close.reason = close.neverOpened && m_socket->closeReason().isEmpty() ? m_socket->errorString()
                                                                          : m_socket->closeReason();
    close.requestedByUs = m_closeRequested;
    if (!m_tlsProblem.isEmpty()) {
        close.tlsError = true;
        close.reason = m_tlsProblem;
    }
    qCInfo(lcWs) << m_path << "closed" << close.closeCode << close.reason;
    finish(close);
}

void WebSocketChannel::onSslErrors(const QList<QSslError> &errors)
{
    QStringList problems;
    for (const QSslError &error : errors)
        problems.append(error.errorString());
    if (m_insecure) {
        qCWarning(lcWs) << m_path
                        << "ignoring TLS errors because the operator opted out of verification:" << problems;
        if (m_socket)
            m_socket->ignoreSslErrors();
        return;
    }
    // Fail closed, and say exactly what is wrong: this is what the operator forwards to IT.
    m_tlsProblem = tr("TLS certificate rejected: %1").arg(problems.join(u"; "_s));
    qCWarning(lcWs) << m_path << m_tlsProblem;
}

void WebSocketChannel::onError()
{
    if (!m_socket)
        return;
    ++m_errors;
    const QString error = redactedText(m_socket->errorString());
    if (m_state == State::Connecting) {
        // A refused upgrade leaves the socket connecting and never emits disconnected(): end it here.
        ChannelClose close;
        close.reason = m_tlsProblem.isEmpty() ? error : m_tlsProblem;
        close.tlsError = !m_tlsProblem.isEmpty();
        close.handshakeStatus = handshakeStatusFrom(error);
        close.requestedByUs = m_closeRequested;
        close.neverOpened = true;
        qCWarning(lcWs) << m_path << "connect failed:" << close.reason;
        finish(close);
        return;
    }
    qCWarning(lcWs) << m_path << "socket error:" << error;
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        ChannelClose close;
        close.closeCode = m_socket->closeCode();
        close.reason = error;
        close.requestedByUs = m_closeRequested;
        finish(close);
    }
}

void WebSocketChannel::onText(const QString &message)
{
    ++m_framesIn;
    m_lastInboundMono = m_clock->monotonicMs();
    m_lastInboundAt = m_clock->nowUtc();
    logFrame(FrameRecord::Direction::In, message);
    ServerEvent event = FrameDecoder::decode(message, m_lastInboundAt, &m_recurring);
    if (std::holds_alternative<MalformedFrame>(event))
        ++m_errors;
    if (std::holds_alternative<HeartbeatAckEvent>(event) && m_heartbeatSentMono >= 0) {
        // RTT by our own clock: the server's latency_ms includes clock skew. One heartbeat is in flight
        // at a time, so the next ack answers it whatever timestamp the server chose to put in it.
        const int rtt = static_cast<int>(m_lastInboundMono - m_heartbeatSentMono);
        m_heartbeatSentMono = -1;
        m_rttSamples.append(rtt);
        if (m_rttSamples.size() > kMaxRttSamples)
            m_rttSamples.removeFirst();
        Q_EMIT rttMeasured(rtt);
    }
    if (m_eventHandler)
        m_eventHandler(std::move(event));
}

void WebSocketChannel::onBinary(const QByteArray &message)
{
    ++m_framesIn;
    ++m_errors;
    m_lastInboundMono = m_clock->monotonicMs();
    m_lastInboundAt = m_clock->nowUtc();
    logFrame(FrameRecord::Direction::In, tr("<binary frame of %1 bytes>").arg(message.size()));
    if (m_eventHandler)
        m_eventHandler(MalformedFrame { tr("binary frame of %1 bytes").arg(message.size()), {} });
}

void WebSocketChannel::heartbeatDue()
{
    if (m_state != State::Open)
        return;
    m_heartbeatTimer->start(m_heartbeatIntervalSeconds * 1000);
    if (m_heartbeatScheduler)
        m_heartbeatScheduler();
    else
        sendHeartbeatNow();
}

bool WebSocketChannel::sendHeartbeatNow()
{
    if (!sendFrame(commands::heartbeat(m_clock->nowUtc())))
        return false;
    m_heartbeatSentMono = m_clock->monotonicMs();
    return true;
}

void WebSocketChannel::restartLivenessWatch()
{
    // Silent for two intervals and some slack: the peer is gone even if TCP still says open.
    m_livenessTimer->start((2 * m_heartbeatIntervalSeconds + 5) * 1000);
}

void WebSocketChannel::checkLiveness()
{
    if (m_state != State::Open)
        return;
    const qint64 silentMs = m_clock->monotonicMs() - m_lastInboundMono;
    const qint64 deadAfterMs = (2 * qint64(m_heartbeatIntervalSeconds) + 5) * 1000;
    if (silentMs < deadAfterMs) {
        // Frames came since the watch was armed: look again when this silence could first be fatal.
        // (Re-arming here instead of on every frame keeps a storm from restarting a timer per frame.)
        m_livenessTimer->start(deadAfterMs - silentMs);
        return;
    }
    qCWarning(lcWs) << m_path << "no frame for" << silentMs << "ms; dropping the connection";
    ChannelClose close;
    close.reason = tr("No data from the server for %1 s").arg(silentMs / 1000);
    close.livenessTimeout = true;
    finish(close);
}

void WebSocketChannel::logFrame(FrameRecord::Direction direction, const QString &text)
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&WebSocketChannel::frameLogged);
    if (!isSignalConnected(signal))
        return; // nobody looks: do not pay for redaction on every frame
    FrameRecord record;
    record.direction = direction;
    record.channel = m_name;
    record.at = m_clock->nowUtc();
    record.text = redactedText(text.left(FrameRecord::kMaxText));
    Q_EMIT frameLogged(record);
}

ChannelHealth WebSocketChannel::health() const
{
    ChannelHealth h;
    h.name = m_name;
    h.path = m_path;
    h.state = m_state == State::Open   ? ChannelHealth::State::Open
        : m_state == State::Connecting ? ChannelHealth::State::Connecting
                                       : ChannelHealth::State::Closed;
    h.stateSince = m_stateSince;
    h.rttLastMs = lastRttMs();
    h.rttP50Ms = percentile(m_rttSamples, 0.5);
    h.rttP95Ms = percentile(m_rttSamples, 0.95);
    const qint64 now = m_clock->monotonicMs();
    h.uptimeSeconds = m_state == State::Open && m_openedMono >= 0 ? (now - m_openedMono) / 1000 : 0;
    h.reconnects = qMax(0, m_opens - 1);
    h.framesIn = m_framesIn;
    h.framesOut = m_framesOut;
    h.errors = m_errors;
    h.lastInboundAgeMs = m_lastInboundMono >= 0 ? now - m_lastInboundMono : -1;
    int recent = 0;
    for (qint64 at : m_reconnectTimes) {
        if (at >= now - kHourMs)
            ++recent;
    }
    scoreHealth(h, qint64(m_heartbeatIntervalSeconds) * 1000, recent);
    return h;
}

void WebSocketChannel::finish(ChannelClose close)
{
    if (m_state == State::Closed)
        return;
    setState(State::Closed);
    m_connectTimer->stop();
    m_heartbeatTimer->stop();
    m_livenessTimer->stop();
    m_closeGraceTimer->stop();
    m_heartbeatSentMono = -1;
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket.clear();
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    Q_EMIT closed(close);
}

} // namespace noc
