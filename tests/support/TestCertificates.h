// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace noc::test {

struct TestCertificate
{
    QString certificatePath; // PEM
    QString keyPath; // PEM, unencrypted
    QSslCertificate certificate = QSslCertificate(); // spelled out: its default constructor is explicit
    QSslKey key;
};

// A private CA and server certificates made at test time with the openssl command line, in a
// temporary folder (0700) that goes away with this object; nothing is checked in, nothing expires
// between runs. All keys are EC P-256: fast to make, and what current servers use.
//
//   TestCertificates certs;
//   QVERIFY2(certs.isValid(), qPrintable(certs.errorString()));
//   options.tlsCertificate = certs.server().certificate; options.tlsKey = certs.server().key;
//   request.setSslConfiguration(certs.clientConfiguration());
class TestCertificates
{
public:
    TestCertificates();
    ~TestCertificates();
    TestCertificates(const TestCertificates &) = delete;
    TestCertificates &operator=(const TestCertificates &) = delete;

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    // Which openssl step failed and what it said; empty when valid.
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString directory() const;

    // The private test CA: the trust anchor a client adds (a company CA bundle in production).
    [[nodiscard]] const TestCertificate &ca() const { return m_ca; }
    [[nodiscard]] QString caBundlePath() const { return m_ca.certificatePath; }
    // For IP:127.0.0.1 and DNS:localhost, signed by ca(), valid from an hour ago for two days.
    [[nodiscard]] const TestCertificate &server() const { return m_server; }
    // The same names, self-signed: no client that trusts only ca() and the system CAs accepts it.
    [[nodiscard]] const TestCertificate &selfSigned() const { return m_selfSigned; }
    // Signed by ca() and current, but only for DNS:wrong-host.invalid.
    [[nodiscard]] const TestCertificate &wrongHost() const { return m_wrongHost; }
    // Signed by ca(), for the right names, but valid only on 1 January 2020.
    [[nodiscard]] const TestCertificate &expired() const { return m_expired; }

    // What a client uses: the default configuration (system CAs) plus ca().
    [[nodiscard]] QSslConfiguration clientConfiguration() const;
    // The default configuration only: the test CA is unknown to it.
    [[nodiscard]] static QSslConfiguration systemOnlyConfiguration();

    // Empty when openssl is not installed (Debian: the openssl package).
    [[nodiscard]] static QString opensslPath();

private:
    bool create();
    bool openssl(const QStringList &arguments, const QString &step, const QString &subjectAltName = {});
    bool makeCa();
    bool signedLeaf(const QString &name, const QString &commonName, const QString &subjectAltName,
                    const QString &startDate, const QString &endDate, TestCertificate &into);
    bool selfSignedLeaf(const QString &name, TestCertificate &into);
    bool load(const QString &name, TestCertificate &into);
    [[nodiscard]] QString path(const QString &fileName) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_openssl;
    QString m_error;
    TestCertificate m_ca;
    TestCertificate m_server;
    TestCertificate m_selfSigned;
    TestCertificate m_wrongHost;
    TestCertificate m_expired;
};

} // namespace noc::test
