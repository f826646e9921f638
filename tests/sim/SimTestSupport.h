// SPDX-License-Identifier: MIT
#pragma once

// Plain Qt clients for the simulator tests: QNetworkAccessManager and QWebSocket over real loopback
// sockets, deliberately not the nocdash client library.

#include "sim/Simulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <optional>

namespace simtest {

inline constexpr int kTimeoutMs = 5000;

// QtHttpServer warns about every refused upgrade, which is the point of half of these tests.
inline void quietLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("qt.httpserver.warning=false\nnocdash.sim.info=false"));
}

struct HttpResult
{
    bool finished = false;
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
    [[nodiscard]] QJsonObject data() const { return json.value(QLatin1String("data")).toObject(); }
    [[nodiscard]] QString errorCode() const
    {
        return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    }
};

inline HttpResult finish(QNetworkReply *reply, int timeoutMs)
{
    HttpResult result;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    result.finished = reply->isFinished() || finished.wait(timeoutMs);
    if (!result.finished) {
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->isOpen() ? reply->readAll() : QByteArray();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.error = reply->error();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

inline HttpResult post(QNetworkAccessManager &nam, const QUrl &url, const QJsonObject &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = kTimeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[key, value] : headers) {
        request.setRawHeader(key, value);
    }
    return finish(nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)), timeoutMs);
}

inline HttpResult get(QNetworkAccessManager &nam, const QUrl &url, int timeoutMs = kTimeoutMs)
{
    return finish(nam.get(QNetworkRequest(url)), timeoutMs);
}

inline QUrl url(const noc::sim::Simulator &sim, const QString &path)
{
    QUrl result = sim.httpUrl();
    result.setPath(path);
    return result;
}

inline QString ownOrigin(const noc::sim::Simulator &sim)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(sim.port());
}

// A WebSocket client that records everything the server does to it.
class WsClient : public QObject
{
public:
    explicit WsClient(const QString &origin) : m_socket(origin)
    {
        connect(&m_socket, &QWebSocket::connected, this, [this] { connected = true; });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            disconnected = true;
            closeCode = int(m_socket.closeCode());
            closeReason = m_socket.closeReason();
        });
        connect(&m_socket, &QWebSocket::stateChanged, this,
                [this](QAbstractSocket::SocketState state) { states.append(state); });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            texts.append(text);
            frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
                [this](const QByteArray &data) { binaries.append(data); });
        connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError) {
                    errored = true;
                    errorString = m_socket.errorString();
                });
    }

    void open(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        for (const auto &[key, value] : headers) {
            request.setRawHeader(key, value);
        }
        m_socket.open(request);
    }

    void sendJson(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }
    void close() { m_socket.close(); }
    [[nodiscard]] QWebSocket &socket() { return m_socket; }

    [[nodiscard]] int count(const QString &type) const
    {
        int n = 0;
        for (const QJsonObject &frame : frames) {
            n += frame.value(QLatin1String("type")).toString() == type ? 1 : 0;
        }
        return n;
    }
    // The last frame of that type; empty when none came.
    [[nodiscard]] QJsonObject last(const QString &type) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (it->value(QLatin1String("type")).toString() == type) {
                return *it;
            }
        }
        return {};
    }
    // Consumes frames of one type in order: returns the first one this call has not returned yet,
    // waiting for it when it hasn't come.
    std::optional<QJsonObject> waitFor(const QString &type, int timeoutMs = kTimeoutMs)
    {
        const int wanted = m_consumed.value(type) + 1;
        QDeadlineTimer deadline(timeoutMs);
        while (count(type) < wanted && !deadline.hasExpired() && !disconnected) {
            QTest::qWait(5);
        }
        if (count(type) < wanted) {
            return std::nullopt;
        }
        m_consumed[type] = wanted;
        int seen = 0;
        for (const QJsonObject &frame : std::as_const(frames)) {
            if (frame.value(QLatin1String("type")).toString() == type && ++seen == wanted) {
                return frame;
            }
        }
        return std::nullopt;
    }

    bool connected = false;
    bool disconnected = false;
    bool errored = false;
    int closeCode = -1;
    QString closeReason;
    QString errorString;
    QStringList texts;
    QList<QJsonObject> frames;
    QList<QByteArray> binaries;
    QList<QAbstractSocket::SocketState> states;

private:
    QHash<QString, int> m_consumed;
    QWebSocket m_socket;
};

inline QUrl wsUrl(const noc::sim::Simulator &sim, const QString &path, const QString &token = {})
{
    QUrl url = sim.wsUrl(path);
    if (!token.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("token"), token);
        url.setQuery(query);
    }
    return url;
}

// Opens a socket and waits until the server greeted it (connected/connection_established).
inline std::unique_ptr<WsClient> connectAs(noc::sim::Simulator &sim, const QString &path,
                                           const QString &username)
{
    auto client = std::make_unique<WsClient>(ownOrigin(sim));
    client->open(wsUrl(sim, path, sim.issueAccessToken(username)));
    const QString greeting = path == noc::sim::kDashboardPath ? QStringLiteral("connected")
                                                              : QStringLiteral("connection_established");
    QDeadlineTimer deadline(kTimeoutMs);
    while (client->count(greeting) == 0 && !client->disconnected && !client->errored
           && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    return client;
}

// The raw HTTP answer to a WebSocket upgrade: the status line's code (0 when none came).
inline int upgradeStatus(const noc::sim::Simulator &sim, const QString &pathAndQuery,
                         const QList<QByteArray> &extraHeaders)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sim.port());
    if (!socket.waitForConnected(kTimeoutMs)) {
        return 0;
    }
    QByteArray request = "GET " + pathAndQuery.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(sim.port())
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    for (const QByteArray &header : extraHeaders) {
        request += header + "\r\n";
    }
    request += "\r\n";
    socket.write(request);
    QByteArray response;
    QDeadlineTimer deadline(kTimeoutMs);
    while (!response.contains("\r\n\r\n") && !deadline.hasExpired()) {
        if (socket.bytesAvailable() == 0 && socket.state() != QAbstractSocket::ConnectedState) {
            break;
        }
        QTest::qWait(5);
        response += socket.readAll();
    }
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
}

// A WebSocket client on a bare QTcpSocket, for what QWebSocket hides: whether the server sent a close
// frame at all (QWebSocket reports 1000 either way). Records the opcode of every server frame.
class RawWsClient : public QObject
{
public:
    RawWsClient(const noc::sim::Simulator &sim, const QString &pathAndQuery)
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { read(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { disconnected = true; });
        connect(&m_socket, &QTcpSocket::connected, this, [this, &sim, pathAndQuery] {
            m_socket.write("GET " + pathAndQuery.toUtf8()
                           + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://127.0.0.1:"
                           + QByteArray::number(sim.port()) + "\r\n\r\n");
        });
        m_socket.connectToHost(QHostAddress::LocalHost, sim.port());
    }

    int status = 0;
    bool disconnected = false;
    QList<int> opcodes; // 0x1 text, 0x2 binary, 0x8 close, 0x9 ping, 0xA pong

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        if (status == 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            const QList<QByteArray> statusLine = m_buffer.left(m_buffer.indexOf("\r\n")).split(' ');
            status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
            m_buffer.remove(0, end + 4);
        }
        // Server frames are unmasked: opcode, length (7, 16 or 64 bits), payload.
        while (m_buffer.size() >= 2) {
            const auto byte = [this](qsizetype i) { return quint8(m_buffer.at(i)); };
            qsizetype header = 2;
            quint64 length = byte(1) & 0x7f;
            if (length == 126) {
                header = 4;
                if (m_buffer.size() < header) {
                    return;
                }
                length = (quint64(byte(2)) << 8) | byte(3);
            } else if (length == 127) {
                header = 10;
                if (m_buffer.size() < header) {
                    return;
                }
                length = 0;
                for (int i = 2; i < 10; ++i) {
                    length = (length << 8) | byte(i);
                }
            }
            if (quint64(m_buffer.size()) < quint64(header) + length) {
                return;
            }
            opcodes.append(byte(0) & 0x0f);
            m_buffer.remove(0, header + qsizetype(length));
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace simtest
