// SPDX-License-Identifier: MIT
// The engine's parts on their own, on an injected clock: the pacer's budget, the outbox's durability,
// the health score, resume detection.
#include "AckOutbox.h"
#include "ChannelHealth.h"
#include "CommandPacer.h"
#include "FakeClock.h"
#include "NetworkWatcher.h"
#include "StateFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
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

    void outboxSurvivesARestartAndStrikesPoison()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.json"_s);
        const QDateTime now(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
        {
            noc::AckOutbox outbox(path);
            QVERIFY(outbox.load());
            QVERIFY(outbox.add(u"1"_s, now));
            QVERIFY(outbox.add(u"2"_s, now));
            QVERIFY(!outbox.add(u"1"_s, now)); // queued once
            QCOMPARE(outbox.takeSendable(1), QStringList { u"1"_s });
            QCOMPARE(outbox.strikeInFlight(3), QStringList());
        }
        noc::AckOutbox reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.ids(), (QStringList { u"1"_s, u"2"_s }));
        QCOMPARE(reloaded.inFlightCount(), 0); // in flight is about a socket, not the disk
        for (int strike = 2; strike <= 3; ++strike) {
            QCOMPARE(reloaded.takeSendable(1), QStringList { u"1"_s });
            const QStringList poisoned = reloaded.strikeInFlight(3);
            QCOMPARE(poisoned, strike == 3 ? QStringList { u"1"_s } : QStringList());
        }
        QCOMPARE(reloaded.ids(), QStringList { u"2"_s });
        QVERIFY(reloaded.remove(u"2"_s));
    }

    void outboxRemovalsAreWrittenThrough()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.json"_s);
        {
            noc::AckOutbox outbox(path);
            QVERIFY(outbox.load());
            QVERIFY(outbox.add(u"1"_s, {}));
            QVERIFY(outbox.add(u"2"_s, {}));
            QVERIFY(outbox.remove(u"1"_s));
        }
        noc::AckOutbox reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.ids(), QStringList { u"2"_s });
    }

    void aSecondOutboxOnTheSameFileStaysInMemory()
    {
        // nocdash holds the outbox; an nocctl started meanwhile must not rewrite the file under it.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state/outbox.json"_s);
        noc::AckOutbox owner(path);
        QVERIFY(owner.load());
        QVERIFY(owner.isPersistent());
        QVERIFY(owner.sharedNote().isEmpty());
        QVERIFY(owner.add(u"1"_s, {}));

        {
            noc::AckOutbox second(path);
            QVERIFY(second.load());
            QVERIFY(!second.isPersistent());
            QVERIFY2(second.sharedNote().contains(QString::number(QCoreApplication::applicationPid())),
                     qPrintable(second.sharedNote()));
            QCOMPARE(second.size(), 0); // the owner's entries are the owner's to send
            QVERIFY(second.add(u"2"_s, {}));
            QVERIFY(second.contains(u"2"_s));
        }
        QVERIFY(owner.add(u"3"_s, {}));
        QVERIFY(owner.remove(u"1"_s));

        // What is on disk is exactly the owner's.
        const auto document = noc::state::readJson(path);
        QVERIFY(document);
        QCOMPARE(document->object().value(u"acks"_s).toArray().size(), 1);
        QCOMPARE(
            document->object().value(u"acks"_s).toArray().at(0).toObject().value(u"alert_id"_s).toString(),
            u"3"_s);
    }

    void unreadableOutboxIsKeptAsideNotLost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"acks\": [ this is not json");
        file.close();
        noc::AckOutbox outbox(path);
        QVERIFY(!outbox.load());
        QCOMPARE(outbox.size(), 0);
        QVERIFY(QFile::exists(path + u".unreadable"_s));
        QVERIFY(outbox.add(u"9"_s, QDateTime::currentDateTimeUtc()));
        const auto document = noc::state::readJson(path);
        QVERIFY(document);
        QCOMPARE(document->object().value(u"acks"_s).toArray().size(), 1);
    }

    void releasedAcksAreNotStruck()
    {
        noc::AckOutbox outbox;
        outbox.add(u"a"_s, {});
        outbox.add(u"b"_s, {});
        QCOMPARE(outbox.takeSendable(10).size(), 2);
        outbox.release(u"b"_s); // scheduled but never sent
        QCOMPARE(outbox.inFlightIds(), QStringList { u"a"_s });
        for (int i = 0; i < 2; ++i) {
            outbox.takeSendable(10);
            outbox.release(u"b"_s);
            outbox.strikeInFlight(3);
        }
        outbox.takeSendable(10);
        outbox.release(u"b"_s);
        QCOMPARE(outbox.strikeInFlight(3), QStringList { u"a"_s });
        QCOMPARE(outbox.ids(), QStringList { u"b"_s });
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
