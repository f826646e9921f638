// SPDX-License-Identifier: MIT
#include "DashboardOptions.h"
#include "DemoBackend.h"
#include "Localization.h"
#include "NocClient.h"
#include "SelfCheck.h"

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTextStream>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>
#include <nocdash/Version.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)

using namespace Qt::StringLiterals;

namespace {
QString readPassword(bool fromStdin)
{
    if (fromStdin) {
        QTextStream in(stdin);
        return in.readLine();
    }
    return qEnvironmentVariable("NOCDASH_PASSWORD");
}
} // namespace

int main(int argc, char *argv[])
{
    // Qt Charts draws through Graphics View: the dashboard needs a QApplication.
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(noc::kApplicationName));
    QApplication::setOrganizationName(QString::fromLatin1(noc::kOrganizationName));
    QApplication::setApplicationVersion(QString::fromLatin1(noc::kVersion));
    QApplication::setApplicationDisplayName(u"nocdash"_s);
    QApplication::setDesktopFileName(u"nocdash"_s);
    QIcon icon;
    for (int size : { 16, 32, 48, 64, 128, 256 })
        icon.addFile(u":/icons/nocdash-%1.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    const ParsedDashboardOptions parsed = parseDashboardOptions(app);
    if (!parsed.options)
        return parsed.exitCode;
    const DashboardOptions &options = *parsed.options;
    installTranslations(app, options.language);

    std::unique_ptr<DemoBackend> demo;
    noc::ServerProfile profile = options.profile;
    QString username = options.username;
    QString password;
    QStringList clients = options.clients;
    if (options.demo) {
        demo = std::make_unique<DemoBackend>();
        if (!demo->start()) {
            QTextStream(stderr) << "nocdash: the demo backend could not listen on loopback\n";
            return 1;
        }
        const noc::ServerProfile demoProfile = demo->profile();
        profile.baseUrl = demoProfile.baseUrl;
        username = demo->username();
        password = demo->password();
        if (clients.isEmpty())
            clients = demo->clients();
    } else {
        password = readPassword(options.passwordFromStdin);
    }

    noc::NocClient client;
    client.setProfile(profile);
    client.setCredentials(username, password);
    client.setSubscriptions(clients);

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    engine.setInitialProperties({
        { u"client"_s, QVariant::fromValue(&client) },
        { u"backendLabel"_s, options.demo ? QApplication::translate("main", "DEMO BACKEND") : QString() },
    });
    engine.load(QUrl(u"qrc:/Nocdash/Ui/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    std::unique_ptr<SelfCheck> selfCheck;
    if (options.quitAfterAlerts > 0 && window) {
        selfCheck = std::make_unique<SelfCheck>(window, options.quitAfterAlerts, options.screenshotPath,
                                                options.selfCheckTimeoutSeconds);
    }

    client.start();
    const int code = QApplication::exec();
    client.stop();
    return code;
}
