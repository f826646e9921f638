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

// Where the last action asked for one alert stands: none (or answered and done), waiting for the
// server's answer, or refused (by the server, or here before sending).
enum class AlertActionState : quint8
{
    None,
    Pending,
    Refused
};

[[nodiscard]] QString alertActionName(AlertActionKind kind); // resolve, assign, escalate
[[nodiscard]] std::optional<AlertActionKind> alertActionFromName(QStringView name);

// The longest text the server takes with each action, in characters (PROTOCOL.md section 6):
// resolution notes 1000, an escalation's reason 500. An assignment's comment has no stated bound; it
// is held to an acknowledgement comment's 500.
[[nodiscard]] constexpr int alertActionTextLimit(AlertActionKind kind)
{
    return kind == AlertActionKind::Resolve ? 1000 : 500;
}
// Whether the text is within that limit, counted as the server counts: characters, not UTF-16 units.
[[nodiscard]] bool fitsAlertActionText(AlertActionKind kind, QStringView text);

// One action the operator asked for, on one alert or a selection; kept until the server has answered
// for every id in it.
struct AlertActionRequest
{
    QString key; // unique, kept across restarts
    AlertActionKind kind = AlertActionKind::Resolve;
    QStringList alertIds; // not answered yet
    // Groups of ids ("12,13,14") a bulk call counted fewer of than it was sent: each group is asked again
    // as a half of the one before, down to single ids, so each id gets its own answer in few calls.
    QStringList retryGroups;
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
    QString requestKey; // the request it answers (AlertActions::request's return value)
    AlertActionKind kind = AlertActionKind::Resolve;
    QString alertId;
    bool done = false;
    QString reason; // the server's words when it refused
    QString assignedTo; // assign: the display name the server confirmed
    QDateTime at; // when the answer came (our clock)
};

} // namespace noc

Q_DECLARE_METATYPE(noc::AlertActionOutcome)
