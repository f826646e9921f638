// SPDX-License-Identifier: MIT
// CredentialStore against a real Secret Service (tools/test.sh runs gnome-keyring inside
// dbus-run-session), plus a child process of this binary that has no session bus at all. The cases that
// need the Secret Service fail without a session bus: they never skip.

#include "CredentialStore.h"
#include "NocClient.h"
#include "SecretService.h"
#include "sim/Simulator.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <cstdio>
#include <memory>
#include <optional>

using noc::CredentialError;
using noc::CredentialResult;
using noc::CredentialStore;

namespace {

constexpr int kTimeoutMs = 15000;
constexpr const char *kProbeArgument = "--no-backend-probe";
const QString kProbeSecret = QStringLiteral("probe-secret-7f3a9c");

// Collects one callback; the state outlives the test function in case a job finishes after a failure.
class Waiter
{
public:
    [[nodiscard]] CredentialStore::Callback callback()
    {
        auto state = m_state;
        return [state](const CredentialResult &result) {
            state->result = result;
            ++state->calls;
        };
    }
    [[nodiscard]] bool done() const { return m_state->result.has_value(); }
    [[nodiscard]] int calls() const { return m_state->calls; }
    [[nodiscard]] const CredentialResult &result() const { return *m_state->result; }

private:
    struct State
    {
        std::optional<CredentialResult> result;
        int calls = 0;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// Keychain debug output on whatever QT_LOGGING_RULES says: the tests check no secret reaches it.
void keychainDebugOn(QLoggingCategory *category)
{
    if (g_previousFilter) {
        g_previousFilter(category);
    }
    if (qstrcmp(category->categoryName(), "nocdash.keychain") == 0) {
        category->setEnabled(QtDebugMsg, true);
    }
}

#define AWAIT(waiter) QTRY_VERIFY2_WITH_TIMEOUT((waiter).done(), "keychain job did not finish", kTimeoutMs)

QString kindName(CredentialError kind)
{
    switch (kind) {
    case CredentialError::None:
        return QStringLiteral("None");
    case CredentialError::NotFound:
        return QStringLiteral("NotFound");
    case CredentialError::CouldNotDelete:
        return QStringLiteral("CouldNotDelete");
    case CredentialError::AccessDeniedByUser:
        return QStringLiteral("AccessDeniedByUser");
    case CredentialError::AccessDenied:
        return QStringLiteral("AccessDenied");
    case CredentialError::NoBackend:
        return QStringLiteral("NoBackend");
    case CredentialError::NotImplemented:
        return QStringLiteral("NotImplemented");
    case CredentialError::Other:
        return QStringLiteral("Other");
    }
    return QStringLiteral("?");
}

// The child: every operation once, against whatever DBUS_SESSION_BUS_ADDRESS says; one JSON line each.
int runProbe()
{
    QCoreApplication::setOrganizationName(QStringLiteral("nocdash"));
    QCoreApplication::setApplicationName(QStringLiteral("nocdash"));
    g_previousFilter = QLoggingCategory::installFilter(keychainDebugOn);
    CredentialStore store(QStringLiteral("nocdash-test-probe"));
    const QUrl server(QStringLiteral("https://noc.example.com"));
    const QString user = QStringLiteral("kim");
    QObject context;
    QStringList order { QStringLiteral("writeRefreshToken"), QStringLiteral("writePassword"),
                        QStringLiteral("readRefreshToken"), QStringLiteral("forget") };
    std::function<void()> next;
    auto report = [&](const QString &op) {
        return [&, op](const CredentialResult &result) {
            const QJsonObject line { { QStringLiteral("op"), op },
                                     { QStringLiteral("ok"), result.ok },
                                     { QStringLiteral("kind"), kindName(result.kind) },
                                     { QStringLiteral("message"), result.message } };
            std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
            next();
        };
    };
    next = [&] {
        if (order.isEmpty()) {
            QCoreApplication::exit(0);
            return;
        }
        const QString op = order.takeFirst();
        if (op == QLatin1String("writeRefreshToken")) {
            store.writeRefreshToken(server, user, kProbeSecret, &context, report(op));
        } else if (op == QLatin1String("writePassword")) {
            store.writePassword(server, user, kProbeSecret, &context, report(op));
        } else if (op == QLatin1String("readRefreshToken")) {
            store.readRefreshToken(server, user, &context, report(op));
        } else {
            store.forget(server, user, &context, report(op));
        }
    };
    QTimer::singleShot(0, &context, next);
    // A keychain that never answers must not hang the test run.
    QTimer::singleShot(kTimeoutMs, &context, [] { QCoreApplication::exit(3); });
    return QCoreApplication::exec();
}

} // namespace

class tst_CredentialStore : public QObject
{
    Q_OBJECT

private:
    // A unique service per run: these tests never touch an operator's real "nocdash" entries.
    const QString m_service = QStringLiteral("nocdash-test-%1").arg(QCoreApplication::applicationPid());
    const QUrl m_serverA { QStringLiteral("https://noc-a.example.com") };
    const QUrl m_serverB { QStringLiteral("https://noc-b.example.com") };
    const QUrl m_serverA8443 { QStringLiteral("https://noc-a.example.com:8443") };

    void forgetAll(CredentialStore &store)
    {
        for (const QUrl &server : { m_serverA, m_serverB, m_serverA8443 }) {
            for (const QString &user : { QStringLiteral("kim"), QStringLiteral("lee") }) {
                Waiter waiter;
                store.forget(server, user, this, waiter.callback());
                QTRY_VERIFY_WITH_TIMEOUT(waiter.done(), kTimeoutMs);
            }
        }
    }

private Q_SLOTS:

    // Every test program runs on its own service (tests/common/TestKeychainService.cpp), this one too.
    void thisTestHasItsOwnService()
    {
        QCOMPARE(qEnvironmentVariable(CredentialStore::kServiceVariable),
                 QStringLiteral("nocdash-test-tst_credentialstore"));
        QCOMPARE(CredentialStore().service(), QStringLiteral("nocdash-test-tst_credentialstore"));
    }

    void defaultServiceIsNocdashUnlessTheEnvironmentSaysOtherwise()
    {
        const QByteArray ours = qgetenv(CredentialStore::kServiceVariable);
        const auto restore = qScopeGuard([&] { qputenv(CredentialStore::kServiceVariable, ours); });
        qunsetenv(CredentialStore::kServiceVariable);
        QCOMPARE(CredentialStore().service(), QStringLiteral("nocdash"));
        qputenv(CredentialStore::kServiceVariable, QByteArray());
        QCOMPARE(CredentialStore().service(), QStringLiteral("nocdash"));
        qputenv(CredentialStore::kServiceVariable, QByteArrayLiteral("nocdash-staging"));
        QCOMPARE(CredentialStore().service(), QStringLiteral("nocdash-staging"));
        // An explicit service wins.
        QCOMPARE(CredentialStore(QStringLiteral("other")).service(), QStringLiteral("other"));
    }

    // The engine makes its own store on the default service: its session lands under this test's
    // service, where a test may write, and so never in the operator's "nocdash" entries.
    void engineKeepsItsSessionUnderThisTestsService()
    {
        NOC_REQUIRE_SESSION_BUS();
        noc::sim::Simulator sim;
        QVERIFY(sim.listen());
        noc::NocClient client;
        noc::ServerProfile profile;
        profile.baseUrl = sim.httpUrl();
        client.setProfile(profile);
        client.setCredentials(QStringLiteral("operator"), QStringLiteral("operator"));
        QSignalSpy saved(&client, &noc::NocClient::credentialsSaved);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeoutMs);
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(client.keychainMessage()));

        CredentialStore ours(QStringLiteral("nocdash-test-tst_credentialstore"));
        Waiter read;
        ours.readRefreshToken(sim.httpUrl(), QStringLiteral("operator"), this, read.callback());
        AWAIT(read);
        QVERIFY2(read.result().ok, qPrintable(read.result().message));
        QVERIFY(!read.result().secret.isEmpty());
        client.stop();
        Waiter forget;
        ours.forget(sim.httpUrl(), QStringLiteral("operator"), this, forget.callback());
        AWAIT(forget);
        QVERIFY2(forget.result().ok, qPrintable(forget.result().message));
    }

    void entryKeys()
    {
        using S = CredentialStore::Secret;
        QCOMPARE(CredentialStore::entryKey(QUrl(QStringLiteral("https://noc.example.com")),
                                           QStringLiteral("kim"), S::RefreshToken),
                 QStringLiteral("noc.example.com/kim/refresh"));
        QCOMPARE(CredentialStore::entryKey(QUrl(QStringLiteral("https://NOC.example.com:8443/base/")),
                                           QStringLiteral("kim"), S::Password),
                 QStringLiteral("noc.example.com:8443/kim/password"));
        // The scheme's default port is the same server as no port at all.
        QCOMPARE(CredentialStore::entryKey(QUrl(QStringLiteral("https://noc.example.com:443")),
                                           QStringLiteral("kim"), S::RefreshToken),
                 QStringLiteral("noc.example.com/kim/refresh"));
        QCOMPARE(CredentialStore::entryKey(QUrl(QStringLiteral("http://127.0.0.1:8000")),
                                           QStringLiteral("kim"), S::RefreshToken),
                 QStringLiteral("127.0.0.1:8000/kim/refresh"));
        QVERIFY(CredentialStore::entryKey(QUrl(), QStringLiteral("kim"), S::RefreshToken).isEmpty());
        QVERIFY(CredentialStore::entryKey(m_serverA, QString(), S::RefreshToken).isEmpty());
    }

    // Every QKeychain::Error, for every operation, becomes a kind and words an operator can act on.
    void errorTable_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<int>("kindValue");
        QTest::addColumn<QString>("start");
        QTest::newRow("NoError") << int(QKeychain::NoError) << QString() << int(CredentialError::None)
                                 << QString();
        QTest::newRow("EntryNotFound")
            << int(QKeychain::EntryNotFound) << QString() << int(CredentialError::NotFound)
            << QStringLiteral("No saved sign-in in the keychain");
        QTest::newRow("CouldNotDeleteEntry")
            << int(QKeychain::CouldNotDeleteEntry) << QString() << int(CredentialError::CouldNotDelete)
            << QStringLiteral("The keychain could not delete the saved sign-in");
        QTest::newRow("AccessDeniedByUser")
            << int(QKeychain::AccessDeniedByUser) << QString() << int(CredentialError::AccessDeniedByUser)
            << QStringLiteral("Access to the keychain was refused at its prompt");
        QTest::newRow("AccessDenied")
            << int(QKeychain::AccessDenied) << QString() << int(CredentialError::AccessDenied)
            << QStringLiteral("The keychain is locked or refused access");
        QTest::newRow("NoBackendAvailable")
            << int(QKeychain::NoBackendAvailable) << QString() << int(CredentialError::NoBackend)
            << QStringLiteral("No keychain is available (no Secret Service running)");
        QTest::newRow("NotImplemented")
            << int(QKeychain::NotImplemented) << QString() << int(CredentialError::NotImplemented)
            << QStringLiteral("This system's keychain cannot do that");
        QTest::newRow("OtherError no bus")
            << int(QKeychain::OtherError) << QStringLiteral("Could not connect: No such file or directory")
            << int(CredentialError::NoBackend)
            << QStringLiteral("No keychain is available (no Secret Service running)");
        QTest::newRow("OtherError no collection")
            << int(QKeychain::OtherError)
            << QStringLiteral(
                   "Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d")
            << int(CredentialError::NoBackend) << QStringLiteral("The keychain has no default keyring");
        QTest::newRow("OtherError else")
            << int(QKeychain::OtherError) << QStringLiteral("disk on fire") << int(CredentialError::Other)
            << QStringLiteral("The keychain failed (disk on fire)");
    }
    void errorTable()
    {
        QFETCH(int, error);
        QFETCH(QString, detail);
        QFETCH(int, kindValue);
        const auto kind = CredentialError(kindValue);
        QFETCH(QString, start);
        for (const auto operation : { CredentialStore::Operation::Read, CredentialStore::Operation::Write,
                                      CredentialStore::Operation::Delete }) {
            const CredentialResult result = CredentialStore::mapResult(error, detail, operation);
            QCOMPARE(result.kind, kind);
            QCOMPARE(result.ok, kind == CredentialError::None);
            QVERIFY(result.secret.isEmpty());
            if (kind == CredentialError::None) {
                QVERIFY(result.message.isEmpty());
                continue;
            }
            if (kind == CredentialError::NotFound && operation != CredentialStore::Operation::Read) {
                QVERIFY(!result.message.isEmpty());
                continue;
            }
            QVERIFY2(result.message.startsWith(start), qPrintable(result.message));
        }
        // The consequence depends on what the operator was doing.
        if (kind != CredentialError::None && kind != CredentialError::NotFound) {
            const auto write = CredentialStore::mapResult(error, detail, CredentialStore::Operation::Write);
            QVERIFY2(write.message.contains(QLatin1String("next time")), qPrintable(write.message));
            const auto read = CredentialStore::mapResult(error, detail, CredentialStore::Operation::Read);
            QVERIFY2(read.message.contains(QLatin1String("password")), qPrintable(read.message));
        }
    }

    void roundTrip()
    {
        NOC_REQUIRE_SESSION_BUS();
        CredentialStore store(m_service);
        forgetAll(store);

        // Everything the keychain category prints while secrets pass through it.
        static QStringList logged;
        logged.clear();
        g_previousFilter = QLoggingCategory::installFilter(keychainDebugOn);
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) { logged.append(message); });
        const auto restore = qScopeGuard([previous] {
            qInstallMessageHandler(previous);
            QLoggingCategory::installFilter(g_previousFilter);
        });

        const QString first = QStringLiteral("refresh-one-3c9d");
        const QString second = QStringLiteral("refresh-two-8e1f");
        const QString password = QStringLiteral("pass w\u00f6rd \U0001F511");

        Waiter write1;
        store.writeRefreshToken(m_serverA, QStringLiteral("kim"), first, this, write1.callback());
        QVERIFY2(!write1.done(), "the callback must not run inside the call");
        AWAIT(write1);
        QVERIFY2(write1.result().ok, qPrintable(write1.result().message));

        Waiter read1;
        store.readRefreshToken(m_serverA, QStringLiteral("kim"), this, read1.callback());
        AWAIT(read1);
        QVERIFY2(read1.result().ok, qPrintable(read1.result().message));
        QCOMPARE(read1.result().secret, first);
        QCOMPARE(read1.result().kind, CredentialError::None);
        QVERIFY(read1.result().message.isEmpty());

        // Rotation: the newest refresh token replaces the old one.
        Waiter write2;
        store.writeRefreshToken(m_serverA, QStringLiteral("kim"), second, this, write2.callback());
        AWAIT(write2);
        QVERIFY(write2.result().ok);
        Waiter read2;
        store.readRefreshToken(m_serverA, QStringLiteral("kim"), this, read2.callback());
        AWAIT(read2);
        QCOMPARE(read2.result().secret, second);

        Waiter writePassword;
        store.writePassword(m_serverA, QStringLiteral("kim"), password, this, writePassword.callback());
        AWAIT(writePassword);
        QVERIFY(writePassword.result().ok);
        Waiter readPassword;
        store.readPassword(m_serverA, QStringLiteral("kim"), this, readPassword.callback());
        AWAIT(readPassword);
        QCOMPARE(readPassword.result().secret, password);

        Waiter forget;
        store.forget(m_serverA, QStringLiteral("kim"), this, forget.callback());
        AWAIT(forget);
        QVERIFY2(forget.result().ok, qPrintable(forget.result().message));
        Waiter gone1;
        store.readRefreshToken(m_serverA, QStringLiteral("kim"), this, gone1.callback());
        AWAIT(gone1);
        QCOMPARE(gone1.result().kind, CredentialError::NotFound);
        Waiter gone2;
        store.readPassword(m_serverA, QStringLiteral("kim"), this, gone2.callback());
        AWAIT(gone2);
        QCOMPARE(gone2.result().kind, CredentialError::NotFound);

        // Forgetting what is not there is not an error (sign-out twice, or never signed in).
        Waiter again;
        store.forget(m_serverA, QStringLiteral("kim"), this, again.callback());
        AWAIT(again);
        QVERIFY2(again.result().ok, qPrintable(again.result().message));
        QCOMPARE(again.calls(), 1);

        QVERIFY2(!logged.isEmpty(), "the keychain category was meant to be on");
        for (const QString &line : std::as_const(logged)) {
            QVERIFY2(!line.contains(first) && !line.contains(second) && !line.contains(password),
                     "a secret reached a log line");
        }
    }

    void missingEntry()
    {
        NOC_REQUIRE_SESSION_BUS();
        CredentialStore store(m_service);
        Waiter read;
        store.readRefreshToken(QUrl(QStringLiteral("https://never-stored.example.com")),
                               QStringLiteral("nobody"), this, read.callback());
        AWAIT(read);
        const CredentialResult &result = read.result();
        QVERIFY(!result.ok);
        QCOMPARE(result.kind, CredentialError::NotFound);
        QVERIFY(result.secret.isEmpty());
        QCOMPARE(result.message,
                 CredentialStore::mapResult(QKeychain::EntryNotFound, {}, CredentialStore::Operation::Read)
                     .message);
    }

    void separatedPerServerAndUser()
    {
        NOC_REQUIRE_SESSION_BUS();
        CredentialStore store(m_service);
        forgetAll(store);
        struct Entry
        {
            QUrl server;
            QString user;
            QString token;
        };
        const QList<Entry> entries {
            { m_serverA, QStringLiteral("kim"), QStringLiteral("token-a-kim") },
            { m_serverA, QStringLiteral("lee"), QStringLiteral("token-a-lee") },
            { m_serverB, QStringLiteral("kim"), QStringLiteral("token-b-kim") },
            { m_serverA8443, QStringLiteral("kim"), QStringLiteral("token-a8443-kim") },
        };
        for (const Entry &entry : entries) {
            Waiter write;
            store.writeRefreshToken(entry.server, entry.user, entry.token, this, write.callback());
            AWAIT(write);
            QVERIFY2(write.result().ok, qPrintable(write.result().message));
        }
        // A password for one of them does not replace its refresh token.
        Waiter password;
        store.writePassword(m_serverA, QStringLiteral("kim"), QStringLiteral("pw-a-kim"), this,
                            password.callback());
        AWAIT(password);
        QVERIFY(password.result().ok);

        for (const Entry &entry : entries) {
            Waiter read;
            store.readRefreshToken(entry.server, entry.user, this, read.callback());
            AWAIT(read);
            QCOMPARE(read.result().secret, entry.token);
        }

        Waiter forget;
        store.forget(m_serverA, QStringLiteral("kim"), this, forget.callback());
        AWAIT(forget);
        QVERIFY(forget.result().ok);
        for (const Entry &entry : entries) {
            Waiter read;
            store.readRefreshToken(entry.server, entry.user, this, read.callback());
            AWAIT(read);
            if (entry.server == m_serverA && entry.user == QLatin1String("kim")) {
                QCOMPARE(read.result().kind, CredentialError::NotFound);
            } else {
                QCOMPARE(read.result().secret, entry.token);
            }
        }
        forgetAll(store);
    }

    // Cross-check with libsecret's own tool: the secret really is in the Secret Service, under the
    // service and key we promise (so nocctl and nocdash meet at the same entry).
    void storedInSecretService()
    {
        NOC_REQUIRE_SESSION_BUS();
        const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        QVERIFY2(!secretTool.isEmpty(),
                 "secret-tool is not installed (tools/install-deps.sh installs libsecret-tools)");
        CredentialStore store(m_service);
        Waiter write;
        store.writeRefreshToken(m_serverB, QStringLiteral("lee"), QStringLiteral("token-b-lee"), this,
                                write.callback());
        AWAIT(write);
        QVERIFY2(write.result().ok, qPrintable(write.result().message));

        QProcess lookup;
        lookup.start(secretTool,
                     { QStringLiteral("lookup"), QStringLiteral("server"), m_service, QStringLiteral("user"),
                       QStringLiteral("noc-b.example.com/lee/refresh") });
        QVERIFY(lookup.waitForFinished(kTimeoutMs));
        QCOMPARE(lookup.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), QStringLiteral("token-b-lee"));
        forgetAll(store);
    }

    // A callback whose context died is dropped, not called on a dangling object.
    void contextGuardsCallback()
    {
        NOC_REQUIRE_SESSION_BUS();
        CredentialStore store(m_service);
        auto context = std::make_unique<QObject>();
        Waiter dropped;
        store.readRefreshToken(m_serverA, QStringLiteral("kim"), context.get(), dropped.callback());
        context.reset();
        // QtKeychain runs jobs one after the other: when this one is done, the first one is too.
        Waiter after;
        store.readRefreshToken(m_serverA, QStringLiteral("kim"), this, after.callback());
        AWAIT(after);
        QCOMPARE(dropped.calls(), 0);
    }

    // No Secret Service at all: every operation says so, and nothing is written anywhere instead.
    void noBackend()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString home = root.filePath(QStringLiteral("home"));
        const QString runtime = root.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(home));
        QVERIFY(QDir().mkpath(runtime));
        QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + root.filePath(QStringLiteral("no-such-bus")));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        // Nothing may reach for a display to autolaunch a bus or show a prompt.
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("nocdash.*.debug=true"));

        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(kProbeArgument) });
        QVERIFY2(child.waitForFinished(kTimeoutMs + 5000), "the no-backend probe hung");
        const QByteArray out = child.readAllStandardOutput();
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, err.constData());

        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        for (const QByteArray &line : lines) {
            const QJsonObject result = QJsonDocument::fromJson(line).object();
            const QString op = result.value(QLatin1String("op")).toString();
            const QString message = result.value(QLatin1String("message")).toString();
            QVERIFY2(!result.value(QLatin1String("ok")).toBool(), line.constData());
            QCOMPARE(result.value(QLatin1String("kind")).toString(), QStringLiteral("NoBackend"));
            QVERIFY2(
                message.startsWith(QLatin1String("No keychain is available (no Secret Service running): ")),
                qPrintable(message));
            if (op.startsWith(QLatin1String("write"))) {
                QVERIFY2(message.contains(QLatin1String("you will have to sign in again next time")),
                         qPrintable(message));
            }
        }
        QVERIFY2(!out.contains(kProbeSecret.toUtf8()) && !err.contains(kProbeSecret.toUtf8()),
                 "a secret reached the output");

        // No plain-text fallback: not a single file (QSettings, cache, anything) appeared.
        QStringList created;
        QDirIterator it(root.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path != home && path != runtime) {
                created.append(path);
            }
        }
        QVERIFY2(created.isEmpty(), qPrintable(created.join(QLatin1Char(' '))));
    }
};

int main(int argc, char *argv[])
{
    if (argc >= 2 && qstrcmp(argv[1], kProbeArgument) == 0) {
        QCoreApplication app(argc, argv);
        return runProbe();
    }
    QCoreApplication app(argc, argv);
    tst_CredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
