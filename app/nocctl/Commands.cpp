// SPDX-License-Identifier: MIT
#include "Commands.h"

#include "CredentialStore.h"
#include "CtlOptions.h"
#include "CtlOutput.h"
#include "EventPrinter.h"
#include "ExitCodes.h"
#include "NocClient.h"
#include "SignalWatcher.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using State = noc::NocClient::ConnectionState;
using ctl::Finisher;
using ctl::printJson;
using ctl::say;

namespace {

QString stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

// A client set up from the options: settings, shared state folder, and the password when one was given
// (else the engine resumes the session stored in the keychain).
std::unique_ptr<noc::NocClient> makeClient(const CtlOptions &o, bool neverGiveUp = false)
{
    auto client = std::make_unique<noc::NocClient>();
    noc::ClientSettings settings = o.settings;
    settings.wallMode = neverGiveUp;
    client->applySettings(settings);
    // Only the commands about acknowledgements take the outbox file; a long `watch` must not keep it
    // from a dashboard started meanwhile.
    client->setStateDirectory(o.stateDirectory, o.command == "ack"_L1 || o.command == "status"_L1);
    client->setCredentials(o.settings.username, o.password);
    // Only watch shows alerts: the others must not spend the user's shared REST budget on the records.
    client->setFollowRecords(o.command == "watch"_L1);
    // --client names the set for this watch (and saves it, as the set always is); without it, the set
    // the state folder holds stays as the operator left it.
    if (o.clientsFromCommandLine && o.command == "watch"_L1)
        client->setSubscriptions(o.settings.subscriptions);
    return client;
}

int failureCode(const noc::NocClient &client)
{
    return client.needsCredentials() ? AuthRefused : Unreachable;
}

void armTimeout(QTimer &timer, const CtlOptions &o, const std::function<void()> &onTimeout)
{
    timer.setSingleShot(true);
    timer.setInterval(o.timeoutSeconds * 1000);
    QObject::connect(&timer, &QTimer::timeout, onTimeout);
    timer.start();
}

QJsonObject healthJson(const noc::NocClient &client)
{
    QJsonArray channels;
    for (const noc::ChannelHealth &h : client.channelHealth()) {
        static const char *const states[] = { "closed", "connecting", "open" };
        channels.append(QJsonObject {
            { "name"_L1, h.name },
            { "path"_L1, h.path },
            { "state"_L1, QString::fromLatin1(states[int(h.state)]) },
            { "since"_L1, h.stateSince.toString(Qt::ISODateWithMs) },
            { "rtt_last_ms"_L1, h.rttLastMs },
            { "rtt_p50_ms"_L1, h.rttP50Ms },
            { "rtt_p95_ms"_L1, h.rttP95Ms },
            { "uptime_s"_L1, h.uptimeSeconds },
            { "reconnects"_L1, h.reconnects },
            { "frames_in"_L1, h.framesIn },
            { "frames_out"_L1, h.framesOut },
            { "errors"_L1, h.errors },
            { "last_inbound_age_ms"_L1, h.lastInboundAgeMs },
            { "score"_L1, h.score },
            { "stale"_L1, h.stale },
        });
    }
    return QJsonObject {
        { "state"_L1, stateName(client.state()) },
        { "message"_L1, client.statusMessage() },
        { "since"_L1, client.stateSince().toString(Qt::ISODateWithMs) },
        { "server"_L1, client.currentServerUrl().toString() },
        { "user"_L1, client.username() },
        { "stale"_L1, client.isStale() },
        { "pending_acks"_L1, client.pendingAcknowledgements() },
        { "subscriptions"_L1, QJsonArray::fromStringList(client.subscriptions()) },
        { "keychain"_L1, client.keychainMessage() },
        { "channels"_L1, channels },
    };
}

void rememberServerAndUser(const CtlOptions &o)
{
    // What nocdash needs to find the session: the server list and the user. Only what differs from
    // what was stored is written, so a system-wide preset keeps governing everything else.
    QSettings settings(u"nocdash"_s, u"nocdash"_s);
    noc::ClientSettings changed = o.stored;
    changed.servers = o.settings.servers;
    changed.username = o.settings.username;
    changed.authGeneration = o.settings.authGeneration;
    changed.tokenLocation = o.settings.tokenLocation;
    changed.origin = o.settings.origin;
    changed.caBundlePath = o.settings.caBundlePath;
    changed.rememberPassword = o.settings.rememberPassword;
    changed.saveChanges(settings, o.stored);
    settings.sync();
}

} // namespace

int runLogin(const CtlOptions &o)
{
    auto client = makeClient(o);
    Finisher finish;
    QTimer timeout;
    armTimeout(timeout, o, [&] {
        say(u"no answer from %1 within %2 s"_s.arg(client->serverName()).arg(o.timeoutSeconds));
        finish(Unreachable);
    });
    // Done when the server accepted us AND the keychain holds the session, in whichever order.
    std::optional<bool> stored;
    const auto maybeDone = [&] {
        if (!stored || client->state() != State::Connected)
            return;
        rememberServerAndUser(o);
        QJsonObject summary = healthJson(*client);
        summary.insert("stored_in_keychain"_L1, *stored);
        printJson(summary);
        client->stop();
        if (!*stored) {
            say(client->keychainMessage());
            finish(Failure);
            return;
        }
        finish(Ok);
    };
    QObject::connect(client.get(), &noc::NocClient::credentialsSaved, client.get(), [&](bool ok) {
        stored = ok;
        maybeDone();
    });
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Failed) {
            say(client->statusMessage());
            finish(failureCode(*client));
        }
        maybeDone();
    });
    client->start();
    return QCoreApplication::exec();
}

int runLogout(const CtlOptions &o)
{
    auto client = makeClient(o);
    Finisher finish;
    QTimer timeout;
    const auto forgetLocally = [&](int code, const QString &why) {
        // The server cannot be asked to revoke; at least nothing stays on this machine.
        noc::CredentialStore store;
        store.forget(
            o.settings.servers.value(0), o.settings.username, client.get(),
            [&, code, why](const noc::CredentialResult &result) {
                say(why + (result.ok ? u"; the stored session was forgotten"_s : u"; "_s + result.message));
                finish(result.ok ? code : Failure);
            });
    };
    armTimeout(timeout, o, [&] { forgetLocally(Unreachable, u"the server did not answer"_s); });
    QObject::connect(client.get(), &noc::NocClient::signedOut, client.get(), [&] {
        say(u"signed out"_s);
        finish(Ok);
    });
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Connected) {
            client->signOut();
        } else if (client->state() == State::Failed && !finish.done) {
            timeout.stop();
            if (client->needsCredentials())
                forgetLocally(Ok, u"no session to revoke"_s);
            else
                forgetLocally(Unreachable, client->statusMessage());
        }
    });
    client->start();
    return QCoreApplication::exec();
}

int runWatch(const CtlOptions &o)
{
    // A watcher is unattended by nature: it reconnects forever, like a wall screen.
    auto client = makeClient(o, true);
    EventPrinter printer(client.get(), o.json);
    SignalWatcher termination;
    Finisher finish;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, client.get(), [&](int) {
        client->stop();
        // Give the close frames a moment to leave; the event loop ends right after.
        QTimer::singleShot(200, client.get(), [&] { finish(Ok); });
    });
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Failed && client->needsCredentials()) {
            say(client->statusMessage());
            finish(AuthRefused);
        }
    });
    client->start();
    return QCoreApplication::exec();
}

int runAck(const CtlOptions &o)
{
    auto client = makeClient(o, true);
    const QString sharedOutbox = client->outboxSharedNote();
    if (!sharedOutbox.isEmpty())
        say(sharedOutbox);
    Finisher finish;
    QTimer timeout;
    std::map<QString, QString> failed;
    QStringList waiting = o.arguments;
    waiting.removeDuplicates();
    const auto report = [&] {
        if (!waiting.isEmpty())
            return;
        for (const auto &[id, reason] : failed) {
            say(u"%1: %2"_s.arg(id, reason));
            if (o.json)
                printJson({ { "event"_L1, u"ack_failed"_s }, { "id"_L1, id }, { "reason"_L1, reason } });
        }
        finish(failed.empty() ? Ok : CommandRefused);
    };
    const QString whatBecomesOfThem = sharedOutbox.isEmpty()
        ? u"still queued: the next nocctl or nocdash session sends them"_s
        : u"not kept: another program holds the outbox; acknowledge them again"_s;
    armTimeout(timeout, o, [&] {
        say(u"not confirmed within %1 s: %2 (%3)"_s.arg(o.timeoutSeconds)
                .arg(waiting.join(u", "_s), whatBecomesOfThem));
        finish(Unreachable);
    });
    // Interrupted: end cleanly, so the outbox file is released and says what is still queued.
    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, client.get(), [&](int) {
        say(u"interrupted before confirmation of %1 (%2)"_s.arg(waiting.join(u", "_s), whatBecomesOfThem));
        finish(Failure);
    });
    QObject::connect(client.get(), &noc::NocClient::acknowledgementConfirmed, client.get(),
                     [&](const QString &id, const QString &by, const QDateTime &at) {
                         if (waiting.removeAll(id) == 0)
                             return;
                         if (o.json)
                             printJson({ { "event"_L1, u"ack_confirmed"_s },
                                         { "id"_L1, id },
                                         { "by"_L1, by },
                                         { "at"_L1, at.toString(Qt::ISODateWithMs) } });
                         report();
                     });
    QObject::connect(client.get(), &noc::NocClient::acknowledgementFailed, client.get(),
                     [&](const QString &id, const QString &reason) {
                         if (waiting.removeAll(id) == 0)
                             return;
                         failed[id] = reason;
                         report();
                     });
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Failed && client->needsCredentials()) {
            say(client->statusMessage());
            finish(AuthRefused);
        }
    });
    // Queued durably first: even if this process dies now, the acks are not lost.
    client->acknowledgeMany(waiting);
    client->start();
    return QCoreApplication::exec();
}

int runSubscribe(const CtlOptions &o)
{
    auto client = makeClient(o, true);
    Finisher finish;
    QTimer timeout;
    QStringList waiting = o.arguments;
    waiting.removeDuplicates();
    std::map<QString, QString> refused;
    const auto report = [&] {
        if (!waiting.isEmpty())
            return;
        for (const auto &[id, reason] : refused)
            say(u"%1: %2"_s.arg(id, reason));
        finish(refused.empty() ? Ok : CommandRefused);
    };
    armTimeout(timeout, o, [&] {
        say(u"not confirmed within %1 s: %2"_s.arg(o.timeoutSeconds).arg(waiting.join(u", "_s)));
        finish(Unreachable);
    });
    QObject::connect(client.get(), &noc::NocClient::subscriptionConfirmed, client.get(),
                     [&](const QString &id) {
                         if (waiting.removeAll(id) > 0)
                             report();
                     });
    QObject::connect(client.get(), &noc::NocClient::subscriptionFailed, client.get(),
                     [&](const QString &id, const QString &reason) {
                         if (waiting.removeAll(id) == 0)
                             return;
                         refused[id] = reason;
                         client->unsubscribe(id);
                         report();
                     });
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Failed && client->needsCredentials()) {
            say(client->statusMessage());
            finish(AuthRefused);
        }
    });
    for (const QString &id : std::as_const(waiting))
        client->subscribe(id);
    client->start();
    return QCoreApplication::exec();
}

int runStatus(const CtlOptions &o)
{
    if (o.stateTable) {
        QTextStream(stdout) << noc::NocClient::stateTable();
        return Ok;
    }
    auto client = makeClient(o);
    Finisher finish;
    QTimer timeout;
    QTimer settle;
    armTimeout(timeout, o, [&] {
        printJson(healthJson(*client));
        finish(Unreachable);
    });
    // Connected is not enough for a useful answer: wait (briefly) for the first round trip.
    settle.setSingleShot(true);
    settle.setInterval(3000);
    const auto done = [&] {
        printJson(healthJson(*client));
        client->stop();
        finish(Ok);
    };
    QObject::connect(&settle, &QTimer::timeout, client.get(), done);
    QObject::connect(client.get(), &noc::NocClient::rttSampled, client.get(),
                     [&](const QString &channel, int, const QDateTime &) {
                         if (channel == "dashboard"_L1 && client->state() == State::Connected)
                             done();
                     });
    QObject::connect(client.get(), &noc::NocClient::stateChanged, client.get(), [&] {
        if (client->state() == State::Connected) {
            settle.start();
        } else if (client->state() == State::Failed) {
            printJson(healthJson(*client));
            finish(failureCode(*client));
        }
    });
    client->start();
    return QCoreApplication::exec();
}
