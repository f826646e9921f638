// SPDX-License-Identifier: MIT
#include "CtlOptions.h"

#include "AlertAction.h"
#include "Commands.h"
#include "ConnectionOptions.h"
#include "ExitCodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QTextStream>

using namespace Qt::StringLiterals;

ParsedCtlOptions parseCtlOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The nocdash operator's command line, on the same services as the dashboard.\n\n"
        "Commands:\n"
        "  login                 sign in, store the session in the OS keychain and the server and user in "
        "the\n"
        "                        settings nocdash reads (provisions a wall screen from a shell)\n"
        "  logout                revoke the session where the server can and forget it\n"
        "  watch [--client ID]   print every event and state change until SIGINT/SIGTERM (--json: one JSON\n"
        "                        object per line); reconnects forever\n"
        "  ack ALERT_ID...       acknowledge; exits 0 only when the server confirmed every one\n"
        "  subscribe CLIENT...   add clients to the subscription set and confirm them with the server\n"
        "  status                connect once and print the connection health as JSON\n"
        "  alerts                the server's alert records: --status open|all|STATUS[,STATUS...] (default\n"
        "                        open), --client ID to narrow, --json for one object per line\n"
        "  resolve ID... --notes TEXT        resolve over REST\n"
        "  assign ID... --to USER_ID [--comment TEXT]\n"
        "  escalate ID... --to USER_ID --reason TEXT\n"
        "                        the actions exit 0 only when the server confirmed every id; otherwise they\n"
        "                        print its reason per id and exit 5. Queued ones stay queued, as for ack.\n\n"
        "The password comes from --password-stdin or NOCDASH_PASSWORD; without one, the session stored by\n"
        "`nocctl login` (or the dashboard) in the keychain is used.\n\n"_s
        + QString::fromLatin1(kExitCodeHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    const noc::ConnectionOptions connection;
    parser.addOptions(connection.options());
    const QCommandLineOption remember(
        u"remember-password"_s, u"login: keep the password in the keychain too (not only the session)."_s);
    const QCommandLineOption json(u"json"_s, u"One JSON object per line."_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds to wait for the server (default 60)."_s, u"s"_s,
                                     u"60"_s);
    const QCommandLineOption stateTable(u"state-table"_s, u"status: print the reconnection state table."_s);
    const QCommandLineOption stateDir(
        u"state-dir"_s, u"Where the ack outbox lives (default: shared with nocdash)."_s, u"dir"_s);
    const QCommandLineOption status(u"status"_s,
                                    u"alerts: open (default), all, or statuses such as NEW,ASSIGNED."_s,
                                    u"statuses"_s, u"open"_s);
    const QCommandLineOption pages(u"pages"_s, u"alerts: pages of 100 to read at most (default 10)."_s,
                                   u"n"_s, u"10"_s);
    using noc::alertActionTextLimit;
    const QCommandLineOption notes(u"notes"_s,
                                   u"resolve: the resolution notes (up to %1 characters)."_s.arg(
                                       alertActionTextLimit(noc::AlertActionKind::Resolve)),
                                   u"text"_s);
    const QCommandLineOption to(u"to"_s, u"assign, escalate: the colleague's user id."_s, u"user_id"_s);
    const QCommandLineOption comment(
        u"comment"_s,
        u"assign: a comment (up to %1 characters)."_s.arg(alertActionTextLimit(noc::AlertActionKind::Assign)),
        u"text"_s);
    const QCommandLineOption reason(
        u"reason"_s,
        u"escalate: why (up to %1 characters)."_s.arg(alertActionTextLimit(noc::AlertActionKind::Escalate)),
        u"text"_s);
    parser.addOptions(
        { remember, json, timeout, stateTable, stateDir, status, pages, notes, to, comment, reason });
    parser.addPositionalArgument(
        u"command"_s,
        u"login, logout, watch, ack, subscribe, status, alerts, resolve, assign or escalate."_s);
    parser.process(app);

    QTextStream err(stderr);
    const auto usage = [&err](const QString &message) {
        err << "nocctl: " << message << "; see --help\n";
        return ParsedCtlOptions { std::nullopt, Usage };
    };

    CtlOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() && !parser.isSet(stateTable))
        return usage(u"no command given"_s);
    o.command = positional.value(0, u"status"_s);
    o.arguments = positional.mid(1);
    static const QStringList commands { u"login"_s,  u"logout"_s, u"watch"_s,   u"ack"_s,    u"subscribe"_s,
                                        u"status"_s, u"alerts"_s, u"resolve"_s, u"assign"_s, u"escalate"_s };
    if (!commands.contains(o.command))
        return usage(u"unknown command "_s + o.command);

    const QSettings stored(u"nocdash"_s, u"nocdash"_s);
    o.stored = noc::ClientSettings::load(stored);
    o.settings = o.stored;
    if (const QString error = connection.applyTo(parser, o.settings); !error.isEmpty())
        return usage(error);
    o.serversFromCommandLine = connection.serversGiven(parser);
    o.settings.rememberPassword = parser.isSet(remember);
    if (const QStringList clients = connection.clients(parser); !clients.isEmpty()) {
        o.settings.subscriptions = clients;
        o.clientsFromCommandLine = true;
    }
    o.json = parser.isSet(json);
    o.stateTable = parser.isSet(stateTable);
    bool ok = false;
    o.timeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok || o.timeoutSeconds <= 0)
        return usage(u"--timeout takes a positive number of seconds"_s);
    o.statusFilter = parser.value(status);
    if (!statusesFor(o.statusFilter))
        return usage(u"--status takes open, all, or statuses among NEW, ACKNOWLEDGED, ASSIGNED, ESCALATED, "
                     "RESOLVED, SUPPRESSED"_s);
    o.pageBudget = parser.value(pages).toInt(&ok);
    if (!ok || o.pageBudget <= 0)
        return usage(u"--pages takes a positive number"_s);
    if (o.command == "resolve"_L1)
        o.actionText = parser.value(notes);
    else if (o.command == "assign"_L1)
        o.actionText = parser.value(comment);
    else if (o.command == "escalate"_L1)
        o.actionText = parser.value(reason);
    if (parser.isSet(to)) {
        o.userId = parser.value(to).toInt(&ok);
        if (!ok || o.userId <= 0)
            return usage(u"--to takes a user id (a positive number)"_s);
    }
    o.stateDirectory
        = parser.isSet(stateDir) ? parser.value(stateDir) : noc::ClientSettings::defaultStateDirectory();

    o.password = qEnvironmentVariable("NOCDASH_PASSWORD");
    if (connection.passwordFromStdin(parser))
        o.password = QTextStream(stdin).readLine();

    if (o.stateTable)
        return { o, 0 };
    if (o.settings.servers.isEmpty())
        return usage(u"no server: give --server URL (or run `nocctl --server URL --user NAME login` once)"_s);
    if (o.settings.username.isEmpty())
        return usage(u"no user: give --user NAME"_s);
    static const QStringList needIds { u"ack"_s, u"subscribe"_s, u"resolve"_s, u"assign"_s, u"escalate"_s };
    if (needIds.contains(o.command) && o.arguments.isEmpty())
        return usage(o.command + u" needs at least one id"_s);
    if ((o.command == "assign"_L1 || o.command == "escalate"_L1) && o.userId <= 0)
        return usage(o.command + u" needs --to USER_ID"_s);
    if (o.command == "escalate"_L1 && o.actionText.isEmpty())
        return usage(u"escalate needs --reason TEXT"_s);
    if (o.command == "login"_L1 && o.password.isEmpty())
        return usage(u"login needs a password: --password-stdin or NOCDASH_PASSWORD"_s);
    return { o, 0 };
}
