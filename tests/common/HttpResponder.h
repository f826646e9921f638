// SPDX-License-Identifier: MIT
#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace noc::test {

// A server on loopback that answers every HTTP request with one canned answer (any status and headers,
// also those the simulator never gives), and counts the requests.
class HttpResponder : public QTcpServer
{
public:
    // head: the status line and any extra headers, without the final CRLF.
    explicit HttpResponder(QByteArray head = "HTTP/1.1 200 OK", QByteArray body = "{}")
        : m_head(std::move(head)), m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    buffer->clear();
                    ++requests;
                    socket->write(m_head + "\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        if (!listen(QHostAddress::LocalHost))
            qFatal("responder could not listen");
    }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    int requests = 0;

    // A loopback address where nothing listens: every call gets no answer at once.
    [[nodiscard]] static QUrl closedPortUrl()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close();
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

private:
    QByteArray m_head;
    QByteArray m_body;
};

} // namespace noc::test
