// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>

namespace noc::sim {

// Which REST login generation the simulated server speaks; the other one's paths answer 404.
enum class AuthGenerations
{
    TokenEndpoints,
    V2,
    Both
};

struct SimUser
{
    int id = 0;
    QString username;
    QString password;
    bool canView = true;
    bool canAcknowledge = true; // noc:acknowledge and noc:ack_alerts
    bool canEscalate = false; // noc:escalate
    QStringList visibleClients; // empty = all clients
    bool disabled = false;
    QString displayName; // what the alert records name (acknowledged_by_name, ...); empty = username

    [[nodiscard]] QString name() const { return displayName.isEmpty() ? username : displayName; }
};

struct TrafficOptions
{
    double alertsPerSecond = 0;
    int burstSize = 0;
    int burstIntervalMs = 0;
    double tenantEventsPerMinute = 0;
    double presenceUpdatesPerMinute = 0;
    quint32 seed = 1;
    // "Colleagues" (users other than the first) act on a random open alert through the REST alert API
    // every min..max ms while the traffic runs; 0 = never.
    int colleagueMinIntervalMs = 0;
    int colleagueMaxIntervalMs = 0;
};

// The REST alert API (PROTOCOL.md section 6) and its quirks. The defaults are what the servers in
// production do today ("current servers"); SimulatorOptions::demo() turns every quirk into the working
// behaviour a future server is expected to have.
struct AlertApiOptions
{
    enum class List
    {
        Working,
        Refused, // list and detail answer 403 "Authentication required" to every valid token
        Absent // no /api/noc/ routes at all: 404
    };
    List list = List::Refused;
    // true: every successful action closes every dashboard socket of the tenant with 1011;
    // false: it delivers {"type":"alert_updated",...} to them instead.
    bool alertUpdatedCloses = true;
    bool escalateBroken = true; // 500 to every escalation that is not refused earlier; nothing changes
    int rateLimitPerHour = 600; // per user, the whole alert API; 0 = off
    int anonymousRateLimitPerHour = 60; // per client address
    int rateLimitWindowSeconds = 3600; // an hour like the real server; shorter in tests
    // Open alerts (plus a few resolved ones) in the store at start, not pushed to anyone.
    int seededAlerts = 0;

    [[nodiscard]] static QString listName(List list);
    [[nodiscard]] static std::optional<List> listFromName(const QString &name);
};

struct SimulatorOptions
{
    AuthGenerations auth = AuthGenerations::Both;
    QByteArray jwtSecret = "noc-sim-secret";
    int accessTtlSeconds = 3600;
    int refreshTtlSeconds = 7 * 24 * 3600;
    int loginThrottlePerHour = 60; // login+refresh+verify per client address
    // The throttle's window; an hour like the real server, shorter in tests that want to see it reopen.
    int loginThrottleWindowSeconds = 3600;
    // Extra "scheme://host[:port]" ("*" allows any); the server's own http://127.0.0.1:<port> and
    // http://localhost:<port> (https:// with TLS) are always allowed.
    QStringList allowedOrigins;
    int maxSocketsPerAddress = 5;
    int rateLimitFrames = 100; // dashboard, per user across sockets
    int rateLimitWindowSeconds = 60;
    int heartbeatIntervalSeconds = 30;
    int presenceTimeoutSeconds = 300;
    int maxSocketAgeSeconds = 24 * 3600; // then close 1000
    // Transport keep-alive (daphne/autobahn): a protocol ping after this many seconds without inbound frames,
    // the TCP connection dropped when no pong follows within pingTimeoutSeconds. 0 = off.
    int pingIntervalSeconds = 20;
    int pingTimeoutSeconds = 30;
    // Omit every field PROTOCOL.md does not document (alert_new's client_id/timestamp, extra user fields...).
    bool minimalFields = false;
    int tenantId = 1;
    QList<SimUser> users; // defaults when empty
    QStringList clients; // defaults when empty
    TrafficOptions traffic; // default: no automatic traffic
    AlertApiOptions alertApi; // default: as current servers answer
    // TLS: with a certificate and its key, REST and WebSockets are https/wss on the same port (production
    // is nginx with TLS in front); the own Origins become https://127.0.0.1:<port> and
    // https://localhost:<port>.
    QSslCertificate tlsCertificate = QSslCertificate(); // spelled out: its default constructor is explicit
    QList<QSslCertificate> tlsChain; // intermediates sent after the certificate; usually empty
    QSslKey tlsKey;

    [[nodiscard]] bool tlsEnabled() const { return !tlsCertificate.isNull() && !tlsKey.isNull(); }
    // Loads a PEM certificate file (leaf first, then any intermediates) and a PEM private key (RSA, EC or
    // Ed25519...). Returns an error message naming the problem, empty on success.
    [[nodiscard]] QString loadTlsFiles(const QString &certificatePath, const QString &keyPath);

    // Default users/clients, lively traffic (~3 alerts/s, a burst of 40 every 20 s, tenant events,
    // presence updates, a colleague's action every 20-40 s), 60 alerts in the store at start and the alert
    // API working: list and detail answer, alert_updated is delivered, escalate works.
    [[nodiscard]] static SimulatorOptions demo();
    [[nodiscard]] static QList<SimUser> defaultUsers();
    [[nodiscard]] static QStringList defaultClients();

    // Lookups over `users`/`clients` as they are (the Simulator fills in the defaults first).
    [[nodiscard]] const SimUser *userById(int id) const;
    [[nodiscard]] const SimUser *userByName(const QString &username) const;
    [[nodiscard]] bool canSeeClient(const SimUser &user, const QString &clientId) const;
};

} // namespace noc::sim
