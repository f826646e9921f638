// SPDX-License-Identifier: MIT
#include "FrameDecoder.h"
#include "JsonRead.h"
#include "PlainAlertFrame.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace noc;

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);

    ServerEvent decode(const char *json) { return FrameDecoder::decode(QByteArray(json), m_now); }

    template<typename T> T expect(const char *json)
    {
        const ServerEvent event = decode(json);
        const T *value = std::get_if<T>(&event);
        if (!value) {
            qWarning("decoded to variant index %d", static_cast<int>(event.index()));
            return T {};
        }
        return *value;
    }

    template<typename T> bool is(const char *json) { return std::holds_alternative<T>(decode(json)); }

private Q_SLOTS:
    void alertNewWithDocumentedFieldsOnly()
    {
        QVERIFY(is<AlertEvent>(R"({"type": "alert_new", "alert_id": 1042, "alert_type": "LINK_DOWN", )"
                               R"("severity": "high", "message": "uplink down"})"));
        const Alert a
            = expect<AlertEvent>(R"({"type": "alert_new", "alert_id": 1042, "alert_type": "LINK_DOWN", )"
                                 R"("severity": "high", "message": "uplink down"})")
                  .alert;
        QCOMPARE(a.kind, AlertKind::Alert);
        QCOMPARE(a.id, u"1042"_s);
        QCOMPARE(a.type, u"LINK_DOWN"_s);
        QCOMPARE(a.severity, Severity::High);
        QCOMPARE(a.message, u"uplink down"_s);
        QVERIFY(a.clientId.isEmpty());
        QVERIFY(!a.occurredAt.isValid());
        QCOMPARE(a.receivedAt, m_now);
        QCOMPARE(a.key(), u"alert:1042"_s);
    }

    void alertNewToleratesExtrasNullsAndStringIds()
    {
        const Alert a = expect<AlertEvent>(R"({"message": null, "type": "alert_new", "alert_id": "a-7", )"
                                           R"("client_id": 12, "severity": "CRITICAL", "extra": {"x": [1]}, )"
                                           R"("timestamp": "2026-11-21T11:59:58+01:00"})")
                            .alert;
        QCOMPARE(a.id, u"a-7"_s);
        QCOMPARE(a.clientId, u"12"_s);
        QCOMPARE(a.severity, Severity::Critical);
        QVERIFY(a.message.isEmpty());
        QCOMPARE(a.occurredAt, QDateTime(QDate(2026, 11, 21), QTime(10, 59, 58), Qt::UTC));
    }

    void alertWithoutIdIsMalformed()
    {
        QVERIFY(is<MalformedFrame>(R"({"type": "alert_new", "severity": "LOW"})"));
    }

    void naiveTimestampMeansUtc()
    {
        const Alert a = expect<AlertEvent>(
                            R"({"type": "alert_new", "alert_id": 1, "timestamp": "2026-11-21T08:00:00"})")
                            .alert;
        QCOMPARE(a.occurredAt, QDateTime(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC));
    }

    // The storm's fixed form has a fast reader of its own: it must read every string exactly as Qt's
    // ISO parser does (naive meaning UTC), and leave everything else to it.
    void timestampsReadLikeQtsParser()
    {
        const auto reference = [](const QString &text) {
            QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
            if (!parsed.isValid())
                parsed = QDateTime::fromString(text.trimmed(), Qt::ISODate);
            if (!parsed.isValid())
                return QDateTime();
            if (parsed.timeSpec() == Qt::LocalTime)
                parsed.setTimeSpec(Qt::UTC);
            return parsed.toUTC();
        };
        QStringList samples { u"2026-11-30T07:58:14.123456+00:00"_s,
                              u"2026-11-30T07:58:14Z"_s,
                              u"2026-11-30T07:58:14+05:30"_s,
                              u"2026-11-30T07:58:14-09:45"_s,
                              u"2026-11-30T07:58:14+14:00"_s,
                              u"2026-11-30T07:58:14+14:59"_s,
                              u"2026-11-30T07:58:14+15:00"_s,
                              u"2026-11-30T07:58:14+24:00"_s,
                              u"2026-11-30T07:58:14+05:60"_s,
                              u"2026-11-30T07:58:14+0530"_s,
                              u"2026-11-30T23:59:59.9996+00:00"_s,
                              u"2026-12-31T23:59:59.9995Z"_s,
                              u"9999-12-31T23:59:59.9999Z"_s,
                              u"0001-01-01T00:00:00Z"_s,
                              u"0000-01-01T00:00:00Z"_s,
                              u"1969-12-31T23:59:59.999Z"_s,
                              u"1970-01-01T00:00:00.0005-00:01"_s,
                              u"2024-02-29T12:00:00Z"_s,
                              u"2026-02-29T12:00:00Z"_s,
                              u"2100-02-29T12:00:00Z"_s,
                              u"2000-02-29T12:00:00Z"_s,
                              u"2026-13-01T00:00:00Z"_s,
                              u"2026-11-00T00:00:00Z"_s,
                              u"2026-11-30T24:00:00Z"_s,
                              u"2026-11-30T23:60:00Z"_s,
                              u"2026-11-30T23:59:60Z"_s,
                              u"2026-11-30T07:58:14.Z"_s,
                              u"2026-11-30T07:58:14.123456789Z"_s,
                              u"2026-11-30T07:58:14.1234567891Z"_s,
                              u"2026-11-30T07:58:14.123z"_s,
                              u"2026-11-30 07:58:14.123Z"_s,
                              u"2026-11-30T07:58:14"_s,
                              u"2026-11-30T07:58"_s,
                              u" 2026-11-30T07:58:14Z "_s,
                              u"2026-11-30T07:58:14Z trailing"_s,
                              u"2026-11-30T07:58:1x+00:00"_s,
                              u"2026-11-30T07:58:14+0x:00"_s,
                              u"\u0662026-11-30T07:58:14Z"_s,
                              u"+2026-11-30T07:58:14Z"_s,
                              QString() };
        for (int fraction = 0; fraction < 10000; ++fraction)
            samples.append(u"2026-11-30T07:58:14.%1+00:00"_s.arg(fraction, 4, 10, QLatin1Char('0')));
        QRandomGenerator random(11);
        for (int i = 0; i < 5000; ++i) {
            const int digits = random.bounded(1, 10);
            QString fraction;
            for (int d = 0; d < digits; ++d)
                fraction.append(QLatin1Char(char('0' + random.bounded(10))));
            const int offset = random.bounded(-14 * 60, 14 * 60 + 1);
            const QString zone = random.bounded(4) == 0
                ? u"Z"_s
                : u"%1%2:%3"_s.arg(QChar(offset < 0 ? u'-' : u'+'))
                      .arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0'))
                      .arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0'));
            samples.append(u"%1-%2-%3T%4:%5:%6.%7%8"_s.arg(random.bounded(1, 10000), 4, 10, QLatin1Char('0'))
                               .arg(random.bounded(1, 13), 2, 10, QLatin1Char('0'))
                               .arg(random.bounded(1, 32), 2, 10, QLatin1Char('0'))
                               .arg(random.bounded(24), 2, 10, QLatin1Char('0'))
                               .arg(random.bounded(60), 2, 10, QLatin1Char('0'))
                               .arg(random.bounded(60), 2, 10, QLatin1Char('0'))
                               .arg(fraction, zone));
        }
        for (const QString &sample : std::as_const(samples)) {
            const QDateTime expected = reference(sample);
            const QDateTime actual = json::parseTimestamp(sample);
            QVERIFY2(actual.isValid() == expected.isValid(), qPrintable(sample));
            if (!expected.isValid())
                continue;
            QVERIFY2(actual.toMSecsSinceEpoch() == expected.toMSecsSinceEpoch(), qPrintable(sample));
            QCOMPARE(actual.timeSpec(), Qt::UTC);
        }
    }

    // The socket hands over text: the plain alert_new frames of a storm are read from it directly, and
    // must come out exactly as the general path reads the same bytes.
    void textAndBytesDecodeAlike_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("plain"); // the plain reader takes it
        const auto row = [](const char *name, const char *frame, bool plain) {
            QTest::newRow(name) << QByteArray(frame) << plain;
        };
        row("simulator",
            R"({"type": "alert_new", "alert_id": 5120, "alert_type": "HIGH_CPU", "severity": )"
            R"("HIGH", "message": "CPU at 97% on core-sw-2", "client_id": "acme", )"
            R"("timestamp": "2026-11-30T07:58:14.123000+00:00"})",
            true);
        row("compact", R"({"type":"alert_new","alert_id":"a-7","severity":"low"})", true);
        row("spaces", " \t\r\n{ \"alert_id\" : 1 , \"type\" : \"alert_new\" } \n", true);
        row("nulls and bools",
            R"({"type": "alert_new", "alert_id": 3, "message": null, "severity": true, "location": false})",
            true);
        row("numbers as text", R"({"type": "alert_new", "alert_id": -0, "client_id": 12, "alert_type": 0})",
            true);
        row("biggest plain id", R"({"type": "alert_new", "alert_id": 999999999999999})", true);
        row("16 digits", R"({"type": "alert_new", "alert_id": 9007199254740991})", false);
        row("leading zero", R"({"type": "alert_new", "alert_id": 012})", false);
        row("fraction", R"({"type": "alert_new", "alert_id": 1.5})", false);
        row("exponent", R"({"type": "alert_new", "alert_id": 1e3})", false);
        row("minus alone", R"({"type": "alert_new", "alert_id": -})", false);
        row("epoch seconds", R"({"type": "alert_new", "alert_id": 1, "timestamp": 1767225600})", true);
        row("negative seconds", R"({"type": "alert_new", "alert_id": 1, "timestamp": -5})", true);
        row("created_at instead",
            R"({"type": "alert_new", "alert_id": 1, "timestamp": "soon", "created_at": "2026-11-21T10:00:00Z"})",
            true);
        row("naive timestamp", R"({"type": "alert_new", "alert_id": 1, "timestamp": "2026-11-21T08:00:00"})",
            true);
        row("unicode",
            "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"Z\xc3\xbcrich \xe2\x80\x94 ok\"}",
            true);
        row("emoji", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"\xf0\x9f\x94\xa5\"}", false);
        // Not a raw string: moc's tokenizer loses its way in a raw string with \" inside.
        row("escape", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"a \\\"b\\\" \\u00e9\"}",
            true);
        row("every escape",
            "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": "
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001F\\u00B0C\\u2014\"}",
            true);
        row("escaped timestamp",
            "{\"type\": \"alert_new\", \"alert_id\": 1, \"timestamp\": \"2026-11-21T10:00:00\\u005a\"}",
            true);
        row("escaped severity", "{\"type\": \"alert_new\", \"alert_id\": 1, \"severity\": \"\\u0048IGH\"}",
            true);
        row("escaped surrogate pair",
            "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"\\ud83d\\udd25\"}", false);
        row("escaped lone surrogate", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"\\udd25\"}",
            false);
        row("unknown escape", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"\\x41\"}", false);
        row("short unicode escape", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"\\u00\"}",
            false);
        row("bad hex", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"\\u00g0\"}", false);
        row("escaped key", "{\"type\": \"alert_new\", \"alert_id\": 1, \"mess\\u0061ge\": \"x\"}", false);
        row("escaped type", "{\"type\": \"alert\\u005fnew\", \"alert_id\": 1}", false);
        row("escape at the end", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"a\\", false);
        row("control character", "{\"type\": \"alert_new\", \"alert_id\": 1, \"message\": \"a\tb\"}", false);
        row("nested", R"({"type": "alert_new", "alert_id": 1, "extra": {"x": [1]}})", false);
        row("repeated field", R"({"type": "alert_new", "alert_id": 1, "alert_id": 2})", false);
        row("repeated other key", R"({"type": "alert_new", "alert_id": 1, "x": 1, "x": 2})", true);
        row("no id", R"({"type": "alert_new", "severity": "LOW"})", false);
        row("empty id", R"({"type": "alert_new", "alert_id": ""})", false);
        row("other type", R"({"type": "critical_alert", "source_id": 1, "priority": "P1"})", false);
        row("type not a string", R"({"type": 5, "alert_id": 1})", false);
        row("trailing comma", R"({"type": "alert_new", "alert_id": 1,})", false);
        row("trailing garbage", R"({"type": "alert_new", "alert_id": 1} x)", false);
        row("two objects", R"({"type": "alert_new", "alert_id": 1}{})", false);
        row("unterminated", R"({"type": "alert_new", "alert_id": 1)", false);
        // The text has no byte order mark left (fromUtf8 drops it), as the socket's would not.
        row("byte order mark", "\xef\xbb\xbf{\"type\": \"alert_new\", \"alert_id\": 1}", true);
        row("empty object", "{}", false);
        row("not an object", "[1]", false);
        row("nothing", "", false);
    }

    void textAndBytesDecodeAlike()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, plain);
        const QString text = QString::fromUtf8(frame);
        QCOMPARE(readPlainAlertNew(text, m_now).has_value(), plain);
        const ServerEvent fromBytes = FrameDecoder::decode(frame, m_now);
        // Through a channel's shared values, the second time from the shared copies.
        RecurringStrings recurring;
        (void)FrameDecoder::decode(text, m_now, &recurring);
        const ServerEvent fromText = FrameDecoder::decode(text, m_now, &recurring);
        QCOMPARE(fromText.index(), fromBytes.index());
        if (const auto *expected = std::get_if<AlertEvent>(&fromBytes)) {
            const Alert &a = std::get<AlertEvent>(fromText).alert;
            const Alert &b = expected->alert;
            QCOMPARE(a.kind, b.kind);
            QCOMPARE(a.severity, b.severity);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.clientId, b.clientId);
            QCOMPARE(a.type, b.type);
            QCOMPARE(a.message, b.message);
            QCOMPARE(a.location, b.location);
            QCOMPARE(a.detail, b.detail);
            QCOMPARE(a.occurredAt, b.occurredAt);
            QCOMPARE(a.occurredAt.isValid(), b.occurredAt.isValid());
            QCOMPARE(a.receivedAt, b.receivedAt);
            QCOMPARE(a.rawJson, b.rawJson);
            QCOMPARE(a.status, b.status);
        }
    }

    void recurringValuesAreSharedAndNeverMixedUp()
    {
        RecurringStrings recurring;
        const auto read = [&](const QString &client, const QString &site) {
            const QString frame
                = uR"({"type": "alert_new", "alert_id": 1, "client_id": "%1", "location": "%2",)"
                  uR"( "alert_type": "LINK_DOWN", "message": "m"})"_s.arg(client, site);
            const std::optional<Alert> alert = readPlainAlertNew(frame, m_now, &recurring);
            if (!alert)
                qFatal("not read as a plain alert_new");
            return *alert;
        };
        const Alert first = read(u"acme"_s, u"fra-1"_s);
        const Alert again = read(u"acme"_s, u"fra-1"_s);
        QCOMPARE(again.clientId, u"acme"_s);
        QCOMPARE(again.clientId.constData(), first.clientId.constData()); // one copy for both rows
        QCOMPARE(again.location.constData(), first.location.constData());
        QCOMPARE(again.type.constData(), first.type.constData());
        QVERIFY(again.message.constData() != first.message.constData()); // messages are not shared
        // Same length, same first and last character: the same slot, and still each its own value.
        const Alert other = read(u"axle"_s, u"fra-2"_s);
        QCOMPARE(other.clientId, u"axle"_s);
        QCOMPARE(other.location, u"fra-2"_s);
        QCOMPARE(read(u"acme"_s, u"fra-1"_s).clientId, u"acme"_s);
        QCOMPARE(first.clientId, u"acme"_s); // a row keeps its value when the slot is taken over
        QCOMPARE(read(u""_s, u""_s).clientId, QString());
    }

    void unknownSeverityStaysUnknown()
    {
        QCOMPARE(expect<AlertEvent>(R"({"type": "alert_new", "alert_id": 1, "severity": "SEVERE"})")
                     .alert.severity,
                 Severity::Unknown);
    }

    void criticalAlert()
    {
        const Alert a
            = expect<AlertEvent>(R"({"type": "critical_alert", "source_id": "dev-9", "alert_type": )"
                                 R"("POWER", "message": "PSU 2 failed", "location": "DC2 rack 4", )"
                                 R"("timestamp": "2026-11-21T11:00:00Z", "priority": "P1"})")
                  .alert;
        QCOMPARE(a.kind, AlertKind::CriticalAlert);
        QCOMPARE(a.id, u"dev-9"_s);
        QCOMPARE(a.severity, Severity::Critical); // no severity field: the type says it
        QCOMPARE(a.location, u"DC2 rack 4"_s);
        QVERIFY(a.detail.contains(u"P1"_s));
    }

    void findingAnomalyTicket()
    {
        const Alert finding
            = expect<AlertEvent>(
                  R"({"type": "finding_created", "finding_id": 5, "finding_type": "OPEN_PORT", )"
                  R"("severity": "MEDIUM", "category": "security", "site_id": 3, "site_name": )"
                  R"("Berlin", "title": "Telnet open", "evidence_summary": "port 23", )"
                  R"("detected_at": "2026-11-21T10:00:00Z"})")
                  .alert;
        QCOMPARE(finding.kind, AlertKind::Finding);
        QCOMPARE(finding.location, u"Berlin"_s);
        QVERIFY(finding.message.contains(u"Telnet open"_s));
        QVERIFY(finding.message.contains(u"port 23"_s));

        const Alert anomaly
            = expect<AlertEvent>(
                  R"({"type": "anomaly_detected", "anomaly_id": 9, "person_id": 4, "person_name": )"
                  R"("J. Doe", "site_id": 1, "site_name": "Oslo", "anomaly_type": "BADGE", )"
                  R"("fraud_score": 0.93, "severity": "HIGH", "timestamp": "2026-11-21T10:00:00Z"})")
                  .alert;
        QCOMPARE(anomaly.kind, AlertKind::Anomaly);
        QCOMPARE(anomaly.severity, Severity::High);
        QVERIFY(anomaly.message.contains(u"0.93"_s));

        const Alert ticket
            = expect<AlertEvent>(R"({"type": "ticket_updated", "ticket_id": 77, "ticket_no": "T-77", )"
                                 R"("old_status": "OPEN", "new_status": "ASSIGNED", "priority": "HIGH", )"
                                 R"("assigned_to": "kim", "site_name": "Oslo", "description": "fan noise", )"
                                 R"("updated_at": "2026-11-21T10:00:00Z"})")
                  .alert;
        QCOMPARE(ticket.kind, AlertKind::Ticket);
        QCOMPARE(ticket.key(), u"ticket:77"_s);
        QCOMPARE(ticket.severity, Severity::High);
        QCOMPARE(ticket.type, u"TICKET_ASSIGNED"_s);
        QVERIFY(ticket.detail.contains(u"kim"_s));
    }

    void controlFrames()
    {
        QCOMPARE(expect<ConnectedEvent>(
                     R"({"type": "connected", "tenant_id": 3, "timestamp": "2026-11-21T10:00:00Z"})")
                     .tenantId,
                 u"3"_s);
        const auto established = expect<ConnectionEstablishedEvent>(
            R"({"type": "connection_established", "timestamp": "x", "heartbeat_interval": 10, "presence_timeout": 60})");
        QCOMPARE(established.heartbeatIntervalSeconds, 10);
        QCOMPARE(established.presenceTimeoutSeconds, 60);
        const auto defaults = expect<ConnectionEstablishedEvent>(
            R"({"type": "connection_established", "heartbeat_interval": 0, "presence_timeout": null})");
        QCOMPARE(defaults.heartbeatIntervalSeconds, 30);
        QCOMPARE(defaults.presenceTimeoutSeconds, 300);

        const auto presenceAck = expect<HeartbeatAckEvent>(
            R"({"type": "heartbeat_ack", "server_time": "2026-11-21T10:00:00Z", "latency_ms": 12.5, "uptime_seconds": 40})");
        QCOMPARE(presenceAck.latencyMs.value_or(-1), 12.5);
        QCOMPARE(presenceAck.uptimeSeconds.value_or(-1), 40);
        const auto nullLatency
            = expect<HeartbeatAckEvent>(R"({"type": "heartbeat_ack", "latency_ms": null})");
        QVERIFY(!nullLatency.latencyMs);
        QCOMPARE(expect<HeartbeatAckEvent>(R"({"type": "heartbeat_ack", "timestamp": "T1"})").echoedTimestamp,
                 u"T1"_s);

        QCOMPARE(expect<SubscribedEvent>(R"({"type": "subscribed", "client_id": "acme", "message": "ok"})")
                     .clientId,
                 u"acme"_s);
        QCOMPARE(expect<AlertAcknowledgedEvent>(R"({"type": "alert_acknowledged", "alert_id": 5})").alertId,
                 u"5"_s);
        QCOMPARE(expect<ServerErrorEvent>(R"({"type": "error", "message": "Rate limit exceeded"})").message,
                 u"Rate limit exceeded"_s);
        const auto metrics = expect<MetricsUpdateEvent>(
            R"({"type": "metrics_update", "client_id": "a", "metrics": {"open": 3}})");
        QCOMPARE(metrics.metrics.value(u"open"_s).toInt(), 3);
        QVERIFY(expect<MetricsUpdateEvent>(R"({"type": "metrics_update", "metrics": []})").metrics.isEmpty());
        QVERIFY(is<PongEvent>(R"({"type": "pong", "timestamp": "2026-11-21T10:00:00Z"})"));
        const auto stats = expect<StatsEvent>(
            R"({"type": "stats", "uptime_seconds": 5, "message_count": 9, "last_heartbeat_ago": 1.5, "user_type": "staff"})");
        QCOMPARE(stats.messageCount.value_or(-1), 9);
        QCOMPARE(stats.userType, u"staff"_s);
        QVERIFY(is<ServerHeartbeatEvent>(R"({"type": "heartbeat", "server_time": "2026-11-21T10:00:00Z"})"));
    }

    void serverErrorsAreClassified_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<ServerErrorKind>("kind");
        QTest::addColumn<ServerErrorTopic>("topic");
        QTest::newRow("rate") << u"Rate limit exceeded"_s << ServerErrorKind::RateLimited
                              << ServerErrorTopic::None;
        QTest::newRow("ack permission") << u"Cannot acknowledge alerts"_s << ServerErrorKind::PermissionDenied
                                        << ServerErrorTopic::Acknowledgement;
        QTest::newRow("ack failed") << u"Failed to acknowledge: Alert matching query does not exist."_s
                                    << ServerErrorKind::AcknowledgeFailed
                                    << ServerErrorTopic::Acknowledgement;
        QTest::newRow("alert id") << u"alert_id required"_s << ServerErrorKind::MissingField
                                  << ServerErrorTopic::Acknowledgement;
        QTest::newRow("subscribe permission")
            << u"Insufficient permissions"_s << ServerErrorKind::PermissionDenied
            << ServerErrorTopic::Subscription;
        QTest::newRow("client id") << u"client_id required"_s << ServerErrorKind::MissingField
                                   << ServerErrorTopic::Subscription;
        QTest::newRow("unknown type") << u"Unknown message type: bogus"_s
                                      << ServerErrorKind::UnknownMessageType << ServerErrorTopic::None;
        QTest::newRow("json") << u"Invalid JSON data"_s << ServerErrorKind::InvalidJson
                              << ServerErrorTopic::None;
        QTest::newRow("invalid") << u"Invalid message: expected object"_s << ServerErrorKind::InvalidMessage
                                 << ServerErrorTopic::None;
        QTest::newRow("case and space")
            << u"  rate LIMIT exceeded"_s << ServerErrorKind::RateLimited << ServerErrorTopic::None;
        QTest::newRow("other") << u"Something else broke"_s << ServerErrorKind::Other
                               << ServerErrorTopic::None;
        QTest::newRow("empty") << QString() << ServerErrorKind::Other << ServerErrorTopic::None;
    }

    void serverErrorsAreClassified()
    {
        QFETCH(QString, message);
        QFETCH(ServerErrorKind, kind);
        QFETCH(ServerErrorTopic, topic);
        const QByteArray frame
            = QJsonDocument(QJsonObject { { u"type"_s, u"error"_s }, { u"message"_s, message } })
                  .toJson(QJsonDocument::Compact);
        const auto event = expect<ServerErrorEvent>(frame.constData());
        QCOMPARE(event.message, message);
        QCOMPARE(event.kind, kind);
        QCOMPARE(event.topic, topic);
    }

    void userStatusShapes()
    {
        const auto status = expect<UserStatusEvent>(
            R"({"type": "user_status_update", "user_id": 4, "status": {"state": "busy", "username": "kim", "last_seen": "2026-11-21T10:00:00Z"}})");
        QCOMPARE(status.userId, u"4"_s);
        QCOMPARE(status.state, u"busy"_s);
        QCOMPARE(status.username, u"kim"_s);
        QVERIFY(status.lastSeen.isValid());
        QCOMPARE(
            expect<UserStatusEvent>(R"({"type": "user_status_update", "user_id": 4, "status": "online"})")
                .state,
            u"online"_s);
        QVERIFY(is<MalformedFrame>(R"({"type": "user_status_update", "status": {}})"));
    }

    void unknownAlertLikeTypeBecomesARowWithItsRawJson()
    {
        const Alert a
            = expect<AlertEvent>(R"({"type": "incident_opened", "incident_id": 77, "severity": "HIGH", )"
                                 R"("title": "Fibre cut", "site_name": "Oslo", "extra": [1, 2]})")
                  .alert;
        QCOMPARE(a.kind, AlertKind::Other);
        QCOMPARE(a.id, u"77"_s);
        QCOMPARE(a.type, u"INCIDENT_OPENED"_s);
        QCOMPARE(a.severity, Severity::High);
        QCOMPARE(a.message, u"Fibre cut"_s);
        QCOMPARE(a.location, u"Oslo"_s);
        QVERIFY(a.rawJson.contains(u"[1, 2]"_s));
        QCOMPARE(a.key(), u"event:77"_s);
    }

    void alertKeysReadBackIntoIdentities()
    {
        // The "kind:id" text views and QML hold maps back to the identity the models hash; ids may
        // contain colons of their own.
        for (AlertKind kind : { AlertKind::Alert, AlertKind::CriticalAlert, AlertKind::Finding,
                                AlertKind::Anomaly, AlertKind::Ticket, AlertKind::Other }) {
            const AlertIdentity identity { kind, u"a:7"_s };
            QCOMPARE(AlertIdentity::parse(identity.toString()), identity);
        }
        QVERIFY(!AlertIdentity::parse(u"alert"_s));
        QVERIFY(!AlertIdentity::parse(u":7"_s));
        QVERIFY(!AlertIdentity::parse(u"gadget:7"_s));
        QVERIFY(AlertIdentity({ AlertKind::Alert, u"7"_s }) != AlertIdentity({ AlertKind::Ticket, u"7"_s }));
        QVERIFY(qHash(AlertIdentity { AlertKind::Alert, u"7"_s })
                != qHash(AlertIdentity { AlertKind::Ticket, u"7"_s }));
    }

    void unknownTypeIsKeptNotFatal()
    {
        const auto unknown = expect<UnknownEvent>(R"({"type": "sync_batch", "items": [1, 2]})");
        QCOMPARE(unknown.type, u"sync_batch"_s);
        QVERIFY(unknown.rawJson.contains(u"items"_s));
    }

    void badInputNeverThrows_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("garbage") << QByteArray("{not json");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("number") << QByteArray("5");
        QTest::newRow("string") << QByteArray("\"alert_new\"");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no type") << QByteArray(R"({"alert_id": 1})");
        QTest::newRow("type not a string") << QByteArray(R"({"type": {"a": 1}})");
        QTest::newRow("invalid utf8") << QByteArray("{\"type\": \"\xff\xfe\"}");
        QTest::newRow("huge") << QByteArray(FrameDecoder::kMaxFrameBytes + 1, ' ');
    }

    void badInputNeverThrows()
    {
        QFETCH(QByteArray, frame);
        const ServerEvent event = FrameDecoder::decode(frame, m_now);
        QVERIFY(std::holds_alternative<MalformedFrame>(event) || std::holds_alternative<UnknownEvent>(event));
    }

    void hugeIdsAndOddNumbersStayExact()
    {
        QCOMPARE(expect<AlertEvent>(R"({"type": "alert_new", "alert_id": 9007199254740991})").alert.id,
                 u"9007199254740991"_s);
        QVERIFY(!expect<AlertEvent>(R"({"type": "alert_new", "alert_id": 1.5})").alert.id.isEmpty());
        QVERIFY(is<MalformedFrame>(R"({"type": "alert_new", "alert_id": true})"));
    }
};

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
