// SPDX-License-Identifier: MIT
#include "ServerFailover.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
constexpr int kFailuresBeforeFailover = 2;
}

ServerFailover::ServerFailover(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent), m_network(network), m_probeTimer(clock->createTimer())
{
    m_probeTimer->onTimeout = [this] { probe(); };
}

ServerFailover::~ServerFailover() = default;

void ServerFailover::configure(const ClientSettings &settings, const QSslConfiguration &ssl)
{
    if (settings.servers != m_settings.servers)
        m_index = 0;
    m_settings = settings;
    m_ssl = ssl;
}

void ServerFailover::noteFailure()
{
    if (m_settings.servers.size() < 2)
        return;
    if (++m_failuresOnServer < kFailuresBeforeFailover)
        return;
    // Fail over in order; tokens from one server mean nothing to another unless they share an
    // auth backend, so only the refresh token is kept (a refusal then falls back to the password).
    m_failuresOnServer = 0;
    m_index = (m_index + 1) % m_settings.servers.size();
    qCInfo(lcConnection) << "failing over to" << redactedUrl(current().baseUrl);
    Q_EMIT serverChanged();
}

void ServerFailover::setLive(bool live)
{
    m_live = live;
    if (live && m_index > 0)
        m_probeTimer->start(m_probeIntervalMs);
    else if (!live)
        m_probeTimer->stop();
}

void ServerFailover::probe()
{
    if (m_index == 0 || !m_live || m_probeReply)
        return;
    QNetworkRequest request(preferred().restUrl(u"/"_s));
    request.setTransferTimeout(5000);
    if (request.url().scheme() == "https"_L1)
        request.setSslConfiguration(m_ssl);
    m_probeReply = m_network->get(request);
    connect(m_probeReply, &QNetworkReply::finished, this, [this, reply = m_probeReply] {
        reply->deleteLater();
        m_probeReply = nullptr;
        // Any HTTP answer means the server is up; a TLS or network error means it is not.
        const bool healthy = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
        if (!healthy || m_index == 0 || !m_live) {
            if (m_live && m_index > 0)
                m_probeTimer->start(m_probeIntervalMs);
            return;
        }
        qCInfo(lcConnection) << "the preferred server answers again; moving back";
        m_index = 0;
        m_failuresOnServer = 0;
        Q_EMIT serverChanged();
        Q_EMIT preferredServerBack();
    });
}

} // namespace noc
