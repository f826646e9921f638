// SPDX-License-Identifier: MIT
// Qt Quick Test for the dashboard's components. Charts draw through Graphics View, so this main makes
// a QApplication itself (QUICK_TEST_MAIN's QGuiApplication crashes on a ChartView).
#include "AlertModel.h"
#include "NocClient.h"

#include <QApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)

using namespace Qt::StringLiterals;

// What QML cannot make itself: alerts (value types of the services layer) and a client.
class TestFeed : public QObject
{
    Q_OBJECT
public:
    Q_INVOKABLE void add(AlertModel *model, int id, int severity, const QString &client = u"acme"_s,
                         const QString &kind = u"alert"_s) const
    {
        noc::Alert alert;
        alert.kind = kind == u"ticket"_s ? noc::AlertKind::Ticket : noc::AlertKind::Alert;
        alert.id = QString::number(id);
        alert.severity = static_cast<noc::Severity>(severity);
        alert.clientId = client;
        alert.type = u"LINK_DOWN"_s;
        alert.message = u"uplink %1 down"_s.arg(id);
        alert.receivedAt = QDateTime::currentDateTimeUtc();
        model->addAlerts({ alert });
        model->flush();
    }
    // A record read from the server: it counted `repeats` repeats, the last `secondsAgo` seconds ago.
    Q_INVOKABLE void addRepeated(AlertModel *model, int id, int repeats, int secondsAgo) const
    {
        noc::Alert alert;
        alert.id = QString::number(id);
        alert.severity = noc::Severity::Medium;
        alert.status = noc::AlertStatus::New;
        alert.backfilled = true;
        alert.clientId = u"acme"_s;
        alert.type = u"LINK_FLAP"_s;
        alert.message = u"uplink %1 flapping"_s.arg(id);
        alert.receivedAt = QDateTime::currentDateTimeUtc();
        alert.suppressedCount = repeats;
        alert.lastSeen = alert.receivedAt.addSecs(-secondsAgo);
        model->addAlerts({ alert });
        model->flush();
    }
    // The server confirmed an acknowledgement of this alert.
    Q_INVOKABLE void acknowledged(AlertModel *model, const QString &id) const
    {
        model->markConfirmed(id, u"operator"_s, QDateTime::currentDateTimeUtc());
    }
    Q_INVOKABLE void addMany(AlertModel *model, int first, int count, int severity) const
    {
        noc::AlertBatch batch;
        for (int i = 0; i < count; ++i) {
            noc::Alert alert;
            alert.id = QString::number(first + i);
            alert.severity = static_cast<noc::Severity>(severity);
            alert.clientId = u"globex"_s;
            alert.type = u"HIGH_CPU"_s;
            alert.message = u"cpu %1"_s.arg(first + i);
            alert.receivedAt = QDateTime::currentDateTimeUtc();
            batch.append(alert);
        }
        model->addAlerts(batch);
        model->flush();
    }
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/"_s);
        engine->rootContext()->setContextProperty(u"testClient"_s, &m_client);
        engine->rootContext()->setContextProperty(u"feed"_s, &m_feed);
    }

private:
    noc::NocClient m_client;
    TestFeed m_feed;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"nocdash-test"_s);
    QApplication::setApplicationName(u"tst_qml"_s);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "tst_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml.moc"
