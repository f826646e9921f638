// SPDX-License-Identifier: MIT
#include "HttpReply.h"

#include "PyJson.h"

namespace noc::sim {

QByteArray HttpCall::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool HttpCall::hasHeader(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

HttpReply HttpReply::json(int status, const QJsonObject &body)
{
    HttpReply reply;
    reply.status = status;
    reply.body = PyJson::dumps(body);
    return reply;
}

HttpReply HttpReply::html(int status, const QByteArray &body)
{
    HttpReply reply;
    reply.status = status;
    reply.body = body;
    reply.contentType = "text/html; charset=utf-8";
    return reply;
}

HttpReply HttpReply::notFound()
{
    // Django's own 404 page (DEBUG off), since that is what an unknown path gets from the real backend.
    return html(404,
                QByteArrayLiteral("<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n"
                                  "</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not "
                                  "found on this server.</p>\n</body>\n</html>\n"));
}

} // namespace noc::sim
