// SPDX-License-Identifier: MIT
// The health ledger on the fake clock: stale spells and their causes, counters per period, the period's
// line written on its own timer, and what carries over from one period to the next.
#include "FakeClock.h"
#include "HealthLedger.h"
#include "ProcessStats.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::HealthFigures;
using noc::HealthLedger;

namespace {

struct LedgerRig
{
    noc::test::FakeClock clock;
    int reconnects = 0;
    int restCalls = 0;
    double cpu = 10.0;
    HealthLedger ledger { &clock,
                          { .reconnects = [this] { return reconnects; },
                            .restCalls = [this] { return restCalls; },
                            .cpuSeconds = [this] { return cpu; },
                            .pssKib = [] { return qint64(150 * 1024); } } };
};

} // namespace

class TestHealthLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countersCountThePeriodAndTheTotal()
    {
        LedgerRig fresh;
        fresh.clock.advance(1000);
        fresh.reconnects = 2;
        fresh.restCalls = 7;
        fresh.ledger.noteTokenRenewal();
        fresh.ledger.noteTokenRenewal();
        HealthFigures f = fresh.ledger.figures();
        QCOMPARE(f.reconnects, 2);
        QCOMPARE(f.restCalls, 7);
        QCOMPARE(f.tokenRenewals, 2);
        QCOMPARE(f.uptimeMs, 1000);
        QCOMPARE(f.pssKib, 150 * 1024);

        fresh.ledger.closePeriod();
        fresh.clock.advance(2000);
        fresh.reconnects = 3;
        fresh.restCalls = 9;
        fresh.ledger.noteTokenRenewal();
        f = fresh.ledger.figures();
        QCOMPARE(f.reconnects, 1);
        QCOMPARE(f.reconnectsTotal, 3);
        QCOMPARE(f.restCalls, 2);
        QCOMPARE(f.tokenRenewals, 1);
        QCOMPARE(f.tokenRenewalsTotal, 3);
        QCOMPARE(f.periodMs, 2000);
        QCOMPARE(f.uptimeMs, 3000);
    }

    void cpuIsTheShareOfOneCoreOverThePeriod()
    {
        LedgerRig rig;
        rig.clock.advance(10'000);
        rig.cpu += 0.5; // half a second of CPU in ten seconds
        QCOMPARE(qRound(rig.ledger.figures().cpuPercent * 100), 500);
    }

    void theLongestSpellKeepsItsCause()
    {
        LedgerRig rig;
        rig.ledger.noteStale(true, u"Backoff: server unreachable"_s);
        rig.clock.advance(4000);
        rig.ledger.noteStale(false, {});
        rig.clock.advance(1000);
        rig.ledger.noteStale(true, u"Connecting"_s);
        rig.clock.advance(2000);
        rig.ledger.noteStale(false, {});
        HealthFigures f = rig.ledger.figures();
        QCOMPARE(f.longestStaleMs, 4000);
        QCOMPARE(f.longestStaleCause, u"Backoff: server unreachable"_s);
        QCOMPARE(f.longestStaleAt, QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));

        // A spell still going counts up to now once it is the longest.
        rig.ledger.noteStale(true, {});
        rig.ledger.noteStatus(u"Backoff: closed 1011"_s);
        rig.clock.advance(6000);
        f = rig.ledger.figures();
        QCOMPARE(f.longestStaleMs, 6000);
        QCOMPARE(f.longestStaleCause, u"Backoff: closed 1011"_s);
    }

    void aSpellAcrossTwoPeriodsCountsWholeInTheSecond()
    {
        LedgerRig rig;
        rig.ledger.noteStale(true, u"Backoff"_s);
        rig.clock.advance(3000);
        QCOMPARE(rig.ledger.closePeriod().longestStaleMs, 3000);
        rig.clock.advance(2000);
        rig.ledger.noteStale(false, {});
        QCOMPARE(rig.ledger.figures().longestStaleMs, 5000);
        // Ended spells belong to their period only.
        rig.ledger.closePeriod();
        QCOMPARE(rig.ledger.figures().longestStaleMs, 0);
    }

    void theLineIsWrittenEveryIntervalOnItsOwn()
    {
        LedgerRig rig;
        QSignalSpy reported(&rig.ledger, &HealthLedger::reported);
        rig.ledger.setReportIntervalMs(3'600'000);
        rig.restCalls = 4;
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(u"^health period=01:00:00 uptime=01:00:00 .*rest_calls=4 "_s));
        rig.clock.advance(3'600'000);
        QCOMPARE(reported.count(), 1);
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(u"^health period=01:00:00 uptime=02:00:00 .*rest_calls=0 "_s));
        rig.clock.advance(3'600'000);
        QCOMPARE(reported.count(), 2);
        rig.ledger.setReportIntervalMs(0);
        rig.clock.advance(10 * 3'600'000);
        QCOMPARE(reported.count(), 2);
    }

    void theProcessReadsItsOwnCost()
    {
        const noc::ProcessStats stats = noc::ProcessStats::read();
        QVERIFY(stats.cpuSeconds >= 0);
#ifdef Q_OS_LINUX
        // A test process maps Qt at least: some MiB, never nothing.
        QVERIFY2(stats.pssKib > 1024, qPrintable(QString::number(stats.pssKib)));
#endif
    }

    void theLineSaysEveryFigure()
    {
        HealthFigures f;
        f.periodMs = 3'600'000;
        f.uptimeMs = (3 * 86400 + 4 * 3600 + 12 * 60) * 1000LL;
        f.pssKib = 145'715;
        f.cpuPercent = 0.4;
        f.reconnects = 2;
        f.reconnectsTotal = 17;
        f.tokenRenewals = 60;
        f.tokenRenewalsTotal = 4000;
        f.restCalls = 12;
        f.longestStaleMs = 14'500;
        f.longestStaleCause = u"Backoff: closed \"1011\""_s;
        f.longestStaleAt = QDateTime(QDate(2026, 12, 1), QTime(3, 12), Qt::UTC);
        QCOMPARE(
            HealthLedger::logLine(f),
            u"health period=01:00:00 uptime=3d04:12:00 pss_mib=142.3 cpu_pct=0.40 reconnects=2 "
            u"reconnects_total=17 token_renewals=60 token_renewals_total=4000 rest_calls=12 "
            u"longest_stale_s=14 stale_at=2026-12-01T03:12:00Z stale_cause=\"Backoff: closed '1011'\""_s);
    }
};

QTEST_GUILESS_MAIN(TestHealthLedger)
#include "tst_healthledger.moc"
