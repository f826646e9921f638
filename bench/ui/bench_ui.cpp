// SPDX-License-Identifier: MIT
// Responsiveness of the real dashboard window, measured (not asserted):
//   bench_ui frames [--rate 10000] [--seconds 10]   longest gap between rendered frames during a storm
//   bench_ui idle [--seconds 60]                    CPU share of a wall screen with heartbeats only
// Run under Xvfb for real OpenGL frames:  xvfb-run -a -s "-screen 0 1920x1080x24" bench_ui frames
#include "AlertModel.h"
#include "DashboardSettings.h"
#include "NocClient.h"
#include "ProcessStats.h"
#include "RendererChoice.h"
#include "sim/EmbeddedSimulator.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QApplication>
#include <QColor>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)

using namespace Qt::StringLiterals;

namespace {
struct Dashboard
{
    QTemporaryDir config;
    std::unique_ptr<noc::sim::EmbeddedSimulator> sim;
    noc::NocClient client;
    DashboardSettings settings;
    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;
    AlertModel *alerts = nullptr;

    bool open(const noc::sim::SimulatorOptions &options, bool wall)
    {
        sim = std::make_unique<noc::sim::EmbeddedSimulator>(options);
        if (!sim->start())
            return false;
        noc::ServerProfile profile;
        profile.baseUrl = sim->httpUrl();
        client.setProfile(profile);
        client.setCredentials(u"operator"_s, u"operator"_s);
        client.setSubscriptions(noc::sim::SimulatorOptions::defaultClients());
        settings.setFileName(config.filePath(u"nocdash.conf"_s));
        settings.setConnectionLocked(true);
        settings.setWallMode(wall);
        engine.addImportPath(u"qrc:/"_s);
        engine.setInitialProperties({ { u"client"_s, QVariant::fromValue(&client) },
                                      { u"settings"_s, QVariant::fromValue(&settings) } });
        engine.load(QUrl(u"qrc:/Nocdash/Ui/Main.qml"_s));
        if (engine.rootObjects().isEmpty())
            return false;
        window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        alerts = window ? window->property("alertModel").value<AlertModel *>() : nullptr;
        if (!alerts)
            return false;
        if (wall)
            window->showFullScreen();
        client.start();
        return true;
    }
};

int frames(int rate, int seconds, int showOverMs)
{
    noc::sim::SimulatorOptions options;
    options.users = noc::sim::SimulatorOptions::defaultUsers();
    options.clients = noc::sim::SimulatorOptions::defaultClients();
    options.traffic.alertsPerSecond = rate;
    Dashboard d;
    if (!d.open(options, false))
        return 1;
    QTextStream out(stdout);
    // Render continuously, so a gap means the GUI thread was busy, not that nothing changed. The
    // software renderer (what a GPU-less machine gets) swaps only frames with something dirty, and the
    // list changes only on its beat: a 2-pixel probe changes colour every frame, or the gaps would
    // measure the beat.
    QQmlComponent probeComponent(&d.engine);
    probeComponent.setData("import QtQuick\nRectangle { width: 2; height: 2; z: 1000000 }", {});
    std::unique_ptr<QQuickItem> probe(qobject_cast<QQuickItem *>(probeComponent.create()));
    if (!probe)
        return 1;
    probe->setParentItem(d.window->contentItem());
    bool probeDark = false;
    QObject::connect(
        d.window, &QQuickWindow::frameSwapped, d.window,
        [&] {
            probeDark = !probeDark;
            probe->setProperty("color", probeDark ? QColor(Qt::black) : QColor(Qt::white));
            d.window->requestUpdate();
        },
        Qt::QueuedConnection);
    QElapsedTimer clock;
    QList<qint64> gaps;
    qint64 last = -1;
    bool measuring = false;
    QObject::connect(d.window, &QQuickWindow::frameSwapped, d.window, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (measuring && last >= 0) {
            gaps.append(now - last);
            if (showOverMs > 0 && now - last > showOverMs * 1000000)
                out << "  gap " << (now - last) / 1000000 << " ms ending at " << now / 1000000 << " ms, rows "
                    << d.alerts->count() << ", received " << d.alerts->totalReceived() << '\n';
        }
        last = now;
    });
    qint64 startReceived = 0;
    double startCpu = 0;
    QTimer giveUp; // never connected
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, qApp, [] { QCoreApplication::exit(2); });
    giveUp.start(30000);
    QObject::connect(d.alerts, &AlertModel::countChanged, qApp, [&] {
        if (measuring || d.alerts->totalReceived() == 0)
            return;
        measuring = true;
        giveUp.stop();
        clock.start();
        last = -1;
        startReceived = d.alerts->totalReceived();
        startCpu = noc::ProcessStats::readCpuSeconds();
        QTimer::singleShot(seconds * 1000, qApp, [] { QCoreApplication::exit(0); });
    });
    d.window->requestUpdate();
    const int code = QApplication::exec();
    if (code != 0) {
        out << "bench_ui frames: no alerts arrived\n";
        return code;
    }
    std::sort(gaps.begin(), gaps.end());
    const auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    const qint64 received = d.alerts->totalReceived() - startReceived;
    out << "storm: " << rate << " alerts/s asked for " << seconds << " s; received " << received << " ("
        << qRound(double(received) / seconds) << "/s), rows retained " << d.alerts->count() << '\n';
    if (gaps.isEmpty()) {
        out << "no frames rendered\n";
        return 1;
    }
    out << "frames rendered: " << gaps.size() + 1 << " (" << qRound((gaps.size() + 1) / double(seconds))
        << " fps)\n";
    out << "frame gap ms: median " << ms(gaps.at(gaps.size() / 2)) << ", p99 "
        << ms(gaps.at(qMin(gaps.size() - 1, gaps.size() * 99 / 100))) << ", max " << ms(gaps.constLast())
        << " (target < 50)\n";
    out << "process CPU during the storm: "
        << qRound(100 * (noc::ProcessStats::readCpuSeconds() - startCpu) / seconds)
        << " % of a core (GUI, network and the simulator thread together)\n";
    d.client.stop();
    return 0;
}

int idle(int seconds)
{
    noc::sim::SimulatorOptions options;
    options.users = noc::sim::SimulatorOptions::defaultUsers();
    options.clients = noc::sim::SimulatorOptions::defaultClients();
    Dashboard d;
    if (!d.open(options, true))
        return 1;
    QTextStream out(stdout);
    int framesRendered = 0;
    QObject::connect(d.window, &QQuickWindow::frameSwapped, d.window, [&] { ++framesRendered; });
    double startCpu = 0;
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, qApp, [] { QCoreApplication::exit(2); });
    giveUp.start(30000);
    QObject::connect(&d.client, &noc::NocClient::stateChanged, qApp, [&] {
        if (d.client.state() != noc::NocClient::ConnectionState::Connected || startCpu > 0)
            return;
        giveUp.stop();
        // Let the first layout and the subscription answers settle, then measure.
        QTimer::singleShot(3000, qApp, [&] {
            startCpu = noc::ProcessStats::readCpuSeconds();
            framesRendered = 0;
            QTimer::singleShot(seconds * 1000, qApp, [] { QCoreApplication::exit(0); });
        });
    });
    const int code = QApplication::exec();
    if (code != 0) {
        out << "bench_ui idle: never connected\n";
        return code;
    }
    const double used = noc::ProcessStats::readCpuSeconds() - startCpu;
    out << "wall mode idle for " << seconds << " s (heartbeats only): CPU " << used * 1000
        << " ms = " << QString::number(100.0 * used / seconds, 'f', 3)
        << " % of a core (target < 0.5 %), frames rendered " << framesRendered << '\n';
    d.client.stop();
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], RendererChoice::kProbeArgument) == 0)
        return RendererChoice::probeMain(argc, argv);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"mode"_s, u"frames or idle"_s);
    const QCommandLineOption rate(u"rate"_s, u"alerts per second"_s, u"n"_s, u"10000"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"how long to measure"_s, u"s"_s);
    const QCommandLineOption showGaps(u"show-gaps-over"_s, u"frames: print each gap longer than this (ms)"_s,
                                      u"ms"_s, u"0"_s);
    parser.addOptions({ rate, seconds, showGaps });
    parser.addHelpOption();
    parser.process(app);
    // The renderer nocdash would choose here with default settings.
    const RendererChoice renderer = RendererChoice::apply(u"auto"_s);
    QTextStream(stdout) << "renderer: " << renderer.summary() << '\n';
    const QString mode = parser.positionalArguments().value(0, u"frames"_s);
    if (mode == u"idle"_s)
        return idle(parser.isSet(seconds) ? parser.value(seconds).toInt() : 60);
    return frames(parser.value(rate).toInt(), parser.isSet(seconds) ? parser.value(seconds).toInt() : 10,
                  parser.value(showGaps).toInt());
}
