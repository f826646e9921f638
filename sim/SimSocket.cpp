// SPDX-License-Identifier: MIT
#include "SimSocket.h"

#include "PyJson.h"
#include "SimLogging.h"
#include "Simulator.h"

#include <algorithm>
#include <limits>

namespace noc::sim {

SimSocket::SimSocket(std::unique_ptr<QWebSocket> socket, Identity identity, QTcpSocket *transport,
                     Simulator &simulator)
    : m_socket(std::move(socket))
    , m_identity(std::move(identity))
    , m_transport(transport)
    , m_simulator(simulator)
    , m_peerAddress(m_socket->peerAddress())
    , m_openedAt(QDateTime::currentDateTimeUtc())
{
    m_socket->setParent(nullptr);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        noteInbound();
        if (!m_silenced && !m_closing) {
            onText(text);
        }
    });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        noteInbound();
        if (!m_silenced && !m_closing) {
            onBinary(data);
        }
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        if (!m_reportedClosed) {
            m_reportedClosed = true;
            Q_EMIT closed(this);
        }
    });
    connect(m_socket.get(), &QWebSocket::pong, this, [this] {
        m_pongTimer.stop();
        noteInbound();
    });
    m_lastInbound.start();
    m_pingTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this, &SimSocket::onPingTimer);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        if (!m_silenced && !m_closing) {
            qCInfo(lcSim) << m_identity.path << m_identity.username << "did not answer a ping - dropping";
            abort();
        }
    });
    m_ageTimer.setSingleShot(true);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (!m_silenced) {
            qCInfo(lcSim) << m_identity.path << m_identity.username << "reached the socket age limit";
            closeWith(1000, QStringLiteral("Connection age limit reached"));
        }
    });
}

SimSocket::~SimSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SimSocket::start()
{
    const qint64 ageMs = qint64(m_simulator.options().maxSocketAgeSeconds) * 1000;
    m_ageTimer.start(int(std::clamp<qint64>(ageMs, 1, std::numeric_limits<int>::max())));
    if (m_simulator.options().pingIntervalSeconds > 0) {
        m_pingTimer.start(m_simulator.options().pingIntervalSeconds * 1000);
    }
    if (m_simulator.isSilent()) {
        silence();
        return;
    }
    greet();
}

void SimSocket::noteInbound()
{
    m_lastInbound.restart();
}

void SimSocket::onPingTimer()
{
    const qint64 intervalMs = qint64(m_simulator.options().pingIntervalSeconds) * 1000;
    const qint64 idleMs = m_lastInbound.elapsed();
    if (idleMs < intervalMs) {
        m_pingTimer.start(int(intervalMs - idleMs));
        return;
    }
    m_pingTimer.start(int(intervalMs));
    if (m_silenced || m_closing || m_pongTimer.isActive()) {
        return;
    }
    m_socket->ping();
    if (m_simulator.options().pingTimeoutSeconds > 0) {
        m_pongTimer.start(m_simulator.options().pingTimeoutSeconds * 1000);
    }
}

void SimSocket::deliver(const QByteArray &text)
{
    if (m_silenced || m_closing || m_socket->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    m_socket->sendTextMessage(QString::fromUtf8(text));
}

void SimSocket::later(std::function<void()> action)
{
    const int delay = m_simulator.replyDelayMs();
    if (delay <= 0) {
        action();
        return;
    }
    QTimer::singleShot(delay, this, std::move(action));
}

void SimSocket::sendPush(const QJsonObject &frame)
{
    deliver(PyJson::dumps(frame));
}

void SimSocket::sendAnswer(const QJsonObject &frame)
{
    later([this, text = PyJson::dumps(frame)] { deliver(text); });
}

void SimSocket::sendRawText(const QString &text)
{
    if (!m_silenced && !m_closing && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->sendTextMessage(text);
    }
}

void SimSocket::sendRawBinary(const QByteArray &data)
{
    if (!m_silenced && !m_closing && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->sendBinaryMessage(data);
    }
}

void SimSocket::closeWith(int code, const QString &reason)
{
    if (m_closing || m_silenced) {
        return;
    }
    m_closing = true;
    qCInfo(lcSim) << "closing" << m_identity.path << m_identity.username << "with" << code << reason;
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    // A client that never answers the close frame must not keep the slot forever.
    QTimer::singleShot(3000, this, [this] { abort(); });
}

void SimSocket::closeAnswer(int code, const QString &reason)
{
    later([this, code, reason] { closeWith(code, reason); });
}

void SimSocket::abort()
{
    m_closing = true;
    m_socket->abort();
    if (!m_reportedClosed) {
        m_reportedClosed = true;
        Q_EMIT closed(this);
    }
}

void SimSocket::silence()
{
    if (m_silenced) {
        return;
    }
    m_silenced = true;
    // Nothing of ours reads the transport any more, so even protocol pings go unanswered.
    if (m_transport) {
        QObject::disconnect(m_transport.data(), &QTcpSocket::readyRead, nullptr, nullptr);
    }
}

void SimSocket::onBinary(const QByteArray &data)
{
    Q_UNUSED(data)
    m_simulator.recordFrame(m_identity.path, QStringLiteral("<invalid>"));
    closeAnswer(1011, {});
}

} // namespace noc::sim
