// SPDX-License-Identifier: MIT
#include "SessionTokens.h"

#include "AuthClient.h"
#include "Clock.h"
#include "LoggingCategories.h"
#include "RetryAfter.h"

#include <QCoreApplication>

#include <utility>

namespace noc {

namespace {
constexpr qint64 kRefreshAheadMs = 120 * 1000;
constexpr qint64 kTokenFreshMarginMs = 60 * 1000;

qint64 serverWaitMs(const AuthFailure &failure)
{
    return qint64(failure.retryAfterSeconds.value_or(kDefaultRetryAfterSeconds)) * 1000;
}
} // namespace

SessionTokens::SessionTokens(AuthClient *auth, const Clock *clock, QObject *parent)
    : QObject(parent), m_auth(auth), m_clock(clock), m_refreshAheadTimer(clock->createTimer())
{
    connect(m_auth, &AuthClient::loginFinished, this, &SessionTokens::onLoginFinished);
    connect(m_auth, &AuthClient::refreshFinished, this, &SessionTokens::onRefreshFinished);
    m_refreshAheadTimer->onTimeout = [this] { Q_EMIT renewalDue(); };
}

SessionTokens::~SessionTokens() = default;

bool SessionTokens::isFresh() const
{
    if (m_tokens.access.isEmpty())
        return false;
    if (!m_tokens.accessExpiresAt.isValid())
        return true; // an opaque token: the server will say when it is not
    return m_clock->nowUtc().msecsTo(m_tokens.accessExpiresAt) > kTokenFreshMarginMs;
}

bool SessionTokens::isBusy() const
{
    return m_auth->isBusy();
}

void SessionTokens::setCredentials(const QString &username, const QString &password)
{
    if (username != m_username)
        m_tokens = {};
    m_username = username;
    m_password = password;
}

void SessionTokens::restore(const QString &username, const QString &refreshToken)
{
    if (username != m_username)
        m_password.clear();
    m_username = username;
    m_tokens = {};
    m_tokens.refresh = refreshToken;
}

void SessionTokens::forget()
{
    m_password.clear();
    m_tokens = {};
}

void SessionTokens::login(const ServerProfile &profile)
{
    m_auth->setProfile(profile);
    m_auth->login(m_username, m_password);
}

void SessionTokens::refresh(const ServerProfile &profile, bool background)
{
    m_backgroundRefresh = background;
    m_auth->setProfile(profile);
    m_auth->refresh(m_tokens.refresh);
}

void SessionTokens::logout(const AuthTokens &tokens, std::function<void()> done)
{
    connect(
        m_auth, &AuthClient::logoutFinished, this, [done = std::move(done)](const AuthResult &) { done(); },
        Qt::SingleShotConnection);
    m_auth->logout(tokens.access, tokens.refresh);
}

void SessionTokens::cancel()
{
    m_auth->cancel();
    m_refreshAheadTimer->stop();
}

void SessionTokens::adopt(const AuthTokens &tokens)
{
    // Always keep the newest refresh token: the old one is blacklisted the moment it was used.
    const QString keepUsername = m_tokens.username;
    m_tokens = tokens;
    if (m_tokens.username.isEmpty())
        m_tokens.username = keepUsername;
    scheduleRefreshAhead();
}

void SessionTokens::scheduleRefreshAhead()
{
    m_refreshAheadTimer->stop();
    if (!m_tokens.accessExpiresAt.isValid() || m_tokens.refresh.isEmpty())
        return;
    const qint64 untilExpiry = m_clock->nowUtc().msecsTo(m_tokens.accessExpiresAt);
    // Renew well before expiry so a reconnect never has to start with a dead token.
    const qint64 lead = qMin(kRefreshAheadMs, untilExpiry / 5);
    m_refreshAheadTimer->start(qMax<qint64>(1000, untilExpiry - lead));
}

void SessionTokens::onLoginFinished(const AuthResult &result)
{
    if (const auto *failure = std::get_if<AuthFailure>(&result)) {
        switch (failure->kind) {
        case AuthFailureKind::BadCredentials:
        case AuthFailureKind::MissingCredentials:
        case AuthFailureKind::AccountDisabled:
            m_refusedPassword = m_password;
            Q_EMIT finished(
                Event::LoginRejected,
                QCoreApplication::translate("noc::NocClient", "Sign-in failed: %1").arg(failure->message), 0);
            return;
        case AuthFailureKind::Throttled:
            Q_EMIT finished(Event::LoginThrottled,
                            QCoreApplication::translate("noc::NocClient", "Too many sign-in attempts: %1")
                                .arg(failure->message),
                            serverWaitMs(*failure));
            return;
        default:
            Q_EMIT finished(
                Event::LoginFailed,
                QCoreApplication::translate("noc::NocClient", "Sign-in failed: %1").arg(failure->message), 0);
            return;
        }
    }
    adopt(std::get<AuthTokens>(result));
    qCInfo(lcAuth) << "signed in; access token valid until" << m_tokens.accessExpiresAt;
    Q_EMIT renewed();
    Q_EMIT finished(Event::LoginSucceeded, {}, 0);
}

void SessionTokens::onRefreshFinished(const AuthResult &result)
{
    const bool background = std::exchange(m_backgroundRefresh, false);
    if (const auto *failure = std::get_if<AuthFailure>(&result)) {
        if (background) {
            // The live socket does not depend on the token; the next reconnect will sort it out.
            qCWarning(lcAuth) << "renewing the token ahead of expiry failed:" << failure->message;
            if (failure->kind == AuthFailureKind::TokenRejected)
                m_refusedRefresh = std::exchange(m_tokens.refresh, {});
            return;
        }
        switch (failure->kind) {
        case AuthFailureKind::TokenRejected:
            m_refusedRefresh = std::exchange(m_tokens.refresh, {});
            Q_EMIT finished(
                Event::RefreshRejected,
                QCoreApplication::translate("noc::NocClient", "Session expired: %1").arg(failure->message),
                0);
            return;
        case AuthFailureKind::Throttled:
            Q_EMIT finished(Event::RefreshThrottled,
                            QCoreApplication::translate("noc::NocClient", "Too many token renewals: %1")
                                .arg(failure->message),
                            serverWaitMs(*failure));
            return;
        default:
            Q_EMIT finished(Event::RefreshFailed,
                            QCoreApplication::translate("noc::NocClient", "Token renewal failed: %1")
                                .arg(failure->message),
                            0);
            return;
        }
    }
    adopt(std::get<AuthTokens>(result));
    Q_EMIT renewed(); // the old refresh token is dead now: the keychain must hold the new one
    if (!background)
        Q_EMIT finished(Event::RefreshSucceeded, {}, 0);
}

} // namespace noc
