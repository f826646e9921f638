// SPDX-License-Identifier: MIT
#include "CredentialStore.h"

#include "LoggingCategories.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace noc {

namespace {

QString keySuffix(CredentialStore::Secret secret)
{
    return secret == CredentialStore::Secret::Password ? QStringLiteral("password")
                                                       : QStringLiteral("refresh");
}

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws")) {
        return 80;
    }
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss")) {
        return 443;
    }
    return -1;
}

// QtKeychain 0.13 on Linux reports an unreachable Secret Service (no session bus, nothing owns
// org.freedesktop.secrets, no default collection) as OtherError with GLib's text. Those all mean
// "there is no keychain to use", which the operator must hear as such, not as a generic failure.
enum class Unreachable : quint8
{
    No,
    NoService,
    NoCollection
};

Unreachable classifyOtherError(const QString &detail)
{
    static const QLatin1String serviceMarkers[] = {
        QLatin1String("Could not connect"),
        QLatin1String("autolaunch"),
        QLatin1String("dbus-launch"),
        QLatin1String("DBUS_SESSION_BUS_ADDRESS"),
        QLatin1String("org.freedesktop.secrets"),
        QLatin1String("not provided by any .service"),
        QLatin1String("No such interface"),
        QLatin1String("Cannot spawn a message bus"),
    };
    for (const QLatin1String marker : serviceMarkers) {
        if (detail.contains(marker, Qt::CaseInsensitive)) {
            return Unreachable::NoService;
        }
    }
    if (detail.contains(QLatin1String("/collection/"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("No such secret collection"), Qt::CaseInsensitive)) {
        return Unreachable::NoCollection;
    }
    return Unreachable::No;
}

// What a failure means for the operator, by what he was doing.
QString consequence(CredentialStore::Operation operation)
{
    switch (operation) {
    case CredentialStore::Operation::Read:
        return CredentialStore::tr("sign in with your password this time.");
    case CredentialStore::Operation::Write:
        return CredentialStore::tr("nothing was saved, so you will have to sign in again next time.");
    case CredentialStore::Operation::Delete:
        return CredentialStore::tr("a sign-in saved earlier may still be stored: remove the \"nocdash\" "
                                   "entries with your keyring manager (e.g. Seahorse).");
    }
    return {};
}

const char *operationName(CredentialStore::Operation operation)
{
    switch (operation) {
    case CredentialStore::Operation::Read:
        return "read";
    case CredentialStore::Operation::Write:
        return "write";
    case CredentialStore::Operation::Delete:
        return "delete";
    }
    return "?";
}

CredentialResult failure(CredentialError kind, const QString &message)
{
    CredentialResult result;
    result.ok = false;
    result.kind = kind;
    result.message = message;
    return result;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(qEnvironmentVariableIsEmpty(kServiceVariable) ? QString::fromLatin1(kDefaultService)
                                                                    : qEnvironmentVariable(kServiceVariable),
                      parent)
{ }

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{ }

QString CredentialStore::entryKey(const QUrl &server, const QString &user, Secret secret)
{
    const QString host = server.host(QUrl::FullyEncoded).toLower();
    if (host.isEmpty() || user.isEmpty()) {
        return {};
    }
    QString key = host;
    const int port = server.port();
    if (port != -1 && port != defaultPort(server.scheme().toLower())) {
        key += QLatin1Char(':') + QString::number(port);
    }
    // The host has no '/' and the suffix is fixed, so a '/' in a user name can't make two entries meet.
    return key + QLatin1Char('/') + user + QLatin1Char('/') + keySuffix(secret);
}

CredentialResult CredentialStore::mapResult(int keychainError, const QString &detail, Operation operation)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        return { true, {}, CredentialError::None, {} };
    case QKeychain::EntryNotFound:
        return failure(CredentialError::NotFound,
                       operation == Operation::Read ? tr(
                           "No saved sign-in in the keychain for this server and user: sign in with your "
                           "password.")
                                                    : tr("The keychain has no such entry."));
    case QKeychain::CouldNotDeleteEntry:
        return failure(CredentialError::CouldNotDelete,
                       tr("The keychain could not delete the saved sign-in: %1").arg(consequence(operation)));
    case QKeychain::AccessDeniedByUser:
        return failure(CredentialError::AccessDeniedByUser,
                       tr("Access to the keychain was refused at its prompt; allow nocdash when it asks, "
                          "or %1")
                           .arg(consequence(operation)));
    case QKeychain::AccessDenied:
        return failure(CredentialError::AccessDenied,
                       tr("The keychain is locked or refused access: unlock your keyring (e.g. in Seahorse) "
                          "and try again; until then %1")
                           .arg(consequence(operation)));
    case QKeychain::NoBackendAvailable:
        return failure(
            CredentialError::NoBackend,
            tr("No keychain is available (no Secret Service running): %1").arg(consequence(operation)));
    case QKeychain::NotImplemented:
        return failure(CredentialError::NotImplemented,
                       tr("This system's keychain cannot do that: %1").arg(consequence(operation)));
    case QKeychain::OtherError:
        break;
    }
    switch (classifyOtherError(detail)) {
    case Unreachable::NoService:
        return failure(
            CredentialError::NoBackend,
            tr("No keychain is available (no Secret Service running): %1").arg(consequence(operation)));
    case Unreachable::NoCollection:
        return failure(CredentialError::NoBackend,
                       tr("The keychain has no default keyring (\"login\"): create or unlock one in your "
                          "keyring manager (e.g. Seahorse); until then %1")
                           .arg(consequence(operation)));
    case Unreachable::No:
        break;
    }
    const QString shown = detail.isEmpty() ? tr("unknown error") : detail;
    return failure(CredentialError::Other,
                   tr("The keychain failed (%1): %2").arg(shown, consequence(operation)));
}

void CredentialStore::readRefreshToken(const QUrl &server, const QString &user, const QObject *context,
                                       Callback done)
{
    read(server, user, Secret::RefreshToken, context, std::move(done));
}

void CredentialStore::writeRefreshToken(const QUrl &server, const QString &user, const QString &token,
                                        const QObject *context, Callback done)
{
    write(server, user, Secret::RefreshToken, token, context, std::move(done));
}

void CredentialStore::readPassword(const QUrl &server, const QString &user, const QObject *context,
                                   Callback done)
{
    read(server, user, Secret::Password, context, std::move(done));
}

void CredentialStore::writePassword(const QUrl &server, const QString &user, const QString &password,
                                    const QObject *context, Callback done)
{
    write(server, user, Secret::Password, password, context, std::move(done));
}

void CredentialStore::forget(const QUrl &server, const QString &user, const QObject *context, Callback done)
{
    const QString refreshKey = entryKey(server, user, Secret::RefreshToken);
    const QString passwordKey = entryKey(server, user, Secret::Password);
    if (refreshKey.isEmpty()) {
        failLater(context, std::move(done),
                  failure(CredentialError::Other, tr("No server or user name: there is nothing to forget.")));
        return;
    }
    // Both deletes run (QtKeychain queues them); the first real failure is the one reported.
    struct Both
    {
        int pending = 2;
        CredentialResult outcome { true, {}, CredentialError::None, {} };
    };
    auto state = std::make_shared<Both>();
    auto joined = [state, done = std::move(done)](const CredentialResult &result) {
        const bool gone = result.ok || result.kind == CredentialError::NotFound;
        if (!gone && state->outcome.ok) {
            state->outcome = result;
        }
        if (--state->pending == 0) {
            done(state->outcome);
        }
    };
    remove(refreshKey, context, joined);
    remove(passwordKey, context, joined);
}

void CredentialStore::read(const QUrl &server, const QString &user, Secret secret, const QObject *context,
                           Callback done)
{
    const QString key = entryKey(server, user, secret);
    if (key.isEmpty()) {
        failLater(context, std::move(done),
                  failure(CredentialError::NotFound,
                          tr("No server or user name: there is no saved sign-in to read.")));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    run(job, Operation::Read, context, std::move(done));
}

void CredentialStore::write(const QUrl &server, const QString &user, Secret secret, const QString &value,
                            const QObject *context, Callback done)
{
    const QString key = entryKey(server, user, secret);
    if (key.isEmpty()) {
        failLater(context, std::move(done),
                  failure(CredentialError::Other, tr("No server or user name: nothing was saved.")));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    run(job, Operation::Write, context, std::move(done));
}

void CredentialStore::remove(const QString &key, const QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    run(job, Operation::Delete, context, std::move(done));
}

void CredentialStore::run(QKeychain::Job *job, Operation operation, const QObject *context, Callback done)
{
    // Never write secrets in plain text next to the config: without a keychain, nothing persists.
    job->setInsecureFallback(false);
    // The job deletes itself after finished(). It has no parent on purpose: QtKeychain's libsecret
    // backend calls back into a running job, so deleting one early (with a parent) would be a crash.
    job->setAutoDelete(true);
    const QString key = job->key();
    const QString service = m_service;
    // `context` as the receiver: when it dies first, the connection goes and the callback never runs.
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [operation, key, service, done = std::move(done)](QKeychain::Job *finished) {
                CredentialResult result = mapResult(finished->error(), finished->errorString(), operation);
                if (result.ok && operation == Operation::Read) {
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                }
                // Key and outcome only: the secret itself never reaches a log line.
                if (result.ok || result.kind == CredentialError::NotFound) {
                    qCDebug(lcKeychain).noquote() << operationName(operation) << service << key << "->"
                                                  << (result.ok ? "ok" : "not found");
                } else {
                    qCWarning(lcKeychain).noquote()
                        << operationName(operation) << service << key << "failed: QKeychain error"
                        << finished->error() << finished->errorString();
                }
                done(result);
            });
    job->start();
}

void CredentialStore::failLater(const QObject *context, Callback done, CredentialResult result)
{
    // Same contract as a real job: the callback never runs inside the call that asked.
    QTimer::singleShot(0, context ? context : this,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}

} // namespace noc
