// SPDX-License-Identifier: MIT
#include "SocketAdmission.h"

namespace noc::sim {

SocketAdmission::SocketAdmission(const SimulatorOptions &options, const TokenStore &tokens,
                                 const OriginPolicy &origins)
    : m_options(options), m_tokens(tokens), m_origins(origins)
{ }

QString SocketAdmission::extractToken(const HttpCall &call, const QUrlQuery &query)
{
    const QString fromQuery = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (!fromQuery.isEmpty()) {
        return fromQuery;
    }
    const QByteArray authorization = call.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0) {
        return QString::fromLatin1(authorization.mid(7).trimmed());
    }
    for (const auto &[name, value] : call.headers) {
        if (name.compare("cookie", Qt::CaseInsensitive) != 0) {
            continue;
        }
        for (const QByteArray &cookie : value.split(';')) {
            const QByteArray trimmed = cookie.trimmed();
            if (trimmed.startsWith("ws_token=")) {
                return QString::fromLatin1(trimmed.mid(9));
            }
        }
    }
    return {};
}

Admission SocketAdmission::decide(const HttpCall &call, const QUrlQuery &query, int socketsFromAddress) const
{
    Admission admission;
    admission.path = call.path;
    if (!m_origins.isAllowed(call.header("origin"))) {
        admission.httpStatus = 403;
        admission.reason
            = QStringLiteral("origin not allowed: \"%1\"").arg(QString::fromLatin1(call.header("origin")));
        return admission;
    }
    if (call.path != kDashboardPath && call.path != kPresencePath) {
        admission.httpStatus = 500;
        admission.reason = QStringLiteral("no route for %1").arg(call.path);
        return admission;
    }
    const TokenStore::Checked token = m_tokens.checkAccess(extractToken(call, query));
    const SimUser *user = m_options.userById(token.userId);
    if (token.status != TokenStore::Status::Valid || !user || user->disabled) {
        admission.httpStatus = 403;
        admission.reason = token.status == TokenStore::Status::Expired ? QStringLiteral("token expired")
                                                                       : QStringLiteral("not logged in");
        return admission;
    }
    admission.userId = user->id;
    admission.username = user->username;
    if (call.path == kDashboardPath && !user->canView) {
        admission.httpStatus = 403;
        admission.reason = QStringLiteral("%1 lacks noc:view").arg(user->username);
        return admission;
    }
    if (socketsFromAddress >= m_options.maxSocketsPerAddress) {
        admission.httpStatus = 403;
        admission.reason = QStringLiteral("too many sockets from %1").arg(call.peer.toString());
        return admission;
    }
    return admission;
}

} // namespace noc::sim
