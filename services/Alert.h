// SPDX-License-Identifier: MIT
#pragma once

#include "Severity.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace noc {

// Everything the server pushes that an operator may have to act on becomes an Alert; the kind keeps
// where it came from, because ids are only unique within one kind.
// Other: a frame type this client does not know that still looks like an alert (it has a severity).
enum class AlertKind : quint8
{
    Alert,
    CriticalAlert,
    Finding,
    Anomaly,
    Ticket,
    Other
};

[[nodiscard]] QString alertKindName(AlertKind kind);

struct Alert
{
    AlertKind kind = AlertKind::Alert;
    QString id;
    QString clientId; // empty when the server did not say
    QString type;
    Severity severity = Severity::Unknown;
    QString message;
    QString location; // site or location name, when known
    QString detail; // kind-specific extras in words (priority, category, assignee...)
    QDateTime occurredAt; // server's time; invalid when the frame carried none
    QDateTime receivedAt; // our clock, UTC
    QString rawJson; // the frame as received, for kinds this client cannot show field by field

    // Unique across kinds: an alert id 7 and a ticket id 7 are different rows.
    [[nodiscard]] QString key() const { return alertKindName(kind) + QLatin1Char(':') + id; }
};

using AlertBatch = QList<Alert>;

} // namespace noc

// Strings and a date: moving one is a memcpy, which matters when a storm grows a list of them.
Q_DECLARE_TYPEINFO(noc::Alert, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(noc::Alert)
