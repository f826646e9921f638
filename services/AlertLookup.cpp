// SPDX-License-Identifier: MIT
#include "AlertLookup.h"

#include "Clock.h"
#include "LoggingCategories.h"
#include "UrlRedaction.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
constexpr int kPageSize = 100;

AlertApiError errorOf(QNetworkReply *reply, const QByteArray &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return { AlertApiErrorKind::Network, 0, reply->errorString(), 0 };
    return parseAlertApiError(status, body, reply->rawHeader("Retry-After"));
}
} // namespace

AlertLookup::AlertLookup(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent), m_network(network), m_clock(clock)
{ }

AlertLookup::~AlertLookup()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void AlertLookup::list(const QStringList &statuses, int pageBudget)
{
    if (isBusy())
        return;
    m_statuses = statuses.isEmpty() ? QStringList { QString() } : statuses;
    m_pagesLeft = qMax(1, pageBudget);
    m_page = 1;
    m_total = 0;
    m_complete = true;
    m_read.clear();
    m_seen.clear();
    requestPage();
}

void AlertLookup::requestPage()
{
    QUrlQuery query;
    if (!m_statuses.constFirst().isEmpty())
        query.addQueryItem(u"status"_s, m_statuses.constFirst());
    query.addQueryItem(u"page"_s, QString::number(m_page));
    query.addQueryItem(u"page_size"_s, QString::number(kPageSize));
    const QNetworkRequest request = m_endpoint.request(u"/api/noc/alerts/"_s, query);
    ++m_calls;
    --m_pagesLeft;
    qCDebug(lcSession) << "listing alert records:" << redactedUrl(request.url());
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onPage(reply); });
}

void AlertLookup::onPage(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    auto result = status >= 200 && status <= 299
        ? parseAlertPage(status, body, m_clock->nowUtc())
        : std::variant<AlertPage, AlertApiError>(errorOf(reply, body));
    if (const auto *error = std::get_if<AlertApiError>(&result);
        error && error->kind != AlertApiErrorKind::InvalidPage) {
        Q_EMIT failed({}, *error);
        return;
    }
    bool more = false;
    if (auto *page = std::get_if<AlertPage>(&result)) {
        if (m_page == 1)
            m_total += page->count;
        // New alerts push older ones onto later pages, and an alert can change status between two
        // statuses' reads: one line per id.
        for (Alert &alert : page->alerts) {
            if (!std::exchange(m_seen[alert.id], true))
                m_read.append(std::move(alert));
        }
        more = page->hasNext;
    }
    if (more && m_pagesLeft > 0) {
        ++m_page;
        requestPage();
        return;
    }
    m_complete = m_complete && !more;
    m_statuses.removeFirst();
    if (!m_statuses.isEmpty() && m_pagesLeft > 0) {
        m_page = 1;
        requestPage();
        return;
    }
    m_complete = m_complete && m_statuses.isEmpty();
    Q_EMIT listed(m_read, m_total, m_complete);
}

void AlertLookup::detail(const QString &alertId)
{
    if (isBusy())
        return;
    const QNetworkRequest request = m_endpoint.request(u"/api/noc/alerts/%1/"_s.arg(alertId));
    ++m_calls;
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this,
            [this, reply = m_reply.data(), alertId] { onDetail(reply, alertId); });
}

void AlertLookup::onDetail(QNetworkReply *reply, const QString &alertId)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        Q_EMIT failed(alertId, errorOf(reply, body));
        return;
    }
    auto result = parseAlertDetail(status, body, m_clock->nowUtc(), reply->rawHeader("Retry-After"));
    if (const auto *error = std::get_if<AlertApiError>(&result))
        Q_EMIT failed(alertId, *error);
    else
        Q_EMIT detailRead(std::get<AlertRecordDetail>(result));
}

} // namespace noc
