// SPDX-License-Identifier: MIT
// The parts the engine was split into, each on its own: the subscription set, the alert feed and its
// protocol rules (duplicates, what the server can acknowledge, escalations). (The outbox's bulk write:
// tst_durablestore.)
#include "AlertFeed.h"
#include "ClientSettings.h"
#include "ConnectionOptions.h"
#include "Escalation.h"
#include "FakeClock.h"
#include "NocClient.h"
#include "OpenSetReconciler.h"
#include "RecentIdentities.h"
#include "SubscriptionSet.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::Alert;
using noc::AlertKind;
using noc::SubscriptionSet;

namespace {
Alert makeAlert(const QString &id, AlertKind kind = AlertKind::Alert,
                noc::Severity severity = noc::Severity::High)
{
    Alert a;
    a.kind = kind;
    a.id = id;
    a.severity = severity;
    a.type = u"LINK_DOWN"_s;
    a.message = u"link "_s + id;
    a.receivedAt = QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
    return a;
}
} // namespace

class TestEngineParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscriptionSetPersistsAndTheOperatorsChoiceWins()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"subscriptions.json"_s);
        {
            SubscriptionSet set;
            set.setStateFile(file);
            QSignalSpy changed(&set, &SubscriptionSet::changed);
            QVERIFY(set.add(u"acme"_s));
            QVERIFY(!set.add(u"acme"_s));
            QVERIFY(!set.add(QString()));
            set.replace({ u"acme"_s, u"globex"_s, u"acme"_s, QString() });
            QCOMPARE(set.ids(), QStringList({ u"acme"_s, u"globex"_s }));
            QCOMPARE(changed.count(), 2);
            set.replace({ u"acme"_s, u"globex"_s }); // the same: nothing to say
            QCOMPARE(changed.count(), 2);
        }
        // A preset's seed is replaced by what the operator chose last time.
        SubscriptionSet next;
        next.add(u"hooli"_s);
        next.setStateFile(file);
        QCOMPARE(next.ids(), QStringList({ u"acme"_s, u"globex"_s }));
        QVERIFY(next.remove(u"acme"_s));
        QVERIFY(!next.remove(u"acme"_s));
        SubscriptionSet third;
        third.add(u"acme"_s); // the seed again: removed stays removed
        third.setStateFile(file);
        QCOMPARE(third.ids(), QStringList({ u"globex"_s }));
        // The first run in a folder keeps the seed and writes it.
        QTemporaryDir fresh;
        SubscriptionSet seeded;
        seeded.add(u"initech"_s);
        seeded.setStateFile(fresh.filePath(u"subscriptions.json"_s));
        SubscriptionSet reader;
        reader.setStateFile(fresh.filePath(u"subscriptions.json"_s));
        QCOMPARE(reader.ids(), QStringList({ u"initech"_s }));
    }

    void subscriptionStatusFollowsTheServersAnswersInOrder()
    {
        SubscriptionSet set;
        set.replace({ u"acme"_s, u"globex"_s, u"hooli"_s });
        QSignalSpy status(&set, &SubscriptionSet::statusChanged);
        for (const QString &id : set.ids())
            set.noteSent(id);
        QCOMPARE(set.status(u"globex"_s), SubscriptionSet::Status::Sent);
        set.noteConfirmed(u"acme"_s);
        // A refusal names no client: it is about the oldest one still waiting for an answer.
        QCOMPARE(set.noteRefusedOldest(u"Insufficient permissions"_s), u"globex"_s);
        QCOMPARE(set.status(u"acme"_s), SubscriptionSet::Status::Confirmed);
        QCOMPARE(set.status(u"globex"_s), SubscriptionSet::Status::Refused);
        QCOMPARE(set.reason(u"globex"_s), u"Insufficient permissions"_s);
        QCOMPARE(set.status(u"hooli"_s), SubscriptionSet::Status::Sent);
        QCOMPARE(status.count(), 3 + 2);
        // A new socket: every answer is due again.
        set.resetStatuses();
        QCOMPARE(set.status(u"acme"_s), SubscriptionSet::Status::Waiting);
        QCOMPARE(set.reason(u"globex"_s), QString());
        QCOMPARE(set.noteRefusedOldest(u"late"_s), QString());
    }

    void feedDropsDuplicatesButNotTicketUpdatesAndBatches()
    {
        noc::test::FakeClock clock;
        noc::AlertFeed feed(&clock);
        QSignalSpy batches(&feed, &noc::AlertFeed::alertsReceived);
        feed.add(makeAlert(u"1"_s));
        feed.add(makeAlert(u"1"_s)); // a second subscription delivers it again
        feed.add(makeAlert(u"1"_s, AlertKind::Finding)); // another kind, another id space
        feed.add(makeAlert(u"9"_s, AlertKind::Ticket));
        feed.add(makeAlert(u"9"_s, AlertKind::Ticket)); // a ticket changing status
        QCOMPARE(batches.count(), 0); // batched: nothing leaves before the timer
        clock.advance(0);
        QCOMPARE(batches.count(), 1);
        const auto batch = batches.at(0).at(0).value<noc::AlertBatch>();
        QCOMPARE(batch.size(), 4);
    }

    void recentIdentitiesForgetTheOldestAndNeverConfuseTwo()
    {
        noc::RecentIdentities recent(3);
        QVERIFY(recent.remember(AlertKind::Alert, u"1"_s));
        QVERIFY(!recent.remember(AlertKind::Alert, u"1"_s));
        QVERIFY(recent.remember(AlertKind::Finding, u"1"_s)); // another kind, another id space
        QVERIFY(recent.remember(AlertKind::Alert, u"2"_s));
        QVERIFY(recent.remember(AlertKind::Alert, u"3"_s)); // full: alert 1 is forgotten
        QVERIFY(!recent.contains(AlertKind::Alert, u"1"_s));
        QVERIFY(recent.contains(AlertKind::Finding, u"1"_s));
        QVERIFY(recent.contains(AlertKind::Alert, u"3"_s));
        QVERIFY(recent.remember(AlertKind::Alert, u"1"_s)); // heard again: news again

        // Every fingerprint the same: identities are still told apart by their text, and forgetting
        // the oldest never drops the entry a newer one holds.
        noc::RecentIdentities colliding(2, [](AlertKind, QStringView) { return quint64(7); });
        QVERIFY(colliding.remember(AlertKind::Alert, u"a"_s));
        QVERIFY(colliding.remember(AlertKind::Alert, u"b"_s));
        QVERIFY(!colliding.remember(AlertKind::Alert, u"b"_s));
        QVERIFY(!colliding.contains(AlertKind::Alert, u"a"_s)); // forgotten early: only let through twice
        QVERIFY(colliding.remember(AlertKind::Alert, u"c"_s)); // reuses a's slot, and b's entry...
        QVERIFY(!colliding.contains(AlertKind::Alert, u"b"_s)); // ...gave way to c's
        QVERIFY(colliding.contains(AlertKind::Alert, u"c"_s));
        QVERIFY(!colliding.remember(AlertKind::Alert, u"c"_s));
    }

    // The open alerts are read status by status: an alert moving between two of them during a read
    // can be missed once. Missed by two complete reads, it is closed; a read counts only for alerts
    // heard of before it began.
    void openAlertsMissedByTwoCompleteReadsAreClosed()
    {
        noc::OpenSetReconciler reconciler;
        const QDateTime t0 = makeAlert(u"1"_s).receivedAt;
        noc::AlertBatch heard { makeAlert(u"1"_s), makeAlert(u"2"_s), makeAlert(u"3"_s),
                                makeAlert(u"4"_s, AlertKind::Ticket) }; // tickets have no record
        heard[2].status = noc::AlertStatus::Assigned; // a record: open all the same
        reconciler.noteAlerts(heard);
        QVERIFY(reconciler.reconcile({ u"1"_s }, t0.addSecs(10)).isEmpty()); // 2 and 3 missed once
        // Missed again (2): closed. Listed again (3): the count starts over.
        const QList<noc::AlertUpdatedEvent> second = reconciler.reconcile({ u"1"_s, u"3"_s }, t0.addSecs(20));
        QCOMPARE(second.size(), 1);
        QCOMPARE(second.at(0).alertId, u"2"_s);
        reconciler.noteStatus(u"1"_s, noc::AlertStatus::Resolved, t0.addSecs(25)); // alert_updated
        QVERIFY(reconciler.reconcile({}, t0.addSecs(30)).isEmpty()); // 3 missed once again; 1 is closed
        const QList<noc::AlertUpdatedEvent> closed = reconciler.reconcile({}, t0.addSecs(40));
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).alertId, u"3"_s);
        QCOMPARE(closed.at(0).status, noc::AlertStatus::Resolved);
        QCOMPARE(closed.at(0).timestamp, t0.addSecs(40)); // the second read's start
        QVERIFY(!closed.at(0).message.isEmpty());
        QVERIFY(reconciler.reconcile({}, t0.addSecs(50)).isEmpty()); // said once
    }

    // What `nocctl watch` used to get wrong: an alert pushed after a read began is missing from it
    // because it is newer than what the read saw, not because it was closed. Two reads that count
    // must miss it: here the first read that began after it arrived.
    void aReadCountsOnlyForAlertsHeardOfBeforeItBegan()
    {
        noc::OpenSetReconciler reconciler;
        const QDateTime readBegan = makeAlert(u"7"_s).receivedAt;
        noc::Alert pushed = makeAlert(u"7"_s);
        pushed.receivedAt = readBegan.addSecs(2); // arrived while that read ran
        reconciler.noteAlerts({ pushed });
        QVERIFY(reconciler.reconcile({}, readBegan).isEmpty()); // newer than the read: not missed
        QVERIFY(reconciler.reconcile({}, readBegan.addSecs(60)).isEmpty()); // missed once
        const QList<noc::AlertUpdatedEvent> closed = reconciler.reconcile({}, readBegan.addSecs(120));
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).alertId, u"7"_s);
    }

    // A record read before a status change heard later is older news; a push knows no status. The
    // oldest heard of are forgotten first.
    void reconcilerFollowsStatusesAndForgetsTheOldest()
    {
        noc::OpenSetReconciler reconciler(10);
        const QDateTime t0 = makeAlert(u"1"_s).receivedAt;
        reconciler.noteAlerts({ makeAlert(u"1"_s) });
        reconciler.noteStatus(u"1"_s, noc::AlertStatus::Resolved, t0.addSecs(60));
        noc::Alert stale = makeAlert(u"1"_s);
        stale.status = noc::AlertStatus::New;
        stale.backfilled = true;
        stale.receivedAt = t0.addSecs(30); // the read was asked for before the change
        reconciler.noteAlerts({ stale, makeAlert(u"1"_s) });
        QVERIFY(reconciler.reconcile({}, t0.addSecs(100)).isEmpty());
        QVERIFY(reconciler.reconcile({}, t0.addSecs(200)).isEmpty()); // still resolved: never missed
        noc::Alert reopened = stale;
        reopened.receivedAt = t0.addSecs(90); // read after the change: the record's word
        reconciler.noteAlerts({ reopened });
        QVERIFY(reconciler.reconcile({}, t0.addSecs(300)).isEmpty());
        QCOMPARE(reconciler.reconcile({}, t0.addSecs(400)).size(), 1);

        for (int id = 2; id <= 12; ++id)
            reconciler.noteAlerts({ makeAlert(QString::number(id)) });
        QCOMPARE(reconciler.size(), 12); // within the slack
        reconciler.noteAlerts({ makeAlert(u"13"_s) });
        QCOMPARE(reconciler.size(), 10); // 1, 2 and 3 forgotten
        QVERIFY(reconciler.reconcile({}, t0.addSecs(500)).isEmpty());
        const QList<noc::AlertUpdatedEvent> closed = reconciler.reconcile({}, t0.addSecs(600));
        QCOMPARE(closed.size(), 10);
        QCOMPARE(closed.constFirst().alertId, u"4"_s); // in the order they were heard of
        reconciler.clear();
        QCOMPARE(reconciler.size(), 0);
    }

    // One answer to "does it have a server record" (resolve, assign, escalate, its detail): only
    // alerts, and only under an id the server's records can have.
    void onlyAlertsHaveRecords()
    {
        QVERIFY(makeAlert(u"12"_s).hasRecord());
        for (const AlertKind kind : { AlertKind::CriticalAlert, AlertKind::Finding, AlertKind::Anomaly,
                                      AlertKind::Ticket, AlertKind::Other })
            QVERIFY(!makeAlert(u"12"_s, kind).hasRecord());
        QVERIFY(!makeAlert(u"sw-12"_s).hasRecord());
        QVERIFY(!makeAlert(u"0"_s).hasRecord());
        QCOMPARE(noc::alertRecordId(u"012"), std::optional<qint64>(12));
        QCOMPARE(noc::alertRecordId(u" 7 "), std::optional<qint64>(7));
        QCOMPARE(noc::alertRecordId(u"-3"), std::nullopt);
        QCOMPARE(noc::alertRecordId(u""), std::nullopt);
    }

    // The server's bounds on an action's text are checked here, before anything is queued or sent:
    // every id is answered as refused, and nothing waits in the outbox.
    void anActionsTextOverTheServersBoundIsRefusedBeforeSending()
    {
        QCOMPARE(noc::alertActionTextLimit(noc::AlertActionKind::Resolve), 1000);
        QCOMPARE(noc::alertActionTextLimit(noc::AlertActionKind::Escalate), 500);
        QCOMPARE(noc::alertActionTextLimit(noc::AlertActionKind::Assign), 500);
        // Characters, as the server counts them: 500 emoji are 1000 UTF-16 units and fit a reason.
        const QString emoji = QString::fromUcs4(U"\U0001F525");
        QVERIFY(noc::fitsAlertActionText(noc::AlertActionKind::Escalate, emoji.repeated(500)));
        QVERIFY(!noc::fitsAlertActionText(noc::AlertActionKind::Escalate, emoji.repeated(501)));

        noc::NocClient client;
        QSignalSpy settled(&client, &noc::NocClient::alertActionSettled);
        QCOMPARE(
            client.requestAction(noc::AlertActionKind::Resolve, { u"12"_s, u"13"_s }, QString(1001, u'x')),
            QString());
        QCOMPARE(settled.count(), 2);
        for (const QList<QVariant> &signal : std::as_const(settled)) {
            const auto outcome = signal.at(0).value<noc::AlertActionOutcome>();
            QVERIFY(!outcome.done);
            QCOMPARE(outcome.kind, noc::AlertActionKind::Resolve);
            QVERIFY(outcome.reason.contains(u"1000"_s));
        }
        QCOMPARE(settled.at(1).at(0).value<noc::AlertActionOutcome>().alertId, u"13"_s);
        QCOMPARE(client.pendingActions(), 0);
        client.escalate({ u"14"_s }, 6, QString(501, u'x')); // the dashboard's path
        QCOMPARE(settled.count(), 3);
        QCOMPARE(client.pendingActions(), 0);
        // At the bound: queued for the server.
        QVERIFY(
            !client.requestAction(noc::AlertActionKind::Resolve, { u"12"_s }, QString(1000, u'x')).isEmpty());
        QCOMPARE(client.pendingActions(), 1);
        QCOMPARE(settled.count(), 3);
    }

    void feedSaysWhatTheServerCanAcknowledge()
    {
        noc::test::FakeClock clock;
        noc::AlertFeed feed(&clock);
        QSignalSpy batches(&feed, &noc::AlertFeed::alertsReceived);
        // An escalation of an alert this client never saw: the server would close the socket (1011).
        feed.add(makeAlert(u"5"_s, AlertKind::CriticalAlert, noc::Severity::Critical));
        feed.add(makeAlert(u"7"_s));
        feed.add(makeAlert(u"7"_s, AlertKind::CriticalAlert, noc::Severity::Critical));
        feed.add(makeAlert(u"8"_s, AlertKind::Finding));
        QCOMPARE(batches.count(), 0); // batched: nothing leaves before the timer
        clock.advance(0);
        const auto batch = batches.at(0).at(0).value<noc::AlertBatch>();
        QCOMPARE(batch.size(), 4);
        QCOMPARE(batch.at(0).serverAcknowledgeable, false);
        QCOMPARE(batch.at(1).serverAcknowledgeable, true);
        QCOMPARE(batch.at(2).serverAcknowledgeable, true);
        QCOMPARE(batch.at(3).serverAcknowledgeable, false);
    }

    void escalationRules()
    {
        Alert source = makeAlert(u"7"_s, AlertKind::Alert, noc::Severity::Critical);
        Alert critical = makeAlert(u"7"_s, AlertKind::CriticalAlert, noc::Severity::Critical);
        critical.location = u"DC2 rack 4"_s;
        critical.receivedAt = source.receivedAt.addSecs(-5);
        QVERIFY(noc::escalation::mayBeEscalated(source));
        QVERIFY(!noc::escalation::mayBeEscalated(makeAlert(u"7"_s)));
        QCOMPARE(noc::escalation::twinIdentity(critical), source.identity());
        QVERIFY(noc::escalation::areTwins(source, critical));
        Alert otherType = critical;
        otherType.type = u"POWER"_s;
        QVERIFY(!noc::escalation::areTwins(source, otherType));
        QVERIFY(!noc::escalation::areTwins(source, source));

        Alert merged = critical;
        noc::escalation::absorb(merged, source);
        QCOMPARE(merged.kind, AlertKind::Alert); // the identity the server can acknowledge
        QCOMPARE(merged.location, u"DC2 rack 4"_s);
        QCOMPARE(merged.receivedAt, critical.receivedAt); // the first time either half was heard
        QVERIFY(merged.serverAcknowledgeable);
    }

    void connectionOptionsChangeOnlyWhatTheyName()
    {
        noc::ClientSettings stored;
        stored.servers = { QUrl(u"https://noc.example.com"_s) };
        stored.authGeneration = noc::AuthGeneration::V2;
        stored.tokenLocation = noc::TokenLocation::Header;
        stored.origin = u"https://dash.example.com"_s;
        stored.username = u"kim"_s;

        const noc::ConnectionOptions options;
        QCommandLineParser parser;
        parser.addOptions(options.options());
        QVERIFY(parser.parse({ u"nocdash"_s, u"--server"_s, u"https://a.example.com"_s, u"--server"_s,
                               u"http://b.example.com:8000"_s, u"--client"_s, u"acme"_s }));
        noc::ClientSettings settings = stored;
        QCOMPARE(options.applyTo(parser, settings), QString());
        QCOMPARE(settings.servers.size(), 2);
        QCOMPARE(settings.servers.at(1), QUrl(u"http://b.example.com:8000"_s));
        // Not named on the command line: as stored (nocdash used to reset these to defaults).
        QCOMPARE(settings.authGeneration, noc::AuthGeneration::V2);
        QCOMPARE(settings.tokenLocation, noc::TokenLocation::Header);
        QCOMPARE(settings.origin, u"https://dash.example.com"_s);
        QCOMPARE(settings.username, u"kim"_s);
        QVERIFY(options.serversGiven(parser));
        QCOMPARE(options.clients(parser), QStringList({ u"acme"_s }));

        QCommandLineParser bad;
        bad.addOptions(options.options());
        QVERIFY(bad.parse({ u"nocctl"_s, u"--auth"_s, u"v3"_s }));
        noc::ClientSettings untouched = stored;
        QVERIFY(options.applyTo(bad, untouched).contains(u"--auth"_s));
        QCommandLineParser notUrl;
        notUrl.addOptions(options.options());
        QVERIFY(notUrl.parse({ u"nocctl"_s, u"--server"_s, u"noc.example.com"_s }));
        QVERIFY(options.applyTo(notUrl, untouched).contains(u"--server"_s));
    }

    void settingsSaveOnlyWhatChanged()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(u"nocdash.conf"_s), QSettings::IniFormat);
        const noc::ClientSettings before = noc::ClientSettings::load(store);
        noc::ClientSettings after = before;
        after.username = u"kim"_s;
        after.servers = { QUrl(u"https://noc.example.com"_s) };
        after.saveChanges(store, before);
        store.sync();
        QCOMPARE(store.allKeys().size(), 2); // a preset keeps governing every other key
        QCOMPARE(noc::ClientSettings::load(store), after);
    }
};

QTEST_GUILESS_MAIN(TestEngineParts)
#include "tst_engineparts.moc"
