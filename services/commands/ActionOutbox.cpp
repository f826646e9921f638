// SPDX-License-Identifier: MIT
#include "ActionOutbox.h"

#include "LoggingCategories.h"

#include <QJsonArray>
#include <QJsonObject>

namespace noc {

using namespace Qt::StringLiterals;

namespace {

QJsonObject toJson(const AlertActionRequest &request)
{
    return { { "key"_L1, request.key },
             { "action"_L1, alertActionName(request.kind) },
             { "alert_ids"_L1, QJsonArray::fromStringList(request.alertIds) },
             { "retry_groups"_L1, QJsonArray::fromStringList(request.retryGroups) },
             { "text"_L1, request.text },
             { "user_id"_L1, request.userId },
             { "queued_at"_L1, request.queuedAt.toString(Qt::ISODateWithMs) },
             { "user"_L1, request.username } };
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString() && !item.toString().isEmpty())
            out.append(item.toString());
    }
    return out;
}

std::optional<AlertActionRequest> fromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const auto kind = alertActionFromName(o.value("action"_L1).toString());
    AlertActionRequest request;
    request.key = o.value("key"_L1).toString();
    request.alertIds = strings(o.value("alert_ids"_L1));
    if (!kind || request.key.isEmpty() || request.alertIds.isEmpty())
        return std::nullopt;
    request.kind = *kind;
    request.retryGroups = strings(o.value("retry_groups"_L1));
    request.text = o.value("text"_L1).toString();
    request.userId = o.value("user_id"_L1).toInt();
    request.queuedAt = QDateTime::fromString(o.value("queued_at"_L1).toString(), Qt::ISODateWithMs);
    request.username = o.value("user"_L1).toString();
    return request;
}

} // namespace

ActionOutbox::ActionOutbox(QString filePath) : m_store(std::move(filePath), tr("the action outbox")) { }

bool ActionOutbox::load()
{
    m_requests.clear();
    const DurableStore::Contents contents = m_store.open();
    m_lastError = contents.error;
    adopt(contents.document);
    return !m_lastError;
}

QList<AlertActionRequest> ActionOutbox::adopt(const QJsonObject &document)
{
    QList<AlertActionRequest> adopted;
    for (const QJsonValue &item : document.value("actions"_L1).toArray()) {
        auto request = fromJson(item);
        if (!request) {
            qCWarning(lcCommands) << "action outbox: an entry without action, key or alerts was dropped";
            continue;
        }
        if (find(request->key))
            continue;
        m_requests.append(*request);
        adopted.append(std::move(*request));
    }
    return adopted;
}

QList<AlertActionRequest> ActionOutbox::retake()
{
    const std::optional<DurableStore::Contents> contents = m_store.retake();
    if (!contents)
        return {};
    QList<AlertActionRequest> adopted = adopt(contents->document);
    if (save())
        m_lastError = contents->error;
    return adopted;
}

void ActionOutbox::add(const AlertActionRequest &request)
{
    if (request.alertIds.isEmpty())
        return;
    m_requests.append(request);
    save();
}

AlertActionRequest *ActionOutbox::find(const QString &key)
{
    for (AlertActionRequest &request : m_requests) {
        if (request.key == key)
            return &request;
    }
    return nullptr;
}

void ActionOutbox::settle(const QString &key, const QStringList &alertIds)
{
    AlertActionRequest *request = find(key);
    if (!request)
        return;
    for (const QString &id : alertIds)
        request->alertIds.removeAll(id);
    // Groups keep only ids still waiting.
    QStringList groups;
    for (const QString &group : std::as_const(request->retryGroups)) {
        QStringList ids = group.split(u',', Qt::SkipEmptyParts);
        ids.removeIf([request](const QString &id) { return !request->alertIds.contains(id); });
        if (!ids.isEmpty())
            groups.append(ids.join(u','));
    }
    request->retryGroups = groups;
    if (request->alertIds.isEmpty())
        m_requests.removeIf([&key](const AlertActionRequest &r) { return r.key == key; });
    save();
}

void ActionOutbox::splitForRetry(const QString &key, const QStringList &alertIds)
{
    AlertActionRequest *request = find(key);
    if (!request || alertIds.isEmpty())
        return;
    const QString joined = alertIds.join(u',');
    request->retryGroups.removeAll(joined);
    const qsizetype half = (alertIds.size() + 1) / 2;
    QStringList halves { alertIds.mid(0, half).join(u',') };
    if (alertIds.size() > 1)
        halves.append(alertIds.mid(half).join(u','));
    request->retryGroups = halves + request->retryGroups;
    save();
}

const AlertActionRequest *ActionOutbox::firstFor(const QString &username) const
{
    for (const AlertActionRequest &request : m_requests) {
        if (request.username.isEmpty() || request.username.compare(username, Qt::CaseInsensitive) == 0)
            return &request;
    }
    return nullptr;
}

int ActionOutbox::pendingAlerts() const
{
    int count = 0;
    for (const AlertActionRequest &request : m_requests)
        count += static_cast<int>(request.alertIds.size());
    return count;
}

bool ActionOutbox::save()
{
    if (!isPersistent())
        return true;
    QJsonArray items;
    for (const AlertActionRequest &request : std::as_const(m_requests))
        items.append(toJson(request));
    m_lastError = m_store.save(QJsonObject { { "version"_L1, 1 }, { "actions"_L1, items } });
    return !m_lastError;
}

} // namespace noc
