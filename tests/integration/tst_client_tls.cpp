// SPDX-License-Identifier: MIT
// The production case: https and wss, verified against the system CAs plus a company CA bundle, failing
// closed with a message that names the problem. The simulator serves TLS with a CA made at test time.
#include "NocClient.h"
#include "TestCertificates.h"
#include "sim/Simulator.h"
#include "sim/SimulatorOptions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using State = noc::NocClient::ConnectionState;

namespace {
constexpr int kTimeoutMs = 15000;
}

class TestClientTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<noc::test::TestCertificates> m_certs;

    std::unique_ptr<noc::sim::Simulator> serve(const noc::test::TestCertificate &certificate)
    {
        noc::sim::SimulatorOptions options;
        options.tlsCertificate = certificate.certificate;
        options.tlsKey = certificate.key;
        auto sim = std::make_unique<noc::sim::Simulator>(options);
        if (!sim->listen())
            qFatal("simulator could not listen");
        return sim;
    }

    static std::unique_ptr<noc::NocClient> client(const noc::sim::Simulator &sim, const QString &caBundle,
                                                  bool insecure = false)
    {
        auto c = std::make_unique<noc::NocClient>();
        c->setCredentialStore(nullptr);
        noc::ClientSettings settings;
        settings.servers = { sim.httpUrl() };
        settings.caBundlePath = caBundle;
        settings.insecureTls = insecure;
        settings.subscriptions = { u"acme"_s };
        c->applySettings(settings);
        c->setCredentials(u"operator"_s, u"operator"_s);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (noc::test::TestCertificates::opensslPath().isEmpty())
            QSKIP("the openssl command is needed to make the test CA (Debian: openssl)");
        m_certs = std::make_unique<noc::test::TestCertificates>();
        QVERIFY2(m_certs->isValid(), qPrintable(m_certs->errorString()));
    }

    void companyCaBundleIsTrusted()
    {
        auto sim = serve(m_certs->server());
        QVERIFY(sim->httpUrl().scheme() == u"https"_s);
        auto c = client(*sim, m_certs->caBundlePath());
        c->start();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(sim->openSockets(u"/ws/noc/presence/"_s), 1, kTimeoutMs);
    }

    void untrustedCertificatesFailClosed_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<bool>("withBundle");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no company CA") << u"server"_s << false << u"TLS certificate rejected"_s;
        QTest::newRow("self-signed") << u"selfSigned"_s << true << u"self-signed"_s;
        QTest::newRow("wrong host") << u"wrongHost"_s << true << u"host name"_s;
        QTest::newRow("expired") << u"expired"_s << true << u"expired"_s;
    }

    void untrustedCertificatesFailClosed()
    {
        QFETCH(QString, which);
        QFETCH(bool, withBundle);
        QFETCH(QString, expected);
        const auto &certificate = which == u"server"_s ? m_certs->server()
            : which == u"selfSigned"_s                 ? m_certs->selfSigned()
            : which == u"wrongHost"_s                  ? m_certs->wrongHost()
                                                       : m_certs->expired();
        auto sim = serve(certificate);
        auto c = client(*sim, withBundle ? m_certs->caBundlePath() : QString());
        c->start();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Failed, kTimeoutMs);
        // The operator forwards this to IT: it must say what is wrong with the certificate.
        QVERIFY2(c->statusMessage().contains(expected, Qt::CaseInsensitive), qPrintable(c->statusMessage()));
        QCOMPARE(sim->openSockets(), 0);
    }

    void verificationOffOnlyByExplicitChoice()
    {
        auto sim = serve(m_certs->selfSigned());
        auto c = client(*sim, {}, true);
        c->start();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, kTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestClientTls)
#include "tst_client_tls.moc"
