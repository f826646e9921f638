// SPDX-License-Identifier: MIT
// noc-sim: the simulated NOC backend, for demos, manual testing and the client's integration tests.
#include "SignalWatcher.h"
#include "sim/Simulator.h"
#include "sim/SocketAdmission.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <nocdash/Version.h>

namespace {

const char *const kDescription
    = R"(Simulated NOC backend (REST login + /ws/noc/dashboard/ + /ws/noc/presence/ on one port).

Users (password = username; id in brackets): operator [1] (view+ack+escalate, all clients),
viewer [2] (view only), acme-only [3] (view+ack, client acme), noview [4] (no noc:view),
disabled [5] (account disabled), and the colleagues anna [6], ravi [7], chen [8] (view+ack+escalate).
Clients: acme, globex, initech, umbrella, hooli, soylent. Alert ids are integers from 1000.

REST alert API (PROTOCOL.md section 6) under /api/noc/ and /noc/: list, detail, ack, assign, escalate,
resolve, bulk-action. By default it works like a future server (list and detail answer, alert_updated
is delivered, escalate works); --current-servers gives what production servers do today: list and
detail 403 "Authentication required", every action closes every dashboard socket 1011, escalate 500.

Control API (loopback peers only, JSON in/out, on the same port):
  POST /control/close          {"code":1011,"reason":"","path":""}   close sockets (code 0 = drop TCP)
  POST /control/silence        {"on":true}        half-open: send nothing, ignore input, REST hangs
  POST /control/delay          {"ms":500}         delay REST replies and WebSocket answers
  POST /control/malformed      {"kind":"garbage","path":""}  kinds: garbage array number string binary
                               empty unknown_type no_type missing_fields nulls wrong_types
                               unknown_severity unicode huge deep
  POST /control/expire-tokens  {"close_sockets":false}  every access token issued so far is expired
  POST /control/revoke-tokens                     every refresh token issued so far is blacklisted
  POST /control/refuse-logins  {"on":true}        logins answer 401
  POST /control/restart        {"down_ms":2000,"abrupt":false}  drop everything, relisten on the port
  POST /control/publish        {"client_id","severity","alert_type","message"} -> {"alert_id"}
                               or {"kind":"critical_alert|finding|anomaly|ticket|user_status","fields":{}}
  POST /control/traffic        {"on":true,"rate":50}  traffic and colleagues' actions; rate: alerts/s from now on
  POST /control/reset-records                     acks, frames and REST call counts
  GET  /control/acks | /control/frames | /control/status
  Alert records:
  POST /control/alerts/seed    {"count":10,"statuses":["NEW","ACKNOWLEDGED"],"clients":["acme"],
                               "min_age_s":120,"max_age_s":28800,"ages_s":[5,5,70],"severity",
                               "alert_type","message"} -> {"ids"}; stored, not pushed
  POST /control/alerts/act     {"as":"anna","action":"ack|assign|escalate|resolve|bulk-action",
                               "alert_id":1000,"fields":{...}} -> {"http_status","body"}: a colleague's
                               REST call (same rules, rate limit and socket side effect)
  POST /control/alerts/suppress-repeat {"alert_id":1000}  suppressed_count+1, last_seen now
  GET  /control/alerts         {"count","open","by_status","new_by_severity"}
  GET  /control/alerts/<id>    {"alert":{detail fields + client_id + history}}
  GET|POST /control/alert-api  {"list":"working|refused|absent","alert_updated":"deliver|close",
                               "escalate":"working|broken","current_servers":true,"rate_limit":600,
                               "anonymous_rate_limit":60,"rate_limit_window_s":3600}
  GET  /control/rest-calls     alert API calls per user: total, list, detail, actions, throttled)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("noc-sim"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(noc::kVersion));

    using noc::sim::SimulatorOptions;
    const SimulatorOptions defaults = SimulatorOptions::demo();

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto value = [&parser](const QString &name, const QString &help, const QString &valueName,
                                 const QString &fallback = {}) {
        QCommandLineOption option(name, help, valueName, fallback);
        parser.addOption(option);
        return option;
    };
    const auto flag = [&parser](const QString &name, const QString &help) {
        QCommandLineOption option(name, help);
        parser.addOption(option);
        return option;
    };
    const auto num = [](auto n) { return QString::number(n); };

    const auto port = value(QStringLiteral("port"), QStringLiteral("TCP port (default 8000)."),
                            QStringLiteral("port"), QStringLiteral("8000"));
    const auto bind
        = value(QStringLiteral("bind"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const auto auth
        = value(QStringLiteral("auth"),
                QStringLiteral("REST login generation: token (/api/auth/token/...), v2 (/api/v2/auth/...) "
                               "or both (default)."),
                QStringLiteral("token|v2|both"), QStringLiteral("both"));
    const auto rate = value(QStringLiteral("rate"), QStringLiteral("Steady alerts per second (default 3)."),
                            QStringLiteral("n"), num(defaults.traffic.alertsPerSecond));
    const auto burst = value(QStringLiteral("burst"), QStringLiteral("Alerts per burst (default 40)."),
                             QStringLiteral("n"), num(defaults.traffic.burstSize));
    const auto burstInterval = value(QStringLiteral("burst-interval"),
                                     QStringLiteral("Milliseconds between bursts (default 20000)."),
                                     QStringLiteral("ms"), num(defaults.traffic.burstIntervalMs));
    const auto tenantEvents = value(QStringLiteral("tenant-events"),
                                    QStringLiteral("critical_alert/finding/anomaly/ticket events per minute "
                                                   "(default 6)."),
                                    QStringLiteral("n"), num(defaults.traffic.tenantEventsPerMinute));
    const auto presenceUpdates = value(QStringLiteral("presence-updates"),
                                       QStringLiteral("user_status_update pushes per minute (default 12)."),
                                       QStringLiteral("n"), num(defaults.traffic.presenceUpdatesPerMinute));
    const auto noTraffic
        = flag(QStringLiteral("no-traffic"), QStringLiteral("Start without automatic traffic."));
    const auto seed
        = value(QStringLiteral("seed"), QStringLiteral("Seed of the traffic content (default 1)."),
                QStringLiteral("n"), QStringLiteral("1"));
    const auto heartbeat = value(QStringLiteral("heartbeat-interval"),
                                 QStringLiteral("Presence heartbeat interval in seconds (default 30)."),
                                 QStringLiteral("s"), num(defaults.heartbeatIntervalSeconds));
    const auto presenceTimeout
        = value(QStringLiteral("presence-timeout"),
                QStringLiteral("Close presence sockets 4408 after this many silent seconds "
                               "(default 300)."),
                QStringLiteral("s"), num(defaults.presenceTimeoutSeconds));
    const auto maxSockets
        = value(QStringLiteral("max-sockets"),
                QStringLiteral("WebSockets per client address before HTTP 403 (default 5)."),
                QStringLiteral("n"), num(defaults.maxSocketsPerAddress));
    const auto rateLimit = value(QStringLiteral("rate-limit"),
                                 QStringLiteral("Dashboard frames per user per window (default 100)."),
                                 QStringLiteral("n"), num(defaults.rateLimitFrames));
    const auto rateWindow = value(QStringLiteral("rate-limit-window"),
                                  QStringLiteral("Rate limit window in seconds (default 60)."),
                                  QStringLiteral("s"), num(defaults.rateLimitWindowSeconds));
    const auto allowedOrigin
        = value(QStringLiteral("allowed-origin"),
                QStringLiteral("Extra allowed Origin scheme://host[:port], repeatable; \"*\" "
                               "allows any. http://127.0.0.1:<port> and "
                               "http://localhost:<port> are always allowed (https:// with --tls-cert)."),
                QStringLiteral("origin"));
    const auto accessTtl = value(QStringLiteral("access-ttl"),
                                 QStringLiteral("Access token lifetime in seconds (default 3600)."),
                                 QStringLiteral("s"), num(defaults.accessTtlSeconds));
    const auto refreshTtl = value(QStringLiteral("refresh-ttl"),
                                  QStringLiteral("Refresh token lifetime in seconds (default 604800)."),
                                  QStringLiteral("s"), num(defaults.refreshTtlSeconds));
    const auto loginThrottle
        = value(QStringLiteral("login-throttle"),
                QStringLiteral("Login+refresh+verify requests per address per hour before "
                               "429 (default 60; 0 = off)."),
                QStringLiteral("n"), num(defaults.loginThrottlePerHour));
    const auto maxAge = value(QStringLiteral("max-socket-age"),
                              QStringLiteral("Close sockets 1000 after this many seconds (default 86400)."),
                              QStringLiteral("s"), num(defaults.maxSocketAgeSeconds));
    const auto pingInterval
        = value(QStringLiteral("ping-interval"),
                QStringLiteral("Protocol ping after this many seconds without inbound frames "
                               "(default 20; 0 = off)."),
                QStringLiteral("s"), num(defaults.pingIntervalSeconds));
    const auto pingTimeout
        = value(QStringLiteral("ping-timeout"),
                QStringLiteral("Drop the connection when the pong is this many seconds late "
                               "(default 30)."),
                QStringLiteral("s"), num(defaults.pingTimeoutSeconds));
    const auto jwtSecret
        = value(QStringLiteral("jwt-secret"), QStringLiteral("HS256 secret (default noc-sim-secret)."),
                QStringLiteral("secret"), QString::fromLatin1(defaults.jwtSecret));
    const auto minimal
        = flag(QStringLiteral("minimal-fields"),
               QStringLiteral("Send only the fields PROTOCOL.md documents (no client_id/timestamp on "
                              "alert_new, no extra user fields)."));
    const auto quiet = flag(QStringLiteral("quiet"), QStringLiteral("Log warnings only."));
    const auto refuseLogins
        = flag(QStringLiteral("refuse-logins"), QStringLiteral("Fault: every login answers 401."));
    const auto replyDelay = value(QStringLiteral("reply-delay"),
                                  QStringLiteral("Fault: delay REST replies and WebSocket answers (ms)."),
                                  QStringLiteral("ms"), QStringLiteral("0"));
    const auto tlsCert = value(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve https:// and wss:// on the port with this PEM certificate (leaf first, then "
                       "any intermediates). Needs --tls-key."),
        QStringLiteral("file"));
    const auto tlsKey
        = value(QStringLiteral("tls-key"), QStringLiteral("The unencrypted PEM private key of --tls-cert."),
                QStringLiteral("file"));
    const auto alertList
        = value(QStringLiteral("alert-list"),
                QStringLiteral("REST alert list and detail: working (default), refused (403 \"Authentication "
                               "required\" to every valid token, as current servers) or absent (404)."),
                QStringLiteral("working|refused|absent"), QStringLiteral("working"));
    const auto alertUpdated
        = value(QStringLiteral("alert-updated"),
                QStringLiteral("After each REST alert action: deliver an alert_updated frame (default) or "
                               "close every dashboard socket with 1011 (close, as current servers)."),
                QStringLiteral("deliver|close"), QStringLiteral("deliver"));
    const auto escalate
        = value(QStringLiteral("escalate"),
                QStringLiteral("REST escalate: working (default) or broken (500, nothing changes, as current "
                               "servers)."),
                QStringLiteral("working|broken"), QStringLiteral("working"));
    const auto currentServers
        = flag(QStringLiteral("current-servers"),
               QStringLiteral("Alert API as production servers answer today: --alert-list refused "
                              "--alert-updated close --escalate broken."));
    const auto seedAlerts
        = value(QStringLiteral("seed-alerts"),
                QStringLiteral("Alerts in the store at start, not pushed: open ones, some acknowledged or "
                               "assigned by colleagues, a few resolved (default 60)."),
                QStringLiteral("n"), num(defaults.alertApi.seededAlerts));
    const auto colleagueInterval
        = value(QStringLiteral("colleague-interval"),
                QStringLiteral("A colleague acts on an open alert over REST every MIN..MAX seconds while the "
                               "traffic runs (default 20,40; 0 = never)."),
                QStringLiteral("min,max"), QStringLiteral("20,40"));
    const auto restRateLimit
        = value(QStringLiteral("rest-rate-limit"),
                QStringLiteral("Alert API requests per user per window before 429 (default 600; 0 = off)."),
                QStringLiteral("n"), num(defaults.alertApi.rateLimitPerHour));
    const auto restAnonymousLimit
        = value(QStringLiteral("rest-anonymous-limit"),
                QStringLiteral("Unauthenticated alert API requests per address per window (default 60)."),
                QStringLiteral("n"), num(defaults.alertApi.anonymousRateLimitPerHour));
    const auto restRateWindow
        = value(QStringLiteral("rest-rate-window"),
                QStringLiteral("The alert API rate limit window in seconds (default 3600)."),
                QStringLiteral("s"), num(defaults.alertApi.rateLimitWindowSeconds));
    const auto silent
        = flag(QStringLiteral("silent"),
               QStringLiteral("Fault: start half-open (accept, then send nothing and ignore input)."));

    parser.process(app);

    const auto integer = [&parser](const QCommandLineOption &option) {
        bool ok = false;
        const int result = parser.value(option).toInt(&ok);
        if (!ok) {
            std::fprintf(stderr, "noc-sim: --%s needs an integer\n", qPrintable(option.names().constFirst()));
            std::exit(2);
        }
        return result;
    };
    const auto real = [&parser](const QCommandLineOption &option) {
        bool ok = false;
        const double result = parser.value(option).toDouble(&ok);
        if (!ok) {
            std::fprintf(stderr, "noc-sim: --%s needs a number\n", qPrintable(option.names().constFirst()));
            std::exit(2);
        }
        return result;
    };

    SimulatorOptions options = defaults;
    const QString authValue = parser.value(auth);
    if (authValue == QLatin1String("token")) {
        options.auth = noc::sim::AuthGenerations::TokenEndpoints;
    } else if (authValue == QLatin1String("v2")) {
        options.auth = noc::sim::AuthGenerations::V2;
    } else if (authValue == QLatin1String("both")) {
        options.auth = noc::sim::AuthGenerations::Both;
    } else {
        std::fprintf(stderr, "noc-sim: --auth must be token, v2 or both\n");
        return 2;
    }
    options.traffic.alertsPerSecond = real(rate);
    options.traffic.burstSize = integer(burst);
    options.traffic.burstIntervalMs = integer(burstInterval);
    options.traffic.tenantEventsPerMinute = real(tenantEvents);
    options.traffic.presenceUpdatesPerMinute = real(presenceUpdates);
    options.traffic.seed = quint32(parser.value(seed).toUInt());
    if (parser.isSet(noTraffic)) {
        options.traffic = { 0, 0, 0, 0, 0, options.traffic.seed, 0, 0 };
    }
    options.heartbeatIntervalSeconds = integer(heartbeat);
    options.presenceTimeoutSeconds = integer(presenceTimeout);
    options.maxSocketsPerAddress = integer(maxSockets);
    options.rateLimitFrames = integer(rateLimit);
    options.rateLimitWindowSeconds = integer(rateWindow);
    options.allowedOrigins = parser.values(allowedOrigin);
    options.accessTtlSeconds = integer(accessTtl);
    options.refreshTtlSeconds = integer(refreshTtl);
    options.loginThrottlePerHour = integer(loginThrottle);
    options.maxSocketAgeSeconds = integer(maxAge);
    options.pingIntervalSeconds = integer(pingInterval);
    options.pingTimeoutSeconds = integer(pingTimeout);
    options.jwtSecret = parser.value(jwtSecret).toUtf8();
    options.minimalFields = parser.isSet(minimal);
    const std::optional<noc::sim::AlertApiOptions::List> listMode
        = noc::sim::AlertApiOptions::listFromName(parser.value(alertList));
    if (!listMode) {
        std::fprintf(stderr, "noc-sim: --alert-list must be working, refused or absent\n");
        return 2;
    }
    options.alertApi.list = *listMode;
    if (parser.value(alertUpdated) != QLatin1String("deliver")
        && parser.value(alertUpdated) != QLatin1String("close")) {
        std::fprintf(stderr, "noc-sim: --alert-updated must be deliver or close\n");
        return 2;
    }
    options.alertApi.alertUpdatedCloses = parser.value(alertUpdated) == QLatin1String("close");
    if (parser.value(escalate) != QLatin1String("working")
        && parser.value(escalate) != QLatin1String("broken")) {
        std::fprintf(stderr, "noc-sim: --escalate must be working or broken\n");
        return 2;
    }
    options.alertApi.escalateBroken = parser.value(escalate) == QLatin1String("broken");
    if (parser.isSet(currentServers)) {
        options.alertApi.list = noc::sim::AlertApiOptions::List::Refused;
        options.alertApi.alertUpdatedCloses = true;
        options.alertApi.escalateBroken = true;
    }
    options.alertApi.seededAlerts = integer(seedAlerts);
    options.alertApi.rateLimitPerHour = integer(restRateLimit);
    options.alertApi.anonymousRateLimitPerHour = integer(restAnonymousLimit);
    options.alertApi.rateLimitWindowSeconds = integer(restRateWindow);
    {
        const QStringList interval = parser.value(colleagueInterval).split(QLatin1Char(','));
        bool minOk = false;
        bool maxOk = interval.size() == 1;
        const int minSeconds = interval.constFirst().trimmed().toInt(&minOk);
        const int maxSeconds = interval.size() > 1 ? interval.at(1).trimmed().toInt(&maxOk) : minSeconds;
        if (!minOk || !maxOk || interval.size() > 2 || minSeconds < 0 || maxSeconds < minSeconds) {
            std::fprintf(stderr, "noc-sim: --colleague-interval needs MIN,MAX seconds (MIN <= MAX)\n");
            return 2;
        }
        if (!parser.isSet(noTraffic)) {
            options.traffic.colleagueMinIntervalMs = minSeconds * 1000;
            options.traffic.colleagueMaxIntervalMs = maxSeconds * 1000;
        }
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        std::fprintf(stderr, "noc-sim: --tls-cert and --tls-key go together\n");
        return 2;
    }
    if (parser.isSet(tlsCert)) {
        const QString problem = options.loadTlsFiles(parser.value(tlsCert), parser.value(tlsKey));
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "noc-sim: %s\n", qPrintable(problem));
            return 2;
        }
    }

    // QtHttpServer warns about every refused upgrade; our own log already names the reason.
    QString rules = QStringLiteral("qt.httpserver.warning=false");
    if (parser.isSet(quiet)) {
        rules += QStringLiteral("\nnocdash.sim.info=false\nnocdash.sim.debug=false");
    }
    QLoggingCategory::setFilterRules(rules);

    const QHostAddress address(parser.value(bind));
    if (address.isNull()) {
        std::fprintf(stderr, "noc-sim: --bind needs an IP address\n");
        return 2;
    }

    noc::sim::Simulator simulator(options);
    simulator.setRefuseLogins(parser.isSet(refuseLogins));
    simulator.setReplyDelayMs(integer(replyDelay));
    if (parser.isSet(silent)) {
        simulator.setSilent(true);
    }
    if (!simulator.listen(address, quint16(integer(port)))) {
        std::fprintf(stderr, "noc-sim: cannot listen on %s:%d\n", qPrintable(address.toString()),
                     integer(port));
        return 1;
    }
    std::printf("noc-sim %s listening on %s\n  dashboard: %s\n  presence:  %s\n", noc::kVersion,
                qPrintable(simulator.httpUrl().toString()),
                qPrintable(simulator.wsUrl(noc::sim::kDashboardPath).toString()),
                qPrintable(simulator.wsUrl(noc::sim::kPresencePath).toString()));
    std::fflush(stdout);

    // Ctrl-C and SIGTERM end the event loop, so sockets close and the port is released cleanly.
    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    return QCoreApplication::exec();
}
