// SPDX-License-Identifier: MIT
#include "AlertPager.h"

namespace noc {

using namespace Qt::StringLiterals;

AlertPager::AlertPager(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent), m_job(new RestJob(network, clock, this))
{
    connect(m_job, &RestJob::finished, this, &AlertPager::onPage);
}

void AlertPager::read(const Read &read)
{
    cancel();
    m_read = read;
    m_read.pageBudget = qMax(1, read.pageBudget);
    m_statuses = read.statuses.isEmpty() ? QStringList { QString() } : read.statuses;
    m_page = 1;
    m_pagesRead = 0;
    m_result = {};
    m_index.clear();
    m_reading = true;
    requestPage();
}

void AlertPager::cancel()
{
    m_job->cancel();
    m_reading = false;
}

void AlertPager::requestPage()
{
    RestJob::Call call;
    call.path = QString::fromLatin1(kPath);
    if (!m_statuses.constFirst().isEmpty())
        call.query.addQueryItem(u"status"_s, m_statuses.constFirst());
    call.query.addQueryItem(u"page"_s, QString::number(m_page));
    call.query.addQueryItem(u"page_size"_s, QString::number(kPageSize));
    m_job->start(call);
}

void AlertPager::onPage(const RestJob::Result &answer)
{
    if (!m_reading)
        return;
    AlertPage page;
    if (answer.outcome == RestJob::Outcome::Success) {
        auto parsed = parseAlertPage(answer.httpStatus, answer.body, answer.sentAt);
        if (const auto *error = std::get_if<AlertApiError>(&parsed)) {
            m_job->holdOff(RestJob::Outcome::BadAnswer);
            fail(*error, RestJob::Outcome::BadAnswer);
            return;
        }
        page = std::move(std::get<AlertPage>(parsed));
    } else if (answer.error.kind == AlertApiErrorKind::InvalidPage) {
        m_job->forgiveFailure(); // past the end is the end: an empty page
    } else {
        fail(answer.error, answer.outcome);
        return;
    }
    ++m_pagesRead;
    m_result.unreadable += page.unreadable;
    if (m_page == 1)
        m_result.total += page.count;
    const bool reachedWanted = m_read.oldestWanted.isValid() && page.oldestCreated.isValid()
        && page.oldestCreated < m_read.oldestWanted;
    add(std::move(page.alerts));
    const bool budgetLeft = m_pagesRead < m_read.pageBudget;
    if (page.hasNext && !reachedWanted) {
        if (budgetLeft) {
            ++m_page;
            requestPage();
            return;
        }
        m_result.complete = false; // some were not read: said, never passed off as all
    }
    m_statuses.removeFirst();
    if (!m_statuses.isEmpty()) {
        if (budgetLeft) {
            m_page = 1;
            requestPage();
            return;
        }
        m_result.complete = false; // statuses left unread
    }
    m_reading = false;
    Q_EMIT finished(m_result);
}

void AlertPager::add(AlertBatch &&alerts)
{
    for (Alert &alert : alerts) {
        const auto known = m_index.constFind(alert.id);
        if (known != m_index.constEnd()) {
            m_result.alerts[*known] = std::move(alert);
            continue;
        }
        m_index.insert(alert.id, m_result.alerts.size());
        m_result.alerts.append(std::move(alert));
    }
}

void AlertPager::fail(const AlertApiError &error, RestJob::Outcome outcome)
{
    m_reading = false;
    Q_EMIT failed(error, outcome);
}

} // namespace noc
