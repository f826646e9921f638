// SPDX-License-Identifier: MIT
#include "AlertActions.h"

#include "AuthEndpoints.h"
#include "SimLogging.h"

#include <QJsonArray>

#include <cmath>

namespace noc::sim {

namespace {

// Django REST framework's field checks, with its messages, collected per field.
class Fields
{
public:
    explicit Fields(const QJsonObject &body) : m_body(body) { }

    QString text(const char *key, int maxLength, bool required)
    {
        const QJsonValue value = m_body.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required) {
                fail(key, QStringLiteral("This field is required."));
            }
            return {};
        }
        if (value.isNull()) {
            fail(key, QStringLiteral("This field may not be null."));
            return {};
        }
        QString result;
        if (value.isString()) {
            result = value.toString();
        } else if (value.isDouble()) {
            result = QString::number(value.toDouble());
        } else {
            fail(key, QStringLiteral("Not a valid string."));
            return {};
        }
        if (required && result.trimmed().isEmpty()) {
            fail(key, QStringLiteral("This field may not be blank."));
        } else if (result.size() > maxLength) {
            fail(key, QStringLiteral("Ensure this field has no more than %1 characters.").arg(maxLength));
        }
        return result;
    }

    std::optional<qint64> integer(const char *key, bool required)
    {
        const QJsonValue value = m_body.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required) {
                fail(key, QStringLiteral("This field is required."));
            }
            return std::nullopt;
        }
        if (value.isNull()) {
            fail(key, QStringLiteral("This field may not be null."));
            return std::nullopt;
        }
        const std::optional<qint64> number = toInteger(value);
        if (!number) {
            fail(key, QStringLiteral("A valid integer is required."));
        }
        return number;
    }

    QList<qint64> integerList(const char *key, int maxItems)
    {
        const QJsonValue value = m_body.value(QLatin1String(key));
        if (value.isUndefined()) {
            fail(key, QStringLiteral("This field is required."));
            return {};
        }
        if (!value.isArray()) {
            fail(key, QStringLiteral("Expected a list of items but got type \"%1\".").arg(pythonType(value)));
            return {};
        }
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            fail(key, QStringLiteral("This list may not be empty."));
            return {};
        }
        if (array.size() > maxItems) {
            fail(key, QStringLiteral("Ensure this field has no more than %1 elements.").arg(maxItems));
            return {};
        }
        QList<qint64> result;
        for (const QJsonValue &item : array) {
            const std::optional<qint64> number = toInteger(item);
            if (!number) {
                fail(key, QStringLiteral("A valid integer is required."));
                return {};
            }
            result.append(*number);
        }
        return result;
    }

    QString choice(const char *key, const QStringList &choices)
    {
        const QJsonValue value = m_body.value(QLatin1String(key));
        if (value.isUndefined()) {
            fail(key, QStringLiteral("This field is required."));
            return {};
        }
        const QString text
            = value.isString() ? value.toString() : QString::fromUtf8(value.toVariant().toByteArray());
        if (!value.isString() || !choices.contains(text)) {
            fail(key, QStringLiteral("\"%1\" is not a valid choice.").arg(text));
            return {};
        }
        return text;
    }

    [[nodiscard]] bool ok() const { return m_errors.isEmpty(); }
    [[nodiscard]] HttpReply invalid() const
    {
        return AlertActions::error(400, QStringLiteral("Invalid data"), m_errors);
    }

private:
    static std::optional<qint64> toInteger(const QJsonValue &value)
    {
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (std::isfinite(d) && std::floor(d) == d) {
                return qint64(d);
            }
            return std::nullopt;
        }
        if (value.isString()) {
            bool ok = false;
            const qint64 number = value.toString().trimmed().toLongLong(&ok);
            return ok ? std::optional<qint64>(number) : std::nullopt;
        }
        return std::nullopt;
    }

    static QString pythonType(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::String:
            return QStringLiteral("str");
        case QJsonValue::Double:
            return QStringLiteral("int");
        case QJsonValue::Bool:
            return QStringLiteral("bool");
        case QJsonValue::Object:
            return QStringLiteral("dict");
        default:
            return QStringLiteral("NoneType");
        }
    }

    void fail(const char *key, const QString &message)
    {
        m_errors.insert(QLatin1String(key), QJsonArray { message });
    }

    QJsonObject m_body;
    QJsonObject m_errors;
};

HttpReply alertNotFound()
{
    return AlertActions::error(404, QStringLiteral("Alert not found"));
}

HttpReply permissionDenied()
{
    return AuthEndpoints::frameworkError(
        403, QStringLiteral("PERMISSION_DENIED"),
        QStringLiteral("You do not have permission to perform this action."));
}

void record(AlertStore &store, qint64 id, const QString &action, const SimUser &actor, qint64 at,
            const QString &comment)
{
    store.detailsFor(id).history.append({ action, actor.username, at, QStringLiteral("rest"), comment });
}

} // namespace

AlertActions::AlertActions(const SimulatorOptions &options, AlertStore &store)
    : m_options(options), m_store(store)
{ }

HttpReply AlertActions::success(const QJsonObject &data)
{
    return HttpReply::json(
        200, { { QStringLiteral("status"), QStringLiteral("success") }, { QStringLiteral("data"), data } });
}

HttpReply AlertActions::error(int status, const QString &message, const QJsonObject &errors)
{
    QJsonObject body { { QStringLiteral("status"), QStringLiteral("error") },
                       { QStringLiteral("message"), message } };
    if (!errors.isEmpty()) {
        body.insert(QStringLiteral("errors"), errors);
    }
    return HttpReply::json(status, body);
}

AlertActions::Outcome AlertActions::perform(Kind kind, qint64 alertId, const SimUser &actor,
                                            const QJsonValue &body, bool parsed, bool escalateBroken)
{
    const bool allowed = kind == Kind::Escalate ? actor.canEscalate : actor.canAcknowledge;
    if (!allowed) {
        return { permissionDenied(), {} };
    }
    if (!parsed) {
        // The assign view reads the body without a serializer and fails inside; the others parse first.
        if (kind == Kind::Assign) {
            return { AuthEndpoints::frameworkError(500, QStringLiteral("INTERNAL_ERROR"),
                                                   QStringLiteral("A server error occurred.")),
                     {} };
        }
        return { AuthEndpoints::frameworkError(
                     400, QStringLiteral("PARSE_ERROR"),
                     QStringLiteral("JSON parse error - Expecting value: line 1 column 1 (char 0)")),
                 {} };
    }
    if (!body.isObject()) {
        return { error(400, QStringLiteral("Invalid data"),
                       { { QStringLiteral("non_field_errors"),
                           QJsonArray { QStringLiteral("Invalid data. Expected a dictionary, but got %1.")
                                            .arg(body.isArray() ? QStringLiteral("list")
                                                                : QStringLiteral("a value")) } } }),
                 {} };
    }
    const QJsonObject object = body.toObject();
    switch (kind) {
    case Kind::Acknowledge:
        return acknowledge(alertId, actor, object);
    case Kind::Assign:
        return assign(alertId, actor, object);
    case Kind::Escalate:
        return escalate(alertId, actor, object, escalateBroken);
    case Kind::Resolve:
        return resolve(alertId, actor, object);
    case Kind::Bulk:
        return bulk(actor, object);
    }
    return { error(400, QStringLiteral("Invalid data")), {} };
}

void AlertActions::stampAcknowledged(StoredAlert &alert, const SimUser &actor, const QString &comment,
                                     qint64 at)
{
    m_store.setStatus(alert, AlertStatus::Acknowledged);
    alert.lastSeenMs = at;
    m_store.detailsFor(alert.id).acknowledged = { at, actor.name() };
    record(m_store, alert.id, QStringLiteral("acknowledge"), actor, at, comment);
}

void AlertActions::stampResolved(StoredAlert &alert, const SimUser &actor, const QString &notes, qint64 at)
{
    m_store.setStatus(alert, AlertStatus::Resolved);
    alert.lastSeenMs = at;
    AlertDetails &details = m_store.detailsFor(alert.id);
    details.resolved = { at, actor.name() };
    details.metadata.insert(QStringLiteral("resolution_notes"), notes);
    record(m_store, alert.id, QStringLiteral("resolve"), actor, at, notes);
}

AlertActions::Outcome AlertActions::acknowledge(qint64 id, const SimUser &actor, const QJsonObject &body)
{
    Fields fields(body);
    const QString comment = fields.text("comment", 500, false);
    if (!fields.ok()) {
        return { fields.invalid(), {} };
    }
    StoredAlert *alert = m_store.find(id);
    if (!alert) {
        return { alertNotFound(), {} };
    }
    if (!AlertStatusNames::isOpen(alert->status)) {
        return { error(400, QStringLiteral("Cannot acknowledge resolved/suppressed alert")), {} };
    }
    stampAcknowledged(*alert, actor, comment, AlertStore::nowMs());
    qCInfo(lcSim) << actor.username << "acknowledged" << id << "over REST";
    return { success({ { QStringLiteral("alert_id"), id },
                       { QStringLiteral("status"), QStringLiteral("acknowledged") } }),
             { id } };
}

AlertActions::Outcome AlertActions::assign(qint64 id, const SimUser &actor, const QJsonObject &body)
{
    Fields fields(body);
    const std::optional<qint64> assigneeId = fields.integer("assigned_to_id", true);
    const QString comment = fields.text("comment", 500, false);
    if (!fields.ok()) {
        return { fields.invalid(), {} };
    }
    StoredAlert *alert = m_store.find(id);
    const SimUser *assignee = m_options.userById(int(*assigneeId));
    if (!alert || !assignee) {
        return { error(404, QStringLiteral("Alert or user not found")), {} };
    }
    const qint64 at = AlertStore::nowMs();
    m_store.setStatus(*alert, AlertStatus::Assigned);
    alert->lastSeenMs = at;
    m_store.detailsFor(id).assigned = { at, assignee->name() };
    record(m_store, id, QStringLiteral("assign"), actor, at,
           comment.isEmpty() ? QStringLiteral("to %1").arg(assignee->username)
                             : QStringLiteral("to %1: %2").arg(assignee->username, comment));
    qCInfo(lcSim) << actor.username << "assigned" << id << "to" << assignee->username;
    return { success(
                 { { QStringLiteral("alert_id"), id }, { QStringLiteral("assigned_to"), assignee->name() } }),
             { id } };
}

AlertActions::Outcome AlertActions::escalate(qint64 id, const SimUser &actor, const QJsonObject &body,
                                             bool broken)
{
    Fields fields(body);
    fields.integer("escalated_to_id", true); // required, then ignored
    const QString reason = fields.text("reason", 500, true);
    if (!fields.ok()) {
        return { fields.invalid(), {} };
    }
    StoredAlert *alert = m_store.find(id);
    if (!alert) {
        return { alertNotFound(), {} };
    }
    if (alert->status == AlertStatus::Resolved) {
        return { error(400, QStringLiteral("Failed to escalate alert"),
                       { { QStringLiteral("detail"), QStringLiteral("Cannot escalate a resolved alert") } }),
                 {} };
    }
    if (broken) {
        qCInfo(lcSim) << actor.username << "escalated" << id << "- 500 (escalate broken, as current servers)";
        return { AuthEndpoints::frameworkError(500, QStringLiteral("INTERNAL_ERROR"),
                                               QStringLiteral("A server error occurred.")),
                 {} };
    }
    const qint64 at = AlertStore::nowMs();
    m_store.setStatus(*alert, AlertStatus::Escalated);
    AlertDetails &details = m_store.detailsFor(id);
    details.escalated = { at, {} };
    details.metadata.insert(QStringLiteral("escalation_reason"), reason);
    record(m_store, id, QStringLiteral("escalate"), actor, at, reason);
    qCInfo(lcSim) << actor.username << "escalated" << id;
    return { success({ { QStringLiteral("alert_id"), id },
                       { QStringLiteral("status"), QStringLiteral("escalated") } }),
             { id } };
}

AlertActions::Outcome AlertActions::resolve(qint64 id, const SimUser &actor, const QJsonObject &body)
{
    Fields fields(body);
    const QString notes = fields.text("resolution_notes", 1000, true);
    if (!fields.ok()) {
        return { fields.invalid(), {} };
    }
    StoredAlert *alert = m_store.find(id);
    if (!alert) {
        return { alertNotFound(), {} };
    }
    stampResolved(*alert, actor, notes, AlertStore::nowMs());
    qCInfo(lcSim) << actor.username << "resolved" << id;
    return { success({ { QStringLiteral("alert_id"), id },
                       { QStringLiteral("status"), QStringLiteral("resolved") } }),
             { id } };
}

AlertActions::Outcome AlertActions::bulk(const SimUser &actor, const QJsonObject &body)
{
    Fields fields(body);
    const QList<qint64> ids = fields.integerList("alert_ids", 100);
    const QString action = fields.choice(
        "action", { QStringLiteral("acknowledge"), QStringLiteral("assign"), QStringLiteral("resolve") });
    const QString notes = fields.text("resolution_notes", 1000, false);
    fields.integer("assigned_to_id", false);
    const QString comment = fields.text("comment", 500, false);
    if (!fields.ok()) {
        return { fields.invalid(), {} };
    }
    const qint64 at = AlertStore::nowMs();
    int processed = 0;
    QList<qint64> changed;
    for (const qint64 id : ids) {
        StoredAlert *alert = m_store.find(id);
        if (!alert) {
            continue; // unknown ids are skipped, not counted as failed
        }
        ++processed;
        if (action == QLatin1String("acknowledge")) {
            // Bulk acknowledge skips the single action's status check: resolved alerts reopen.
            stampAcknowledged(*alert, actor, comment, at);
            changed.append(id);
        } else if (action == QLatin1String("resolve")) {
            stampResolved(*alert, actor, notes, at);
            changed.append(id);
        }
        // Bulk assign counts the alert and changes nothing.
    }
    qCInfo(lcSim) << actor.username << "bulk" << action << processed << "of" << ids.size();
    return { success({ { QStringLiteral("processed"), processed }, { QStringLiteral("failed"), 0 } }),
             changed };
}

} // namespace noc::sim
