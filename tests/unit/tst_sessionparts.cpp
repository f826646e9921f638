// SPDX-License-Identifier: MIT
// The session's parts on their own, on the fake clock: the state-machine driver (retries, backoff,
// attempts, a 1011 the session expects, why it failed), the signed-out wall's recovery, failover and the
// preferred-server probe, feed gaps, and the history's reads after a gap or a colleague's action.
#include "AlertFeed.h"
#include "AlertHistory.h"
#include "ConnectionDriver.h"
#include "FakeClock.h"
#include "FeedGaps.h"
#include "HistorySync.h"
#include "ServerFailover.h"
#include "SessionRecovery.h"
#include "WebSocketChannel.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::ConnectionDriver;
using State = noc::ConnectionStateMachine::State;
using Event = noc::ConnectionStateMachine::Event;
using FailureReason = noc::ConnectionStateMachine::FailureReason;

namespace {

// A driver whose session only writes down what it was asked to do.
struct DriverRig
{
    noc::test::FakeClock clock;
    ConnectionDriver driver { &clock };
    QStringList done;
    bool password = true;
    bool refreshToken = false;
    bool fresh = true;

    explicit DriverRig(bool wallMode = false, int maxAttempts = 3)
    {
        noc::BackoffPolicy policy;
        policy.baseMs = 1000;
        policy.factor = 2.0;
        policy.capMs = 60 * 1000;
        policy.jitter = 0.0;
        policy.maxAttempts = maxAttempts;
        driver.setPolicy(policy, wallMode);
        driver.setRandomSource([] { return 0.5; });
        driver.setHooks({
            .login = [this] { done << u"login"_s; },
            .refresh = [this] { done << u"refresh"_s; },
            .openChannels = [this] { done << u"open"_s; },
            .closeChannels = [this] { done << u"close"_s; },
            .failedOnServer = [this] { done << u"failed-on-server"_s; },
            .attemptsReset = [this] { done << u"reset"_s; },
            .hasPassword = [this] { return password; },
            .hasRefreshToken = [this] { return refreshToken; },
            .tokenFresh = [this] { return fresh; },
        });
    }

    void goLive()
    {
        driver.setCredentialsProven(true);
        driver.dispatch(Event::Start);
        driver.dispatch(Event::LoginSucceeded);
        driver.dispatch(Event::Opened);
        done.clear();
    }
};

noc::ChannelClose closeWith(int code)
{
    noc::ChannelClose close;
    close.closeCode = code;
    close.reason = u"handler error"_s;
    return close;
}

// Answers every HTTP request with `body` (and counts them): a server that is up, for the probe and
// the alert records.
class TinyHttpServer : public QTcpServer
{
public:
    explicit TinyHttpServer(QByteArray body) : m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }
    int requests = 0;

private:
    QByteArray m_body;
};

QUrl closedPortUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

} // namespace

class TestSessionParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void driverBacksOffCountsAttemptsAndRetriesOnTheClock()
    {
        DriverRig rig;
        rig.driver.setCredentialsProven(true);
        QSignalSpy changed(&rig.driver, &ConnectionDriver::stateChanged);
        rig.driver.dispatch(Event::Start);
        QCOMPARE(rig.driver.state(), State::Authenticating);
        QCOMPARE(rig.done, QStringList({ u"reset"_s, u"login"_s }));
        rig.done.clear();

        rig.driver.dispatch(Event::LoginFailed, u"unreachable"_s);
        QCOMPARE(rig.driver.state(), State::Backoff);
        QCOMPARE(rig.driver.statusMessage(), u"unreachable"_s);
        QCOMPARE(rig.driver.attempt(), 1);
        // The failure counted against the server before the state was shown; no other action.
        QCOMPARE(rig.done, QStringList({ u"failed-on-server"_s }));
        QCOMPARE(rig.driver.nextRetryAt(), rig.clock.nowUtc().addMSecs(1000));
        rig.done.clear();
        rig.clock.advance(999);
        QCOMPARE(rig.driver.state(), State::Backoff);
        rig.clock.advance(1);
        QCOMPARE(rig.driver.state(), State::Connecting); // the token is fresh: straight to the socket
        QCOMPARE(rig.done, QStringList({ u"open"_s }));
        QVERIFY(!rig.driver.nextRetryAt().isValid());
        QCOMPARE(changed.count(), 3);
        const auto last = changed.constLast();
        QCOMPARE(last.at(0).value<State>(), State::Backoff);
        QCOMPARE(last.at(1).value<State>(), State::Connecting);

        // Each failure doubles the wait; the desktop gives up after maxAttempts.
        rig.driver.dispatch(Event::ConnectFailed, u"refused"_s);
        QCOMPARE(rig.driver.nextRetryAt(), rig.clock.nowUtc().addMSecs(2000));
        rig.clock.advance(2000);
        rig.driver.dispatch(Event::ConnectFailed, u"refused"_s);
        QCOMPARE(rig.driver.attempt(), 3);
        rig.clock.advance(4000);
        rig.driver.dispatch(Event::ConnectFailed, u"refused"_s);
        QCOMPARE(rig.driver.state(), State::Failed);
        QCOMPARE(rig.driver.statusMessage(), u"Gave up after 3 attempts: refused"_s);
        QVERIFY(!rig.driver.needsCredentials()); // an outage, not bad credentials
        QCOMPARE(rig.clock.activeTimers(), 0);
    }

    void wallModeNeverGivesUpAndTheServersWaitWins()
    {
        DriverRig rig(/*wallMode=*/true, /*maxAttempts=*/1);
        rig.fresh = false; // every retry signs in again
        rig.driver.setCredentialsProven(true);
        rig.driver.dispatch(Event::Start);
        for (int i = 0; i < 5; ++i) {
            rig.driver.dispatch(Event::LoginFailed, u"unreachable"_s);
            QCOMPARE(rig.driver.state(), State::Backoff);
            rig.clock.advance(rig.clock.nowUtc().msecsTo(rig.driver.nextRetryAt()));
            QCOMPARE(rig.driver.state(), State::Authenticating);
        }
        // 429: the server's Retry-After when it is longer than the backoff.
        rig.driver.dispatch(Event::LoginThrottled, u"slow down"_s, 45 * 1000);
        QCOMPARE(rig.driver.nextRetryAt(), rig.clock.nowUtc().addMSecs(45 * 1000));
    }

    void newCredentialsThatFailNeverLoop()
    {
        DriverRig rig;
        rig.driver.dispatch(Event::Start);
        rig.driver.dispatch(Event::LoginRejected, u"Sign-in failed: bad password"_s);
        QCOMPARE(rig.driver.state(), State::Failed);
        QVERIFY(rig.driver.needsCredentials());
        QCOMPARE(rig.clock.activeTimers(), 0);
        rig.driver.dispatch(Event::BackoffElapsed); // does not apply in Failed
        QCOMPARE(rig.driver.state(), State::Failed);
    }

    void aRefusedSessionSaysWhyAndSinceWhen()
    {
        DriverRig rig(/*wallMode=*/true);
        rig.password = false;
        rig.refreshToken = true;
        rig.driver.setCredentialsProven(true); // a wall resumes from its keychain
        rig.driver.dispatch(Event::Start);
        rig.driver.dispatch(Event::RefreshSucceeded);
        rig.driver.dispatch(Event::Opened);
        QCOMPARE(rig.driver.state(), State::Connected);
        QCOMPARE(rig.driver.failureReason(), FailureReason::None);
        QVERIFY(!rig.driver.signedOutAt().isValid());

        // A long outage: by the time the server answers again, the refresh token is dead.
        rig.driver.dispatch(Event::ClosedUnauthorized);
        QCOMPARE(rig.driver.state(), State::RefreshingToken);
        const QDateTime refusedAt = rig.clock.nowUtc();
        rig.driver.dispatch(Event::RefreshRejected, u"Session expired"_s);
        QCOMPARE(rig.driver.state(), State::Failed);
        QCOMPARE(rig.driver.failureReason(), FailureReason::SessionRefused);
        QCOMPARE(rig.driver.signedOutAt(), refusedAt);

        // A token tried later and refused too: still signed out since the first refusal.
        rig.clock.advance(60 * 1000);
        rig.driver.dispatch(Event::Start);
        QCOMPARE(rig.driver.state(), State::RefreshingToken);
        QCOMPARE(rig.driver.failureReason(), FailureReason::None);
        QCOMPARE(rig.driver.signedOutAt(), refusedAt);
        rig.driver.dispatch(Event::RefreshRejected, u"Session expired"_s);
        QCOMPARE(rig.driver.failureReason(), FailureReason::SessionRefused);
        QCOMPARE(rig.driver.signedOutAt(), refusedAt);

        // New tokens: signed in again, whether or not the socket opens yet.
        rig.driver.dispatch(Event::Start);
        rig.driver.dispatch(Event::RefreshSucceeded);
        QCOMPARE(rig.driver.state(), State::Connecting);
        QVERIFY(!rig.driver.signedOutAt().isValid());

        // Not every failure is a refusal.
        DriverRig desktop;
        desktop.driver.dispatch(Event::Start);
        desktop.driver.dispatch(Event::LoginFailed, u"unreachable"_s); // never worked: no loop
        QCOMPARE(desktop.driver.state(), State::Failed);
        QCOMPARE(desktop.driver.failureReason(), FailureReason::Other);
        QVERIFY(!desktop.driver.signedOutAt().isValid());
        desktop.driver.dispatch(Event::RetryRequested);
        desktop.driver.dispatch(Event::LoginRejected, u"Sign-in failed: account disabled"_s);
        QCOMPARE(desktop.driver.failureReason(), FailureReason::SessionRefused);
        QCOMPARE(desktop.driver.signedOutAt(), desktop.clock.nowUtc());
        desktop.driver.fail(u"Sign-in required"_s, FailureReason::NoSession);
        QCOMPARE(desktop.driver.failureReason(), FailureReason::NoSession);
        desktop.driver.dispatch(Event::Stop);
        QCOMPARE(desktop.driver.failureReason(), FailureReason::None);
        QVERIFY(!desktop.driver.signedOutAt().isValid());
    }

    void recoveryResumesOnlyFromANewSessionInTheKeychain()
    {
        noc::test::FakeClock clock;
        noc::SessionRecovery recovery(&clock);
        // "Within 10 s": the keychain is read at least every 5 s, and resuming takes a round trip.
        QVERIFY(recovery.intervalMs() <= 5000);
        QString storedRefresh = u"refused-token"_s;
        QString storedPassword = u"refused-password"_s;
        int reads = 0;
        const auto reader = [&](std::function<void(const QString &, const QString &)> done) {
            ++reads;
            done(storedRefresh, storedPassword);
        };
        QSignalSpy provisioned(&recovery, &noc::SessionRecovery::provisioned);

        recovery.watch(reader, u"refused-token"_s, u"refused-password"_s);
        QCOMPARE(reads, 0); // not at once: the refusal was just read
        clock.advance(10 * recovery.intervalMs());
        QCOMPARE(reads, 10);
        QCOMPARE(recovery.checks(), 10);
        QVERIFY(provisioned.isEmpty()); // the refused token again is no new session
        // A watch repeated for the same refusal (the status message changed) keeps the rhythm.
        clock.advance(recovery.intervalMs() / 2);
        recovery.watch(reader, u"refused-token"_s, u"refused-password"_s);
        clock.advance(recovery.intervalMs() / 2);
        QCOMPARE(reads, 11);

        // `nocctl login` from a shell: a new refresh token (the old password stays, refused).
        storedRefresh = u"fresh-token"_s;
        clock.advance(recovery.intervalMs());
        QCOMPARE(provisioned.count(), 1);
        QCOMPARE(provisioned.constFirst().at(0).toString(), u"fresh-token"_s);
        QCOMPARE(provisioned.constFirst().at(1).toString(), QString()); // never the refused password
        QVERIFY(!recovery.isWatching());
        clock.advance(10 * recovery.intervalMs());
        QCOMPARE(reads, 12);
        QCOMPARE(provisioned.count(), 1);

        // Never signed in: any stored session will do, with a password that was never refused.
        storedPassword = u"remembered"_s;
        recovery.watch(reader, {}, {});
        clock.advance(recovery.intervalMs());
        QCOMPARE(provisioned.count(), 2);
        QCOMPARE(provisioned.constLast().at(1).toString(), u"remembered"_s);

        // Stopped (live again, the desktop, the operator): no more reads, and a late answer is ignored.
        std::function<void(const QString &, const QString &)> late;
        recovery.watch(
            [&](auto done) {
                ++reads;
                late = std::move(done);
            },
            u"fresh-token"_s, {});
        clock.advance(recovery.intervalMs());
        QVERIFY(late);
        recovery.stop();
        late(u"another-token"_s, {});
        QCOMPARE(provisioned.count(), 2);
        const int readsWhenStopped = reads;
        clock.advance(10 * recovery.intervalMs());
        QCOMPARE(reads, readsWhenStopped);
        QCOMPARE(clock.activeTimers(), 0);
    }

    void aServerErrorCloseBacksOffButAnExpectedOneReconnectsAtOnce()
    {
        DriverRig rig;
        rig.goLive();
        QCOMPARE(rig.driver.state(), State::Connected);
        QVERIFY(!rig.driver.isExpectedClose(closeWith(1011)));
        rig.driver.dashboardClosed(closeWith(1011));
        QCOMPARE(rig.driver.state(), State::Backoff);
        QCOMPARE(rig.driver.attempt(), 1);
        QCOMPARE(rig.driver.statusMessage(), u"Server error (1011: handler error)"_s);

        DriverRig own;
        own.goLive();
        // This session's alert action closes every dashboard socket of the tenant (1011).
        own.driver.expectTenantClose(own.clock.monotonicMs() + 5000);
        QVERIFY(own.driver.isExpectedClose(closeWith(1011)));
        QVERIFY(!own.driver.isExpectedClose(closeWith(1000)));
        own.driver.dashboardClosed(closeWith(1011));
        QCOMPARE(own.driver.state(), State::Connecting);
        QCOMPARE(own.done, QStringList({ u"open"_s }));
        QCOMPARE(own.driver.attempt(), 0);
        QCOMPARE(own.clock.activeTimers(), 0); // no backoff
        own.driver.dispatch(Event::Opened);
        // Taken once: the next 1011 needs a call of its own to be expected.
        QVERIFY(!own.driver.isExpectedClose(closeWith(1011)));
        own.driver.expectTenantClose(own.clock.monotonicMs() + 5000);
        // A stale token is renewed first, still without waiting.
        own.fresh = false;
        own.done.clear();
        own.driver.dashboardClosed(closeWith(1011));
        QCOMPARE(own.driver.state(), State::RefreshingToken);
        QCOMPARE(own.done, QStringList({ u"refresh"_s }));
        own.driver.dispatch(Event::RefreshSucceeded);
        own.driver.dispatch(Event::Opened);
        // Once the window has passed, a 1011 is a server error again.
        own.driver.expectTenantClose(own.clock.monotonicMs() + 5000);
        own.clock.advance(5000);
        own.driver.dashboardClosed(closeWith(1011));
        QCOMPARE(own.driver.state(), State::Backoff);
        QCOMPARE(own.driver.attempt(), 1);
    }

    void failoverMovesOnAfterTwoFailuresAndProbesOnlyWhileLive()
    {
        noc::test::FakeClock clock;
        QNetworkAccessManager network;
        noc::ServerFailover failover(&network, &clock);
        noc::ClientSettings settings;
        settings.servers = { QUrl(u"http://a.invalid"_s), QUrl(u"http://b.invalid"_s) };
        failover.configure(settings, {});
        QSignalSpy moved(&failover, &noc::ServerFailover::serverChanged);
        failover.noteFailure();
        QCOMPARE(failover.index(), 0);
        failover.resetFailures();
        failover.noteFailure();
        QCOMPARE(failover.index(), 0); // reset: counting afresh
        failover.noteFailure();
        QCOMPARE(failover.index(), 1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(failover.current().baseUrl, QUrl(u"http://b.invalid"_s));
        QCOMPARE(failover.preferred().baseUrl, QUrl(u"http://a.invalid"_s));
        failover.noteFailure();
        failover.noteFailure();
        QCOMPARE(failover.index(), 0); // in order, round again
        failover.configure(settings, {}); // the same list: where it is
        failover.noteFailure();
        failover.noteFailure();
        QCOMPARE(failover.index(), 1);
        settings.servers.append(QUrl(u"http://c.invalid"_s));
        failover.configure(settings, {}); // another list: the first again
        QCOMPARE(failover.index(), 0);

        noc::ClientSettings single;
        single.servers = { QUrl(u"http://a.invalid"_s) };
        noc::ServerFailover alone(&network, &clock);
        alone.configure(single, {});
        for (int i = 0; i < 5; ++i)
            alone.noteFailure();
        QCOMPARE(alone.index(), 0);
        alone.setLive(true);
        QCOMPARE(clock.activeTimers(), 0); // on the preferred server: nothing to probe
    }

    void probeMovesBackOnlyWhenThePreferredServerAnswers()
    {
        noc::test::FakeClock clock;
        QNetworkAccessManager network;
        noc::ServerFailover failover(&network, &clock);
        failover.setProbeIntervalMs(30 * 1000);
        noc::ClientSettings settings;
        settings.servers = { closedPortUrl(), QUrl(u"http://b.invalid"_s) };
        failover.configure(settings, {});
        failover.noteFailure();
        failover.noteFailure();
        QCOMPARE(failover.index(), 1);
        QSignalSpy back(&failover, &noc::ServerFailover::preferredServerBack);
        failover.setLive(true);
        QCOMPARE(clock.activeTimers(), 1);
        failover.setLive(false);
        QCOMPARE(clock.activeTimers(), 0);
        failover.setLive(true);
        clock.advance(30 * 1000); // the probe goes out; nobody listens there: probed again later
        QTRY_COMPARE_WITH_TIMEOUT(clock.activeTimers(), 1, 5000);
        QCOMPARE(back.count(), 0);
        QCOMPARE(failover.index(), 1);

        TinyHttpServer preferred("{}");
        QVERIFY(preferred.listen(QHostAddress::LocalHost));
        settings.servers = { preferred.url(), QUrl(u"http://b.invalid"_s) };
        noc::ServerFailover second(&network, &clock);
        second.configure(settings, {});
        second.noteFailure();
        second.noteFailure();
        QSignalSpy changed(&second, &noc::ServerFailover::serverChanged);
        QSignalSpy secondBack(&second, &noc::ServerFailover::preferredServerBack);
        second.setLive(true);
        clock.advance(30 * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(secondBack.count(), 1, 5000);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(second.index(), 0);
        QCOMPARE(preferred.requests, 1);
    }

    void feedGapsRunFromTheLastFrameHeardToLiveAgain()
    {
        noc::FeedGaps gaps;
        const QDateTime t0(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        // The first time live is no gap: nothing was missed before the session began.
        QVERIFY(!gaps.noteTransition(State::LoggedOut, State::Authenticating, {}, t0));
        QVERIFY(!gaps.noteTransition(State::Connecting, State::Connected, {}, t0));
        QCOMPARE(gaps.count(), 0);
        QVERIFY(!gaps.noteTransition(State::Connected, State::Backoff, t0.addSecs(-50), t0));
        QVERIFY(gaps.isOpen());
        QVERIFY(!gaps.noteTransition(State::Backoff, State::Connecting, {}, t0.addSecs(5)));
        QVERIFY(gaps.noteTransition(State::Connecting, State::Connected, {}, t0.addSecs(6)));
        QCOMPARE(gaps.lastFrom(), t0.addSecs(-50)); // a half-open socket was silent before the loss showed
        QCOMPARE(gaps.lastTo(), t0.addSecs(6));
        QCOMPARE(gaps.count(), 1);
        QVERIFY(!gaps.noteTransition(State::Connected, State::Connected, {}, t0.addSecs(7)));
        // Nothing heard at all: the gap starts when the loss was noticed.
        QVERIFY(!gaps.noteTransition(State::Connected, State::Backoff, {}, t0.addSecs(10)));
        QVERIFY(gaps.noteTransition(State::Backoff, State::Connected, {}, t0.addSecs(20)));
        QCOMPARE(gaps.lastFrom(), t0.addSecs(10));
        // The operator ending the session missed nothing.
        QVERIFY(!gaps.noteTransition(State::Connected, State::LoggedOut, t0.addSecs(25), t0.addSecs(30)));
        QVERIFY(!gaps.isOpen());
        QVERIFY(!gaps.noteTransition(State::Connecting, State::Connected, {}, t0.addSecs(40)));
        QCOMPARE(gaps.count(), 2);
    }

    void colleaguesActingAllDayCostATenthOfTheBudget()
    {
        noc::test::FakeClock clock;
        QNetworkAccessManager network;
        TinyHttpServer server(R"({"count": 0, "next": null, "previous": null, "results": []})");
        QVERIFY(server.listen(QHostAddress::LocalHost));
        noc::AlertFeed feed(&clock);
        noc::HistorySync sync(&network, &clock, &feed);
        noc::ServerProfile profile;
        profile.baseUrl = server.url();
        sync.setAccess([&] { return noc::SessionAccess { profile, {}, false, u"token"_s, {} }; });
        sync.setLive(true);
        sync.onLive(0, {});
        QTRY_COMPARE_WITH_TIMEOUT(sync.records().state(), noc::AlertHistory::State::Loaded, 5000);
        const int afterLoad = server.requests;

        // A busy tenant: a colleague acts every minute for 40 minutes, and every action drops the socket.
        for (int minute = 1; minute <= 40; ++minute) {
            sync.onClosed(/*colleaguesActed=*/true);
            sync.setLive(false);
            sync.setLive(true);
            sync.onLive(minute, clock.nowUtc().addSecs(-1)); // back-fill: one page
            QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);
            clock.advance(60 * 1000);
            QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);
        }
        // 40 back-fills of one page; the re-reads of the four open statuses within 60 calls an hour.
        const int rereads = server.requests - afterLoad - 40;
        QVERIFY2(rereads <= 60, qPrintable(QString::number(rereads)));
        QVERIFY2(rereads >= 40, qPrintable(QString::number(rereads))); // the share is spent, not hoarded
    }

    // The one answer the dashboard and `nocctl watch` both take (NocClient::openAlertClosed): an open
    // alert two complete reads of the open alerts did not list was closed. A read counts only for the
    // alerts heard of before it began: one pushed while it ran is newer than what it saw.
    void historySaysWhichOpenAlertsTheReadsNoLongerList()
    {
        noc::test::FakeClock clock;
        QNetworkAccessManager network;
        TinyHttpServer server(R"({"count": 0, "next": null, "previous": null, "results": []})");
        QVERIFY(server.listen(QHostAddress::LocalHost));
        noc::AlertFeed feed(&clock);
        noc::HistorySync sync(&network, &clock, &feed);
        sync.setReconcileSeconds(600);
        noc::ServerProfile profile;
        profile.baseUrl = server.url();
        sync.setAccess([&] { return noc::SessionAccess { profile, {}, false, u"token"_s, {} }; });
        QSignalSpy closed(&sync, &noc::HistorySync::openAlertClosed);
        const auto push = [&](const QString &id) {
            noc::Alert alert;
            alert.id = id;
            alert.receivedAt = clock.nowUtc();
            feed.add(std::move(alert));
            clock.advance(0); // the feed's batch leaves
        };
        const auto readOpenAlerts = [&] {
            QTRY_VERIFY_WITH_TIMEOUT(sync.records().isBusy(), 5000);
            QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);
            QCOMPARE(sync.records().state(), noc::AlertHistory::State::Loaded);
        };

        push(u"1"_s);
        clock.advance(1000);
        sync.setLive(true);
        sync.onLive(0, {}); // the first read of the open alerts begins
        clock.advance(1000);
        push(u"2"_s); // while it runs
        readOpenAlerts(); // lists neither: 1 missed once, 2 newer than the read
        QCOMPARE(closed.count(), 0);

        clock.advance(600 * 1000);
        readOpenAlerts(); // 1 missed twice; 2 once
        QCOMPARE(closed.count(), 1);
        const auto first = closed.at(0).at(0).value<noc::AlertUpdatedEvent>();
        QCOMPARE(first.alertId, u"1"_s);
        QCOMPARE(first.status, noc::AlertStatus::Resolved);

        // An alert_updated said 2 was escalated: open still, and still missing.
        sync.noteStatus(u"2"_s, noc::AlertStatus::Escalated, clock.nowUtc());
        clock.advance(600 * 1000);
        readOpenAlerts();
        QCOMPARE(closed.count(), 2);
        QCOMPARE(closed.at(1).at(0).value<noc::AlertUpdatedEvent>().alertId, u"2"_s);

        // Another server: what this one's reads said is forgotten.
        push(u"3"_s);
        clock.advance(1000);
        sync.reset();
        sync.onLive(0, {});
        readOpenAlerts();
        clock.advance(600 * 1000);
        readOpenAlerts();
        QCOMPARE(closed.count(), 2);
    }

    void historyReconcilesAColleaguesActionAtMostOnceAMinute()
    {
        noc::test::FakeClock clock;
        QNetworkAccessManager network;
        TinyHttpServer server(R"({"count": 0, "next": null, "previous": null, "results": []})");
        QVERIFY(server.listen(QHostAddress::LocalHost));
        noc::AlertFeed feed(&clock);
        noc::HistorySync sync(&network, &clock, &feed);
        sync.setReconcileSeconds(600);
        noc::ServerProfile profile;
        profile.baseUrl = server.url();
        sync.setAccess([&] { return noc::SessionAccess { profile, {}, false, u"token"_s, {} }; });
        QSignalSpy changed(&sync, &noc::HistorySync::changed);

        sync.setLive(true);
        sync.onLive(0, {});
        QTRY_COMPARE_WITH_TIMEOUT(sync.records().state(), noc::AlertHistory::State::Loaded, 5000);
        const int perLoad = server.requests; // one page per open status
        QVERIFY(perLoad > 0);
        QCOMPARE(sync.lastBackfillCount(), -1);

        // Someone acted on an alert: the server closed the socket (1011) and the feed came back.
        sync.onClosed(/*colleaguesActed=*/true);
        sync.setLive(false);
        clock.advance(10 * 1000);
        sync.setLive(true);
        sync.onLive(0, {});
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 2 * perLoad, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);
        // The colleague reconcile follows, but not sooner than a minute after the last read.
        clock.advance(59 * 1000);
        QVERIFY(!sync.records().isBusy()); // a read would have started synchronously on the fake clock
        QCOMPARE(server.requests, 2 * perLoad);
        clock.advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 3 * perLoad, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);

        // A close this session caused (or any other close) waits for the ordinary period.
        sync.onClosed(/*colleaguesActed=*/false);
        sync.setLive(false);
        sync.setLive(true);
        sync.onLive(0, {});
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 4 * perLoad, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);
        clock.advance(5 * 60 * 1000);
        QVERIFY(!sync.records().isBusy()); // a read would have started synchronously on the fake clock
        QCOMPARE(server.requests, 4 * perLoad);
        clock.advance(5 * 60 * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 5 * perLoad, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.records().isBusy(), 5000);

        // A gap: its back-fill reads what was raised meanwhile (nothing here) and says how many.
        sync.onClosed(false);
        sync.setLive(false);
        sync.setLive(true);
        sync.onLive(1, clock.nowUtc().addSecs(-30));
        QCOMPARE(sync.lastBackfillCount(), -1);
        QTRY_COMPARE_WITH_TIMEOUT(sync.lastBackfillCount(), 0, 5000);
        QVERIFY(changed.count() > 0);

        // Stopped: nothing follows.
        sync.onStopped();
        sync.setLive(false);
        const int before = server.requests;
        clock.advance(60 * 60 * 1000);
        QVERIFY(!sync.records().isBusy()); // a read would have started synchronously on the fake clock
        QCOMPARE(server.requests, before);
        QCOMPARE(sync.records().state(), noc::AlertHistory::State::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestSessionParts)
#include "tst_sessionparts.moc"
