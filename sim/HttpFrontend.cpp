// SPDX-License-Identifier: MIT
#include "HttpFrontend.h"

#include "SimLogging.h"

#include <QTimer>

#include <memory>

namespace noc::sim {

HttpFrontend::HttpFrontend(RestHandler rest, UpgradeHandler upgrade, QObject *parent)
    : QAbstractHttpServer(parent), m_rest(std::move(rest)), m_upgrade(std::move(upgrade))
{ }

HttpCall HttpFrontend::toCall(const QHttpServerRequest &request)
{
    HttpCall call;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        call.method = "GET";
        break;
    case QHttpServerRequest::Method::Put:
        call.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        call.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Post:
        call.method = "POST";
        break;
    case QHttpServerRequest::Method::Head:
        call.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Options:
        call.method = "OPTIONS";
        break;
    case QHttpServerRequest::Method::Patch:
        call.method = "PATCH";
        break;
    default:
        call.method = "OTHER";
        break;
    }
    call.path = request.url().path();
    call.query = request.url().query(QUrl::FullyEncoded);
    call.headers = request.headers();
    call.body = request.body();
    call.peer = request.remoteAddress();
    return call;
}

void HttpFrontend::write(QHttpServerResponder &responder, const HttpReply &reply)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    for (const auto &[key, value] : reply.headers) {
        responder.writeHeader(key, value);
    }
    responder.writeBody(reply.body);
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpCall call = toCall(request);
    if (call.header("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        const Admission admission = m_upgrade(call, request.query(), socket);
        if (admission.accepted()) {
            return true;
        }
        qCInfo(lcSim) << "refused WebSocket" << call.path << "with HTTP" << admission.httpStatus << "-"
                      << admission.reason;
        m_refusals.insert(socket, admission.httpStatus);
        return false;
    }

    RestOutcome outcome = m_rest(call);
    if (!outcome.reply) {
        return true; // silence: the request hangs until the client gives up
    }
    if (outcome.delayMs <= 0) {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder, *outcome.reply);
        return true;
    }
    // The responder refers to the request, which lives as long as its socket: guard on the socket.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QTimer::singleShot(outcome.delayMs, this,
                       [responder, guard = QPointer<QTcpSocket>(socket), reply = *outcome.reply] {
                           if (guard && guard->state() == QAbstractSocket::ConnectedState) {
                               write(*responder, reply);
                           }
                       });
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const int status = m_refusals.take(socket);
    QHttpServerResponder responder = makeResponder(request, socket);
    if (status == 500) {
        write(responder, HttpReply::html(500, QByteArrayLiteral("<h1>Server Error (500)</h1>")));
    } else if (status != 0) {
        HttpReply reply = HttpReply::html(status, QByteArrayLiteral("Access denied"));
        reply.contentType = "text/plain";
        write(responder, reply);
    } else {
        write(responder, HttpReply::notFound());
    }
}

} // namespace noc::sim
