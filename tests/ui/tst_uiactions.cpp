// SPDX-License-Identifier: MIT
// Resolve, assign and escalate as an operator does them: the real window (Main.qml) on the engine, against
// the simulator over loopback; the keys, the dialogs, the context menu and the details pane, and the
// assertions on what the server recorded. Also the status filter, and who/when read for the alert shown.
#include "AlertFilterModel.h"
#include "AlertModel.h"
#include "AlertRecordView.h"
#include "DashboardSettings.h"
#include "NocClient.h"
#include "sim/AlertSeeder.h"
#include "sim/AlertStatus.h"
#include "sim/Simulator.h"

#include <QApplication>
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
using Status = noc::sim::AlertStatus;
using History = noc::NocClient::HistoryState;

namespace {
constexpr int kTimeoutMs = 10000;

noc::sim::SimulatorOptions serverWith(noc::sim::AlertApiOptions::List list)
{
    noc::sim::SimulatorOptions options;
    options.alertApi.list = list;
    options.alertApi.alertUpdatedCloses = true; // as current servers: every action closes the sockets
    options.alertApi.escalateBroken = false;
    return options;
}

// QTest types into widgets only; a window gets one key at a time.
void typeText(QWindow *window, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

// Items a Repeater made are in the visual tree, not among their QObject children: walk the items.
QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

QString keyOf(qint64 id)
{
    return u"alert:"_s + QString::number(id);
}

// One operator's screen on its own server.
struct Screen
{
    noc::sim::Simulator sim;
    QTemporaryDir config;
    DashboardSettings settings;
    noc::NocClient client;
    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;
    QObject *view = nullptr;
    AlertModel *alerts = nullptr;
    AlertFilterModel *filter = nullptr;
    QQuickItem *list = nullptr;
    QObject *dialog = nullptr;

    explicit Screen(const noc::sim::SimulatorOptions &options) : sim(options)
    {
        if (!sim.listen())
            qFatal("simulator could not listen");
        client.setCredentialStore(nullptr);
        noc::ClientSettings clientSettings;
        clientSettings.servers = { sim.httpUrl() };
        clientSettings.backoff.baseMs = 100;
        clientSettings.backoff.jitter = 0;
        clientSettings.subscriptions = { u"acme"_s, u"globex"_s };
        client.applySettings(clientSettings);
        client.setCredentials(u"operator"_s, u"operator"_s);
        settings.setFileName(config.filePath(u"nocdash.conf"_s));
        settings.setConnectionLocked(true);
    }

    [[nodiscard]] bool load()
    {
        engine.addImportPath(u"qrc:/"_s);
        engine.setInitialProperties({ { u"client"_s, QVariant::fromValue(&client) },
                                      { u"settings"_s, QVariant::fromValue(&settings) } });
        engine.load(QUrl(u"qrc:/Nocdash/Ui/Main.qml"_s));
        if (engine.rootObjects().isEmpty())
            return false;
        window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        view = window->property("currentView").value<QObject *>();
        alerts = window->property("alertModel").value<AlertModel *>();
        filter = view->property("filter").value<AlertFilterModel *>();
        list = window->property("alertList").value<QQuickItem *>();
        dialog = view->property("actionDialog").value<QObject *>();
        window->show();
        window->requestActivate();
        return QTest::qWaitForWindowActive(window) && alerts && filter && list && dialog;
    }

    // Makes the alert current, with the keyboard in the list.
    void focusOn(qint64 id) const
    {
        // Through -1: a row that moved into the same place is made current too.
        list->setProperty("currentIndex", -1);
        list->setProperty("currentIndex", filter->rowOfKey(keyOf(id)));
        list->forceActiveFocus();
        QTRY_COMPARE(list->property("currentKey").toString(), keyOf(id));
    }

    [[nodiscard]] QObject *dialogPart(const QString &name) const
    {
        return dialog->findChild<QObject *>(name);
    }
    [[nodiscard]] bool dialogOpen() const { return dialog->property("visible").toBool(); }
    [[nodiscard]] Status statusOnServer(qint64 id) const { return sim.alertStore().find(id)->status; }
    [[nodiscard]] QString note(qint64 id) const
    {
        return alerts->get(keyOf(id)).value(u"actionNote"_s).toString();
    }
    [[nodiscard]] noc::AlertActionState actionState(qint64 id) const
    {
        return static_cast<noc::AlertActionState>(alerts->get(keyOf(id)).value(u"actionState"_s).toInt());
    }
    [[nodiscard]] noc::AlertActionKind actionKind(qint64 id) const
    {
        return static_cast<noc::AlertActionKind>(alerts->get(keyOf(id)).value(u"actionKind"_s).toInt());
    }
};
} // namespace

class TestUiActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A binding or delegate error in any part of the window fails the test.
        QTest::failOnWarning(QRegularExpression(u"^qrc:/Nocdash/"_s));
    }

    void theKeysResolveAssignAndEscalateWhatTheServerRecords()
    {
        Screen screen(serverWith(noc::sim::AlertApiOptions::List::Working));
        noc::sim::SeedRequest seed;
        seed.count = 5;
        seed.statuses = { u"NEW"_s };
        const QList<qint64> ids = screen.sim.seedAlerts(seed);
        QVERIFY(screen.load());
        screen.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(screen.filter->count(), 5, kTimeoutMs);
        QCOMPARE(screen.alerts->unacknowledgedCount(), 5);

        // r: the resolve dialog, the notes field has the keyboard, Enter sends.
        screen.focusOn(ids.at(0));
        QTest::keyClick(screen.window, Qt::Key_R);
        QTRY_VERIFY(screen.dialogOpen());
        QVERIFY(screen.dialogPart(u"actionSubject"_s)
                    ->property("text")
                    .toString()
                    .contains(QString::number(ids.at(0))));
        QTRY_VERIFY(screen.dialogPart(u"actionText"_s)->property("activeFocus").toBool());
        // The server's bound on the notes, as the services know it.
        QCOMPARE(screen.dialogPart(u"actionText"_s)->property("maximumLength").toInt(),
                 noc::alertActionTextLimit(noc::AlertActionKind::Resolve));
        typeText(screen.window, u"replaced the PSU"_s);
        QTest::keyClick(screen.window, Qt::Key_Return);
        QTRY_VERIFY(!screen.dialogOpen());
        QTRY_COMPARE_WITH_TIMEOUT(screen.statusOnServer(ids.at(0)), Status::Resolved, kTimeoutMs);
        QCOMPARE(screen.sim.alertStore().details(ids.at(0))->metadata.value(u"resolution_notes"_s).toString(),
                 u"replaced the PSU"_s);
        // Out of the open list and out of the header's counters.
        QTRY_COMPARE_WITH_TIMEOUT(screen.filter->count(), 4, kTimeoutMs);
        QCOMPARE(screen.alerts->unacknowledgedCount(), 4);
        QCOMPARE(screen.alerts->unacknowledgedBySeverity().value(
                     screen.alerts->get(keyOf(ids.at(0))).value(u"severity"_s).toInt()),
                 screen.alerts->totalBySeverity().value(
                     screen.alerts->get(keyOf(ids.at(0))).value(u"severity"_s).toInt()));
        // The status filter brings it back.
        auto *closed = screen.view->findChild<QQuickItem *>(u"showClosed"_s);
        QVERIFY(closed);
        QTest::mouseClick(screen.window, Qt::LeftButton, {},
                          closed->mapToScene(QPointF(closed->width() / 2, closed->height() / 2)).toPoint());
        QTRY_VERIFY(screen.filter->showClosed());
        QCOMPARE(screen.filter->count(), 5);
        QMetaObject::invokeMethod(screen.view->findChild<QObject *>(u"statusFilter"_s), "activated",
                                  Q_ARG(int, 5)); // Resolved
        QCOMPARE(screen.filter->statuses(), QList<int> { int(noc::AlertStatus::Resolved) });
        QCOMPARE(screen.filter->count(), 1);
        QCOMPARE(screen.filter->keyAt(0), keyOf(ids.at(0)));
        QMetaObject::invokeMethod(screen.view->findChild<QObject *>(u"statusFilter"_s), "activated",
                                  Q_ARG(int, 0));
        screen.filter->setShowClosed(false);
        QCOMPARE(screen.filter->count(), 4);

        // Shift+A on a selection of two: a user id, Enter (the comment is optional); both assigned.
        screen.filter->clearSelection();
        screen.filter->select(screen.filter->rowOfKey(keyOf(ids.at(1))), true);
        screen.filter->select(screen.filter->rowOfKey(keyOf(ids.at(2))), true);
        screen.focusOn(ids.at(1));
        QTest::keyClick(screen.window, Qt::Key_A, Qt::ShiftModifier);
        QTRY_VERIFY(screen.dialogOpen());
        QTRY_VERIFY(screen.dialogPart(u"actionUserId"_s)->property("activeFocus").toBool());
        typeText(screen.window, u"7"_s);
        QTest::keyClick(screen.window, Qt::Key_Return);
        QTRY_VERIFY(!screen.dialogOpen());
        for (qint64 id : { ids.at(1), ids.at(2) }) {
            QTRY_COMPARE_WITH_TIMEOUT(screen.statusOnServer(id), Status::Assigned, kTimeoutMs);
            QCOMPARE(screen.sim.alertStore().details(id)->assigned.name, u"Ravi Patel"_s);
            QTRY_COMPARE_WITH_TIMEOUT(screen.alerts->get(keyOf(id)).value(u"assignedTo"_s).toString(),
                                      u"Ravi Patel"_s, kTimeoutMs);
            QTRY_COMPARE_WITH_TIMEOUT(screen.alerts->get(keyOf(id)).value(u"statusName"_s).toString(),
                                      u"assigned"_s, kTimeoutMs);
        }
        QCOMPARE(screen.statusOnServer(ids.at(3)), Status::New); // not selected, not touched
        // Assigned by the server's word: no longer counted as waiting for someone.
        QTRY_COMPARE_WITH_TIMEOUT(screen.alerts->unacknowledgedCount(), 2, kTimeoutMs);
        // The per-status filter.
        screen.filter->setStatuses({ int(noc::AlertStatus::Assigned) });
        QCOMPARE(screen.filter->count(), 2);
        screen.filter->setStatuses({ int(noc::AlertStatus::New) });
        QCOMPARE(screen.filter->count(), 2);
        screen.filter->setStatuses({});
        screen.filter->clearSelection();

        // Esc cancels: nothing reaches the server.
        const int actionsBefore = screen.client.actionCalls();
        screen.focusOn(ids.at(3));
        QTest::keyClick(screen.window, Qt::Key_E);
        QTRY_VERIFY(screen.dialogOpen());
        QTRY_VERIFY(screen.dialogPart(u"actionUserId"_s)->property("activeFocus").toBool());
        typeText(screen.window, u"6"_s);
        QTest::keyClick(screen.window, Qt::Key_Escape);
        QTRY_VERIFY(!screen.dialogOpen());
        QCOMPARE(screen.client.actionCalls(), actionsBefore);
        QCOMPARE(screen.statusOnServer(ids.at(3)), Status::New);

        // e on a build that answers 500: Enter after the id goes on to the reason; the row and a toast
        // say what the server said, and nothing changed there.
        noc::sim::AlertApiOptions broken = screen.sim.alertApiSettings();
        broken.escalateBroken = true;
        screen.sim.setAlertApiSettings(broken);
        QSignalSpy refused(screen.alerts, &AlertModel::actionRefused);
        screen.focusOn(ids.at(3));
        QTest::keyClick(screen.window, Qt::Key_E);
        QTRY_VERIFY(screen.dialogOpen());
        QTRY_VERIFY(screen.dialogPart(u"actionUserId"_s)->property("activeFocus").toBool());
        typeText(screen.window, u"6"_s);
        QTest::keyClick(screen.window, Qt::Key_Return);
        QVERIFY(screen.dialogOpen());
        QTRY_VERIFY(screen.dialogPart(u"actionText"_s)->property("activeFocus").toBool());
        QCOMPARE(screen.dialogPart(u"actionText"_s)->property("maximumLength").toInt(),
                 noc::alertActionTextLimit(noc::AlertActionKind::Escalate));
        typeText(screen.window, u"customer escalated"_s);
        QTest::keyClick(screen.window, Qt::Key_Return);
        QTRY_VERIFY(!screen.dialogOpen());
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kTimeoutMs);
        QCOMPARE(screen.actionState(ids.at(3)), noc::AlertActionState::Refused);
        QCOMPARE(screen.actionKind(ids.at(3)), noc::AlertActionKind::Escalate);
        QCOMPARE(screen.statusOnServer(ids.at(3)), Status::New);
        auto *toast = screen.window->findChild<QObject *>(u"toast"_s);
        QVERIFY(toast);
        QVERIFY(toast->property("visible").toBool());
        QVERIFY2(toast->property("body").toString().contains(screen.note(ids.at(3))),
                 qPrintable(toast->property("body").toString()));
        // The details pane says it too.
        auto *pane = screen.view->findChild<QQuickItem *>(u"detailsPane"_s);
        QTRY_VERIFY(pane->isVisible());
        QTRY_COMPARE(pane->findChild<QObject *>(u"actionNote"_s)->property("text").toString(),
                     screen.note(ids.at(3)));
        QVERIFY(pane->findChild<QObject *>(u"actionNote"_s)->property("visible").toBool());
        screen.client.stop();
    }

    void theContextMenuAndTheDetailsPaneOpenTheSameDialogs()
    {
        Screen screen(serverWith(noc::sim::AlertApiOptions::List::Working));
        noc::sim::SeedRequest seed;
        seed.count = 2;
        seed.statuses = { u"NEW"_s };
        const QList<qint64> ids = screen.sim.seedAlerts(seed);
        QVERIFY(screen.load());
        screen.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(screen.filter->count(), 2, kTimeoutMs);

        // The Menu key opens the context menu on the current row; its Resolve opens the dialog.
        screen.focusOn(ids.at(1));
        QTest::keyClick(screen.window, Qt::Key_Menu);
        auto *table = screen.view->property("table").value<QObject *>();
        auto *menu = table->property("contextMenu").value<QObject *>();
        QTRY_VERIFY(menu->property("visible").toBool());
        QCOMPARE(menu->property("keys").toStringList(), QStringList { keyOf(ids.at(1)) });
        QMetaObject::invokeMethod(menu->findChild<QObject *>(u"menuResolve"_s), "triggered");
        QTRY_VERIFY(screen.dialogOpen());
        QCOMPARE(screen.dialog->property("action").toInt(), 0); // Resolve
        QTRY_VERIFY(screen.dialogPart(u"actionText"_s)->property("activeFocus").toBool());
        typeText(screen.window, u"fibre spliced"_s);
        QTest::keyClick(screen.window, Qt::Key_Enter);
        QTRY_COMPARE_WITH_TIMEOUT(screen.statusOnServer(ids.at(1)), Status::Resolved, kTimeoutMs);

        // The details pane's Assign: to the alert it shows, with a comment.
        screen.focusOn(ids.at(0));
        auto *pane = screen.view->findChild<QQuickItem *>(u"detailsPane"_s);
        QTRY_VERIFY(pane->isVisible());
        auto *assign = findItem(pane, u"detailsAssign"_s);
        QVERIFY(assign);
        QTRY_VERIFY(assign->isEnabled());
        QMetaObject::invokeMethod(assign, "clicked");
        QTRY_VERIFY(screen.dialogOpen());
        QTRY_VERIFY(screen.dialogPart(u"actionUserId"_s)->property("activeFocus").toBool());
        // The colleague picked from the people the presence channel told about, rather than typed.
        QObject *people = screen.dialogPart(u"actionPeople"_s);
        // Said again until it arrives: the presence socket may be reconnecting after the last 1011.
        const auto annaOffered = [&] {
            screen.sim.publishUserStatus(6, u"online"_s);
            int at = -1;
            QMetaObject::invokeMethod(people, "indexOfValue", Q_RETURN_ARG(int, at),
                                      Q_ARG(QVariant, QVariant(u"6"_s)));
            return at;
        };
        QTRY_VERIFY_WITH_TIMEOUT(annaOffered() >= 0, kTimeoutMs);
        const int anna = annaOffered();
        QMetaObject::invokeMethod(people, "activated", Q_ARG(int, anna));
        QCOMPARE(screen.dialogPart(u"actionUserId"_s)->property("text").toString(), u"6"_s);
        QVERIFY2(people->property("displayText").toString().endsWith(u"(#6)"_s),
                 qPrintable(people->property("displayText").toString()));
        screen.dialogPart(u"actionText"_s)->setProperty("text", u"your area"_s);
        QMetaObject::invokeMethod(screen.dialogPart(u"actionUserId"_s), "forceActiveFocus");
        QTRY_VERIFY(screen.dialogPart(u"actionUserId"_s)->property("activeFocus").toBool());
        QTest::keyClick(screen.window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen.statusOnServer(ids.at(0)), Status::Assigned, kTimeoutMs);
        QCOMPARE(screen.sim.alertStore().details(ids.at(0))->assigned.name, u"Anna Schmidt"_s);
        QCOMPARE(screen.sim.alertStore().details(ids.at(0))->history.constLast().comment,
                 u"to anna: your area"_s);
        screen.client.stop();

        // Signed out: no dialog, and the pane says why its buttons are off.
        QTRY_COMPARE_WITH_TIMEOUT(screen.client.state(), noc::NocClient::ConnectionState::LoggedOut,
                                  kTimeoutMs);
        QTRY_VERIFY(!assign->isEnabled());
        const int signedOut = int(AlertModel::ActionBlocker::SignedOut);
        QCOMPARE(pane->property("actionBlocker").toInt(), signedOut);
        QSignalSpy notice(screen.view, SIGNAL(notice(QString)));
        screen.focusOn(ids.at(0));
        QTest::keyClick(screen.window, Qt::Key_R);
        QCOMPARE(notice.count(), 1);
        QCOMPARE(notice.constFirst().constFirst().toString(), screen.alerts->actionBlockerText(signedOut));
        QVERIFY(!screen.dialogOpen());
    }

    void theDetailsPaneSaysWhoActedAndWhenReadOncePerMinute()
    {
        Screen screen(serverWith(noc::sim::AlertApiOptions::List::Working));
        noc::sim::SeedRequest seed;
        seed.count = 2;
        seed.statuses = { u"NEW"_s };
        const QList<qint64> ids = screen.sim.seedAlerts(seed);
        QVERIFY(screen.load());
        screen.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(screen.filter->count(), 2, kTimeoutMs);
        QCOMPARE(screen.sim.actOnAlert(u"anna"_s, u"ack"_s, ids.at(0)).status, 200);
        QCOMPARE(screen.sim.actOnAlert(u"anna"_s, u"assign"_s, ids.at(0)).status, 200);
        const noc::sim::AlertDetails *details = screen.sim.alertStore().details(ids.at(0));
        QVERIFY(details && !details->assigned.name.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(screen.client.state(), noc::NocClient::ConnectionState::Connected,
                                  kTimeoutMs);
        const int lookupsBefore = screen.client.lookupCalls();

        screen.focusOn(ids.at(0));
        auto *pane = screen.view->findChild<QQuickItem *>(u"detailsPane"_s);
        auto *record = pane->property("record").value<AlertRecordView *>();
        QVERIFY(record);
        QTRY_COMPARE_WITH_TIMEOUT(record->state(), AlertRecordView::State::Loaded, kTimeoutMs);
        QCOMPARE(record->assignedTo(), details->assigned.name);
        QCOMPARE(record->assignedAt().toMSecsSinceEpoch() / 1000, details->assigned.atMs / 1000);
        QCOMPARE(record->acknowledgedBy(), details->acknowledged.name);
        // The row learns the name as well.
        QTRY_COMPARE(screen.alerts->get(keyOf(ids.at(0))).value(u"assignedTo"_s).toString(),
                     details->assigned.name);
        QVERIFY(pane->findChild<QObject *>(u"recordFields"_s)->property("visible").toBool());

        // Another alert, and back: the first one is not read again within the minute.
        screen.focusOn(ids.at(1));
        QTRY_COMPARE_WITH_TIMEOUT(record->state(), AlertRecordView::State::Loaded, kTimeoutMs);
        QCOMPARE(record->assignedTo(), QString());
        screen.focusOn(ids.at(0));
        QCOMPARE(record->state(), AlertRecordView::State::Loaded);
        QCOMPARE(record->assignedTo(), details->assigned.name);
        QCOMPARE(screen.client.lookupCalls() - lookupsBefore, 2);
        screen.client.stop();
    }

    void aServerThatRefusesItsRecordsIsNotAskedForWhoAndWhen()
    {
        Screen screen(serverWith(noc::sim::AlertApiOptions::List::Refused));
        QVERIFY(screen.load());
        screen.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(screen.client.historyState(), History::Unavailable, kTimeoutMs);
        const QString pushed
            = screen.sim.publishAlert(u"acme"_s, u"HIGH"_s, u"LINK_DOWN"_s, u"uplink down"_s);
        QTRY_COMPARE_WITH_TIMEOUT(screen.filter->count(), 1, kTimeoutMs);
        screen.focusOn(pushed.toLongLong());
        auto *pane = screen.view->findChild<QQuickItem *>(u"detailsPane"_s);
        QTRY_VERIFY(pane->isVisible());
        auto *record = pane->property("record").value<AlertRecordView *>();
        QCOMPARE(record->state(), AlertRecordView::State::Unavailable);
        const QString text = pane->findChild<QObject *>(u"recordNote"_s)->property("text").toString();
        QVERIFY2(text.startsWith(u"Who/when unavailable: the server refuses its alert records"_s),
                 qPrintable(text));
        QCOMPARE(screen.client.lookupCalls(), 0);
        // The actions themselves do not need the records: resolve works.
        QVERIFY(findItem(pane, u"detailsResolve"_s)->isEnabled());
        screen.client.stop();
    }
};

int main(int argc, char *argv[])
{
    // Main.qml shows charts: Qt Charts needs a QApplication.
    QApplication app(argc, argv);
    TestUiActions test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_uiactions.moc"
