// SPDX-License-Identifier: MIT
// Alert throughput over loopback, measured (not asserted), in one process and one run:
//   (a) raw drain: a plain QWebSocket and noc::FrameDecoder::decode, nothing else;
//   (b) full path: noc::NocClient -> AlertModel -> AlertFilterModel (sorted, a filter active).
// Each phase has the simulator (its own thread) publish N alert_new frames in one tight loop of
// Simulator::publishAlert; nothing reaches the wire before that loop ends, so "first to last alert"
// is the receiver's own drain rate, not the simulator's production rate (printed separately).
//
//   bench_throughput [--alerts 100000] [--client acme] [--search TEXT] [--only raw|full|client|model]
//   [--breakdown]
//                    [--exit-after-fill]
// --breakdown also times NocClient alone and NocClient + AlertModel (after the main figures);
// --only and --exit-after-fill are for profilers (perf, callgrind, heaptrack).
//
// Memory: VmRSS (after malloc_trim, so freed buffers don't count) before and after filling the
// model. The simulator lives in this process and stores every alert it publishes: phase (a) keeps
// nothing on the client side, so its growth is the simulator's share, subtracted for the net figure.
#include "AlertFilterModel.h"
#include "AlertModel.h"
#include "FrameDecoder.h"
#include "NocClient.h"
#include "sim/EmbeddedSimulator.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"
#include "sim/SocketAdmission.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <malloc.h>
#include <memory>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSetupTimeoutMs = 15000;
constexpr int kDrainTimeoutMs = 600000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// VmRSS of this process in KiB, -1 when /proc says nothing.
qint64 rssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // readAll, not atEnd(): /proc files report a size of 0.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// RSS once the allocator has handed freed pages back (every arena, the simulator thread's too).
qint64 settledRssKiB()
{
    malloc_trim(0);
    return rssKiB();
}

// Bytes the allocator has handed out and not got back, over every arena: the exact heap cost,
// free of page granularity and fragmentation (which RSS includes).
qint64 heapInUseKiB()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64((info.uordblks + info.hblkhd) / 1024);
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 3 ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1) + ' ' + fields.at(2))
                              : u"unknown"_s;
}

// Runs the event loop until done() holds or the timeout passes; done() is checked every few ms,
// so measurement points are taken in slots, never here.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    const QDeadlineTimer deadline(timeoutMs);
    bool ok = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) {
            ok = true;
            loop.quit();
        } else if (deadline.hasExpired()) {
            loop.quit();
        }
    });
    if (done())
        return true;
    poll.start(5);
    loop.exec();
    return ok;
}

void settle(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

// CPU time of the calling (receiving, GUI) thread: tells a busy receiver from one that waited, and
// is less disturbed by other load on a shared machine than wall time.
qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

double perSecond(qint64 count, qint64 ns)
{
    return ns > 0 ? double(count) * 1e9 / double(ns) : 0.0;
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 0);
}

QString rate(double perSecond)
{
    return QString::number(qRound64(perSecond));
}

QString mib(qint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 1);
}

// The simulator publishes `count` alerts for clientId in one tight loop on its own thread and
// reports how long the loop took. Returns at once.
void blast(noc::sim::Simulator *sim, const QString &clientId, int count, std::atomic<qint64> *loopNs)
{
    loopNs->store(-1);
    QMetaObject::invokeMethod(
        sim,
        [sim, clientId, count, loopNs] {
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < count; ++i)
                sim->publishAlert(clientId, {}, {}, {});
            loopNs->store(timer.nsecsElapsed());
        },
        Qt::QueuedConnection);
}

struct Timing
{
    qint64 startNs = -1; // blast requested
    qint64 firstNs = -1; // first alert through the measured path
    qint64 lastNs = -1; // the count-th one
    qint64 simLoopNs = -1;
    qint64 received = 0;
    qint64 cpuFirstNs = -1; // receiving thread's CPU time at firstNs and lastNs
    qint64 cpuLastNs = -1;

    void markFirst(const QElapsedTimer &clock)
    {
        firstNs = clock.nsecsElapsed();
        cpuFirstNs = threadCpuNs();
    }
    void markLast(const QElapsedTimer &clock)
    {
        lastNs = clock.nsecsElapsed();
        cpuLastNs = threadCpuNs();
    }
    [[nodiscard]] double cpuUsPerAlert() const
    {
        return received > 1 ? double(cpuLastNs - cpuFirstNs) / 1000.0 / double(received - 1) : 0.0;
    }
    [[nodiscard]] double busyShare() const
    {
        return lastNs > firstNs ? double(cpuLastNs - cpuFirstNs) / double(lastNs - firstNs) : 0.0;
    }

    [[nodiscard]] double drainRate() const
    {
        return received > 1 ? perSecond(received - 1, lastNs - firstNs) : 0.0;
    }
    [[nodiscard]] double endToEndRate() const { return perSecond(received, lastNs - startNs); }
};

struct PhaseMemory
{
    qint64 beforeKiB = -1; // VmRSS
    qint64 afterKiB = -1;
    qint64 heapBeforeKiB = -1; // malloc'd and not freed
    qint64 heapAfterKiB = -1;
    [[nodiscard]] qint64 deltaKiB() const { return afterKiB - beforeKiB; }
    [[nodiscard]] qint64 heapDeltaKiB() const { return heapAfterKiB - heapBeforeKiB; }

    void before()
    {
        beforeKiB = settledRssKiB();
        heapBeforeKiB = heapInUseKiB();
    }
    void after()
    {
        afterKiB = settledRssKiB();
        heapAfterKiB = heapInUseKiB();
    }
};

// (a) A plain QWebSocket and the client's JSON decoder, nothing else.
class RawDrain : public QObject
{
public:
    RawDrain(const QString &origin, QElapsedTimer &clock, Timing &timing, int expected)
        : m_socket(origin), m_clock(clock), m_timing(timing), m_expected(expected)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &RawDrain::onText);
        connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_disconnected = true; });
    }

    void open(const QUrl &url, const QString &clientId)
    {
        m_clientId = clientId;
        m_socket.open(url);
    }
    void close() { m_socket.close(); }
    [[nodiscard]] bool subscribed() const { return m_subscribed; }
    [[nodiscard]] bool disconnected() const { return m_disconnected; }
    [[nodiscard]] qint64 otherEvents() const { return m_otherEvents; }

private:
    void onText(const QString &message)
    {
        const noc::ServerEvent event
            = noc::FrameDecoder::decode(message.toUtf8(), QDateTime::currentDateTimeUtc());
        if (std::holds_alternative<noc::AlertEvent>(event)) {
            const qint64 n = ++m_timing.received;
            if (n == 1)
                m_timing.markFirst(m_clock);
            if (n == m_expected)
                m_timing.markLast(m_clock);
        } else if (std::holds_alternative<noc::ConnectedEvent>(event)) {
            m_socket.sendTextMessage(
                u"{\"type\":\"subscribe_client\",\"client_id\":\"%1\"}"_s.arg(m_clientId));
        } else if (std::holds_alternative<noc::SubscribedEvent>(event)) {
            m_subscribed = true;
        } else {
            ++m_otherEvents;
        }
    }

    QWebSocket m_socket;
    QElapsedTimer &m_clock;
    Timing &m_timing;
    qint64 m_expected;
    QString m_clientId;
    bool m_subscribed = false;
    bool m_disconnected = false;
    qint64 m_otherEvents = 0;
};

// How much of the full path a phase builds: --breakdown runs the shorter ones too.
enum class Stage
{
    ClientOnly, // NocClient, counting its alertsReceived batches
    ClientAndModel, // + AlertModel
    Full // + AlertFilterModel
};

struct Options
{
    int alerts = 100000;
    QString clientId;
    QString search;
    bool raw = true;
    bool full = true;
    Stage stage = Stage::Full; // what phase (b) builds
    bool exitAfterFill = false;
    bool breakdown = false;
};

std::optional<Options> parseArguments(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Alerts per second over loopback: raw drain versus NocClient -> AlertModel -> AlertFilterModel."_s);
    parser.addHelpOption();
    const QCommandLineOption alerts(u"alerts"_s, u"How many alert_new frames per phase (default 100000)."_s,
                                    u"N"_s, u"100000"_s);
    const QCommandLineOption client(
        u"client"_s, u"The client id both receivers subscribe to (default acme)."_s, u"ID"_s, u"acme"_s);
    const QCommandLineOption search(
        u"search"_s, u"Filter the proxy by this free text instead of by the set of known severities."_s,
        u"TEXT"_s);
    const QCommandLineOption only(
        u"only"_s,
        u"Run one phase: raw or full; client or model run (b) without the proxy, or the model too (for profiling)."_s,
        u"PHASE"_s);
    const QCommandLineOption exitAfterFill(
        u"exit-after-fill"_s,
        u"Profiling aid: _Exit once the model is full, so heaptrack's \"leaked\" is what the run retained."_s);
    const QCommandLineOption breakdown(
        u"breakdown"_s,
        u"Afterwards, also time NocClient alone and NocClient + AlertModel, to split the full path's cost."_s);
    parser.addOptions({ alerts, client, search, only, exitAfterFill, breakdown });
    parser.process(app);
    Options options;
    bool ok = false;
    options.alerts = parser.value(alerts).toInt(&ok);
    if (!ok || options.alerts < 2) {
        out() << "bench_throughput: --alerts needs a number >= 2\n";
        return std::nullopt;
    }
    options.clientId = parser.value(client);
    options.search = parser.value(search);
    options.exitAfterFill = parser.isSet(exitAfterFill);
    options.breakdown = parser.isSet(breakdown);
    if (parser.isSet(only)) {
        const QString phase = parser.value(only);
        if (phase == QLatin1String("client"))
            options.stage = Stage::ClientOnly;
        else if (phase == QLatin1String("model"))
            options.stage = Stage::ClientAndModel;
        else if (phase != QLatin1String("raw") && phase != QLatin1String("full")) {
            out() << "bench_throughput: --only takes raw, full, client or model\n";
            return std::nullopt;
        }
        options.raw = phase == QLatin1String("raw");
        options.full = !options.raw;
    }
    return options;
}

void printConditions(const Options &options)
{
    out() << "bench_throughput: " << options.alerts
          << " alert_new frames per phase over loopback (ws://127.0.0.1,"
          << " ephemeral port), client \"" << options.clientId << "\"\n";
    out() << "conditions: build "
          << (QStringLiteral(NOCDASH_BENCH_BUILD_TYPE).isEmpty() ? u"(no CMAKE_BUILD_TYPE)"_s
                                                                 : QStringLiteral(NOCDASH_BENCH_BUILD_TYPE))
#ifdef QT_NO_DEBUG
          << " (QT_NO_DEBUG)"
#endif
          << ", Qt " << qVersion() << ", " << QThread::idealThreadCount() << " CPUs, load average "
          << loadAverage() << " (1/5/15 min) at start\n";
    out().flush();
}

void printTiming(const char *label, const Timing &t, int expected)
{
    out() << label << t.received << " alerts in " << ms(t.lastNs - t.firstNs)
          << " ms first to last = " << rate(t.drainRate()) << " alerts/s; from blast start "
          << ms(t.lastNs - t.startNs) << " ms = " << rate(t.endToEndRate()) << " alerts/s\n";
    out() << "    receiving thread CPU: " << QString::number(t.cpuUsPerAlert(), 'f', 2) << " us/alert, busy "
          << qRound(100 * t.busyShare()) << " % of the drain\n";
    out() << "    simulator publish loop: " << expected << " x publishAlert in " << ms(t.simLoopNs)
          << " ms = " << rate(perSecond(expected, t.simLoopNs))
          << " alerts/s (sim thread, before the first byte is sent)\n";
    out().flush();
}

// Phase (a). Returns false when the receiver never got everything.
bool runRaw(noc::sim::EmbeddedSimulator &embedded, const Options &options, Timing &timing,
            PhaseMemory &memory)
{
    noc::sim::Simulator *sim = embedded.simulator();
    QString token;
    QMetaObject::invokeMethod(
        sim, [sim] { return sim->issueAccessToken(u"operator"_s); }, Qt::BlockingQueuedConnection, &token);
    QUrl url = embedded.httpUrl();
    url.setScheme(u"ws"_s);
    url.setPath(noc::sim::kDashboardPath);
    QUrlQuery query;
    query.addQueryItem(u"token"_s, token);
    url.setQuery(query);
    const QString origin = u"http://127.0.0.1:%1"_s.arg(embedded.port());

    QElapsedTimer clock;
    clock.start();
    RawDrain drain(origin, clock, timing, options.alerts);
    drain.open(url, options.clientId);
    if (!spinUntil([&] { return drain.subscribed() || drain.disconnected(); }, kSetupTimeoutMs)
        || !drain.subscribed()) {
        out() << "(a) raw drain: never subscribed\n";
        return false;
    }
    memory.before();
    std::atomic<qint64> loopNs { -1 };
    timing.startNs = clock.nsecsElapsed();
    blast(sim, options.clientId, options.alerts, &loopNs);
    const bool done = spinUntil([&] { return timing.lastNs >= 0 && loopNs.load() >= 0; }, kDrainTimeoutMs);
    timing.simLoopNs = loopNs.load();
    memory.after();
    if (drain.otherEvents() > 0)
        out() << "(a) note: " << drain.otherEvents() << " frames other than alerts arrived\n";
    drain.close();
    spinUntil([&] { return drain.disconnected(); }, kSetupTimeoutMs);
    if (!done)
        out() << "(a) raw drain: only " << timing.received << " of " << options.alerts << " alerts arrived\n";
    return done;
}

struct FullResult
{
    qint64 modelRows = 0;
    qint64 proxyRows = 0;
    qint64 clearedKiB = -1; // RSS once the model and the proxy are gone again
    qint64 heapClearedKiB = -1;
    QString filter;
};

// Phase (b).
bool runFull(noc::sim::EmbeddedSimulator &embedded, const Options &options, Stage stage, Timing &timing,
             PhaseMemory &memory, FullResult &result)
{
    noc::NocClient client(nullptr, nullptr);
    client.setCredentialStore(nullptr); // no keychain: nothing to persist for a benchmark
    noc::ClientSettings settings;
    settings.servers = { embedded.httpUrl() };
    settings.subscriptions = { options.clientId };
    client.applySettings(settings);
    client.setCredentials(u"operator"_s, u"operator"_s);

    // On the heap: the cross-check destroys them (AlertModel::clear() keeps its list's capacity).
    std::unique_ptr<AlertModel> model;
    std::unique_ptr<AlertFilterModel> proxy;
    if (stage != Stage::ClientOnly) {
        model = std::make_unique<AlertModel>();
        model->setMaxAlerts(options.alerts); // retain every alert of the run
        model->setClient(&client);
    }
    if (stage == Stage::Full) {
        proxy = std::make_unique<AlertFilterModel>();
        proxy->setAlerts(model.get()); // sorted by severity, then newest first
    }
    if (!proxy) {
        result.filter = u"no proxy"_s;
    } else if (options.search.isEmpty()) {
        proxy->setSeverities({ int(noc::Severity::Info), int(noc::Severity::Low), int(noc::Severity::Medium),
                               int(noc::Severity::High), int(noc::Severity::Critical) });
        result.filter = u"severities INFO..CRITICAL (hides only UNKNOWN)"_s;
    } else {
        proxy->setSearchText(options.search);
        result.filter = u"search \"%1\""_s.arg(options.search);
    }

    bool subscribed = false;
    QObject::connect(&client, &noc::NocClient::subscriptionConfirmed, &client,
                     [&](const QString &id) { subscribed = subscribed || id == options.clientId; });
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&client, &noc::NocClient::alertsReceived, &client, [&](const noc::AlertBatch &batch) {
        if (timing.firstNs < 0)
            timing.markFirst(clock);
        if (model)
            return;
        timing.received += batch.size();
        if (timing.lastNs < 0 && timing.received >= options.alerts)
            timing.markLast(clock);
    });
    if (model) {
        QObject::connect(model.get(), &AlertModel::countChanged, model.get(), [&] {
            timing.received = model->totalReceived();
            if (timing.lastNs < 0 && timing.received >= options.alerts)
                timing.markLast(clock);
        });
    }
    client.start();
    if (!spinUntil([&] { return subscribed; }, kSetupTimeoutMs)) {
        out() << "(b) full path: never subscribed (state " << int(client.state()) << ": "
              << client.statusMessage() << ")\n";
        return false;
    }
    memory.before();
    std::atomic<qint64> loopNs { -1 };
    timing.startNs = clock.nsecsElapsed();
    blast(embedded.simulator(), options.clientId, options.alerts, &loopNs);
    const bool done = spinUntil([&] { return timing.lastNs >= 0 && loopNs.load() >= 0; }, kDrainTimeoutMs);
    timing.simLoopNs = loopNs.load();
    settle(300); // the proxy's deferred recount and any last coalescing tick
    memory.after();
    result.modelRows = model ? model->count() : 0;
    result.proxyRows = proxy ? proxy->count() : 0;
    if (options.exitAfterFill && stage == Stage::Full) {
        out() << "(b) exiting with everything still allocated (--exit-after-fill)\n";
        out().flush();
        std::_Exit(0);
    }
    proxy.reset();
    model.reset();
    result.clearedKiB = settledRssKiB();
    result.heapClearedKiB = heapInUseKiB();
    client.stop();
    settle(100);
    if (!done)
        out() << "(b) full path: only " << timing.received << " of " << options.alerts
              << " alerts reached the model\n";
    return done;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The engine's and the simulator's info lines would land in the middle of the figures.
    QLoggingCategory::setFilterRules(u"nocdash.*.info=false\nnocdash.*.debug=false"_s);
    const std::optional<Options> options = parseArguments(app);
    if (!options)
        return 2;
    printConditions(*options);

    noc::sim::SimulatorOptions simOptions; // default users and clients, no automatic traffic
    noc::sim::EmbeddedSimulator embedded(simOptions);
    if (!embedded.start()) {
        out() << "the simulator could not listen\n";
        return 1;
    }

    Timing raw;
    PhaseMemory rawMemory;
    if (options->raw) {
        if (!runRaw(embedded, *options, raw, rawMemory))
            return 1;
        printTiming("(a) raw drain  QWebSocket + FrameDecoder::decode:  ", raw, options->alerts);
    }

    Timing full;
    PhaseMemory fullMemory;
    FullResult fullResult;
    if (options->full) {
        if (!runFull(embedded, *options, options->stage, full, fullMemory, fullResult))
            return 1;
        out() << "(b) full path  NocClient -> AlertModel -> AlertFilterModel (sorted; filter: "
              << fullResult.filter << ")\n";
        printTiming("               ", full, options->alerts);
    }

    if (options->raw && options->full) {
        const double ratio = full.drainRate() / raw.drainRate();
        out() << "ratio (b)/(a): " << QString::number(ratio, 'f', 2)
              << " (target >= 0.5: " << (ratio >= 0.5 ? "met" : "MISSED") << "); end to end from blast start "
              << QString::number(full.endToEndRate() / raw.endToEndRate(), 'f', 2)
              << "; by receiving-thread CPU "
              << QString::number(raw.cpuUsPerAlert() / full.cpuUsPerAlert(), 'f', 2) << '\n';
    }

    if (options->full && fullResult.modelRows > 0) {
        const qint64 rows = fullResult.modelRows;
        const auto perThousand = [rows](qint64 kib) {
            return QString::number(double(kib) * 1000.0 / double(rows), 'f', 0).rightJustified(7);
        };
        const auto line = [&](const char *label, qint64 rssKib, qint64 heapKib) {
            out() << "    " << QString::fromLatin1(label).leftJustified(44) << perThousand(rssKib) << " KiB"
                  << perThousand(heapKib) << " KiB\n";
        };
        out() << "memory: " << rows << " rows retained in AlertModel (maxAlerts " << options->alerts << "), "
              << fullResult.proxyRows << " shown by the proxy; VmRSS " << mib(fullMemory.beforeKiB) << " -> "
              << mib(fullMemory.afterKiB) << " MiB, heap in use " << mib(fullMemory.heapBeforeKiB) << " -> "
              << mib(fullMemory.heapAfterKiB) << " MiB\n";
        out() << "    per 1k retained alerts                         VmRSS  heap in use\n";
        line("gross (with the in-process simulator's store)", fullMemory.deltaKiB(),
             fullMemory.heapDeltaKiB());
        if (options->raw) {
            line("simulator's share (phase (a) keeps nothing)", rawMemory.deltaKiB(),
                 rawMemory.heapDeltaKiB());
            const qint64 net = fullMemory.deltaKiB() - rawMemory.deltaKiB();
            line("net: client, AlertModel and proxy", net,
                 fullMemory.heapDeltaKiB() - rawMemory.heapDeltaKiB());
            out() << "    target <= 1000 KiB per 1k (1 KB per alert), VmRSS net: "
                  << (double(net) * 1000.0 / double(rows) <= 1000.0 ? "met" : "MISSED") << '\n';
        }
        line("freed again by deleting the model and proxy", fullMemory.afterKiB - fullResult.clearedKiB,
             fullMemory.heapAfterKiB - fullResult.heapClearedKiB);
    }
    if (options->breakdown) {
        // After the figures above, so its extra alerts and allocations do not touch them.
        Timing clientOnly;
        Timing withModel;
        PhaseMemory unused;
        FullResult ignored;
        if (!runFull(embedded, *options, Stage::ClientOnly, clientOnly, unused, ignored)
            || !runFull(embedded, *options, Stage::ClientAndModel, withModel, unused, ignored))
            return 1;
        const auto usPerAlert = [](double perSecond) { return perSecond > 0 ? 1e6 / perSecond : 0.0; };
        const auto row = [&](const char *label, double perSecond, double previousPerSecond) {
            out() << "    " << QString::fromLatin1(label).leftJustified(40)
                  << rate(perSecond).rightJustified(8) << " alerts/s "
                  << QString::number(usPerAlert(perSecond), 'f', 2).rightJustified(6) << " us/alert";
            if (previousPerSecond > 0)
                out() << "  (+"
                      << QString::number(usPerAlert(perSecond) - usPerAlert(previousPerSecond), 'f', 2)
                      << " us)";
            out() << '\n';
        };
        out() << "breakdown (first to last alert, separate blasts):\n";
        row("raw drain (a)", raw.drainRate(), 0);
        row("NocClient alone", clientOnly.drainRate(), raw.drainRate());
        row("NocClient + AlertModel", withModel.drainRate(), clientOnly.drainRate());
        row("NocClient + AlertModel + proxy (b)", full.drainRate(), withModel.drainRate());
    }
    out() << "load average at end: " << loadAverage() << '\n';
    out().flush();
    return 0;
}
