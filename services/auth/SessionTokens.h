// SPDX-License-Identifier: MIT
#pragma once

#include "AuthResult.h"
#include "ConnectionStateMachine.h"
#include "ServerProfile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace noc {

class AuthClient;
class Clock;
class Timer;

// Who the session is and what proves it: the username, the password (only while the session may sign
// in with it), and the tokens. Signs in and renews through AuthClient, always keeps the newest refresh
// token (the old one is dead once used), renews ahead of expiry, and says each outcome as the
// reconnection state machine's event.
class SessionTokens : public QObject
{
    Q_OBJECT

public:
    using Event = ConnectionStateMachine::Event;

    SessionTokens(AuthClient *auth, const Clock *clock, QObject *parent = nullptr);
    ~SessionTokens() override;

    [[nodiscard]] QString username() const { return m_username; }
    [[nodiscard]] QString password() const { return m_password; }
    [[nodiscard]] const AuthTokens &tokens() const { return m_tokens; }
    [[nodiscard]] bool hasPassword() const { return !m_password.isEmpty(); }
    [[nodiscard]] bool hasRefreshToken() const { return !m_tokens.refresh.isEmpty(); }
    // The access token is valid for a while yet (an opaque one until the server says otherwise).
    [[nodiscard]] bool isFresh() const;
    [[nodiscard]] bool isBusy() const;
    // What the server refused last (a refresh token is forgotten once refused): the same ones found in
    // the keychain again are no new session (SessionRecovery).
    [[nodiscard]] QString refusedRefreshToken() const { return m_refusedRefresh; }
    [[nodiscard]] QString refusedPassword() const { return m_refusedPassword; }

    // Another user forgets the tokens of the previous one.
    void setCredentials(const QString &username, const QString &password);
    // A refresh token that worked before; another user forgets the previous one's password.
    void restore(const QString &username, const QString &refreshToken);
    void setUsername(const QString &username) { m_username = username; }
    void setPassword(const QString &password) { m_password = password; }
    // Another server: its access token would mean nothing there.
    void dropAccessToken() { m_tokens.access.clear(); }
    // Signed out: nothing to sign in with any more.
    void forget();

    void login(const ServerProfile &profile);
    // background: the live socket does not depend on it; a failure waits for the next reconnect.
    void refresh(const ServerProfile &profile, bool background);
    // Best effort: revokes the refresh token where the server can; done() either way.
    void logout(const AuthTokens &tokens, std::function<void()> done);
    // The session ends: no request in flight, no renewal ahead.
    void cancel();

Q_SIGNALS:
    // A sign-in or foreground renewal ended; serverWaitMs: a 429's Retry-After.
    void finished(noc::ConnectionStateMachine::Event event, const QString &message, qint64 serverWaitMs);
    // New tokens (sign-in or renewal): the keychain must hold the new refresh token.
    void renewed();
    // The access token expires soon: renew it in the background if the session is live.
    void renewalDue();

private:
    void onLoginFinished(const AuthResult &result);
    void onRefreshFinished(const AuthResult &result);
    void adopt(const AuthTokens &tokens);
    void scheduleRefreshAhead();

    AuthClient *m_auth;
    const Clock *m_clock;
    QString m_username;
    QString m_password;
    AuthTokens m_tokens;
    QString m_refusedRefresh;
    QString m_refusedPassword;
    bool m_backgroundRefresh = false;
    std::unique_ptr<Timer> m_refreshAheadTimer;
};

} // namespace noc
