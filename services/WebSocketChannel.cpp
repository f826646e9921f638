// SPDX-License-Identifier: MIT
#include "WebSocketChannel.h"

#include "ClientCommands.h"
#include "Clock.h"
#include "FrameDecoder.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

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
} // namespace

WebSocketChannel::WebSocketChannel(QString path, const Clock *clock, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_clock(clock)
{
    m_heartbeatTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &WebSocketChannel::sendHeartbeat);
    m_livenessTimer.setSingleShot(true);
    connect(&m_livenessTimer, &QTimer::timeout, this, &WebSocketChannel::checkLiveness);
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(kConnectTimeoutMs);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcWs) << m_path << "connect timed out";
        finish({ 0, tr("Connection attempt timed out"), 0, false, false });
    });
}

WebSocketChannel::~WebSocketChannel()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void WebSocketChannel::open(const ServerProfile &profile, const QString &accessToken)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_closeRequested = false;
    m_framesIn = 0;
    m_framesOut = 0;
    m_lastRttMs = -1;
    m_heartbeatSentMono = -1;

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
    connect(socket, &QWebSocket::connected, this, &WebSocketChannel::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &WebSocketChannel::onDisconnected);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketChannel::onError);
    connect(socket, &QWebSocket::textMessageReceived, this, &WebSocketChannel::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &WebSocketChannel::onBinary);

    m_state = State::Connecting;
    qCInfo(lcWs) << "connecting" << redactedUrl(url);
    m_connectTimer.start();
    socket->open(request);
}

void WebSocketChannel::close()
{
    if (!m_socket || m_state == State::Closed)
        return;
    m_closeRequested = true;
    if (m_state == State::Open) {
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, u"client closing"_s);
        // If the peer never answers the close handshake, do not wait for it.
        QTimer::singleShot(2000, this, [this, socket = m_socket] {
            if (socket && socket == m_socket && m_state != State::Closed)
                finish({ QWebSocketProtocol::CloseCodeNormal, tr("Closed by operator"), 0, true, false });
        });
    } else {
        finish({ 0, tr("Closed by operator"), 0, true, false });
    }
}

bool WebSocketChannel::sendFrame(const QByteArray &utf8Json)
{
    if (!m_socket || m_state != State::Open)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(utf8Json));
    ++m_framesOut;
    return true;
}

void WebSocketChannel::setHeartbeatIntervalSeconds(int seconds)
{
    m_heartbeatIntervalSeconds = qBound(1, seconds, 3600);
    m_heartbeatTimer.setInterval(m_heartbeatIntervalSeconds * 1000);
    if (m_state == State::Open)
        restartLivenessWatch();
}

void WebSocketChannel::onConnected()
{
    m_connectTimer.stop();
    m_state = State::Open;
    m_lastInboundMono = m_clock->monotonicMs();
    m_lastInboundAt = m_clock->nowUtc();
    qCInfo(lcWs) << m_path << "open";
    m_heartbeatTimer.setInterval(m_heartbeatIntervalSeconds * 1000);
    m_heartbeatTimer.start();
    restartLivenessWatch();
    Q_EMIT opened();
}

void WebSocketChannel::onDisconnected()
{
    if (!m_socket)
        return;
    const int code = m_socket->closeCode();
    const QString reason = m_socket->closeReason();
    qCInfo(lcWs) << m_path << "closed" << code << reason;
    finish({ code, reason, 0, m_closeRequested, false });
}

void WebSocketChannel::onError()
{
    if (!m_socket)
        return;
    const QString error = redactedText(m_socket->errorString());
    if (m_state == State::Connecting) {
        // A refused upgrade leaves the socket connecting and never emits disconnected(): end it here.
        const int status = handshakeStatusFrom(error);
        qCWarning(lcWs) << m_path << "connect failed:" << error;
        finish({ 0, error, status, m_closeRequested, false });
        return;
    }
    qCWarning(lcWs) << m_path << "socket error:" << error;
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish({ m_socket->closeCode(), error, 0, m_closeRequested, false });
}

void WebSocketChannel::onText(const QString &message)
{
    ++m_framesIn;
    m_lastInboundMono = m_clock->monotonicMs();
    m_lastInboundAt = m_clock->nowUtc();
    restartLivenessWatch();
    ServerEvent event = FrameDecoder::decode(message.toUtf8(), m_lastInboundAt);
    if (std::holds_alternative<HeartbeatAckEvent>(event) && m_heartbeatSentMono >= 0) {
        // RTT by our own clock: the server's latency_ms includes clock skew. One heartbeat is in flight
        // at a time, so the next ack answers it whatever timestamp the server chose to put in it.
        m_lastRttMs = static_cast<int>(m_lastInboundMono - m_heartbeatSentMono);
        m_heartbeatSentMono = -1;
        Q_EMIT rttMeasured(m_lastRttMs);
    }
    Q_EMIT eventReceived(event);
}

void WebSocketChannel::onBinary(const QByteArray &message)
{
    ++m_framesIn;
    m_lastInboundMono = m_clock->monotonicMs();
    m_lastInboundAt = m_clock->nowUtc();
    restartLivenessWatch();
    Q_EMIT eventReceived(MalformedFrame { tr("binary frame of %1 bytes").arg(message.size()), {} });
}

void WebSocketChannel::sendHeartbeat()
{
    const QDateTime now = m_clock->nowUtc();
    if (sendFrame(commands::heartbeat(now)))
        m_heartbeatSentMono = m_clock->monotonicMs();
}

void WebSocketChannel::restartLivenessWatch()
{
    // Silent for two intervals and some slack: the peer is gone even if TCP still says open.
    m_livenessTimer.start((2 * m_heartbeatIntervalSeconds + 5) * 1000);
}

void WebSocketChannel::checkLiveness()
{
    if (m_state != State::Open)
        return;
    const qint64 silentMs = m_clock->monotonicMs() - m_lastInboundMono;
    qCWarning(lcWs) << m_path << "no frame for" << silentMs << "ms; dropping the connection";
    finish({ 0, tr("No data from the server for %1 s").arg(silentMs / 1000), 0, false, true });
}

void WebSocketChannel::finish(ChannelClose close)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_connectTimer.stop();
    m_heartbeatTimer.stop();
    m_livenessTimer.stop();
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
