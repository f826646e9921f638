// SPDX-License-Identifier: MIT
#include "DashboardOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

ParsedDashboardOptions parseDashboardOptions(const QCoreApplication &app, bool savedServer)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Live NOC alert dashboard. Connects to a NOC server, or with --demo to a built-in simulator."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        u"demo"_s, QCoreApplication::translate("main", "Run on the embedded simulator backend."));
    const QCommandLineOption server(
        u"server"_s, QCoreApplication::translate("main", "Server base URL (https://…)."), u"url"_s);
    const QCommandLineOption user(u"user"_s, QCoreApplication::translate("main", "User name."), u"name"_s);
    const QCommandLineOption passwordStdin(
        u"password-stdin"_s,
        QCoreApplication::translate("main",
                                    "Read the password from standard input (else NOCDASH_PASSWORD)."));
    const QCommandLineOption auth(u"auth"_s,
                                  QCoreApplication::translate("main", "Auth generation: token, v2 or auto."),
                                  u"generation"_s, u"auto"_s);
    const QCommandLineOption origin(
        u"origin"_s, QCoreApplication::translate("main", "Origin header (default: the server's)."), u"url"_s);
    const QCommandLineOption tokenLocation(
        u"token-location"_s,
        QCoreApplication::translate("main", "Send the token in the query, header or cookie."), u"where"_s,
        u"query"_s);
    const QCommandLineOption client(
        u"client"_s, QCoreApplication::translate("main", "Subscribe to this client (repeatable)."), u"id"_s);
    const QCommandLineOption language(
        u"lang"_s,
        QCoreApplication::translate("main", "User interface language (en, de); default: the system's."),
        u"code"_s);
    const QCommandLineOption kiosk(
        u"kiosk"_s,
        QCoreApplication::translate("main", "Wall mode: full screen, large type, no dialogs, no cursor."));
    const QCommandLineOption screen(
        u"screen"_s, QCoreApplication::translate("main", "Wall mode: the screen to fill (0, 1, ...)."),
        u"n"_s);
    QCommandLineOption quitAfter(
        u"quit-after-alerts"_s,
        QCoreApplication::translate("main", "Self-check: exit once N alerts are shown."), u"n"_s);
    QCommandLineOption screenshot(u"screenshot"_s,
                                  QCoreApplication::translate("main", "Self-check: save a screenshot here."),
                                  u"file"_s);
    QCommandLineOption selfCheckTimeout(
        u"self-check-timeout"_s, QCoreApplication::translate("main", "Self-check: give up after S seconds."),
        u"s"_s, u"60"_s);
    parser.addOptions({ demo, server, user, passwordStdin, auth, origin, tokenLocation, client, language,
                        kiosk, screen, quitAfter, screenshot, selfCheckTimeout });
    parser.process(app);

    const auto fail = [](const QString &message) {
        QTextStream(stderr) << "nocdash: " << message << '\n';
        return ParsedDashboardOptions { std::nullopt, 2 };
    };

    DashboardOptions options;
    options.demo = parser.isSet(demo);
    options.profile.baseUrl = QUrl(parser.value(server));
    options.username = parser.value(user);
    options.passwordFromStdin = parser.isSet(passwordStdin);
    options.clients = parser.values(client);
    options.language = parser.value(language);
    options.kiosk = parser.isSet(kiosk);
    if (parser.isSet(screen)) {
        bool ok = false;
        options.screen = parser.value(screen).toInt(&ok);
        if (!ok || options.screen < 0)
            return fail(u"--screen takes a screen number (0, 1, ...)"_s);
    }
    options.profile.origin = parser.value(origin);

    const auto generation = noc::authGenerationFromString(parser.value(auth));
    if (!generation)
        return fail(u"--auth takes token, v2 or auto"_s);
    options.profile.authGeneration = *generation;
    const auto location = noc::tokenLocationFromString(parser.value(tokenLocation));
    if (!location)
        return fail(u"--token-location takes query, header or cookie"_s);
    options.profile.tokenLocation = *location;

    options.quitAfterAlerts = parser.value(quitAfter).toInt();
    options.screenshotPath = parser.value(screenshot);
    options.selfCheckTimeoutSeconds = qMax(1, parser.value(selfCheckTimeout).toInt());

    if (!options.demo) {
        const QUrl &url = options.profile.baseUrl;
        if (url.isEmpty() && savedServer)
            return { options, 0 }; // the settings' servers and user
        if (url.isEmpty())
            return fail(u"no server given: use --server URL, or --demo for the built-in simulator"_s);
        if (!url.isValid() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)
            || url.host().isEmpty())
            return fail(u"--server needs an http:// or https:// URL"_s);
        if (options.username.isEmpty())
            return fail(u"--user is required with --server"_s);
    }
    return { options, 0 };
}
