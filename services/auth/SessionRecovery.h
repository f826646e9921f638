// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace noc {

class Clock;
class Timer;

// How a wall screen the server signed out comes back by itself: someone provisions a session on the
// machine from another process (`nocctl login` over SSH writes the keychain), and the screen notices.
// While it watches it re-reads the keychain every few seconds: that is local, the server sees nothing.
// Only a refresh token other than the one the server refused counts as a new session, so the same dead
// token never goes to the server twice (a new one that is refused in turn becomes the refused one).
// The session decides when to watch (a wall, refused or never signed in); this only watches.
class SessionRecovery : public QObject
{
    Q_OBJECT

public:
    // Short enough that a session provisioned from a shell is live within 10 s.
    static constexpr qint64 kDefaultIntervalMs = 5000;

    // Asks the keychain for the stored refresh token and password; calls back with empty strings where
    // nothing is stored (SessionKeychain::read).
    using Reader = std::function<void(std::function<void(const QString &refresh, const QString &password)>)>;

    explicit SessionRecovery(const Clock *clock, QObject *parent = nullptr);
    ~SessionRecovery() override;

    void setIntervalMs(qint64 milliseconds) { m_intervalMs = qMax<qint64>(1, milliseconds); }
    [[nodiscard]] qint64 intervalMs() const { return m_intervalMs; }

    // Starts watching (a repeat with the same refusal keeps the rhythm). refusedRefresh/Password: what
    // the server refused (empty when it refused nothing: there was no session at all).
    void watch(Reader reader, const QString &refusedRefresh, const QString &refusedPassword);
    void stop();
    [[nodiscard]] bool isWatching() const { return m_watching; }
    // Keychain reads since this object was made (tests, diagnostics).
    [[nodiscard]] int checks() const { return m_checks; }

Q_SIGNALS:
    // A session other than the refused one is stored; watching has stopped. password: the stored one,
    // unless it is the one the server refused.
    void provisioned(const QString &refreshToken, const QString &password);

private:
    void check();
    void onRead(const QString &refresh, const QString &password);

    std::unique_ptr<Timer> m_timer;
    Reader m_reader;
    QString m_refusedRefresh;
    QString m_refusedPassword;
    qint64 m_intervalMs = kDefaultIntervalMs;
    bool m_watching = false;
    bool m_reading = false;
    quint64 m_generation = 0; // a read that answers after stop() or a new watch() is stale
    int m_checks = 0;
};

} // namespace noc
