// SPDX-License-Identifier: MIT
// The one place a REST alert page or record becomes typed: what the server counted silently (repeats
// folded into the record, PROTOCOL.md section 6) arrives as numbers and times, not as words.
#include "AlertApiParser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QDateTime kReadAt = QDateTime::fromString(u"2025-11-14T10:00:00Z"_s, Qt::ISODate);

QByteArray item(const char *id, const char *extra)
{
    return QByteArray(R"({"id": )") + id + R"(, "alert_type": "LINK_DOWN", "message": "uplink down",
        "client_name": "acme", "site_name": null, "severity": "HIGH", "status": "NEW",
        "first_seen": "2025-11-14T09:30:05.000000Z", "cdtz": "2025-11-14T09:30:05.000000Z")"
        + extra + "}";
}
} // namespace

class TestAlertApiParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPageReadsRepeatsAndLastSeenTyped()
    {
        const QByteArray body
            = R"({"count": 2, "next": null, "previous": null, "page_size": 25, "results": [)"
            + item("7", R"(, "suppressed_count": 38, "last_seen": "2025-11-14T09:59:48.123456Z")") + ", "
            + item("8", R"(, "suppressed_count": 0, "last_seen": "2025-11-14T09:30:05.000000Z")") + "]}";
        const auto parsed = noc::parseAlertPage(200, body, kReadAt);
        QVERIFY(std::holds_alternative<noc::AlertPage>(parsed));
        const noc::AlertPage &page = std::get<noc::AlertPage>(parsed);
        QCOMPARE(page.alerts.size(), 2);

        const noc::Alert &repeated = page.alerts.at(0);
        QCOMPARE(repeated.suppressedCount, 38);
        QCOMPARE(repeated.lastSeen, QDateTime::fromString(u"2025-11-14T09:59:48.123Z"_s, Qt::ISODateWithMs));
        // First seen stays the occurrence; the count is no longer words in the details.
        QCOMPARE(repeated.occurredAt, QDateTime::fromString(u"2025-11-14T09:30:05Z"_s, Qt::ISODate));
        QVERIFY2(repeated.detail.isEmpty(), qPrintable(repeated.detail));

        const noc::Alert &once = page.alerts.at(1);
        QCOMPARE(once.suppressedCount, 0);
        QCOMPARE(once.lastSeen, once.occurredAt);
    }

    void aRecordWithoutRepeatFieldsHasNone()
    {
        const QByteArray body
            = R"({"count": 1, "next": null, "results": [)" + item("9", R"(, "suppressed_count": -3)") + "]}";
        const auto parsed = noc::parseAlertPage(200, body, kReadAt);
        QVERIFY(std::holds_alternative<noc::AlertPage>(parsed));
        const noc::Alert &alert = std::get<noc::AlertPage>(parsed).alerts.constFirst();
        QCOMPARE(alert.suppressedCount, 0);
        QVERIFY(!alert.lastSeen.isValid());
    }

    void theDetailReadsThemToo()
    {
        const QByteArray body = R"({"status": "success", "data": )"
            + item("7", R"(, "suppressed_count": 4, "last_seen": "2025-11-14T09:45:00.000000Z",
                "acknowledged_by_name": null, "metadata": {})")
            + "}";
        const auto parsed = noc::parseAlertDetail(200, body, kReadAt);
        QVERIFY(std::holds_alternative<noc::AlertRecordDetail>(parsed));
        const noc::Alert &alert = std::get<noc::AlertRecordDetail>(parsed).alert;
        QCOMPARE(alert.suppressedCount, 4);
        QCOMPARE(alert.lastSeen, QDateTime::fromString(u"2025-11-14T09:45:00Z"_s, Qt::ISODate));
        QVERIFY(alert.detail.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlertApiParser)
#include "tst_alertapiparser.moc"
