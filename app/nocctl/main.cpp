// SPDX-License-Identifier: MIT
#include "AuthClient.h"
#include "Clock.h"
#include "ServerProfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <nocdash/Version.h>

using namespace Qt::StringLiterals;

namespace {

// Exit codes, documented in --help and the README.
enum ExitCode : int
{
    Ok = 0,
    Failure = 1,
    Usage = 2,
    AuthRefused = 3,
    Unreachable = 4
};

const char *const kExitCodes
    = "Exit codes: 0 success, 1 other failure, 2 usage error, 3 the server refused the "
      "credentials, 4 the server could not be reached or answered with an error.";

int runLogin(const noc::ServerProfile &profile, const QString &username, const QString &password)
{
    QNetworkAccessManager network;
    noc::SystemClock clock;
    noc::AuthClient auth(&network, &clock);
    auth.setProfile(profile);
    int exitCode = Failure;
    QObject::connect(&auth, &noc::AuthClient::loginFinished, &auth, [&](const noc::AuthResult &result) {
        QTextStream out(stdout);
        if (const auto *failure = std::get_if<noc::AuthFailure>(&result)) {
            QTextStream(stderr) << "nocctl: login failed: " << failure->message << '\n';
            const bool refused = failure->kind == noc::AuthFailureKind::BadCredentials
                || failure->kind == noc::AuthFailureKind::AccountDisabled
                || failure->kind == noc::AuthFailureKind::MissingCredentials;
            exitCode = refused ? AuthRefused : Unreachable;
        } else {
            const auto &tokens = std::get<noc::AuthTokens>(result);
            // Tokens are secrets: say what they allow, never what they are.
            const QJsonObject summary {
                { "user"_L1, tokens.username.isEmpty() ? username : tokens.username },
                { "user_id"_L1, tokens.userId },
                { "auth"_L1, noc::authGenerationName(auth.detectedGeneration()) },
                { "access_expires_at"_L1, tokens.accessExpiresAt.toString(Qt::ISODate) },
                { "capabilities"_L1, QJsonValue::fromVariant(tokens.capabilities) },
            };
            out << QJsonDocument(summary).toJson(QJsonDocument::Compact) << '\n';
            exitCode = Ok;
        }
        QCoreApplication::quit();
    });
    auth.login(username, password);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nocctl"_s);
    QCoreApplication::setOrganizationName(QString::fromLatin1(noc::kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(noc::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The nocdash operator's command line.\n\nCommands:\n"
        "  login   check the credentials against the server and show the session\n\n"_s
        + QString::fromLatin1(kExitCodes));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_s, u"Server base URL."_s, u"url"_s);
    const QCommandLineOption user(u"user"_s, u"User name."_s, u"name"_s);
    const QCommandLineOption passwordStdin(
        u"password-stdin"_s, u"Read the password from standard input (else NOCDASH_PASSWORD)."_s);
    const QCommandLineOption auth(u"auth"_s, u"Auth generation: token, v2 or auto."_s, u"generation"_s,
                                  u"auto"_s);
    const QCommandLineOption origin(u"origin"_s, u"Origin header for WebSockets."_s, u"url"_s);
    parser.addOptions({ server, user, passwordStdin, auth, origin });
    parser.addPositionalArgument(u"command"_s, u"What to do: login."_s);
    parser.process(app);

    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        err << "nocctl: no command given; see --help\n";
        return Usage;
    }
    noc::ServerProfile profile;
    profile.baseUrl = QUrl(parser.value(server));
    profile.origin = parser.value(origin);
    const auto generation = noc::authGenerationFromString(parser.value(auth));
    if (!generation) {
        err << "nocctl: --auth takes token, v2 or auto\n";
        return Usage;
    }
    profile.authGeneration = *generation;

    if (args.constFirst() == "login"_L1) {
        if (!profile.baseUrl.isValid() || profile.baseUrl.host().isEmpty() || parser.value(user).isEmpty()) {
            err << "nocctl: login needs --server URL and --user NAME\n";
            return Usage;
        }
        QString password = qEnvironmentVariable("NOCDASH_PASSWORD");
        if (parser.isSet(passwordStdin))
            password = QTextStream(stdin).readLine();
        return runLogin(profile, parser.value(user), password);
    }
    err << "nocctl: unknown command " << args.constFirst() << "; see --help\n";
    return Usage;
}
