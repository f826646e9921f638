// SPDX-License-Identifier: MIT
// The shipped binaries, run as an operator would run them.
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <nocdash/Version.h>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs in an event-loop-free child; waitForFinished is the child's own pace, not a sleep.
Run run(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
        int timeoutMs = 90000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"nocdash.keychain.debug=true"_s);
    env.remove(u"NOCDASH_PASSWORD"_s);
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    return static_cast<int>(colours.size());
}
} // namespace

class TestExecutables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoDashboardShowsLiveAlerts()
    {
        const QString screenshot = QStringLiteral(NOC_TEST_OUTPUT_DIR "/demo.png");
        QFile::remove(screenshot);
        const Run r = run(QStringLiteral(NOCDASH_EXE),
                          { u"--demo"_s, u"--quit-after-alerts"_s, u"15"_s, u"--screenshot"_s, screenshot,
                            u"--self-check-timeout"_s, u"60"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        static const QRegularExpression counts(
            u"alerts in model: (\\d+), rows in view: (\\d+), delegates: (\\d+)"_s);
        const auto match = counts.match(r.out);
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        QVERIFY(match.captured(1).toInt() >= 15);
        QVERIFY(match.captured(2).toInt() >= 15);
        QVERIFY(match.captured(3).toInt() >= 10); // rows actually drawn, not just counted
        // The demo's server holds open alerts, some handled by colleagues: read over REST at start.
        static const QRegularExpression history(
            u"history Loaded; open on the server: (\\d+), read: (\\d+)"_s);
        const auto loaded = history.match(r.out);
        QVERIFY2(loaded.hasMatch(), qPrintable(r.out));
        QVERIFY(loaded.captured(1).toInt() >= 20);
        QCOMPARE(loaded.captured(2).toInt(), loaded.captured(1).toInt());
        const QImage image(screenshot);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
        QVERIFY2(distinctColours(image) > 20, "the screenshot looks blank");

        // A demo session is throwaway: it must not even ask the operator's keychain for anything
        // (every keychain job logs itself under nocdash.keychain, switched on for these runs).
        QVERIFY2(!r.err.contains(u"nocdash.keychain"_s), qPrintable(r.err));
    }

    void dashboardCarriesItsGermanCatalogue()
    {
        // The catalogue is embedded in the executable: German loads, a language without one says so.
        const QStringList demo { u"--demo"_s, u"--quit-after-alerts"_s,
                                 u"1"_s,      u"--self-check-timeout"_s,
                                 u"60"_s,     u"--lang"_s };
        const Run german = run(QStringLiteral(NOCDASH_EXE), demo + QStringList { u"de"_s });
        QVERIFY2(german.exitCode == 0, qPrintable(german.err));
        QVERIFY2(!german.err.contains(u"no translation for"_s), qPrintable(german.err));
        const Run french = run(QStringLiteral(NOCDASH_EXE), demo + QStringList { u"fr"_s });
        QVERIFY2(french.exitCode == 0, qPrintable(french.err));
        QVERIFY2(french.err.contains(u"no translation for fr; using English"_s), qPrintable(french.err));
    }

    void dashboardRefusesToStartWithoutAServer()
    {
        const Run r = run(QStringLiteral(NOCDASH_EXE), {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--demo"_s));
    }

    void everyBinaryReportsTheProjectVersion_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("nocdash") << QStringLiteral(NOCDASH_EXE);
        QTest::newRow("nocctl") << QStringLiteral(NOCCTL_EXE);
        QTest::newRow("noc-sim") << QStringLiteral(NOCSIM_EXE);
    }

    void everyBinaryReportsTheProjectVersion()
    {
        QFETCH(QString, program);
        const Run r = run(program, { u"--version"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QString::fromLatin1(noc::kVersion)), qPrintable(r.out));
    }

    void nocctlWithoutACommandIsAUsageError() { QCOMPARE(run(QStringLiteral(NOCCTL_EXE), {}).exitCode, 2); }
};

QTEST_GUILESS_MAIN(TestExecutables)
#include "tst_executables.moc"
