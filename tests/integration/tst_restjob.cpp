// SPDX-License-Identifier: MIT
// One REST call as every part makes it (RestJob): each status mapped to one outcome, a 401 renews the
// token once and then fails, a 429 waits for Retry-After (one parser, one cap), no answer backs off on the
// clock with the next try readable, and a cancelled call says nothing more. Against the simulator over
// loopback, and a tiny responder for the answers the simulator does not give.
#include "FakeClock.h"
#include "HttpResponder.h"
#include "RestJob.h"
#include "RetryAfter.h"
#include "sim/AlertSeeder.h"
#include "sim/Simulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::RestJob;
using Outcome = RestJob::Outcome;

Q_DECLARE_METATYPE(RestJob::Outcome)

namespace {
constexpr int kTimeoutMs = 10000;
constexpr qint64 kMinuteMs = 60 * 1000;

using Responder = noc::test::HttpResponder;

QUrl closedPortUrl()
{
    return Responder::closedPortUrl();
}

noc::sim::SimulatorOptions listing(noc::sim::AlertApiOptions::List list
                                   = noc::sim::AlertApiOptions::List::Working)
{
    noc::sim::SimulatorOptions options;
    options.alertApi.list = list;
    return options;
}

const RestJob::Call kList { "GET", u"/api/noc/alerts/"_s, QUrlQuery(u"page=1&page_size=100"_s), {} };

// A job, its clock and the access it asks for at each try, with what it said.
struct Rig
{
    QNetworkAccessManager network;
    noc::test::FakeClock clock;
    noc::SessionAccess access;
    RestJob job { &network, &clock };
    QList<RestJob::Result> results;
    int tokenRejected = 0;

    explicit Rig(const QUrl &server, const RestJob::Policy &policy = {})
    {
        access.profile.baseUrl = server;
        job.setAccess([this] { return access; });
        job.setPolicy(policy);
        QObject::connect(&job, &RestJob::finished, [this](const RestJob::Result &r) { results.append(r); });
        QObject::connect(&job, &RestJob::tokenRejected, [this] { ++tokenRejected; });
    }

    // Runs the call to its end.
    [[nodiscard]] RestJob::Result run(const RestJob::Call &call = kList)
    {
        const qsizetype before = results.size();
        job.start(call);
        if (!QTest::qWaitFor([&] { return results.size() > before; }, kTimeoutMs))
            qFatal("the job did not finish");
        return results.constLast();
    }
};
} // namespace

class TestRestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStatusHasOneOutcome_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Outcome>("outcome");
        QTest::newRow("no answer") << 0 << Outcome::NoAnswer;
        QTest::newRow("200") << 200 << Outcome::Success;
        QTest::newRow("204") << 204 << Outcome::Success;
        QTest::newRow("300") << 300 << Outcome::BadAnswer;
        QTest::newRow("400") << 400 << Outcome::Refused;
        QTest::newRow("401") << 401 << Outcome::Unauthorized;
        QTest::newRow("403") << 403 << Outcome::Refused;
        QTest::newRow("404") << 404 << Outcome::Refused;
        QTest::newRow("405") << 405 << Outcome::Refused;
        QTest::newRow("429") << 429 << Outcome::RateLimited;
        QTest::newRow("500") << 500 << Outcome::ServerError;
        QTest::newRow("503") << 503 << Outcome::ServerError;
    }

    void eachStatusHasOneOutcome()
    {
        QFETCH(int, status);
        QFETCH(Outcome, outcome);
        QCOMPARE(RestJob::outcomeOf(status), outcome);
    }

    void answersOverTheWireEndAsTheirOutcome_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("kind");
        QTest::newRow("400") << QByteArray("HTTP/1.1 400 Bad Request") << Outcome::Refused
                             << int(noc::AlertApiErrorKind::Invalid);
        QTest::newRow("405") << QByteArray("HTTP/1.1 405 Method Not Allowed") << Outcome::Refused
                             << int(noc::AlertApiErrorKind::Unreadable);
        QTest::newRow("502") << QByteArray("HTTP/1.1 502 Bad Gateway") << Outcome::ServerError
                             << int(noc::AlertApiErrorKind::ServerError);
        QTest::newRow("300") << QByteArray("HTTP/1.1 300 Multiple Choices") << Outcome::BadAnswer
                             << int(noc::AlertApiErrorKind::Unreadable);
    }

    void answersOverTheWireEndAsTheirOutcome()
    {
        QFETCH(QByteArray, head);
        QFETCH(Outcome, outcome);
        QFETCH(int, kind);
        Responder server(head, R"({"status": "error", "message": "no"})");
        Rig rig(server.url());
        const RestJob::Result result = rig.run();
        QCOMPARE(result.outcome, outcome);
        QCOMPARE(int(result.error.kind), kind);
        QCOMPARE(server.requests, 1); // none of these is tried again
        QVERIFY(!rig.job.isRunning());
    }

    void theSimulatorsAnswersMapAsTheServersWould()
    {
        noc::sim::Simulator sim(listing());
        QVERIFY(sim.listen());
        Rig rig(sim.httpUrl());
        rig.access.accessToken = sim.issueAccessToken(u"operator"_s);
        RestJob::Result result = rig.run();
        QCOMPARE(result.outcome, Outcome::Success);
        QCOMPARE(result.httpStatus, 200);
        QVERIFY(result.body.contains("\"results\""));
        QCOMPARE(result.sentAt, rig.clock.nowUtc());
        QCOMPARE(rig.job.calls(), 1);

        result = rig.run({ "GET", u"/api/noc/alerts/987654/"_s, {}, {} });
        QCOMPARE(result.outcome, Outcome::Refused);
        QCOMPARE(result.error.kind, noc::AlertApiErrorKind::NotFound);

        noc::sim::AlertApiOptions refused = sim.alertApiSettings();
        refused.list = noc::sim::AlertApiOptions::List::Refused;
        sim.setAlertApiSettings(refused);
        result = rig.run();
        QCOMPARE(result.outcome, Outcome::Refused);
        QCOMPARE(result.error.kind, noc::AlertApiErrorKind::HistoryRefused);
        QCOMPARE(result.httpStatus, 403);

        noc::sim::AlertApiOptions absent = sim.alertApiSettings();
        absent.list = noc::sim::AlertApiOptions::List::Absent;
        sim.setAlertApiSettings(absent);
        result = rig.run();
        QCOMPARE(result.outcome, Outcome::Refused);
        QCOMPARE(result.httpStatus, 404);

        noc::sim::AlertApiOptions broken = listing().alertApi;
        broken.escalateBroken = true;
        sim.setAlertApiSettings(broken);
        noc::sim::SeedRequest seed;
        seed.count = 1;
        seed.statuses = { u"NEW"_s };
        const qint64 id = sim.seedAlerts(seed).constFirst();
        result = rig.run({ "POST",
                           u"/api/noc/alerts/%1/escalate/"_s.arg(id),
                           {},
                           R"({"escalated_to_id": 6, "reason": "down"})" });
        QCOMPARE(result.outcome, Outcome::ServerError);
        QCOMPARE(result.httpStatus, 500);
        QCOMPARE(rig.job.calls(), 5);
        QCOMPARE(rig.tokenRejected, 0);
    }

    void a401RenewsTheTokenOnceAndTriesAgain()
    {
        noc::sim::Simulator sim(listing());
        QVERIFY(sim.listen());
        Rig rig(sim.httpUrl());
        rig.access.accessToken = u"expired.not.valid"_s;
        rig.job.start(kList);
        QTRY_COMPARE_WITH_TIMEOUT(rig.tokenRejected, 1, kTimeoutMs);
        QVERIFY(rig.job.isWaitingForToken());
        QVERIFY(rig.results.isEmpty());

        // Told of a renewal that did not happen (the session was down): it asks again, sends nothing.
        rig.job.tokenRenewed();
        QCOMPARE(rig.tokenRejected, 2);
        QCOMPARE(rig.job.calls(), 1);

        rig.access.accessToken = sim.issueAccessToken(u"operator"_s);
        rig.job.tokenRenewed();
        QTRY_COMPARE_WITH_TIMEOUT(rig.results.size(), 1, kTimeoutMs);
        QCOMPARE(rig.results.constFirst().outcome, Outcome::Success);
        QCOMPARE(rig.job.calls(), 2);
        QCOMPARE(sim.restCalls().value(u"operator"_s).list, 1);
    }

    void aRenewedTokenRefusedTooIsUnauthorized()
    {
        noc::sim::Simulator sim(listing());
        QVERIFY(sim.listen());
        Rig rig(sim.httpUrl());
        rig.access.accessToken = u"expired.not.valid"_s;
        rig.job.start(kList);
        QTRY_COMPARE_WITH_TIMEOUT(rig.tokenRejected, 1, kTimeoutMs);
        rig.access.accessToken = u"renewed.but.refused"_s;
        rig.job.tokenRenewed();
        QTRY_COMPARE_WITH_TIMEOUT(rig.results.size(), 1, kTimeoutMs);
        QCOMPARE(rig.results.constFirst().outcome, Outcome::Unauthorized);
        QCOMPARE(rig.results.constFirst().httpStatus, 401);
        QCOMPARE(rig.job.calls(), 2); // renewed once, tried once more, no loop
        QCOMPARE(rig.tokenRejected, 1);
    }

    void aTokenRenewedWhileTheCallRanIsUsedAtOnce()
    {
        noc::sim::Simulator sim(listing());
        QVERIFY(sim.listen());
        Rig rig(sim.httpUrl());
        rig.access.accessToken = u"expired.not.valid"_s;
        rig.job.start(kList);
        rig.access.accessToken = sim.issueAccessToken(u"operator"_s); // renewed before the 401 came
        QTRY_COMPARE_WITH_TIMEOUT(rig.results.size(), 1, kTimeoutMs);
        QCOMPARE(rig.results.constFirst().outcome, Outcome::Success);
        QCOMPARE(rig.tokenRejected, 0);
        QCOMPARE(rig.job.calls(), 2);
    }

    void noRenewedTokenInTimeIsUnauthorized()
    {
        noc::sim::Simulator sim(listing());
        QVERIFY(sim.listen());
        RestJob::Policy policy;
        policy.renewalWaitMs = 30 * 1000;
        Rig rig(sim.httpUrl(), policy);
        rig.access.accessToken = u"expired.not.valid"_s;
        rig.job.start(kList);
        QTRY_COMPARE_WITH_TIMEOUT(rig.tokenRejected, 1, kTimeoutMs);
        rig.clock.advance(30 * 1000 - 1);
        QVERIFY(rig.results.isEmpty());
        rig.clock.advance(1);
        QCOMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results.constFirst().outcome, Outcome::Unauthorized);
        QCOMPARE(rig.job.calls(), 1);
        QVERIFY(!rig.job.isRunning());
    }

    void a429WaitsForRetryAfterWithTheNextTryReadable()
    {
        noc::sim::SimulatorOptions options = listing();
        options.alertApi.rateLimitPerHour = 1;
        noc::sim::Simulator sim(options);
        QVERIFY(sim.listen());
        Rig rig(sim.httpUrl());
        rig.access.accessToken = sim.issueAccessToken(u"operator"_s);
        QCOMPARE(rig.run().outcome, Outcome::Success);

        rig.job.start(kList); // over the limit: the server names its wait
        QTRY_VERIFY_WITH_TIMEOUT(rig.job.nextTryMs() > 0, kTimeoutMs);
        QVERIFY(rig.job.isRunning());
        QVERIFY(rig.results.size() == 1);
        const qint64 waitMs = rig.job.nextTryMs() - rig.clock.monotonicMs();
        QVERIFY2(waitMs > 60 * 1000 && waitMs <= 3600 * 1000, qPrintable(QString::number(waitMs)));
        QCOMPARE(rig.job.nextTryAt(), rig.clock.nowUtc().addMSecs(waitMs));
        rig.clock.advance(waitMs - 1);
        QCOMPARE(rig.job.calls(), 2);
        rig.clock.advance(1);
        QCOMPARE(rig.job.calls(), 3); // tried again on the dot (the simulator's own hour has not passed)
        rig.job.cancel();

        // Not waited out: RateLimited with the wait, and the owner is told not to start before it.
        RestJob::Policy report;
        report.waitOutRateLimit = false;
        rig.job.setPolicy(report);
        const RestJob::Result limited = rig.run();
        QCOMPARE(limited.outcome, Outcome::RateLimited);
        QVERIFY(limited.error.retryAfterSeconds > 60);
        QVERIFY(!rig.job.mayStart());
        QCOMPARE(rig.job.nextTryMs(),
                 rig.clock.monotonicMs() + qint64(limited.error.retryAfterSeconds) * 1000);
        rig.clock.advance(qint64(limited.error.retryAfterSeconds) * 1000);
        QVERIFY(rig.job.mayStart());
    }

    void retryAfterIsReadOnceWithOneCap_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("seconds");
        const QDateTime now = noc::test::FakeClock().nowUtc();
        QTest::newRow("seconds") << QByteArray("Retry-After: 42") << 42;
        QTest::newRow("absurd") << QByteArray("Retry-After: 99999999")
                                << 24 * 3600; // as sign-in's (tst_auth)
        QTest::newRow("HTTP-date")
            << ("Retry-After: "
                + QLocale::c().toString(now.addSecs(120), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1())
            << 120;
        QTest::newRow("past date") << QByteArray("Retry-After: Wed, 21 Oct 2015 07:28:00 GMT") << 1;
        QTest::newRow("none") << QByteArray("X-Nothing: 1") << noc::kDefaultRetryAfterSeconds;
        QTest::newRow("zero") << QByteArray("Retry-After: 0") << 1; // never a tight loop
    }

    void retryAfterIsReadOnceWithOneCap()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, seconds);
        Responder server("HTTP/1.1 429 Too Many Requests\r\n" + header, "{}");
        RestJob::Policy report;
        report.waitOutRateLimit = false;
        Rig rig(server.url(), report);
        const RestJob::Result result = rig.run();
        QCOMPARE(result.outcome, Outcome::RateLimited);
        QCOMPARE(result.error.retryAfterSeconds, seconds);
    }

    void theParserSharedWithSignInReadsTheFrameworksWords()
    {
        const QDateTime now = noc::test::FakeClock().nowUtc();
        QCOMPARE(noc::retryAfterSeconds("7", now).value_or(-1), 7);
        QCOMPARE(
            noc::retryAfterSeconds("", now, u"Request was throttled. Expected available in 42 seconds."_s)
                .value_or(-1),
            42);
        QVERIFY(!noc::retryAfterSeconds("soon", now).has_value());
        QCOMPARE(noc::retryAfterSeconds("99999999", now).value_or(-1), 24 * 3600);
    }

    void noAnswerBacksOffOnTheClockWithTheNextTryReadable()
    {
        RestJob::Policy policy;
        policy.backoff = { .baseMs = 30 * 1000, .factor = 2.0, .capMs = 10 * 60 * 1000, .jitter = 0.0 };
        policy.noAnswerRetries = -1;
        Rig rig(closedPortUrl(), policy);
        rig.job.start(kList);
        // 30 s, doubling, up to 10 minutes; each try leaves on the dot.
        const QList<qint64> waits { 30, 60, 120, 240, 480, 600, 600 };
        for (int i = 0; i < waits.size(); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(rig.job.nextTryMs() > 0, kTimeoutMs);
            QCOMPARE(rig.job.nextTryMs() - rig.clock.monotonicMs(), waits.at(i) * 1000);
            QCOMPARE(rig.job.calls(), i + 1);
            rig.clock.advance(waits.at(i) * 1000);
            QCOMPARE(rig.job.calls(), i + 2);
        }
        QVERIFY(rig.results.isEmpty()); // until an answer comes or it is cancelled
        rig.job.cancel();
        QCOMPARE(rig.job.nextTryMs(), -1);

        // Without retries no answer is the outcome at once.
        rig.job.setPolicy({});
        QCOMPARE(rig.run().outcome, Outcome::NoAnswer);
        QVERIFY(!rig.results.constLast().error.message.isEmpty());
    }

    void afterAFailedRunTheOwnerIsToldWhenToStartAgain()
    {
        Responder refused("HTTP/1.1 403 Forbidden",
                          R"({"error": "Authentication required", "status": "unauthorized"})");
        RestJob::Policy policy; // the history's: a refusal waits 15 minutes, other failures a minute
        policy.refusedWaitMs = 15 * kMinuteMs;
        Rig rig(refused.url(), policy);
        QCOMPARE(rig.run().outcome, Outcome::Refused);
        QVERIFY(!rig.job.mayStart());
        QCOMPARE(rig.job.nextTryMs(), 15 * kMinuteMs);
        rig.clock.advance(15 * kMinuteMs - 1);
        QVERIFY(!rig.job.mayStart());
        rig.clock.advance(1);
        QVERIFY(rig.job.mayStart());

        Responder failing("HTTP/1.1 503 Service Unavailable", "{}");
        rig.access.profile.baseUrl = failing.url();
        const qint64 sent = rig.clock.monotonicMs();
        QCOMPARE(rig.run().outcome, Outcome::ServerError);
        QCOMPARE(rig.job.nextTryMs(), sent + kMinuteMs);

        Responder working;
        rig.access.profile.baseUrl = working.url();
        QCOMPARE(rig.run().outcome, Outcome::Success);
        QVERIFY(rig.job.mayStart());
        QCOMPARE(rig.job.nextTryMs(), -1);
    }

    void aCancelledCallSaysNothingMore()
    {
        Responder server;
        Rig rig(server.url());
        QSignalSpy answered(&rig.job, &RestJob::answered);
        rig.job.start(kList);
        QVERIFY(rig.job.isSending());
        rig.job.cancel();
        QVERIFY(!rig.job.isRunning());
        // Another call to the same server, started after: once it is answered, the cancelled one would
        // have been too.
        Rig control(server.url());
        QCOMPARE(control.run().outcome, Outcome::Success);
        QVERIFY(rig.results.isEmpty());
        QCOMPARE(answered.count(), 0);

        // Cancelled while it waits for its next try: no try, no signal.
        RestJob::Policy policy;
        policy.noAnswerRetries = -1;
        Rig waiting(closedPortUrl(), policy);
        waiting.job.start(kList);
        QTRY_VERIFY_WITH_TIMEOUT(waiting.job.nextTryMs() > 0, kTimeoutMs);
        waiting.job.cancel();
        waiting.clock.advance(10 * kMinuteMs);
        QCOMPARE(waiting.job.calls(), 1);
        QVERIFY(waiting.results.isEmpty());

        // Cancelled by whoever hears the answer: no outcome follows.
        Rig heard(server.url());
        QObject::connect(&heard.job, &RestJob::answered, &heard.job, [&heard] { heard.job.cancel(); });
        heard.job.start(kList);
        QTRY_VERIFY_WITH_TIMEOUT(!heard.job.isRunning(), kTimeoutMs);
        Rig after(server.url());
        QCOMPARE(after.run().outcome, Outcome::Success);
        QVERIFY(heard.results.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestJob)
#include "tst_restjob.moc"
