// SPDX-License-Identifier: MIT
#pragma once

#include "HttpReply.h"
#include "SocketAdmission.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

#include <functional>
#include <optional>

namespace noc::sim {

// REST and WebSocket on one port. Qt 6.4 passes a WebSocket upgrade to handleRequest() first and
// completes it only when that returns true; otherwise missingHandler() runs and we answer the
// refusal with a real HTTP status, exactly what daphne does when a consumer closes before accept.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // How to answer a REST call: now, after a delay, or never (the silence fault).
    struct RestOutcome
    {
        std::optional<HttpReply> reply; // nullopt = leave the request hanging
        int delayMs = 0;
    };
    using RestHandler = std::function<RestOutcome(const HttpCall &)>;
    // Decides an upgrade; the socket is the TCP connection that will carry the WebSocket.
    using UpgradeHandler = std::function<Admission(const HttpCall &, const QUrlQuery &, QTcpSocket *)>;

    HttpFrontend(RestHandler rest, UpgradeHandler upgrade, QObject *parent = nullptr);

    [[nodiscard]] static HttpCall toCall(const QHttpServerRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static void write(QHttpServerResponder &responder, const HttpReply &reply);

    RestHandler m_rest;
    UpgradeHandler m_upgrade;
    // Refusals decided in handleRequest(), answered in the missingHandler() call that follows.
    QHash<QTcpSocket *, int> m_refusals;
};

} // namespace noc::sim
