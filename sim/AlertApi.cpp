// SPDX-License-Identifier: MIT
#include "AlertApi.h"

#include "AlertJson.h"
#include "AuthEndpoints.h"
#include "PyJson.h"
#include "SimLogging.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace noc::sim {

namespace {
constexpr int kDefaultPageSize = 25;
constexpr int kMaxPageSize = 100;

// The alert API's prefixes; both serve the same routes.
QString stripPrefix(const QString &path)
{
    for (const QLatin1String prefix : { QLatin1String("/api/noc/"), QLatin1String("/noc/") }) {
        if (path.startsWith(prefix)) {
            return path.mid(prefix.size() - 1);
        }
    }
    return {};
}

HttpReply unauthorized(const QString &code, const QString &message)
{
    HttpReply reply = AuthEndpoints::frameworkError(401, code, message);
    reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"api\"")));
    return reply;
}

HttpReply throttled(int wait)
{
    HttpReply reply = AuthEndpoints::frameworkError(
        429, QStringLiteral("RATE_LIMIT_EXCEEDED"),
        QStringLiteral("Request was throttled. Expected available in %1 seconds.").arg(wait),
        QJsonObject { { QStringLiteral("wait"), wait } });
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
    return reply;
}

// What current servers answer to list and detail, whoever asks.
HttpReply refusedLikeCurrentServers()
{
    return HttpReply::json(403,
                           { { QStringLiteral("error"), QStringLiteral("Authentication required") },
                             { QStringLiteral("status"), QStringLiteral("unauthorized") } });
}

HttpReply permissionDenied()
{
    return AuthEndpoints::frameworkError(
        403, QStringLiteral("PERMISSION_DENIED"),
        QStringLiteral("You do not have permission to perform this action."));
}
} // namespace

struct AlertApi::Route
{
    enum class Kind
    {
        List,
        Detail,
        Action
    };
    Kind kind = Kind::List;
    qint64 id = 0;
    AlertActions::Kind action = AlertActions::Kind::Acknowledge;
};

AlertApi::AlertApi(const SimulatorOptions &options, TokenStore &tokens, AlertStore &store,
                   ChangeHandler onChange)
    : m_options(options)
    , m_tokens(tokens)
    , m_store(store)
    , m_actions(options, store)
    , m_onChange(std::move(onChange))
{
    setSettings(options.alertApi);
}

AlertApi::~AlertApi() = default;

void AlertApi::setSettings(const AlertApiOptions &settings)
{
    const bool limitsChanged = !m_userThrottle || settings.rateLimitPerHour != m_settings.rateLimitPerHour
        || settings.anonymousRateLimitPerHour != m_settings.anonymousRateLimitPerHour
        || settings.rateLimitWindowSeconds != m_settings.rateLimitWindowSeconds;
    m_settings = settings;
    if (limitsChanged) {
        m_userThrottle
            = std::make_unique<LoginThrottle>(settings.rateLimitPerHour, settings.rateLimitWindowSeconds);
        m_anonymousThrottle = std::make_unique<LoginThrottle>(settings.anonymousRateLimitPerHour,
                                                              settings.rateLimitWindowSeconds);
    }
}

bool AlertApi::isAlertPath(const QString &path)
{
    return !stripPrefix(path).isNull();
}

std::optional<AlertApi::Route> AlertApi::route(const QString &path) const
{
    const QString rest = stripPrefix(path);
    if (rest == QLatin1String("/alerts/")) {
        return Route { Route::Kind::List, 0, {} };
    }
    if (rest == QLatin1String("/alerts/bulk-action/")) {
        return Route { Route::Kind::Action, 0, AlertActions::Kind::Bulk };
    }
    const QStringList parts = rest.split(QLatin1Char('/'));
    // "", "alerts", id, [action,] ""
    if ((parts.size() != 4 && parts.size() != 5) || parts.at(1) != QLatin1String("alerts")
        || !parts.constLast().isEmpty()) {
        return std::nullopt;
    }
    bool numeric = !parts.at(2).isEmpty();
    for (const QChar c : parts.at(2)) {
        numeric = numeric && c.isDigit() && c.unicode() < 128;
    }
    bool ok = false;
    const qint64 id = parts.at(2).toLongLong(&ok);
    if (!numeric || !ok) {
        return std::nullopt;
    }
    if (parts.size() == 4) {
        return Route { Route::Kind::Detail, id, {} };
    }
    static const QHash<QString, AlertActions::Kind> actions {
        { QStringLiteral("ack"), AlertActions::Kind::Acknowledge },
        { QStringLiteral("assign"), AlertActions::Kind::Assign },
        { QStringLiteral("escalate"), AlertActions::Kind::Escalate },
        { QStringLiteral("resolve"), AlertActions::Kind::Resolve },
    };
    const auto action = actions.constFind(parts.at(3));
    if (action == actions.constEnd()) {
        return std::nullopt;
    }
    return Route { Route::Kind::Action, id, *action };
}

QString AlertApi::pageUrl(const HttpCall &call, std::optional<int> page)
{
    // DRF rebuilds the query from the request's, keys sorted, with `page` replaced (or dropped for page 1),
    // on the host the request named and the scheme the server saw: plain http behind the TLS proxy.
    QList<QPair<QString, QString>> items = QUrlQuery(call.query).queryItems(QUrl::FullyDecoded);
    items.erase(std::remove_if(items.begin(), items.end(),
                               [](const auto &item) { return item.first == QLatin1String("page"); }),
                items.end());
    if (page) {
        items.append({ QStringLiteral("page"), QString::number(*page) });
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QUrlQuery query;
    query.setQueryItems(items);
    QString host = QString::fromLatin1(call.header("host"));
    if (host.isEmpty()) {
        host = QStringLiteral("localhost");
    }
    QString url = QStringLiteral("http://") + host + call.path;
    const QString encoded = query.query(QUrl::FullyEncoded);
    if (!encoded.isEmpty()) {
        url += QLatin1Char('?') + encoded;
    }
    return url;
}

std::optional<HttpReply> AlertApi::handle(const HttpCall &call)
{
    if (!isAlertPath(call.path) || m_settings.list == AlertApiOptions::List::Absent) {
        return std::nullopt;
    }
    std::optional<Route> target = route(call.path);
    if (!target) {
        // Django's APPEND_SLASH: a path that matches once a slash is added is redirected (the body of a
        // POST does not follow); anything else is the HTML 404.
        if (!call.path.endsWith(QLatin1Char('/')) && route(call.path + QLatin1Char('/'))) {
            HttpReply reply = HttpReply::html(301, {});
            QString location
                = QStringLiteral("http://%1%2/").arg(QString::fromLatin1(call.header("host")), call.path);
            if (!call.query.isEmpty()) {
                location += QLatin1Char('?') + call.query;
            }
            reply.headers.append(qMakePair(QByteArray("Location"), location.toUtf8()));
            return reply;
        }
        return HttpReply::notFound();
    }

    // Authenticate, throttle, then the method: Django REST framework's order.
    const QByteArray authorization = call.header("authorization");
    const SimUser *user = nullptr;
    std::optional<HttpReply> authFailure;
    if (!authorization.startsWith("Bearer ")) {
        authFailure = unauthorized(QStringLiteral("NOT_AUTHENTICATED"),
                                   QStringLiteral("Authentication credentials were not provided."));
    } else {
        const TokenStore::Checked checked
            = m_tokens.checkAccess(QString::fromLatin1(authorization.mid(7).trimmed()));
        user = checked.status == TokenStore::Status::Valid ? m_options.userById(checked.userId) : nullptr;
        if (!user) {
            authFailure = unauthorized(QStringLiteral("AUTHENTICATION_FAILED"),
                                       QStringLiteral("Given token not valid for any token type"));
        } else if (user->disabled) {
            user = nullptr;
            authFailure
                = unauthorized(QStringLiteral("AUTHENTICATION_FAILED"), QStringLiteral("User is inactive"));
        }
    }
    Calls &calls = m_calls[user ? user->username : QString()];
    ++calls.total;
    const int wait
        = user ? m_userThrottle->acquire(user->username) : m_anonymousThrottle->acquire(call.peer.toString());
    if (wait > 0) {
        ++calls.throttled;
        qCInfo(lcSim) << "alert API throttled" << (user ? user->username : call.peer.toString()) << "for"
                      << wait << "s";
        return throttled(wait);
    }
    if (authFailure) {
        return authFailure;
    }

    const QByteArray wanted = target->kind == Route::Kind::Action ? "POST" : "GET";
    if (call.method != wanted) {
        HttpReply reply = AuthEndpoints::frameworkError(
            405, QStringLiteral("METHOD_NOT_ALLOWED"),
            QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(call.method)));
        reply.headers.append(qMakePair(QByteArray("Allow"), wanted + ", OPTIONS"));
        return reply;
    }
    switch (target->kind) {
    case Route::Kind::List:
        ++calls.list;
        return list(call, *user);
    case Route::Kind::Detail:
        ++calls.detail;
        return detail(target->id, *user);
    case Route::Kind::Action:
        break;
    }
    ++calls.actions;
    std::optional<QJsonValue> body = QJsonValue(QJsonObject());
    if (call.header("content-type").startsWith("application/json") && !call.body.trimmed().isEmpty()) {
        body = PyJson::loads(call.body);
    }
    AlertActions::Outcome outcome
        = m_actions.perform(target->action, target->id, *user, body.value_or(QJsonValue()), body.has_value(),
                            m_settings.escalateBroken);
    if (!outcome.changed.isEmpty() && m_onChange) {
        // Before the answer leaves, as on the server (the event is emitted before the commit).
        m_onChange(outcome.changed);
    }
    return outcome.reply;
}

HttpReply AlertApi::list(const HttpCall &call, const SimUser &user) const
{
    if (m_settings.list == AlertApiOptions::List::Refused) {
        return refusedLikeCurrentServers();
    }
    if (!user.canView) {
        return permissionDenied();
    }
    const QUrlQuery query(call.query);
    const auto filter
        = [&query](const char *key) { return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    const QString status = filter("status");
    const QString severity = filter("severity");
    const QString alertType = filter("alert_type");
    const QList<const StoredAlert *> matched = m_store.select([&](const StoredAlert &alert) {
        return m_options.canSeeClient(user, alert.clientId)
            && (status.isEmpty() || AlertStatusNames::code(alert.status) == status)
            && (severity.isEmpty() || alert.severity == severity)
            && (alertType.isEmpty() || alert.alertType == alertType);
    });

    bool ok = false;
    int pageSize = query.queryItemValue(QStringLiteral("page_size")).toInt(&ok);
    pageSize = !ok || pageSize <= 0 ? kDefaultPageSize : qMin(pageSize, kMaxPageSize);
    const int count = int(matched.size());
    const int totalPages = qMax(1, (count + pageSize - 1) / pageSize);
    int page = 1;
    if (query.hasQueryItem(QStringLiteral("page"))) {
        const QString requested = query.queryItemValue(QStringLiteral("page"));
        page = requested == QLatin1String("last") ? totalPages : requested.toInt(&ok);
        if (requested != QLatin1String("last") && (!ok || page < 1 || page > totalPages)) {
            return AuthEndpoints::frameworkError(404, QStringLiteral("NOT_FOUND"),
                                                 QStringLiteral("Invalid page."));
        }
    }
    QJsonArray results;
    for (int i = (page - 1) * pageSize; i < qMin(count, page * pageSize); ++i) {
        results.append(AlertJson::item(*matched.at(i)));
    }
    const auto link = [&call](std::optional<int> target) { return QJsonValue(pageUrl(call, target)); };
    return HttpReply::json(
        200,
        { { QStringLiteral("count"), count },
          { QStringLiteral("next"), page < totalPages ? link(page + 1) : QJsonValue(QJsonValue::Null) },
          { QStringLiteral("previous"),
            page > 2 ? link(page - 1) : (page == 2 ? link(std::nullopt) : QJsonValue(QJsonValue::Null)) },
          { QStringLiteral("page_size"), kDefaultPageSize },
          { QStringLiteral("total_pages"), totalPages },
          { QStringLiteral("current_page"), page },
          { QStringLiteral("results"), results } });
}

HttpReply AlertApi::detail(qint64 id, const SimUser &user) const
{
    if (m_settings.list == AlertApiOptions::List::Refused) {
        return refusedLikeCurrentServers();
    }
    if (!user.canView) {
        return permissionDenied();
    }
    const StoredAlert *alert = m_store.find(id);
    if (!alert || !m_options.canSeeClient(user, alert->clientId)) {
        return AlertActions::error(404, QStringLiteral("Alert not found"));
    }
    return AlertActions::success(AlertJson::detail(*alert, m_store.details(id)));
}

} // namespace noc::sim
