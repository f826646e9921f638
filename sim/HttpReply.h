// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace noc::sim {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A REST request, detached from QHttpServerRequest (which can't be built outside QtHttpServer), so
// the endpoint logic can be unit-tested without a socket.
struct HttpCall
{
    QByteArray method; // "GET", "POST", ...
    QString path;
    QString query; // percent-encoded, without the "?"
    HeaderList headers;
    QByteArray body;
    QHostAddress peer;

    // Case-insensitive, like HTTP header names.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] bool hasHeader(const QByteArray &name) const;
};

// What to write back: status, body and extra headers.
struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    HeaderList headers;

    // Body serialised like Python's json.dumps().
    [[nodiscard]] static HttpReply json(int status, const QJsonObject &body);
    [[nodiscard]] static HttpReply html(int status, const QByteArray &body);
    [[nodiscard]] static HttpReply notFound();
};

} // namespace noc::sim
