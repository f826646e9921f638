// SPDX-License-Identifier: MIT
// nocctl's commands on the server's alert records (PROTOCOL.md section 6): `alerts` lists them,
// `resolve`, `assign` and `escalate` act on them over REST, durably like `ack`.
#include "Commands.h"
#include "CtlOptions.h"
#include "CtlOutput.h"
#include "ExitCodes.h"
#include "NocClient.h"
#include "SignalWatcher.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using State = noc::NocClient::ConnectionState;
using ctl::Finisher;
using ctl::iso;
using ctl::printJson;
using ctl::say;

namespace {

// A session for one command on the records: no list to keep current, so no history reads of its own.
std::unique_ptr<noc::NocClient> makeRecordClient(const CtlOptions &o, bool keepsActions)
{
    auto client = std::make_unique<noc::NocClient>();
    noc::ClientSettings settings = o.settings;
    settings.wallMode = keepsActions; // an action waits out outages until --timeout, like ack
    client->applySettings(settings);
    client->setFollowRecords(false);
    client->setStateDirectory(o.stateDirectory, false, keepsActions);
    client->setCredentials(o.settings.username, o.password);
    return client;
}

void onSignInFailure(noc::NocClient &client, Finisher &finish)
{
    QObject::connect(&client, &noc::NocClient::stateChanged, &client, [&client, &finish] {
        if (client.state() == State::Failed && client.needsCredentials()) {
            say(client.statusMessage());
            finish(AuthRefused);
        }
    });
}

QJsonObject alertJson(const noc::Alert &a)
{
    return { { "id"_L1, a.id },
             { "status"_L1, noc::alertStatusName(a.status) },
             { "severity"_L1, noc::severityName(a.severity) },
             { "type"_L1, a.type },
             { "message"_L1, a.message },
             { "client"_L1, a.clientId },
             { "site"_L1, a.location },
             { "created_at"_L1, iso(a.occurredAt) },
             { "last_seen"_L1, iso(a.lastSeen) },
             { "repeats"_L1, a.suppressedCount },
             { "detail"_L1, a.detail } };
}

} // namespace

std::optional<QStringList> statusesFor(const QString &option)
{
    static const QStringList open { u"NEW"_s, u"ACKNOWLEDGED"_s, u"ASSIGNED"_s, u"ESCALATED"_s };
    static const QStringList known = open + QStringList { u"RESOLVED"_s, u"SUPPRESSED"_s };
    if (option.compare("open"_L1, Qt::CaseInsensitive) == 0)
        return open;
    if (option.compare("all"_L1, Qt::CaseInsensitive) == 0)
        return QStringList();
    QStringList statuses;
    for (const QString &part : option.split(u',', Qt::SkipEmptyParts)) {
        const QString status = part.trimmed().toUpper();
        if (!known.contains(status))
            return std::nullopt;
        statuses.append(status);
    }
    return statuses.isEmpty() ? std::nullopt : std::optional(statuses);
}

int runAlerts(const CtlOptions &o)
{
    const QStringList statuses = statusesFor(o.statusFilter).value_or(QStringList());
    auto client = makeRecordClient(o, false);
    Finisher finish;
    onSignInFailure(*client, finish);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, client.get(), [&] {
        say(u"no answer from %1 within %2 s"_s.arg(client->serverName()).arg(o.timeoutSeconds));
        finish(Unreachable);
    });
    timeout.start(o.timeoutSeconds * 1000);
    bool asked = false;
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Connected && !std::exchange(asked, true))
            client->listAlerts(statuses, o.pageBudget);
    });
    QObject::connect(client.get(), &noc::NocClient::alertsListed, client.get(),
                     [&](const noc::AlertBatch &alerts, int total, bool complete) {
                         const QStringList clients
                             = o.clientsFromCommandLine ? o.settings.subscriptions : QStringList();
                         int shown = 0;
                         QTextStream out(stdout);
                         for (const noc::Alert &a : alerts) {
                             if (!clients.isEmpty() && !clients.contains(a.clientId, Qt::CaseInsensitive))
                                 continue;
                             ++shown;
                             if (o.json) {
                                 printJson(alertJson(a));
                                 continue;
                             }
                             out << a.id << '\t' << noc::alertStatusName(a.status) << '\t'
                                 << noc::severityName(a.severity) << '\t' << a.clientId << '\t' << a.type
                                 << '\t' << iso(a.occurredAt) << '\t' << a.message << '\n';
                         }
                         out.flush();
                         if (!complete)
                             say(u"showing the newest %1 of %2: raise --pages to read more (each page is one "
                                 "of the 600 calls an hour the server allows)"_s.arg(alerts.size())
                                     .arg(total));
                         else if (!o.json)
                             say(u"%1 alerts"_s.arg(shown));
                         client->stop();
                         finish(Ok);
                     });
    QObject::connect(
        client.get(), &noc::NocClient::alertLookupFailed, client.get(),
        [&](const QString &, const QString &reason, bool historyRefused) {
            client->stop();
            if (historyRefused) {
                say(u"alert history unavailable: the server refuses its alert records (%1)"_s.arg(reason));
                if (o.json)
                    printJson({ { "event"_L1, u"history_unavailable"_s }, { "reason"_L1, reason } });
                finish(HistoryUnavailable);
                return;
            }
            say(reason);
            finish(Failure);
        });
    client->start();
    return QCoreApplication::exec();
}

int runAlertAction(const CtlOptions &o)
{
    const auto kind = noc::alertActionFromName(o.command);
    if (!kind)
        return Usage;
    auto client = makeRecordClient(o, true);
    Finisher finish;
    onSignInFailure(*client, finish);
    const QString sharedOutbox = client->actionsSharedNote();
    if (!sharedOutbox.isEmpty())
        say(sharedOutbox);
    const QString whatBecomesOfThem = sharedOutbox.isEmpty()
        ? u"still queued: the next nocctl or nocdash session sends them"_s
        : u"not kept: another program holds the action outbox; ask again"_s;
    QStringList waiting;
    for (const QString &id : o.arguments) {
        bool numeric = false;
        const qint64 record = id.trimmed().toLongLong(&numeric);
        const QString canonical
            = numeric && record > 0 ? QString::number(record) : id; // as the queue keeps it
        if (!waiting.contains(canonical))
            waiting.append(canonical);
    }
    std::map<QString, QString> refused;
    QStringList keys; // this run's requests: an older queued one for the same alert is not our answer
    const auto report = [&] {
        if (!waiting.isEmpty())
            return;
        for (const auto &[id, reason] : refused)
            say(u"%1: %2"_s.arg(id, reason));
        client->stop();
        finish(refused.empty() ? Ok : CommandRefused);
    };
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, client.get(), [&] {
        say(u"not answered within %1 s: %2 (%3)"_s.arg(o.timeoutSeconds)
                .arg(waiting.join(u", "_s), whatBecomesOfThem));
        finish(Unreachable);
    });
    timeout.start(o.timeoutSeconds * 1000);
    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, client.get(), [&](int) {
        say(u"interrupted before the server answered for %1 (%2)"_s.arg(waiting.join(u", "_s),
                                                                        whatBecomesOfThem));
        finish(Failure);
    });
    QObject::connect(
        client.get(), &noc::NocClient::alertActionSettled, client.get(),
        [&](const noc::AlertActionOutcome &outcome) {
            if (outcome.kind != *kind || waiting.removeAll(outcome.alertId) == 0)
                return;
            if (!outcome.done)
                refused[outcome.alertId] = outcome.reason;
            if (o.json) {
                QJsonObject line { { "event"_L1, outcome.done ? u"action_confirmed"_s : u"action_refused"_s },
                                   { "action"_L1, noc::alertActionName(outcome.kind) },
                                   { "id"_L1, outcome.alertId },
                                   { "at"_L1, iso(outcome.at) } };
                if (!outcome.reason.isEmpty())
                    line.insert("reason"_L1, outcome.reason);
                if (!outcome.assignedTo.isEmpty())
                    line.insert("assigned_to"_L1, outcome.assignedTo);
                printJson(line);
            }
            report();
        });
    // Queued durably first: even if this process dies now, the action is not lost.
    keys.append(client->requestAction(*kind, waiting, o.actionText, o.userId));
    if (finish.done) // every id refused before anything was sent
        return finish.code;
    client->start();
    return QCoreApplication::exec();
}
