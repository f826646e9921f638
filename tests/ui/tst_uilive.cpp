// SPDX-License-Identifier: MIT
// The models on a real session against the in-process simulator: alerts arrive, get acknowledged
// with who and when, presence shows up.
#include "AlertFilterModel.h"
#include "AlertModel.h"
#include "FrameLogModel.h"
#include "NocClient.h"
#include "PresenceModel.h"
#include "sim/Simulator.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestUiLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alertsFlowAndAcknowledgementsComeBack()
    {
        noc::sim::Simulator sim;
        QVERIFY(sim.listen());
        noc::NocClient client;
        noc::ServerProfile profile;
        profile.baseUrl = sim.httpUrl();
        client.setProfile(profile);
        client.setCredentials(u"operator"_s, u"operator"_s);
        client.setSubscriptions({ u"acme"_s });
        AlertModel alerts;
        QAbstractItemModelTester tester(&alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        alerts.setClient(&client);
        AlertFilterModel filter;
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setAlerts(&alerts);
        PresenceModel presence;
        presence.setClient(&client);

        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), noc::NocClient::ConnectionState::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sim.framesReceivedByType().value(u"subscribe_client"_s) >= 1, 5000);
        QCOMPARE(presence.data(presence.index(0), PresenceModel::StateRole).toString(), u"online"_s);

        const QString low = sim.publishAlert(u"acme"_s, u"LOW"_s, u"FAN_FAILURE"_s, u"fan 1 on sw-3"_s);
        const QString critical
            = sim.publishAlert(u"acme"_s, u"CRITICAL"_s, u"DEVICE_OFFLINE"_s, u"sw-12 offline"_s);
        QTRY_COMPARE_WITH_TIMEOUT(alerts.count(), 2, 5000);
        QCOMPARE(filter.keyAt(0), u"alert:"_s + critical); // most urgent first
        QCOMPARE(alerts.unacknowledgedBySeverity().value(int(noc::Severity::Critical)), 1);

        alerts.acknowledgeKeys({ u"alert:"_s + critical });
        QTRY_COMPARE_WITH_TIMEOUT(alerts.get(u"alert:"_s + critical).value(u"ackState"_s).toInt(),
                                  int(AlertModel::AckState::Acknowledged), 5000);
        QCOMPARE(alerts.get(u"alert:"_s + critical).value(u"ackBy"_s).toString(), u"operator"_s);
        QVERIFY(alerts.get(u"alert:"_s + critical).value(u"ackAt"_s).toDateTime().isValid());
        QCOMPARE(alerts.unacknowledgedCount(), 1);
        // Acknowledged CRITICAL still sorts above the LOW: severity first, then acknowledgement.
        QCOMPARE(filter.keyAt(1), u"alert:"_s + low);

        sim.publishUserStatus(7, u"busy"_s);
        QTRY_COMPARE_WITH_TIMEOUT(presence.count(), 2, 5000);
        QCOMPARE(presence.data(presence.index(1), PresenceModel::StateRole).toString(), u"busy"_s);
        client.stop();
    }

    void frameLogCollectsOnlyWhileShown()
    {
        noc::sim::Simulator sim;
        QVERIFY(sim.listen());
        noc::NocClient client;
        noc::ServerProfile profile;
        profile.baseUrl = sim.httpUrl();
        client.setProfile(profile);
        client.setCredentials(u"operator"_s, u"operator"_s);
        client.setSubscriptions({ u"acme"_s });
        AlertModel alerts;
        alerts.setClient(&client);
        FrameLogModel frames;
        frames.setClient(&client);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), noc::NocClient::ConnectionState::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(frames.totalFrames() > 0, 5000);

        // The Diagnostics tab is left: frames still flow, none is collected.
        frames.setActive(false);
        const qint64 seen = frames.totalFrames();
        sim.publishAlert(u"acme"_s, u"LOW"_s, u"FAN_FAILURE"_s, u"while hidden"_s);
        QTRY_COMPARE_WITH_TIMEOUT(alerts.count(), 1, 5000);
        QCOMPARE(frames.totalFrames(), seen);

        // Shown again: the engine forwards frames again.
        frames.setActive(true);
        sim.publishAlert(u"acme"_s, u"LOW"_s, u"FAN_FAILURE"_s, u"while shown"_s);
        QTRY_COMPARE_WITH_TIMEOUT(alerts.count(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(frames.toText().contains(u"while shown"_s), 5000);
        QVERIFY(!frames.toText().contains(u"while hidden"_s));
        client.stop();
    }

    void developerToolsTalkToTheServer()
    {
        noc::sim::Simulator sim;
        QVERIFY(sim.listen());
        noc::NocClient client;
        client.setCredentialStore(nullptr);
        noc::ServerProfile profile;
        profile.baseUrl = sim.httpUrl();
        client.setProfile(profile);
        client.setCredentials(u"operator"_s, u"operator"_s);
        QVERIFY(!client.ping()); // nothing open yet
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), noc::NocClient::ConnectionState::Connected, 10000);
        const auto presenceOpen
            = [&client] { return client.channelHealth().at(1).state == noc::ChannelHealth::State::Open; };
        QTRY_VERIFY_WITH_TIMEOUT(presenceOpen(), 5000);
        QSignalSpy pong(&client, &noc::NocClient::pongReceived);
        QVERIFY(client.ping());
        QTRY_COMPARE_WITH_TIMEOUT(pong.count(), 1, 5000);
        QVERIFY(pong.at(0).at(0).toInt() >= 0);
        QCOMPARE(sim.framesReceivedByType().value(u"ping"_s), 1);

        QSignalSpy stats(&client, &noc::NocClient::statsReceived);
        QVERIFY(client.requestStats());
        QTRY_COMPARE_WITH_TIMEOUT(stats.count(), 1, 5000);
        QVERIFY(stats.at(0).at(0).toMap().contains(u"message_count"_s));

        // A raw test frame goes through the pacer to the dashboard socket; the server answers it.
        QSignalSpy metrics(&client, &noc::NocClient::metricsReceived);
        QVERIFY(client.sendRawFrame(uR"({"type": "request_metrics", "client_id": "acme"})"_s));
        QTRY_COMPARE_WITH_TIMEOUT(metrics.count(), 1, 5000);
        QCOMPARE(metrics.at(0).at(0).toString(), u"acme"_s);
        QVERIFY(!client.sendRawFrame(u"[1, 2]"_s)); // not an object: the server would close with 1011
        QVERIFY(!client.sendRawFrame(u"not json"_s));

        // Reconnect now: the sockets go, the session signs in again and is live.
        QSignalSpy states(&client, &noc::NocClient::stateChanged);
        const int opened = sim.framesReceivedByType().value(u"subscribe_client"_s);
        client.setSubscriptions({ u"acme"_s });
        client.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), noc::NocClient::ConnectionState::Connected, 10000);
        QVERIFY(states.count() >= 2);
        QTRY_VERIFY_WITH_TIMEOUT(sim.framesReceivedByType().value(u"subscribe_client"_s) > opened, 5000);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestUiLive)
#include "tst_uilive.moc"
