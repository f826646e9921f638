// SPDX-License-Identifier: MIT
#include "ConnectionOptions.h"

#include "ClientSettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
// Looked up in the context lupdate files these words under (a bare tr() helper looked them up in
// another: German showed the connection options in English).
struct OptionWords
{
    Q_DECLARE_TR_FUNCTIONS(noc::ConnectionOptions)
};
} // namespace

ConnectionOptions::ConnectionOptions()
    : m_server(u"server"_s, OptionWords::tr("Server base URL (https://…); repeat for failover, in order."),
               u"url"_s)
    , m_user(u"user"_s, OptionWords::tr("User name (default: the one in the settings)."), u"name"_s)
    , m_passwordStdin(u"password-stdin"_s,
                      OptionWords::tr("Read the password from standard input (else NOCDASH_PASSWORD)."))
    , m_auth(u"auth"_s, OptionWords::tr("Login endpoints: token, v2 or auto."), u"generation"_s)
    , m_origin(u"origin"_s, OptionWords::tr("Origin header for WebSockets (default: the server's own)."),
               u"url"_s)
    , m_tokenLocation(u"token-location"_s,
                      OptionWords::tr("Send the WebSocket token in the query, header or cookie."), u"where"_s)
    , m_caBundle(u"ca-bundle"_s, OptionWords::tr("PEM file with extra CA certificates (a company CA)."),
                 u"file"_s)
    , m_insecure(u"insecure"_s, OptionWords::tr("Do not verify TLS certificates (never in production)."))
    , m_client(u"client"_s, OptionWords::tr("Follow this client's alerts (repeatable)."), u"id"_s)
{ }

QList<QCommandLineOption> ConnectionOptions::options() const
{
    return { m_server,        m_user,     m_passwordStdin, m_auth,  m_origin,
             m_tokenLocation, m_caBundle, m_insecure,      m_client };
}

QString ConnectionOptions::applyTo(const QCommandLineParser &parser, ClientSettings &settings) const
{
    if (parser.isSet(m_server)) {
        QList<QUrl> servers;
        for (const QString &value : parser.values(m_server)) {
            const QUrl url(value);
            if (!url.isValid() || url.host().isEmpty()
                || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1))
                return u"--server needs an http:// or https:// URL, not "_s + value;
            servers.append(url);
        }
        settings.servers = servers;
    }
    if (parser.isSet(m_user))
        settings.username = parser.value(m_user);
    if (parser.isSet(m_auth)) {
        const auto generation = authGenerationFromString(parser.value(m_auth));
        if (!generation)
            return u"--auth takes token, v2 or auto"_s;
        settings.authGeneration = *generation;
    }
    if (parser.isSet(m_tokenLocation)) {
        const auto location = tokenLocationFromString(parser.value(m_tokenLocation));
        if (!location)
            return u"--token-location takes query, header or cookie"_s;
        settings.tokenLocation = *location;
    }
    if (parser.isSet(m_origin))
        settings.origin = parser.value(m_origin);
    if (parser.isSet(m_caBundle))
        settings.caBundlePath = parser.value(m_caBundle);
    if (parser.isSet(m_insecure))
        settings.insecureTls = true;
    return {};
}

bool ConnectionOptions::serversGiven(const QCommandLineParser &parser) const
{
    return parser.isSet(m_server);
}

bool ConnectionOptions::passwordFromStdin(const QCommandLineParser &parser) const
{
    return parser.isSet(m_passwordStdin);
}

QStringList ConnectionOptions::clients(const QCommandLineParser &parser) const
{
    return parser.values(m_client);
}

} // namespace noc
