// SPDX-License-Identifier: MIT
// The shipped nocdash as the wall unit (packaging/linux/nocdash-wall.service) runs it: systemd's notify
// socket is a datagram socket bound here, the desktop's org.freedesktop.ScreenSaver a fake on the test's
// session bus.
#include "FakeScreenSaver.h"

#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using noc::test::FakeScreenSaverService;

namespace {
// What systemd listens on: each datagram one or more "KEY=value" lines.
class NotifySocket : public QObject
{
    Q_OBJECT
public:
    explicit NotifySocket(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray name = path.toLocal8Bit();
        if (m_fd < 0 || name.size() >= qsizetype(sizeof(address.sun_path)))
            return;
        std::copy(name.cbegin(), name.cend(), address.sun_path);
        if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0)
            return;
        m_bound = true;
        auto *notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(notifier, &QSocketNotifier::activated, this, &NotifySocket::drain);
    }
    ~NotifySocket() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    [[nodiscard]] bool isBound() const { return m_bound; }
    [[nodiscard]] const QList<QByteArray> &lines() const { return m_lines; }
    [[nodiscard]] qsizetype count(const QByteArray &line) const { return m_lines.count(line); }

    void drain()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t size = ::recv(m_fd, buffer, sizeof(buffer), MSG_DONTWAIT);
            if (size <= 0)
                return;
            for (const QByteArray &line : QByteArray(buffer, size).split('\n')) {
                if (line.isEmpty())
                    continue;
                m_lines.append(line);
                if (line == "WATCHDOG=1")
                    Q_EMIT pinged();
            }
        }
    }

Q_SIGNALS:
    void pinged();

private:
    int m_fd = -1;
    bool m_bound = false;
    QList<QByteArray> m_lines;
};

void startDashboard(QProcess &process, const QString &notifySocket, const QStringList &arguments,
                    const QHash<QString, QString> &extra = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"NOTIFY_SOCKET"_s, notifySocket);
    env.remove(u"WATCHDOG_USEC"_s);
    env.remove(u"WATCHDOG_PID"_s);
    env.remove(u"NOCDASH_PASSWORD"_s);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(NOCDASH_EXE), arguments);
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished();
}
} // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString busProblem = noc::test::privateBusProblem();
        QVERIFY2(busProblem.isEmpty(), qPrintable(busProblem));
    }

    // WatchdogSec=1s: a ping every 0.5 s while the GUI thread turns; then the debug hook hangs that
    // thread and the pings stop, though the process (and its render thread) still runs.
    void pingsStopWhenTheGuiThreadHangs()
    {
#ifndef NOCDASH_HAVE_LIBSYSTEMD
        QSKIP("nocdash was built without libsystemd (libsystemd-dev; tools/install-deps.sh installs it): "
              "no sd_notify, so no watchdog to test");
#endif
        QTemporaryDir dir;
        NotifySocket socket(dir.filePath(u"notify"_s));
        QVERIFY(socket.isBound());
        QProcess nocdash;
        startDashboard(
            nocdash, dir.filePath(u"notify"_s), { u"--demo"_s },
            { { u"WATCHDOG_USEC"_s, u"1000000"_s }, { u"NOCDASH_DEBUG_FREEZE_AFTER_MS"_s, u"3000"_s } });
        QVERIFY(nocdash.waitForStarted(10000));
        const auto cleanup = qScopeGuard([&] { stop(nocdash); });

        QTRY_VERIFY_WITH_TIMEOUT(socket.count("READY=1") == 1, 60000);
        const qsizetype ready = socket.lines().indexOf("READY=1");
        const QByteArray frozen = "STATUS=frozen by NOCDASH_DEBUG_FREEZE_AFTER_MS";
        QTRY_VERIFY_WITH_TIMEOUT(socket.lines().contains(frozen), 30000);
        const qsizetype freeze = socket.lines().indexOf(frozen);
        // 3 s after the first frame at one ping per 0.5 s: about 6; a busy machine may delay a few.
        const qsizetype pingsWhileTurning = socket.lines().mid(ready, freeze - ready).count("WATCHDOG=1");
        QVERIFY2(pingsWhileTurning >= 3, qPrintable(QString::number(pingsWhileTurning)));

        // The absence of pings is the point: six intervals pass with none (systemd would have restarted
        // the wall after two).
        QSignalSpy pinged(&socket, &NotifySocket::pinged);
        QVERIFY(!pinged.wait(3000));
        QCOMPARE(socket.lines().mid(freeze).count("WATCHDOG=1"), 0);
        QCOMPARE(nocdash.state(), QProcess::Running);
    }

    // `nocdash --kiosk` holds the display through the desktop's service, and SIGTERM (systemctl stop, the
    // end of the session) ends it through its event loop: the display is given back and systemd hears
    // STOPPING=1. No WATCHDOG_USEC: no pings.
    void wallHoldsTheDisplayUntilItIsStopped()
    {
        FakeScreenSaverService screenSaver;
        QVERIFY(screenSaver.isRegistered());
        QTemporaryDir dir;
        NotifySocket socket(dir.filePath(u"notify"_s));
        QVERIFY(socket.isBound());
        QProcess nocdash;
        startDashboard(nocdash, dir.filePath(u"notify"_s), { u"--demo"_s, u"--kiosk"_s });
        QVERIFY(nocdash.waitForStarted(10000));
        const auto cleanup = qScopeGuard([&] { stop(nocdash); });

        QTRY_COMPARE_WITH_TIMEOUT(screenSaver.fake().callsOf(u"Inhibit"_s).size(), 1, 60000);
        const noc::test::ScreenSaverCall inhibit = screenSaver.fake().callsOf(u"Inhibit"_s).at(0);
        QCOMPARE(inhibit.application, u"nocdash"_s);
#ifdef NOCDASH_HAVE_LIBSYSTEMD
        QTRY_VERIFY_WITH_TIMEOUT(socket.count("READY=1") == 1, 60000);
#endif
        nocdash.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(nocdash.state() == QProcess::NotRunning, 30000);
        QCOMPARE(nocdash.exitStatus(), QProcess::NormalExit);
        QCOMPARE(nocdash.exitCode(), 0);
        const QList<noc::test::ScreenSaverCall> released = screenSaver.fake().callsOf(u"UnInhibit"_s);
        QCOMPARE(released.size(), 1);
        QCOMPARE(released.at(0).cookie, inhibit.cookie);
        socket.drain();
#ifdef NOCDASH_HAVE_LIBSYSTEMD
        QCOMPARE(socket.count("STOPPING=1"), 1);
#endif
        QCOMPARE(socket.count("WATCHDOG=1"), 0);
    }
};

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
