// SPDX-License-Identifier: MIT
// Wall mode turned on at the screen (F11) reaches the engine: against a server that never answers, a wall
// keeps reconnecting while a desktop gives up after its attempts. The real Main.qml, settings and engine.
#include "DashboardSettings.h"
#include "NocClient.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)

using namespace Qt::StringLiterals;
using State = noc::NocClient::ConnectionState;

class TestWallPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A binding or delegate error in any part of the window fails the test.
        QTest::failOnWarning(QRegularExpression(u"^qrc:/Nocdash/"_s));
    }

    void f11MakesTheEngineNeverGiveUp()
    {
        // A port nobody listens on: every attempt fails at once.
        QUrl unreachable;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            unreachable = QUrl(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
        }
        QTemporaryDir config;
        DashboardSettings settings;
        settings.setFileName(config.filePath(u"nocdash.conf"_s));
        settings.setServers({ unreachable.toString() });
        settings.setBackoffBaseMs(10);
        settings.setBackoffCapMs(20);
        settings.setBackoffMaxAttempts(3);
        noc::NocClient client;
        client.setCredentialStore(nullptr);
        settings.setEngine(&client);
        // A session that worked before: failures are outages, retried by the policy.
        client.restoreSession(u"operator"_s, u"refresh-token-from-an-earlier-run"_s);
        QVERIFY(!client.settings().wallMode);

        QQmlApplicationEngine engine;
        engine.addImportPath(u"qrc:/"_s);
        engine.setInitialProperties({ { u"client"_s, QVariant::fromValue(&client) },
                                      { u"settings"_s, QVariant::fromValue(&settings) } });
        engine.load(QUrl(u"qrc:/Nocdash/Ui/Main.qml"_s));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->show();
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));

        QTest::keyClick(window, Qt::Key_F11);
        QTRY_VERIFY_WITH_TIMEOUT(settings.wallMode(), 2000);
        QVERIFY(client.settings().wallMode); // the engine has the wall policy, not only the window

        QList<State> states;
        connect(&client, &noc::NocClient::stateChanged, this, [&] { states.append(client.state()); });
        client.start();
        // Three times the desktop's attempts, and still trying.
        QTRY_VERIFY_WITH_TIMEOUT(client.attempt() >= 9, 20000);
        QVERIFY(!states.contains(State::Failed));

        // Back to the desktop: the same engine now gives up after its attempts.
        QTest::keyClick(window, Qt::Key_F11);
        QTRY_VERIFY_WITH_TIMEOUT(!settings.wallMode(), 2000);
        QVERIFY(!client.settings().wallMode);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Failed, 20000);
        client.stop();
    }
};

int main(int argc, char *argv[])
{
    // Main.qml shows charts: Qt Charts needs a QApplication.
    QApplication app(argc, argv);
    TestWallPolicy test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_wallpolicy.moc"
