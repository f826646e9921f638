// SPDX-License-Identifier: MIT
// The connection engine against the simulator's fault injection, over real loopback sockets. Where the
// policy waits (liveness, backoff), an injected clock is advanced instead of waiting.
#include "AuthClient.h"
#include "CredentialStore.h"
#include "EngineFixture.h"
#include "FakeClock.h"
#include "NetworkWatcher.h"
#include "SecretService.h"

#include <QNetworkAccessManager>
#include <QWebSocket>

#include <optional>

using namespace Qt::StringLiterals;
using noc::NocClient;
using State = noc::NocClient::ConnectionState;

namespace {
constexpr int kTimeoutMs = 15000;
}

class TestEngine : public QObject
{
    Q_OBJECT

private:
    static QString publish(EngineFixture &f, const QString &client = u"acme"_s)
    {
        return f.sim.publishAlert(client, u"HIGH"_s, u"LINK_DOWN"_s, u"uplink down"_s);
    }

    // A fault was injected: wait for the client to notice and come back (the gap may be too short to
    // observe as a state, so count reconnects instead).
    static void waitReconnected(EngineFixture &f, int reconnectsBefore)
    {
        QTRY_VERIFY_WITH_TIMEOUT(f.client->reconnectCount() > reconnectsBefore, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    static void waitConnected(EngineFixture &f)
    {
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s) >= 2, kTimeoutMs);
    }

    // What `nocctl login` gets from the server: a refresh token of a new session (signed in over REST).
    static QString newSessionToken(EngineFixture &f)
    {
        QNetworkAccessManager network;
        noc::SystemClock clock;
        noc::AuthClient auth(&network, &clock);
        noc::ServerProfile profile;
        profile.baseUrl = f.sim.httpUrl();
        auth.setProfile(profile);
        QSignalSpy done(&auth, &noc::AuthClient::loginFinished);
        auth.login(u"operator"_s, u"operator"_s);
        if (!done.wait(kTimeoutMs)
            || !std::holds_alternative<noc::AuthTokens>(
                done.constFirst().constFirst().value<noc::AuthResult>()))
            return {};
        return std::get<noc::AuthTokens>(done.constFirst().constFirst().value<noc::AuthResult>()).refresh;
    }

    // ... and what it writes: the keychain entry the engine reads, through a store of its own (as from
    // another process: the engine holds nothing of it).
    static bool provision(EngineFixture &f, const QString &refreshToken)
    {
        noc::CredentialStore store;
        QObject context;
        std::optional<bool> ok;
        store.writeRefreshToken(f.sim.httpUrl(), u"operator"_s, refreshToken, &context,
                                [&](const noc::CredentialResult &result) { ok = result.ok; });
        return QTest::qWaitFor([&] { return ok.has_value(); }, kTimeoutMs) && *ok;
    }

    static int authCalls(EngineFixture &f, std::initializer_list<const char *> paths)
    {
        int calls = 0;
        for (const char *path : paths)
            calls += f.sim.authCalls().value(QString::fromLatin1(path));
        return calls;
    }
    static int refreshCalls(EngineFixture &f)
    {
        return authCalls(f, { "/api/v2/auth/refresh/", "/api/auth/token/refresh/" });
    }
    static int loginCalls(EngineFixture &f)
    {
        return authCalls(f, { "/api/v2/auth/login/", "/api/auth/token/" });
    }

    // A screen provisioned by `nocctl login` (nothing but a refresh token in the keychain) that is live,
    // then signed out by the server: every refresh token revoked, every access token expired.
    static void signedOutByTheServer(EngineFixture &f, noc::CredentialStore &store, bool wallMode)
    {
        noc::ClientSettings settings = f.client->settings();
        settings.wallMode = wallMode;
        f.client->applySettings(settings);
        f.client->setCredentialStore(&store);
        f.client->setCredentials(u"operator"_s, {}); // never a password
        QVERIFY(provision(f, newSessionToken(f)));
        f.client->start();
        waitConnected(f);
        QCOMPARE(f.client->failureReason(), NocClient::FailureReason::None);
        QVERIFY(!f.client->isSignedOut());

        f.sim.revokeRefreshTokens();
        f.sim.expireAccessTokens(true);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Failed, kTimeoutMs);
        QCOMPARE(f.client->failureReason(), NocClient::FailureReason::SessionRefused);
        QVERIFY(f.client->signedOutAt().isValid());
        QVERIFY(qAbs(f.client->signedOutAt().secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(f.client->isSignedOut());
        QVERIFY(f.client->needsCredentials());
    }

private Q_SLOTS:
    void restartMidStreamReconnectsAndResubscribes()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        f.sim.restart(300);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Backoff, kTimeoutMs);
        QVERIFY(f.client->isStale());
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s), 4, kTimeoutMs);
        QSignalSpy alerts(f.client.get(), &NocClient::alertsReceived);
        publish(f);
        QTRY_COMPARE_WITH_TIMEOUT(alerts.count(), 1, kTimeoutMs);
        QVERIFY(!f.client->isStale());
    }

    void aLostFeedIsReportedAsAGapWhenLiveAgain()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        QCOMPARE(f.client->feedGaps(), 0); // the first connection is not a gap
        QSignalSpy gaps(f.client.get(), &NocClient::feedGapChanged);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        f.sim.restart(1000);
        QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 1, kTimeoutMs);
        QVERIFY(f.connected());
        QCOMPARE(f.client->feedGaps(), 1);
        const QDateTime from = f.client->lastGapFrom();
        const QDateTime to = f.client->lastGapTo();
        // From the last frame heard before the restart to the reconnect, which took at least the second
        // the server was down.
        QVERIFY2(from <= before, qPrintable(from.toString(Qt::ISODateWithMs)));
        QVERIFY2(from.msecsTo(to) >= 1000, qPrintable(QString::number(from.msecsTo(to))));
        QVERIFY(to <= QDateTime::currentDateTimeUtc());

        // Signing out and in again is the operator's choice, not a gap.
        f.client->stop();
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::LoggedOut, kTimeoutMs);
        f.client->start();
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QCOMPARE(gaps.count(), 1);
        QCOMPARE(f.client->feedGaps(), 1);
    }

    void everyServerCloseReconnects_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("1000 (24 h limit)") << 1000;
        QTest::newRow("1001 (restart)") << 1001;
        QTest::newRow("1011 (handler error)") << 1011;
        QTest::newRow("4408 (presence timeout)") << 4408;
        QTest::newRow("dropped without close") << 0;
    }

    void everyServerCloseReconnects()
    {
        QFETCH(int, code);
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        f.sim.closeSockets(code, u"test"_s);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->reconnectCount(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s), 4, kTimeoutMs);
    }

    void presenceBackWithinTheCloseGraceStaysOpen()
    {
        // The dashboard closes; the client closes presence with it and opens both again a second later.
        // The grace it gave the old presence socket to answer its close must not end the new one.
        noc::test::FakeClock clock(QDateTime::currentDateTimeUtc());
        EngineFixture f({}, &clock);
        f.client->start();
        waitConnected(f);
        const QString presence = u"/ws/noc/presence/"_s;
        QTRY_COMPARE_WITH_TIMEOUT(f.sim.openSockets(presence), 1, kTimeoutMs);
        f.sim.closeSockets(1000, u"test"_s, u"/ws/noc/dashboard/"_s);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Backoff, kTimeoutMs);
        clock.advance(1100); // the fixture's backoff is at most 1 s
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->channelHealth().at(1).state, noc::ChannelHealth::State::Open,
                                  kTimeoutMs);
        clock.advance(2000); // past the old socket's close grace
        QCOMPARE(f.client->channelHealth().at(1).state, noc::ChannelHealth::State::Open);
        QTRY_COMPARE_WITH_TIMEOUT(f.sim.openSockets(presence), 1, kTimeoutMs);
    }

    void closeTooManyConnectionsWaitsAtLeastTheCap()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        f.sim.closeSockets(4429, u"too many"_s);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Backoff, kTimeoutMs);
        QVERIFY(before.msecsTo(f.client->nextRetryAt()) >= 1000); // the fixture's cap is 1 s
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    void halfOpenSocketIsDetected()
    {
        noc::test::FakeClock clock(QDateTime::currentDateTimeUtc());
        EngineFixture f({}, &clock);
        f.client->setDashboardHeartbeatSeconds(5);
        f.client->start();
        waitConnected(f);
        f.sim.setSilent(true);
        // Nothing arrives any more; the socket still looks open. 2 x 5 s + 5 s later it is dead.
        clock.advance(14000);
        QCOMPARE(f.client->state(), State::Connected);
        clock.advance(1001); // liveness fires at 15 s; the first retry would be 100 ms later
        QCOMPARE(f.client->state(), State::Backoff);
        QVERIFY(f.client->statusMessage().contains(u"No data"_s));
        f.sim.setSilent(false);
        clock.advance(200);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    void expiredTokenMidSessionIsRenewed()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        // Every token expires and the server closes live sockets with 4401: refresh, reconnect.
        const int before = f.client->reconnectCount();
        f.sim.expireAccessTokens(true);
        waitReconnected(f, before);
        // The subscriptions leave through the pacer after "connected": wait for them, not just the state.
        QTRY_VERIFY_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s) >= 4, kTimeoutMs);
    }

    void rotatedRefreshTokensAreFollowed()
    {
        EngineFixture f;
        // Start from a refresh token alone, as a wall screen does from the keychain: a rotated token
        // that was not kept would end this session at the second renewal.
        const QString refresh = newSessionToken(f);
        QVERIFY(!refresh.isEmpty());

        f.client->setCredentials(u"operator"_s, {});
        f.client->restoreSession(u"operator"_s, refresh);
        f.client->start();
        waitConnected(f);
        for (int round = 0; round < 3; ++round) {
            const int before = f.client->reconnectCount();
            f.sim.expireAccessTokens(true);
            waitReconnected(f, before);
        }
    }

    void deadRefreshTokenFallsBackToThePassword()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        f.sim.revokeRefreshTokens();
        const int before = f.client->reconnectCount();
        f.sim.expireAccessTokens(true);
        waitReconnected(f, before);
    }

    void deadRefreshTokenWithoutPasswordAsksForCredentials()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        f.client->setCredentials(u"operator"_s, {}); // nothing remembered
        f.client->restoreSession(u"operator"_s, u"not-a-valid-refresh-token"_s);
        f.sim.expireAccessTokens(true);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Failed, kTimeoutMs);
        QVERIFY(f.client->needsCredentials());
    }

    void signedOutWallComesBackWhenASessionIsProvisioned()
    {
        NOC_REQUIRE_SESSION_BUS();
        EngineFixture f;
        noc::CredentialStore store;
        f.client->setSessionRecoveryIntervalMs(50);
        signedOutByTheServer(f, store, /*wallMode=*/true);
        if (QTest::currentTestFailed())
            return;
        const QDateTime signedOutAt = f.client->signedOutAt();
        const int refreshes = refreshCalls(f);
        const int logins = loginCalls(f);

        // The refused token is still in the keychain: read again and again, never sent again.
        const int checks = f.client->sessionRecoveryChecks();
        QTRY_VERIFY_WITH_TIMEOUT(f.client->sessionRecoveryChecks() >= checks + 5, kTimeoutMs);
        QCOMPARE(refreshCalls(f), refreshes);
        QCOMPARE(f.client->state(), State::Failed);
        QCOMPARE(f.client->signedOutAt(), signedOutAt);

        // `nocctl login` over SSH: a new session in the keychain. The wall goes live by itself.
        const QString token = newSessionToken(f);
        QVERIFY(!token.isEmpty());
        QVERIFY(provision(f, token));
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QCOMPARE(refreshCalls(f), refreshes + 1); // the new token, once
        QCOMPARE(loginCalls(f), logins + 1); // the provisioning's own sign-in; never one of the wall's
        QVERIFY(!f.client->isSignedOut());
        QCOMPARE(f.client->failureReason(), NocClient::FailureReason::None);
        QVERIFY(!f.client->signedOutAt().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(f.framesOfType(u"subscribe_client"_s) >= 4, kTimeoutMs);
    }

    void signedOutDesktopWaitsForItsSignInDialog()
    {
        NOC_REQUIRE_SESSION_BUS();
        EngineFixture f;
        noc::CredentialStore store;
        // Were a desktop to watch the keychain, this would read it every millisecond.
        f.client->setSessionRecoveryIntervalMs(1);
        signedOutByTheServer(f, store, /*wallMode=*/false);
        if (QTest::currentTestFailed())
            return;
        const int refreshes = refreshCalls(f);
        QVERIFY(provision(f, newSessionToken(f))); // several keychain and REST round trips
        QVERIFY(provision(f, newSessionToken(f)));
        QCOMPARE(f.client->sessionRecoveryChecks(), 0);
        QCOMPARE(refreshCalls(f), refreshes);
        QCOMPARE(f.client->state(), State::Failed);
        QVERIFY(f.client->needsCredentials()); // the sign-in dialog's cue

        // Turned into a wall (F11), the same screen starts watching and comes back.
        noc::ClientSettings settings = f.client->settings();
        settings.wallMode = true;
        f.client->applySettings(settings);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    void handshakeRefusalRefreshesOnceThenBacksOff()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        // The next connection will present an Origin the server does not allow: a 403 at the upgrade.
        noc::ClientSettings settings;
        settings.servers = { f.sim.httpUrl() };
        settings.backoff.baseMs = 200;
        settings.backoff.jitter = 0;
        settings.origin = u"https://evil.example"_s;
        f.client->applySettings(settings);
        f.sim.closeSockets(1000, u"restart"_s);
        // refused -> one token refresh (it may have been an expired token) -> refused -> backoff
        QTRY_VERIFY_WITH_TIMEOUT(f.client->statusMessage().contains(u"refused"_s), kTimeoutMs);
        QCOMPARE(f.client->state(), State::Backoff);
        QVERIFY(f.client->statusMessage().contains(u"Origin"_s));
        // The operator (or IT) fixes the Origin: the next retry gets through.
        settings.origin.clear();
        f.client->applySettings(settings);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    void malformedFramesNeverHurt()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        for (const QString &kind : noc::sim::Simulator::malformedKinds()) {
            if (kind != u"binary"_s) // a binary frame is a client error the real server closes 1011 for
                f.sim.sendMalformed(kind, u"/ws/noc/dashboard/"_s);
        }
        QTRY_VERIFY_WITH_TIMEOUT(f.client->malformedFrames() + f.client->unknownFrames() >= 5, kTimeoutMs);
        QVERIFY(f.connected());
        QSignalSpy alerts(f.client.get(), &NocClient::alertsReceived);
        publish(f);
        QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), kTimeoutMs);
    }

    void restThrottleIsHonoured()
    {
        noc::sim::SimulatorOptions options;
        options.loginThrottlePerHour = 2; // the login and one refresh
        EngineFixture f(options);
        f.client->start();
        waitConnected(f);
        const int before = f.client->reconnectCount();
        f.sim.expireAccessTokens(true); // refresh #1 (allowed)
        waitReconnected(f, before);
        f.sim.expireAccessTokens(true); // refresh #2: 429 with a wait of most of an hour
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Backoff, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.client->statusMessage().contains(u"Too many"_s), kTimeoutMs);
        QVERIFY(QDateTime::currentDateTimeUtc().secsTo(f.client->nextRetryAt()) > 60);
    }

    void acknowledgementWhileOfflineIsSentOnReconnect()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        const QString id = publish(f);
        const int before = f.client->reconnectCount();
        f.sim.restart(1500);
        QTRY_VERIFY_WITH_TIMEOUT(f.client->reconnectCount() > before, kTimeoutMs);
        QSignalSpy confirmed(f.client.get(), &NocClient::acknowledgementConfirmed);
        f.client->acknowledge(id);
        QCOMPARE(f.client->pendingAcknowledgements(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, kTimeoutMs);
        QCOMPARE(f.ackedIds(), QStringList { id });
        QCOMPARE(f.client->pendingAcknowledgements(), 0);
    }

    void acknowledgementSurvivesAProcessRestart()
    {
        EngineFixture f;
        f.client.reset(); // one client per state folder, as one process: it owns the outbox file
        const QString id = publish(f);
        {
            // Queued while the client never got online, then the process ends.
            auto first = f.makeClient();
            first->acknowledge(id);
            QCOMPARE(first->pendingAcknowledgements(), 1);
        }
        QVERIFY(QFile::exists(f.stateDir.filePath(u"ack-outbox.json"_s)));
        auto second = f.makeClient();
        QCOMPARE(second->pendingAcknowledgements(), 1);
        QSignalSpy confirmed(second.get(), &NocClient::acknowledgementConfirmed);
        second->start();
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, kTimeoutMs);
        QCOMPARE(f.ackedIds(), QStringList { id });
        auto third = f.makeClient();
        QCOMPARE(third->pendingAcknowledgements(), 0);
    }

    void aSecondClientOnTheStateFolderSaysItsAcksAreNotKept()
    {
        EngineFixture f; // f.client is the first: it owns the outbox file
        QVERIFY(f.client->outboxSharedNote().isEmpty());
        auto second = f.makeClient();
        QVERIFY(second->outboxSharedNote().contains(QString::number(QCoreApplication::applicationPid())));
        const QString id = publish(f);
        QSignalSpy confirmed(second.get(), &NocClient::acknowledgementConfirmed);
        second->acknowledge(id);
        second->start();
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, kTimeoutMs); // sent all the same
        QCOMPARE(f.ackedIds(), QStringList { id });
        QCOMPARE(f.client->pendingAcknowledgements(), 0);

        // The owner goes away: the next acknowledgement takes the file over and is kept on disk.
        f.client.reset();
        const QString later = publish(f);
        second->acknowledge(later);
        QVERIFY(second->outboxSharedNote().isEmpty());
        QFile outbox(f.stateDir.filePath(u"ack-outbox.json"_s));
        QVERIFY(outbox.open(QIODevice::ReadOnly));
        QVERIFY(outbox.readAll().contains("\"alert_id\":\"" + later.toUtf8() + "\""));
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 2, kTimeoutMs);
    }

    void bulkAcknowledgementStaysUnderTheRateLimit()
    {
        noc::sim::SimulatorOptions options;
        options.rateLimitFrames = 100;
        options.rateLimitWindowSeconds = 1; // the real server's 100/60 s, sixty times faster
        EngineFixture f(options);
        f.client->setFrameBudget(90, 1000);
        f.client->start();
        waitConnected(f);
        QStringList ids;
        for (int i = 0; i < 500; ++i)
            ids.append(publish(f, i % 2 ? u"acme"_s : u"initech"_s));
        QSignalSpy errors(f.client.get(), &NocClient::serverErrorReceived);
        QSignalSpy confirmed(f.client.get(), &NocClient::acknowledgementConfirmed);
        f.client->acknowledgeMany(ids);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 500, 30000);
        QCOMPARE(errors.count(), 0); // no "Rate limit exceeded"
        QStringList acked = f.ackedIds();
        QCOMPARE(acked.size(), 500); // every valid ack exactly once
        acked.sort();
        ids.sort();
        QCOMPARE(acked, ids);
    }

    void poisonAcknowledgementFailsAndTheRestGoOn()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        const QString good1 = publish(f);
        const QString good2 = publish(f);
        QSignalSpy failed(f.client.get(), &NocClient::acknowledgementFailed);
        QSignalSpy confirmed(f.client.get(), &NocClient::acknowledgementConfirmed);
        // An id the server does not know makes it close the socket with 1011, every time.
        f.client->acknowledgeMany({ good1, u"987654321"_s, good2 });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QCOMPARE(failed.constFirst().at(0).toString(), u"987654321"_s);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 2, kTimeoutMs);
        QStringList acked = f.ackedIds();
        acked.sort();
        QStringList expected { good1, good2 };
        expected.sort();
        QCOMPARE(acked, expected);
        QCOMPARE(f.client->pendingAcknowledgements(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    void refusedAcknowledgementFailsWithTheServersReason()
    {
        EngineFixture f;
        f.client->setCredentials(u"viewer"_s, u"viewer"_s);
        f.client->start();
        waitConnected(f);
        QSignalSpy failed(f.client.get(), &NocClient::acknowledgementFailed);
        f.client->acknowledge(publish(f));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        QCOMPARE(failed.constFirst().at(1).toString(), u"Cannot acknowledge alerts"_s);
        QCOMPARE(f.client->pendingAcknowledgements(), 0);
    }

    void subscriptionRefusalIsReported()
    {
        EngineFixture f;
        f.client->setCredentials(u"acme-only"_s, u"acme-only"_s);
        QSignalSpy refused(f.client.get(), &NocClient::subscriptionFailed);
        QSignalSpy accepted(f.client.get(), &NocClient::subscriptionConfirmed);
        f.client->start();
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kTimeoutMs);
        QCOMPARE(refused.constFirst().at(0).toString(), u"globex"_s);
        QCOMPARE(accepted.count(), 1);
    }

    void subscriptionsPersistAcrossRuns()
    {
        EngineFixture f;
        f.client->subscribe(u"hooli"_s);
        auto next = f.makeClient();
        QVERIFY(next->subscriptions().contains(u"hooli"_s));
    }

    void duplicateDeliveryAppearsOnce()
    {
        EngineFixture f;
        f.client->start();
        waitConnected(f);
        QSignalSpy alerts(f.client.get(), &NocClient::alertsReceived);
        const QString frame = uR"({"type": "alert_new", "alert_id": 424242, "alert_type": "LINK_DOWN", )"
                              uR"("severity": "HIGH", "message": "twice"})"_s;
        f.sim.sendRaw(frame, u"/ws/noc/dashboard/"_s);
        f.sim.sendRaw(frame, u"/ws/noc/dashboard/"_s);
        f.sim.sendRaw(frame, u"/ws/noc/presence/"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), kTimeoutMs);
        const auto marker = publish(f); // something after, so every copy has arrived
        int seen = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                seen = 0;
                bool markerSeen = false;
                for (const auto &args : std::as_const(alerts)) {
                    for (const auto &alert : args.constFirst().value<noc::AlertBatch>()) {
                        seen += alert.id == u"424242"_s;
                        markerSeen |= alert.id == marker;
                    }
                }
                return markerSeen;
            }(),
            kTimeoutMs);
        QCOMPARE(seen, 1);
    }

    void failoverAndBackToTheFirstServer()
    {
        EngineFixture f;
        noc::sim::Simulator second;
        QVERIFY(second.listen());
        noc::ClientSettings settings;
        settings.servers = { f.sim.httpUrl(), second.httpUrl() };
        settings.backoff.baseMs = 100;
        settings.backoff.capMs = 400;
        settings.backoff.jitter = 0;
        settings.subscriptions = { u"acme"_s };
        f.client->applySettings(settings);
        f.client->setPreferredServerProbeIntervalMs(300);
        f.client->start();
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QCOMPARE(f.client->currentServerIndex(), 0);

        f.sim.restart(2500); // the first server goes away for a while
        QTRY_COMPARE_WITH_TIMEOUT(f.client->currentServerIndex(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(second.openSockets(u"/ws/noc/dashboard/"_s), 1, kTimeoutMs);

        // ... and when it answers again the client moves back to it.
        QTRY_COMPARE_WITH_TIMEOUT(f.client->currentServerIndex(), 0, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(second.openSockets(u"/ws/noc/dashboard/"_s), 0, kTimeoutMs);
    }

    void desktopGivesUpAndRetriesOnRequest()
    {
        EngineFixture f;
        noc::ClientSettings settings;
        settings.servers = { f.sim.httpUrl() };
        settings.backoff.baseMs = 50;
        settings.backoff.capMs = 100;
        settings.backoff.maxAttempts = 3;
        f.client->applySettings(settings);
        f.client->start();
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        f.sim.restart(60000); // gone for good, as far as this test is concerned
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Failed, kTimeoutMs);
        QVERIFY(f.client->statusMessage().contains(u"Gave up after 3 attempts"_s));
        QVERIFY(f.client->canRetry());
    }

    void wallModeNeverGivesUp()
    {
        noc::test::FakeClock clock(QDateTime::currentDateTimeUtc());
        EngineFixture f({}, &clock);
        noc::ClientSettings settings;
        settings.servers = { f.sim.httpUrl() };
        settings.backoff.maxAttempts = 3;
        settings.wallMode = true;
        f.client->applySettings(settings);
        f.client->start();
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
        f.sim.restart(600000);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Backoff, kTimeoutMs);
        for (int i = 0; i < 12; ++i) {
            clock.advance(40000); // beyond the 30 s cap each time
            QTRY_VERIFY_WITH_TIMEOUT(f.client->state() == State::Backoff, kTimeoutMs);
        }
        QVERIFY(f.client->attempt() >= 12);
        QVERIFY(f.client->nextRetryAt().isValid());
    }

    void resumeFromSleepRetriesAtOnce()
    {
        noc::test::FakeClock clock(QDateTime::currentDateTimeUtc());
        EngineFixture f({}, &clock);
        noc::ClientSettings settings;
        settings.servers = { f.sim.httpUrl() };
        settings.backoff.capMs = 120000;
        settings.backoff.jitter = 0;
        f.client->applySettings(settings);
        f.client->start();
        waitConnected(f);
        f.sim.closeSockets(4429, u"too many"_s); // waits at least the cap: two minutes
        QTRY_COMPARE_WITH_TIMEOUT(f.client->state(), State::Backoff, kTimeoutMs);
        // The laptop sleeps for an hour: the wall clock jumps, the monotonic one does not.
        clock.jumpWallClock(3600 * 1000);
        clock.advance(noc::NetworkWatcher::kResumeCheckMs + 1);
        QVERIFY(f.client->state() != State::Backoff);
        QTRY_VERIFY_WITH_TIMEOUT(f.connected(), kTimeoutMs);
    }

    void healthIsReportedPerChannel()
    {
        EngineFixture f;
        f.client->setDashboardHeartbeatSeconds(1);
        f.client->start();
        waitConnected(f);
        QTRY_VERIFY_WITH_TIMEOUT(f.client->channelHealth().constFirst().rttLastMs >= 0, kTimeoutMs);
        const auto health = f.client->channelHealth();
        QCOMPARE(health.size(), 2);
        QCOMPARE(health.at(0).name, u"dashboard"_s);
        QCOMPARE(health.at(0).state, noc::ChannelHealth::State::Open);
        QVERIFY(health.at(0).framesIn >= 1);
        QVERIFY(health.at(0).framesOut >= 3);
        QVERIFY(health.at(0).score > 50);
        QVERIFY(!health.at(0).stale);
        QTRY_COMPARE_WITH_TIMEOUT(f.client->channelHealth().at(1).state, noc::ChannelHealth::State::Open,
                                  kTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
