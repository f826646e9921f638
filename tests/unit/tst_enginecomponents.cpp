// SPDX-License-Identifier: MIT
// The engine's parts on their own, on an injected clock: the pacer's budget, the health score, resume
// detection. (The outboxes' durability: tst_durablestore.)
#include "ChannelHealth.h"
#include "CommandPacer.h"
#include "FakeClock.h"
#include "NetworkWatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::CommandPacer;

class TestEngineComponents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pacerNeverExceedsItsBudgetInAnyWindow()
    {
        noc::test::FakeClock clock;
        CommandPacer pacer(&clock, 90, 60000);
        QList<qint64> sentAt;
        for (int i = 0; i < 500; ++i)
            pacer.enqueue(CommandPacer::Priority::Command, [&] {
                sentAt.append(clock.monotonicMs());
                return true;
            });
        QCOMPARE(sentAt.size(), 90); // the first window's worth goes at once
        clock.advance(6 * 60000);
        QCOMPARE(sentAt.size(), 500);
        // any 60 s window holds at most 90 sends
        for (qsizetype i = 0; i < sentAt.size(); ++i) {
            const auto inWindow = std::count_if(sentAt.cbegin() + i, sentAt.cend(),
                                                [&](qint64 t) { return t < sentAt.at(i) + 60000; });
            QVERIFY2(inWindow <= 90, qPrintable(u"%1 frames in one window"_s.arg(inWindow)));
        }
    }

    void heartbeatsJumpTheQueue()
    {
        noc::test::FakeClock clock;
        CommandPacer pacer(&clock, 2, 1000);
        QStringList order;
        const auto send = [&](const QString &what) {
            return [&order, what] {
                order.append(what);
                return true;
            };
        };
        pacer.enqueue(CommandPacer::Priority::Command, send(u"ack1"_s));
        pacer.enqueue(CommandPacer::Priority::Command, send(u"ack2"_s));
        pacer.enqueue(CommandPacer::Priority::Command, send(u"ack3"_s));
        pacer.enqueue(CommandPacer::Priority::Subscription, send(u"sub"_s));
        pacer.enqueue(CommandPacer::Priority::Heartbeat, send(u"heartbeat"_s));
        clock.advance(3000);
        QCOMPARE(order, (QStringList { u"ack1"_s, u"ack2"_s, u"heartbeat"_s, u"sub"_s, u"ack3"_s }));
    }

    void pacerHoldsBackAfterARateLimitError()
    {
        noc::test::FakeClock clock;
        CommandPacer pacer(&clock, 10, 1000);
        int sent = 0;
        pacer.backOffForWindow();
        pacer.enqueue(CommandPacer::Priority::Command, [&] { return ++sent > 0; });
        QCOMPARE(sent, 0);
        clock.advance(999);
        QCOMPARE(sent, 0);
        clock.advance(1);
        QCOMPARE(sent, 1);
    }

    void healthScore()
    {
        noc::ChannelHealth h;
        h.state = noc::ChannelHealth::State::Open;
        h.lastInboundAgeMs = 1000;
        h.rttP95Ms = 20;
        noc::scoreHealth(h, 30000, 0);
        QCOMPARE(h.score, 100);
        QVERIFY(!h.stale);
        h.rttP95Ms = 1500;
        noc::scoreHealth(h, 30000, 2);
        QCOMPARE(h.score, 100 - 40 - 10);
        h.lastInboundAgeMs = 66000; // beyond 2 x 30 s + 5 s: dead
        noc::scoreHealth(h, 30000, 0);
        QVERIFY(h.stale);
        QVERIFY(h.score <= 30);
        h.state = noc::ChannelHealth::State::Closed;
        noc::scoreHealth(h, 30000, 0);
        QCOMPARE(h.score, 0);
        QVERIFY(h.stale);
    }

    void percentiles()
    {
        QCOMPARE(noc::percentile({}, 0.5), -1);
        QCOMPARE(noc::percentile({ 7 }, 0.95), 7);
        QList<int> samples;
        for (int i = 1; i <= 100; ++i)
            samples.append(i);
        QCOMPARE(noc::percentile(samples, 0.5), 51);
        QCOMPARE(noc::percentile(samples, 0.95), 95);
    }

    void resumeFromSleepIsNoticed()
    {
        noc::test::FakeClock clock;
        noc::NetworkWatcher watcher(&clock);
        QSignalSpy resumed(&watcher, &noc::NetworkWatcher::resumed);
        clock.advance(noc::NetworkWatcher::kResumeCheckMs);
        QCOMPARE(resumed.count(), 0);
        // Asleep for ten minutes: the wall clock moved on, the monotonic clock did not.
        clock.jumpWallClock(10 * 60 * 1000);
        clock.advance(noc::NetworkWatcher::kResumeCheckMs);
        QCOMPARE(resumed.count(), 1);
        clock.advance(noc::NetworkWatcher::kResumeCheckMs);
        QCOMPARE(resumed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineComponents)
#include "tst_enginecomponents.moc"
