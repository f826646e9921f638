// SPDX-License-Identifier: MIT
#include "RetryAfter.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
int capped(qint64 seconds)
{
    return static_cast<int>(std::clamp<qint64>(seconds, 0, kMaxRetryAfterSeconds));
}

std::optional<QDateTime> httpDate(const QString &text)
{
    // IMF-fixdate, the only form a current server sends: "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime date = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    if (!date.isValid())
        return std::nullopt;
    date.setTimeSpec(Qt::UTC);
    return date;
}
} // namespace

std::optional<int> retryAfterSeconds(const QByteArray &header, const QDateTime &now, const QString &message)
{
    const QString text = QString::fromLatin1(header.trimmed());
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok && seconds >= 0)
        return capped(seconds);
    if (const auto date = httpDate(text); date && now.isValid())
        return capped(now.secsTo(*date));
    // DRF: "Request was throttled. Expected available in 42 seconds."
    static const QRegularExpression expected(u"available in (\\d+)"_s);
    const auto match = expected.match(message);
    if (match.hasMatch()) {
        const qint64 parsed = match.captured(1).toLongLong(&ok);
        if (ok)
            return capped(parsed);
    }
    return std::nullopt;
}

} // namespace noc
