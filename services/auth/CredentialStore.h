// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace QKeychain {
class Job;
}

namespace noc {

// QKeychain::Error, plus what this wrapper adds on top. NoBackend also covers the Secret Service
// being unreachable, which QtKeychain 0.13 on Linux reports only as OtherError.
enum class CredentialError : quint8
{
    None,
    NotFound,
    CouldNotDelete,
    AccessDeniedByUser,
    AccessDenied,
    NoBackend,
    NotImplemented,
    Other
};

struct CredentialResult
{
    bool ok = false;
    QString secret; // only for a successful read; never log it
    CredentialError kind = CredentialError::None;
    QString message; // for the operator: cause and what it means for him; empty when ok
};

// Every keychain job of nocdash (and nocctl) goes through here: one service name, one key scheme,
// one error mapping. Asynchronous: the callback runs later from the event loop (never inside the
// call), and only while `context` is alive. Nothing ever falls back to files or QSettings.
//
// Entries: service "nocdash" (or NOCDASH_KEYCHAIN_SERVICE), key "<host[:port]>/<username>/refresh" or
// ".../password".
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialResult &)>;

    enum class Secret : quint8
    {
        RefreshToken,
        Password
    };
    enum class Operation : quint8
    {
        Read,
        Write,
        Delete
    };

    static constexpr const char *kDefaultService = "nocdash";
    // Overrides the default service for a whole process and the programs it starts: tests set it so
    // that nocdash and nocctl run by them never touch an operator's real entries.
    static constexpr const char *kServiceVariable = "NOCDASH_KEYCHAIN_SERVICE";

    // The service is NOCDASH_KEYCHAIN_SERVICE when set and not empty, else "nocdash".
    explicit CredentialStore(QObject *parent = nullptr);
    // `service` other than the default is for tests, so they never touch an operator's real entries.
    explicit CredentialStore(const QString &service, QObject *parent = nullptr);

    [[nodiscard]] QString service() const { return m_service; }

    void readRefreshToken(const QUrl &server, const QString &user, const QObject *context, Callback done);
    void writeRefreshToken(const QUrl &server, const QString &user, const QString &token,
                           const QObject *context, Callback done);
    // Only when the operator asked to remember it.
    void readPassword(const QUrl &server, const QString &user, const QObject *context, Callback done);
    void writePassword(const QUrl &server, const QString &user, const QString &password,
                       const QObject *context, Callback done);
    // Deletes the refresh token and the password; an entry that was not there counts as forgotten.
    void forget(const QUrl &server, const QString &user, const QObject *context, Callback done);

    // "<host[:port]>/<username>/refresh|password"; the port only when it is not the scheme's default.
    // Empty when server has no host or user is empty.
    [[nodiscard]] static QString entryKey(const QUrl &server, const QString &user, Secret secret);
    // The operator's words for a finished job's outcome; `detail` is QtKeychain's errorString().
    [[nodiscard]] static CredentialResult mapResult(int keychainError, const QString &detail,
                                                    Operation operation);

private:
    void read(const QUrl &server, const QString &user, Secret secret, const QObject *context, Callback done);
    void write(const QUrl &server, const QString &user, Secret secret, const QString &value,
               const QObject *context, Callback done);
    void remove(const QString &key, const QObject *context, Callback done);
    // The one place a QKeychain job is started and its result turned into a CredentialResult.
    void run(QKeychain::Job *job, Operation operation, const QObject *context, Callback done);
    void failLater(const QObject *context, Callback done, CredentialResult result);

    QString m_service;
};

} // namespace noc
