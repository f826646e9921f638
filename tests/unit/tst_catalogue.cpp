// SPDX-License-Identifier: MIT
// The German catalogue the dashboard embeds, checked against the engine's words as the engine looks them
// up: a string is found only under the context lupdate filed it in, and a mismatch shows English in a
// German dashboard without any error. Words translated outside a QObject class are the ones at risk.
#include "AckOutbox.h"
#include "CloseClassification.h"
#include "ConnectionOptions.h"
#include "WebSocketChannel.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestCatalogue : public QObject
{
    Q_OBJECT

    QTranslator m_german; // installed for every test; leaves the application with the test object

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_german.load(QStringLiteral(NOCDASH_DE_QM)), NOCDASH_DE_QM);
        QVERIFY(QCoreApplication::installTranslator(&m_german));
    }

    void closeReasonsReachGerman_data()
    {
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<int>("handshakeStatus");
        QTest::addColumn<QString>("german");
        QTest::newRow("refused")
            << 0 << 403
            << u"Der Server hat die Verbindung abgelehnt (Berechtigung, Origin oder Verbindungslimit)"_s;
        QTest::newRow("too many") << 4429 << 0 << u"Zu viele Verbindungen (4429: busy)"_s;
        QTest::newRow("server error") << 1011 << 0 << u"Serverfehler (1011: busy)"_s;
        QTest::newRow("other") << 4000 << 0 << u"Der Server hat die Verbindung geschlossen (4000: busy)"_s;
    }

    void closeReasonsReachGerman()
    {
        QFETCH(int, closeCode);
        QFETCH(int, handshakeStatus);
        QFETCH(QString, german);
        noc::ChannelClose close;
        close.closeCode = closeCode;
        close.handshakeStatus = handshakeStatus;
        close.reason = u"busy"_s;
        QCOMPARE(noc::classifyDashboardClose(close).message, german);
    }

    void connectionOptionsReachGerman()
    {
        const noc::ConnectionOptions options;
        QString server;
        for (const QCommandLineOption &option : options.options()) {
            if (option.names().contains(u"server"_s))
                server = option.description();
        }
        QCOMPARE(server,
                 u"Basis-URL des Servers (https://…); mehrfach für Ausweichserver, in Reihenfolge."_s);
    }

    void theOutboxesNoteReachesGerman()
    {
        // The store's words and each outbox's name are looked up under their own contexts.
        QTemporaryDir dir;
        noc::AckOutbox owner(dir.filePath(u"ack-outbox.json"_s));
        QVERIFY(owner.load());
        noc::AckOutbox second(dir.filePath(u"ack-outbox.json"_s));
        QVERIFY(second.load());
        QVERIFY2(second.sharedNote().startsWith(u"der Quittierungs-Ausgang wird von "_s),
                 qPrintable(second.sharedNote()));
        QVERIFY2(
            second.sharedNote().endsWith(
                u"Was hier wartet, bleibt nur im Speicher und wird gesendet, solange dieses Programm läuft"_s),
            qPrintable(second.sharedNote()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
