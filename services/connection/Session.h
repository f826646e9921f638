// SPDX-License-Identifier: MIT
#pragma once

#include "ClientSettings.h"
#include "ConnectionDriver.h"
#include "FeedGaps.h"
#include "SessionAccess.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace noc {

class AuthClient;
class Clock;
class CredentialStore;
class NetworkWatcher;
class ServerFailover;
class SessionKeychain;
class SessionRecovery;
class SessionTokens;
class WebSocketChannel;
struct ChannelClose;

// One session with one NOC deployment: who signs in and what proves it (SessionTokens, the keychain),
// which server (ServerFailover), and the reconnection policy that keeps it live (ConnectionDriver),
// with the feed gaps it leaves. The sockets stay outside: it opens and closes them through Channels,
// and hears from them through live() and dashboardClosed().
class Session : public QObject
{
    Q_OBJECT

public:
    using State = ConnectionStateMachine::State;

    struct Channels
    {
        std::function<void()> open;
        std::function<void()> close;
        const WebSocketChannel *dashboard = nullptr; // when it last heard a frame: where a gap begins
    };

    Session(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~Session() override;

    void setChannels(Channels channels) { m_channels = std::move(channels); }
    // Servers, auth generation, Origin, backoff and wall mode; TLS as the session's sockets use it.
    void configure(const ClientSettings &settings, const QSslConfiguration &ssl);
    void setRememberPassword(bool remember) { m_rememberPassword = remember; }
    // Not owned; by default the session's own store on the "nocdash" keychain service. Null: nothing kept.
    void setCredentialStore(CredentialStore *store);
    // New credentials: no automatic retry until they have worked once.
    void setCredentials(const QString &username, const QString &password);
    // A refresh token from a session that worked: failures from here on are outages.
    void restore(const QString &username, const QString &refreshToken);

    // Connects with what it has: a password, else the keychain; else it asks for credentials.
    void start();
    // Ends the session (the keychain keeps it). False when there was none to end.
    bool stop();
    void retryNow();
    // After stop(): revokes the refresh token where the server can and forgets the keychain entries.
    void signOut();

    // The dashboard said "connected".
    void live();
    // The server ended the dashboard socket (an expected 1011 included: ConnectionDriver).
    void dashboardClosed(const ChannelClose &close, bool expected);
    // A request of the session's was refused for its access token (401): renew it while live.
    void renewTokenInBackground();

    [[nodiscard]] const ConnectionDriver &driver() const { return *m_driver; }
    // The place for parts that cause closes of their own (ConnectionDriver::expectTenantClose).
    [[nodiscard]] ConnectionDriver &driver() { return *m_driver; }
    [[nodiscard]] const SessionTokens &tokens() const { return *m_tokens; }
    [[nodiscard]] ServerFailover &failover() const { return *m_failover; }
    [[nodiscard]] const FeedGaps &gaps() const { return m_gaps; }
    [[nodiscard]] QString username() const;
    [[nodiscard]] QString keychainMessage() const;
    [[nodiscard]] SessionAccess access() const;
    [[nodiscard]] bool isLive() const { return m_driver->isConnected(); }
    // A wall the server signed out (or that never had a session) watches the keychain for a new one.
    [[nodiscard]] SessionRecovery &recovery() const { return *m_recovery; }

Q_SIGNALS:
    // State, status message, retry time or whether credentials are needed changed.
    void stateChanged();
    void feedGapChanged();
    // The user or the server in use changed.
    void profileChanged();
    // Another server is in use: what was read from the old one means nothing there.
    void serverChanged();
    void keychainMessageChanged();
    void credentialsSaved(bool ok);
    void signedOut();
    // A sign-in or a token renewal gave the session new tokens.
    void tokensRenewed();

private:
    void onStateChanged(State from, State to);
    void onServerChanged();
    void startFromKeychain();
    void updateRecovery();
    void resumeProvisioned(const QString &refreshToken, const QString &password);
    void storeCredentials();
    [[nodiscard]] QUrl keychainServer() const;

    const Clock *m_clock;
    AuthClient *m_auth;
    SessionTokens *m_tokens;
    ServerFailover *m_failover;
    ConnectionDriver *m_driver;
    SessionKeychain *m_keychain;
    SessionRecovery *m_recovery;
    NetworkWatcher *m_networkWatcher = nullptr;
    Channels m_channels;
    FeedGaps m_gaps;
    QSslConfiguration m_ssl;
    bool m_insecureTls = false;
    bool m_rememberPassword = false;
    bool m_hasServer = false;
    bool m_wallMode = false;
    int m_signOutSteps = 0;
};

} // namespace noc
