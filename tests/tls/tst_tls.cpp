// SPDX-License-Identifier: MIT
// noc-sim serving https/wss with a private CA made at test time: plain QNetworkAccessManager and
// QWebSocket clients over loopback, so a TLS mistake in the client library can't hide here.

#include "TestCertificates.h"
#include "sim/Simulator.h"
#include "sim/SocketAdmission.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslError>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <memory>

using noc::sim::Simulator;
using noc::sim::SimulatorOptions;
using noc::test::TestCertificate;
using noc::test::TestCertificates;

Q_DECLARE_METATYPE(QSslError::SslError)

namespace {

constexpr int kTimeoutMs = 10000;

struct HttpsResult
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;
    QJsonObject json;
    QSslCertificate peer = QSslCertificate();
};

HttpsResult send(QNetworkAccessManager &nam, QNetworkRequest request, const QByteArray &verb,
                 const QByteArray &body = {})
{
    HttpsResult result;
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&result](const QList<QSslError> &errors) { result.sslErrors += errors; });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    result.finished = reply->isFinished() || finished.wait(kTimeoutMs);
    if (!result.finished) {
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.json = QJsonDocument::fromJson(reply->readAll()).object();
    result.peer = reply->sslConfiguration().peerCertificate();
    delete reply;
    return result;
}

HttpsResult login(QNetworkAccessManager &nam, const Simulator &sim, const QSslConfiguration &tls)
{
    QUrl url = sim.httpUrl();
    url.setPath(QStringLiteral("/api/v2/auth/login/"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setSslConfiguration(tls);
    const QJsonObject body { { QStringLiteral("username"), QStringLiteral("operator") },
                             { QStringLiteral("password"), QStringLiteral("operator") } };
    return send(nam, request, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

bool hasError(const QList<QSslError> &errors, QSslError::SslError wanted)
{
    return std::any_of(errors.cbegin(), errors.cend(),
                       [wanted](const QSslError &e) { return e.error() == wanted; });
}

QString describe(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors) {
        texts.append(error.errorString());
    }
    return texts.join(QStringLiteral("; "));
}

// A QWebSocket that records what happened to it; never ignores a certificate error.
class WssClient : public QObject
{
public:
    WssClient(const QString &origin, const QSslConfiguration &tls) : m_socket(origin)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QWebSocket::connected, this, [this] { connected = true; });
        connect(&m_socket, &QWebSocket::sslErrors, this,
                [this](const QList<QSslError> &errors) { sslErrors += errors; });
        connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError error) {
                    errored = true;
                    socketError = error;
                });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    void open(const Simulator &sim, const QString &path, const QString &token)
    {
        QUrl url = sim.wsUrl(path);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("token"), token);
        url.setQuery(query);
        m_socket.open(url);
    }
    void send(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    [[nodiscard]] bool received(const QString &type) const
    {
        return std::any_of(frames.cbegin(), frames.cend(), [&type](const QJsonObject &frame) {
            return frame.value(QLatin1String("type")).toString() == type;
        });
    }
    [[nodiscard]] QWebSocket &socket() { return m_socket; }

    bool connected = false;
    bool errored = false;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    QList<QSslError> sslErrors;
    QList<QJsonObject> frames;

private:
    QWebSocket m_socket;
};

QString httpsOrigin(const Simulator &sim)
{
    return QStringLiteral("https://127.0.0.1:%1").arg(sim.port());
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCertificates> m_certs;

    std::unique_ptr<Simulator> serve(const TestCertificate &certificate)
    {
        SimulatorOptions options;
        options.tlsCertificate = certificate.certificate;
        options.tlsKey = certificate.key;
        auto sim = std::make_unique<Simulator>(options);
        return sim->listen(QHostAddress::LocalHost, 0) ? std::move(sim) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("qt.httpserver.warning=false\nnocdash.sim.info=false"));
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
        m_certs = std::make_unique<TestCertificates>();
        QVERIFY2(m_certs->isValid(), qPrintable(m_certs->errorString()));
    }

    void certificatesAreWhatTheySay()
    {
        const QSslCertificate &ca = m_certs->ca().certificate;
        QVERIFY(ca.isSelfSigned());
        QCOMPARE(m_certs->server().certificate.issuerDisplayName(), ca.subjectDisplayName());
        QCOMPARE(m_certs->wrongHost().certificate.issuerDisplayName(), ca.subjectDisplayName());
        QCOMPARE(m_certs->expired().certificate.issuerDisplayName(), ca.subjectDisplayName());
        QVERIFY(m_certs->selfSigned().certificate.isSelfSigned());
        QVERIFY(m_certs->selfSigned().certificate.subjectDisplayName() != ca.subjectDisplayName());

        const auto names = m_certs->server().certificate.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QCOMPARE(m_certs->wrongHost().certificate.subjectAlternativeNames().values(QSsl::DnsEntry),
                 QStringList { QStringLiteral("wrong-host.invalid") });

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(m_certs->server().certificate.effectiveDate() < now);
        QVERIFY(m_certs->server().certificate.expiryDate() > now);
        QVERIFY(m_certs->expired().certificate.expiryDate() < now);

        // Private keys: in a folder only this user can enter.
        const QFileInfo folder(m_certs->directory());
        QCOMPARE(folder.permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup | QFile::ExeOther),
                 QFile::Permissions());
        QVERIFY(m_certs->caBundlePath().endsWith(QLatin1String("ca.crt")));
    }

    void simulatorUrlsAreSecure()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        QVERIFY(sim->isTls());
        QCOMPARE(sim->httpUrl().scheme(), QStringLiteral("https"));
        QCOMPARE(sim->wsUrl(noc::sim::kDashboardPath).scheme(), QStringLiteral("wss"));
        QCOMPARE(sim->httpUrl().host(), QStringLiteral("127.0.0.1"));

        Simulator plain;
        QVERIFY(plain.listen());
        QVERIFY(!plain.isTls());
        QCOMPARE(plain.httpUrl().scheme(), QStringLiteral("http"));
    }

    void httpsLoginWithTestCa()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        QNetworkAccessManager nam;
        const HttpsResult result = login(nam, *sim, m_certs->clientConfiguration());
        QVERIFY(result.finished);
        QVERIFY2(result.sslErrors.isEmpty(), qPrintable(describe(result.sslErrors)));
        QVERIFY2(result.error == QNetworkReply::NoError, qPrintable(result.errorString));
        QCOMPARE(result.status, 200);
        QVERIFY(result.json.value(QLatin1String("success")).toBool());
        QVERIFY(!result.json.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("access"))
                     .toString()
                     .isEmpty());
        QCOMPARE(result.peer, m_certs->server().certificate);
    }

    void httpsWithoutTestCaFails()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        QNetworkAccessManager nam;
        const HttpsResult result = login(nam, *sim, TestCertificates::systemOnlyConfiguration());
        QVERIFY(result.finished);
        QCOMPARE(result.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(result.status, 0);
        QVERIFY(result.json.isEmpty());
        QVERIFY2(hasError(result.sslErrors, QSslError::UnableToGetLocalIssuerCertificate)
                     || hasError(result.sslErrors, QSslError::UnableToVerifyFirstCertificate)
                     || hasError(result.sslErrors, QSslError::SelfSignedCertificateInChain),
                 qPrintable(describe(result.sslErrors)));
    }

    // The TLS port speaks nothing but TLS: no plaintext answer, not even an error page.
    void plainHttpOnTlsPortGetsNoAnswer()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        QUrl url = sim->httpUrl();
        url.setScheme(QStringLiteral("http"));
        url.setPath(QStringLiteral("/control/status"));
        QNetworkAccessManager nam;
        const HttpsResult result = send(nam, QNetworkRequest(url), "GET");
        QVERIFY(result.finished);
        QVERIFY(result.error != QNetworkReply::NoError);
        QCOMPARE(result.status, 0);
        QVERIFY(result.json.isEmpty());
    }

    void wssWithTestCa()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        WssClient client(httpsOrigin(*sim), m_certs->clientConfiguration());
        client.open(*sim, noc::sim::kDashboardPath, sim->issueAccessToken(QStringLiteral("operator")));
        QTRY_VERIFY_WITH_TIMEOUT(client.received(QStringLiteral("connected")) || client.errored, kTimeoutMs);
        QVERIFY2(!client.errored, qPrintable(client.socket().errorString()));
        QVERIFY2(client.sslErrors.isEmpty(), qPrintable(describe(client.sslErrors)));
        QVERIFY(client.connected);
        QCOMPARE(client.socket().sslConfiguration().peerCertificate(), m_certs->server().certificate);
        QCOMPARE(sim->openSockets(noc::sim::kDashboardPath), 1);

        // Both directions over TLS: a command and its answer.
        client.send({ { QStringLiteral("type"), QStringLiteral("subscribe_client") },
                      { QStringLiteral("client_id"), QStringLiteral("acme") } });
        QTRY_VERIFY_WITH_TIMEOUT(client.received(QStringLiteral("subscribed")), kTimeoutMs);
        const QString alertId = sim->publishAlert(QStringLiteral("acme"), QStringLiteral("HIGH"), {}, {});
        QTRY_VERIFY_WITH_TIMEOUT(client.received(QStringLiteral("alert_new")), kTimeoutMs);
        QCOMPARE(QString::number(client.frames.constLast().value(QLatin1String("alert_id")).toInteger()),
                 alertId);
    }

    void wssWithoutTestCaFails()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        WssClient client(httpsOrigin(*sim), TestCertificates::systemOnlyConfiguration());
        client.open(*sim, noc::sim::kDashboardPath, sim->issueAccessToken(QStringLiteral("operator")));
        QTRY_VERIFY_WITH_TIMEOUT(client.errored, kTimeoutMs);
        QVERIFY(!client.sslErrors.isEmpty());
        QCOMPARE(client.socketError, QAbstractSocket::SslHandshakeFailedError);
        QVERIFY(!client.connected);
        QVERIFY(client.frames.isEmpty());
        QCOMPARE(sim->openSockets(), 0);
    }

    // Certificates a client that trusts the test CA must still refuse, over https and wss alike.
    void badCertificateFails_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QSslError::SslError>("expected");
        QTest::newRow("wrong host") << QStringLiteral("wrongHost") << QSslError::HostNameMismatch;
        QTest::newRow("expired") << QStringLiteral("expired") << QSslError::CertificateExpired;
        QTest::newRow("untrusted self-signed")
            << QStringLiteral("selfSigned") << QSslError::SelfSignedCertificate;
    }
    void badCertificateFails()
    {
        QFETCH(QString, which);
        QFETCH(QSslError::SslError, expected);
        const TestCertificate &certificate = which == QLatin1String("wrongHost") ? m_certs->wrongHost()
            : which == QLatin1String("expired")                                  ? m_certs->expired()
                                                                                 : m_certs->selfSigned();
        auto sim = serve(certificate);
        QVERIFY(sim);

        QNetworkAccessManager nam;
        const HttpsResult result = login(nam, *sim, m_certs->clientConfiguration());
        QVERIFY(result.finished);
        QCOMPARE(result.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(result.status, 0);
        QVERIFY2(hasError(result.sslErrors, expected), qPrintable(describe(result.sslErrors)));

        WssClient client(httpsOrigin(*sim), m_certs->clientConfiguration());
        client.open(*sim, noc::sim::kDashboardPath, sim->issueAccessToken(QStringLiteral("operator")));
        QTRY_VERIFY_WITH_TIMEOUT(client.errored, kTimeoutMs);
        QVERIFY2(hasError(client.sslErrors, expected), qPrintable(describe(client.sslErrors)));
        QVERIFY(!client.connected);
        QCOMPARE(sim->openSockets(), 0);
    }

    // Behind TLS the server's own Origin is https://; an http:// Origin is refused like any stranger.
    void originIsHttpsBehindTls()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        WssClient wrong(QStringLiteral("http://127.0.0.1:%1").arg(sim->port()),
                        m_certs->clientConfiguration());
        wrong.open(*sim, noc::sim::kDashboardPath, sim->issueAccessToken(QStringLiteral("operator")));
        QTRY_VERIFY_WITH_TIMEOUT(wrong.errored || wrong.connected, kTimeoutMs);
        QVERIFY(!wrong.connected);
        QVERIFY(wrong.sslErrors.isEmpty()); // TLS was fine; the upgrade was refused
        QVERIFY2(wrong.socket().errorString().contains(QLatin1String("403")),
                 qPrintable(wrong.socket().errorString()));

        WssClient right(QStringLiteral("https://localhost:%1").arg(sim->port()),
                        m_certs->clientConfiguration());
        right.open(*sim, noc::sim::kPresencePath, sim->issueAccessToken(QStringLiteral("operator")));
        QTRY_VERIFY_WITH_TIMEOUT(right.received(QStringLiteral("connection_established")) || right.errored,
                                 kTimeoutMs);
        QVERIFY2(!right.errored, qPrintable(right.socket().errorString()));
    }

    // The restart fault listens again on the same QSslServer: still TLS, still the same certificate.
    void restartKeepsTls()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim);
        QSignalSpy listening(sim.get(), &Simulator::listeningChanged);
        sim->restart(50);
        QTRY_VERIFY_WITH_TIMEOUT(sim->isListening() && listening.count() == 2, kTimeoutMs);
        QNetworkAccessManager nam;
        const HttpsResult result = login(nam, *sim, m_certs->clientConfiguration());
        QVERIFY2(result.error == QNetworkReply::NoError,
                 qPrintable(result.errorString + describe(result.sslErrors)));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.peer, m_certs->server().certificate);
    }

    void nocSimCommandLine()
    {
        QProcess sim;
        sim.start(QStringLiteral(NOC_SIM_PATH),
                  { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-traffic"),
                    QStringLiteral("--quiet"), QStringLiteral("--tls-cert"),
                    m_certs->server().certificatePath, QStringLiteral("--tls-key"),
                    m_certs->server().keyPath });
        QVERIFY(sim.waitForStarted(kTimeoutMs));
        const auto stop = qScopeGuard([&sim] {
            sim.terminate();
            if (!sim.waitForFinished(kTimeoutMs)) {
                sim.kill();
                sim.waitForFinished();
            }
        });
        QByteArray out;
        const QRegularExpression listening(QStringLiteral("listening on (https://127\\.0\\.0\\.1:\\d+)"));
        QRegularExpressionMatch match;
        const auto announced = [&] {
            out += sim.readAllStandardOutput();
            match = listening.match(QString::fromUtf8(out));
            return match.hasMatch();
        };
        QTRY_VERIFY_WITH_TIMEOUT(announced(), kTimeoutMs);
        QVERIFY(out.contains("wss://127.0.0.1:"));

        QUrl url(match.captured(1));
        url.setPath(QStringLiteral("/control/status"));
        QNetworkRequest request(url);
        request.setSslConfiguration(m_certs->clientConfiguration());
        QNetworkAccessManager nam;
        const HttpsResult ok = send(nam, request, "GET");
        QVERIFY2(ok.error == QNetworkReply::NoError, qPrintable(ok.errorString + describe(ok.sslErrors)));
        QCOMPARE(ok.status, 200);

        request.setSslConfiguration(TestCertificates::systemOnlyConfiguration());
        QNetworkAccessManager other;
        QCOMPARE(send(other, request, "GET").error, QNetworkReply::SslHandshakeFailedError);
    }

    void nocSimCommandLineRefusesBadTlsArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("cert without key")
            << QStringList { QStringLiteral("--tls-cert"), QStringLiteral("@server.crt") }
            << QStringLiteral("go together");
        QTest::newRow("missing key file")
            << QStringList { QStringLiteral("--tls-cert"), QStringLiteral("@server.crt"),
                             QStringLiteral("--tls-key"), QStringLiteral("@nothing.key") }
            << QStringLiteral("cannot read the TLS key");
        QTest::newRow("certificate is a key")
            << QStringList { QStringLiteral("--tls-cert"), QStringLiteral("@server.key"),
                             QStringLiteral("--tls-key"), QStringLiteral("@server.key") }
            << QStringLiteral("holds no PEM certificate");
        QTest::newRow("key is a certificate")
            << QStringList { QStringLiteral("--tls-cert"), QStringLiteral("@server.crt"),
                             QStringLiteral("--tls-key"), QStringLiteral("@server.crt") }
            << QStringLiteral("holds no unencrypted PEM private key");
    }
    void nocSimCommandLineRefusesBadTlsArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, complaint);
        for (QString &argument : arguments) {
            if (argument.startsWith(QLatin1Char('@'))) {
                argument = QDir(m_certs->directory()).filePath(argument.mid(1));
            }
        }
        QProcess sim;
        sim.start(
            QStringLiteral(NOC_SIM_PATH),
            QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-traffic") }
                + arguments);
        QVERIFY(sim.waitForFinished(kTimeoutMs));
        QCOMPARE(sim.exitCode(), 2);
        const QString err = QString::fromUtf8(sim.readAllStandardError());
        QVERIFY2(err.contains(complaint), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
