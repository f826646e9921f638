// SPDX-License-Identifier: MIT
// The reads over REST on their RestJobs, on the fake clock against the simulator over loopback: a person's
// reads (AlertLookup) read a record at most once a minute, wait their turn while another runs and all
// wait out a 429; the list's upkeep (AlertHistory) asks a refusing server again after 15 minutes, a
// failing one after a minute, and has an expired token renewed in the middle of a read.
#include "AlertHistory.h"
#include "AlertLookup.h"
#include "FakeClock.h"
#include "HttpResponder.h"
#include "sim/AlertSeeder.h"
#include "sim/Simulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::AlertApiErrorKind;
using History = noc::AlertHistory::State;
using List = noc::sim::AlertApiOptions::List;

namespace {
constexpr int kTimeoutMs = 10000;
constexpr qint64 kMinuteMs = 60 * 1000;

noc::sim::SimulatorOptions server(List list = List::Working)
{
    noc::sim::SimulatorOptions options;
    options.alertApi.list = list;
    return options;
}

QList<qint64> seedNew(noc::sim::Simulator &sim, int count)
{
    noc::sim::SeedRequest seed;
    seed.count = count;
    seed.statuses = { u"NEW"_s };
    return sim.seedAlerts(seed);
}

// A client's REST side without the rest of the client: the network, the clock, the access it asks for.
struct Desk
{
    QNetworkAccessManager network;
    noc::test::FakeClock clock;
    noc::SessionAccess access;

    explicit Desk(const QUrl &url) { access.profile.baseUrl = url; }
    [[nodiscard]] std::function<noc::SessionAccess()> accessor()
    {
        return [this] { return access; };
    }
};

struct Person : Desk
{
    noc::AlertLookup lookup { &network, &clock };
    QStringList read; // ids of the records read, in order
    QList<noc::AlertApiError> failures;
    int lists = 0;

    explicit Person(const QUrl &url) : Desk(url)
    {
        lookup.setAccess(accessor());
        QObject::connect(&lookup, &noc::AlertLookup::detailRead,
                         [this](const noc::AlertRecordDetail &detail) { read.append(detail.alert.id); });
        QObject::connect(&lookup, &noc::AlertLookup::listed, [this] { ++lists; });
        QObject::connect(
            &lookup, &noc::AlertLookup::failed,
            [this](const QString &, const noc::AlertApiError &error) { failures.append(error); });
    }
};
} // namespace

class TestAlertReads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRecordIsReadAtMostOnceAMinute()
    {
        noc::sim::Simulator sim(server());
        QVERIFY(sim.listen());
        const QString id = QString::number(seedNew(sim, 1).constFirst());
        Person person(sim.httpUrl());
        person.access.accessToken = sim.issueAccessToken(u"operator"_s);

        person.lookup.detail(id);
        QTRY_COMPARE_WITH_TIMEOUT(person.read.size(), 1, kTimeoutMs);
        QCOMPARE(person.lookup.calls(), 1);

        // Asked again within the minute (its status changed, say): read when the minute is over.
        person.clock.advance(20 * 1000);
        person.lookup.detail(id);
        person.lookup.detail(id);
        QVERIFY(person.lookup.isBusy());
        person.clock.advance(40 * 1000 - 1);
        QCOMPARE(person.lookup.calls(), 1);
        person.clock.advance(1);
        QCOMPARE(person.lookup.calls(), 2); // leaves on the dot
        QTRY_COMPARE_WITH_TIMEOUT(person.read.size(), 2, kTimeoutMs);
        QVERIFY(!person.lookup.isBusy());
        QCOMPARE(sim.restCalls().value(u"operator"_s).detail, 2);
    }

    void whatIsAskedWhileAReadRunsWaitsItsTurn()
    {
        noc::sim::Simulator sim(server());
        QVERIFY(sim.listen());
        const QList<qint64> ids = seedNew(sim, 3);
        Person person(sim.httpUrl());
        person.access.accessToken = sim.issueAccessToken(u"operator"_s);

        person.lookup.list({ u"NEW"_s });
        person.lookup.detail(QString::number(ids.at(0)));
        person.lookup.list({ u"RESOLVED"_s });
        QCOMPARE(person.lookup.calls(), 1); // one read at a time
        QTRY_COMPARE_WITH_TIMEOUT(person.lists, 2, kTimeoutMs);
        QCOMPARE(person.read, QStringList { QString::number(ids.at(0)) });
        QCOMPARE(person.lookup.calls(), 3);
        QVERIFY(person.failures.isEmpty());

        // A person looks at one record at a time: one waiting for its minute gives way to the next.
        person.lookup.detail(QString::number(ids.at(0)));
        person.lookup.detail(QString::number(ids.at(1)));
        QTRY_COMPARE_WITH_TIMEOUT(person.read.size(), 2, kTimeoutMs);
        QCOMPARE(person.read.constLast(), QString::number(ids.at(1)));
        person.clock.advance(kMinuteMs);
        QCOMPARE(person.lookup.calls(), 4);
        QVERIFY(!person.lookup.isBusy());
    }

    void a429HoldsEveryReadUntilItsRetryAfter()
    {
        noc::test::HttpResponder limited(
            "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120",
            R"({"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}})");
        Person person(limited.url());
        person.access.accessToken = u"token"_s;
        person.lookup.list({});
        QTRY_COMPARE_WITH_TIMEOUT(person.failures.size(), 1, kTimeoutMs);
        QCOMPARE(person.failures.constFirst().kind, AlertApiErrorKind::RateLimited);
        QCOMPARE(person.failures.constFirst().retryAfterSeconds, 120);

        person.lookup.detail(u"17"_s); // asked meanwhile: nothing goes before the server's wait is over
        person.lookup.list({});
        person.clock.advance(120 * 1000 - 1);
        QCOMPARE(limited.requests, 1);
        QCOMPARE(person.lookup.calls(), 1);
        person.clock.advance(1);
        QCOMPARE(person.lookup.calls(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(person.failures.size(), 2, kTimeoutMs);
        QCOMPARE(limited.requests, 2);
    }

    void aPersonsReadHasItsTokenRenewedOnce()
    {
        noc::sim::Simulator sim(server());
        QVERIFY(sim.listen());
        const QString id = QString::number(seedNew(sim, 1).constFirst());
        Person person(sim.httpUrl());
        QSignalSpy rejected(&person.lookup, &noc::AlertLookup::tokenRejected);
        person.access.accessToken = u"expired.not.valid"_s;
        person.lookup.detail(id);
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, kTimeoutMs);
        person.access.accessToken = sim.issueAccessToken(u"operator"_s);
        person.lookup.tokenRenewed();
        QTRY_COMPARE_WITH_TIMEOUT(person.read.size(), 1, kTimeoutMs);
        QVERIFY(person.failures.isEmpty());
        QCOMPARE(person.lookup.calls(), 2);
    }

    void aRefusingServerIsAskedAgainAfterFifteenMinutes()
    {
        noc::sim::Simulator sim(server(List::Refused));
        QVERIFY(sim.listen());
        Desk desk(sim.httpUrl());
        desk.access.accessToken = sim.issueAccessToken(u"operator"_s);
        noc::AlertHistory history(&desk.network, &desk.clock);
        history.setAccess(desk.accessor());
        history.loadOpen();
        QTRY_COMPARE_WITH_TIMEOUT(history.state(), History::Unavailable, kTimeoutMs);
        QVERIFY(history.refusedByServer());
        QVERIFY2(history.reason().contains(u"403"_s), qPrintable(history.reason()));
        QCOMPARE(history.calls(), 1);
        QVERIFY(!history.mayRetry());
        QCOMPARE(history.msUntilRetry(), 15 * kMinuteMs);
        desk.clock.advance(15 * kMinuteMs - 1);
        QVERIFY(!history.mayRetry());
        desk.clock.advance(1);
        QVERIFY(history.mayRetry());
        QCOMPARE(history.calls(), 1); // the history says when; HistorySync asks
    }

    void aFailingServerIsAskedAgainAfterAMinute()
    {
        Desk desk(noc::test::HttpResponder::closedPortUrl());
        desk.access.accessToken = u"token"_s;
        noc::AlertHistory history(&desk.network, &desk.clock);
        history.setAccess(desk.accessor());
        history.loadOpen();
        QTRY_COMPARE_WITH_TIMEOUT(history.state(), History::Unavailable, kTimeoutMs);
        QVERIFY(!history.refusedByServer());
        QCOMPARE(history.calls(), 1); // no answer is not tried again within the read
        QCOMPARE(history.msUntilRetry(), kMinuteMs);
        desk.clock.advance(kMinuteMs - 1);
        QVERIFY(!history.mayRetry());
        desk.clock.advance(1);
        QVERIFY(history.mayRetry());
    }

    void anExpiredTokenIsRenewedInTheMiddleOfARead()
    {
        noc::sim::Simulator sim(server());
        QVERIFY(sim.listen());
        seedNew(sim, 3);
        Desk desk(sim.httpUrl());
        desk.access.accessToken = u"expired.not.valid"_s;
        noc::AlertHistory history(&desk.network, &desk.clock);
        history.setAccess(desk.accessor());
        QSignalSpy rejected(&history, &noc::AlertHistory::tokenRejected);
        history.loadOpen();
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, kTimeoutMs);
        QCOMPARE(history.state(), History::Loading); // not "unavailable" for a token the session renews
        desk.access.accessToken = sim.issueAccessToken(u"operator"_s);
        history.tokenRenewed();
        QTRY_COMPARE_WITH_TIMEOUT(history.state(), History::Loaded, kTimeoutMs);
        QCOMPARE(history.loadedOpen(), 3);
        QCOMPARE(history.calls(), 1 + 4); // the refused page again, then the other three statuses

        // No renewal comes: after its wait the read fails, and is asked again a minute later.
        history.reset();
        desk.access.accessToken = u"expired.not.valid"_s;
        history.loadOpen();
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 2, kTimeoutMs);
        desk.clock.advance(30 * 1000);
        QCOMPARE(history.state(), History::Unavailable);
        QVERIFY2(history.reason().contains(u"token"_s), qPrintable(history.reason()));
        QVERIFY(!history.refusedByServer());
        QCOMPARE(history.msUntilRetry(), kMinuteMs - 30 * 1000);
    }
};

QTEST_GUILESS_MAIN(TestAlertReads)
#include "tst_alertreads.moc"
