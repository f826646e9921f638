// SPDX-License-Identifier: MIT
// Resolve, assign and escalate over REST against the simulator over loopback: what the server recorded
// decides, every alert gets its own outcome, bulk is chunked, refusals are final and visible, and a
// queued action survives the process.
#include "AlertActions.h"
#include "FakeClock.h"
#include "HttpResponder.h"
#include "sim/AlertSeeder.h"
#include "sim/AlertStatus.h"
#include "sim/Simulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::AlertActionKind;
using noc::AlertActionOutcome;
using noc::sim::AlertStatus;

namespace {
constexpr int kTimeoutMs = 10000;

noc::sim::SimulatorOptions server(bool escalateBroken = false)
{
    noc::sim::SimulatorOptions options;
    options.alertApi.list = noc::sim::AlertApiOptions::List::Working;
    options.alertApi.escalateBroken = escalateBroken;
    return options;
}

QStringList idsOf(const QList<qint64> &ids)
{
    QStringList out;
    for (qint64 id : ids)
        out.append(QString::number(id));
    return out;
}

QList<qint64> seedNew(noc::sim::Simulator &sim, int count)
{
    noc::sim::SeedRequest seed;
    seed.count = count;
    seed.statuses = { u"NEW"_s };
    return sim.seedAlerts(seed);
}

struct Desk
{
    noc::sim::Simulator sim;
    QNetworkAccessManager network;
    noc::test::FakeClock clock;
    noc::SessionAccess access;
    std::unique_ptr<noc::AlertActions> actions;
    QList<AlertActionOutcome> outcomes;
    QList<std::pair<QString, AlertActionKind>> announced; // actionPending, since the last reopen

    explicit Desk(const noc::sim::SimulatorOptions &options = server()) : sim(options)
    {
        if (!sim.listen())
            qFatal("simulator could not listen");
        reopen({});
    }

    void reopen(const QString &outboxPath)
    {
        actions = std::make_unique<noc::AlertActions>(&network, &clock);
        access.profile.baseUrl = sim.httpUrl();
        actions->setAccess([this] { return access; });
        announced.clear();
        QObject::connect(actions.get(), &noc::AlertActions::actionPending,
                         [this](const QString &id, AlertActionKind kind) {
                             announced.append({ id, kind });
                         });
        actions->setOutboxPath(outboxPath);
        QObject::connect(actions.get(), &noc::AlertActions::settled,
                         [this](const AlertActionOutcome &outcome) { outcomes.append(outcome); });
    }

    void signIn(const QString &user = u"operator"_s)
    {
        access.username = user;
        access.accessToken = sim.issueAccessToken(user);
        actions->setActive(true);
        actions->resume();
    }

    [[nodiscard]] AlertStatus statusOf(qint64 id) const { return sim.alertStore().find(id)->status; }
    [[nodiscard]] int actionCalls() const { return sim.restCalls().value(u"operator"_s).actions; }
};
} // namespace

class TestAlertActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneAlertAndABulkSelectionAreResolvedOnTheServer()
    {
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 121);
        desk.signIn();

        desk.actions->request(AlertActionKind::Resolve, { QString::number(ids.first()) }, u"fan replaced"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 1, kTimeoutMs);
        QVERIFY(desk.outcomes.first().done);
        QCOMPARE(desk.statusOf(ids.first()), AlertStatus::Resolved);
        QCOMPARE(desk.sim.alertStore().details(ids.first())->metadata.value("resolution_notes"_L1).toString(),
                 u"fan replaced"_s);

        // 120 more: two bulk calls (100 + 20), not 120.
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids.mid(1)), u"site power restored"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 121, kTimeoutMs);
        for (qint64 id : ids)
            QCOMPARE(desk.statusOf(id), AlertStatus::Resolved);
        QVERIFY(std::all_of(desk.outcomes.cbegin(), desk.outcomes.cend(),
                            [](const AlertActionOutcome &o) { return o.done; }));
        QCOMPARE(desk.actionCalls(), 3);
        QCOMPARE(desk.actions->calls(), 3);
        QCOMPARE(desk.actions->pendingAlerts(), 0);
    }

    void aBulkThatCountsFewerAsksAgainInHalvesAndSaysWhichFailed()
    {
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 2);
        desk.signIn();
        QStringList selection = idsOf(ids);
        selection.append(u"987654321"_s); // not a record of this tenant: skipped uncounted by bulk
        desk.actions->request(AlertActionKind::Resolve, selection, u"done"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 3, kTimeoutMs);
        for (const AlertActionOutcome &outcome : std::as_const(desk.outcomes)) {
            if (outcome.alertId == "987654321"_L1) {
                QVERIFY(!outcome.done);
                QVERIFY2(outcome.reason.contains("not found"_L1, Qt::CaseInsensitive),
                         qPrintable(outcome.reason));
            } else {
                QVERIFY(outcome.done);
            }
        }
        QCOMPARE(desk.statusOf(ids.at(0)), AlertStatus::Resolved);
        QCOMPARE(desk.statusOf(ids.at(1)), AlertStatus::Resolved);
        // The bulk, then halves: {a,b} counts both (settled), {unknown} alone says why.
        QCOMPARE(desk.actionCalls(), 1 + 2);
    }

    void assignGoesOneByOneToTheColleague()
    {
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 2);
        desk.signIn();
        desk.actions->request(AlertActionKind::Assign, idsOf(ids), u"please look"_s, 7);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 2, kTimeoutMs);
        for (const AlertActionOutcome &outcome : std::as_const(desk.outcomes)) {
            QVERIFY(outcome.done);
            QCOMPARE(outcome.assignedTo, u"Ravi Patel"_s);
        }
        for (qint64 id : ids) {
            QCOMPARE(desk.statusOf(id), AlertStatus::Assigned);
            QCOMPARE(desk.sim.alertStore().details(id)->assigned.name, u"Ravi Patel"_s);
        }
        QCOMPARE(desk.actionCalls(), 2); // bulk assign changes nothing: never used

        // An assignee of no tenant: refused with the server's words, nothing changes.
        const QList<qint64> more = seedNew(desk.sim, 1);
        desk.actions->request(AlertActionKind::Assign, idsOf(more), {}, 4242);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 3, kTimeoutMs);
        QVERIFY(!desk.outcomes.last().done);
        QVERIFY2(desk.outcomes.last().reason.contains("not found"_L1, Qt::CaseInsensitive),
                 qPrintable(desk.outcomes.last().reason));
        QCOMPARE(desk.statusOf(more.first()), AlertStatus::New);
    }

    void escalateOnACurrentServerFailsVisiblyOnce()
    {
        Desk desk(server(true));
        const QList<qint64> ids = seedNew(desk.sim, 1);
        desk.signIn();
        desk.actions->request(AlertActionKind::Escalate, idsOf(ids), u"customer down"_s, 6);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 1, kTimeoutMs);
        QVERIFY(!desk.outcomes.first().done);
        QVERIFY2(desk.outcomes.first().reason.contains("500"_L1), qPrintable(desk.outcomes.first().reason));
        QCOMPARE(desk.statusOf(ids.first()), AlertStatus::New);
        desk.clock.advance(10 * 60 * 1000);
        QVERIFY(!desk.actions->isBusy()); // a retry would be under way now: calls leave synchronously
        QCOMPARE(desk.actionCalls(), 1); // not retried
        QCOMPARE(desk.actions->pendingAlerts(), 0);

        // Where escalation works, it is recorded.
        noc::sim::AlertApiOptions working = desk.sim.alertApiSettings();
        working.escalateBroken = false;
        desk.sim.setAlertApiSettings(working);
        desk.actions->request(AlertActionKind::Escalate, idsOf(ids), u"customer down"_s, 6);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 2, kTimeoutMs);
        QVERIFY(desk.outcomes.last().done);
        QCOMPARE(desk.statusOf(ids.first()), AlertStatus::Escalated);
    }

    void aRefusedTokenWaitsForTheRenewedOne()
    {
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 1);
        QSignalSpy rejected(desk.actions.get(), &noc::AlertActions::tokenRejected);
        desk.access.accessToken = u"expired.not.valid"_s;
        desk.actions->setActive(true);
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids), u"x"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, kTimeoutMs);
        QCOMPARE(desk.actions->pendingAlerts(), 1);
        QVERIFY(desk.outcomes.isEmpty());
        desk.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 1, kTimeoutMs);
        QVERIFY(desk.outcomes.first().done);
        QCOMPARE(desk.statusOf(ids.first()), AlertStatus::Resolved);
    }

    void aQueuedActionOutlivesTheProcessAndIsSentOnce()
    {
        QTemporaryDir state;
        const QString path = state.filePath(u"actions.json"_s);
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 3);
        desk.reopen(path);
        // Signed out: queued, nothing sent.
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids), u"after the outage"_s);
        desk.actions->request(AlertActionKind::Assign, idsOf(ids.mid(0, 1)), {}, 8);
        QCOMPARE(desk.actions->pendingAlerts(), 4);
        QVERIFY(!desk.actions->isBusy()); // calls leave synchronously: none left
        QCOMPARE(desk.actionCalls(), 0);

        desk.reopen(path); // the process ends and starts again
        QCOMPARE(desk.actions->pendingAlerts(), 4);
        // Every alert still waiting is announced, so that its row can say so until the answer.
        const QList<std::pair<QString, AlertActionKind>> waiting
            = { { idsOf(ids).at(0), AlertActionKind::Resolve },
                { idsOf(ids).at(1), AlertActionKind::Resolve },
                { idsOf(ids).at(2), AlertActionKind::Resolve },
                { idsOf(ids).at(0), AlertActionKind::Assign } };
        QCOMPARE(desk.announced, waiting);
        desk.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 4, kTimeoutMs);
        QCOMPARE(desk.actionCalls(), 2); // one bulk resolve, one assign
        for (qint64 id : ids.mid(1))
            QCOMPARE(desk.statusOf(id), AlertStatus::Resolved);
        QCOMPARE(desk.statusOf(ids.first()), AlertStatus::Assigned); // in the order they were asked for
        desk.reopen(path);
        QCOMPARE(desk.actions->pendingAlerts(), 0);
    }

    void anActionWaitsForTheSessionOfWhoAskedForIt()
    {
        QTemporaryDir state;
        const QString path = state.filePath(u"actions.json"_s);
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 1);
        desk.reopen(path);
        desk.access.username = u"operator"_s; // known before the sign-in completes
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids), u"mine"_s);
        desk.reopen(path);
        desk.signIn(u"anna"_s); // somebody else signs in at this desk: not in their name
        QVERIFY(!desk.actions->isBusy()); // a call would have left synchronously with the token
        QCOMPARE(desk.sim.restCalls().value(u"anna"_s).actions, 0);
        QCOMPARE(desk.actions->pendingAlerts(), 1);
        desk.signIn(u"operator"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 1, kTimeoutMs);
        QVERIFY(desk.outcomes.first().done);
        QCOMPARE(desk.actionCalls(), 1);
    }

    void anOutboxHeldByAnotherProgramIsTakenOverWhenItEnds()
    {
        QTemporaryDir state;
        const QString path = state.filePath(u"actions.json"_s);
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 2);
        auto holder = std::make_unique<noc::AlertActions>(&desk.network, &desk.clock);
        holder->setOutboxPath(path); // nocctl, say, holds the file
        holder->request(AlertActionKind::Escalate, idsOf(ids.mid(1)), u"theirs"_s, 6); // and leaves one
        desk.reopen(path);
        QVERIFY(!desk.actions->sharedNote().isEmpty());
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids.mid(0, 1)),
                              u"x"_s); // in memory only for now
        holder.reset(); // that program ends
        desk.announced.clear();
        desk.actions->resume();
        QVERIFY(desk.actions->sharedNote().isEmpty());
        // What it left joins this outbox, and its alerts are announced like any restored action.
        QCOMPARE(
            desk.announced,
            (QList<std::pair<QString, AlertActionKind>> { { idsOf(ids).at(1), AlertActionKind::Escalate } }));
        desk.reopen(path); // and this one is restarted: both actions were kept on disk after all
        QCOMPARE(desk.actions->pendingAlerts(), 2);
    }

    void noAnswerIsAskedAgainLessAndLessOften()
    {
        Desk desk;
        const QList<qint64> ids = seedNew(desk.sim, 1);
        desk.signIn();
        desk.access.profile.baseUrl = noc::test::HttpResponder::closedPortUrl(); // the server is gone
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids), u"x"_s);
        // 30 s, doubling up to 10 minutes, each try on the dot; the action stays queued.
        for (const qint64 wait : { 30, 60, 120, 240, 480, 600, 600 }) {
            QTRY_VERIFY_WITH_TIMEOUT(desk.actions->nextTryAt().isValid(), kTimeoutMs);
            QCOMPARE(desk.clock.nowUtc().secsTo(desk.actions->nextTryAt()), wait);
            const int calls = desk.actions->calls();
            desk.clock.advance(wait * 1000 - 1);
            QCOMPARE(desk.actions->calls(), calls);
            desk.clock.advance(1);
            QCOMPARE(desk.actions->calls(), calls + 1);
        }
        QVERIFY(desk.outcomes.isEmpty());
        QCOMPARE(desk.actions->pendingAlerts(), 1);

        // The server is back: the next try settles it.
        desk.access.profile.baseUrl = desk.sim.httpUrl();
        QTRY_VERIFY_WITH_TIMEOUT(desk.actions->nextTryAt().isValid(), kTimeoutMs);
        desk.clock.advance(10 * 60 * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 1, kTimeoutMs);
        QVERIFY(desk.outcomes.first().done);
        QCOMPARE(desk.statusOf(ids.first()), AlertStatus::Resolved);
        QVERIFY(!desk.actions->nextTryAt().isValid());
    }

    void aRateLimitedActionWaitsForRetryAfter()
    {
        noc::sim::SimulatorOptions options = server();
        options.alertApi.rateLimitPerHour = 1;
        Desk desk(options);
        const QList<qint64> ids = seedNew(desk.sim, 2);
        desk.signIn();
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids.mid(0, 1)), u"x"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desk.outcomes.size(), 1, kTimeoutMs);
        desk.actions->request(AlertActionKind::Resolve, idsOf(ids.mid(1)), u"y"_s);
        QTRY_VERIFY_WITH_TIMEOUT(desk.actions->nextTryAt().isValid(), kTimeoutMs);
        const qint64 wait = desk.clock.nowUtc().secsTo(desk.actions->nextTryAt());
        QVERIFY2(wait > 60 && wait <= 3600, qPrintable(QString::number(wait))); // the server's Retry-After
        QCOMPARE(desk.outcomes.size(), 1); // not refused: it waits
        QCOMPARE(desk.actions->calls(), 2);
        desk.clock.advance(wait * 1000);
        QCOMPARE(desk.actions->calls(), 3);
        QCOMPARE(desk.actions->pendingAlerts(), 1);
    }

    void whatCannotHaveARecordIsRefusedAtOnce()
    {
        Desk desk;
        desk.signIn();
        desk.actions->request(AlertActionKind::Resolve, { u"TCK-7"_s }, u"x"_s);
        desk.actions->request(AlertActionKind::Assign, { u"12"_s }, {}, 0);
        QCOMPARE(desk.outcomes.size(), 2);
        QVERIFY(!desk.outcomes.at(0).done && !desk.outcomes.at(1).done);
        QCOMPARE(desk.outcomes.at(1).reason, u"no colleague chosen"_s);
        QCOMPARE(desk.actions->pendingAlerts(), 0);
        QCOMPARE(desk.actionCalls(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertActions)
#include "tst_alertactions.moc"
