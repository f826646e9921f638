// SPDX-License-Identifier: MIT
#include "AlertLookup.h"

#include "Clock.h"
#include "LoggingCategories.h"

namespace noc {

using namespace Qt::StringLiterals;

namespace {
RestJob::Policy lookupPolicy()
{
    RestJob::Policy policy;
    // A person is waiting: a failure is said at once, and the next read may go at once; only a 429
    // holds the reads back, for as long as the server says.
    policy.backoff = { .baseMs = 0, .factor = 1.0, .capMs = 0, .jitter = 0.0 };
    policy.waitOutRateLimit = false;
    return policy;
}
} // namespace

AlertLookup::AlertLookup(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_pager(new AlertPager(network, clock, this))
    , m_detailJob(new RestJob(network, clock, this))
    , m_wake(clock->createTimer())
{
    m_pager->job().setPolicy(lookupPolicy());
    m_detailJob->setPolicy(lookupPolicy());
    m_wake->onTimeout = [this] { startNext(); };
    connect(m_pager, &AlertPager::finished, this, [this](const AlertPager::Result &result) {
        Q_EMIT listed(result.alerts, result.total, result.complete);
        startNext();
    });
    connect(m_pager, &AlertPager::failed, this, [this](const AlertApiError &error) {
        Q_EMIT failed({}, error);
        startNext();
    });
    connect(m_detailJob, &RestJob::finished, this, &AlertLookup::onDetail);
    connect(&m_pager->job(), &RestJob::tokenRejected, this, &AlertLookup::tokenRejected);
    connect(m_detailJob, &RestJob::tokenRejected, this, &AlertLookup::tokenRejected);
}

AlertLookup::~AlertLookup() = default;

void AlertLookup::setAccess(const std::function<SessionAccess()> &access)
{
    m_pager->job().setAccess(access);
    m_detailJob->setAccess(access);
}

void AlertLookup::tokenRenewed()
{
    m_pager->job().tokenRenewed();
    m_detailJob->tokenRenewed();
}

bool AlertLookup::isBusy() const
{
    return m_pager->isBusy() || m_detailJob->isRunning() || !m_lists.isEmpty() || !m_waitingDetail.isEmpty();
}

void AlertLookup::list(const QStringList &statuses, int pageBudget)
{
    m_lists.append({ statuses, pageBudget });
    startNext();
}

void AlertLookup::detail(const QString &alertId)
{
    if (alertId.isEmpty() || alertId == m_readingDetail)
        return;
    m_waitingDetail = alertId;
    startNext();
}

qint64 AlertLookup::detailDueMs(const QString &alertId) const
{
    const auto sent = m_detailSentMs.constFind(alertId);
    return sent == m_detailSentMs.constEnd() ? 0 : *sent + kDetailIntervalMs;
}

qint64 AlertLookup::heldOffUntilMs() const
{
    return qMax(m_pager->job().nextTryMs(), m_detailJob->nextTryMs());
}

void AlertLookup::startNext()
{
    if (m_pager->isBusy() || m_detailJob->isRunning())
        return;
    m_wake->stop();
    const qint64 now = m_clock->monotonicMs();
    qint64 wakeAt = heldOffUntilMs();
    if (wakeAt > now) {
        m_wake->start(wakeAt - now); // a 429: nothing goes before its Retry-After
        return;
    }
    if (!m_waitingDetail.isEmpty()) {
        const qint64 due = detailDueMs(m_waitingDetail);
        if (due <= now) {
            m_readingDetail = std::exchange(m_waitingDetail, {});
            m_detailSentMs.removeIf(
                [now](QHash<QString, qint64>::iterator it) { return it.value() + kDetailIntervalMs <= now; });
            m_detailSentMs.insert(m_readingDetail, now);
            m_detailJob->start({ "GET", u"/api/noc/alerts/%1/"_s.arg(m_readingDetail), {}, {} });
            return;
        }
        wakeAt = due;
    }
    if (!m_lists.isEmpty()) {
        const ListRead next = m_lists.takeFirst();
        m_pager->read({ next.statuses, next.pageBudget, {} });
        return;
    }
    if (wakeAt > now)
        m_wake->start(wakeAt - now); // read again when the record's minute is over
}

void AlertLookup::onDetail(const RestJob::Result &answer)
{
    const QString alertId = std::exchange(m_readingDetail, {});
    if (answer.outcome != RestJob::Outcome::Success) {
        qCInfo(lcAlerts) << "reading alert record" << alertId << "failed:" << answer.httpStatus
                         << answer.error.message;
        Q_EMIT failed(alertId, answer.error);
    } else {
        auto read = parseAlertDetail(answer.httpStatus, answer.body, m_clock->nowUtc());
        if (const auto *error = std::get_if<AlertApiError>(&read)) {
            m_detailJob->holdOff(RestJob::Outcome::BadAnswer);
            Q_EMIT failed(alertId, *error);
        } else {
            Q_EMIT detailRead(std::get<AlertRecordDetail>(read));
        }
    }
    startNext();
}

} // namespace noc
