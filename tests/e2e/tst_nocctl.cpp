// SPDX-License-Identifier: MIT
// nocctl as an operator runs it, against the simulator over loopback, with a real Secret Service.
#include "SecretService.h"
#include "sim/AlertSeeder.h"
#include "sim/AlertStatus.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 30000;

struct Ctl
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();

    Ctl()
    {
        // Settings and state of this test only; the keychain is the session's (tools/test.sh makes a
        // throwaway one), on this test's own service (inherited: tests/common/TestKeychainService.cpp).
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.remove(u"NOCDASH_PASSWORD"_s);
    }

    std::unique_ptr<QProcess> start(const QStringList &args, const QString &password = {})
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment e = env;
        if (!password.isEmpty())
            e.insert(u"NOCDASH_PASSWORD"_s, password);
        process->setProcessEnvironment(e);
        process->start(QStringLiteral(NOCCTL_EXE), args);
        return process;
    }
};

bool finished(QProcess &process)
{
    return process.state() == QProcess::NotRunning;
}
} // namespace

class TestNocctl : public QObject
{
    Q_OBJECT

private:
    noc::sim::Simulator *m_sim = nullptr;

    QStringList server() const { return { u"--server"_s, m_sim->httpUrl().toString() }; }

private Q_SLOTS:
    void init()
    {
        m_sim = new noc::sim::Simulator({}, this);
        QVERIFY(m_sim->listen());
    }
    void cleanup()
    {
        delete m_sim;
        m_sim = nullptr;
    }

    void usageErrors()
    {
        Ctl ctl;
        for (const QStringList &args :
             { QStringList {}, QStringList { u"frobnicate"_s }, QStringList { u"ack"_s },
               QStringList { u"--server"_s, u"ftp://x"_s, u"status"_s } }) {
            auto p = ctl.start(args);
            QTRY_VERIFY_WITH_TIMEOUT(finished(*p), kTimeoutMs);
            QCOMPARE(p->exitCode(), 2);
        }
    }

    void stateTableIsPrintable()
    {
        Ctl ctl;
        auto p = ctl.start({ u"status"_s, u"--state-table"_s });
        QTRY_VERIFY_WITH_TIMEOUT(finished(*p), kTimeoutMs);
        QCOMPARE(p->exitCode(), 0);
        const QString table = QString::fromUtf8(p->readAllStandardOutput());
        QVERIFY(table.startsWith(u"| from | event | guard | to | actions | why |"_s));
        QVERIFY(table.contains(u"ClosedPresenceTimeout"_s));
    }

    void loginProvisionsTheKeychainAndLogoutForgets()
    {
        NOC_REQUIRE_SESSION_BUS();
        Ctl ctl;
        auto login
            = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"login"_s }, u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*login), kTimeoutMs);
        QVERIFY2(login->exitCode() == 0, login->readAllStandardError().constData());
        QVERIFY(!login->readAllStandardOutput().contains("eyJ")); // never a token on screen
        // Stored under this test's service, where a test may write, not the operator's "nocdash".
        const QString secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
        QVERIFY2(!secretTool.isEmpty(),
                 "secret-tool is not installed (tools/install-deps.sh installs libsecret-tools)");
        QProcess lookup;
        lookup.start(secretTool,
                     { u"lookup"_s, u"server"_s, u"nocdash-test-tst_nocctl"_s, u"user"_s,
                       u"127.0.0.1:%1/operator/refresh"_s.arg(m_sim->httpUrl().port()) });
        QTRY_VERIFY_WITH_TIMEOUT(finished(lookup), kTimeoutMs);
        QCOMPARE(lookup.exitCode(), 0);
        QVERIFY(!lookup.readAllStandardOutput().trimmed().isEmpty());

        // No server, no user, no password: everything comes from the settings and the keychain.
        auto status = ctl.start({ u"status"_s });
        QTRY_VERIFY_WITH_TIMEOUT(finished(*status), kTimeoutMs);
        QVERIFY2(status->exitCode() == 0, status->readAllStandardError().constData());
        const QJsonObject health = QJsonDocument::fromJson(status->readAllStandardOutput()).object();
        QCOMPARE(health.value("state"_L1).toString(), u"Connected"_s);
        QCOMPARE(health.value("user"_L1).toString(), u"operator"_s);
        const auto dashboard = health.value("channels"_L1).toArray().at(0).toObject();
        QCOMPARE(dashboard.value("name"_L1).toString(), u"dashboard"_s);
        // Status waits for the dashboard's first round trip: it reports a measured one, in whole ms
        // (not -1, "not yet"), as a number (not missing, nor words).
        const QJsonValue rtt = dashboard.value("rtt_last_ms"_L1);
        QVERIFY2(rtt.isDouble(), QJsonDocument(dashboard).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(rtt.toDouble(), double(rtt.toInt()));
        QVERIFY2(rtt.toInt() >= 0 && rtt.toInt() < kTimeoutMs, qPrintable(QString::number(rtt.toInt())));

        auto logout = ctl.start({ u"logout"_s });
        QTRY_VERIFY_WITH_TIMEOUT(finished(*logout), kTimeoutMs);
        QVERIFY2(logout->exitCode() == 0, logout->readAllStandardError().constData());

        auto after = ctl.start({ u"status"_s });
        QTRY_VERIFY_WITH_TIMEOUT(finished(*after), kTimeoutMs);
        QCOMPARE(after->exitCode(), 3); // nothing to sign in with any more
    }

    void wallScreenProvisionedFromAShell()
    {
        NOC_REQUIRE_SESSION_BUS();
        // The unattended case: `nocctl login` once, then the dashboard starts with no argument, no
        // password and no prompt, from the settings and the keychain alone.
        Ctl ctl;
        auto login
            = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"login"_s }, u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*login), kTimeoutMs);
        QVERIFY2(login->exitCode() == 0, login->readAllStandardError().constData());
        auto subscribe = ctl.start({ u"subscribe"_s, u"acme"_s });
        QTRY_VERIFY_WITH_TIMEOUT(finished(*subscribe), kTimeoutMs);
        QVERIFY2(subscribe->exitCode() == 0, subscribe->readAllStandardError().constData());

        QProcess dashboard;
        QProcessEnvironment env = ctl.env;
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        dashboard.setProcessEnvironment(env);
        // As the wall unit starts it: --kiosk and nothing else that says where to connect.
        dashboard.start(
            QStringLiteral(NOCDASH_EXE),
            { u"--kiosk"_s, u"--quit-after-alerts"_s, u"2"_s, u"--self-check-timeout"_s, u"30"_s });
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->openSockets(u"/ws/noc/dashboard/"_s) == 1
                                     && m_sim->framesReceivedByType().value(u"subscribe_client"_s) >= 2,
                                 kTimeoutMs);
        m_sim->publishAlert(u"acme"_s, u"CRITICAL"_s, u"DEVICE_OFFLINE"_s, u"one"_s);
        m_sim->publishAlert(u"acme"_s, u"HIGH"_s, u"LINK_DOWN"_s, u"two"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(dashboard), kTimeoutMs);
        const QByteArray out = dashboard.readAllStandardOutput();
        QVERIFY2(dashboard.exitCode() == 0, out + dashboard.readAllStandardError());
        QVERIFY2(out.contains("self-check: wall mode"), out.constData());
    }

    void ackExitsZeroOnlyWhenConfirmed()
    {
        Ctl ctl;
        const QString a = m_sim->publishAlert(u"acme"_s, u"HIGH"_s, u"LINK_DOWN"_s, u"a"_s);
        const QString b = m_sim->publishAlert(u"globex"_s, u"LOW"_s, u"DISK_FULL"_s, u"b"_s);
        auto ok
            = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"--json"_s, u"ack"_s, a, b },
                        u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*ok), kTimeoutMs);
        QVERIFY2(ok->exitCode() == 0, ok->readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(ok->readAllStandardOutput()).count(u"ack_confirmed"_s), 2);
        QCOMPARE(m_sim->acks().size(), 2);

        auto refused
            = ctl.start(server() + QStringList { u"--user"_s, u"viewer"_s, u"ack"_s, a }, u"viewer"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*refused), kTimeoutMs);
        QCOMPARE(refused->exitCode(), 5);
        QVERIFY(refused->readAllStandardError().contains("Cannot acknowledge alerts"));
        QCOMPARE(m_sim->acks().size(), 2);

        auto wrongPassword
            = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"ack"_s, a }, u"nope"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*wrongPassword), kTimeoutMs);
        QCOMPARE(wrongPassword->exitCode(), 3);
    }

    void alertsListsTheServersRecords()
    {
        Ctl ctl;
        noc::sim::AlertApiOptions working = m_sim->alertApiSettings();
        working.list = noc::sim::AlertApiOptions::List::Working;
        m_sim->setAlertApiSettings(working);
        noc::sim::SeedRequest seed;
        seed.count = 6;
        seed.statuses = { u"NEW"_s, u"ASSIGNED"_s, u"RESOLVED"_s };
        seed.clients = { u"acme"_s, u"globex"_s };
        const QList<qint64> ids = m_sim->seedAlerts(seed);
        const QStringList user { u"--user"_s, u"operator"_s, u"--json"_s, u"alerts"_s };

        auto open = ctl.start(server() + user, u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*open), kTimeoutMs);
        QVERIFY2(open->exitCode() == 0, open->readAllStandardError().constData());
        QSet<QString> listed;
        for (const QByteArray &line : open->readAllStandardOutput().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            for (const char *field :
                 { "id", "status", "severity", "type", "message", "client", "created_at" })
                QVERIFY2(o.contains(QLatin1String(field)), line.constData());
            QVERIFY(o.value("status"_L1).toString() != "RESOLVED"_L1); // open by default
            listed.insert(o.value("id"_L1).toString());
        }
        QSet<QString> expected;
        for (qint64 id : ids) {
            if (noc::sim::AlertStatusNames::isOpen(m_sim->alertStore().find(id)->status))
                expected.insert(QString::number(id));
        }
        QCOMPARE(listed, expected);

        auto resolvedOfAcme = ctl.start(
            server() + user + QStringList { u"--status"_s, u"RESOLVED"_s, u"--client"_s, u"acme"_s },
            u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*resolvedOfAcme), kTimeoutMs);
        QCOMPARE(resolvedOfAcme->exitCode(), 0);
        const QByteArray out = resolvedOfAcme->readAllStandardOutput();
        int resolvedAcme = 0;
        for (qint64 id : ids) {
            const noc::sim::StoredAlert *record = m_sim->alertStore().find(id);
            resolvedAcme
                += record->status == noc::sim::AlertStatus::Resolved && record->clientId == "acme"_L1;
        }
        QVERIFY(resolvedAcme > 0); // the seed has some: the filters are seen to work
        QCOMPARE(out.count('\n'), resolvedAcme);
        QCOMPARE(out.count("\"status\":\"RESOLVED\""), resolvedAcme);
        QVERIFY(!out.contains("\"client\":\"globex\""));

        // A server that refuses its records: said, with its own exit code.
        m_sim->setAlertApiSettings({});
        auto refused = ctl.start(server() + user, u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*refused), kTimeoutMs);
        QCOMPARE(refused->exitCode(), 6);
        QVERIFY(refused->readAllStandardError().contains("alert history unavailable"));
    }

    void resolveAssignEscalateAnswerForEveryId()
    {
        Ctl ctl;
        noc::sim::SeedRequest seed;
        seed.count = 4;
        seed.statuses = { u"NEW"_s };
        const QList<qint64> ids = m_sim->seedAlerts(seed); // a current server: escalate answers 500
        const auto id = [&ids](int i) { return QString::number(ids.at(i)); };
        const QStringList user { u"--user"_s, u"operator"_s, u"--json"_s };

        auto resolve = ctl.start(server() + user
                                     + QStringList { u"resolve"_s, id(0), id(1), u"--notes"_s, u"fixed"_s },
                                 u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*resolve), kTimeoutMs);
        QVERIFY2(resolve->exitCode() == 0, resolve->readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(resolve->readAllStandardOutput()).count(u"action_confirmed"_s), 2);
        QCOMPARE(m_sim->alertStore().find(ids.at(0))->status, noc::sim::AlertStatus::Resolved);
        QCOMPARE(m_sim->alertStore().find(ids.at(1))->status, noc::sim::AlertStatus::Resolved);

        auto assign
            = ctl.start(server() + user + QStringList { u"assign"_s, id(2), u"987654"_s, u"--to"_s, u"7"_s },
                        u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*assign), kTimeoutMs);
        QCOMPARE(assign->exitCode(), 5); // one of the two is no alert of this tenant
        QVERIFY(assign->readAllStandardError().contains("987654: Alert"));
        QVERIFY(assign->readAllStandardOutput().contains("\"assigned_to\":\"Ravi Patel\""));
        QCOMPARE(m_sim->alertStore().find(ids.at(2))->status, noc::sim::AlertStatus::Assigned);

        auto escalate = ctl.start(
            server() + user
                + QStringList { u"escalate"_s, id(3), u"--to"_s, u"6"_s, u"--reason"_s, u"vip"_s },
            u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*escalate), kTimeoutMs);
        QCOMPARE(escalate->exitCode(), 5);
        QVERIFY(escalate->readAllStandardError().contains("HTTP 500"));
        QCOMPARE(m_sim->alertStore().find(ids.at(3))->status, noc::sim::AlertStatus::New);

        auto usage = ctl.start(server() + user + QStringList { u"escalate"_s, id(3), u"--to"_s, u"6"_s },
                               u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*usage), kTimeoutMs);
        QCOMPARE(usage->exitCode(), 2); // a reason is required
    }

    void onlyOneProgramOwnsTheOutbox()
    {
        Ctl ctl;
        const QString outboxPath = ctl.home.filePath(u"data/nocdash/ack-outbox.json"_s);
        // A watch never takes the outbox file: a dashboard started meanwhile must be able to.
        auto watch = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"--json"_s, u"watch"_s },
                               u"operator"_s);
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += watch->readAllStandardOutput()).contains("\"state\":\"Connected\""), kTimeoutMs);
        QVERIFY(!QFile::exists(outboxPath + u".lock"_s));

        // An ack whose server does not answer owns the file while it waits for it.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        auto holder = ctl.start({ u"--server"_s, u"http://127.0.0.1:%1"_s.arg(deadPort), u"--user"_s,
                                  u"operator"_s, u"--timeout"_s, u"60"_s, u"ack"_s, u"424242"_s },
                                u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(outboxPath + u".lock"_s), kTimeoutMs);

        // A second ack meanwhile is sent and confirmed all the same, and says it is not kept.
        const QString a = m_sim->publishAlert(u"acme"_s, u"HIGH"_s, u"LINK_DOWN"_s, u"a"_s);
        auto ack
            = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"ack"_s, a }, u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*ack), kTimeoutMs);
        const QString errors = QString::fromUtf8(ack->readAllStandardError());
        QVERIFY2(ack->exitCode() == 0, qPrintable(errors));
        QVERIFY2(errors.contains(u"in use by nocctl (pid %1"_s.arg(holder->processId())), qPrintable(errors));
        QCOMPARE(m_sim->acks().size(), 1);
        QCOMPARE(m_sim->acks().constFirst().alertId, a);

        // On disk: exactly the owner's queue.
        QFile outbox(outboxPath);
        QVERIFY(outbox.open(QIODevice::ReadOnly));
        const QJsonArray queued
            = QJsonDocument::fromJson(outbox.readAll()).object().value(u"acks"_s).toArray();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.at(0).toObject().value(u"alert_id"_s).toString(), u"424242"_s);

        for (QProcess *process : { holder.get(), watch.get() }) {
            ::kill(static_cast<pid_t>(process->processId()), SIGTERM);
            QTRY_VERIFY_WITH_TIMEOUT(finished(*process), kTimeoutMs);
        }
        QVERIFY(!QFile::exists(outboxPath + u".lock"_s)); // released on the way out
    }

    void subscribeConfirmsWithTheServer()
    {
        Ctl ctl;
        auto ok = ctl.start(server() + QStringList { u"--user"_s, u"operator"_s, u"subscribe"_s, u"hooli"_s },
                            u"operator"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*ok), kTimeoutMs);
        QVERIFY2(ok->exitCode() == 0, ok->readAllStandardError().constData());
        auto refused
            = ctl.start(server() + QStringList { u"--user"_s, u"acme-only"_s, u"subscribe"_s, u"globex"_s },
                        u"acme-only"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*refused), kTimeoutMs);
        QCOMPARE(refused->exitCode(), 5);
        QVERIFY(refused->readAllStandardError().contains("Insufficient permissions"));
    }

    void watchSurvivesFaultInjection()
    {
        Ctl ctl;
        auto watch = ctl.start(server()
                                   + QStringList { u"--user"_s, u"operator"_s, u"--client"_s, u"acme"_s,
                                                   u"--json"_s, u"watch"_s },
                               u"operator"_s);
        QByteArray output;
        const auto sawAlert = [&](const QString &message) {
            output += watch->readAllStandardOutput();
            return output.contains(message.toUtf8());
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawAlert(u"\"state\":\"Connected\""_s), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->framesReceivedByType().value(u"subscribe_client"_s), 1, kTimeoutMs);

        int round = 0;
        const auto faults = QList<std::function<void()>> {
            [&] { m_sim->restart(500); },
            [&] { m_sim->closeSockets(1011, u"handler raised"_s); },
            [&] { m_sim->closeSockets(1000, u"24 h"_s); },
            [&] { m_sim->closeSockets(4408, u"presence timeout"_s); },
            [&] { m_sim->expireAccessTokens(true); },
            [&] { m_sim->sendMalformed(u"garbage"_s); },
        };
        for (const auto &fault : faults) {
            ++round;
            const int subscribesBefore = m_sim->framesReceivedByType().value(u"subscribe_client"_s);
            fault();
            if (round != faults.size()) // every fault but the malformed frame ends the socket
                QTRY_VERIFY_WITH_TIMEOUT(m_sim->framesReceivedByType().value(u"subscribe_client"_s)
                                             > subscribesBefore,
                                         kTimeoutMs);
            const QString message = u"after fault %1"_s.arg(round);
            m_sim->publishAlert(u"acme"_s, u"CRITICAL"_s, u"DEVICE_OFFLINE"_s, message);
            QTRY_VERIFY2_WITH_TIMEOUT(sawAlert(message), qPrintable(message), kTimeoutMs);
        }
        // Each fault but the malformed frame was a stretch without a feed, and said so.
        QCOMPARE(output.count("\"event\":\"gap\""), faults.size() - 1);
        // This server refuses its alert records (as current servers do): said once, not asked again on
        // each of the five reconnects, and never a sign-out.
        QCOMPARE(output.count("\"event\":\"history_unavailable\""), 1);
        QCOMPARE(m_sim->restCalls().value(u"operator"_s).list, 1);
        // Every line is one JSON object.
        for (const QByteArray &line : output.split('\n')) {
            if (!line.isEmpty())
                QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
        }
        ::kill(static_cast<pid_t>(watch->processId()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(finished(*watch), kTimeoutMs);
        QCOMPARE(watch->exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch->exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNocctl)
#include "tst_nocctl.moc"
