// SPDX-License-Identifier: MIT
// The wall keeps its display on through org.freedesktop.ScreenSaver, here a fake one on the test's
// session bus (tools/test.sh runs the suite inside dbus-run-session), and lets it sleep in its blank
// hours on a fake clock.
#include "BlankHours.h"
#include "DisplayInhibitor.h"
#include "FakeClock.h"
#include "FakeScreenSaver.h"
#include "ScreenKeeper.h"

#include <QDBusConnectionInterface>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using noc::test::FakeScreenSaverService;
using noc::test::ScreenSaverCall;

namespace {
std::unique_ptr<ScreenKeeper> makeKeeper(const noc::Clock &clock)
{
    return std::make_unique<ScreenKeeper>(DisplayInhibitor::forPlatform(u"nocdash"_s, u"Wall screen"_s),
                                          clock);
}

// The wall's log lines, to count what it says.
QStringList g_wallLog;
QtMessageHandler g_previousHandler = nullptr;
void recordWallLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "nocdash.wall") == 0)
        g_wallLog.append(message);
    g_previousHandler(type, context, message);
}

// "HH:mm-HH:mm", `fromMinutes` to `toMinutes` from now in local time.
QString hoursFromNow(const noc::Clock &clock, int fromMinutes, int toMinutes)
{
    const QTime now = clock.nowUtc().toLocalTime().time();
    return now.addSecs(fromMinutes * 60).toString(u"HH:mm"_s) + u'-'
        + now.addSecs(toMinutes * 60).toString(u"HH:mm"_s);
}
} // namespace

class TestScreenKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString busProblem = noc::test::privateBusProblem();
        QVERIFY2(busProblem.isEmpty(), qPrintable(busProblem));
        g_previousHandler = qInstallMessageHandler(recordWallLog);
    }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }
    void init() { g_wallLog.clear(); }

    void blankHoursParse()
    {
        const auto night = BlankHours::parse(u"23:00-06:00"_s);
        QVERIFY(night);
        QCOMPARE(night->start, QTime(23, 0));
        QCOMPARE(night->end, QTime(6, 0));
        QCOMPARE(BlankHours::parse(u" 1:30 - 2:45 "_s)->toString(), u"01:30-02:45"_s);
        for (const QString &bad : { u""_s, u"23:00"_s, u"23:00-24:00"_s, u"7-8"_s, u"10:00-10:00"_s,
                                    u"10:60-11:00"_s, u"23:00-06:00 daily"_s })
            QVERIFY2(!BlankHours::parse(bad), qPrintable(bad));
    }

    void blankHoursAcrossMidnight()
    {
        const BlankHours night { QTime(23, 0), QTime(6, 0) };
        QVERIFY(night.contains(QTime(23, 0)));
        QVERIFY(night.contains(QTime(2, 0)));
        QVERIFY(!night.contains(QTime(6, 0)));
        QVERIFY(!night.contains(QTime(12, 0)));
        const BlankHours day { QTime(9, 0), QTime(17, 0) };
        QVERIFY(day.contains(QTime(9, 0)));
        QVERIFY(!day.contains(QTime(17, 0)));
        QVERIFY(!day.contains(QTime(23, 0)));

        const QDate date(2026, 11, 21);
        QCOMPARE(night.nextChangeAfter(QDateTime(date, QTime(12, 0), Qt::UTC)),
                 QDateTime(date, QTime(23, 0), Qt::UTC));
        QCOMPARE(night.nextChangeAfter(QDateTime(date, QTime(23, 0), Qt::UTC)),
                 QDateTime(date.addDays(1), QTime(6, 0), Qt::UTC));
        QCOMPARE(night.nextChangeAfter(QDateTime(date, QTime(3, 0), Qt::UTC)),
                 QDateTime(date, QTime(6, 0), Qt::UTC));
    }

    void wallModeHoldsTheDisplayAndLeavingItReleases()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        const noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setWallMode(true);
        QVERIFY(keeper->isHolding());
        QTRY_COMPARE(service.fake().calls().size(), 1);
        const ScreenSaverCall inhibit = service.fake().calls().at(0);
        QCOMPARE(inhibit.method, u"Inhibit"_s);
        QCOMPARE(inhibit.application, u"nocdash"_s);
        QCOMPARE(inhibit.reason, u"Wall screen"_s);

        keeper->setWallMode(false);
        QVERIFY(!keeper->isHolding());
        QTRY_COMPARE(service.fake().calls().size(), 2);
        QCOMPARE(service.fake().calls().at(1).method, u"UnInhibit"_s);
        QCOMPARE(service.fake().calls().at(1).cookie, inhibit.cookie);

        // Again, then the process ends: the cookie goes back before the destructor returns (no event
        // loop runs after it at exit, so no QTRY here).
        keeper->setWallMode(true);
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 2);
        const uint second = service.fake().callsOf(u"Inhibit"_s).at(1).cookie;
        QVERIFY(second != inhibit.cookie);
        keeper.reset();
        const QList<ScreenSaverCall> released = service.fake().callsOf(u"UnInhibit"_s);
        QCOMPARE(released.size(), 2);
        QCOMPARE(released.at(1).cookie, second);
    }

    void exitWhileTheInhibitIsOnItsWayStillReleases()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        const noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setWallMode(true);
        keeper.reset(); // no event loop has run: the Inhibit's answer is not in yet
        const QList<ScreenSaverCall> calls = service.fake().calls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).method, u"Inhibit"_s);
        QCOMPARE(calls.at(1).method, u"UnInhibit"_s);
        QCOMPARE(calls.at(1).cookie, calls.at(0).cookie);
    }

    void leavingWhileTheInhibitIsOnItsWayReleasesItsCookie()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        const noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setWallMode(true);
        keeper->setWallMode(false);
        QTRY_COMPARE(service.fake().calls().size(), 2);
        QCOMPARE(service.fake().calls().at(1).method, u"UnInhibit"_s);
        QCOMPARE(service.fake().calls().at(1).cookie, service.fake().calls().at(0).cookie);
    }

    void keepScreenOnOffNeverHolds()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        const noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setKeepScreenOn(false);
        keeper->setWallMode(true);
        QVERIFY(!keeper->isHolding());
        QVERIFY(service.barrier());
        QVERIFY(service.fake().calls().isEmpty());

        // Switched on while the wall shows, then off again.
        keeper->setKeepScreenOn(true);
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 1);
        keeper->setKeepScreenOn(false);
        QTRY_COMPARE(service.fake().callsOf(u"UnInhibit"_s).size(), 1);
        keeper.reset();
        QCOMPARE(service.fake().calls().size(), 2); // nothing more to give back at exit
    }

    void blankHoursLetTheDisplaySleepAndEndOnTime()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setBlankHours(hoursFromNow(clock, 60, 120));
        keeper->setWallMode(true);
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 1);
        const uint first = service.fake().calls().at(0).cookie;
        // One timer for the next boundary, not a poll.
        QCOMPARE(clock.activeTimers(), 1);

        clock.advance(60 * 60 * 1000 - 1);
        QVERIFY(keeper->isHolding());
        clock.advance(1);
        QVERIFY(keeper->isInBlankHours());
        QVERIFY(!keeper->isHolding());
        QTRY_COMPARE(service.fake().callsOf(u"UnInhibit"_s).size(), 1);
        QCOMPARE(service.fake().callsOf(u"UnInhibit"_s).at(0).cookie, first);
        QVERIFY(g_wallLog.join(u'\n').contains(u"began: the display may sleep"_s));

        clock.advance(60 * 60 * 1000);
        QVERIFY(!keeper->isInBlankHours());
        QVERIFY(keeper->isHolding());
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 2);
        QVERIFY(g_wallLog.join(u'\n').contains(u"ended: keeping the display on"_s));

        // Next night too, a day later.
        clock.advance(23 * 60 * 60 * 1000);
        QTRY_COMPARE(service.fake().callsOf(u"UnInhibit"_s).size(), 2);
        QCOMPARE(clock.activeTimers(), 1);
    }

    void wallStartedInBlankHoursDoesNotHold()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setBlankHours(hoursFromNow(clock, -30, 30));
        keeper->setWallMode(true);
        QVERIFY(service.barrier());
        QVERIFY(service.fake().calls().isEmpty());
        clock.advance(30 * 60 * 1000);
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 1);
        // Cleared: never blank again, and no timer left waiting.
        keeper->setBlankHours(QString());
        QCOMPARE(clock.activeTimers(), 0);
    }

    void malformedBlankHoursKeepTheDisplayOnAndSaySo()
    {
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setBlankHours(u"night"_s);
        keeper->setWallMode(true);
        QVERIFY(keeper->isHolding());
        QVERIFY(g_wallLog.join(u'\n').contains(u"ignoring [wall] blankHours"_s));
        QCOMPARE(clock.activeTimers(), 0);
    }

    void noServiceSaysSoOnceAndHoldsWhenItAppears()
    {
        const noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        const auto unavailable = [] { return g_wallLog.filter(u"cannot keep the display on"_s).size(); };
        keeper->setWallMode(true);
        QTRY_COMPARE(unavailable(), 1);
        keeper->setWallMode(false);
        keeper->setWallMode(true);
        // The desktop's service comes up after nocdash (a wall unit starting with the session): held
        // then. The failed call's answer came in before the service's arrival, so by now it has been
        // counted too.
        FakeScreenSaverService service;
        QVERIFY(service.isRegistered());
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 1);
        QCOMPARE(unavailable(), 1);
        keeper.reset();
        QCOMPARE(service.fake().callsOf(u"UnInhibit"_s).size(), 1);
    }

    void theOlderObjectPathIsTried()
    {
        FakeScreenSaverService service(u"/ScreenSaver"_s);
        QVERIFY(service.isRegistered());
        const noc::test::FakeClock clock;
        auto keeper = makeKeeper(clock);
        keeper->setWallMode(true);
        QTRY_COMPARE(service.fake().callsOf(u"Inhibit"_s).size(), 1);
        keeper->setWallMode(false);
        QTRY_COMPARE(service.fake().callsOf(u"UnInhibit"_s).size(), 1);
        QCOMPARE(service.fake().callsOf(u"UnInhibit"_s).at(0).cookie,
                 service.fake().callsOf(u"Inhibit"_s).at(0).cookie);
    }
};

QTEST_GUILESS_MAIN(TestScreenKeeper)
#include "tst_screenkeeper.moc"
