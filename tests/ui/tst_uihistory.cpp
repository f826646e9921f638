// SPDX-License-Identifier: MIT
// The alert list is the NOC's current state: the server's open records at sign-in, what was raised during
// a gap, colleagues' actions; and a server that refuses its records leaves the live feed working and
// says so. The real engine and models against the simulator over loopback; assertions on what it holds.
#include "AlertFilterModel.h"
#include "AlertModel.h"
#include "NocClient.h"
#include "sim/AlertSeeder.h"
#include "sim/AlertStatus.h"
#include "sim/Simulator.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using History = noc::NocClient::HistoryState;
using Api = noc::sim::AlertApiOptions;

namespace {
constexpr int kTimeoutMs = 10000;

noc::sim::SeedRequest seedOf(int count, const QStringList &statuses = {})
{
    noc::sim::SeedRequest request;
    request.count = count;
    request.statuses = statuses;
    return request;
}

noc::sim::SimulatorOptions serverWith(Api::List list, bool alertUpdatedCloses)
{
    noc::sim::SimulatorOptions options;
    options.alertApi.list = list;
    options.alertApi.alertUpdatedCloses = alertUpdatedCloses;
    options.alertApi.escalateBroken = false;
    return options;
}

struct Desk
{
    noc::sim::Simulator sim;
    noc::NocClient client;
    AlertModel alerts;
    AlertFilterModel open;

    explicit Desk(const noc::sim::SimulatorOptions &options, int reconcileSeconds = 600) : sim(options)
    {
        if (!sim.listen())
            qFatal("simulator could not listen");
        client.setCredentialStore(nullptr);
        noc::ClientSettings settings;
        settings.servers = { sim.httpUrl() };
        settings.backoff.baseMs = 100;
        settings.backoff.jitter = 0;
        settings.subscriptions = { u"acme"_s, u"globex"_s };
        settings.reconcileSeconds = reconcileSeconds;
        client.applySettings(settings);
        client.setCredentials(u"operator"_s, u"operator"_s);
        alerts.setClient(&client);
        open.setAlerts(&alerts);
    }

    [[nodiscard]] QString statusOf(qint64 id) const
    {
        return alerts.get(u"alert:"_s + QString::number(id)).value(u"statusName"_s).toString();
    }
};

QString lower(noc::sim::AlertStatus status)
{
    return noc::sim::AlertStatusNames::code(status).toLower();
}
} // namespace

class TestUiHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInLoadsTheOpenAlertsOfTheServer()
    {
        Desk desk(serverWith(Api::List::Working, false));
        noc::sim::SeedRequest seed;
        seed.count = 40; // a realistic mix: new, acknowledged, assigned, escalated, resolved
        const QList<qint64> ids = desk.sim.seedAlerts(seed);
        QCOMPARE(ids.size(), 40);
        QAbstractItemModelTester tester(&desk.alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int open = 0;
        for (qint64 id : ids)
            open += noc::sim::AlertStatusNames::isOpen(desk.sim.alertStore().find(id)->status) ? 1 : 0;
        QVERIFY(open > 0 && open < 40);

        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Loaded, kTimeoutMs);
        QCOMPARE(desk.client.openOnServer(), open);
        QCOMPARE(desk.client.loadedOpen(), open);
        QTRY_COMPARE_WITH_TIMEOUT(desk.alerts.count(), open, kTimeoutMs);
        // Every row says what the server's record says.
        for (qint64 id : ids) {
            const noc::sim::StoredAlert *record = desk.sim.alertStore().find(id);
            if (noc::sim::AlertStatusNames::isOpen(record->status))
                QCOMPARE(desk.statusOf(id), lower(record->status));
            else
                QCOMPARE(desk.statusOf(id), QString()); // resolved ones are not read
        }
        // New ones count as unacknowledged; a colleague's acknowledgement, assignment or escalation not.
        int fresh = 0;
        for (qint64 id : ids)
            fresh += desk.sim.alertStore().find(id)->status == noc::sim::AlertStatus::New ? 1 : 0;
        QCOMPARE(desk.alerts.unacknowledgedCount(), fresh);
        // Four statuses, one page each: the budget is spent on purpose.
        QCOMPARE(desk.client.historyCalls(), 4);

        // A push of one of them later is the same row, and keeps the record's status.
        const qint64 known = ids.constLast();
        QVERIFY(desk.sim.alertStore().find(known));
        desk.client.stop();
    }

    void aGapIsBackFilledFromTheRecords()
    {
        Desk desk(serverWith(Api::List::Working, false));
        // Resolved an hour ago: not in the open load, but on the back-fill's page, and not news.
        noc::sim::SeedRequest resolved = seedOf(3, { u"RESOLVED"_s });
        resolved.agesSeconds = { 3600, 3600, 3600 };
        desk.sim.seedAlerts(resolved);
        desk.sim.seedAlerts(seedOf(5, { u"NEW"_s }));
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Loaded, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.alerts.count(), 5, kTimeoutMs);
        const int callsAfterLoad = desk.client.historyCalls();

        // The server drops every socket; while the client reconnects, alerts are raised and not pushed.
        desk.sim.closeSockets(1011, u"server error"_s);
        noc::sim::SeedRequest meanwhile;
        meanwhile.count = 12;
        meanwhile.statuses = { u"NEW"_s };
        meanwhile.agesSeconds = QList<int>(12, 0);
        const QList<qint64> raised = desk.sim.seedAlerts(meanwhile);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.feedGaps(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.lastBackfillCount(), 12, kTimeoutMs);
        QVERIFY(desk.client.lastBackfillComplete());
        QTRY_COMPARE_WITH_TIMEOUT(desk.alerts.count(), 17, kTimeoutMs);
        for (qint64 id : raised)
            QCOMPARE(desk.statusOf(id), u"new"_s);
        // One page: it reached what was known before the gap.
        QCOMPARE(desk.client.historyCalls(), callsAfterLoad + 1);
        desk.client.stop();
    }

    void aGapLongerThanOneBackFillReadsSaysSo()
    {
        Desk desk(serverWith(Api::List::Working, false));
        desk.sim.seedAlerts(seedOf(3, { u"NEW"_s }));
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Loaded, kTimeoutMs);
        // Pushed while live: the newest alert known is this one, not the start-up load's newest.
        desk.sim.publishAlert(u"acme"_s, u"HIGH"_s, u"LINK_DOWN"_s, u"pushed"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.alerts.count(), 4, kTimeoutMs);

        desk.sim.closeSockets(1011, u"server error"_s);
        noc::sim::SeedRequest storm; // more than ten pages of 100 raised during the gap
        storm.count = 1150;
        storm.statuses = { u"NEW"_s };
        storm.agesSeconds = QList<int>(1150, 0);
        desk.sim.seedAlerts(storm);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.feedGaps(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(desk.client.lastBackfillCount() >= 0, kTimeoutMs);
        QCOMPARE(desk.client.lastBackfillCount(), 1000); // the budget: ten pages, newest first
        QVERIFY(!desk.client.lastBackfillComplete()); // and it says the oldest of the gap are missing
        desk.client.stop();
    }

    void aColleaguesActionReachesTheRow()
    {
        Desk desk(serverWith(Api::List::Working, false));
        const QList<qint64> ids = desk.sim.seedAlerts(seedOf(3, { u"NEW"_s }));
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.open.count(), 3, kTimeoutMs);

        QCOMPARE(desk.sim.actOnAlert(u"anna"_s, u"assign"_s, ids.at(0)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(desk.statusOf(ids.at(0)), u"assigned"_s, kTimeoutMs);
        QCOMPARE(desk.alerts.unacknowledgedCount(), 2);
        QCOMPARE(desk.sim.actOnAlert(u"anna"_s, u"resolve"_s, ids.at(1)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(desk.statusOf(ids.at(1)), u"resolved"_s, kTimeoutMs);
        // Resolved alerts leave the open list; the filter shows them on request.
        QCOMPARE(desk.open.count(), 2);
        desk.open.setShowClosed(true);
        QCOMPARE(desk.open.count(), 3);
        QCOMPARE(desk.alerts.unacknowledgedCount(), 1);
        QVERIFY(desk.client.state() == noc::NocClient::ConnectionState::Connected); // delivered, not closed
        desk.client.stop();
    }

    void onCurrentServersTheTenantWide1011IsTheNews()
    {
        // Current servers: a colleague's action closes every dashboard socket (1011), nothing is pushed.
        Desk desk(serverWith(Api::List::Working, true), 10);
        const QList<qint64> ids = desk.sim.seedAlerts(seedOf(3, { u"NEW"_s }));
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.open.count(), 3, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Loaded, kTimeoutMs);
        const int callsBefore = desk.client.historyCalls();

        QCOMPARE(desk.sim.actOnAlert(u"anna"_s, u"resolve"_s, ids.at(2)).status, 200);
        QCOMPARE(desk.sim.actOnAlert(u"ravi"_s, u"ack"_s, ids.at(1)).status, 200);
        // Reconnect, back-fill, then the open alerts read again: the resolved one leaves the list.
        QTRY_COMPARE_WITH_TIMEOUT(desk.statusOf(ids.at(2)), u"resolved"_s, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.statusOf(ids.at(1)), u"acknowledged"_s, kTimeoutMs);
        QCOMPARE(desk.statusOf(ids.at(0)), u"new"_s);
        QVERIFY(!desk.client.lastGapOwnAction()); // colleagues' 1011s are news
        QCOMPARE(desk.open.count(), 2);
        QCOMPARE(desk.alerts.unacknowledgedCount(), 1);
        // The 1011s were news: besides a back-fill per reconnect, the four open lists are read again,
        // once (a minute apart at most; a tenth of the 10 s period here).
        QTRY_VERIFY_WITH_TIMEOUT(desk.client.historyCalls() - callsBefore >= 1 + 4, kTimeoutMs);
        QVERIFY2(desk.client.historyCalls() - callsBefore <= 2 + 4,
                 qPrintable(QString::number(desk.client.historyCalls() - callsBefore)));
        desk.client.stop();
    }

    void ownActionsReconnectAtOnceAndTheRowsSayTheOutcome()
    {
        // A current server: every successful action closes every dashboard socket (1011), ours too.
        Desk desk(serverWith(Api::List::Working, true));
        noc::ClientSettings slow = desk.client.settings();
        slow.backoff.baseMs = 60000; // a backoff would show: the test's timeout is far shorter
        desk.client.applySettings(slow);
        const QList<qint64> ids = desk.sim.seedAlerts(seedOf(4, { u"NEW"_s }));
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.open.count(), 4, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Loaded, kTimeoutMs);
        const int historyBefore = desk.client.historyCalls();
        QSignalSpy refused(&desk.alerts, &AlertModel::actionRefused);

        const QString first = u"alert:"_s + QString::number(ids.at(0));
        desk.alerts.resolveKeys({ first }, u"replaced the PSU"_s);
        QCOMPARE(desk.alerts.get(first).value(u"actionState"_s).toInt(), int(noc::AlertActionState::Pending));
        QCOMPARE(desk.alerts.get(first).value(u"actionKind"_s).toInt(), int(noc::AlertActionKind::Resolve));
        QTRY_COMPARE_WITH_TIMEOUT(desk.statusOf(ids.at(0)), u"resolved"_s, kTimeoutMs);
        QCOMPARE(desk.sim.alertStore().find(ids.at(0))->status, noc::sim::AlertStatus::Resolved);
        QCOMPARE(desk.alerts.get(first).value(u"actionState"_s).toInt(), int(noc::AlertActionState::None));
        QTRY_COMPARE_WITH_TIMEOUT(desk.open.count(), 3, kTimeoutMs);
        // Our own 1011: back at once, no attempt counted, a back-fill, and no colleague to reconcile for.
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.feedGaps(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.state(), noc::NocClient::ConnectionState::Connected,
                                  kTimeoutMs);
        QCOMPARE(desk.client.attempt(), 0);
        QVERIFY(desk.client.lastGapOwnAction()); // the gap notice need not explain it
        QTRY_VERIFY_WITH_TIMEOUT(desk.client.lastBackfillCount() >= 0, kTimeoutMs);
        QCOMPARE(desk.client.historyCalls() - historyBefore, 1);
        QCOMPARE(desk.client.actionCalls(), 1);

        // Assign to a colleague: the row says to whom.
        const QString second = u"alert:"_s + QString::number(ids.at(1));
        desk.alerts.assignKeys({ second }, 7, u"your area"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.statusOf(ids.at(1)), u"assigned"_s, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.alerts.get(second).value(u"assignedTo"_s).toString(), u"Ravi Patel"_s,
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.state(), noc::NocClient::ConnectionState::Connected,
                                  kTimeoutMs);

        // Escalate on a build that answers 500: the row and a toast say so; nothing else changes.
        noc::sim::AlertApiOptions broken = desk.sim.alertApiSettings();
        broken.escalateBroken = true;
        desk.sim.setAlertApiSettings(broken);
        const QString third = u"alert:"_s + QString::number(ids.at(2));
        desk.alerts.escalateKeys({ third }, 6, u"customer escalated"_s);
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kTimeoutMs);
        QCOMPARE(desk.alerts.get(third).value(u"actionState"_s).toInt(), int(noc::AlertActionState::Refused));
        QCOMPARE(desk.alerts.get(third).value(u"actionKind"_s).toInt(), int(noc::AlertActionKind::Escalate));
        QVERIFY(!desk.alerts.get(third).value(u"actionReason"_s).toString().isEmpty()); // the server's words
        QCOMPARE(desk.statusOf(ids.at(2)), u"new"_s);
        QCOMPARE(desk.client.pendingActions(), 0);
        desk.client.stop();
    }

    void aServerThatRefusesItsRecordsLeavesTheLiveFeed()
    {
        Desk desk(serverWith(Api::List::Refused, true));
        desk.sim.seedAlerts(seedOf(5));
        QSignalSpy signedOut(&desk.client, &noc::NocClient::signedOut);
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Unavailable, kTimeoutMs);
        QVERIFY2(desk.client.historyReason().contains(u"403"_s), qPrintable(desk.client.historyReason()));
        QCOMPARE(desk.client.state(), noc::NocClient::ConnectionState::Connected); // not a sign-out
        QCOMPARE(desk.alerts.count(), 0);

        // The live feed still works.
        const QString pushed = desk.sim.publishAlert(u"acme"_s, u"HIGH"_s, u"LINK_DOWN"_s, u"uplink down"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.alerts.count(), 1, kTimeoutMs);
        QCOMPARE(desk.alerts.get(u"alert:"_s + pushed).value(u"statusName"_s).toString(), QString());

        // Reconnects do not ask again and again: once, then rarely.
        desk.sim.closeSockets(1011);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.feedGaps(), 1, kTimeoutMs);
        desk.sim.closeSockets(1011);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.feedGaps(), 2, kTimeoutMs);
        QCOMPARE(desk.client.historyCalls(), 1);
        QCOMPARE(desk.client.historyState(), History::Unavailable);
        QCOMPARE(signedOut.count(), 0);
        desk.client.stop();
    }

    void aServerWithoutTheListSaysSo()
    {
        Desk desk(serverWith(Api::List::Absent, true));
        desk.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(desk.client.historyState(), History::Unavailable, kTimeoutMs);
        QVERIFY2(desk.client.historyReason().contains(u"404"_s), qPrintable(desk.client.historyReason()));
        QCOMPARE(desk.client.state(), noc::NocClient::ConnectionState::Connected);
        desk.client.stop();
    }
};

QTEST_GUILESS_MAIN(TestUiHistory)
#include "tst_uihistory.moc"
