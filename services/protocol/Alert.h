// SPDX-License-Identifier: MIT
#pragma once

#include "Severity.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

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

// The server record an alert id names: records have positive integer ids (PROTOCOL.md section 6), and
// "012" names the same one as "12". nullopt for anything else.
[[nodiscard]] std::optional<qint64> alertRecordId(QStringView alertId);

// The alert record's status on the server (PROTOCOL.md section 6). Unknown: heard on the socket only,
// no record read yet (an alert_new is NEW on the server, but nobody has said so).
enum class AlertStatus : quint8
{
    Unknown,
    New,
    Acknowledged,
    Assigned,
    Escalated,
    Resolved,
    Suppressed
};

[[nodiscard]] QString alertStatusName(AlertStatus status); // the server's word: NEW, ACKNOWLEDGED, ...
[[nodiscard]] AlertStatus alertStatusFromString(QStringView text); // case-insensitive; Unknown otherwise
// Open alerts are the ones somebody still has to work: everything but RESOLVED and SUPPRESSED.
[[nodiscard]] constexpr bool isOpen(AlertStatus status)
{
    return status != AlertStatus::Resolved && status != AlertStatus::Suppressed;
}

// A storm hashes each id several times (the feed's duplicate filter, the list's index). Ids are a few
// characters, and Qt's SipHash for strings was 7 % of an alert's whole cost; this is FNV-1a over the
// UTF-16 units, salted with the seed. The ids come from the server we signed in to, so resisting
// deliberate collisions is not its job.
[[nodiscard]] inline quint64 identityHash(AlertKind kind, QStringView id, size_t seed) noexcept
{
    quint64 h = 0xcbf29ce484222325ULL ^ quint64(seed) ^ (quint64(kind) << 56);
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return h ^ (h >> 32);
}

// What tells two alerts apart, as a hashable value: ids are unique only within one kind. Cheaper than
// the "kind:id" text (no allocation), which is what a storm hashes several times per alert.
struct AlertIdentity
{
    AlertKind kind = AlertKind::Alert;
    QString id;

    // "kind:id", the form views and QML use; parse() reads it back (nullopt for anything else).
    [[nodiscard]] QString toString() const { return alertKindName(kind) + QLatin1Char(':') + id; }
    [[nodiscard]] static std::optional<AlertIdentity> parse(const QString &key);

    friend bool operator==(const AlertIdentity &a, const AlertIdentity &b)
    {
        return a.kind == b.kind && a.id == b.id;
    }
    friend size_t qHash(const AlertIdentity &identity, size_t seed = 0) noexcept
    {
        return size_t(identityHash(identity.kind, identity.id, seed));
    }
};

struct Alert
{
    AlertKind kind = AlertKind::Alert;
    Severity severity = Severity::Unknown;
    // Set by AlertFeed: the server knows this id as an alert (alert_new, or a critical_alert whose
    // source alert reached this client), so acknowledge_alert may name it.
    bool serverAcknowledgeable = false;
    AlertStatus status = AlertStatus::Unknown;
    bool backfilled = false; // read from the server's records (start-up load, back-fill), not pushed
    QString id;
    QString clientId; // empty when the server did not say
    QString type;
    QString message;
    QString location; // site or location name, when known
    QString detail; // kind-specific extras in words (priority, category, assignee...)
    QDateTime occurredAt; // server's time; invalid when the frame carried none (a record's first_seen)
    // The server folds repeats of an open alert into its record without pushing anything: only a read
    // of the record tells how often (suppressed_count) and when last (last_seen, which also moves on
    // acknowledge, assign and resolve). 0 and invalid for pushed alerts, which carry neither.
    int suppressedCount = 0;
    QDateTime lastSeen;
    QDateTime receivedAt; // our clock, UTC
    QString rawJson; // the frame as received, for kinds this client cannot show field by field

    // The one answer to "can it be resolved, assigned or escalated, and its record read": only alerts
    // have server records; findings, anomalies and tickets do not.
    [[nodiscard]] bool hasRecord() const { return kind == AlertKind::Alert && alertRecordId(id).has_value(); }

    // Unique across kinds: an alert id 7 and a ticket id 7 are different rows.
    [[nodiscard]] AlertIdentity identity() const { return { kind, id }; }
    [[nodiscard]] QString key() const { return identity().toString(); }
};

using AlertBatch = QList<Alert>;

} // namespace noc

// Strings and a date: moving one is a memcpy, which matters when a storm grows a list of them.
Q_DECLARE_TYPEINFO(noc::Alert, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(noc::AlertIdentity, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(noc::Alert)
