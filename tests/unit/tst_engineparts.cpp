// SPDX-License-Identifier: MIT
// The parts the engine was split into, each on its own: the subscription set, the alert feed and its
// protocol rules (duplicates, what the server can acknowledge, escalations). (The outbox's bulk write:
// tst_durablestore.)
#include "AlertFeed.h"
#include "ClientSettings.h"
#include "ConnectionOptions.h"
#include "Escalation.h"
#include "FakeClock.h"
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
