// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

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
    bool canAcknowledge = true;
    QStringList visibleClients; // empty = all clients
    bool disabled = false;
};

struct TrafficOptions
{
    double alertsPerSecond = 0;
    int burstSize = 0;
    int burstIntervalMs = 0;
    double tenantEventsPerMinute = 0;
    double presenceUpdatesPerMinute = 0;
    quint32 seed = 1;
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

    // Default users/clients and lively traffic (~3 alerts/s, a burst of 40 every 20 s, tenant events,
    // presence updates).
    [[nodiscard]] static SimulatorOptions demo();
    [[nodiscard]] static QList<SimUser> defaultUsers();
    [[nodiscard]] static QStringList defaultClients();

    // Lookups over `users`/`clients` as they are (the Simulator fills in the defaults first).
    [[nodiscard]] const SimUser *userById(int id) const;
    [[nodiscard]] const SimUser *userByName(const QString &username) const;
    [[nodiscard]] bool canSeeClient(const SimUser &user, const QString &clientId) const;
};

} // namespace noc::sim
