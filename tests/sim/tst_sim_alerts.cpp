// SPDX-License-Identifier: MIT
// The REST alert API (PROTOCOL.md section 6) against a Simulator over real loopback HTTP and WebSockets:
// the list and its paging quirks, the detail, the actions and their rules, the switches for the current
// servers' quirks, the side effect on the dashboard sockets, and the control API's alert endpoints.
#include "SimTestSupport.h"
#include "sim/AlertJson.h"
#include "sim/AlertTexts.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace noc::sim;
using namespace simtest;
using namespace Qt::StringLiterals;

namespace {

const QString kDashboard = QString::fromLatin1(kDashboardPath);
const QString kPresence = QString::fromLatin1(kPresencePath);

// A server whose alert API works; `closes` picks the side effect of an action.
SimulatorOptions working(bool closes = false)
{
    SimulatorOptions options;
    options.alertApi.list = AlertApiOptions::List::Working;
    options.alertApi.alertUpdatedCloses = closes;
    options.alertApi.escalateBroken = false;
    return options;
}

// Raw requests: no redirect following, any method, a Bearer token when given.
HttpResult request(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                   const QString &token, const QByteArray &body = {},
                   const QByteArray &contentType = "application/json")
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setRawHeader("Accept", "application/json");
    if (!token.isEmpty()) {
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    }
    if (method == "POST") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    return finish(nam.sendCustomRequest(req, method, body), kTimeoutMs);
}

class Api
{
public:
    explicit Api(Simulator &sim) : m_sim(sim) { }

    HttpResult get(const QString &pathAndQuery, const QString &user = QStringLiteral("operator"))
    {
        return request(m_nam, "GET", at(pathAndQuery), token(user));
    }
    HttpResult post(const QString &path, const QJsonObject &body,
                    const QString &user = QStringLiteral("operator"))
    {
        return request(m_nam, "POST", at(path), token(user),
                       QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpResult postRaw(const QString &path, const QByteArray &body,
                       const QString &user = QStringLiteral("operator"))
    {
        return request(m_nam, "POST", at(path), token(user), body);
    }
    HttpResult control(const QString &endpoint, const QJsonObject &body)
    {
        return simtest::post(m_nam, at(QStringLiteral("/control/") + endpoint), body);
    }
    HttpResult controlGet(const QString &endpoint)
    {
        return simtest::get(m_nam, at(QStringLiteral("/control/") + endpoint));
    }
    // The record as the store holds it (control API), whatever the alert API's switches say.
    QJsonObject record(qint64 id)
    {
        return controlGet(QStringLiteral("alerts/%1").arg(id)).json.value(u"alert").toObject();
    }
    QNetworkAccessManager &nam() { return m_nam; }

    QUrl at(const QString &pathAndQuery) const
    {
        QUrl result = m_sim.httpUrl();
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        result.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
        if (q >= 0) {
            result.setQuery(pathAndQuery.mid(q + 1));
        }
        return result;
    }

private:
    QString token(const QString &user)
    {
        if (user.isEmpty()) {
            return {};
        }
        if (!m_tokens.contains(user)) {
            m_tokens.insert(user, m_sim.issueAccessToken(user));
        }
        return m_tokens.value(user);
    }

    Simulator &m_sim;
    QNetworkAccessManager m_nam;
    QHash<QString, QString> m_tokens;
};

QList<qint64> seed(Simulator &sim, int count, const QStringList &statuses = { QStringLiteral("NEW") },
                   const QStringList &clients = {})
{
    SeedRequest request;
    request.count = count;
    request.statuses = statuses;
    request.clients = clients;
    return sim.seedAlerts(request);
}

QList<qint64> ids(const HttpResult &page)
{
    QList<qint64> result;
    for (const QJsonValue &item : page.json.value(u"results").toArray()) {
        result.append(item.toObject().value(u"id").toInteger());
    }
    return result;
}

QString statusOf(Api &api, qint64 id)
{
    return api.record(id).value(u"status").toString();
}

// "2026-11-30T04:48:03.983000Z" (six fraction digits) as a QDateTime.
QDateTime restTime(const QString &text)
{
    return QDateTime::fromString(text.left(23) + QLatin1Char('Z'), Qt::ISODateWithMs);
}

const QRegularExpression kRestTime(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$)"));

// Subscribed to every client, greeted and answered once: frames that came before are in `frames`.
std::unique_ptr<WsClient> dashboard(Simulator &sim, const QString &user, const QStringList &clients = {})
{
    auto client = connectAs(sim, kDashboard, user);
    for (const QString &c : clients) {
        client->sendJson({ { QStringLiteral("type"), QStringLiteral("subscribe_client") },
                           { QStringLiteral("client_id"), c } });
        client->waitFor(QStringLiteral("subscribed"));
    }
    return client;
}

// A heartbeat round trip: whatever the server sent this socket before is in by the time the ack is.
bool roundTrip(WsClient &client)
{
    client.sendJson({ { QStringLiteral("type"), QStringLiteral("heartbeat") },
                      { QStringLiteral("timestamp"), QStringLiteral("2026-01-01T00:00:00Z") } });
    return client.waitFor(QStringLiteral("heartbeat_ack")).has_value();
}

} // namespace

class TestSimAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietLogs(); }
    void listEnvelopeAndPaging();
    void listPageSizeLimits();
    void listOrderNewestFirstInWholeSeconds();
    void listFiltersAreExactAndCaseSensitive();
    void listAndDetailAreScopedToVisibleClients();
    void detailFields();
    void pushedAlertsAreTheListedRecords();
    void trafficAlertsAreTheListedRecords();
    void socketAcknowledgeUpdatesTheRecordSilently();
    void actionsChangeTheRecords();
    void statusRules();
    void actionValidation_data();
    void actionValidation();
    void actionsNotFound();
    void capabilities();
    void bulkAction();
    void currentServersByDefault();
    void absentApi();
    void authenticationRequired();
    void trailingSlashRedirectLosesTheBody();
    void methodsNotAllowed();
    void rateLimitPerUserSharedByTheApi();
    void anonymousRateLimitPerAddress();
    void actionClosesEveryDashboardSocketOfTheTenant();
    void actionDeliversAlertUpdated();
    void controlSeedDoesNotPush();
    void controlColleagueActsThroughTheSamePath();
    void controlSwitches();
    void colleaguesActWhileTrafficRuns();
    void demoStartsWithOpenAlertsHandledByColleagues();
};

void TestSimAlerts::listEnvelopeAndPaging()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    seed(sim, 30);

    const HttpResult first = api.get(QStringLiteral("/api/noc/alerts/?page_size=10&status=NEW"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(u"count").toInt(), 30);
    QCOMPARE(first.json.value(u"page_size").toInt(), 25); // always 25, whatever was asked
    QCOMPARE(first.json.value(u"total_pages").toInt(), 3);
    QCOMPARE(first.json.value(u"current_page").toInt(), 1);
    QCOMPARE(first.json.value(u"results").toArray().size(), 10);
    QVERIFY(first.json.value(u"previous").isNull());
    // Absolute, on the host the request named, keys sorted, page replaced.
    const QString host = QStringLiteral("http://127.0.0.1:%1").arg(sim.port());
    QCOMPARE(first.json.value(u"next").toString(),
             host + QStringLiteral("/api/noc/alerts/?page=2&page_size=10&status=NEW"));

    const HttpResult second = api.get(QStringLiteral("/api/noc/alerts/?page_size=10&status=NEW&page=2"));
    QCOMPARE(second.json.value(u"current_page").toInt(), 2);
    QCOMPARE(second.json.value(u"previous").toString(),
             host + QStringLiteral("/api/noc/alerts/?page_size=10&status=NEW"));
    QCOMPARE(second.json.value(u"next").toString(),
             host + QStringLiteral("/api/noc/alerts/?page=3&page_size=10&status=NEW"));

    const HttpResult last = api.get(QStringLiteral("/api/noc/alerts/?page_size=10&page=last"));
    QCOMPARE(last.status, 200);
    QCOMPARE(last.json.value(u"current_page").toInt(), 3);
    QVERIFY(last.json.value(u"next").isNull());
    QCOMPARE(last.json.value(u"previous").toString(),
             host + QStringLiteral("/api/noc/alerts/?page=2&page_size=10"));

    // The pages together are every alert once.
    QSet<qint64> seen;
    for (const HttpResult &page : { first, second, last }) {
        for (const qint64 id : ids(page)) {
            seen.insert(id);
        }
    }
    QCOMPARE(seen.size(), 30);

    for (const QString &bad :
         { QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("two") }) {
        const HttpResult past = api.get(QStringLiteral("/api/noc/alerts/?page_size=10&page=") + bad);
        QCOMPARE(past.status, 404);
        QCOMPARE(past.errorCode(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(past.json.value(u"error").toObject().value(u"message").toString(),
                 QStringLiteral("Invalid page."));
    }

    // The same routes under /noc/.
    const HttpResult other = api.get(QStringLiteral("/noc/alerts/?page_size=10"));
    QCOMPARE(other.status, 200);
    QCOMPARE(ids(other), ids(first));
    QCOMPARE(other.json.value(u"next").toString(), host + QStringLiteral("/noc/alerts/?page=2&page_size=10"));

    // An empty list is one empty page, not a 404.
    const HttpResult none = api.get(QStringLiteral("/api/noc/alerts/?status=RESOLVED"));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json.value(u"count").toInt(), 0);
    QCOMPARE(none.json.value(u"total_pages").toInt(), 1);
    QVERIFY(none.json.value(u"results").toArray().isEmpty());
    QVERIFY(none.json.value(u"next").isNull());
}

void TestSimAlerts::listPageSizeLimits()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    seed(sim, 130);

    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).json.value(u"results").toArray().size(), 25);
    const HttpResult max = api.get(QStringLiteral("/api/noc/alerts/?page_size=500"));
    QCOMPARE(max.json.value(u"results").toArray().size(), 100);
    QCOMPARE(max.json.value(u"page_size").toInt(), 25);
    QCOMPARE(max.json.value(u"total_pages").toInt(), 2);
    for (const QString &invalid : { QStringLiteral("0"), QStringLiteral("-5"), QStringLiteral("lots") }) {
        const HttpResult page = api.get(QStringLiteral("/api/noc/alerts/?page_size=") + invalid);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(u"results").toArray().size(), 25);
        QCOMPARE(page.json.value(u"total_pages").toInt(), 6);
    }
}

void TestSimAlerts::listOrderNewestFirstInWholeSeconds()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    SeedRequest request;
    request.statuses = { QStringLiteral("NEW") };
    request.agesSeconds = { 3600, 5, 5, 5, 5, 5, 5, 0, 120 };
    const QList<qint64> seeded = sim.seedAlerts(request);
    QCOMPARE(seeded.size(), 9);

    const HttpResult page = api.get(QStringLiteral("/api/noc/alerts/"));
    QCOMPARE(page.status, 200);
    const QJsonArray results = page.json.value(u"results").toArray();
    QCOMPARE(results.size(), 9);
    QString previous;
    for (const QJsonValue &value : results) {
        const QJsonObject item = value.toObject();
        const QString cdtz = item.value(u"cdtz").toString();
        QVERIFY2(cdtz.endsWith(QLatin1String(".000000Z")), qPrintable(cdtz));
        for (const char *field : { "cdtz", "first_seen", "last_seen" }) {
            QVERIFY2(kRestTime.match(item.value(QLatin1String(field)).toString()).hasMatch(), field);
        }
        QVERIFY(previous.isEmpty() || cdtz <= previous);
        previous = cdtz;
    }
    QCOMPARE(results.first().toObject().value(u"id").toInteger(), seeded.at(7)); // age 0
    QCOMPARE(results.last().toObject().value(u"id").toInteger(), seeded.at(0)); // an hour old
    // Six alerts of one second: all there, in the server's order, which is not the order of their ids.
    QList<qint64> sameSecond;
    for (int i = 1; i < 7; ++i) {
        sameSecond.append(results.at(i).toObject().value(u"id").toInteger());
    }
    QCOMPARE(QSet<qint64>(sameSecond.begin(), sameSecond.end()),
             QSet<qint64>(seeded.begin() + 1, seeded.begin() + 7));
    QVERIFY(!std::is_sorted(sameSecond.begin(), sameSecond.end()));
    QVERIFY(!std::is_sorted(sameSecond.rbegin(), sameSecond.rend()));
}

void TestSimAlerts::listFiltersAreExactAndCaseSensitive()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    SeedRequest request;
    request.count = 4;
    request.statuses = { QStringLiteral("NEW"), QStringLiteral("ACKNOWLEDGED") };
    request.severity = QStringLiteral("HIGH");
    request.alertType = QStringLiteral("LINK_DOWN");
    sim.seedAlerts(request);
    request.count = 3;
    request.statuses = { QStringLiteral("RESOLVED") };
    request.severity = QStringLiteral("LOW");
    request.alertType = QStringLiteral("HIGH_CPU");
    sim.seedAlerts(request);

    const auto count = [&api](const QString &query) {
        const HttpResult page = api.get(QStringLiteral("/api/noc/alerts/?") + query);
        return page.status == 200 ? page.json.value(u"count").toInt() : -page.status;
    };
    QCOMPARE(count(QString()), 7);
    QCOMPARE(count(QStringLiteral("status=NEW")), 2);
    QCOMPARE(count(QStringLiteral("status=ACKNOWLEDGED")), 2);
    QCOMPARE(count(QStringLiteral("status=RESOLVED")), 3);
    QCOMPARE(count(QStringLiteral("status=new")), 0);
    QCOMPARE(count(QStringLiteral("status=OPEN")), 0);
    QCOMPARE(count(QStringLiteral("severity=HIGH")), 4);
    QCOMPARE(count(QStringLiteral("severity=high")), 0);
    QCOMPARE(count(QStringLiteral("alert_type=HIGH_CPU")), 3);
    QCOMPARE(count(QStringLiteral("alert_type=HIGH_CPU&status=NEW")), 0);
    QCOMPARE(count(QStringLiteral("alert_type=LINK_DOWN&status=NEW&severity=HIGH")), 2);
    QCOMPARE(count(QStringLiteral("status=NEW,ACKNOWLEDGED")), 0); // one value, not a list
}

void TestSimAlerts::listAndDetailAreScopedToVisibleClients()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> acme = seed(sim, 3, { QStringLiteral("NEW") }, { QStringLiteral("acme") });
    const QList<qint64> globex = seed(sim, 4, { QStringLiteral("RESOLVED") }, { QStringLiteral("globex") });

    const HttpResult scoped = api.get(QStringLiteral("/api/noc/alerts/"), QStringLiteral("acme-only"));
    QCOMPARE(scoped.json.value(u"count").toInt(), 3);
    for (const QJsonValue &item : scoped.json.value(u"results").toArray()) {
        QCOMPARE(item.toObject().value(u"client_name").toString(), QStringLiteral("acme"));
    }
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).json.value(u"count").toInt(), 7);

    QCOMPARE(
        api.get(QStringLiteral("/api/noc/alerts/%1/").arg(acme.first()), QStringLiteral("acme-only")).status,
        200);
    const HttpResult hidden
        = api.get(QStringLiteral("/api/noc/alerts/%1/").arg(globex.first()), QStringLiteral("acme-only"));
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.json.value(u"message").toString(), QStringLiteral("Alert not found"));
    QCOMPARE(hidden.json.value(u"status").toString(), QStringLiteral("error"));

    // No noc:view, no list.
    const HttpResult noview = api.get(QStringLiteral("/api/noc/alerts/"), QStringLiteral("noview"));
    QCOMPARE(noview.status, 403);
    QCOMPARE(noview.errorCode(), QStringLiteral("PERMISSION_DENIED"));
}

void TestSimAlerts::detailFields()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();

    const HttpResult fresh = api.get(QStringLiteral("/api/noc/alerts/%1/").arg(id));
    QCOMPARE(fresh.status, 200);
    QCOMPARE(fresh.json.value(u"status").toString(), QStringLiteral("success"));
    const QJsonObject data = fresh.data();
    for (const char *field : { "id", "entity_id", "suppressed_count" }) {
        QVERIFY2(data.value(QLatin1String(field)).isDouble(), field);
    }
    for (const char *field :
         { "alert_type", "message", "entity_type", "client_name", "severity", "severity_display", "status",
           "status_display", "first_seen", "last_seen", "cdtz", "dedup_key" }) {
        QVERIFY2(data.value(QLatin1String(field)).isString(), field);
    }
    QVERIFY(data.value(u"site_name").isString() || data.value(u"site_name").isNull());
    QVERIFY(data.value(u"correlation_id").isString() || data.value(u"correlation_id").isNull());
    QVERIFY(data.value(u"parent_alert").isNull());
    QVERIFY(data.value(u"metadata").isObject());
    for (const char *field : { "acknowledged_at", "assigned_at", "escalated_at", "resolved_at",
                               "acknowledged_by_name", "assigned_to_name", "escalated_to_name",
                               "resolved_by_name", "time_to_ack_display", "time_to_resolve_display" }) {
        QVERIFY2(data.contains(QLatin1String(field)) && data.value(QLatin1String(field)).isNull(), field);
    }
    QCOMPARE(data.value(u"id").toInteger(), id);
    QCOMPARE(data.value(u"status").toString(), QStringLiteral("NEW"));
    QCOMPARE(data.value(u"status_display").toString(), QStringLiteral("New"));
    const QString severity = data.value(u"severity").toString();
    QVERIFY(AlertTexts::severities().contains(severity));
    QCOMPARE(data.value(u"severity_display").toString(),
             severity == QLatin1String("INFO") ? QStringLiteral("Informational")
                                               : severity.left(1) + severity.mid(1).toLower());

    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(id), {}).status, 200);
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/resolve/").arg(id),
                      { { QStringLiteral("resolution_notes"), QStringLiteral("Fibre spliced") } })
                 .status,
             200);
    const QJsonObject handled = api.get(QStringLiteral("/api/noc/alerts/%1/").arg(id)).data();
    QCOMPARE(handled.value(u"status").toString(), QStringLiteral("RESOLVED"));
    QCOMPARE(handled.value(u"acknowledged_by_name").toString(), QStringLiteral("Olivia Operator"));
    QCOMPARE(handled.value(u"resolved_by_name").toString(), QStringLiteral("Olivia Operator"));
    QVERIFY(kRestTime.match(handled.value(u"acknowledged_at").toString()).hasMatch());
    QVERIFY(kRestTime.match(handled.value(u"resolved_at").toString()).hasMatch());
    QCOMPARE(handled.value(u"metadata").toObject().value(u"resolution_notes").toString(),
             QStringLiteral("Fibre spliced"));
    static const QRegularExpression duration(QStringLiteral(R"(^(\d+ days?, )?\d+:\d\d:\d\d(\.\d{6})?$)"));
    QVERIFY2(duration.match(handled.value(u"time_to_ack_display").toString()).hasMatch(),
             qPrintable(handled.value(u"time_to_ack_display").toString()));
    QVERIFY(duration.match(handled.value(u"time_to_resolve_display").toString()).hasMatch());
    QVERIFY(handled.value(u"last_seen").toString() > data.value(u"last_seen").toString()); // moved

    const HttpResult missing = api.get(QStringLiteral("/api/noc/alerts/999999/"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json.value(u"message").toString(), QStringLiteral("Alert not found"));
    // Not a route at all: Django's own HTML page.
    const HttpResult notRoute = api.get(QStringLiteral("/api/noc/alerts/abc/"));
    QCOMPARE(notRoute.status, 404);
    QVERIFY(notRoute.body.contains("<h1>Not Found</h1>"));
}

void TestSimAlerts::pushedAlertsAreTheListedRecords()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    auto socket = dashboard(sim, QStringLiteral("operator"), { QStringLiteral("acme") });
    const QString id
        = sim.publishAlert(QStringLiteral("acme"), QStringLiteral("HIGH"), QStringLiteral("LINK_DOWN"),
                           QStringLiteral("edge-rtr-1 xe-0/0/1 down"), QStringLiteral("Paris PA3"));
    const std::optional<QJsonObject> pushed = socket->waitFor(QStringLiteral("alert_new"));
    QVERIFY(pushed);
    QCOMPARE(pushed->value(u"alert_id").toInteger(), id.toLongLong());

    const HttpResult page = api.get(QStringLiteral("/api/noc/alerts/"));
    QCOMPARE(page.json.value(u"count").toInt(), 1);
    const QJsonObject listed = page.json.value(u"results").toArray().first().toObject();
    QCOMPARE(listed.value(u"id").toInteger(), id.toLongLong());
    QCOMPARE(listed.value(u"alert_type").toString(), pushed->value(u"alert_type").toString());
    QCOMPARE(listed.value(u"severity").toString(), pushed->value(u"severity").toString());
    QCOMPARE(listed.value(u"message").toString(), pushed->value(u"message").toString());
    QCOMPARE(listed.value(u"status").toString(), QStringLiteral("NEW"));
    QCOMPARE(listed.value(u"client_name").toString(), QStringLiteral("acme"));
    QCOMPARE(listed.value(u"site_name").toString(), QStringLiteral("Paris PA3"));

    // Random content too.
    const qint64 before = sim.alertStore().published();
    sim.publishAlert({}, {}, {}, {});
    QCOMPARE(sim.alertStore().published(), before + 1);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).json.value(u"count").toInt(), 2);
}

void TestSimAlerts::trafficAlertsAreTheListedRecords()
{
    SimulatorOptions options = working();
    options.traffic.alertsPerSecond = 200;
    Simulator sim(options);
    sim.stopTraffic();
    QVERIFY(sim.listen()); // starts the traffic
    auto socket = dashboard(sim, QStringLiteral("operator"), sim.options().clients);
    QTRY_VERIFY_WITH_TIMEOUT(socket->count(QStringLiteral("alert_new")) >= 20, kTimeoutMs);
    sim.stopTraffic();
    QVERIFY(roundTrip(*socket));
    Api api(sim);
    const HttpResult page = api.get(QStringLiteral("/api/noc/alerts/?page_size=100"));
    // Alerts raised before the subscriptions are listed too, but were pushed to nobody.
    const int count = page.json.value(u"count").toInt();
    QVERIFY(count >= socket->count(QStringLiteral("alert_new")) && count <= 100);
    QHash<qint64, QJsonObject> listed;
    for (const QJsonValue &item : page.json.value(u"results").toArray()) {
        listed.insert(item.toObject().value(u"id").toInteger(), item.toObject());
    }
    for (const QJsonObject &frame : std::as_const(socket->frames)) {
        if (frame.value(u"type").toString() != QLatin1String("alert_new")) {
            continue;
        }
        const QJsonObject item = listed.value(frame.value(u"alert_id").toInteger());
        QVERIFY(!item.isEmpty());
        QCOMPARE(item.value(u"message").toString(), frame.value(u"message").toString());
        QCOMPARE(item.value(u"client_name").toString(), frame.value(u"client_id").toString());
        QCOMPARE(item.value(u"status").toString(), QStringLiteral("NEW"));
    }
}

void TestSimAlerts::socketAcknowledgeUpdatesTheRecordSilently()
{
    Simulator sim(working(/*closes*/ true));
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 2, { QStringLiteral("NEW"), QStringLiteral("RESOLVED") });
    auto acting = dashboard(sim, QStringLiteral("operator"));
    auto other = dashboard(sim, QStringLiteral("acme-only"));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    acting->sendJson({ { QStringLiteral("type"), QStringLiteral("acknowledge_alert") },
                       { QStringLiteral("alert_id"), alerts.at(0) } });
    const std::optional<QJsonObject> answer = acting->waitFor(QStringLiteral("alert_acknowledged"));
    QVERIFY(answer);
    const QJsonObject record = api.record(alerts.at(0));
    QCOMPARE(record.value(u"status").toString(), QStringLiteral("ACKNOWLEDGED"));
    QCOMPARE(record.value(u"acknowledged_by_name").toString(), QStringLiteral("Olivia Operator"));
    QVERIFY(restTime(record.value(u"acknowledged_at").toString()) >= before);
    QCOMPARE(record.value(u"history").toArray().last().toObject().value(u"via").toString(),
             QStringLiteral("socket"));
    // Nothing emitted: nobody's socket closed, nobody got an alert_updated.
    QVERIFY(roundTrip(*other));
    QVERIFY(roundTrip(*acting));
    QVERIFY(!other->disconnected);
    QVERIFY(!acting->disconnected);
    QCOMPARE(other->count(QStringLiteral("alert_updated")), 0);

    // A resolved alert cannot be acknowledged on the socket either; the record stays.
    acting->sendJson({ { QStringLiteral("type"), QStringLiteral("acknowledge_alert") },
                       { QStringLiteral("alert_id"), alerts.at(1) } });
    const std::optional<QJsonObject> refused = acting->waitFor(QStringLiteral("error"));
    QVERIFY(refused);
    QVERIFY(refused->value(u"message").toString().startsWith(QLatin1String("Failed to acknowledge: ")));
    QCOMPARE(statusOf(api, alerts.at(1)), QStringLiteral("RESOLVED"));
}

void TestSimAlerts::actionsChangeTheRecords()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 4);

    const HttpResult ack = api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(alerts.at(0)),
                                    { { QStringLiteral("comment"), QStringLiteral("on it") } });
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.json.value(u"status").toString(), QStringLiteral("success"));
    QCOMPARE(ack.data(),
             (QJsonObject { { QStringLiteral("alert_id"), alerts.at(0) },
                            { QStringLiteral("status"), QStringLiteral("acknowledged") } }));
    QJsonObject record = api.record(alerts.at(0));
    QCOMPARE(record.value(u"status").toString(), QStringLiteral("ACKNOWLEDGED"));
    QCOMPARE(record.value(u"history").toArray().last().toObject().value(u"comment").toString(),
             QStringLiteral("on it"));
    QCOMPARE(record.value(u"history").toArray().last().toObject().value(u"username").toString(),
             QStringLiteral("operator"));

    const HttpResult assign = api.post(QStringLiteral("/api/noc/alerts/%1/assign/").arg(alerts.at(1)),
                                       { { QStringLiteral("assigned_to_id"), 6 } });
    QCOMPARE(assign.status, 200);
    QCOMPARE(assign.data(),
             (QJsonObject { { QStringLiteral("alert_id"), alerts.at(1) },
                            { QStringLiteral("assigned_to"), QStringLiteral("Anna Schmidt") } }));
    record = api.record(alerts.at(1));
    QCOMPARE(record.value(u"status").toString(), QStringLiteral("ASSIGNED"));
    QCOMPARE(record.value(u"assigned_to_name").toString(), QStringLiteral("Anna Schmidt"));
    QVERIFY(kRestTime.match(record.value(u"assigned_at").toString()).hasMatch());

    const HttpResult escalate = api.post(QStringLiteral("/api/noc/alerts/%1/escalate/").arg(alerts.at(2)),
                                         { { QStringLiteral("escalated_to_id"), 7 },
                                           { QStringLiteral("reason"), QStringLiteral("carrier") } });
    QCOMPARE(escalate.status, 200);
    QCOMPARE(escalate.data().value(u"status").toString(), QStringLiteral("escalated"));
    record = api.record(alerts.at(2));
    QCOMPARE(record.value(u"status").toString(), QStringLiteral("ESCALATED"));
    QVERIFY(kRestTime.match(record.value(u"escalated_at").toString()).hasMatch());
    QCOMPARE(record.value(u"metadata").toObject().value(u"escalation_reason").toString(),
             QStringLiteral("carrier"));

    const HttpResult resolve
        = api.post(QStringLiteral("/noc/alerts/%1/resolve/").arg(alerts.at(3)),
                   { { QStringLiteral("resolution_notes"), QStringLiteral("PSU swapped") } });
    QCOMPARE(resolve.status, 200);
    QCOMPARE(resolve.data().value(u"status").toString(), QStringLiteral("resolved"));
    record = api.record(alerts.at(3));
    QCOMPARE(record.value(u"status").toString(), QStringLiteral("RESOLVED"));
    QCOMPARE(record.value(u"resolved_by_name").toString(), QStringLiteral("Olivia Operator"));
    QCOMPARE(record.value(u"metadata").toObject().value(u"resolution_notes").toString(),
             QStringLiteral("PSU swapped"));
    // Resolved alerts are in the list (every status), open ones are the rest.
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/?status=RESOLVED")).json.value(u"count").toInt(), 1);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).json.value(u"count").toInt(), 4);
}

void TestSimAlerts::statusRules()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> a
        = seed(sim, 6,
               { QStringLiteral("RESOLVED"), QStringLiteral("SUPPRESSED"), QStringLiteral("ASSIGNED"),
                 QStringLiteral("RESOLVED"), QStringLiteral("RESOLVED"), QStringLiteral("ESCALATED") });
    const auto path = [](qint64 id, const char *action) {
        return QStringLiteral("/api/noc/alerts/%1/%2/").arg(id).arg(QLatin1String(action));
    };

    for (const qint64 closed : { a.at(0), a.at(1) }) {
        const HttpResult ack = api.post(path(closed, "ack"), {});
        QCOMPARE(ack.status, 400);
        QCOMPARE(ack.json.value(u"message").toString(),
                 QStringLiteral("Cannot acknowledge resolved/suppressed alert"));
    }
    QCOMPARE(statusOf(api, a.at(0)), QStringLiteral("RESOLVED"));
    QCOMPARE(statusOf(api, a.at(1)), QStringLiteral("SUPPRESSED"));
    QCOMPARE(api.post(path(a.at(2), "ack"), {}).status, 200); // any open status becomes ACKNOWLEDGED
    QCOMPARE(statusOf(api, a.at(2)), QStringLiteral("ACKNOWLEDGED"));
    QCOMPARE(api.post(path(a.at(5), "ack"), {}).status, 200);
    QCOMPARE(statusOf(api, a.at(5)), QStringLiteral("ACKNOWLEDGED"));

    const HttpResult escalate = api.post(
        path(a.at(3), "escalate"),
        { { QStringLiteral("escalated_to_id"), 1 }, { QStringLiteral("reason"), QStringLiteral("x") } });
    QCOMPARE(escalate.status, 400);
    QCOMPARE(escalate.json.value(u"message").toString(), QStringLiteral("Failed to escalate alert"));
    QVERIFY(escalate.json.value(u"errors").toObject().value(u"detail").isString());
    QCOMPARE(statusOf(api, a.at(3)), QStringLiteral("RESOLVED"));

    // Assign and resolve take any status, resolved included.
    QCOMPARE(api.post(path(a.at(3), "assign"), { { QStringLiteral("assigned_to_id"), 7 } }).status, 200);
    QCOMPARE(statusOf(api, a.at(3)), QStringLiteral("ASSIGNED"));
    QCOMPARE(api.post(path(a.at(4), "resolve"),
                      { { QStringLiteral("resolution_notes"), QStringLiteral("again") } })
                 .status,
             200);
    QCOMPARE(statusOf(api, a.at(4)), QStringLiteral("RESOLVED"));
    QCOMPARE(api.post(path(a.at(1), "resolve"),
                      { { QStringLiteral("resolution_notes"), QStringLiteral("noise") } })
                 .status,
             200);
    QCOMPARE(statusOf(api, a.at(1)), QStringLiteral("RESOLVED"));
}

void TestSimAlerts::actionValidation_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // the field named in "errors", or the framework error code

    const QByteArray longComment = "{\"comment\": \"" + QByteArray(501, 'c') + "\"}";
    QTest::newRow("ack comment > 500") << u"ack"_s << longComment << 400 << u"comment"_s;
    QTest::newRow("ack comment 500") << u"ack"_s
                                     << QByteArray("{\"comment\": \"" + QByteArray(500, 'c') + "\"}") << 200
                                     << QString();
    QTest::newRow("ack comment null")
        << u"ack"_s << QByteArray(R"({"comment": null})") << 400 << u"comment"_s;
    QTest::newRow("ack empty body") << u"ack"_s << QByteArray() << 200 << QString();
    QTest::newRow("ack not JSON") << u"ack"_s << QByteArray("{nope") << 400 << u"PARSE_ERROR"_s;
    QTest::newRow("ack a list") << u"ack"_s << QByteArray("[1]") << 400 << u"non_field_errors"_s;
    QTest::newRow("assign without assignee") << u"assign"_s << QByteArray("{}") << 400 << u"assigned_to_id"_s;
    QTest::newRow("assign text assignee")
        << u"assign"_s << QByteArray(R"({"assigned_to_id": "anna"})") << 400 << u"assigned_to_id"_s;
    QTest::newRow("assign numeric text")
        << u"assign"_s << QByteArray(R"({"assigned_to_id": "6"})") << 200 << QString();
    QTest::newRow("assign long comment")
        << u"assign"_s << QByteArray(R"({"assigned_to_id": 6, "comment": ")" + QByteArray(501, 'x') + "\"}")
        << 400 << u"comment"_s;
    QTest::newRow("assign not JSON") << u"assign"_s << QByteArray("assigned_to_id=6") << 500
                                     << u"INTERNAL_ERROR"_s;
    QTest::newRow("escalate without reason")
        << u"escalate"_s << QByteArray(R"({"escalated_to_id": 1})") << 400 << u"reason"_s;
    QTest::newRow("escalate blank reason")
        << u"escalate"_s << QByteArray(R"({"escalated_to_id": 1, "reason": " "})") << 400 << u"reason"_s;
    QTest::newRow("escalate without target")
        << u"escalate"_s << QByteArray(R"({"reason": "r"})") << 400 << u"escalated_to_id"_s;
    QTest::newRow("escalate reason > 500")
        << u"escalate"_s << QByteArray(R"({"escalated_to_id": 1, "reason": ")" + QByteArray(501, 'r') + "\"}")
        << 400 << u"reason"_s;
    QTest::newRow("escalate unknown target")
        << u"escalate"_s << QByteArray(R"({"escalated_to_id": 424242, "reason": "r"})") << 200 << QString();
    QTest::newRow("resolve without notes")
        << u"resolve"_s << QByteArray("{}") << 400 << u"resolution_notes"_s;
    QTest::newRow("resolve notes > 1000")
        << u"resolve"_s << QByteArray(R"({"resolution_notes": ")" + QByteArray(1001, 'n') + "\"}") << 400
        << u"resolution_notes"_s;
    QTest::newRow("resolve notes 1000")
        << u"resolve"_s << QByteArray(R"({"resolution_notes": ")" + QByteArray(1000, 'n') + "\"}") << 200
        << QString();
}

void TestSimAlerts::actionValidation()
{
    QFETCH(QString, action);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();

    const HttpResult result = api.postRaw(QStringLiteral("/api/noc/alerts/%1/%2/").arg(id).arg(action), body);
    QCOMPARE(result.status, status);
    if (status == 400 && result.json.value(u"error").isObject()) {
        QCOMPARE(result.errorCode(), field);
    } else if (status == 400) {
        QCOMPARE(result.json.value(u"status").toString(), QStringLiteral("error"));
        QCOMPARE(result.json.value(u"message").toString(), QStringLiteral("Invalid data"));
        const QJsonArray messages = result.json.value(u"errors").toObject().value(field).toArray();
        QVERIFY2(!messages.isEmpty() && messages.first().isString(), result.body.constData());
    } else if (status == 500) {
        QCOMPARE(result.errorCode(), field);
    }
    QCOMPARE(statusOf(api, id) == QLatin1String("NEW"), status != 200);
}

void TestSimAlerts::actionsNotFound()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();
    const QJsonObject bodies[]
        = { {},
            { { QStringLiteral("escalated_to_id"), 1 }, { QStringLiteral("reason"), QStringLiteral("r") } },
            { { QStringLiteral("resolution_notes"), QStringLiteral("n") } } };
    const char *actions[] = { "ack", "escalate", "resolve" };
    for (int i = 0; i < 3; ++i) {
        const HttpResult missing = api.post(
            QStringLiteral("/api/noc/alerts/987654/%1/").arg(QLatin1String(actions[i])), bodies[i]);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json.value(u"message").toString(), QStringLiteral("Alert not found"));
    }
    const HttpResult noAlert = api.post(QStringLiteral("/api/noc/alerts/987654/assign/"),
                                        { { QStringLiteral("assigned_to_id"), 6 } });
    QCOMPARE(noAlert.status, 404);
    QCOMPARE(noAlert.json.value(u"message").toString(), QStringLiteral("Alert or user not found"));
    const HttpResult noUser = api.post(QStringLiteral("/api/noc/alerts/%1/assign/").arg(id),
                                       { { QStringLiteral("assigned_to_id"), 4242 } });
    QCOMPARE(noUser.status, 404);
    QCOMPARE(noUser.json.value(u"message").toString(), QStringLiteral("Alert or user not found"));
    QCOMPARE(statusOf(api, id), QStringLiteral("NEW"));
}

void TestSimAlerts::capabilities()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 3, { QStringLiteral("NEW") }, { QStringLiteral("globex") });

    // viewer: noc:view only.
    for (const char *action : { "ack", "assign", "resolve", "escalate" }) {
        const HttpResult denied
            = api.post(QStringLiteral("/api/noc/alerts/%1/%2/").arg(alerts.at(0)).arg(QLatin1String(action)),
                       { { QStringLiteral("assigned_to_id"), 1 },
                         { QStringLiteral("escalated_to_id"), 1 },
                         { QStringLiteral("reason"), QStringLiteral("r") },
                         { QStringLiteral("resolution_notes"), QStringLiteral("n") } },
                       QStringLiteral("viewer"));
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), QStringLiteral("PERMISSION_DENIED"));
    }
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/bulk-action/"),
                      { { QStringLiteral("alert_ids"), QJsonArray { alerts.at(0) } },
                        { QStringLiteral("action"), QStringLiteral("acknowledge") } },
                      QStringLiteral("viewer"))
                 .status,
             403);
    QCOMPARE(statusOf(api, alerts.at(0)), QStringLiteral("NEW"));

    // acme-only may acknowledge but not escalate; actions don't check client visibility.
    const HttpResult escalate = api.post(
        QStringLiteral("/api/noc/alerts/%1/escalate/").arg(alerts.at(1)),
        { { QStringLiteral("escalated_to_id"), 1 }, { QStringLiteral("reason"), QStringLiteral("r") } },
        QStringLiteral("acme-only"));
    QCOMPARE(escalate.status, 403);
    QCOMPARE(escalate.errorCode(), QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(
        api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(alerts.at(1)), {}, QStringLiteral("acme-only"))
            .status,
        200);
    QCOMPARE(statusOf(api, alerts.at(1)), QStringLiteral("ACKNOWLEDGED"));
}

void TestSimAlerts::bulkAction()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> a = seed(sim, 4,
                                 { QStringLiteral("NEW"), QStringLiteral("RESOLVED"),
                                   QStringLiteral("SUPPRESSED"), QStringLiteral("NEW") });
    const QString path = QStringLiteral("/api/noc/alerts/bulk-action/");
    const auto body = [](const QList<qint64> &ids, const QString &action, const QJsonObject &extra = {}) {
        QJsonArray array;
        for (const qint64 id : ids) {
            array.append(id);
        }
        QJsonObject object = extra;
        object.insert(QStringLiteral("alert_ids"), array);
        object.insert(QStringLiteral("action"), action);
        return object;
    };

    // Acknowledge: unknown ids skipped and not counted, resolved and suppressed ones acknowledged.
    const HttpResult ack
        = api.post(path, body({ a.at(0), 999999, a.at(1), a.at(2) }, QStringLiteral("acknowledge")));
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.data(),
             (QJsonObject { { QStringLiteral("processed"), 3 }, { QStringLiteral("failed"), 0 } }));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(statusOf(api, a.at(i)), QStringLiteral("ACKNOWLEDGED"));
    }

    // Assign: counts every known alert and changes nothing.
    const HttpResult assign = api.post(path,
                                       body({ a.at(3), a.at(0), 888888 }, QStringLiteral("assign"),
                                            { { QStringLiteral("assigned_to_id"), 6 } }));
    QCOMPARE(assign.data().value(u"processed").toInt(), 2);
    QCOMPARE(statusOf(api, a.at(3)), QStringLiteral("NEW"));
    QVERIFY(api.record(a.at(3)).value(u"assigned_to_name").isNull());

    const HttpResult resolve
        = api.post(path,
                   body({ a.at(3), a.at(0) }, QStringLiteral("resolve"),
                        { { QStringLiteral("resolution_notes"), QStringLiteral("mass fix") } }));
    QCOMPARE(resolve.data().value(u"processed").toInt(), 2);
    QCOMPARE(statusOf(api, a.at(3)), QStringLiteral("RESOLVED"));
    QCOMPARE(api.record(a.at(0)).value(u"metadata").toObject().value(u"resolution_notes").toString(),
             QStringLiteral("mass fix"));

    const HttpResult unknownOnly = api.post(path, body({ 777777 }, QStringLiteral("resolve")));
    QCOMPARE(unknownOnly.data(),
             (QJsonObject { { QStringLiteral("processed"), 0 }, { QStringLiteral("failed"), 0 } }));

    // Validation.
    QList<qint64> tooMany;
    for (int i = 0; i < 101; ++i) {
        tooMany.append(a.at(0));
    }
    const QList<std::pair<QJsonObject, QString>> invalid {
        { body({}, QStringLiteral("acknowledge")), QStringLiteral("alert_ids") },
        { body(tooMany, QStringLiteral("acknowledge")), QStringLiteral("alert_ids") },
        { body({ a.at(0) }, QStringLiteral("escalate")), QStringLiteral("action") },
        { body({ a.at(0) }, QStringLiteral("ACKNOWLEDGE")), QStringLiteral("action") },
        { { { QStringLiteral("action"), QStringLiteral("acknowledge") } }, QStringLiteral("alert_ids") },
        { { { QStringLiteral("alert_ids"), QJsonArray { QStringLiteral("x") } },
            { QStringLiteral("action"), QStringLiteral("acknowledge") } },
          QStringLiteral("alert_ids") },
    };
    for (const auto &[payload, field] : invalid) {
        const HttpResult refused = api.post(path, payload);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json.value(u"message").toString(), QStringLiteral("Invalid data"));
        QVERIFY2(refused.json.value(u"errors").toObject().contains(field), refused.body.constData());
    }
    tooMany.removeLast();
    QCOMPARE(api.post(path, body(tooMany, QStringLiteral("acknowledge"))).data().value(u"processed").toInt(),
             100);
}

void TestSimAlerts::currentServersByDefault()
{
    Simulator sim; // the options' defaults: as production servers answer today
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 2);
    auto socket = dashboard(sim, QStringLiteral("operator"));

    for (const QString &path :
         { QStringLiteral("/api/noc/alerts/"), QStringLiteral("/api/noc/alerts/%1/").arg(alerts.at(0)),
           QStringLiteral("/noc/alerts/?page=2") }) {
        const HttpResult refused = api.get(path);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json,
                 (QJsonObject { { QStringLiteral("error"), QStringLiteral("Authentication required") },
                                { QStringLiteral("status"), QStringLiteral("unauthorized") } }));
    }
    // Escalate: 500 and nothing changes, not even the sockets.
    const HttpResult escalate = api.post(
        QStringLiteral("/api/noc/alerts/%1/escalate/").arg(alerts.at(0)),
        { { QStringLiteral("escalated_to_id"), 1 }, { QStringLiteral("reason"), QStringLiteral("r") } });
    QCOMPARE(escalate.status, 500);
    QCOMPARE(escalate.errorCode(), QStringLiteral("INTERNAL_ERROR"));
    QCOMPARE(statusOf(api, alerts.at(0)), QStringLiteral("NEW"));
    QVERIFY(roundTrip(*socket));
    QVERIFY(!socket->disconnected);
    // The other actions work, and close the sockets.
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(alerts.at(0)), {}).status, 200);
    QCOMPARE(statusOf(api, alerts.at(0)), QStringLiteral("ACKNOWLEDGED"));
    QTRY_VERIFY_WITH_TIMEOUT(socket->disconnected, kTimeoutMs);
    QCOMPARE(socket->closeCode, 1011);
}

void TestSimAlerts::absentApi()
{
    SimulatorOptions options = working();
    options.alertApi.list = AlertApiOptions::List::Absent;
    Simulator sim(options);
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();
    for (const HttpResult &result :
         { api.get(QStringLiteral("/api/noc/alerts/")), api.get(QStringLiteral("/noc/alerts/%1/").arg(id)),
           api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(id), {}) }) {
        QCOMPARE(result.status, 404);
        QVERIFY(result.body.contains("<h1>Not Found</h1>"));
    }
    QCOMPARE(statusOf(api, id), QStringLiteral("NEW"));
}

void TestSimAlerts::authenticationRequired()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();

    const HttpResult none = request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")), {});
    QCOMPARE(none.status, 401);
    QCOMPARE(none.errorCode(), QStringLiteral("NOT_AUTHENTICATED"));
    QVERIFY(none.json.value(u"error").toObject().contains(u"correlation_id"));
    const HttpResult garbage
        = request(api.nam(), "POST", api.at(QStringLiteral("/api/noc/alerts/%1/ack/").arg(id)),
                  QStringLiteral("not.a.token"), "{}");
    QCOMPARE(garbage.status, 401);
    QCOMPARE(garbage.errorCode(), QStringLiteral("AUTHENTICATION_FAILED"));
    QCOMPARE(statusOf(api, id), QStringLiteral("NEW"));

    const QString token = sim.issueAccessToken(QStringLiteral("operator"));
    QCOMPARE(request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")), token).status, 200);
    sim.expireAccessTokens();
    const HttpResult expired = request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")), token);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("AUTHENTICATION_FAILED"));
    // A refresh token is not an access token.
    QCOMPARE(request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")),
                     TokenStore("noc-sim-secret", 60, 60).issueRefresh(1))
                 .status,
             401);
}

void TestSimAlerts::trailingSlashRedirectLosesTheBody()
{
    Simulator sim(working(/*closes*/ true));
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();
    auto socket = dashboard(sim, QStringLiteral("operator"));

    const HttpResult post = api.post(QStringLiteral("/api/noc/alerts/%1/resolve").arg(id),
                                     { { QStringLiteral("resolution_notes"), QStringLiteral("n") } });
    QCOMPARE(post.status, 301);
    QCOMPARE(QString::fromUtf8(post.header("Location")),
             QStringLiteral("http://127.0.0.1:%1/api/noc/alerts/%2/resolve/").arg(sim.port()).arg(id));
    QCOMPARE(statusOf(api, id), QStringLiteral("NEW"));
    QVERIFY(roundTrip(*socket));
    QVERIFY(!socket->disconnected);
    // Following it is a GET, which an action refuses.
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/%1/resolve/").arg(id)).status, 405);

    const HttpResult list = api.get(QStringLiteral("/noc/alerts?page_size=5"));
    QCOMPARE(list.status, 301);
    QCOMPARE(QString::fromUtf8(list.header("Location")),
             QStringLiteral("http://127.0.0.1:%1/noc/alerts/?page_size=5").arg(sim.port()));
    // A redirect is not a call of the API: the rate limit does not count it.
    QVERIFY(!sim.restCalls().value(QStringLiteral("operator")).list);
    // No route with or without the slash: the HTML 404.
    QCOMPARE(api.get(QStringLiteral("/api/noc/alert")).status, 404);
}

void TestSimAlerts::methodsNotAllowed()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();
    const HttpResult getAction = api.get(QStringLiteral("/api/noc/alerts/%1/ack/").arg(id));
    QCOMPARE(getAction.status, 405);
    QCOMPARE(getAction.errorCode(), QStringLiteral("METHOD_NOT_ALLOWED"));
    const HttpResult postList = api.post(QStringLiteral("/api/noc/alerts/"), {});
    QCOMPARE(postList.status, 405);
    QCOMPARE(request(api.nam(), "DELETE", api.at(QStringLiteral("/api/noc/alerts/%1/").arg(id)),
                     sim.issueAccessToken(QStringLiteral("operator")))
                 .status,
             405);
    QCOMPARE(statusOf(api, id), QStringLiteral("NEW"));
}

void TestSimAlerts::rateLimitPerUserSharedByTheApi()
{
    SimulatorOptions options = working();
    options.alertApi.rateLimitPerHour = 5;
    Simulator sim(options);
    QVERIFY(sim.listen());
    Api api(sim);
    const qint64 id = seed(sim, 1).first();

    // List, detail, actions and their errors all count.
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 200);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/%1/").arg(id)).status, 200);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/424242/")).status, 404);
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/resolve/").arg(id), {}).status, 400);
    QCOMPARE(api.get(QStringLiteral("/noc/alerts/?page=9")).status, 404);
    const HttpResult over = api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(id), {});
    QCOMPARE(over.status, 429);
    QCOMPARE(over.errorCode(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
    const int wait = over.header("Retry-After").toInt();
    QVERIFY(wait > 3500 && wait <= 3600);
    QCOMPARE(over.json.value(u"error").toObject().value(u"message").toString(),
             QStringLiteral("Request was throttled. Expected available in %1 seconds.").arg(wait));
    QCOMPARE(statusOf(api, id), QStringLiteral("NEW"));
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 429);
    // Per user: another user still has his budget.
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/"), QStringLiteral("viewer")).status, 200);
    const AlertApi::Calls calls = sim.restCalls().value(QStringLiteral("operator"));
    QCOMPARE(calls.total, 7);
    QCOMPARE(calls.throttled, 2);
    const QJsonObject counted = api.controlGet(QStringLiteral("rest-calls"))
                                    .json.value(u"calls")
                                    .toObject()
                                    .value(u"operator")
                                    .toObject();
    QCOMPARE(counted.value(u"throttled").toInt(), 2);
    QCOMPARE(counted.value(u"list").toInt(), 2);

    // Switched off at run time through the control API.
    QCOMPARE(api.control(QStringLiteral("alert-api"), { { QStringLiteral("rate_limit"), 0 } }).status, 200);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 200);
}

void TestSimAlerts::anonymousRateLimitPerAddress()
{
    SimulatorOptions options = working();
    options.alertApi.anonymousRateLimitPerHour = 3;
    options.alertApi.rateLimitWindowSeconds = 3; // short enough to see it reopen, long enough for 4 calls
    Simulator sim(options);
    QVERIFY(sim.listen());
    Api api(sim);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")), {}).status, 401);
    }
    const HttpResult over = request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")),
                                    QStringLiteral("bad.token.here"));
    QCOMPARE(over.status, 429);
    const int wait = over.header("Retry-After").toInt();
    QVERIFY(wait >= 1 && wait <= 3);
    // Signed-in users are counted apart.
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 200);
    // The window reopens.
    QTRY_COMPARE_WITH_TIMEOUT(
        request(api.nam(), "GET", api.at(QStringLiteral("/api/noc/alerts/")), {}).status, 401, kTimeoutMs);
}

void TestSimAlerts::actionClosesEveryDashboardSocketOfTheTenant()
{
    Simulator sim(working(/*closes*/ true));
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 2);
    auto acting = dashboard(sim, QStringLiteral("operator"));
    auto other = dashboard(sim, QStringLiteral("acme-only"), { QStringLiteral("acme") });
    auto presence = connectAs(sim, kPresence, QStringLiteral("viewer"));
    QVERIFY(acting->connected && other->connected && presence->connected);

    // A refused action emits nothing.
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/resolve/").arg(alerts.at(0)), {}).status, 400);
    QVERIFY(roundTrip(*other));
    QVERIFY(!other->disconnected);

    QSignalSpy changed(&sim, &Simulator::alertsChanged);
    const HttpResult ack = api.post(QStringLiteral("/api/noc/alerts/%1/ack/").arg(alerts.at(0)), {});
    QCOMPARE(ack.status, 200); // the answer is the outcome, whatever happened to the sockets
    QTRY_VERIFY_WITH_TIMEOUT(acting->disconnected && other->disconnected, kTimeoutMs);
    QCOMPARE(acting->closeCode, 1011);
    QCOMPARE(other->closeCode, 1011);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(acting->count(QStringLiteral("alert_updated")), 0);
    // Presence sockets are not dashboard consumers.
    presence->sendJson({ { QStringLiteral("type"), QStringLiteral("ping") } });
    QVERIFY(presence->waitFor(QStringLiteral("pong")));
    QVERIFY(!presence->disconnected);
    QCOMPARE(statusOf(api, alerts.at(0)), QStringLiteral("ACKNOWLEDGED"));
}

void TestSimAlerts::actionDeliversAlertUpdated()
{
    Simulator sim(working(/*closes*/ false));
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 3);
    auto acting = dashboard(sim, QStringLiteral("operator"));
    auto other = dashboard(sim, QStringLiteral("acme-only")); // tenant-wide: no subscription needed

    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/assign/").arg(alerts.at(0)),
                      { { QStringLiteral("assigned_to_id"), 8 } })
                 .status,
             200);
    for (WsClient *client : { acting.get(), other.get() }) {
        const std::optional<QJsonObject> frame = client->waitFor(QStringLiteral("alert_updated"));
        QVERIFY(frame);
        QCOMPARE(frame->value(u"alert_id").toInteger(), alerts.at(0));
        QCOMPARE(frame->value(u"status").toString(), QStringLiteral("ASSIGNED"));
        QCOMPARE(frame->value(u"tenant_id").toInt(), 1);
        QVERIFY(frame->value(u"message").isString());
        QVERIFY(frame->value(u"timestamp").toString().endsWith(QLatin1String("+00:00")));
    }
    // Bulk: one per changed alert.
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/bulk-action/"),
                      { { QStringLiteral("alert_ids"), QJsonArray { alerts.at(1), alerts.at(2), 31337 } },
                        { QStringLiteral("action"), QStringLiteral("resolve") } })
                 .status,
             200);
    QVERIFY(other->waitFor(QStringLiteral("alert_updated")));
    QVERIFY(other->waitFor(QStringLiteral("alert_updated")));
    QVERIFY(roundTrip(*other));
    QCOMPARE(other->count(QStringLiteral("alert_updated")), 3);
    QCOMPARE(other->last(QStringLiteral("alert_updated")).value(u"status").toString(),
             QStringLiteral("RESOLVED"));
    QVERIFY(!other->disconnected && !acting->disconnected);
    // Bulk assign changes nothing and announces nothing.
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/bulk-action/"),
                      { { QStringLiteral("alert_ids"), QJsonArray { alerts.at(1) } },
                        { QStringLiteral("action"), QStringLiteral("assign") },
                        { QStringLiteral("assigned_to_id"), 6 } })
                 .status,
             200);
    QVERIFY(roundTrip(*other));
    QCOMPARE(other->count(QStringLiteral("alert_updated")), 3);
}

void TestSimAlerts::controlSeedDoesNotPush()
{
    Simulator sim(working());
    QVERIFY(sim.listen());
    Api api(sim);
    auto socket = dashboard(sim, QStringLiteral("operator"), sim.options().clients);

    const HttpResult seeded
        = api.control(QStringLiteral("alerts/seed"),
                      { { QStringLiteral("count"), 6 },
                        { QStringLiteral("statuses"),
                          QJsonArray { QStringLiteral("NEW"), QStringLiteral("ACKNOWLEDGED"),
                                       QStringLiteral("ASSIGNED") } },
                        { QStringLiteral("clients"), QJsonArray { QStringLiteral("hooli") } },
                        { QStringLiteral("min_age_s"), 600 },
                        { QStringLiteral("max_age_s"), 900 } });
    QCOMPARE(seeded.status, 200);
    const QJsonArray ids = seeded.json.value(u"ids").toArray();
    QCOMPARE(ids.size(), 6);
    QVERIFY(roundTrip(*socket));
    QCOMPARE(socket->count(QStringLiteral("alert_new")), 0);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList statuses;
    for (const QJsonValue &id : ids) {
        const QJsonObject record = api.record(id.toInteger());
        statuses.append(record.value(u"status").toString());
        QCOMPARE(record.value(u"client_id").toString(), QStringLiteral("hooli"));
        const qint64 age = restTime(record.value(u"cdtz").toString()).secsTo(now);
        QVERIFY2(age >= 599 && age <= 902, qPrintable(QString::number(age)));
        if (statuses.last() == QLatin1String("ACKNOWLEDGED")) {
            // By a colleague, after the alert was raised.
            QVERIFY(!record.value(u"acknowledged_by_name").toString().isEmpty());
            QVERIFY(record.value(u"acknowledged_at").toString() >= record.value(u"first_seen").toString());
        }
        if (statuses.last() == QLatin1String("ASSIGNED")) {
            QVERIFY(!record.value(u"assigned_to_name").toString().isEmpty());
        }
    }
    QCOMPARE(statuses,
             (QStringList { u"NEW"_s, u"ACKNOWLEDGED"_s, u"ASSIGNED"_s, u"NEW"_s, u"ACKNOWLEDGED"_s,
                            u"ASSIGNED"_s }));
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/?status=ASSIGNED")).json.value(u"count").toInt(), 2);

    const QJsonObject summary = api.controlGet(QStringLiteral("alerts")).json;
    QCOMPARE(summary.value(u"count").toInt(), 6);
    QCOMPARE(summary.value(u"open").toInt(), 6);
    QCOMPARE(summary.value(u"by_status").toObject().value(u"NEW").toInt(), 2);

    QCOMPARE(api.control(QStringLiteral("alerts/seed"),
                         { { QStringLiteral("statuses"), QJsonArray { QStringLiteral("OPEN") } } })
                 .status,
             400);
    QCOMPARE(api.control(QStringLiteral("alerts/seed"),
                         { { QStringLiteral("clients"), QJsonArray { QStringLiteral("nope") } } })
                 .status,
             400);
    QCOMPARE(api.controlGet(QStringLiteral("alerts/1")).status, 404);

    // A suppressed repeat: the count and last_seen move, nobody hears of it.
    const qint64 first = ids.first().toInteger();
    const QString lastSeen = api.record(first).value(u"last_seen").toString();
    QCOMPARE(api.control(QStringLiteral("alerts/suppress-repeat"), { { QStringLiteral("alert_id"), first } })
                 .status,
             200);
    const QJsonObject repeated = api.record(first);
    QCOMPARE(repeated.value(u"suppressed_count").toInt(), 1);
    QVERIFY(repeated.value(u"last_seen").toString() > lastSeen);
    QVERIFY(roundTrip(*socket));
    // connected, one subscribed per client, two heartbeat acks: nothing else.
    QCOMPARE(socket->frames.size(), sim.options().clients.size() + 3);
}

void TestSimAlerts::controlColleagueActsThroughTheSamePath()
{
    SimulatorOptions options = working(/*closes*/ true);
    options.alertApi.rateLimitPerHour = 2;
    Simulator sim(options);
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 2);
    auto socket = dashboard(sim, QStringLiteral("operator"));

    const HttpResult acted = api.control(
        QStringLiteral("alerts/act"),
        { { QStringLiteral("as"), QStringLiteral("ravi") },
          { QStringLiteral("action"), QStringLiteral("resolve") },
          { QStringLiteral("alert_id"), alerts.at(0) },
          { QStringLiteral("fields"),
            QJsonObject { { QStringLiteral("resolution_notes"), QStringLiteral("rebooted") } } } });
    QCOMPARE(acted.status, 200);
    QCOMPARE(acted.json.value(u"http_status").toInt(), 200);
    QCOMPARE(acted.json.value(u"body").toObject().value(u"data").toObject().value(u"status").toString(),
             QStringLiteral("resolved"));
    // The same side effect as any REST action on current servers.
    QTRY_VERIFY_WITH_TIMEOUT(socket->disconnected, kTimeoutMs);
    QCOMPARE(socket->closeCode, 1011);
    const QJsonObject record = api.record(alerts.at(0));
    QCOMPARE(record.value(u"resolved_by_name").toString(), QStringLiteral("Ravi Patel"));
    QCOMPARE(record.value(u"metadata").toObject().value(u"resolution_notes").toString(),
             QStringLiteral("rebooted"));
    const QJsonObject entry = record.value(u"history").toArray().last().toObject();
    QCOMPARE(entry.value(u"username").toString(), QStringLiteral("ravi"));
    QCOMPARE(entry.value(u"via").toString(), QStringLiteral("rest"));

    // Same rules: a refusal comes back as the REST answer, and the colleague's calls count on his budget.
    const HttpResult refused = api.control(QStringLiteral("alerts/act"),
                                           { { QStringLiteral("as"), QStringLiteral("ravi") },
                                             { QStringLiteral("action"), QStringLiteral("ack") },
                                             { QStringLiteral("alert_id"), alerts.at(0) } });
    QCOMPARE(refused.json.value(u"http_status").toInt(), 400);
    QCOMPARE(refused.json.value(u"body").toObject().value(u"message").toString(),
             QStringLiteral("Cannot acknowledge resolved/suppressed alert"));
    const HttpResult throttled = api.control(QStringLiteral("alerts/act"),
                                             { { QStringLiteral("as"), QStringLiteral("ravi") },
                                               { QStringLiteral("action"), QStringLiteral("ack") },
                                               { QStringLiteral("alert_id"), alerts.at(1) } });
    QCOMPARE(throttled.json.value(u"http_status").toInt(), 429);
    QCOMPARE(statusOf(api, alerts.at(1)), QStringLiteral("NEW"));
    // Without "as", one of the colleagues; assign picks an assignee when none is named.
    const HttpResult assigned = api.control(QStringLiteral("alerts/act"),
                                            { { QStringLiteral("action"), QStringLiteral("assign") },
                                              { QStringLiteral("alert_id"), alerts.at(1) } });
    QCOMPARE(assigned.json.value(u"http_status").toInt(), 200);
    QVERIFY(AlertSeeder::colleagues(sim.options()).constFirst()->username
            == assigned.json.value(u"as").toString());
    QCOMPARE(statusOf(api, alerts.at(1)), QStringLiteral("ASSIGNED"));

    QCOMPARE(
        api.control(QStringLiteral("alerts/act"), { { QStringLiteral("action"), QStringLiteral("delete") } })
            .status,
        400);
    QCOMPARE(api.control(QStringLiteral("alerts/act"),
                         { { QStringLiteral("as"), QStringLiteral("ghost") },
                           { QStringLiteral("action"), QStringLiteral("ack") } })
                 .status,
             400);
}

void TestSimAlerts::controlSwitches()
{
    Simulator sim; // current servers
    QVERIFY(sim.listen());
    Api api(sim);
    const QList<qint64> alerts = seed(sim, 2);
    const HttpResult current = api.controlGet(QStringLiteral("alert-api"));
    QCOMPARE(current.json.value(u"list").toString(), QStringLiteral("refused"));
    QCOMPARE(current.json.value(u"alert_updated").toString(), QStringLiteral("close"));
    QCOMPARE(current.json.value(u"escalate").toString(), QStringLiteral("broken"));
    QCOMPARE(current.json.value(u"rate_limit").toInt(), 600);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 403);

    const HttpResult changed = api.control(QStringLiteral("alert-api"),
                                           { { QStringLiteral("list"), QStringLiteral("working") },
                                             { QStringLiteral("alert_updated"), QStringLiteral("deliver") },
                                             { QStringLiteral("escalate"), QStringLiteral("working") } });
    QCOMPARE(changed.json.value(u"list").toString(), QStringLiteral("working"));
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 200);
    auto socket = dashboard(sim, QStringLiteral("operator"));
    QCOMPARE(api.post(QStringLiteral("/api/noc/alerts/%1/escalate/").arg(alerts.at(0)),
                      { { QStringLiteral("escalated_to_id"), 1 },
                        { QStringLiteral("reason"), QStringLiteral("r") } })
                 .status,
             200);
    QVERIFY(socket->waitFor(QStringLiteral("alert_updated")));
    QVERIFY(!socket->disconnected);

    QCOMPARE(
        api.control(QStringLiteral("alert-api"), { { QStringLiteral("list"), QStringLiteral("absent") } })
            .status,
        200);
    QCOMPARE(api.get(QStringLiteral("/api/noc/alerts/")).status, 404);
    QCOMPARE(api.control(QStringLiteral("alert-api"), { { QStringLiteral("current_servers"), true } })
                 .json.value(u"list")
                 .toString(),
             QStringLiteral("refused"));
    QCOMPARE(sim.alertApiSettings().alertUpdatedCloses, true);
    QCOMPARE(sim.alertApiSettings().escalateBroken, true);
    QCOMPARE(
        api.control(QStringLiteral("alert-api"), { { QStringLiteral("list"), QStringLiteral("sometimes") } })
            .status,
        400);
    QCOMPARE(
        api.control(QStringLiteral("alert-api"), { { QStringLiteral("escalate"), QStringLiteral("maybe") } })
            .status,
        400);
    QCOMPARE(api.controlGet(QStringLiteral("status")).json.value(u"alert_list").toString(),
             QStringLiteral("refused"));
}

void TestSimAlerts::colleaguesActWhileTrafficRuns()
{
    SimulatorOptions options = working();
    options.traffic.colleagueMinIntervalMs = 20;
    options.traffic.colleagueMaxIntervalMs = 40;
    Simulator sim(options);
    const QList<qint64> alerts = seed(sim, 10);
    QSignalSpy changed(&sim, &Simulator::alertsChanged);
    QVERIFY(sim.listen()); // colleagues count as traffic: listening starts them
    QVERIFY(sim.isColleagueActivityRunning());
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 3, kTimeoutMs);
    sim.stopTraffic();
    QVERIFY(!sim.isColleagueActivityRunning());

    int handled = 0;
    for (const qint64 id : alerts) {
        const AlertDetails *details = sim.alertStore().details(id);
        if (details && !details->history.isEmpty()) {
            ++handled;
            const AlertHistoryEntry &entry = details->history.constLast();
            QCOMPARE(entry.via, QStringLiteral("rest"));
            QVERIFY(QStringList({ u"anna"_s, u"ravi"_s, u"chen"_s }).contains(entry.username));
        }
    }
    QVERIFY(handled >= 1);
    QVERIFY(sim.restCalls().value(QStringLiteral("operator")).total == 0);
}

void TestSimAlerts::demoStartsWithOpenAlertsHandledByColleagues()
{
    const SimulatorOptions demo = SimulatorOptions::demo();
    QCOMPARE(demo.alertApi.list, AlertApiOptions::List::Working);
    QVERIFY(!demo.alertApi.alertUpdatedCloses);
    QVERIFY(!demo.alertApi.escalateBroken);
    QCOMPARE(demo.traffic.colleagueMinIntervalMs, 20000);
    QCOMPARE(demo.traffic.colleagueMaxIntervalMs, 40000);

    SimulatorOptions quiet = demo;
    quiet.traffic = {};
    Simulator sim(quiet);
    QVERIFY(sim.listen());
    Api api(sim);
    const HttpResult all = api.get(QStringLiteral("/api/noc/alerts/?page_size=100"));
    QCOMPARE(all.json.value(u"count").toInt(), 60);
    QHash<QString, int> statuses;
    QSet<QString> clients;
    for (const QJsonValue &item : all.json.value(u"results").toArray()) {
        ++statuses[item.toObject().value(u"status").toString()];
        clients.insert(item.toObject().value(u"client_name").toString());
    }
    QVERIFY(statuses.value(QStringLiteral("NEW")) >= 15);
    QVERIFY(statuses.value(QStringLiteral("ACKNOWLEDGED")) >= 5);
    QVERIFY(statuses.value(QStringLiteral("ASSIGNED")) >= 3);
    QVERIFY(statuses.value(QStringLiteral("RESOLVED")) >= 1);
    QVERIFY(clients.size() >= 4);
    // Acknowledged by colleagues, not by the operator who signs in.
    const QJsonObject acknowledged = api.get(QStringLiteral("/api/noc/alerts/?status=ACKNOWLEDGED")).json;
    const qint64 id = acknowledged.value(u"results").toArray().first().toObject().value(u"id").toInteger();
    const QString by = api.get(QStringLiteral("/api/noc/alerts/%1/").arg(id))
                           .data()
                           .value(u"acknowledged_by_name")
                           .toString();
    QVERIFY(QStringList({ u"Anna Schmidt"_s, u"Ravi Patel"_s, u"Chen Wei"_s }).contains(by));
}

QTEST_MAIN(TestSimAlerts)
#include "tst_sim_alerts.moc"
