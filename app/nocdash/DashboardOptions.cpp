// SPDX-License-Identifier: MIT
#include "DashboardOptions.h"

#include "ConnectionOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

ParsedDashboardOptions parseDashboardOptions(const QCoreApplication &app, const noc::ClientSettings &stored)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Live NOC alert dashboard. Connects to a NOC server, or with --demo to a built-in simulator."));
    parser.addHelpOption();
    parser.addVersionOption();
    const noc::ConnectionOptions connection;
    parser.addOptions(connection.options());
    const QCommandLineOption demo(
        u"demo"_s, QCoreApplication::translate("main", "Run on the embedded simulator backend."));
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
    QCommandLineOption healthInterval(
        u"health-log-interval"_s,
        QCoreApplication::translate("main",
                                    "Write the health line (nocdash.health) every S seconds; 0: never."),
        u"s"_s, u"3600"_s);
    parser.addOptions(
        { demo, language, kiosk, screen, quitAfter, screenshot, selfCheckTimeout, healthInterval });
    parser.process(app);

    const auto fail = [](const QString &message) {
        QTextStream(stderr) << "nocdash: " << message << '\n';
        return ParsedDashboardOptions { std::nullopt, 2 };
    };

    DashboardOptions options;
    options.demo = parser.isSet(demo);
    options.connection = stored;
    if (const QString error = connection.applyTo(parser, options.connection); !error.isEmpty())
        return fail(error);
    options.passwordFromStdin = connection.passwordFromStdin(parser);
    options.clients = connection.clients(parser);
    options.language = parser.value(language);
    options.kiosk = parser.isSet(kiosk);
    if (parser.isSet(screen)) {
        bool ok = false;
        options.screen = parser.value(screen).toInt(&ok);
        if (!ok || options.screen < 0)
            return fail(u"--screen takes a screen number (0, 1, ...)"_s);
    }
    options.quitAfterAlerts = parser.value(quitAfter).toInt();
    options.screenshotPath = parser.value(screenshot);
    options.selfCheckTimeoutSeconds = qMax(1, parser.value(selfCheckTimeout).toInt());
    bool healthOk = false;
    options.healthLogIntervalSeconds = parser.value(healthInterval).toInt(&healthOk);
    if (!healthOk || options.healthLogIntervalSeconds < 0)
        return fail(u"--health-log-interval takes seconds (0: never)"_s);

    if (!options.demo) {
        if (options.connection.servers.isEmpty())
            return fail(u"no server given: use --server URL, or --demo for the built-in simulator"_s);
        if (options.connection.username.isEmpty())
            return fail(u"no user: give --user NAME"_s);
    }
    return { options, 0 };
}
