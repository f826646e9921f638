// SPDX-License-Identifier: MIT
// The dashboard's models and proxies, each under QAbstractItemModelTester from before it fills.
#include "AlertFilterModel.h"
#include "AlertModel.h"
#include "AlertRateSeries.h"
#include "ConnectionHealthModel.h"
#include "DashboardSettings.h"
#include "FrameLogModel.h"
#include "PresenceModel.h"
#include "RttSeries.h"
#include "ServiceTypes.h"
#include "SubscriptionModel.h"
#include "SubscriptionSet.h"
#include "WebSocketChannel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLineSeries>
#include <QMetaEnum>
#include <QMetaMethod>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::Alert;
using noc::AlertKind;
using noc::Severity;

namespace {
Alert makeAlert(int id, Severity severity, const QString &client = u"acme"_s,
                AlertKind kind = AlertKind::Alert)
{
    Alert alert;
    alert.kind = kind;
    alert.id = QString::number(id);
    alert.severity = severity;
    alert.clientId = client;
    alert.type = u"LINK_DOWN"_s;
    alert.message = u"uplink %1 down"_s.arg(id);
    alert.location = u"site %1"_s.arg(id % 3);
    alert.receivedAt = QDateTime::currentDateTimeUtc();
    return alert;
}

QString keyOf(int id, AlertKind kind = AlertKind::Alert)
{
    return noc::alertKindName(kind) + u':' + QString::number(id);
}

// What a delegate declares: `required property <type> <name>` with a basic type, each name a role.
struct DelegateProperty
{
    QString type;
    QString name;
};

QList<DelegateProperty> delegateProperties(const QString &qmlFile)
{
    QFile file(QStringLiteral(NOC_QML_SOURCE_DIR "/") + qmlFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression declaration(
        uR"(^\s*required property (string|int|bool|date|real|double|var) (\w+)\s*(//.*)?$)"_s,
        QRegularExpression::MultilineOption);
    QList<DelegateProperty> properties;
    for (auto it = declaration.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();) {
        const auto match = it.next();
        // The view's own, not the model's.
        if (match.captured(2) != u"index"_s && match.captured(2) != u"modelData"_s)
            properties.append({ match.captured(1), match.captured(2) });
    }
    return properties;
}

// Whether QML can put this value into a property of that type without a conversion warning.
bool fitsQmlType(const QVariant &value, const QString &type)
{
    const int id = value.metaType().id();
    if (type == u"string"_s)
        return id == QMetaType::QString;
    if (type == u"int"_s)
        return id == QMetaType::Int || id == QMetaType::UInt || id == QMetaType::LongLong
            || id == QMetaType::ULongLong;
    if (type == u"real"_s)
        return id == QMetaType::Double || id == QMetaType::Float || id == QMetaType::Int;
    if (type == u"double"_s) // the 64-bit counters
        return id == QMetaType::Double || id == QMetaType::Int || id == QMetaType::LongLong;
    if (type == u"bool"_s)
        return id == QMetaType::Bool;
    if (type == u"date"_s)
        return id == QMetaType::QDateTime || id == QMetaType::QDate;
    return value.isValid(); // var
}

// Every role the model declares (its Role enum, plus `extra`) has a name, no two the same, no name
// without a role; and the first row answers every one of them. Then every role a delegate in `qmlFile`
// (the one QML file that shows this model; none for a model QML shows only through a proxy) binds
// exists here, with a value of the type the delegate declares.
void checkRoles(const QAbstractItemModel &model, const QMetaEnum &roles, const QString &qmlFile,
                const QHash<int, QByteArray> &extra = {})
{
    const QHash<int, QByteArray> names = model.roleNames();
    QHash<int, QByteArray> declared = extra;
    for (int i = 0; i < roles.keyCount(); ++i)
        declared.insert(roles.value(i), roles.key(i));
    QCOMPARE(names.size(), declared.size());
    QSet<QByteArray> seen;
    QVERIFY(model.rowCount() > 0);
    const QModelIndex row = model.index(0, 0);
    for (auto it = declared.cbegin(); it != declared.cend(); ++it) {
        const QByteArray name = names.value(it.key());
        QVERIFY2(!name.isEmpty(), it.value().constData());
        QVERIFY2(!seen.contains(name), name.constData());
        seen.insert(name);
        QVERIFY2(model.data(row, it.key()).isValid(), name.constData());
    }
    if (qmlFile.isEmpty())
        return;
    const QList<DelegateProperty> properties = delegateProperties(qmlFile);
    QVERIFY2(!properties.isEmpty(), qPrintable(qmlFile));
    for (const DelegateProperty &property : properties) {
        const QString where = qmlFile + u": "_s + property.type + u' ' + property.name;
        const int role = names.key(property.name.toUtf8(), -1);
        QVERIFY2(role >= 0, qPrintable(where + u" is no role of the model"_s));
        const QVariant value = model.data(row, role);
        QVERIFY2(fitsQmlType(value, property.type),
                 qPrintable(where + u" gets a "_s + QString::fromLatin1(value.metaType().name())));
    }
}
} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        AlertModel alerts;
        QAbstractItemModelTester alertTester { &alerts,
                                               QAbstractItemModelTester::FailureReportingMode::QtTest };
        AlertFilterModel filter;
        QAbstractItemModelTester filterTester { &filter,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest };
        Fixture()
        {
            alerts.setCoalesceIntervalMs(0);
            filter.setAlerts(&alerts);
        }
        void add(const noc::AlertBatch &batch)
        {
            alerts.addAlerts(batch);
            alerts.flush();
        }
        QStringList shownKeys() const
        {
            QStringList keys;
            for (int row = 0; row < filter.rowCount(); ++row)
                keys.append(filter.keyAt(row));
            return keys;
        }
    };

private Q_SLOTS:
    // QML names the services' enums (models/ServiceTypes.h): every value has a name there, and the
    // name is the one the services give it, so `Severity.High` in QML is noc::Severity::High.
    void qmlEnumsNameTheServicesValues()
    {
        const QMetaEnum severities = QMetaEnum::fromType<SeverityForeign::Value>();
        QCOMPARE(severities.keyCount(), noc::kSeverityCount);
        for (int value = 0; value < noc::kSeverityCount; ++value) {
            QCOMPARE(QString::fromLatin1(severities.valueToKey(value)).toUpper(),
                     noc::severityName(static_cast<noc::Severity>(value)));
        }
        const QMetaEnum statuses = QMetaEnum::fromType<AlertStatusForeign::Value>();
        for (int value = 0; value < statuses.keyCount(); ++value) {
            QCOMPARE(QString::fromLatin1(statuses.valueToKey(value)).toUpper(),
                     noc::alertStatusName(static_cast<noc::AlertStatus>(value)));
        }
        QVERIFY(statuses.keyToValue("Suppressed") == int(noc::AlertStatus::Suppressed));
        // ChannelHealth::State has no words of its own; the socket's state (a Q_ENUM) has the same.
        const QMetaEnum channelStates = QMetaEnum::fromType<ChannelStateForeign::Value>();
        const QMetaEnum socketStates = QMetaEnum::fromType<noc::WebSocketChannel::State>();
        QCOMPARE(channelStates.keyCount(), socketStates.keyCount());
        for (int i = 0; i < channelStates.keyCount(); ++i) {
            QCOMPARE(channelStates.key(i), socketStates.key(i));
            QCOMPARE(channelStates.value(i), socketStates.value(i));
        }
        const QMetaEnum actions = QMetaEnum::fromType<AlertActionKindForeign::Value>();
        QCOMPARE(actions.keyCount(), 3);
        for (int i = 0; i < actions.keyCount(); ++i) {
            QCOMPARE(QString::fromLatin1(actions.key(i)).toLower(),
                     noc::alertActionName(static_cast<noc::AlertActionKind>(actions.value(i))));
        }
        // Kinds, action states and frame directions have no words in the services: every value is there.
        const QMetaEnum kinds = QMetaEnum::fromType<AlertKindForeign::Value>();
        QCOMPARE(kinds.keyCount(), int(noc::AlertKind::Other) + 1);
        QCOMPARE(kinds.keyToValue("CriticalAlert"), int(noc::AlertKind::CriticalAlert));
        QCOMPARE(kinds.keyToValue("Other"), int(noc::AlertKind::Other));
        const QMetaEnum actionStates = QMetaEnum::fromType<ActionStateForeign::Value>();
        QCOMPARE(actionStates.keyCount(), int(noc::AlertActionState::Refused) + 1);
        QCOMPARE(actionStates.keyToValue("Pending"), int(noc::AlertActionState::Pending));
        const QMetaEnum directions = QMetaEnum::fromType<FrameDirectionForeign::Value>();
        QCOMPARE(directions.keyToValue("In"), int(noc::FrameRecord::Direction::In));
        QCOMPARE(directions.keyToValue("Out"), int(noc::FrameRecord::Direction::Out));
    }

    void acknowledgementCarriesWhoAndWhen()
    {
        Fixture f;
        f.add({ makeAlert(1, Severity::High), makeAlert(2, Severity::High) });
        f.alerts.markPending(u"1"_s);
        QCOMPARE(f.alerts.get(keyOf(1)).value(u"ackState"_s).toInt(),
                 int(AlertModel::AckState::Acknowledging));
        const QDateTime at(QDate(2026, 11, 22), QTime(12, 3, 41), Qt::UTC);
        QSignalSpy counts(&f.alerts, &AlertModel::countsChanged);
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, at);
        const QVariantMap row = f.alerts.get(keyOf(1));
        QCOMPARE(row.value(u"ackState"_s).toInt(), int(AlertModel::AckState::Acknowledged));
        QCOMPARE(row.value(u"ackBy"_s).toString(), u"kim"_s);
        QCOMPARE(row.value(u"ackAt"_s).toDateTime(), at);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(f.alerts.unacknowledgedCount(), 1);
        // A late "pending" from a retry never undoes a confirmation.
        f.alerts.markPending(u"1"_s);
        QCOMPARE(f.alerts.get(keyOf(1)).value(u"ackState"_s).toInt(),
                 int(AlertModel::AckState::Acknowledged));
        f.alerts.markFailed(u"2"_s, u"Cannot acknowledge alerts"_s);
        QCOMPARE(f.alerts.get(keyOf(2)).value(u"ackReason"_s).toString(), u"Cannot acknowledge alerts"_s);
        QCOMPARE(f.alerts.get(keyOf(2)).value(u"ackState"_s).toInt(), int(AlertModel::AckState::Failed));
    }

    void criticalAlertMergesIntoItsSource()
    {
        Fixture f;
        f.add({ makeAlert(7, Severity::Critical),
                makeAlert(7, Severity::Critical, {}, AlertKind::CriticalAlert) });
        QCOMPARE(f.alerts.count(), 1); // one incident, one row, acknowledged as one
        f.alerts.markConfirmed(u"7"_s, u"kim"_s, QDateTime::currentDateTimeUtc());
        QCOMPARE(f.alerts.unacknowledgedCount(), 0);
    }

    void kindsWithoutServerAckAreAcknowledgedLocally()
    {
        Fixture f;
        f.add({ makeAlert(3, Severity::Info, {}, AlertKind::Ticket), makeAlert(4, Severity::Low) });
        QCOMPARE(f.alerts.get(keyOf(3, AlertKind::Ticket)).value(u"acknowledgeable"_s).toBool(), false);
        // Without a client the server-side one fails visibly, the ticket is simply marked as seen.
        f.alerts.acknowledgeKeys({ keyOf(3, AlertKind::Ticket), keyOf(4) });
        QCOMPARE(f.alerts.get(keyOf(3, AlertKind::Ticket)).value(u"ackState"_s).toInt(),
                 int(AlertModel::AckState::Acknowledged));
        QCOMPARE(f.alerts.get(keyOf(4)).value(u"ackState"_s).toInt(), int(AlertModel::AckState::Failed));
        QVERIFY(!f.alerts.get(keyOf(4)).value(u"ackReason"_s).toString().isEmpty());
    }

    void retentionCapEvictsAcknowledgedFirst()
    {
        Fixture f;
        f.alerts.setMaxAlerts(3);
        f.add({ makeAlert(1, Severity::Low), makeAlert(2, Severity::Low), makeAlert(3, Severity::Low) });
        f.alerts.markConfirmed(u"2"_s, u"kim"_s, {});
        f.add({ makeAlert(4, Severity::Low) });
        QCOMPARE(f.alerts.count(), 3);
        QCOMPARE(f.alerts.rowOfKey(keyOf(2)), -1); // acknowledged went first, though 1 is older
        QVERIFY(f.alerts.rowOfKey(keyOf(1)) >= 0);
    }

    void stormIsCountedOverTheLastMinute()
    {
        Fixture f;
        f.alerts.setStormThresholdPerMinute(50);
        QSignalSpy added(&f.alerts, &AlertModel::alertsAdded);
        noc::AlertBatch batch;
        for (int i = 0; i < 60; ++i)
            batch.append(makeAlert(100 + i, Severity::Medium));
        f.add(batch);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toInt(), 60);
        QCOMPARE(f.alerts.alertAt(0).id, u"159"_s); // the newest of them
        QCOMPARE(f.alerts.receivedLastMinute(), 60);
        QVERIFY(f.alerts.isStorm());
    }

    void sortsBySeverityThenTimeWithAcknowledgedSinking()
    {
        Fixture f;
        f.add(
            { makeAlert(1, Severity::Low), makeAlert(2, Severity::Critical), makeAlert(3, Severity::High) });
        f.add({ makeAlert(4, Severity::Critical), makeAlert(5, Severity::Low) });
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(4), keyOf(2), keyOf(3), keyOf(5), keyOf(1) }));
        f.alerts.markConfirmed(u"4"_s, u"kim"_s, {});
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(2), keyOf(4), keyOf(3), keyOf(5), keyOf(1) }));

        // Every other change of a row moves it too: a colleague's action on the server (handled sinks),
        // an alert re-sent at another severity, an escalation raising one, evictions around them.
        f.alerts.applyStatus(u"2"_s, noc::AlertStatus::Assigned, QDateTime::currentDateTimeUtc());
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(4), keyOf(2), keyOf(3), keyOf(5), keyOf(1) }));
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(1), keyOf(4), keyOf(2), keyOf(3), keyOf(5) }));
        f.add({ makeAlert(5, Severity::Critical, u"acme"_s, AlertKind::CriticalAlert) });
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(5), keyOf(1), keyOf(4), keyOf(2), keyOf(3) }));
        f.alerts.setMaxAlerts(3); // the handled ones go first
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(5), keyOf(1), keyOf(3) }));
        f.add({ makeAlert(6, Severity::Medium) }); // then the oldest
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(5), keyOf(3), keyOf(6) }));

        f.filter.setSortOrder(AlertFilterModel::SortOrder::Time);
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(6), keyOf(5), keyOf(3) }));
        f.filter.setSortOrder(AlertFilterModel::SortOrder::SeverityThenTime); // sorted afresh
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(5), keyOf(3), keyOf(6) }));
    }

    // Most repeated first, then newest; a re-read that raises a count moves the row at once.
    void sortsByRepeats()
    {
        Fixture f;
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        const auto repeated = [&t0](int id, int repeats, int secondsLater) {
            Alert alert = makeAlert(id, Severity::Low);
            alert.suppressedCount = repeats;
            alert.lastSeen = t0.addSecs(secondsLater);
            return alert;
        };
        f.add({ repeated(1, 5, 0), repeated(2, 0, 0), repeated(3, 12, 0), repeated(4, 0, 0),
                makeAlert(5, Severity::Critical) });
        f.filter.setSortOrder(AlertFilterModel::SortOrder::Repeats);
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(3), keyOf(1), keyOf(5), keyOf(4), keyOf(2) }));
        f.alerts.refreshRecords({ repeated(2, 40, 60) });
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(2), keyOf(3), keyOf(1), keyOf(5), keyOf(4) }));
        f.add({ repeated(1, 13, 60) });
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(2), keyOf(1), keyOf(3), keyOf(5), keyOf(4) }));
    }

    void filtersBySeverityClientStateAndText()
    {
        Fixture f;
        f.add({ makeAlert(1, Severity::Low, u"acme"_s), makeAlert(2, Severity::Critical, u"globex"_s),
                makeAlert(3, Severity::High, u"acme"_s) });
        f.filter.setSeverities({ int(Severity::Critical), int(Severity::High) });
        QCOMPARE(f.filter.rowCount(), 2);
        f.filter.setClients({ u"acme"_s });
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(3) }));
        f.filter.clearFilters();
        QCOMPARE(f.filter.rowCount(), 3);
        f.filter.setSearchText(u"UPLINK 2"_s);
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(2) }));
        f.filter.setSearchText({});
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, {});
        f.filter.setAckFilter(AlertFilterModel::AckFilter::Unacknowledged);
        QCOMPARE(f.filter.rowCount(), 2);
        f.filter.setAckFilter(AlertFilterModel::AckFilter::Acknowledged);
        QCOMPARE(f.shownKeys(), QStringList({ keyOf(1) }));
        QCOMPARE(f.filter.knownClients(), QStringList({ u"acme"_s, u"globex"_s }));
    }

    void knownClientsFromSharedNames()
    {
        // As the channel delivers them: every alert of a client shares one copy of its name. More
        // clients than the filter remembers by address, interleaved, so it forgets and meets them again.
        Fixture f;
        QStringList names;
        for (int c = 0; c < 12; ++c)
            names.append(u"client-%1"_s.arg(c, 2, 10, QLatin1Char('0')));
        noc::AlertBatch batch;
        for (int i = 0; i < 60; ++i)
            batch.append(makeAlert(100 + i, Severity::Low, names.at((i * 5) % names.size())));
        f.add(batch);
        QCOMPARE(f.filter.knownClients(), names);
        QSignalSpy changed(&f.filter, &AlertFilterModel::knownClientsChanged);
        noc::AlertBatch more;
        for (int i = 0; i < 24; ++i)
            more.append(makeAlert(200 + i, Severity::Low, names.at((i * 7) % names.size())));
        more.append(makeAlert(300, Severity::Low, u"aardvark"_s)); // a new name, its own copy
        f.add(more);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(f.filter.knownClients(), QStringList { u"aardvark"_s } + names);
    }

    void perSeverityCountsFollowTheFilter()
    {
        Fixture f;
        QSignalSpy counts(&f.filter, &AlertFilterModel::countsChanged);
        f.add({ makeAlert(1, Severity::Low), makeAlert(2, Severity::Critical),
                makeAlert(3, Severity::Critical) });
        QTRY_COMPARE(f.filter.countsBySeverity().value(int(Severity::Critical)), 2);
        QCOMPARE(f.filter.countsBySeverity().value(int(Severity::Low)), 1);
        f.filter.setSearchText(u"uplink 3"_s);
        QTRY_COMPARE(f.filter.countsBySeverity().value(int(Severity::Critical)), 1);
        QCOMPARE(f.filter.countsBySeverity().value(int(Severity::Low)), 0);

        // Acknowledgement filters: the wall's "unacknowledged" and the desk's "acknowledged".
        f.filter.setSearchText({});
        QTRY_COMPARE(f.filter.countsBySeverity().value(int(Severity::Critical)), 2);
        f.alerts.markConfirmed(u"2"_s, u"kim"_s, {});
        f.filter.setAckFilter(AlertFilterModel::AckFilter::Unacknowledged);
        QTRY_COMPARE(f.filter.countsBySeverity().value(int(Severity::Critical)), 1);
        QCOMPARE(f.filter.countsBySeverity().value(int(Severity::Low)), 1);
        f.filter.setAckFilter(AlertFilterModel::AckFilter::Acknowledged);
        QTRY_COMPARE(f.filter.countsBySeverity().value(int(Severity::Low)), 0);
        QCOMPARE(f.filter.countsBySeverity().value(int(Severity::Critical)), 1);
        QCOMPARE(f.alerts.totalBySeverity().value(int(Severity::Critical)), 2);
    }

    void selectionFollowsAlertsThroughInsertsAndEvictions()
    {
        Fixture f;
        f.alerts.setMaxAlerts(4);
        f.add({ makeAlert(1, Severity::Low), makeAlert(2, Severity::Medium), makeAlert(3, Severity::High) });
        f.filter.select(f.filter.rowOfKey(keyOf(1)), true);
        f.filter.select(f.filter.rowOfKey(keyOf(2)), true);
        QCOMPARE(f.filter.selectedCount(), 2);
        f.add({ makeAlert(4, Severity::Critical) }); // lands above: rows move, the selection does not
        const int row = f.filter.rowOfKey(keyOf(2));
        QVERIFY(f.filter.data(f.filter.index(row, 0), AlertFilterModel::SelectedRole).toBool());
        QVERIFY(!f.filter.data(f.filter.index(f.filter.rowOfKey(keyOf(4)), 0), AlertFilterModel::SelectedRole)
                     .toBool());
        f.add({ makeAlert(5, Severity::Critical) }); // evicts 1, the oldest
        QCOMPARE(f.filter.selectedKeys(), QStringList({ keyOf(2) }));
        f.filter.selectRange(0, 1);
        QCOMPARE(f.filter.selectedCount(), 3);
        f.filter.clearSelection();
        QCOMPARE(f.filter.selectedCount(), 0);
    }

    void acknowledgeSelectionOrCurrent()
    {
        Fixture f;
        f.add({ makeAlert(1, Severity::Info, {}, AlertKind::Finding),
                makeAlert(2, Severity::Info, {}, AlertKind::Anomaly),
                makeAlert(3, Severity::Low, {}, AlertKind::Ticket) });
        // Nothing selected: the current row.
        QCOMPARE(f.filter.acknowledgeSelectedOr(f.filter.rowOfKey(keyOf(3, AlertKind::Ticket))), 1);
        QCOMPARE(f.alerts.unacknowledgedCount(), 2);
        f.filter.selectAll();
        QCOMPARE(f.filter.acknowledgeSelectedOr(-1), 3);
        QCOMPARE(f.alerts.unacknowledgedCount(), 0);
    }

    void presenceListsUsersAndOurSession()
    {
        noc::NocClient client;
        client.setCredentials(u"kim"_s, u"pw"_s);
        PresenceModel presence;
        QAbstractItemModelTester tester(&presence, QAbstractItemModelTester::FailureReportingMode::QtTest);
        presence.setClient(&client);
        QCOMPARE(presence.count(), 1);
        QCOMPARE(presence.data(presence.index(0), PresenceModel::IsSelfRole).toBool(), true);
        QCOMPARE(presence.data(presence.index(0), PresenceModel::UsernameRole).toString(), u"kim"_s);
        QCOMPARE(presence.data(presence.index(0), PresenceModel::StateRole).toString(), u"offline"_s);
        noc::UserStatusEvent status;
        status.userId = u"12"_s;
        status.username = u"alex"_s;
        status.state = u"Busy"_s;
        presence.applyStatus(status);
        QCOMPARE(presence.count(), 2);
        QCOMPARE(presence.data(presence.index(1), PresenceModel::StateRole).toString(), u"busy"_s);
        status.state = u"offline"_s;
        status.username.clear();
        presence.applyStatus(status);
        QCOMPARE(presence.count(), 2);
        QCOMPARE(presence.data(presence.index(1), PresenceModel::UsernameRole).toString(), u"alex"_s);
        QCOMPARE(presence.onlineCount(), 0);
    }

    void healthHasOneRowPerChannelAndTouchesOnlyWhatMoved()
    {
        ConnectionHealthModel health;
        QAbstractItemModelTester tester(&health, QAbstractItemModelTester::FailureReportingMode::QtTest);
        noc::ChannelHealth dashboard;
        dashboard.name = u"dashboard"_s;
        dashboard.state = noc::ChannelHealth::State::Open;
        dashboard.rttLastMs = 12;
        dashboard.score = 95;
        noc::ChannelHealth presence = dashboard;
        presence.name = u"presence"_s;
        presence.score = 60;
        health.setHealth({ dashboard, presence });
        QCOMPARE(health.count(), 2);
        QCOMPARE(health.worstScore(), 60);
        QSignalSpy changed(&health, &QAbstractItemModel::dataChanged);
        health.setHealth({ dashboard, presence });
        QCOMPARE(changed.count(), 0);
        presence.rttLastMs = 40;
        health.setHealth({ dashboard, presence });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(health.data(health.index(1), ConnectionHealthModel::RttLastRole).toInt(), 40);
        health.setHealth({ presence });
        QCOMPARE(health.count(), 1);
        QCOMPARE(health.data(health.index(0), ConnectionHealthModel::NameRole).toString(), u"presence"_s);
    }

    void healthShowsOneCardPerChannelOfTheClient()
    {
        noc::NocClient client;
        ConnectionHealthModel health;
        QAbstractItemModelTester tester(&health, QAbstractItemModelTester::FailureReportingMode::QtTest);
        health.setClient(&client);
        QCOMPARE(health.count(), 2);
        QCOMPARE(health.data(health.index(0), ConnectionHealthModel::NameRole).toString(), u"dashboard"_s);
        QCOMPARE(health.data(health.index(0), ConnectionHealthModel::PathRole).toString(),
                 u"/ws/noc/dashboard/"_s);
        QCOMPARE(health.data(health.index(1), ConnectionHealthModel::NameRole).toString(), u"presence"_s);
        QCOMPARE(health.data(health.index(0), ConnectionHealthModel::StaleRole).toBool(), true);
    }

    void subscriptionModelShowsTheEnginesSetWithStatuses()
    {
        noc::NocClient client;
        SubscriptionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        client.setSubscriptions({ u"acme"_s });
        model.setClient(&client);
        QCOMPARE(model.count(), 1);
        model.subscribe(u" globex "_s);
        QCOMPARE(model.count(), 2);
        QCOMPARE(client.subscriptions(), QStringList({ u"acme"_s, u"globex"_s }));
        QCOMPARE(model.data(model.index(1), SubscriptionModel::ClientIdRole).toString(), u"globex"_s);
        QCOMPARE(model.data(model.index(1), SubscriptionModel::StatusRole).toInt(),
                 int(SubscriptionModel::Waiting));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        client.subscriptionSet()->noteSent(u"globex"_s);
        client.subscriptionSet()->noteRefusedOldest(u"Insufficient permissions"_s);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.data(model.index(1), SubscriptionModel::StatusRole).toInt(),
                 int(SubscriptionModel::Refused));
        QCOMPARE(model.data(model.index(1), SubscriptionModel::ReasonRole).toString(),
                 u"Insufficient permissions"_s);
        model.unsubscribe(u"acme"_s);
        QCOMPARE(model.count(), 1);
        QCOMPARE(client.subscriptions(), QStringList({ u"globex"_s }));
    }

    // QML binds delegates to roles by name: a role without one, or a delegate asking for a name the
    // model does not have, is an empty cell and a warning nobody reads. Every model, every role.
    void everyRoleIsNamedAnsweredAndWhatTheDelegatesExpect()
    {
        Fixture f;
        Alert alert = makeAlert(1, Severity::High);
        alert.detail = u"{}"_s;
        alert.rawJson = u"{\"type\": \"alert_new\"}"_s;
        f.add({ alert });
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, QDateTime::currentDateTimeUtc());
        checkRoles(f.alerts, QMetaEnum::fromType<AlertModel::Role>(), {}); // QML shows it through the filter
        if (QTest::currentTestFailed())
            return;
        checkRoles(f.filter, QMetaEnum::fromType<AlertModel::Role>(), u"AlertRow.qml"_s,
                   { { AlertFilterModel::SelectedRole, "SelectedRole" } });
        if (QTest::currentTestFailed())
            return;

        noc::NocClient client;
        client.setCredentials(u"kim"_s, u"pw"_s);
        client.setSubscriptions({ u"acme"_s });

        ConnectionHealthModel health;
        health.setClient(&client);
        checkRoles(health, QMetaEnum::fromType<ConnectionHealthModel::Role>(), u"HealthPanel.qml"_s);
        if (QTest::currentTestFailed())
            return;

        PresenceModel presence;
        presence.setClient(&client);
        checkRoles(presence, QMetaEnum::fromType<PresenceModel::Role>(), u"PresencePanel.qml"_s);
        if (QTest::currentTestFailed())
            return;

        SubscriptionModel subscriptions;
        subscriptions.setClient(&client);
        checkRoles(subscriptions, QMetaEnum::fromType<SubscriptionModel::Role>(),
                   u"SubscriptionsPanel.qml"_s);
        if (QTest::currentTestFailed())
            return;

        FrameLogModel frames;
        noc::FrameRecord frame;
        frame.channel = u"dashboard"_s;
        frame.at = QDateTime::currentDateTimeUtc();
        frame.text = u"{}"_s;
        frames.append(frame);
        frames.flush();
        checkRoles(frames, QMetaEnum::fromType<FrameLogModel::Role>(), u"DiagnosticsPanel.qml"_s);
        if (QTest::currentTestFailed())
            return;
    }

    void frameLogIsBoundedNewestFirst()
    {
        FrameLogModel frames;
        QAbstractItemModelTester tester(&frames, QAbstractItemModelTester::FailureReportingMode::QtTest);
        frames.setCapacity(5);
        for (int i = 0; i < 12; ++i) {
            noc::FrameRecord frame;
            frame.direction = i % 2 ? noc::FrameRecord::Direction::Out : noc::FrameRecord::Direction::In;
            frame.channel = u"dashboard"_s;
            frame.at = QDateTime::currentDateTimeUtc();
            frame.text = u"{\"n\": %1}"_s.arg(i);
            frames.append(frame);
        }
        QCOMPARE(frames.count(), 0); // shown on the next tick, not per frame
        QTRY_COMPARE(frames.count(), 5);
        QCOMPARE(frames.data(frames.index(0), FrameLogModel::TextRole).toString(), u"{\"n\": 11}"_s);
        QCOMPARE(frames.data(frames.index(4), FrameLogModel::TextRole).toString(), u"{\"n\": 7}"_s);
        QCOMPARE(frames.data(frames.index(0), FrameLogModel::DirectionRole).toInt(),
                 int(noc::FrameRecord::Direction::Out));
        QCOMPARE(frames.totalFrames(), 12);
        frames.setPaused(true);
        noc::FrameRecord late;
        late.text = u"late"_s;
        frames.append(late);
        frames.flush();
        QCOMPARE(frames.data(frames.index(0), FrameLogModel::TextRole).toString(), u"{\"n\": 11}"_s);
        frames.setPaused(false);
        QCOMPARE(frames.data(frames.index(0), FrameLogModel::TextRole).toString(), u"late"_s);
        QVERIFY(frames.toText().contains(u"late"_s));
    }

    void frameLogListensOnlyWhileShown()
    {
        // Hidden, the log does not listen, so the engine does not redact and copy every frame.
        struct Client : noc::NocClient
        {
            [[nodiscard]] bool logging() const
            {
                return isSignalConnected(QMetaMethod::fromSignal(&noc::NocClient::frameLogged));
            }
        } client;
        FrameLogModel frames;
        frames.setActive(false);
        frames.setClient(&client);
        QVERIFY(!client.logging());
        noc::FrameRecord frame;
        frame.text = u"{}"_s;
        Q_EMIT client.frameLogged(frame);
        QCOMPARE(frames.totalFrames(), 0);

        frames.setActive(true);
        QVERIFY(client.logging());
        Q_EMIT client.frameLogged(frame);
        frames.flush();
        QCOMPARE(frames.totalFrames(), 1);
        QCOMPARE(frames.count(), 1);

        frames.setActive(false);
        QVERIFY(!client.logging());
        Q_EMIT client.frameLogged(frame);
        QCOMPARE(frames.totalFrames(), 1);
        QCOMPARE(frames.count(), 1); // what was collected stays for the next look
    }

    void alertRatesStackBySeverityWithReplace()
    {
        AlertRateSeries rates;
        rates.setRefreshIntervalMs(0);
        QLineSeries critical;
        QLineSeries high;
        QLineSeries highLower;
        rates.attach(int(Severity::Critical), &critical);
        rates.attach(int(Severity::High), &high, &highLower);
        QCOMPARE(critical.count(), AlertRateSeries::kMinutes);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        rates.count(int(Severity::Critical), now, 3);
        rates.count(int(Severity::High), now, 2);
        rates.count(int(Severity::High), now.addSecs(-2 * 3600), 50); // outside the hour: ignored
        QSignalSpy pushed(&rates, &SeriesFeed::pushed);
        QVERIFY(pushed.wait(2000));
        QCOMPARE(rates.countAt(int(Severity::High), now), 2);
        QCOMPARE(critical.at(critical.count() - 1).y(), 3.0);
        QCOMPARE(high.at(high.count() - 1).y(), 5.0); // stacked on top of CRITICAL
        QCOMPARE(highLower.at(highLower.count() - 1).y(), 3.0);
        QCOMPARE(rates.maxPerMinute(), 5);
        // Hidden: no pushes at all.
        rates.setActive(false);
        const int before = rates.pushes();
        rates.count(int(Severity::Critical), now, 1);
        rates.refreshNow();
        QCOMPARE(rates.pushes(), before);
    }

    void alertRatesCountWhatTheModelAdds()
    {
        AlertModel alerts;
        alerts.setCoalesceIntervalMs(0);
        AlertRateSeries rates;
        rates.setAlerts(&alerts);
        alerts.addAlerts({ makeAlert(1, Severity::Critical), makeAlert(2, Severity::Low) });
        alerts.flush();
        QCOMPARE(rates.countAt(int(Severity::Critical), QDateTime::currentDateTimeUtc()), 1);
    }

    void rttSeriesIsBoundedAndThrottled()
    {
        RttSeries rtt;
        rtt.setMaxSamples(10);
        rtt.setRefreshIntervalMs(50);
        QLineSeries line;
        rtt.attach(u"dashboard"_s, &line);
        QSignalSpy pushed(&rtt, &SeriesFeed::pushed);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 25; ++i)
            rtt.addSample(u"dashboard"_s, 10 + i, now.addMSecs(i * 10));
        QCOMPARE(rtt.sampleCount(u"dashboard"_s), 10);
        QVERIFY(pushed.wait(2000));
        QCOMPARE(pushed.count(), 1); // 25 samples, one push
        QCOMPARE(line.count(), 10);
        QCOMPARE(line.at(9).y(), 34.0);
        QCOMPARE(rtt.lastMs(), 34);
        QCOMPARE(rtt.maxMs(), 34);
    }

    void settingsRoundTripThroughQSettings()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"nocdash.conf"_s);
        {
            DashboardSettings settings;
            settings.setFileName(file);
            settings.setServers({ u"https://noc.example.com"_s, u"https://noc2.example.com"_s });
            settings.setAuthGeneration(u"v2"_s);
            settings.setOrigin(u"https://noc.example.com"_s);
            settings.setHeartbeatSeconds(20);
            settings.setTheme(u"dark"_s);
            settings.setLanguage(u"de"_s);
            settings.setUiScale(1.5);
            settings.setRetention(5000);
            settings.setSoundHigh(true);
            settings.setSoundVolume(60);
            settings.setWallMode(true);
            settings.setWallScreen(1);
            settings.setWallRotationSeconds(20);
            settings.save();
        }
        QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.value(u"ui/theme"_s).toString(), u"dark"_s);
        QCOMPARE(raw.value(u"wall/screen"_s).toInt(), 1);
        QCOMPARE(raw.value(u"ui/soundVolume"_s).toInt(), 60);
        QCOMPARE(raw.value(u"wall/enabled"_s).toBool(), true); // the engine's key
        QCOMPARE(raw.value(u"connection/heartbeatSeconds"_s).toInt(), 20);
        DashboardSettings loaded;
        loaded.setFileName(file);
        QSignalSpy language(&loaded, &DashboardSettings::languageChanged);
        loaded.load();
        QCOMPARE(loaded.servers().size(), 2);
        QCOMPARE(loaded.authGeneration(), u"v2"_s);
        QCOMPARE(loaded.uiScale(), 1.5);
        QCOMPARE(loaded.retention(), 5000);
        QCOMPARE(loaded.soundHigh(), true);
        QCOMPARE(loaded.soundVolume(), 60);
        QCOMPARE(loaded.wallRotationSeconds(), 20);
        QCOMPARE(language.count(), 1);
        QVERIFY(loaded.effectiveDark());
        loaded.setUiScale(7.0); // clamped to what stays usable
        QCOMPARE(loaded.uiScale(), 2.0);
    }

    // Every setting the dialog edits survives a save and a load, and a reset brings back the defaults:
    // a key missing from the load, save or reset lists fails here.
    void everyEditedSettingRoundTripsAndResets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"nocdash.conf"_s);
        const QHash<QByteArray, QVariant> strings {
            { "servers", QStringList { u"https://noc.example.com"_s } },
            { "authGeneration", u"v2"_s },
            { "tokenLocation", u"header"_s },
            { "origin", u"https://origin.example.com"_s },
            { "username", u"kim"_s },
            { "theme", u"dark"_s },
            { "language", u"de"_s },
            { "blankHours", u"23:00-06:00"_s },
        };
        const DashboardSettings defaults;
        DashboardSettings edited;
        edited.setFileName(file);
        const QMetaObject &meta = DashboardSettings::staticMetaObject;
        const QMetaMethod changed = QMetaMethod::fromSignal(&DashboardSettings::changed);
        QList<QMetaProperty> editable;
        for (int i = meta.propertyOffset(); i < meta.propertyCount(); ++i) {
            const QMetaProperty property = meta.property(i);
            if (!property.isWritable() || property.notifySignal() != changed
                || qstrcmp(property.name(), "connectionLocked") == 0)
                continue;
            editable.append(property);
            const QVariant before = property.read(&defaults);
            QVariant other;
            switch (before.typeId()) {
            case QMetaType::Bool:
                other = !before.toBool();
                break;
            case QMetaType::Int: {
                // One step inside the bounds: down, unless the default is the minimum.
                DashboardSettings probe;
                property.write(&probe, before.toInt() - 1);
                other = property.read(&probe) != before ? before.toInt() - 1 : before.toInt() + 1;
                break;
            }
            case QMetaType::Double:
                other = before.toDouble() + 0.5;
                break;
            default:
                other = strings.value(property.name());
            }
            QVERIFY2(other.isValid() && other != before, property.name());
            QVERIFY2(property.write(&edited, other), property.name());
            QVERIFY2(property.read(&edited) == other, property.name());
        }
        QCOMPARE(editable.size(), 27);
        edited.save();

        DashboardSettings loaded;
        loaded.setFileName(file);
        loaded.load();
        for (const QMetaProperty &property : editable)
            QVERIFY2(property.read(&loaded) == property.read(&edited), property.name());

        loaded.resetToDefaults();
        for (const QMetaProperty &property : editable)
            QVERIFY2(property.read(&loaded) == property.read(&defaults), property.name());
    }

    void demoSettingsNeverOverwriteTheConnection()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"nocdash.conf"_s);
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(u"connection/servers"_s, QStringList { u"https://noc.example.com"_s });
        }
        DashboardSettings settings;
        settings.setFileName(file);
        settings.load();
        settings.setConnectionLocked(true);
        settings.setServers({ u"http://127.0.0.1:1234"_s });
        settings.setTheme(u"light"_s);
        settings.save();
        QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.value(u"connection/servers"_s).toStringList(),
                 QStringList({ u"https://noc.example.com"_s }));
        QCOMPARE(raw.value(u"ui/theme"_s).toString(), u"light"_s);
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
