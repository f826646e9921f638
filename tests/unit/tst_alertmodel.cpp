// SPDX-License-Identifier: MIT
#include "AlertModel.h"
#include "FakeClock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace noc;

namespace {
Alert makeAlert(int id, Severity severity = Severity::Low, AlertKind kind = AlertKind::Alert)
{
    Alert alert;
    alert.kind = kind;
    alert.id = QString::number(id);
    alert.severity = severity;
    alert.type = u"LINK_DOWN"_s;
    alert.message = u"alert %1"_s.arg(id);
    alert.receivedAt = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC).addSecs(id);
    return alert;
}

// A record read from the server: its repeat count and last occurrence.
Alert record(int id, int repeats, const QDateTime &lastSeen)
{
    Alert alert = makeAlert(id);
    alert.backfilled = true;
    alert.status = AlertStatus::New;
    alert.suppressedCount = repeats;
    alert.lastSeen = lastSeen;
    return alert;
}

QString keyOf(int id)
{
    return AlertIdentity { AlertKind::Alert, QString::number(id) }.toString();
}

AlertBatch batchOf(int first, int count, Severity severity = Severity::Low)
{
    AlertBatch batch;
    for (int i = 0; i < count; ++i)
        batch.append(makeAlert(first + i, severity));
    return batch;
}
} // namespace

class TestAlertModel : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        AlertModel model;
        QAbstractItemModelTester tester { &model, QAbstractItemModelTester::FailureReportingMode::QtTest };
        Fixture() { model.setCoalesceIntervalMs(0); }
        void add(const AlertBatch &batch)
        {
            model.addAlerts(batch);
            model.flush();
        }
        QString idAt(int row) const
        {
            return model.data(model.index(row), AlertModel::AlertIdRole).toString();
        }
    };

private Q_SLOTS:
    void oneInsertPerBatchNewestFirst()
    {
        Fixture f;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.addAlerts(batchOf(1, 50));
        f.model.addAlerts(batchOf(51, 50));
        QCOMPARE(f.model.rowCount(), 0); // nothing until the coalescing tick
        QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 100, 2000);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(f.idAt(0), u"100"_s);
        QCOMPARE(f.idAt(99), u"1"_s);
        QCOMPARE(f.model.totalReceived(), 100);
    }

    void aStreamChangesTheModelOncePerBeat()
    {
        test::FakeClock clock;
        AlertModel model;
        model.setClock(&clock);
        model.setCoalesceIntervalMs(100); // ten updates a second, the desktop's default
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy counts(&model, &AlertModel::countsChanged);
        QSignalSpy rate(&model, &AlertModel::rateChanged);

        // After a quiet spell the first alert shows at once (on the next turn of the event loop).
        model.addAlerts(batchOf(1, 2));
        QCOMPARE(model.rowCount(), 0);
        clock.advance(0);
        QCOMPARE(model.rowCount(), 2);

        // 50 alerts a second for a second: ten changes, and the counters and the rate follow the same
        // beat instead of changing with every alert.
        inserted.clear();
        counts.clear();
        rate.clear();
        for (int i = 0; i < 50; ++i) {
            model.addAlerts(batchOf(10 + i, 1));
            clock.advance(20);
        }
        QCOMPARE(inserted.count(), 10);
        QCOMPARE(model.rowCount(), 52);
        QCOMPARE(counts.count(), 10);
        QCOMPARE(rate.count(), 10);

        // Nothing arriving, nothing changing.
        inserted.clear();
        clock.advance(3000);
        QCOMPARE(inserted.count(), 0);
    }

    void anUrgentAlertDoesNotWaitForTheBeat()
    {
        test::FakeClock clock;
        AlertModel model;
        model.setClock(&clock);
        model.setCoalesceIntervalMs(333); // a wall: three updates a second
        model.addAlerts(batchOf(1, 1));
        clock.advance(0);
        QCOMPARE(model.rowCount(), 1);

        clock.advance(100);
        model.addAlerts(batchOf(2, 1)); // LOW: waits for the beat (t = 333)
        clock.advance(100);
        QCOMPARE(model.rowCount(), 1);
        model.addAlerts(batchOf(3, 1, Severity::Critical)); // shown at once, with what waited
        clock.advance(0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0), AlertModel::SeverityRole).toInt(), int(Severity::Critical));

        // A run of CRITICAL alerts still changes the view at most every 50 ms, not with every alert.
        model.addAlerts(batchOf(4, 1, Severity::Critical));
        clock.advance(49);
        QCOMPARE(model.rowCount(), 3);
        clock.advance(1);
        QCOMPARE(model.rowCount(), 4);
    }

    void stormsAreInsertedTenTimesASecond()
    {
        test::FakeClock clock;
        AlertModel model;
        model.setClock(&clock);
        model.setCoalesceIntervalMs(16); // a 60 Hz beat asked for
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // A storm (over 500 in the current second): a steady feed every 10 ms is inserted once per
        // 100 ms, not once per beat.
        model.addAlerts(batchOf(100, 600));
        clock.advance(0);
        QCOMPARE(model.rowCount(), 600);
        inserted.clear();
        int next = 1000;
        for (int tick = 0; tick < 10; ++tick) {
            model.addAlerts(batchOf(next, 10, tick == 5 ? Severity::Critical : Severity::Low));
            next += 10;
            clock.advance(10);
        }
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 600 + 100);

        // When the feed pauses, what came is shown after one beat, not the storm's 100 ms.
        inserted.clear();
        model.addAlerts(batchOf(next, 10));
        clock.advance(15);
        QCOMPARE(model.rowCount(), 700);
        clock.advance(1);
        QCOMPARE(model.rowCount(), 710);
        QCOMPARE(inserted.count(), 1);
    }

    void localAcknowledgementIsStampedByTheModelsClock()
    {
        // Findings cannot be acknowledged on the wire: the model records when this desk saw them.
        test::FakeClock clock;
        AlertModel model;
        model.setClock(&clock);
        model.setCoalesceIntervalMs(0);
        model.addAlerts({ makeAlert(3, Severity::High, AlertKind::Finding) });
        model.flush();
        clock.advance(90 * 1000);
        model.acknowledgeKeys({ u"finding:3"_s });
        QCOMPARE(model.get(u"finding:3"_s).value(u"ackAt"_s).toDateTime(), clock.nowUtc());
        QCOMPARE(model.unacknowledgedCount(), 0);
    }

    void duplicatesUpdateInPlace()
    {
        Fixture f;
        f.add(batchOf(1, 3));
        Alert again = makeAlert(2, Severity::High);
        again.message = u"updated"_s;
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.add({ again, makeAlert(2, Severity::High) });
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(changed.count(), 1); // one change per flush and row, however many copies came
        QCOMPARE(f.model.data(f.model.index(1), AlertModel::SeverityRole).toInt(), int(Severity::High));
        // same id, other kind: a different row
        f.add({ makeAlert(2, Severity::Low, AlertKind::Ticket) });
        QCOMPARE(f.model.rowCount(), 4);
    }

    // The server counts repeats of an open alert silently: a re-read of the records (start-up load,
    // back-fill, the periodic re-read) brings them to the rows already shown, one change per run of rows.
    void aReReadRecordUpdatesRepeatsOfItsRowInOneChange()
    {
        Fixture f;
        const QDateTime t0 = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
        AlertBatch loaded;
        for (int id = 1; id <= 5; ++id)
            loaded.append(record(id, 0, t0));
        f.add(loaded);
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(f.model.get(keyOf(3)).value(u"repeats"_s).toInt(), 0);

        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.add({ record(2, 4, t0.addSecs(40)), record(3, 38, t0.addSecs(50)), record(4, 1, t0.addSecs(10)) });
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 1); // rows 2..4 are adjacent
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), f.model.rowOfKey(keyOf(4)));
        QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), f.model.rowOfKey(keyOf(2)));
        QCOMPARE(f.model.get(keyOf(3)).value(u"repeats"_s).toInt(), 38);
        QCOMPARE(f.model.get(keyOf(3)).value(u"lastSeen"_s).toDateTime(), t0.addSecs(50));
        QCOMPARE(f.model.get(keyOf(2)).value(u"repeats"_s).toInt(), 4);

        // A push carries no count and an earlier read an older one: neither takes the count back.
        f.add({ makeAlert(3), record(2, 1, t0.addSecs(5)) });
        QCOMPARE(f.model.get(keyOf(3)).value(u"repeats"_s).toInt(), 38);
        QCOMPARE(f.model.get(keyOf(2)).value(u"repeats"_s).toInt(), 4);
        QCOMPARE(f.model.get(keyOf(2)).value(u"lastSeen"_s).toDateTime(), t0.addSecs(40));
    }

    // A detail read refreshes the row it names, and adds none.
    void aRefreshedRecordUpdatesItsRowAndAddsNone()
    {
        Fixture f;
        const QDateTime t0 = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
        f.add({ record(1, 0, t0), record(2, 2, t0.addSecs(20)), record(3, 0, t0) });
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy revision(&f.model, &AlertModel::revisionChanged);
        f.model.refreshRecords({ record(2, 7, t0.addSecs(70)), record(99, 5, t0.addSecs(70)) });
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.rowOfKey(keyOf(99)), -1);
        QCOMPARE(changed.count(), 1);
        const int row = f.model.rowOfKey(keyOf(2));
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), row);
        QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), row);
        QCOMPARE(f.model.data(f.model.index(row), AlertModel::RepeatsRole).toInt(), 7);
        QCOMPARE(f.model.data(f.model.index(row), AlertModel::LastSeenRole).toDateTime(), t0.addSecs(70));
        QCOMPARE(revision.count(), 1);

        // The same record again changes nothing.
        f.model.refreshRecords({ record(2, 7, t0.addSecs(70)) });
        QCOMPARE(changed.count(), 1);
    }

    void duplicatesInsideOneBatchCollapse()
    {
        Fixture f;
        f.add({ makeAlert(7), makeAlert(7), makeAlert(8) });
        QCOMPARE(f.model.rowCount(), 2);
    }

    void countsFollowAcknowledgement()
    {
        // Acknowledged through the model, as the dashboard does; the engine (a real one, never started,
        // so nothing goes on the wire) queues the acks and reports them pending, the test then reports
        // what the server would answer on the engine's own signals.
        Fixture f;
        NocClient client;
        f.model.setClient(&client);
        f.add(batchOf(1, 3, Severity::Critical));
        f.add(batchOf(10, 2, Severity::Info));
        f.add({ makeAlert(20, Severity::High, AlertKind::Finding) });
        const auto unacknowledged
            = [&f](Severity severity) { return f.model.unacknowledgedBySeverity().at(int(severity)); };
        const auto ackState = [&f](const QString &key) {
            return AlertModel::AckState(f.model.get(key).value(u"ackState"_s).toInt());
        };
        QCOMPARE(unacknowledged(Severity::Critical), 3);
        QCOMPARE(unacknowledged(Severity::High), 1);
        QCOMPARE(unacknowledged(Severity::Info), 2);
        QCOMPARE(f.model.unacknowledgedCount(), 6);
        QCOMPARE(f.model.worstUnacknowledgedSeverity(), int(Severity::Critical));

        // Asked for, not yet confirmed: still counted.
        f.model.acknowledge(f.model.rowOfKey(u"alert:1"_s));
        f.model.acknowledgeKeys({ u"alert:2"_s, u"alert:3"_s, u"alert:10"_s });
        QCOMPARE(client.pendingAcknowledgementIds(), QStringList({ u"1"_s, u"2"_s, u"3"_s, u"10"_s }));
        for (const QString &key : { u"alert:1"_s, u"alert:2"_s, u"alert:3"_s, u"alert:10"_s })
            QCOMPARE(ackState(key), AlertModel::AckState::Acknowledging);
        QCOMPARE(f.model.unacknowledgedCount(), 6);

        QSignalSpy counts(&f.model, &AlertModel::countsChanged);
        // A finding has nothing to acknowledge on the wire: seen here is acknowledged, at once.
        f.model.acknowledgeKeys({ u"finding:20"_s });
        QCOMPARE(unacknowledged(Severity::High), 0);
        QCOMPARE(f.model.unacknowledgedCount(), 5);
        QCOMPARE(counts.count(), 1);

        const QDateTime at(QDate(2026, 11, 21), QTime(12, 5), Qt::UTC);
        Q_EMIT client.acknowledgementConfirmed(u"1"_s, u"kim"_s, at);
        Q_EMIT client.acknowledgementConfirmed(u"10"_s, u"kim"_s, at);
        QCOMPARE(ackState(u"alert:1"_s), AlertModel::AckState::Acknowledged);
        QCOMPARE(unacknowledged(Severity::Critical), 2);
        QCOMPARE(unacknowledged(Severity::Info), 1);
        QCOMPARE(f.model.unacknowledgedCount(), 3);
        QCOMPARE(counts.count(), 3);

        // Refused: it stays to be done.
        Q_EMIT client.acknowledgementFailed(u"2"_s, u"Cannot acknowledge alerts"_s);
        QCOMPARE(ackState(u"alert:2"_s), AlertModel::AckState::Failed);
        QCOMPARE(unacknowledged(Severity::Critical), 2);
        QCOMPARE(f.model.unacknowledgedCount(), 3);

        Q_EMIT client.acknowledgementConfirmed(u"3"_s, u"kim"_s, at);
        QCOMPARE(unacknowledged(Severity::Critical), 1);
        QCOMPARE(f.model.worstUnacknowledgedSeverity(), int(Severity::Critical));

        // The server sending an acknowledged alert again does not count it again.
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(ackState(u"alert:1"_s), AlertModel::AckState::Acknowledged);
        QCOMPARE(unacknowledged(Severity::Critical), 1);

        Q_EMIT client.acknowledgementConfirmed(u"2"_s, u"lee"_s, at);
        QCOMPARE(unacknowledged(Severity::Critical), 0);
        QCOMPARE(f.model.worstUnacknowledgedSeverity(), int(Severity::Info));
        QCOMPARE(f.model.unacknowledgedCount(), 1);

        // Retention evicts the acknowledged rows first: what stays is the one still counted.
        f.model.setMaxAlerts(1);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.unacknowledgedCount(), 1);
        QCOMPARE(f.idAt(0), u"11"_s);
        Q_EMIT client.acknowledgementConfirmed(u"11"_s, u"kim"_s, at);
        QCOMPARE(f.model.unacknowledgedBySeverity(), QList<int>(noc::kSeverityCount, 0));
        QCOMPARE(f.model.worstUnacknowledgedSeverity(), -1);
    }

    void whatAnEarlierRunLeftMarksItsRowsUntilAnswered_data()
    {
        QTest::addColumn<bool>("modelFirst");
        QTest::newRow("outboxes read before the model (the dashboard)") << false;
        QTest::newRow("outboxes read after the model") << true;
    }

    void whatAnEarlierRunLeftMarksItsRowsUntilAnswered()
    {
        // The earlier run asked, and ended before the server answered (never started here: nothing goes
        // on the wire). Its outboxes are read by the next run, the rows come later from the server.
        QFETCH(bool, modelFirst);
        QTemporaryDir state;
        {
            NocClient earlier;
            earlier.setStateDirectory(state.path());
            earlier.resolve({ u"7"_s }, u"fan replaced"_s);
            earlier.assign({ u"9"_s }, 6, {});
            earlier.acknowledge(u"8"_s);
            QCOMPARE(earlier.pendingActions(), 2);
        }
        NocClient client;
        Fixture f;
        if (modelFirst)
            f.model.setClient(&client);
        client.setStateDirectory(state.path());
        if (!modelFirst)
            f.model.setClient(&client);
        f.add({ makeAlert(7), makeAlert(8), makeAlert(9), makeAlert(10) });
        // What a row shows of its action: (state, kind), the types QML reads.
        const auto action = [&f](int id) {
            const QVariantMap row = f.model.get(u"alert:%1"_s.arg(id));
            return std::pair { AlertActionState(row.value(u"actionState"_s).toInt()),
                               AlertActionKind(row.value(u"actionKind"_s).toInt()) };
        };
        const auto ackState = [&f](int id) {
            return AlertModel::AckState(f.model.get(u"alert:%1"_s.arg(id)).value(u"ackState"_s).toInt());
        };
        QCOMPARE(action(7), std::pair(AlertActionState::Pending, AlertActionKind::Resolve));
        QCOMPARE(action(9), std::pair(AlertActionState::Pending, AlertActionKind::Assign));
        QCOMPARE(ackState(8), AlertModel::AckState::Acknowledging);
        QCOMPARE(action(10).first, AlertActionState::None);
        QCOMPARE(ackState(10), AlertModel::AckState::New);

        // The answers clear the marks, and a row read again afterwards is not marked.
        const QDateTime at(QDate(2026, 11, 21), QTime(12, 5), Qt::UTC);
        Q_EMIT client.alertActionSettled(
            AlertActionOutcome { {}, AlertActionKind::Resolve, u"7"_s, true, {}, {}, at });
        Q_EMIT client.acknowledgementConfirmed(u"8"_s, u"kim"_s, at);
        QCOMPARE(action(7).first, AlertActionState::None);
        QCOMPARE(ackState(8), AlertModel::AckState::Acknowledged);
        QCOMPARE(action(9), std::pair(AlertActionState::Pending, AlertActionKind::Assign));
        f.model.clear();
        f.add({ makeAlert(7), makeAlert(8), makeAlert(9) });
        QCOMPARE(action(7).first, AlertActionState::None);
        QCOMPARE(ackState(8), AlertModel::AckState::New);
        QCOMPARE(action(9), std::pair(AlertActionState::Pending, AlertActionKind::Assign)); // still waiting
    }

    void serverStatusesDecideWhatIsOpenAndCounted()
    {
        Fixture f;
        AlertBatch records = batchOf(1, 4);
        records[0].status = noc::AlertStatus::New;
        records[1].status = noc::AlertStatus::Assigned; // a colleague's: handled, not counted
        records[2].status = noc::AlertStatus::Resolved;
        f.add(records); // 4: pushed only, status unknown
        QCOMPARE(f.model.unacknowledgedCount(), 2);
        QCOMPARE(f.model.get(u"alert:2"_s).value(u"ackState"_s).toInt(),
                 int(AlertModel::AckState::Acknowledged));
        QCOMPARE(f.model.get(u"alert:3"_s).value(u"open"_s).toBool(), false);

        // A push of a known record keeps its status; a later record moves it on.
        f.add({ makeAlert(2) });
        QCOMPARE(f.model.get(u"alert:2"_s).value(u"statusName"_s).toString(), u"assigned"_s);
        f.model.applyStatus(u"1"_s, noc::AlertStatus::Escalated, QDateTime::currentDateTimeUtc());
        QCOMPARE(f.model.unacknowledgedCount(), 1);

        // The reads of the open alerts no longer list one (services' OpenSetReconciler decides): the
        // client says so, as it says any status change.
        noc::NocClient client;
        f.model.setClient(&client);
        const QDateTime t = makeAlert(4).receivedAt;
        Q_EMIT client.openAlertClosed(
            noc::AlertUpdatedEvent { u"2"_s, noc::AlertStatus::Resolved, u"not listed"_s, t });
        QCOMPARE(f.model.get(u"alert:2"_s).value(u"statusName"_s).toString(), u"resolved"_s);
        QCOMPARE(f.model.get(u"alert:4"_s).value(u"open"_s).toBool(), true);
        QCOMPARE(f.model.get(u"alert:1"_s).value(u"statusName"_s).toString(), u"escalated"_s);
        QCOMPARE(f.model.unacknowledgedCount(), 1); // alert 4

        // A record read before a status change heard later is older news: it does not undo it.
        f.model.applyStatus(u"1"_s, noc::AlertStatus::Resolved, t.addSecs(60));
        Alert stale = makeAlert(1);
        stale.status = noc::AlertStatus::New;
        stale.backfilled = true;
        stale.receivedAt = t.addSecs(30); // the read was asked for before the change
        const int rateBefore = f.model.receivedLastMinute();
        const qint64 totalBefore = f.model.totalReceived();
        f.add({ stale });
        QCOMPARE(f.model.get(u"alert:1"_s).value(u"statusName"_s).toString(), u"resolved"_s);
        // Records read again are not news: the rate counts what was raised.
        QCOMPARE(f.model.receivedLastMinute(), rateBefore);
        QCOMPARE(f.model.totalReceived(), totalBefore);
    }

    // A row's action is a state with a kind and a reason, for QML and tests to compare; the words are
    // made from them. Pending and refused are never one another.
    void actionsAreAStateWithAKindAndAReason()
    {
        Fixture f;
        f.add({ makeAlert(1), makeAlert(2), makeAlert(3, Severity::Low, AlertKind::Ticket) });
        const auto state = [&f](int id) {
            return f.model.get(u"alert:"_s + QString::number(id)).value(u"actionState"_s).toInt();
        };
        QCOMPARE(state(1), int(noc::AlertActionState::None));
        QVERIFY(f.model.get(u"alert:1"_s).value(u"actionNote"_s).toString().isEmpty());

        noc::NocClient client; // no session: the actions queue
        f.model.setClient(&client);
        QSignalSpy refused(&f.model, &AlertModel::actionRefused);
        f.model.escalateKeys({ u"alert:1"_s, u"alert:2"_s, u"ticket:3"_s }, 6, u"customer"_s);
        QCOMPARE(refused.count(), 1); // the ticket has no record
        QCOMPARE(state(1), int(noc::AlertActionState::Pending));
        QCOMPARE(f.model.get(u"alert:1"_s).value(u"actionKind"_s).toInt(),
                 int(noc::AlertActionKind::Escalate));
        QVERIFY(!f.model.get(u"alert:1"_s).value(u"actionNote"_s).toString().isEmpty());
        QCOMPARE(f.model.get(u"ticket:3"_s).value(u"actionState"_s).toInt(),
                 int(noc::AlertActionState::None));

        const QDateTime at = QDateTime::currentDateTimeUtc();
        f.model.applyActionOutcome(
            { {}, noc::AlertActionKind::Escalate, u"1"_s, false, u"HTTP 500"_s, {}, at });
        QCOMPARE(state(1), int(noc::AlertActionState::Refused));
        QCOMPARE(f.model.get(u"alert:1"_s).value(u"actionReason"_s).toString(), u"HTTP 500"_s);
        QVERIFY(f.model.get(u"alert:1"_s).value(u"actionNote"_s).toString().contains(u"HTTP 500"_s));
        QCOMPARE(refused.count(), 2);
        f.model.applyActionOutcome({ {}, noc::AlertActionKind::Escalate, u"2"_s, true, {}, {}, at });
        QCOMPARE(state(2), int(noc::AlertActionState::None));

        // Nobody to send it: refused here, with the kind that was asked for.
        f.model.setClient(nullptr);
        f.model.resolveKeys({ u"alert:2"_s }, u"done"_s);
        QCOMPARE(state(2), int(noc::AlertActionState::Refused));
        QCOMPARE(f.model.get(u"alert:2"_s).value(u"actionKind"_s).toInt(),
                 int(noc::AlertActionKind::Resolve));
    }

    void retentionEvictsOldestBeyondTheCap()
    {
        Fixture f;
        f.model.setMaxAlerts(10);
        f.add(batchOf(1, 25));
        QCOMPARE(f.model.rowCount(), 10);
        QCOMPARE(f.idAt(0), u"25"_s);
        QCOMPARE(f.idAt(9), u"16"_s);
        QCOMPARE(f.model.unacknowledgedCount(), 10);
        // evicted ids are forgotten: they may come back as new rows
        f.add({ makeAlert(1) });
        QCOMPARE(f.idAt(0), u"1"_s);
        QCOMPARE(f.model.rowCount(), 10);
    }

    void evictionTakesHandledRowsFirstWhereverTheyAre()
    {
        Fixture f;
        f.model.setMaxAlerts(5);
        f.add(batchOf(1, 5));
        // Handled rows in the middle and at the newest end: one acknowledged here, one the server
        // resolved (closed rows count as handled too).
        f.model.markConfirmed(u"3"_s, u"kim"_s, QDateTime::currentDateTimeUtc());
        f.model.applyStatus(u"5"_s, noc::AlertStatus::Resolved, QDateTime::currentDateTimeUtc());
        f.add(batchOf(6, 2));
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(f.model.rowOfKey(u"alert:3"_s), -1);
        QCOMPARE(f.model.rowOfKey(u"alert:5"_s), -1);
        QCOMPARE(f.idAt(4), u"1"_s); // the oldest unhandled row stays while handled ones can go
        // With none handled left, the oldest go, in one removal.
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.add(batchOf(8, 2));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(f.idAt(4), u"4"_s);
        QCOMPARE(f.idAt(0), u"9"_s);
        QCOMPARE(f.model.unacknowledgedCount(), 5);
    }

    void shrinkingTheCapEvicts()
    {
        Fixture f;
        f.add(batchOf(1, 20));
        f.model.setMaxAlerts(5);
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(f.idAt(4), u"16"_s);
    }

    void criticalAlertEscalatingAnAlertIsOneRow()
    {
        Fixture f;
        Alert critical = makeAlert(5, Severity::Critical, AlertKind::CriticalAlert);
        critical.location = u"DC2 rack 4"_s;
        f.add({ makeAlert(5, Severity::Critical) });
        f.add({ critical });
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.data(f.model.index(0), AlertModel::KindRole).toInt(), int(AlertKind::Alert));
        QCOMPARE(f.model.data(f.model.index(0), AlertModel::LocationRole).toString(), u"DC2 rack 4"_s);
        // the other order, within one batch
        Alert critical7 = makeAlert(7, Severity::Critical, AlertKind::CriticalAlert);
        f.add({ critical7, makeAlert(7, Severity::Critical) });
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.model.data(f.model.index(0), AlertModel::KindRole).toInt(), int(AlertKind::Alert));
        // same id, different type: two incidents
        Alert other = makeAlert(5, Severity::Critical, AlertKind::CriticalAlert);
        other.type = u"POWER"_s;
        f.add({ other });
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.unacknowledgedCount(), 3);
    }

    void anEscalationTakesTheStatusTheAlertBrings()
    {
        // The critical_alert came first; its alert_new arrives as a record somebody acknowledged.
        Fixture f;
        f.add({ makeAlert(8, Severity::Critical, AlertKind::CriticalAlert) });
        QCOMPARE(f.model.unacknowledgedCount(), 1);
        Alert record = makeAlert(8, Severity::Critical);
        record.status = noc::AlertStatus::Acknowledged;
        record.backfilled = true;
        f.add({ record });
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.data(f.model.index(0), AlertModel::KindRole).toInt(), int(AlertKind::Alert));
        QCOMPARE(f.model.data(f.model.index(0), AlertModel::AckStateRole).toInt(),
                 int(AlertModel::AckState::Acknowledged));
        QCOMPARE(f.model.unacknowledgedCount(), 0);
    }

    void aPageAloneFollowsItsAlertsStatus()
    {
        // Another client's critical alert: its page reached every screen, its alert_new only the screens
        // that follow that client. A colleague resolves it: the page is not left unhandled.
        Fixture f;
        f.add({ makeAlert(11, Severity::Critical, AlertKind::CriticalAlert),
                makeAlert(12, Severity::Critical) });
        QCOMPARE(f.model.unacknowledgedCount(), 2);
        f.model.applyStatus(u"11"_s, noc::AlertStatus::Resolved, QDateTime::currentDateTimeUtc());
        QCOMPARE(f.model.get(u"critical:11"_s).value(u"open"_s).toBool(), false);
        QCOMPARE(f.model.unacknowledgedCount(), 1);
        QCOMPARE(f.model.get(u"alert:12"_s).value(u"open"_s).toBool(), true);
    }

    void anEscalationNeverOrphansAnotherRow()
    {
        // alert 9 (LINK_DOWN) has a row; a critical_alert 9 of another type is a second incident; a
        // later alert_new 9 of that other type must not merge into it and take alert 9's key away.
        Fixture f;
        f.add({ makeAlert(9, Severity::Critical) });
        Alert power = makeAlert(9, Severity::Critical, AlertKind::CriticalAlert);
        power.type = u"POWER"_s;
        f.add({ power });
        Alert again = makeAlert(9, Severity::Critical);
        again.type = u"POWER"_s;
        again.message = u"updated"_s;
        f.add({ again });
        QCOMPARE(f.model.rowCount(), 2);
        const int row = f.model.rowOfKey(u"alert:9"_s);
        QVERIFY(row >= 0);
        QCOMPARE(f.model.data(f.model.index(row), AlertModel::MessageRole).toString(), u"updated"_s);
        QVERIFY(f.model.rowOfKey(u"critical:9"_s) >= 0);

        // Eviction of the oldest row never removes a key that names a newer one.
        f.model.setMaxAlerts(1);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.rowOfKey(u"critical:9"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertModel)
#include "tst_alertmodel.moc"
