// SPDX-License-Identifier: MIT
#include "ClientSettings.h"
#include "Clock.h"
#include "DashboardOptions.h"
#include "DashboardSettings.h"
#include "DemoBackend.h"
#include "DisplayInhibitor.h"
#include "FrameCounter.h"
#include "Localization.h"
#include "NocClient.h"
#include "RenderSettings.h"
#include "RendererChoice.h"
#include "ScreenKeeper.h"
#include "SelfCheck.h"
#include "SignalWatcher.h"
#include "SystemdNotifier.h"
#include "ViewProbe.h"
#include "WallController.h"
#include "WallLogging.h"

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>
#include <nocdash/Version.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_DesktopPlugin)

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

// Test hook (tests/e2e/tst_watchdog.cpp): NOCDASH_DEBUG_FREEZE_AFTER_MS=N blocks the GUI thread for good
// N ms after the first frame, as a hang would, so that a test sees the watchdog pings stop. It says so
// to systemd first, so the test knows from when no ping may come.
void armDebugFreeze(QQuickWindow *window, SystemdNotifier &notifier)
{
    bool ok = false;
    const int afterMs = qEnvironmentVariableIntValue("NOCDASH_DEBUG_FREEZE_AFTER_MS", &ok);
    if (!ok || afterMs < 0)
        return;
    qCWarning(lcWall) << "NOCDASH_DEBUG_FREEZE_AFTER_MS: the GUI thread will hang" << afterMs
                      << "ms after the first frame (a test hook)";
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &notifier,
        [afterMs, &notifier] {
            QTimer::singleShot(afterMs, &notifier, [&notifier] {
                notifier.status(u"frozen by NOCDASH_DEBUG_FREEZE_AFTER_MS"_s);
                for (;;)
                    QThread::sleep(3600);
            });
        },
        static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
}
} // namespace

int main(int argc, char *argv[])
{
    // A child of this process asking OpenGL who renders (see RendererChoice), before any other set-up.
    if (argc == 2 && qstrcmp(argv[1], RendererChoice::kProbeArgument) == 0)
        return RendererChoice::probeMain(argc, argv);
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

    DashboardSettings settings;
    settings.load();
    // The saved (or the system's) language already speaks --help and the parser's complaints.
    installTranslations(app, settings.language());

    const ParsedDashboardOptions parsed = parseDashboardOptions(app, settings.clientSettings());
    if (!parsed.options)
        return parsed.exitCode;
    const DashboardOptions &options = *parsed.options;
    // Command-line choices hold for this run only: they are not written back to the settings.
    if (!options.language.isEmpty() && options.language != settings.language()) {
        settings.setLanguage(options.language);
        installTranslations(app, settings.language());
    }
    // Before the first window: the scene graph backend is fixed once a window exists.
    const RenderSettings rendering = RenderSettings::load(settings.fileName());
    const RendererChoice renderer = RendererChoice::apply(rendering.renderer);

    noc::NocClient client;
    std::unique_ptr<DemoBackend> demo;
    if (options.demo) {
        demo = std::make_unique<DemoBackend>();
        if (!demo->start()) {
            QTextStream(stderr) << "nocdash: the demo backend could not listen on loopback\n";
            return 1;
        }
        // The embedded backend owns the connection; the operator's saved servers stay untouched.
        noc::ClientSettings connection;
        connection.servers = { demo->profile().baseUrl };
        connection.subscriptions = options.clients.isEmpty() ? demo->clients() : options.clients;
        settings.lockConnection(connection);
        settings.setEngine(&client);
        // A demo session is throwaway: it must not touch the operator's keychain.
        client.setCredentialStore(nullptr);
        client.setCredentials(demo->username(), demo->password());
    } else {
        settings.setConnection(options.connection);
        // From here on, every change of a setting (dialog, F11, menu) reaches the engine the same way.
        settings.setEngine(&client);
        // Acks not yet confirmed and the subscription set outlive the process; shared with nocctl.
        client.setStateDirectory(noc::ClientSettings::defaultStateDirectory());
        if (!options.clients.isEmpty())
            client.setSubscriptions(options.clients);
        client.setCredentials(settings.username(), readPassword(options.passwordFromStdin));
    }

    // After the connection: applying it sets every connection key, wall mode included, and a wall
    // screen started as `nocdash --kiosk --server ...` (or by the wall unit) must stay a wall.
    if (options.kiosk)
        settings.setWallMode(true);
    if (options.screen >= -1)
        settings.setWallScreen(options.screen);

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    engine.setInitialProperties({
        { u"client"_s, QVariant::fromValue(&client) },
        { u"settings"_s, QVariant::fromValue(&settings) },
        { u"backendLabel"_s, options.demo ? QApplication::translate("main", "DEMO BACKEND") : QString() },
        { u"desktopUpdatesPerSecond"_s, rendering.desktopUpdatesPerSecond },
        { u"wallUpdatesPerSecond"_s, rendering.wallUpdatesPerSecond },
        { u"rendererSummary"_s, renderer.summary() },
    });
    // The window with the desktop's notifier (tray, sounds) composed in QML: Dashboard.qml.
    engine.load(QUrl(u"qrc:/Nocdash/Desktop/Dashboard.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    std::unique_ptr<FrameCounter> frameCounter;
    if (FrameCounter::wanted())
        frameCounter = std::make_unique<FrameCounter>(window);
    std::unique_ptr<ViewProbe> viewProbe;
    if (ViewProbe::wanted())
        viewProbe = std::make_unique<ViewProbe>(window);

    WallController wall(window);
    // Destroyed before the application: gives the display back at exit (a blocking D-Bus call on Linux).
    const noc::SystemClock clock;
    ScreenKeeper screenKeeper(
        DisplayInhibitor::forPlatform(QApplication::applicationDisplayName(),
                                      QApplication::translate("main", "Wall screen: showing live alerts")),
        clock);
    const auto applyWall = [&] {
        wall.setCursorHideSeconds(settings.wallCursorHideSeconds());
        wall.setPreferredScreen(settings.wallScreen());
        wall.setEnabled(settings.wallMode());
        screenKeeper.setBlankHours(settings.blankHours());
        screenKeeper.setKeepScreenOn(settings.keepScreenOn());
        screenKeeper.setWallMode(settings.wallMode());
    };
    applyWall();
    QObject::connect(&settings, &DashboardSettings::changed, &wall, applyWall);
    QObject::connect(&settings, &DashboardSettings::languageChanged, &engine, [&] {
        installTranslations(app, settings.language());
        engine.retranslate();
    });

    std::unique_ptr<SelfCheck> selfCheck;
    if (options.quitAfterAlerts > 0) {
        selfCheck = std::make_unique<SelfCheck>(window, options.quitAfterAlerts, options.screenshotPath,
                                                options.selfCheckTimeoutSeconds);
    }

    // The wall unit (packaging/linux/nocdash-wall.service): ready once the first frame is up, then a
    // watchdog ping from this thread while it turns.
    SystemdNotifier systemd;
    systemd.readyAfterFirstFrame(window);
    armDebugFreeze(window, systemd);
#ifdef Q_OS_UNIX
    // systemctl stop and the end of the session send SIGTERM: leave through the event loop, so the display
    // is given back, systemd hears STOPPING=1 and the engine closes its sockets.
    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
#endif

    client.healthLedger().setReportIntervalMs(qint64(options.healthLogIntervalSeconds) * 1000);
    client.start();
    const int code = QApplication::exec();
    systemd.stopping();
    // The hour that was cut short is said too: the journal's last line of a run tells how it ended.
    if (options.healthLogIntervalSeconds > 0)
        client.healthLedger().closePeriod();
    client.stop();
    return code;
}
