// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <memory>

namespace noc::sim {

class Simulator;

// One accepted WebSocket on the server side: identity, sending (with the reply-delay and silence
// faults applied), closing, and the 24-hour age limit. Subclasses speak an endpoint's protocol.
class SimSocket : public QObject
{
    Q_OBJECT
public:
    struct Identity
    {
        QString path;
        int userId = 0;
        QString username;
    };

    SimSocket(std::unique_ptr<QWebSocket> socket, Identity identity, QTcpSocket *transport,
              Simulator &simulator);
    ~SimSocket() override;

    // Called once the owner has connected closed(): sends the greeting unless silenced.
    void start();

    [[nodiscard]] const QString &path() const { return m_identity.path; }
    [[nodiscard]] const QString &username() const { return m_identity.username; }
    [[nodiscard]] int userId() const { return m_identity.userId; }
    [[nodiscard]] QHostAddress peerAddress() const { return m_peerAddress; }
    [[nodiscard]] bool isOpen() const
    {
        return !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
    }
    [[nodiscard]] bool isSilenced() const { return m_silenced; }
    [[nodiscard]] const QDateTime &openedAt() const { return m_openedAt; }

    // Server-initiated traffic: sent at once.
    void sendPush(const QJsonObject &frame);
    void sendRawText(const QString &text);
    void sendRawBinary(const QByteArray &data);
    void closeWith(int code, const QString &reason = {});
    // Drop the TCP connection without a close frame (a crashed or restarted server).
    void abort();
    // Half-open: stop reading and writing, keep TCP open. Undoing it drops the connection, since the
    // transport's reader can't be reattached and a real half-open link never heals either.
    void silence();

Q_SIGNALS:
    void closed(noc::sim::SimSocket *socket);

protected:
    // Answers to a client frame: delayed by the reply-delay fault.
    void sendAnswer(const QJsonObject &frame);
    void closeAnswer(int code, const QString &reason);

    virtual void greet() = 0;
    virtual void onText(const QString &text) = 0;
    // A binary frame makes the Channels consumer raise: close 1011.
    virtual void onBinary(const QByteArray &data);

    [[nodiscard]] Simulator &simulator() const { return m_simulator; }

private:
    void deliver(const QByteArray &text);
    void noteInbound();
    void onPingTimer();
    void later(std::function<void()> action);

    std::unique_ptr<QWebSocket> m_socket;
    Identity m_identity;
    QPointer<QTcpSocket> m_transport;
    Simulator &m_simulator;
    QHostAddress m_peerAddress;
    QDateTime m_openedAt;
    QTimer m_ageTimer;
    QTimer m_pingTimer; // fires when a ping is due
    QTimer m_pongTimer; // fires when the pong is overdue
    QElapsedTimer m_lastInbound;
    bool m_closing = false;
    bool m_silenced = false;
    bool m_reportedClosed = false;
};

} // namespace noc::sim
