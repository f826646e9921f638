// SPDX-License-Identifier: MIT
// A screen the server signed out, as people see it: the real Main.qml and engine against the simulator.
// A wall says so over everything, readable from across the room, with no counters and no password
// prompt; a desktop opens its sign-in dialog.
#include "AuthClient.h"
#include "Clock.h"
#include "DashboardSettings.h"
#include "NocClient.h"
#include "sim/Simulator.h"

#include <QAccessible>
#include <QApplication>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)

using namespace Qt::StringLiterals;
using State = noc::NocClient::ConnectionState;

namespace {
constexpr int kTimeoutMs = 15000;

// Items a Loader made are children of the scene, not of the QObject that loaded them.
QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

QString accessibleName(QObject *item)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
    return iface ? iface->text(QAccessible::Name) : QString();
}

// A refresh token of a session signed in over REST, as `nocctl login` leaves one.
QString sessionToken(const noc::sim::Simulator &sim)
{
    QNetworkAccessManager network;
    noc::SystemClock clock;
    noc::AuthClient auth(&network, &clock);
    noc::ServerProfile profile;
    profile.baseUrl = sim.httpUrl();
    auth.setProfile(profile);
    QSignalSpy done(&auth, &noc::AuthClient::loginFinished);
    auth.login(u"operator"_s, u"operator"_s);
    if (!done.wait(kTimeoutMs))
        return {};
    const auto result = done.constFirst().constFirst().value<noc::AuthResult>();
    return std::holds_alternative<noc::AuthTokens>(result) ? std::get<noc::AuthTokens>(result).refresh
                                                           : QString();
}
} // namespace

class TestUiSignedOut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A binding or delegate error in any part of the window fails the test.
        QTest::failOnWarning(QRegularExpression(u"^qrc:/Nocdash/"_s));
    }

    void signedOut_data()
    {
        QTest::addColumn<bool>("wall");
        QTest::newRow("wall") << true;
        QTest::newRow("desktop") << false;
    }

    void signedOut()
    {
        QFETCH(bool, wall);
        noc::sim::Simulator sim;
        QVERIFY(sim.listen());
        QTemporaryDir config;
        DashboardSettings settings;
        settings.setFileName(config.filePath(u"nocdash.conf"_s));
        settings.setServers({ sim.httpUrl().toString() });
        settings.setWallMode(wall);
        noc::NocClient client;
        client.setCredentialStore(nullptr);
        settings.setEngine(&client);
        client.setSubscriptions({ u"acme"_s });
        // What a wall has: a session provisioned by `nocctl login`, and no password.
        const QString token = sessionToken(sim);
        QVERIFY(!token.isEmpty());
        client.setCredentials(u"operator"_s, {});
        client.restoreSession(u"operator"_s, token);

        QQmlApplicationEngine engine;
        engine.addImportPath(u"qrc:/"_s);
        engine.setInitialProperties({ { u"client"_s, QVariant::fromValue(&client) },
                                      { u"settings"_s, QVariant::fromValue(&settings) } });
        engine.load(QUrl(u"qrc:/Nocdash/Ui/Main.qml"_s));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->resize(1600, 900);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *login = engine.rootObjects().constFirst()->findChild<QObject *>(u"loginDialog"_s);
        QVERIFY(login);

        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(sim.framesReceivedByType().value(u"subscribe_client"_s) >= 1, kTimeoutMs);
        sim.publishAlert(u"acme"_s, u"CRITICAL"_s, u"DEVICE_OFFLINE"_s, u"core switch offline"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            window->property("alertList").value<QQuickItem *>()->property("count").toInt(), 1, kTimeoutMs);
        QQuickItem *overlay = findItem(window->contentItem(), u"signedOutScreen"_s);
        QQuickItem *counters = findItem(window->contentItem(), u"wallCounters"_s);
        QCOMPARE(overlay != nullptr, wall);
        QCOMPARE(counters != nullptr, wall);
        if (wall) {
            QVERIFY(!overlay->isVisible());
            QVERIFY(counters->isVisible());
        }

        // The server refuses the session: refresh tokens revoked, access tokens expired.
        sim.revokeRefreshTokens();
        sim.expireAccessTokens(true);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Failed, kTimeoutMs);
        QVERIFY(client.isSignedOut());

        if (!wall) {
            // A desktop keeps its sign-in dialog.
            QTRY_VERIFY_WITH_TIMEOUT(login->property("visible").toBool(), kTimeoutMs);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(overlay->isVisible(), kTimeoutMs);
        QVERIFY(!counters->isVisible()); // gone, not zero
        QVERIFY(!login->property("visible").toBool()); // never a password prompt on a wall
        QVERIFY(!login->property("opened").toBool());
        // Over the whole wall, the list dimmed behind it.
        QCOMPARE(overlay->width(), window->contentItem()->width());
        QCOMPARE(overlay->height(), window->contentItem()->height());
        QVERIFY(window->property("alertList").value<QQuickItem *>()->isVisible());

        const QString at
            = QLocale().toString(client.signedOutAt().toLocalTime().time(), QLocale::ShortFormat);
        QQuickItem *headline = findItem(overlay, u"signedOutHeadline"_s);
        QVERIFY(headline);
        const QString headlineText = headline->property("text").toString();
        QVERIFY2(headlineText.contains(u"Signed out at %1 ("_s.arg(at)), qPrintable(headlineText));
        QVERIFY2(headlineText.contains(u" ago)"_s), qPrintable(headlineText));
        // Large from across the room: bigger than the counters' numbers were.
        QVERIFY(headline->property("font").value<QFont>().pixelSize() >= 36);
        QQuickItem *instruction = findItem(overlay, u"signedOutInstruction"_s);
        QVERIFY(instruction);
        QVERIFY(instruction->property("text").toString().contains(u"nocctl login"_s));
        const QString name = accessibleName(overlay);
        QVERIFY2(name.contains(u"Signed out at %1"_s.arg(at)), qPrintable(name));
        QVERIFY2(name.contains(u"This screen needs nocctl login on this machine."_s), qPrintable(name));
        QVERIFY2(!name.contains(u'<'), qPrintable(name)); // words, not markup

        // Live again: the overlay goes and the counters come back.
        client.restoreSession(u"operator"_s, sessionToken(sim));
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!overlay->isVisible(), kTimeoutMs);
        QVERIFY(counters->isVisible());
        QVERIFY(!login->property("visible").toBool());
    }
};

int main(int argc, char *argv[])
{
    // Main.qml shows charts: Qt Charts needs a QApplication.
    QApplication app(argc, argv);
    TestUiSignedOut test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_uisignedout.moc"
