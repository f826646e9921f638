// SPDX-License-Identifier: MIT
#pragma once

#include "AuthResponseParser.h"
#include "AuthResult.h"
#include "ServerProfile.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

class QNetworkAccessManager;
class QNetworkReply;

namespace noc {

class Clock;

// Login, refresh and logout over REST, for either server generation. One request at a time: the
// caller (the session) decides when to retry, so nothing here ever loops.
class AuthClient : public QObject
{
    Q_OBJECT
public:
    AuthClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);

    void setProfile(const ServerProfile &profile);
    void setSslConfiguration(const QSslConfiguration &configuration, bool insecure);
    [[nodiscard]] const ServerProfile &profile() const { return m_profile; }
    // The generation that answered last; Auto until a server has answered.
    [[nodiscard]] AuthGeneration detectedGeneration() const { return m_detected; }

    void login(const QString &username, const QString &password);
    void refresh(const QString &refreshToken);
    void logout(const QString &accessToken, const QString &refreshToken);
    void cancel();
    [[nodiscard]] bool isBusy() const { return !m_reply.isNull(); }

    static constexpr int kTransferTimeoutMs = 15000;

Q_SIGNALS:
    void loginFinished(const noc::AuthResult &result);
    void refreshFinished(const noc::AuthResult &result);
    void logoutFinished(const noc::AuthResult &result);

private:
    struct Pending
    {
        AuthRequestKind kind = AuthRequestKind::Login;
        AuthGeneration generation = AuthGeneration::V2;
        QByteArray body;
        QString previousRefresh;
        QString bearer;
        bool mayFallBack = false; // Auto: a 404 on v2 retries once on the token endpoints
    };

    void send(const Pending &pending);
    void onFinished(QNetworkReply *reply, const Pending &pending);
    [[nodiscard]] AuthGeneration firstGeneration() const;
    [[nodiscard]] static QString pathFor(AuthGeneration generation, AuthRequestKind kind);

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    ServerProfile m_profile;
    AuthGeneration m_detected = AuthGeneration::Auto;
    QPointer<QNetworkReply> m_reply;
    QSslConfiguration m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    bool m_insecure = false;
    QString m_tlsProblem;
};

} // namespace noc
