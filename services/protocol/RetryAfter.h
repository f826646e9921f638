// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace noc {

// A 429's wait is honoured as the server names it (PROTOCOL.md sections 1 and 6); the cap only keeps a
// nonsense header from silencing a client for days. Both the sign-in and the REST API read it here.
inline constexpr int kMaxRetryAfterSeconds = 24 * 3600;
// A 429 that names no wait: a minute.
inline constexpr int kDefaultRetryAfterSeconds = 60;

// The wait a 429 asks for, in seconds: the Retry-After header (delay-seconds or an HTTP-date, RFC 9110
// 10.2.3), else the framework's "Expected available in N seconds." in `message`; capped. std::nullopt
// when neither names one.
[[nodiscard]] std::optional<int> retryAfterSeconds(const QByteArray &header, const QDateTime &now,
                                                   const QString &message = {});

} // namespace noc
