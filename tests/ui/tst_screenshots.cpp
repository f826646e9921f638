// SPDX-License-Identifier: MIT
// Renders the demo (the real Main.qml on the embedded simulator) in light, dark and wall mode, plus the
// charts and health tabs, and saves the PNGs in the build tree for a person to look at.
#include "AlertModel.h"
#include "AlertRecordView.h"
#include "ChannelHealth.h"
#include "DashboardSettings.h"
#include "NocClient.h"
#include "sim/EmbeddedSimulator.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqml.h>
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

// Pixels of this colour (give or take what blending leaves) inside the item's bounds on the grabbed window.
int pixelsOf(const QImage &image, const QQuickItem *item, const QRectF &bounds, const QColor &colour)
{
    const auto near = [&colour](const QColor &pixel) {
        constexpr int kTolerance = 24;
        return qAbs(pixel.red() - colour.red()) <= kTolerance
            && qAbs(pixel.green() - colour.green()) <= kTolerance
            && qAbs(pixel.blue() - colour.blue()) <= kTolerance;
    };
    const qreal ratio = image.devicePixelRatio();
    const QRect area = QRectF(item->mapToScene(bounds.topLeft()) * ratio, bounds.size() * ratio)
                           .toRect()
                           .intersected(image.rect());
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += near(image.pixelColor(x, y)) ? 1 : 0;
    }
    return count;
}

// Items a Repeater made are in the visual tree, not among their QObject children: walk the items.
void collectItems(QQuickItem *root, const QString &name, QList<QQuickItem *> &found)
{
    if (!root)
        return;
    if (root->objectName() == name)
        found.append(root);
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children)
        collectItems(child, name, found);
}

// A value as the QML of `scope` sees it (the Theme's colours, say).
QVariant evaluate(QObject *scope, const QString &expression)
{
    QQmlExpression qml(qmlContext(scope), scope, expression);
    return qml.evaluate();
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

    // Null when the window drew no frame (grabWindow() renders even a window that shows nothing, so the
    // picture alone would not tell): no colours, no lightness, every check of it fails.
    QImage grab(const QString &name)
    {
        // Two frames: bindings settle, then the scene graph has drawn what they say.
        for (int i = 0; i < 2; ++i) {
            QSignalSpy swapped(m_window, &QQuickWindow::frameSwapped);
            m_window->requestUpdate();
            if (!swapped.wait(2000))
                return {};
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
            },
            Qt::BlockingQueuedConnection);
        // Colleagues say who they are until it arrives: presence opens after the dashboard is live, and
        // what is said before that reaches nobody.
        QSignalSpy statuses(m_client.get(), &noc::NocClient::userStatusReceived);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QMetaObject::invokeMethod(
                    sim,
                    [sim] {
                        for (int i = 1; i <= 5; ++i)
                            sim->publishUserStatus(i);
                    },
                    Qt::BlockingQueuedConnection);
                return statuses.size() >= 5;
            }(),
            15000);
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
        QVERIFY2(!image.isNull(), "the window drew no frame");
        QVERIFY(image.width() >= 1000);
        QVERIFY2(distinctColours(image) > 30, "the light screenshot looks blank");
        QVERIFY(meanLightness(image) > 0.6);
    }

    void darkDesktop()
    {
        m_settings->setTheme(u"dark"_s);
        const QImage image = grab(u"nocdash-dark"_s);
        QVERIFY2(!image.isNull(), "the window drew no frame");
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
        // False when the list has no row for the key; the caller checks that the pane follows.
        const auto makeCurrent = [&](const QString &key) {
            int row = -1;
            QMetaObject::invokeMethod(filter, "rowOfKey", Q_RETURN_ARG(int, row), Q_ARG(QString, key));
            if (row < 0)
                return false;
            // Through -1: a row that moved into the same place is made current too.
            list->setProperty("currentIndex", -1);
            list->setProperty("currentIndex", row);
            list->forceActiveFocus();
            return true;
        };
        auto *pane = view->findChild<QQuickItem *>(u"detailsPane"_s);
        QVERIFY(pane);

        // A colleague's assignment, with who and when read from the server's record.
        const QString assigned = firstWith(u"assigned"_s);
        QVERIFY2(!assigned.isEmpty(), "the demo has no assigned alert");
        QVERIFY(makeCurrent(assigned));
        QTRY_COMPARE(pane->property("alertKey").toString(), assigned);
        auto *record = pane->property("record").value<AlertRecordView *>();
        QCOMPARE(record->alertId(), alerts->get(assigned).value(u"alertId"_s).toString());
        QTRY_COMPARE_WITH_TIMEOUT(record->state(), AlertRecordView::State::Loaded, 15000);
        QVERIFY(!record->assignedTo().isEmpty());
        QTRY_VERIFY(!alerts->get(assigned).value(u"assignedTo"_s).toString().isEmpty());
        QVERIFY(distinctColours(grab(u"nocdash-details-assigned"_s)) > 30);

        // The resolve dialog, notes typed.
        const QString fresh = firstWith(u"new"_s);
        QVERIFY2(!fresh.isEmpty(), "the demo has no new alert");
        QVERIFY(makeCurrent(fresh));
        QTRY_COMPARE(pane->property("alertKey").toString(), fresh);
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
        // The colleagues who said who they were at the start, kept through the restart above.
        QTRY_VERIFY(people->property("count").toInt() >= 2);
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
        // Still the alert shown, and the pane says so without being asked again.
        QCOMPARE(pane->property("alertKey").toString(), fresh);
        QTRY_VERIFY(pane->findChild<QObject *>(u"actionNote"_s)
                        ->property("text")
                        .toString()
                        .startsWith(u"Escalate refused"_s));
        QVERIFY(distinctColours(grab(u"nocdash-escalate-refused"_s)) > 30);
    }

    void chartsAndHealth()
    {
        QObject *view = m_window->property("currentView").value<QObject *>();
        view->setProperty("currentTab", 3);
        auto *rates = view->findChild<QQuickItem *>(u"rateChart"_s);
        QVERIFY(rates);
        QTRY_VERIFY(rates->isVisible());
        QVERIFY2(!grab(u"nocdash-charts"_s).isNull(), "the window drew no frame");
        // The last hour's CRITICAL alerts (those published at the start, and the demo's) fill their area
        // of the chart in the severity's colour. The legend shows that colour too: the picture counted
        // leaves it out. (The plot's own geometry, plotArea, is not where the offscreen platform draws.)
        const QColor critical = evaluate(rates, u"Theme.severityColors[Severity.Critical]"_s).value<QColor>();
        QVERIFY(critical.isValid());
        auto *legend = rates->property("legend").value<QObject *>();
        QVERIFY(legend);
        legend->setProperty("visible", false);
        const QImage plotted = grab(u"nocdash-charts-plotted"_s);
        legend->setProperty("visible", true);
        QVERIFY2(!plotted.isNull(), "the window drew no frame");
        const int filled = pixelsOf(plotted, rates, QRectF(0, 0, rates->width(), rates->height()), critical);
        QVERIFY2(filled >= 20, qPrintable(u"%1 CRITICAL pixels in the chart"_s.arg(filled)));

        view->setProperty("currentTab", 1);
        QList<QQuickItem *> cards;
        QTRY_VERIFY([&] {
            cards.clear();
            collectItems(m_window->contentItem(), u"healthCard"_s, cards);
            return cards.size() == 2 && cards.at(0)->isVisible() && cards.at(1)->isVisible();
        }());
        const QImage health = grab(u"nocdash-health"_s);
        QVERIFY2(!health.isNull(), "the window drew no frame");
        // A card per channel, each framed in the colour of the state it shows: the dashboard's live (the
        // session is up), the presence channel's whatever it is now (it reconnects after the restart).
        QStringList names;
        for (QQuickItem *card : std::as_const(cards)) {
            names.append(card->property("name").toString());
            const auto state = noc::ChannelHealth::State(card->property("channelState").toInt());
            const bool live = state == noc::ChannelHealth::State::Open && !card->property("stale").toBool();
            if (names.constLast() == "dashboard"_L1)
                QVERIFY(live);
            const QColor frameColour
                = evaluate(card,
                           live ? u"Theme.live"_s
                                : (state == noc::ChannelHealth::State::Connecting ? u"Theme.warning"_s
                                                                                  : u"Theme.lost"_s))
                      .value<QColor>();
            QVERIFY(frameColour.isValid());
            const QRectF leftEdge(0, card->height() / 4, 2, card->height() / 2);
            const int frame = pixelsOf(health, card, leftEdge, frameColour);
            QVERIFY2(
                frame >= card->height() / 2,
                qPrintable(
                    u"%1: %2 pixels of its state's colour on its frame"_s.arg(names.constLast()).arg(frame)));
        }
        names.sort();
        QCOMPARE(names, (QStringList { u"dashboard"_s, u"presence"_s }));
        view->setProperty("currentTab", 0);
    }

    void wall()
    {
        m_settings->setWallMode(true);
        const QImage image = grab(u"nocdash-wall"_s);
        QVERIFY2(!image.isNull(), "the window drew no frame");
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
