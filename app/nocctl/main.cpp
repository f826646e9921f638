// SPDX-License-Identifier: MIT
#include "Commands.h"
#include "CtlOptions.h"
#include "ExitCodes.h"

#include <QCoreApplication>

#include <nocdash/Version.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nocctl"_s);
    QCoreApplication::setOrganizationName(QString::fromLatin1(noc::kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(noc::kVersion));

    const ParsedCtlOptions parsed = parseCtlOptions(app);
    if (!parsed.options)
        return parsed.exitCode;
    const CtlOptions &options = *parsed.options;
    if (options.command == "login"_L1)
        return runLogin(options);
    if (options.command == "logout"_L1)
        return runLogout(options);
    if (options.command == "watch"_L1)
        return runWatch(options);
    if (options.command == "ack"_L1)
        return runAck(options);
    if (options.command == "subscribe"_L1)
        return runSubscribe(options);
    if (options.command == "alerts"_L1)
        return runAlerts(options);
    if (options.command == "resolve"_L1 || options.command == "assign"_L1 || options.command == "escalate"_L1)
        return runAlertAction(options);
    return runStatus(options);
}
