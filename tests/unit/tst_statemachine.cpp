// SPDX-License-Identifier: MIT
#include "Backoff.h"
#include "ConnectionStateMachine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using M = noc::ConnectionStateMachine;
using S = M::State;
using E = M::Event;
using A = M::Action;

namespace {
M::Facts factsFrom(int bits)
{
    M::Facts f;
    f.credentialsProven = bits & 1;
    f.attemptsExhausted = bits & 2;
    f.refreshedForRefusal = bits & 4;
    f.hasPassword = bits & 8;
    f.hasRefreshToken = bits & 16;
    f.tokenFresh = bits & 32;
    return f;
}

M::Facts proven()
{
    M::Facts f;
    f.credentialsProven = true;
    f.hasPassword = true;
    f.hasRefreshToken = true;
    f.tokenFresh = true;
    return f;
}
} // namespace

class TestStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRowIsReachable()
    {
        // For each row and each state it starts from, some combination of facts must select it: a row
        // that can never fire is a policy nobody gets.
        const auto &table = M::table();
        for (qsizetype i = 0; i < table.size(); ++i) {
            const M::Transition &row = table.at(i);
            for (S from : row.from) {
                bool reached = false;
                for (int bits = 0; bits < 64 && !reached; ++bits) {
                    const auto step = M::next(from, row.event, factsFrom(bits));
                    reached = step && step->why == QString::fromLatin1(row.why) && step->to == row.to;
                }
                QVERIFY2(reached,
                         qPrintable(u"row %1 (%2 --%3-->) is unreachable"_s.arg(i).arg(
                             M::stateName(from), M::eventName(row.event))));
            }
        }
    }

    void printableTableListsEveryRow()
    {
        const QString table = M::printableTable();
        QCOMPARE(table.count(u'\n'), M::table().size() + 2);
        QVERIFY(table.contains(u"| Connected | ClosedPresenceTimeout |"_s)
                || table.contains(u"Connecting, Connected | ClosedPresenceTimeout"_s));
    }

    void badPasswordNeverLoops()
    {
        for (int bits = 0; bits < 64; ++bits) {
            const auto step = M::next(S::Authenticating, E::LoginRejected, factsFrom(bits));
            QVERIFY(step);
            QCOMPARE(step->to, S::Failed);
            QVERIFY(step->actions.isEmpty());
        }
    }

    void newCredentialsAreNotRetriedAutomatically()
    {
        M::Facts fresh;
        fresh.hasPassword = true;
        for (E e : { E::LoginFailed, E::LoginThrottled })
            QCOMPARE(M::next(S::Authenticating, e, fresh)->to, S::Failed);
        QCOMPARE(M::next(S::Connecting, E::ConnectFailed, fresh)->to, S::Failed);
        QCOMPARE(M::next(S::Connecting, E::HandshakeRefused, fresh)->to, S::Failed);
    }

    void provenCredentialsBackOff()
    {
        const M::Facts f = proven();
        QCOMPARE(M::next(S::Authenticating, E::LoginFailed, f)->to, S::Backoff);
        QCOMPARE(M::next(S::Connecting, E::ConnectFailed, f)->to, S::Backoff);
        const auto throttled = M::next(S::Authenticating, E::LoginThrottled, f);
        QCOMPARE(throttled->to, S::Backoff);
        QVERIFY(throttled->actions.contains(A::ScheduleServerWait));
    }

    void desktopGivesUpWallDoesNot()
    {
        M::Facts desktop = proven();
        desktop.attemptsExhausted = true;
        QCOMPARE(M::next(S::Connecting, E::ConnectFailed, desktop)->to, S::Failed);
        M::Facts wall = proven(); // wall mode never reports exhaustion
        QCOMPARE(M::next(S::Connecting, E::ConnectFailed, wall)->to, S::Backoff);
    }

    void everyServerCloseReconnects_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("action");
        QTest::newRow("1000/1001") << int(E::ClosedByServer) << int(S::Backoff) << int(A::ScheduleBackoff);
        QTest::newRow("1011") << int(E::ClosedServerError) << int(S::Backoff) << int(A::ScheduleBackoff);
        QTest::newRow("4408 at once")
            << int(E::ClosedPresenceTimeout) << int(S::Connecting) << int(A::OpenChannels);
        QTest::newRow("4401 refresh")
            << int(E::ClosedUnauthorized) << int(S::RefreshingToken) << int(A::Refresh);
        QTest::newRow("4429 at cap") << int(E::ClosedTooManyConnections) << int(S::Backoff)
                                     << int(A::ScheduleBackoffAtCap);
        QTest::newRow("half-open") << int(E::LivenessLost) << int(S::Backoff) << int(A::ScheduleBackoff);
    }

    void everyServerCloseReconnects()
    {
        QFETCH(int, event);
        QFETCH(int, to);
        QFETCH(int, action);
        for (S from : { S::Connected, S::Connecting }) {
            const auto step = M::next(from, E(event), proven());
            QVERIFY(step);
            QCOMPARE(step->to, S(to));
            QVERIFY(step->actions.contains(A(action)));
        }
    }

    void refusalRefreshesOnceThenBacksOff()
    {
        M::Facts f = proven();
        const auto first = M::next(S::Connecting, E::HandshakeRefused, f);
        QCOMPARE(first->to, S::RefreshingToken);
        QVERIFY(first->actions.contains(A::NoteRefusalRefresh));
        f.refreshedForRefusal = true;
        QCOMPARE(M::next(S::Connecting, E::HandshakeRefused, f)->to, S::Backoff);
    }

    void presenceTimeoutWithAStaleTokenRefreshesFirst()
    {
        M::Facts f = proven();
        f.tokenFresh = false;
        QCOMPARE(M::next(S::Connected, E::ClosedPresenceTimeout, f)->to, S::RefreshingToken);
    }

    void deadRefreshTokenFallsBackToThePassword()
    {
        M::Facts f = proven();
        QCOMPARE(M::next(S::RefreshingToken, E::RefreshRejected, f)->to, S::Authenticating);
        f.hasPassword = false;
        QCOMPARE(M::next(S::RefreshingToken, E::RefreshRejected, f)->to, S::Failed);
    }

    void onlyTheOperatorEndsASession()
    {
        for (S from :
             { S::Authenticating, S::RefreshingToken, S::Connecting, S::Connected, S::Backoff, S::Failed })
            QCOMPARE(M::next(from, E::Stop, {})->to, S::LoggedOut);
        // and nothing the server does leads to LoggedOut
        for (const auto &row : M::table()) {
            if (row.event != E::Stop)
                QVERIFY(row.to != S::LoggedOut);
        }
    }

    void networkBackRetriesNow()
    {
        M::Facts f = proven();
        QCOMPARE(M::next(S::Backoff, E::NetworkRestored, f)->to, S::Connecting);
        QCOMPARE(M::next(S::Failed, E::NetworkRestored, f)->to, S::Connecting);
        M::Facts unproven;
        unproven.hasPassword = true;
        QVERIFY(!M::next(S::Failed, E::NetworkRestored, unproven));
    }

    void eventsThatDoNotApplyAreIgnored()
    {
        QVERIFY(!M::next(S::LoggedOut, E::Opened, proven()));
        QVERIFY(!M::next(S::Connected, E::LoginSucceeded, proven()));
        QVERIFY(!M::next(S::LoggedOut, E::Start, {})); // nothing to sign in with
    }

    void backoffDoublesToTheCap()
    {
        noc::BackoffPolicy policy;
        policy.jitter = 0;
        const noc::Backoff backoff(policy, [] { return 0.5; });
        const QList<qint64> expected { 1000, 2000, 4000, 8000, 16000, 30000, 30000 };
        for (int attempt = 0; attempt < expected.size(); ++attempt)
            QCOMPARE(backoff.delayMs(attempt), expected.at(attempt));
        QCOMPARE(backoff.atLeastCapMs(), 30000);
    }

    void jitterStaysInItsBand()
    {
        noc::BackoffPolicy policy; // jitter 0.2
        QCOMPARE(noc::Backoff(policy, [] { return 0.0; }).delayMs(2), 3200);
        QCOMPARE(noc::Backoff(policy, [] { return 0.999999; }).delayMs(2), 4800);
        QVERIFY(noc::Backoff(policy, [] { return 0.999999; }).atLeastCapMs() >= policy.capMs);
    }
};

QTEST_GUILESS_MAIN(TestStateMachine)
#include "tst_statemachine.moc"
