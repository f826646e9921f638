// SPDX-License-Identifier: MIT
#include "SessionKeychain.h"

#include "CredentialStore.h"
#include "LoggingCategories.h"

namespace noc {

SessionKeychain::SessionKeychain(QObject *parent) : QObject(parent) { }

void SessionKeychain::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    if (!message.isEmpty())
        qCWarning(lcKeychain) << "keychain:" << message;
    Q_EMIT messageChanged();
}

void SessionKeychain::read(const QUrl &server, const QString &user,
                           std::function<void(const QString &, const QString &)> done)
{
    if (!m_store) {
        done({}, {});
        return;
    }
    m_reading = true;
    m_store->readRefreshToken(server, user, this, [this, server, user, done](const CredentialResult &token) {
        if (!token.ok && token.kind != CredentialError::NotFound)
            setMessage(token.message);
        const QString refresh = token.ok ? token.secret : QString();
        if (!m_store) {
            m_reading = false;
            done(refresh, {});
            return;
        }
        m_store->readPassword(server, user, this, [this, refresh, done](const CredentialResult &password) {
            m_reading = false;
            if (!password.ok && password.kind != CredentialError::NotFound)
                setMessage(password.message);
            done(refresh, password.ok ? password.secret : QString());
        });
    });
}

void SessionKeychain::save(const QUrl &server, const QString &user, const QString &refreshToken,
                           const QString &password)
{
    if (!m_store || user.isEmpty())
        return;
    const auto report = [this](const CredentialResult &result) {
        // No keychain: keep working for this session, persist nothing, and say what that means.
        setMessage(result.ok ? QString() : result.message);
    };
    if (!password.isEmpty())
        m_store->writePassword(server, user, password, this, report);
    if (!refreshToken.isEmpty()) {
        m_store->writeRefreshToken(server, user, refreshToken, this,
                                   [this, report](const CredentialResult &result) {
                                       report(result);
                                       Q_EMIT saved(result.ok);
                                   });
    }
}

void SessionKeychain::forget(const QUrl &server, const QString &user, std::function<void()> done)
{
    if (!m_store || user.isEmpty()) {
        done();
        return;
    }
    m_store->forget(server, user, this, [this, done](const CredentialResult &result) {
        setMessage(result.ok ? QString() : result.message);
        done();
    });
}

} // namespace noc
