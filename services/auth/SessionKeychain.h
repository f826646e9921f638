// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

namespace noc {

class CredentialStore;

// The session's use of the OS keychain: one entry per deployment and user holds the refresh token
// (and the password, only when the operator asked to remember it). Whatever the keychain says goes into
// one message in words an operator can act on; without a keychain the session keeps working and
// nothing is written anywhere else.
class SessionKeychain : public QObject
{
    Q_OBJECT

public:
    explicit SessionKeychain(QObject *parent = nullptr);

    // Not owned; null keeps nothing between runs.
    void setStore(CredentialStore *store) { m_store = store; }
    [[nodiscard]] bool hasStore() const { return m_store != nullptr; }
    [[nodiscard]] bool isReading() const { return m_reading; }
    [[nodiscard]] QString message() const { return m_message; }

    // Reads what a previous session left for this user: empty strings where nothing is stored.
    void read(const QUrl &server, const QString &user,
              std::function<void(const QString &refreshToken, const QString &password)> done);
    // Keeps the newest refresh token (the old one is dead once used) and, when given, the password.
    void save(const QUrl &server, const QString &user, const QString &refreshToken, const QString &password);
    void forget(const QUrl &server, const QString &user, std::function<void()> done);

Q_SIGNALS:
    void messageChanged();
    // The keychain answered the refresh-token write that follows every sign-in and renewal.
    void saved(bool ok);

private:
    void setMessage(const QString &message);

    QPointer<CredentialStore> m_store;
    bool m_reading = false;
    QString m_message;
};

} // namespace noc
