// SPDX-License-Identifier: MIT
#include "TestCertificates.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace noc::test {

namespace {

constexpr int kOpensslTimeoutMs = 30000;
const QString kServerNames = QStringLiteral("IP:127.0.0.1,DNS:localhost");

// `openssl ca` wants its dates as YYYYMMDDHHMMSSZ.
QString caDate(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

QStringList ecKey()
{
    return { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
}

} // namespace

TestCertificates::TestCertificates() : m_dir(std::make_unique<QTemporaryDir>())
{
    if (!create() && m_error.isEmpty()) {
        m_error = QStringLiteral("could not create the test certificates");
    }
}

TestCertificates::~TestCertificates() = default;

QString TestCertificates::directory() const
{
    return m_dir->path();
}

QString TestCertificates::path(const QString &fileName) const
{
    return m_dir->filePath(fileName);
}

QString TestCertificates::opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

QSslConfiguration TestCertificates::systemOnlyConfiguration()
{
    return QSslConfiguration::defaultConfiguration();
}

QSslConfiguration TestCertificates::clientConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(m_ca.certificate);
    return configuration;
}

bool TestCertificates::create()
{
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("no temporary folder: ") + m_dir->errorString();
        return false;
    }
    m_openssl = opensslPath();
    if (m_openssl.isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed (Debian package openssl; "
                                 "tools/install-deps.sh installs it)");
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // An hour of slack before now: a client whose clock is a little behind still accepts the server.
    const QString from = caDate(now.addSecs(-3600));
    const QString until = caDate(now.addDays(2));
    return makeCa()
        && signedLeaf(QStringLiteral("server"), QStringLiteral("localhost"), kServerNames, from, until,
                      m_server)
        && signedLeaf(QStringLiteral("wrong-host"), QStringLiteral("wrong-host.invalid"),
                      QStringLiteral("DNS:wrong-host.invalid"), from, until, m_wrongHost)
        && signedLeaf(QStringLiteral("expired"), QStringLiteral("localhost"), kServerNames,
                      QStringLiteral("20200101000000Z"), QStringLiteral("20200102000000Z"), m_expired)
        && selfSignedLeaf(QStringLiteral("self-signed"), m_selfSigned);
}

bool TestCertificates::openssl(const QStringList &arguments, const QString &step,
                               const QString &subjectAltName)
{
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    // No user or system openssl.cnf may change what we make.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("OPENSSL_CONF"));
    // ca.cnf reads the leaf's names from here, so one config serves every leaf.
    environment.insert(QStringLiteral("NOC_SAN"), subjectAltName);
    process.setProcessEnvironment(environment);
    process.start(m_openssl, arguments);
    if (!process.waitForFinished(kOpensslTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_error = QStringLiteral("openssl %1 did not finish: %2").arg(step, process.errorString());
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed (%2): %3")
                      .arg(step, QString::number(process.exitCode()),
                           QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool TestCertificates::load(const QString &name, TestCertificate &into)
{
    into.certificatePath = path(name + QStringLiteral(".crt"));
    into.keyPath = path(name + QStringLiteral(".key"));
    QFile certificateFile(into.certificatePath);
    QFile keyFile(into.keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("openssl left no %1.crt/%1.key").arg(name);
        return false;
    }
    into.certificate = QSslCertificate(certificateFile.readAll(), QSsl::Pem);
    into.key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (into.certificate.isNull() || into.key.isNull()) {
        m_error = QStringLiteral("Qt cannot load %1.crt/%1.key").arg(name);
        return false;
    }
    return true;
}

bool TestCertificates::makeCa()
{
    // A fresh name per run: a CA left trusted anywhere by accident can't vouch for another run's server.
    const QString subject = QStringLiteral("/O=nocdash tests/CN=nocdash test CA %1")
                                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    QStringList arguments { QStringLiteral("req"), QStringLiteral("-x509") };
    arguments += ecKey();
    arguments += { QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                   QStringLiteral("-out"),    QStringLiteral("ca.crt"),
                   QStringLiteral("-subj"),   subject,
                   QStringLiteral("-days"),   QStringLiteral("3"),
                   QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE,pathlen:0"),
                   QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                   QStringLiteral("-addext"), QStringLiteral("subjectKeyIdentifier=hash") };
    if (!openssl(arguments, QStringLiteral("req (test CA)"))) {
        return false;
    }
    // The minimal state `openssl ca` needs; it lets us choose both validity dates (the expired leaf).
    QFile index(path(QStringLiteral("index.txt")));
    QFile serial(path(QStringLiteral("serial")));
    QFile config(path(QStringLiteral("ca.cnf")));
    if (!index.open(QIODevice::WriteOnly) || !serial.open(QIODevice::WriteOnly)
        || !config.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write the CA's files in ") + m_dir->path();
        return false;
    }
    serial.write("1000\n");
    config.write("[ca]\n"
                 "default_ca = test_ca\n"
                 "[test_ca]\n"
                 "database = index.txt\n"
                 "new_certs_dir = .\n"
                 "certificate = ca.crt\n"
                 "private_key = ca.key\n"
                 "serial = serial\n"
                 "default_md = sha256\n"
                 "policy = any_name\n"
                 "unique_subject = no\n"
                 "copy_extensions = none\n"
                 "[any_name]\n"
                 "commonName = supplied\n"
                 "[leaf]\n"
                 "basicConstraints = critical,CA:FALSE\n"
                 "keyUsage = critical,digitalSignature\n"
                 "extendedKeyUsage = serverAuth\n"
                 "subjectKeyIdentifier = hash\n"
                 "authorityKeyIdentifier = keyid\n"
                 "subjectAltName = ${ENV::NOC_SAN}\n");
    return load(QStringLiteral("ca"), m_ca);
}

bool TestCertificates::signedLeaf(const QString &name, const QString &commonName,
                                  const QString &subjectAltName, const QString &startDate,
                                  const QString &endDate, TestCertificate &into)
{
    QStringList request { QStringLiteral("req"), QStringLiteral("-new") };
    request += ecKey();
    request += { QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                 QStringLiteral("-out"),    name + QStringLiteral(".csr"),
                 QStringLiteral("-subj"),   QStringLiteral("/CN=") + commonName };
    if (!openssl(request, QStringLiteral("req (%1)").arg(name))) {
        return false;
    }
    const bool ok
        = openssl({ QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                    QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-extensions"),
                    QStringLiteral("leaf"), QStringLiteral("-startdate"), startDate,
                    QStringLiteral("-enddate"), endDate, QStringLiteral("-in"), name + QStringLiteral(".csr"),
                    QStringLiteral("-out"), name + QStringLiteral(".crt") },
                  QStringLiteral("ca (%1)").arg(name), subjectAltName);
    return ok && load(name, into);
}

bool TestCertificates::selfSignedLeaf(const QString &name, TestCertificate &into)
{
    QStringList arguments { QStringLiteral("req"), QStringLiteral("-x509") };
    arguments += ecKey();
    arguments += { QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                   QStringLiteral("-out"),    name + QStringLiteral(".crt"),
                   QStringLiteral("-subj"),   QStringLiteral("/CN=localhost"),
                   QStringLiteral("-days"),   QStringLiteral("2"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + kServerNames,
                   QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:FALSE"),
                   QStringLiteral("-addext"), QStringLiteral("extendedKeyUsage=serverAuth") };
    return openssl(arguments, QStringLiteral("req (%1)").arg(name)) && load(name, into);
}

} // namespace noc::test
