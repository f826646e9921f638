// SPDX-License-Identifier: MIT
// Renders the demo (the real Main.qml on the embedded simulator) in light, dark and wall mode, plus the
// charts and health tabs, and saves the PNGs in the build tree for a person to look at.
#include "AlertModel.h"
#include "AlertRecordView.h"
#include "DashboardSettings.h"
#include "NocClient.h"
#include "sim/EmbeddedSimulator.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)

using namespace Qt::StringLiterals;

namespace {
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return static_cast<int>(colours.size());
}

double meanLightness(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 5) {
        for (int x = 0; x < image.width(); x += 5) {
            sum += QColor(image.pixel(x, y)).lightnessF();
            ++n;
        }
    }
    return sum / qMax(1, n);
}
} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<noc::sim::EmbeddedSimulator> m_sim;
    std::unique_ptr<noc::NocClient> m_client;
    std::unique_ptr<DashboardSettings> m_settings;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    QImage grab(const QString &name)
    {
        // Two frames: bindings settle, then the scene graph has drawn what they say.
        for (int i = 0; i < 2; ++i) {
            QSignalSpy swapped(m_window, &QQuickWindow::frameSwapped);
            m_window->requestUpdate();
            swapped.wait(2000);
        }
        const QImage image = m_window->grabWindow();
        image.save(QStringLiteral(NOC_SCREENSHOT_DIR "/") + name + u".png"_s);
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<noc::sim::EmbeddedSimulator>(noc::sim::SimulatorOptions::demo());
        QVERIFY(m_sim->start());
        m_client = std::make_unique<noc::NocClient>();
        noc::ServerProfile profile;
        profile.baseUrl = m_sim->httpUrl();
        m_client->setProfile(profile);
        m_client->setCredentials(u"operator"_s, u"operator"_s);
        m_client->setSubscriptions(noc::sim::SimulatorOptions::defaultClients());
        m_settings = std::make_unique<DashboardSettings>();
        m_settings->setFileName(m_config.filePath(u"nocdash.conf"_s));
        m_settings->setTheme(u"light"_s);
        m_settings->setConnectionLocked(true);

        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(u"qrc:/"_s);
        m_engine->setInitialProperties({ { u"client"_s, QVariant::fromValue(m_client.get()) },
                                         { u"settings"_s, QVariant::fromValue(m_settings.get()) },
                                         { u"backendLabel"_s, u"DEMO BACKEND"_s } });
        m_engine->load(QUrl(u"qrc:/Nocdash/Ui/Main.qml"_s));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);

        m_client->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), noc::NocClient::ConnectionState::Connected, 15000);
        // A realistic mix at once, rather than waiting for the demo traffic.
        noc::sim::Simulator *sim = m_sim->simulator();
        QMetaObject::invokeMethod(
            sim,
            [sim] {
                for (int i = 0; i < 3; ++i) {
                    sim->publishCriticalAlert();
                    sim->publishFinding();
                    sim->publishTicketUpdate();
                    sim->publishAnomaly();
                }
                for (int i = 1; i <= 5; ++i)
                    sim->publishUserStatus(i);
            },
            Qt::BlockingQueuedConnection);
        auto *alerts = m_window->property("alertModel").value<AlertModel *>();
        QVERIFY(alerts);
        QTRY_VERIFY_WITH_TIMEOUT(alerts->count() >= 30, 30000);

        // Some history on screen: two acknowledged rows and one selected.
        auto *list = m_window->property("alertList").value<QQuickItem *>();
        QVERIFY(list);
        QObject *view = m_window->property("currentView").value<QObject *>();
        auto *filter = view->property("filter").value<QObject *>();
        QString first;
        QString second;
        QMetaObject::invokeMethod(filter, "keyAt", Q_RETURN_ARG(QString, first), Q_ARG(int, 2));
        QMetaObject::invokeMethod(filter, "keyAt", Q_RETURN_ARG(QString, second), Q_ARG(int, 5));
        alerts->acknowledgeKeys({ first, second });
        list->setProperty("currentIndex", 1);
    }

    void lightDesktop()
    {
        m_settings->setTheme(u"light"_s);
        const QImage image = grab(u"nocdash-light"_s);
        QVERIFY(image.width() >= 1000);
        QVERIFY2(distinctColours(image) > 30, "the light screenshot looks blank");
        QVERIFY(meanLightness(image) > 0.6);
    }

    void darkDesktop()
    {
        m_settings->setTheme(u"dark"_s);
        const QImage image = grab(u"nocdash-dark"_s);
        QVERIFY2(distinctColours(image) > 30, "the dark screenshot looks blank");
        QVERIFY(meanLightness(image) < 0.4);
    }

    void feedGapIsExplained()
    {
        // The server restarts: once live again, the list says which minutes it cannot show.
        noc::sim::Simulator *sim = m_sim->simulator();
        QMetaObject::invokeMethod(
            sim, [sim] { sim->restart(500); }, Qt::BlockingQueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->feedGaps(), 1, 15000);
        QObject *view = m_window->property("currentView").value<QObject *>();
        auto *notice = view->findChild<QQuickItem *>(u"gapNotice"_s);
        QVERIFY(notice);
        QTRY_VERIFY(notice->isVisible());
        const QString text = notice->findChild<QObject *>(u"gapText"_s)->property("text").toString();
        QVERIFY2(text.contains(
                     u"No feed from %1"_s.arg(m_client->lastGapFrom().toLocalTime().toString(u"HH:mm:ss"_s))),
                 qPrintable(text));
        QVERIFY(distinctColours(grab(u"nocdash-gap"_s)) > 30);
        QMetaObject::invokeMethod(notice, "dismiss");
        QTRY_VERIFY(!notice->isVisible());
    }

    void actionsAndWhoWhen()
    {
        noc::sim::Simulator *sim = m_sim->simulator();
        QObject *view = m_window->property("currentView").value<QObject *>();
        auto *filter = view->property("filter").value<QObject *>();
        auto *alerts = m_window->property("alertModel").value<AlertModel *>();
        auto *list = m_window->property("alertList").value<QQuickItem *>();
        // The first in the list as shown, so its row is on the screenshot too.
        const auto firstWith = [&](const QString &status) {
            const int rows = filter->property("count").toInt();
            for (int row = 0; row < rows; ++row) {
                QString key;
                QMetaObject::invokeMethod(filter, "keyAt", Q_RETURN_ARG(QString, key), Q_ARG(int, row));
                const QVariantMap alert = alerts->get(key);
                if (alert.value(u"statusName"_s).toString() == status
                    && alert.value(u"actionState"_s).toInt() == int(noc::AlertActionState::None))
                    return key;
            }
            return QString();
        };
        const auto makeCurrent = [&](const QString &key) {
            int row = -1;
            QMetaObject::invokeMethod(filter, "rowOfKey", Q_RETURN_ARG(int, row), Q_ARG(QString, key));
            QVERIFY(row >= 0);
            list->setProperty("currentIndex", row);
            list->forceActiveFocus();
        };

        // A colleague's assignment, with who and when read from the server's record.
        const QString assigned = firstWith(u"assigned"_s);
        QVERIFY2(!assigned.isEmpty(), "the demo has no assigned alert");
        makeCurrent(assigned);
        auto *pane = view->findChild<QQuickItem *>(u"detailsPane"_s);
        auto *record = pane->property("record").value<AlertRecordView *>();
        QTRY_COMPARE_WITH_TIMEOUT(record->state(), AlertRecordView::State::Loaded, 15000);
        QVERIFY(!record->assignedTo().isEmpty());
        QTRY_VERIFY(!alerts->get(assigned).value(u"assignedTo"_s).toString().isEmpty());
        QVERIFY(distinctColours(grab(u"nocdash-details-assigned"_s)) > 30);

        // The resolve dialog, notes typed.
        const QString fresh = firstWith(u"new"_s);
        QVERIFY2(!fresh.isEmpty(), "the demo has no new alert");
        makeCurrent(fresh);
        QMetaObject::invokeMethod(view, "requestAction", Q_ARG(int, 0),
                                  Q_ARG(QVariant, QVariant(QStringList { fresh })));
        auto *dialog = view->property("actionDialog").value<QObject *>();
        QTRY_VERIFY(dialog->property("visible").toBool());
        dialog->findChild<QObject *>(u"actionText"_s)
            ->setProperty("text", u"Replaced the uplink SFP on port 12; traffic back at 10G"_s);
        QVERIFY(distinctColours(grab(u"nocdash-resolve-dialog"_s)) > 20);
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());

        // The assign dialog, the people on shift offered with their user ids.
        QMetaObject::invokeMethod(view, "requestAction", Q_ARG(int, 1),
                                  Q_ARG(QVariant, QVariant(QStringList { fresh })));
        QTRY_VERIFY(dialog->property("visible").toBool());
        QObject *people = dialog->findChild<QObject *>(u"actionPeople"_s);
        // Colleagues say who they are (again: the presence socket came back after the restart above).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QMetaObject::invokeMethod(
                    sim,
                    [sim] {
                        for (int user : { 6, 7 })
                            sim->publishUserStatus(user, u"online"_s);
                    },
                    Qt::BlockingQueuedConnection);
                return people->property("count").toInt() >= 2;
            }(),
            15000);
        QMetaObject::invokeMethod(people, "activated", Q_ARG(int, 1));
        QObject *popup = people->property("popup").value<QObject *>();
        QMetaObject::invokeMethod(popup, "open");
        QVERIFY(distinctColours(grab(u"nocdash-assign-dialog"_s)) > 20);
        QMetaObject::invokeMethod(popup, "close");
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());

        // An escalation the server refuses (current builds answer 500): the row and the pane say so.
        QMetaObject::invokeMethod(
            sim,
            [sim] {
                noc::sim::AlertApiOptions broken = sim->alertApiSettings();
                broken.escalateBroken = true;
                sim->setAlertApiSettings(broken);
            },
            Qt::BlockingQueuedConnection);
        alerts->escalateKeys({ fresh }, 6, u"customer escalated"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            alerts->get(fresh).value(u"actionState"_s).toInt() == int(noc::AlertActionState::Refused), 15000);
        makeCurrent(fresh);
        QVERIFY(distinctColours(grab(u"nocdash-escalate-refused"_s)) > 30);
    }

    void chartsAndHealth()
    {
        QObject *view = m_window->property("currentView").value<QObject *>();
        view->setProperty("currentTab", 3);
        QVERIFY(distinctColours(grab(u"nocdash-charts"_s)) > 20);
        view->setProperty("currentTab", 1);
        QVERIFY(distinctColours(grab(u"nocdash-health"_s)) > 10);
        view->setProperty("currentTab", 0);
    }

    void wall()
    {
        m_settings->setWallMode(true);
        const QImage image = grab(u"nocdash-wall"_s);
        QVERIFY2(distinctColours(image) > 20, "the wall screenshot looks blank");
        QVERIFY(meanLightness(image) < 0.4); // walls are always dark
        auto *list = m_window->property("alertList").value<QQuickItem *>();
        QVERIFY(list);
        QVERIFY(list->property("count").toInt() > 0);
        m_settings->setWallMode(false);
    }

    void cleanupTestCase()
    {
        if (m_client)
            m_client->stop();
        m_engine.reset();
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
