// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <variant>

namespace noc {

// One page of GET /api/noc/alerts/: the alerts it could read (unreadable items counted and skipped).
struct AlertPage
{
    int count = 0; // the server's total for this query
    bool hasNext = false;
    AlertBatch alerts;
    int unreadable = 0;
    QDateTime oldestCreated; // the smallest cdtz on the page
};

// What an answer of the REST alert API means to the client (three error shapes, PROTOCOL.md section 6).
enum class AlertApiErrorKind : quint8
{
    HistoryRefused, // 403 "Authentication required" to a valid token: current servers refuse list/detail
    PermissionDenied, // 403 PERMISSION_DENIED: this user lacks the right
    EndpointMissing, // 404 on the list itself: a server without the alert API
    InvalidPage, // 404 "Invalid page.": past the end
    NotFound, // 404 "Alert not found" (detail, actions)
    Unauthenticated, // 401: the access token expired or was refused
    RateLimited, // 429: wait retryAfterSeconds
    Invalid, // 400: the server's reason (validation) in message
    ServerError, // 5xx
    Network, // no HTTP answer
    Unreadable // 200 with a body that is not a page
};

struct AlertApiError
{
    AlertApiErrorKind kind = AlertApiErrorKind::Network;
    int httpStatus = 0;
    QString message; // the server's words where it gave any
    int retryAfterSeconds = 0; // 429: the wait RestJob read from Retry-After
};

// The answer to an action (POST alerts/{id}/resolve/, assign/, escalate/, bulk-action/). No answer carries
// the updated alert.
struct ActionAnswer
{
    int processed = -1; // bulk: how many ids the server counted (unknown ids are skipped uncounted)
    QString assignedTo; // assign: the assignee's display name
};

// GET /api/noc/alerts/{id}/: the record with who acted on it and when (empty where nobody did).
struct AlertRecordDetail
{
    Alert alert;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString assignedTo;
    QDateTime assignedAt;
    QString escalatedTo;
    QDateTime escalatedAt;
    QString resolvedBy;
    QDateTime resolvedAt;
    QString resolutionNotes;
};

[[nodiscard]] std::variant<AlertPage, AlertApiError> parseAlertPage(int httpStatus, const QByteArray &body,
                                                                    const QDateTime &receivedAt);
[[nodiscard]] std::variant<ActionAnswer, AlertApiError> parseActionAnswer(int httpStatus,
                                                                          const QByteArray &body);
[[nodiscard]] std::variant<AlertRecordDetail, AlertApiError>
parseAlertDetail(int httpStatus, const QByteArray &body, const QDateTime &receivedAt);
// Any non-2xx answer: its shape and words. A 429's wait is not in the body (RestJob reads the header).
[[nodiscard]] AlertApiError parseAlertApiError(int httpStatus, const QByteArray &body);

} // namespace noc
