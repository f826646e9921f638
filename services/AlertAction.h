// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace noc {

// The lifecycle actions that go over REST (PROTOCOL.md section 6). Acknowledge is not one of them: it
// stays on the socket's acknowledge_alert, which drops nobody's connection.
enum class AlertActionKind : quint8
{
    Resolve,
    Assign,
    Escalate
};

[[nodiscard]] QString alertActionName(AlertActionKind kind); // resolve, assign, escalate
[[nodiscard]] std::optional<AlertActionKind> alertActionFromName(QStringView name);

// One action the operator asked for, on one alert or a selection; kept until the server has answered
// for every id in it.
struct AlertActionRequest
{
    QString key; // unique, kept across restarts
    AlertActionKind kind = AlertActionKind::Resolve;
    QStringList alertIds; // not answered yet
    // Ids a bulk call processed fewer of than it was sent: asked one by one, so each gets its own answer.
    QStringList singly;
    QString text; // resolution notes, the assignment's comment, the escalation's reason
    int userId = 0; // assign and escalate: the colleague
    QDateTime queuedAt;
    // Who asked: sent only in that user's session (empty: asked while nobody was signed in; the next
    // session sends it).
    QString username;
};

// The server's answer for one alert of an action.
struct AlertActionOutcome
{
    AlertActionKind kind = AlertActionKind::Resolve;
    QString alertId;
    bool done = false;
    QString reason; // the server's words when it refused
    QString assignedTo; // assign: the display name the server confirmed
    QDateTime at; // when the answer came (our clock)
};

} // namespace noc

Q_DECLARE_METATYPE(noc::AlertActionOutcome)
