// SPDX-License-Identifier: MIT
#include "ClientCommands.h"
#include "ServerProfile.h"
#include "UrlRedaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace noc;

class TestRedactionAndCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenInQueryIsRedacted()
    {
        const QString redacted
            = redactedUrl(QUrl(u"wss://noc.example/ws/noc/dashboard/?token=eyJa.eyJb.c&x=1"_s));
        QVERIFY(!redacted.contains(u"eyJ"_s));
        QVERIFY(redacted.contains(u"token=REDACTED"_s));
        QVERIFY(redacted.contains(u"x=1"_s));
        QVERIFY(!redactedUrl(QUrl(u"https://kim:secret@noc.example/"_s)).contains(u"secret"_s));
    }

    void tokensInTextAreRedacted()
    {
        const QString text
            = redactedText(u"refused ws://h/p?token=abc123&a=b and Bearer eyJhbGci.eyJzdWIi.sig"_s);
        QVERIFY(!text.contains(u"abc123"_s));
        QVERIFY(!text.contains(u"eyJ"_s));
        QVERIFY(text.contains(u"a=b"_s));
    }

    void urlsFromAProfile()
    {
        ServerProfile profile;
        profile.baseUrl = QUrl(u"https://noc.example:8443/"_s);
        QCOMPARE(profile.webSocketUrl(u"/ws/noc/dashboard/"_s),
                 QUrl(u"wss://noc.example:8443/ws/noc/dashboard/"_s));
        QCOMPARE(profile.restUrl(u"/api/v2/auth/login/"_s),
                 QUrl(u"https://noc.example:8443/api/v2/auth/login/"_s));
        QCOMPARE(profile.effectiveOrigin(), u"https://noc.example:8443"_s);
        profile.baseUrl = QUrl(u"http://127.0.0.1:8000"_s);
        QCOMPARE(profile.webSocketUrl(u"/ws/noc/presence/"_s),
                 QUrl(u"ws://127.0.0.1:8000/ws/noc/presence/"_s));
        profile.origin = u"https://noc.example"_s;
        QCOMPARE(profile.effectiveOrigin(), u"https://noc.example"_s);
    }

    void commandShapes()
    {
        const auto object = [](const QByteArray &frame) { return QJsonDocument::fromJson(frame).object(); };
        QCOMPARE(object(commands::subscribeClient(u"acme"_s)),
                 (QJsonObject { { "type"_L1, u"subscribe_client"_s }, { "client_id"_L1, u"acme"_s } }));
        QCOMPARE(object(commands::acknowledgeAlert(u"1042"_s)),
                 (QJsonObject { { "type"_L1, u"acknowledge_alert"_s }, { "alert_id"_L1, u"1042"_s } }));
        QCOMPARE(object(commands::requestMetrics(u"acme"_s)).value("type"_L1).toString(),
                 u"request_metrics"_s);
        QCOMPARE(object(commands::ping()).value("type"_L1).toString(), u"ping"_s);
        QCOMPARE(object(commands::getStats()).value("type"_L1).toString(), u"get_stats"_s);
    }

    void heartbeatTimestampsCarryUtc()
    {
        // A local time with an offset must still go out as UTC with a Z: the server closes 1011 otherwise.
        const QDateTime local(QDate(2026, 11, 21), QTime(13, 0, 0, 250), QTimeZone(3600));
        const QJsonObject frame = QJsonDocument::fromJson(commands::heartbeat(local)).object();
        QCOMPARE(frame.value("type"_L1).toString(), u"heartbeat"_s);
        QCOMPARE(frame.value("timestamp"_L1).toString(), u"2026-11-21T12:00:00.250Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestRedactionAndCommands)
#include "tst_redaction.moc"
