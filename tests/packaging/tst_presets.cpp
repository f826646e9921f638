// SPDX-License-Identifier: MIT
// The system-wide preset IT deploys (packaging/nocdash.conf.example as /etc/xdg/nocdash/nocdash.conf)
// reaches ClientSettings through QSettings' system scope, and the user's own values override it key by key.
// XDG_CONFIG_DIRS and XDG_CONFIG_HOME point into a scratch directory, set before QCoreApplication exists.
#include "ClientSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPresets : public QObject
{
    Q_OBJECT

public:
    explicit TestPresets(QString scratch) : m_scratch(std::move(scratch)) { }

private slots:
    void initTestCase();
    void exampleNamesEveryKeyClientSettingsWrites();
    void presetIsTheDefault();
    void userValuesOverrideThePreset();

private:
    [[nodiscard]] QString systemFile() const { return m_scratch + u"/system/nocdash/nocdash.conf"_s; }
    [[nodiscard]] QString userFile() const { return m_scratch + u"/user/nocdash/nocdash.conf"_s; }
    QString m_scratch;
};

void TestPresets::initTestCase()
{
    QVERIFY(QDir().mkpath(m_scratch + u"/system/nocdash"_s));
    QVERIFY(QFile::copy(QStringLiteral(NOCDASH_PRESET_EXAMPLE), systemFile()));
    // QSettings must see exactly these two files, nothing of the machine's.
    const QSettings probe;
    QCOMPARE(probe.fileName(), userFile());
    QVERIFY(!QFile::exists(userFile()));
}

void TestPresets::exampleNamesEveryKeyClientSettingsWrites()
{
    // A key added to ClientSettings must be documented in the example preset too.
    const QString written = m_scratch + u"/written.conf"_s;
    {
        QSettings settings(written, QSettings::IniFormat);
        noc::ClientSettings().save(settings);
    }
    const QSettings example(QStringLiteral(NOCDASH_PRESET_EXAMPLE), QSettings::IniFormat);
    QCOMPARE(example.status(), QSettings::NoError);
    const QSettings saved(written, QSettings::IniFormat);
    const QStringList documented = example.allKeys();
    for (const QString &key : saved.allKeys()) {
        if (!documented.contains(key))
            QFAIL(qPrintable(u"packaging/nocdash.conf.example lacks the key %1"_s.arg(key)));
    }
}

void TestPresets::presetIsTheDefault()
{
    const noc::ClientSettings s = noc::ClientSettings::load(QSettings());
    QCOMPARE(s.servers,
             (QList<QUrl> { QUrl(u"https://noc.example.com"_s), QUrl(u"https://noc-dr.example.com"_s) }));
    QCOMPARE(s.authGeneration, noc::AuthGeneration::V2);
    QCOMPARE(s.tokenLocation, noc::TokenLocation::Query);
    QCOMPARE(s.origin, u"https://noc.example.com"_s);
    QCOMPARE(s.caBundlePath, u"/usr/local/share/ca-certificates/company-root.crt"_s);
    QCOMPARE(s.insecureTls, false);
    QCOMPARE(s.heartbeatSeconds, 30);
    QCOMPARE(s.username, u"wall-screen-1"_s);
    QCOMPARE(s.rememberPassword, false);
    QCOMPARE(s.subscriptions, (QStringList { u"acme"_s, u"globex"_s }));
    QCOMPARE(s.backoff.baseMs, 1000);
    QCOMPARE(s.backoff.factor, 2.0);
    QCOMPARE(s.backoff.capMs, 30000);
    QCOMPARE(s.backoff.jitter, 0.2);
    QCOMPARE(s.backoff.maxAttempts, 8);
    QCOMPARE(s.wallMode, true);
}

void TestPresets::userValuesOverrideThePreset()
{
    {
        QSettings user;
        user.setValue(u"connection/servers"_s, QStringList { u"https://lab.example.net"_s });
        user.setValue(u"account/username"_s, u"kim"_s);
        user.setValue(u"wall/enabled"_s, false);
        user.sync();
        QCOMPARE(user.status(), QSettings::NoError);
    }
    QVERIFY(QFile::exists(userFile()));
    const noc::ClientSettings s = noc::ClientSettings::load(QSettings());
    QCOMPARE(s.servers, (QList<QUrl> { QUrl(u"https://lab.example.net"_s) }));
    QCOMPARE(s.username, u"kim"_s);
    QCOMPARE(s.wallMode, false);
    // Everything the user did not set still comes from the preset.
    QCOMPARE(s.authGeneration, noc::AuthGeneration::V2);
    QCOMPARE(s.origin, u"https://noc.example.com"_s);
    QCOMPARE(s.subscriptions, (QStringList { u"acme"_s, u"globex"_s }));
    // The preset itself is untouched: a user never writes to the system scope.
    const QSettings system(systemFile(), QSettings::IniFormat);
    QCOMPARE(system.value(u"account/username"_s).toString(), u"wall-screen-1"_s);
}

int main(int argc, char *argv[])
{
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return 1;
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(scratch.path() + u"/system"_s));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(scratch.path() + u"/user"_s));
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nocdash"_s);
    QCoreApplication::setApplicationName(u"nocdash"_s);
    TestPresets test(scratch.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presets.moc"
