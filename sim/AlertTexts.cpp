// SPDX-License-Identifier: MIT
#include "AlertTexts.h"

#include "IsoTime.h"

#include <QDateTime>

namespace noc::sim {

namespace {

// Some names are deliberately not ASCII: the real server sends them \u-escaped.
constexpr const char *kSiteNames[] = {
    "Frankfurt DC2", "Amsterdam AMS1", "London LD5", "Ashburn IAD3",      "Singapore SG2",
    "Paris PA3",     "Chicago CH1",    "Tokyo TY8",  "Z\xc3\xbcrich ZH4", "S\xc3\xa3o Paulo SP2",
};
constexpr const char *kDevicePrefixes[] = { "core-sw", "edge-rtr", "fw",  "dist-sw", "acc-sw", "lb",
                                            "wlc",     "srv-esx",  "san", "ups",     "pdu",    "vpn-gw" };
constexpr const char *kAlertTypes[] = {
    "DEVICE_OFFLINE", "LINK_DOWN",       "BGP_SESSION_DOWN",    "HIGH_CPU",         "HIGH_MEMORY",
    "DISK_FULL",      "PACKET_LOSS",     "HIGH_LATENCY",        "TEMPERATURE_HIGH", "POWER_SUPPLY_FAILURE",
    "FAN_FAILURE",    "CERT_EXPIRING",   "UPS_ON_BATTERY",      "INTERFACE_ERRORS", "CONFIG_CHANGED",
    "BACKUP_FAILED",  "VPN_TUNNEL_DOWN", "DHCP_POOL_EXHAUSTED",
};
constexpr const char *kPeople[] = { "Anna Schmidt",
                                    "Ravi Patel",
                                    "Chen Wei",
                                    "Maria Garc\xc3\xad"
                                    "a",
                                    "Tom O'Brien",
                                    "Aiko Tanaka",
                                    "Lars Berg",
                                    "Fatima Khan" };
constexpr const char *kFindingTypes[]
    = { "CONFIG_DRIFT",       "OPEN_PORT",           "WEAK_CIPHER",
        "UNPATCHED_FIRMWARE", "DEFAULT_CREDENTIALS", "EXPIRED_CERTIFICATE" };
constexpr const char *kAnomalyTypes[] = { "BADGE_AFTER_HOURS", "IMPOSSIBLE_TRAVEL", "UNUSUAL_LOGIN_TIME",
                                          "TAILGATING", "MULTIPLE_FAILED_LOGINS" };
constexpr const char *kTicketStatuses[] = { "OPEN", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "CLOSED" };
constexpr const char *kPriorities[] = { "P1", "P2", "P3", "P4" };
constexpr const char *kPresenceStates[] = { "online", "online", "busy", "away", "offline" };

} // namespace

template<std::size_t N> QString AlertTexts::pick(QRandomGenerator &rng, const char *const (&items)[N])
{
    return QString::fromUtf8(items[rng.bounded(int(N))]);
}

QStringList AlertTexts::severities()
{
    return { QStringLiteral("INFO"), QStringLiteral("LOW"), QStringLiteral("MEDIUM"), QStringLiteral("HIGH"),
             QStringLiteral("CRITICAL") };
}

QStringList AlertTexts::alertTypes()
{
    QStringList types;
    for (const char *type : kAlertTypes) {
        types.append(QString::fromLatin1(type));
    }
    return types;
}

QString AlertTexts::randomSeverity(QRandomGenerator &rng)
{
    const int roll = rng.bounded(100);
    if (roll < 35) {
        return QStringLiteral("INFO");
    }
    if (roll < 65) {
        return QStringLiteral("LOW");
    }
    if (roll < 85) {
        return QStringLiteral("MEDIUM");
    }
    if (roll < 96) {
        return QStringLiteral("HIGH");
    }
    return QStringLiteral("CRITICAL");
}

AlertTexts::Site AlertTexts::randomSite(QRandomGenerator &rng)
{
    const int index = rng.bounded(int(std::size(kSiteNames)));
    return { 101 + index, kSiteNames[index] };
}

QString AlertTexts::siteName(const Site &site)
{
    return QString::fromUtf8(site.name);
}

QString AlertTexts::randomDevice(QRandomGenerator &rng)
{
    return pick(rng, kDevicePrefixes)
        + QStringLiteral("-%1").arg(rng.bounded(1, 25), 2, 10, QLatin1Char('0'));
}

QString AlertTexts::messageFor(const QString &alertType, QRandomGenerator &rng, const QString &siteOrEmpty)
{
    const QString device = randomDevice(rng);
    const QString site = siteOrEmpty.isEmpty() ? siteName(randomSite(rng)) : siteOrEmpty;
    const auto percent = [&rng](int low, int high) { return QString::number(rng.bounded(low, high)); };
    const QString type = alertType.toUpper();
    if (type == QLatin1String("DEVICE_OFFLINE")) {
        return QStringLiteral("%1 unreachable from %2").arg(device, site);
    }
    if (type == QLatin1String("LINK_DOWN")) {
        return QStringLiteral("%1 xe-0/0/%2 down (uplink to %3, %4)")
            .arg(device, QString::number(rng.bounded(48)), randomDevice(rng), site);
    }
    if (type == QLatin1String("BGP_SESSION_DOWN")) {
        return QStringLiteral("BGP session %1 -> AS%2 (198.51.100.%3) down at %4")
            .arg(device, QString::number(rng.bounded(64512, 65535)), QString::number(rng.bounded(1, 255)),
                 site);
    }
    if (type == QLatin1String("HIGH_CPU")) {
        return QStringLiteral("CPU at %1% on %2 (%3) for 5 min").arg(percent(85, 100), device, site);
    }
    if (type == QLatin1String("HIGH_MEMORY")) {
        return QStringLiteral("Memory at %1% on %2 (%3)").arg(percent(90, 100), device, site);
    }
    if (type == QLatin1String("DISK_FULL")) {
        return QStringLiteral("/var at %1% on %2 (%3)").arg(percent(92, 101), device, site);
    }
    if (type == QLatin1String("PACKET_LOSS")) {
        return QStringLiteral("%1% packet loss between %2 and %3 (%4)")
            .arg(percent(2, 40), device, randomDevice(rng), site);
    }
    if (type == QLatin1String("HIGH_LATENCY")) {
        return QStringLiteral("RTT %1 ms from %2 to %3").arg(percent(150, 900), site, device);
    }
    if (type == QLatin1String("TEMPERATURE_HIGH")) {
        return QStringLiteral("Inlet temperature %1\u00b0C on %2, rack R%3, %4")
            .arg(percent(38, 55), device, QString::number(rng.bounded(1, 40)), site);
    }
    if (type == QLatin1String("POWER_SUPPLY_FAILURE")) {
        return QStringLiteral("PSU %1 failed on %2 (%3), running on redundant supply")
            .arg(QString::number(rng.bounded(1, 3)), device, site);
    }
    if (type == QLatin1String("FAN_FAILURE")) {
        return QStringLiteral("Fan tray %1 failed on %2 (%3)")
            .arg(QString::number(rng.bounded(1, 5)), device, site);
    }
    if (type == QLatin1String("CERT_EXPIRING")) {
        return QStringLiteral("TLS certificate for portal.%1.example expires in %2 days")
            .arg(device, QString::number(rng.bounded(1, 30)));
    }
    if (type == QLatin1String("UPS_ON_BATTERY")) {
        return QStringLiteral("ups-%1 on battery, %2 min runtime left (%3)")
            .arg(QString::number(rng.bounded(1, 9)), percent(5, 45), site);
    }
    if (type == QLatin1String("INTERFACE_ERRORS")) {
        return QStringLiteral("CRC errors rising on %1 Gi1/0/%2 (%3)").arg(device, percent(1, 48), site);
    }
    if (type == QLatin1String("CONFIG_CHANGED")) {
        return QStringLiteral("Running config of %1 changed outside a change window (%2)").arg(device, site);
    }
    if (type == QLatin1String("BACKUP_FAILED")) {
        return QStringLiteral("Nightly config backup of %1 failed: \"timeout\" (%2)").arg(device, site);
    }
    if (type == QLatin1String("VPN_TUNNEL_DOWN")) {
        return QStringLiteral("IPsec tunnel %1 <-> %2 down").arg(site, siteName(randomSite(rng)));
    }
    if (type == QLatin1String("DHCP_POOL_EXHAUSTED")) {
        return QStringLiteral("DHCP pool VLAN %1 at %2 exhausted (%3/254 leases)")
            .arg(percent(100, 400), site, percent(250, 255));
    }
    return QStringLiteral("%1 on %2 (%3)").arg(alertType, device, site);
}

AlertTexts::Alert AlertTexts::randomAlert(QRandomGenerator &rng)
{
    Alert alert;
    alert.severity = randomSeverity(rng);
    alert.alertType = pick(rng, kAlertTypes);
    alert.site = siteName(randomSite(rng));
    alert.message = messageFor(alert.alertType, rng, alert.site);
    return alert;
}

QJsonObject AlertTexts::criticalAlert(QRandomGenerator &rng, qint64 sourceId, const QString &siteOrEmpty)
{
    const QString site = siteOrEmpty.isEmpty() ? siteName(randomSite(rng)) : siteOrEmpty;
    static const char *const types[]
        = { "DEVICE_OFFLINE", "BGP_SESSION_DOWN", "POWER_SUPPLY_FAILURE", "UPS_ON_BATTERY", "LINK_DOWN" };
    const QString type = pick(rng, types);
    return { { QStringLiteral("source_id"), sourceId },
             { QStringLiteral("alert_type"), type },
             { QStringLiteral("severity"), QStringLiteral("CRITICAL") },
             { QStringLiteral("message"), messageFor(type, rng, site) },
             { QStringLiteral("location"), site },
             { QStringLiteral("timestamp"), IsoTime::now() },
             { QStringLiteral("priority"),
               rng.bounded(3) == 0 ? QStringLiteral("P2") : QStringLiteral("P1") } };
}

QJsonObject AlertTexts::finding(QRandomGenerator &rng, qint64 findingId)
{
    const Site site = randomSite(rng);
    const QString type = pick(rng, kFindingTypes);
    const QString device = randomDevice(rng);
    static const char *const categories[] = { "security", "compliance", "availability" };
    return { { QStringLiteral("finding_id"), findingId },
             { QStringLiteral("finding_type"), type },
             { QStringLiteral("severity"), randomSeverity(rng) },
             { QStringLiteral("category"), pick(rng, categories) },
             { QStringLiteral("site_id"), site.id },
             { QStringLiteral("site_name"), siteName(site) },
             { QStringLiteral("title"),
               QStringLiteral("%1 on %2")
                   .arg(QString(type).replace(QLatin1Char('_'), QLatin1Char(' ')).toLower(), device) },
             { QStringLiteral("evidence_summary"),
               QStringLiteral("Scanner saw %1 on %2:%3 during the nightly sweep")
                   .arg(type, device, QString::number(rng.bounded(20, 9000))) },
             { QStringLiteral("detected_at"), IsoTime::now() } };
}

QJsonObject AlertTexts::anomaly(QRandomGenerator &rng, qint64 anomalyId)
{
    const Site site = randomSite(rng);
    const int person = rng.bounded(int(std::size(kPeople)));
    const double score = double(rng.bounded(300, 1000)) / 1000.0;
    return { { QStringLiteral("anomaly_id"), anomalyId },
             { QStringLiteral("person_id"), 5000 + person },
             { QStringLiteral("person_name"), QString::fromUtf8(kPeople[person]) },
             { QStringLiteral("site_id"), site.id },
             { QStringLiteral("site_name"), siteName(site) },
             { QStringLiteral("anomaly_type"), pick(rng, kAnomalyTypes) },
             { QStringLiteral("fraud_score"), score },
             { QStringLiteral("severity"),
               score > 0.85 ? QStringLiteral("HIGH")
                            : (score > 0.6 ? QStringLiteral("MEDIUM") : QStringLiteral("LOW")) },
             { QStringLiteral("timestamp"), IsoTime::now() } };
}

QJsonObject AlertTexts::ticketUpdate(QRandomGenerator &rng, qint64 ticketId)
{
    const Site site = randomSite(rng);
    const int from = rng.bounded(int(std::size(kTicketStatuses)) - 1);
    const bool assigned = rng.bounded(4) != 0;
    return { { QStringLiteral("ticket_id"), ticketId },
             { QStringLiteral("ticket_no"),
               QStringLiteral("INC-%1-%2")
                   .arg(QDate::currentDate().year())
                   .arg(ticketId, 5, 10, QLatin1Char('0')) },
             { QStringLiteral("old_status"), QString::fromLatin1(kTicketStatuses[from]) },
             { QStringLiteral("new_status"), QString::fromLatin1(kTicketStatuses[from + 1]) },
             { QStringLiteral("priority"), pick(rng, kPriorities) },
             { QStringLiteral("assigned_to"),
               assigned ? QJsonValue(pick(rng, kPeople)) : QJsonValue(QJsonValue::Null) },
             { QStringLiteral("site_id"), site.id },
             { QStringLiteral("site_name"), siteName(site) },
             { QStringLiteral("description"), messageFor(pick(rng, kAlertTypes), rng) },
             { QStringLiteral("updated_at"), IsoTime::now() } };
}

QString AlertTexts::randomPresenceState(QRandomGenerator &rng)
{
    return pick(rng, kPresenceStates);
}

QJsonObject AlertTexts::userStatus(QRandomGenerator &rng, const SimUser &user, const QString &state,
                                   bool minimal)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime lastSeen = state == QLatin1String("offline") ? now.addSecs(-rng.bounded(60, 7200)) : now;
    QJsonObject status { { QStringLiteral("state"), state },
                         { QStringLiteral("last_seen"), IsoTime::format(lastSeen) },
                         { QStringLiteral("username"), user.username } };
    if (!minimal) {
        status.insert(QStringLiteral("user_id"), user.id);
        status.insert(QStringLiteral("is_online"), state != QLatin1String("offline"));
        status.insert(QStringLiteral("is_busy"), state == QLatin1String("busy"));
        status.insert(QStringLiteral("busy_until"),
                      state == QLatin1String("busy") ? QJsonValue(IsoTime::format(now.addSecs(1800)))
                                                     : QJsonValue(QJsonValue::Null));
        status.insert(QStringLiteral("is_available"), state == QLatin1String("online"));
    }
    return { { QStringLiteral("user_id"), user.id }, { QStringLiteral("status"), status } };
}

} // namespace noc::sim
