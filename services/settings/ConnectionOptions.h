// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace noc {

struct ClientSettings;

// The connection options nocdash and nocctl share, with one meaning in both: each option given replaces
// that one setting for this run and leaves the others as the settings (user file over the fleet preset)
// say. --server may repeat (failover order).
class ConnectionOptions
{
public:
    ConnectionOptions();

    [[nodiscard]] QList<QCommandLineOption> options() const;
    // Applies what was given over `settings`. Returns a usage error in words, or an empty string.
    [[nodiscard]] QString applyTo(const QCommandLineParser &parser, ClientSettings &settings) const;
    // Whether --server was given (then the command line, not the settings, says where to connect).
    [[nodiscard]] bool serversGiven(const QCommandLineParser &parser) const;
    [[nodiscard]] bool passwordFromStdin(const QCommandLineParser &parser) const;
    [[nodiscard]] QStringList clients(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_server;
    QCommandLineOption m_user;
    QCommandLineOption m_passwordStdin;
    QCommandLineOption m_auth;
    QCommandLineOption m_origin;
    QCommandLineOption m_tokenLocation;
    QCommandLineOption m_caBundle;
    QCommandLineOption m_insecure;
    QCommandLineOption m_client;
};

} // namespace noc
