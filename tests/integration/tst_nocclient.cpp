// SPDX-License-Identifier: MIT
// The client slice against the project's own simulator, over real loopback sockets.
#include "AlertModel.h"
#include "NocClient.h"
#include "sim/AlertSeeder.h"
#include "sim/AlertStatus.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::NocClient;
using noc::sim::Simulator;
using noc::sim::SimulatorOptions;

namespace {
constexpr int kTimeoutMs = 10000;

noc::sim::SimulatorOptions withRecords()
{
    noc::sim::SimulatorOptions options;
    options.alertApi.list = noc::sim::AlertApiOptions::List::Working;
    return options;
}

qint64 seedOpenAlert(Simulator &sim)
{
    noc::sim::SeedRequest seed;
    seed.count = 1;
    seed.statuses = { u"NEW"_s };
    seed.clients = { u"acme"_s };
    return sim.seedAlerts(seed).constFirst();
}

// A dashboard's client: it keeps the list current from the records, re-reading them every
// `reconcileSeconds`.
std::unique_ptr<NocClient> listClient(const Simulator &sim, const QString &stateDir, int reconcileSeconds)
{
    auto client = std::make_unique<NocClient>();
    client->setCredentialStore(nullptr);
    noc::ClientSettings settings;
    settings.servers = { sim.httpUrl() };
    settings.subscriptions = { u"acme"_s };
    settings.reconcileSeconds = reconcileSeconds;
    client->applySettings(settings);
    client->setStateDirectory(stateDir);
    client->setCredentials(u"operator"_s, u"operator"_s);
    return client;
}
} // namespace

class TestNocClient : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        Simulator sim;
        NocClient client;

        explicit Fixture(SimulatorOptions options = {}) : sim(std::move(options))
        {
            if (!sim.listen())
                qFatal("simulator could not listen");
            noc::ServerProfile profile;
            profile.baseUrl = sim.httpUrl();
            client.setProfile(profile);
            client.setCredentials(u"operator"_s, u"operator"_s);
            client.setSubscriptions({ u"acme"_s, u"globex"_s });
        }
        void setProfile(const std::function<void(noc::ServerProfile &)> &change)
        {
            noc::ServerProfile profile;
            profile.baseUrl = sim.httpUrl();
            change(profile);
            client.setProfile(profile);
        }
        bool live() const { return client.state() == NocClient::ConnectionState::Connected; }
        int framesOfType(const QString &type) const { return sim.framesReceivedByType().value(type); }
    };

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<noc::AlertBatch>(); }

    void logsInSubscribesAndReceivesOnlySubscribedAlerts()
    {
        Fixture f;
        QSignalSpy alerts(&f.client, &NocClient::alertsReceived);
        QSignalSpy confirmed(&f.client, &NocClient::subscriptionConfirmed);
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 2, kTimeoutMs);
        QCOMPARE(f.framesOfType(u"subscribe_client"_s), 2);

        f.sim.publishAlert(u"initech"_s, u"CRITICAL"_s, u"LINK_DOWN"_s, u"not ours"_s);
        const QString ours = f.sim.publishAlert(u"acme"_s, u"HIGH"_s, u"HIGH_CPU"_s, u"core-sw-01 at 97 %"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), kTimeoutMs);
        const auto batch = alerts.constFirst().constFirst().value<noc::AlertBatch>();
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch.constFirst().id, ours);
        QCOMPARE(batch.constFirst().severity, noc::Severity::High);
        QCOMPARE(batch.constFirst().message, u"core-sw-01 at 97 %"_s);
    }

    void tokenEndpointServerIsDetected()
    {
        SimulatorOptions options;
        options.auth = noc::sim::AuthGenerations::TokenEndpoints;
        Fixture f(options);
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
    }

    void everyTokenLocationWorks_data()
    {
        QTest::addColumn<int>("location");
        QTest::newRow("query") << int(noc::TokenLocation::Query);
        QTest::newRow("header") << int(noc::TokenLocation::Header);
        QTest::newRow("cookie") << int(noc::TokenLocation::Cookie);
    }

    void everyTokenLocationWorks()
    {
        QFETCH(int, location);
        Fixture f;
        f.setProfile([location](noc::ServerProfile &p) { p.tokenLocation = noc::TokenLocation(location); });
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
    }

    void wrongPasswordFailsWithoutRetrying()
    {
        Fixture f;
        f.client.setCredentials(u"operator"_s, u"wrong"_s);
        QSignalSpy opened(&f.sim, &Simulator::socketOpened);
        f.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(f.client.state(), NocClient::ConnectionState::Failed, kTimeoutMs);
        QVERIFY(f.client.statusMessage().contains(u"Sign-in failed"_s));
        QVERIFY(!f.client.nextRetryAt().isValid());
        QCOMPARE(opened.count(), 0);
    }

    void foreignOriginIsRefusedAndNotRetriedBeforeFirstSuccess()
    {
        Fixture f;
        f.setProfile([](noc::ServerProfile &p) { p.origin = u"https://evil.example"_s; });
        f.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(f.client.state(), NocClient::ConnectionState::Failed, kTimeoutMs);
        QVERIFY(f.client.statusMessage().contains(u"refused"_s));
    }

    void serverCloseReconnectsAndResubscribes()
    {
        Fixture f;
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s), 2, kTimeoutMs);

        f.sim.closeSockets(1011, u"handler raised"_s);
        QTRY_COMPARE_WITH_TIMEOUT(f.client.state(), NocClient::ConnectionState::Backoff, kTimeoutMs);
        QVERIFY(f.client.nextRetryAt().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        QCOMPARE(f.client.reconnectCount(), 1);
        // Subscriptions belong to the socket: the new one subscribed again.
        QTRY_COMPARE_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s), 4, kTimeoutMs);

        QSignalSpy alerts(&f.client, &NocClient::alertsReceived);
        f.sim.publishAlert(u"globex"_s, u"LOW"_s, u"DISK_FULL"_s, u"after reconnect"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), kTimeoutMs);
    }

    void acknowledgementIsRecordedByTheServer()
    {
        Fixture f;
        AlertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&f.client);
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s), 2, kTimeoutMs);
        const QString id
            = f.sim.publishAlert(u"acme"_s, u"CRITICAL"_s, u"DEVICE_OFFLINE"_s, u"fw-02 offline"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kTimeoutMs);

        QSignalSpy confirmed(&f.client, &NocClient::acknowledgementConfirmed);
        model.acknowledge(0);
        QCOMPARE(model.data(model.index(0), AlertModel::AckStateRole).toInt(),
                 int(AlertModel::AckState::Acknowledging));
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, kTimeoutMs);
        QCOMPARE(model.data(model.index(0), AlertModel::AckStateRole).toInt(),
                 int(AlertModel::AckState::Acknowledged));
        const auto acks = f.sim.acks();
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.constFirst().alertId, id);
        QCOMPARE(acks.constFirst().username, u"operator"_s);
        QCOMPARE(model.unacknowledgedCount(), 0);
    }

    void acknowledgementRefusedWithoutCapability()
    {
        Fixture f;
        f.client.setCredentials(u"viewer"_s, u"viewer"_s);
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        QSignalSpy failed(&f.client, &NocClient::acknowledgementFailed);
        f.client.acknowledge(f.sim.publishAlert(u"acme"_s, u"LOW"_s, u"HIGH_CPU"_s, u"x"_s));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        QCOMPARE(failed.constFirst().at(1).toString(), u"Cannot acknowledge alerts"_s);
        QVERIFY(f.sim.acks().isEmpty());
    }

    void heartbeatsMeasureRtt()
    {
        Fixture f;
        f.client.setDashboardHeartbeatSeconds(1);
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.client.rttMs() >= 0, kTimeoutMs);
        QVERIFY(f.framesOfType(u"heartbeat"_s) >= 1);
    }

    void malformedFramesAreCountedNotFatal()
    {
        Fixture f;
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        f.sim.sendMalformed(u"garbage"_s);
        f.sim.sendMalformed(u"unknown_type"_s);
        QTRY_VERIFY_WITH_TIMEOUT(f.client.malformedFrames() >= 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.client.unknownFrames() >= 1, kTimeoutMs);
        QVERIFY(f.live());
    }

    void stopIsTheOnlyEnd()
    {
        Fixture f;
        f.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.live(), kTimeoutMs);
        f.client.stop();
        QCOMPARE(f.client.state(), NocClient::ConnectionState::LoggedOut);
        QTRY_COMPARE_WITH_TIMEOUT(f.sim.openSockets(), 0, kTimeoutMs);
        QCOMPARE(f.client.reconnectCount(), 0);
    }

    void anActionLeftByAnEarlierRunShowsOnItsRowUntilTheServerAnswers()
    {
        SimulatorOptions options;
        options.alertApi.list = noc::sim::AlertApiOptions::List::Working;
        options.alertApi.alertUpdatedCloses = false;
        Fixture f(options);
        noc::sim::SeedRequest seed;
        seed.count = 1;
        seed.statuses = { u"NEW"_s };
        seed.clients = { u"acme"_s };
        const qint64 id = f.sim.seedAlerts(seed).constFirst();
        const QString key = u"alert:"_s + QString::number(id);
        QTemporaryDir state;
        const auto makeClient = [&](const QString &user) {
            auto client = std::make_unique<NocClient>();
            client->setCredentialStore(nullptr);
            noc::ServerProfile profile;
            profile.baseUrl = f.sim.httpUrl();
            client->setProfile(profile);
            client->setSubscriptions({ u"acme"_s });
            client->setStateDirectory(state.path());
            client->setCredentials(user, user);
            return client;
        };
        // The operator asked, and the program ended before the action went out.
        makeClient(u"operator"_s)->resolve({ QString::number(id) }, u"fan replaced"_s);

        // The next run, built as the dashboard builds it: the outboxes are read, then the list is made.
        // A colleague signs in at this desk first: the operator's action waits for the operator.
        const auto client = makeClient(u"anna"_s);
        AlertModel model;
        model.setCoalesceIntervalMs(0);
        model.setClient(client.get());
        client->start();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOfKey(key) >= 0, kTimeoutMs);
        QCOMPARE(model.get(key).value(u"actionState"_s).toInt(), int(noc::AlertActionState::Pending));
        QCOMPARE(model.get(key).value(u"actionKind"_s).toInt(), int(noc::AlertActionKind::Resolve));
        QCOMPARE(f.sim.alertStore().find(id)->status, noc::sim::AlertStatus::New);
        QCOMPARE(client->pendingActions(), 1);

        client->signIn(u"operator"_s, u"operator"_s, false);
        QTRY_COMPARE_WITH_TIMEOUT(model.get(key).value(u"actionState"_s).toInt(),
                                  int(noc::AlertActionState::None), kTimeoutMs);
        QCOMPARE(f.sim.alertStore().find(id)->status, noc::sim::AlertStatus::Resolved);
        QCOMPARE(client->pendingActions(), 0);
        client->stop();
    }

    // The server counts repeats of an open alert silently (nothing is pushed): the next re-read of the
    // open alerts brings its count and last occurrence to the row, which stays the one row.
    void theServersRepeatCountReachesTheRowOnTheNextReRead()
    {
        Simulator sim(withRecords());
        QVERIFY(sim.listen());
        const qint64 id = seedOpenAlert(sim);
        const QString key = u"alert:"_s + QString::number(id);
        QTemporaryDir state;
        const auto client = listClient(sim, state.path(), 1); // a re-read every second
        AlertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCoalesceIntervalMs(0);
        model.setClient(client.get());
        client->start();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOfKey(key) >= 0, kTimeoutMs);
        const int before = sim.alertStore().find(id)->suppressedCount; // the seed may have some already
        QCOMPARE(model.get(key).value(u"repeats"_s).toInt(), before);

        for (int i = 0; i < 3; ++i)
            QVERIFY(sim.suppressRepeat(id));
        const noc::sim::StoredAlert &stored = *sim.alertStore().find(id);
        QCOMPARE(stored.suppressedCount, before + 3);
        QTRY_COMPARE_WITH_TIMEOUT(model.get(key).value(u"repeats"_s).toInt(), stored.suppressedCount,
                                  kTimeoutMs);
        QCOMPARE(model.get(key).value(u"lastSeen"_s).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(stored.lastSeenMs, Qt::UTC));
        QCOMPARE(model.rowCount(), 1);
        client->stop();
    }

    // A detail read (the details pane) brings them too, without waiting for the next re-read.
    void aDetailReadBringsTheRepeatCountToTheRow()
    {
        Simulator sim(withRecords());
        QVERIFY(sim.listen());
        const qint64 id = seedOpenAlert(sim);
        const QString key = u"alert:"_s + QString::number(id);
        QTemporaryDir state;
        const auto client = listClient(sim, state.path(), 3600); // no re-read during the test
        AlertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCoalesceIntervalMs(0);
        model.setClient(client.get());
        client->start();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOfKey(key) >= 0, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(client->historyState(), NocClient::HistoryState::Loaded, kTimeoutMs);

        QVERIFY(sim.suppressRepeat(id));
        QVERIFY(sim.suppressRepeat(id));
        QSignalSpy read(client.get(), &NocClient::alertDetailRead);
        client->readAlertDetail(QString::number(id));
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, kTimeoutMs);
        QCOMPARE(model.get(key).value(u"repeats"_s).toInt(), sim.alertStore().find(id)->suppressedCount);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(sim.restCalls().value(u"operator"_s).detail, 1);
        client->stop();
    }
};

QTEST_GUILESS_MAIN(TestNocClient)
#include "tst_nocclient.moc"
