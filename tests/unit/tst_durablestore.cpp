// SPDX-License-Identifier: MIT
// The durable store both outboxes keep their file in (the lock, a corrupt file kept aside, taking over
// from a program that ended, atomic writes, errors reported to the caller), and each outbox's records and
// policy on top of it.
#include "AckOutbox.h"
#include "ActionOutbox.h"
#include "DurableStore.h"
#include "StateFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using noc::DurableStore;
using noc::StoreError;

namespace {
constexpr int kTimeoutMs = 10000;
// Set for the copy of this program that plays the other process (see holdStore).
constexpr char kHoldVariable[] = "NOC_TEST_HOLD_STORE";

// Empty when missing or not an object.
QJsonObject objectIn(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(cannot open)");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The other program (nocctl, say): takes the store, writes its own entry, says so, then waits on stdin
// until it is killed, so that its lock stays behind as after a crash.
int holdStore(const QString &path)
{
    DurableStore store(path, u"the test store"_s);
    (void)store.open();
    if (!store.isPersistent())
        return 2;
    if (store.save(QJsonObject { { "left_by"_L1, QCoreApplication::applicationPid() } }))
        return 3;
    QTextStream(stdout) << "held" << Qt::endl;
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        in.readAll();
    return 0;
}

noc::AlertActionRequest requestOf(const QString &key, noc::AlertActionKind kind, const QStringList &ids)
{
    noc::AlertActionRequest request;
    request.key = key;
    request.kind = kind;
    request.alertIds = ids;
    request.text = u"notes for "_s + key;
    request.userId = kind == noc::AlertActionKind::Resolve ? 0 : 7;
    request.queuedAt = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
    request.username = u"operator"_s;
    return request;
}
} // namespace

class TestDurableStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCorruptFileIsMovedAsideAndReported_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not JSON") << QByteArray("{\"acks\": [ this is not json");
        QTest::newRow("not an object") << QByteArray("[1, 2, 3]");
        QTest::newRow("empty") << QByteArray();
    }

    void aCorruptFileIsMovedAsideAndReported()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.json"_s);
        QVERIFY(writeFile(path, bytes));
        DurableStore store(path, u"the test store"_s);
        const DurableStore::Contents contents = store.open();
        QVERIFY(contents.document.isEmpty());
        QVERIFY(contents.error);
        QCOMPARE(contents.error->kind, StoreError::Kind::Unreadable);
        QCOMPARE(contents.error->filePath, path);
        QCOMPARE(contents.error->asidePath, path + u".unreadable"_s);
        QVERIFY(!contents.error->detail.isEmpty());
        QVERIFY2(contents.error->message().contains(contents.error->asidePath),
                 qPrintable(contents.error->message()));
        // The evidence is kept for a person, and the store starts afresh beside it.
        QVERIFY(!QFile::exists(path));
        QCOMPARE(contentsOf(contents.error->asidePath), bytes);
        QVERIFY(store.isPersistent());
        QVERIFY(!store.save(QJsonObject { { "version"_L1, 1 } }));
        QCOMPARE(objectIn(path), QJsonObject({ { "version"_L1, 1 } }));
        QCOMPARE(contentsOf(contents.error->asidePath), bytes);
    }

    void theFileOfAProgramThatEndedIsTakenOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state/store.json"_s);
        QProcess holder;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kHoldVariable), path);
        holder.setProcessEnvironment(environment);
        holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        holder.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY2(holder.waitForReadyRead(kTimeoutMs), qPrintable(holder.errorString()));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("held"));
        const qint64 holderPid = holder.processId();

        DurableStore store(path, u"the test store"_s);
        const DurableStore::Contents contents = store.open();
        QVERIFY(!contents.error);
        QVERIFY(contents.document.isEmpty()); // the holder's entries are the holder's
        QVERIFY(!store.isPersistent());
        QVERIFY2(store.sharedNote().contains(QString::number(holderPid)), qPrintable(store.sharedNote()));
        QVERIFY(!store.retake()); // it still runs
        QVERIFY(!store.save(QJsonObject { { "mine"_L1, true } }));
        QCOMPARE(store.writes(), 0); // nothing written over the holder's file

        // It ends without a word (killed, crashed): its lock stays behind and is stale.
        holder.kill();
        QVERIFY(holder.waitForFinished(kTimeoutMs));
        QVERIFY(QFile::exists(path + u".lock"_s));
        const std::optional<DurableStore::Contents> taken = store.retake();
        QVERIFY(taken);
        QVERIFY(!taken->error);
        QCOMPARE(taken->document.value("left_by"_L1).toInteger(), holderPid);
        QVERIFY(store.isPersistent());
        QVERIFY(store.sharedNote().isEmpty());
        QVERIFY(!store.retake()); // taken once
        QVERIFY(!store.save(QJsonObject { { "mine"_L1, true } }));
        QCOMPARE(store.writes(), 1);
        QCOMPARE(objectIn(path), QJsonObject({ { "mine"_L1, true } }));
    }

    void aFailedWriteIsReportedAndTheNextOneRepairs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.json"_s);
        DurableStore store(path, u"the test store"_s);
        (void)store.open();
        QVERIFY(!store.save(QJsonObject { { "n"_L1, 1 } }));
        QVERIFY(QFile::remove(path));
        // Something a write cannot replace takes the file's place (permissions would not stop root).
        QVERIFY(QDir().mkpath(path));
        const std::optional<StoreError> error = store.save(QJsonObject { { "n"_L1, 2 } });
        QVERIFY(error);
        QCOMPARE(error->kind, StoreError::Kind::WriteFailed);
        QCOMPARE(error->filePath, path);
        QVERIFY(!error->detail.isEmpty());
        QVERIFY2(error->message().contains(path), qPrintable(error->message()));
        QCOMPARE(store.writes(), 2);
        QVERIFY(QDir(path).removeRecursively());
        QVERIFY(!store.save(QJsonObject { { "n"_L1, 3 } }));
        QCOMPARE(objectIn(path), QJsonObject({ { "n"_L1, 3 } }));
    }

    void withoutAFileNothingTouchesTheDisk()
    {
        DurableStore store({}, u"the test store"_s);
        const DurableStore::Contents contents = store.open();
        QVERIFY(!contents.error);
        QVERIFY(contents.document.isEmpty());
        QVERIFY(!store.isPersistent());
        QVERIFY(store.sharedNote().isEmpty());
        QVERIFY(!store.retake());
        QVERIFY(!store.save(QJsonObject { { "n"_L1, 1 } }));
        QCOMPARE(store.writes(), 0);
    }

    void outboxSurvivesARestartAndStrikesPoison()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.json"_s);
        const QDateTime now(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
        {
            noc::AckOutbox outbox(path);
            QVERIFY(outbox.load());
            QVERIFY(outbox.add(u"1"_s, now));
            QVERIFY(outbox.add(u"2"_s, now));
            QVERIFY(!outbox.add(u"1"_s, now)); // queued once
            QCOMPARE(outbox.takeSendable(1), QStringList { u"1"_s });
            QCOMPARE(outbox.strikeInFlight(3), QStringList());
        }
        noc::AckOutbox reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.ids(), (QStringList { u"1"_s, u"2"_s }));
        QCOMPARE(reloaded.inFlightCount(), 0); // in flight is about a socket, not the disk
        for (int strike = 2; strike <= 3; ++strike) {
            QCOMPARE(reloaded.takeSendable(1), QStringList { u"1"_s });
            const QStringList poisoned = reloaded.strikeInFlight(3);
            QCOMPARE(poisoned, strike == 3 ? QStringList { u"1"_s } : QStringList());
        }
        QCOMPARE(reloaded.ids(), QStringList { u"2"_s });
        QVERIFY(reloaded.remove(u"2"_s));
    }

    void outboxRemovalsAreWrittenThrough()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.json"_s);
        {
            noc::AckOutbox outbox(path);
            QVERIFY(outbox.load());
            QVERIFY(outbox.add(u"1"_s, {}));
            QVERIFY(outbox.add(u"2"_s, {}));
            QVERIFY(outbox.remove(u"1"_s));
        }
        noc::AckOutbox reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.ids(), QStringList { u"2"_s });
    }

    void aSecondOutboxOnTheSameFileStaysInMemory()
    {
        // nocdash holds the outbox; an nocctl started meanwhile must not rewrite the file under it.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state/outbox.json"_s);
        noc::AckOutbox owner(path);
        QVERIFY(owner.load());
        QVERIFY(owner.isPersistent());
        QVERIFY(owner.sharedNote().isEmpty());
        QVERIFY(owner.add(u"1"_s, {}));

        {
            noc::AckOutbox second(path);
            QVERIFY(second.load());
            QVERIFY(!second.isPersistent());
            QVERIFY2(second.sharedNote().contains(QString::number(QCoreApplication::applicationPid())),
                     qPrintable(second.sharedNote()));
            QCOMPARE(second.size(), 0); // the owner's entries are the owner's to send
            QVERIFY(second.add(u"2"_s, {}));
            QVERIFY(second.contains(u"2"_s));
        }
        QVERIFY(owner.add(u"3"_s, {}));
        QVERIFY(owner.remove(u"1"_s));

        // What is on disk is exactly the owner's.
        const auto document = noc::state::readJson(path);
        QVERIFY(document);
        QCOMPARE(document->object().value(u"acks"_s).toArray().size(), 1);
        QCOMPARE(
            document->object().value(u"acks"_s).toArray().at(0).toObject().value(u"alert_id"_s).toString(),
            u"3"_s);
    }

    void unreadableOutboxIsKeptAsideNotLost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"acks\": [ this is not json");
        file.close();
        noc::AckOutbox outbox(path);
        QVERIFY(!outbox.load());
        QCOMPARE(outbox.size(), 0);
        QVERIFY(outbox.lastError());
        QCOMPARE(outbox.lastError()->kind, noc::StoreError::Kind::Unreadable);
        QVERIFY(QFile::exists(path + u".unreadable"_s));
        QVERIFY(outbox.add(u"9"_s, QDateTime::currentDateTimeUtc()));
        const auto document = noc::state::readJson(path);
        QVERIFY(document);
        QCOMPARE(document->object().value(u"acks"_s).toArray().size(), 1);
    }

    void releasedAcksAreNotStruck()
    {
        noc::AckOutbox outbox;
        outbox.add(u"a"_s, {});
        outbox.add(u"b"_s, {});
        QCOMPARE(outbox.takeSendable(10).size(), 2);
        outbox.release(u"b"_s); // scheduled but never sent
        QCOMPARE(outbox.inFlightIds(), QStringList { u"a"_s });
        for (int i = 0; i < 2; ++i) {
            outbox.takeSendable(10);
            outbox.release(u"b"_s);
            outbox.strikeInFlight(3);
        }
        outbox.takeSendable(10);
        outbox.release(u"b"_s);
        QCOMPARE(outbox.strikeInFlight(3), QStringList { u"a"_s });
        QCOMPARE(outbox.ids(), QStringList { u"b"_s });
    }

    void bulkAcknowledgementIsWrittenOnce()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"ack-outbox.json"_s);
        noc::AckOutbox outbox(file);
        QVERIFY(outbox.load());
        QStringList ids;
        for (int i = 0; i < 300; ++i)
            ids.append(QString::number(i));
        ids.append(u"7"_s); // already in the list
        ids.append(QString());
        const int writesBefore = outbox.writes();
        const QStringList added = outbox.addMany(ids, QDateTime::currentDateTimeUtc());
        QCOMPARE(added.size(), 300);
        QCOMPARE(outbox.writes(), writesBefore + 1);
        QCOMPARE(outbox.addMany({ u"7"_s }, QDateTime::currentDateTimeUtc()), QStringList());
        noc::AckOutbox reader(file + u".copy"_s);
        QVERIFY(QFile::copy(file, file + u".copy"_s));
        QVERIFY(reader.load());
        QCOMPARE(reader.size(), 300);
    }

    void actionsSurviveARestartWithEveryField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.json"_s);
        const QList<noc::AlertActionRequest> asked
            = { requestOf(u"a"_s, noc::AlertActionKind::Resolve, { u"1"_s, u"2"_s, u"3"_s }),
                requestOf(u"b"_s, noc::AlertActionKind::Assign, { u"4"_s }) };
        {
            noc::ActionOutbox outbox(path);
            QVERIFY(outbox.load());
            for (const noc::AlertActionRequest &request : asked)
                outbox.add(request);
            outbox.splitForRetry(u"a"_s, { u"1"_s, u"2"_s, u"3"_s });
            outbox.settle(u"a"_s, { u"2"_s });
            QCOMPARE(outbox.writes(), 4);
            QVERIFY(!outbox.lastError());
        }
        noc::ActionOutbox reloaded(path);
        QVERIFY(reloaded.load());
        const QList<noc::AlertActionRequest> kept = reloaded.requests();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).alertIds, (QStringList { u"1"_s, u"3"_s }));
        QCOMPARE(kept.at(0).retryGroups, (QStringList { u"1"_s, u"3"_s }));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(kept.at(i).key, asked.at(i).key);
            QCOMPARE(kept.at(i).kind, asked.at(i).kind);
            QCOMPARE(kept.at(i).text, asked.at(i).text);
            QCOMPARE(kept.at(i).userId, asked.at(i).userId);
            QCOMPARE(kept.at(i).queuedAt, asked.at(i).queuedAt);
            QCOMPARE(kept.at(i).username, asked.at(i).username);
        }
        QCOMPARE(kept.at(1).alertIds, asked.at(1).alertIds);
        QCOMPARE(reloaded.pendingAlerts(), 3);
    }

    void anUnreadableActionOutboxIsReportedToItsCaller()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.json"_s);
        QVERIFY(writeFile(path, "{\"actions\": [ cut off"));
        noc::ActionOutbox outbox(path);
        QVERIFY(!outbox.load());
        QVERIFY(outbox.lastError());
        QCOMPARE(outbox.lastError()->kind, StoreError::Kind::Unreadable);
        QCOMPARE(contentsOf(path + u".unreadable"_s), QByteArray("{\"actions\": [ cut off"));
        QVERIFY(outbox.isEmpty());
    }

    void aFailedActionWriteIsReportedToItsCaller()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.json"_s);
        noc::ActionOutbox outbox(path);
        QVERIFY(outbox.load());
        QVERIFY(QDir().mkpath(path));
        outbox.add(requestOf(u"a"_s, noc::AlertActionKind::Resolve, { u"1"_s }));
        QVERIFY(outbox.lastError());
        QCOMPARE(outbox.lastError()->kind, StoreError::Kind::WriteFailed);
        QCOMPARE(outbox.pendingAlerts(), 1); // kept in memory all the same
        QVERIFY(QDir(path).removeRecursively());
        outbox.settle(u"a"_s, {});
        QVERIFY(!outbox.lastError());
    }

    void actionsLeftByAProgramThatEndedJoinWhenTakenOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.json"_s);
        auto owner = std::make_unique<noc::ActionOutbox>(path);
        QVERIFY(owner->load());
        owner->add(requestOf(u"theirs"_s, noc::AlertActionKind::Resolve, { u"1"_s }));
        noc::ActionOutbox second(path);
        QVERIFY(second.load());
        QVERIFY(!second.isPersistent());
        QVERIFY(second.isEmpty());
        second.add(requestOf(u"mine"_s, noc::AlertActionKind::Escalate, { u"2"_s }));
        QVERIFY(second.retake().isEmpty());
        owner.reset();
        const QList<noc::AlertActionRequest> adopted = second.retake();
        QCOMPARE(adopted.size(), 1);
        QCOMPARE(adopted.constFirst().key, u"theirs"_s);
        QVERIFY(second.isPersistent());
        noc::ActionOutbox reader(path + u".copy"_s);
        QVERIFY(QFile::copy(path, path + u".copy"_s));
        QVERIFY(reader.load());
        QCOMPARE(reader.pendingAlerts(), 2);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kHoldVariable))
        return holdStore(qEnvironmentVariable(kHoldVariable));
    TestDurableStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_durablestore.moc"
