// SPDX-License-Identifier: MIT
// Notifications, sounds and the wall screen's placement rules, with a recording tone player on a fake clock.
#include "AlertModel.h"
#include "DashboardSettings.h"
#include "FakeClock.h"
#include "Localization.h"
#include "NocClient.h"
#include "Notifier.h"
#include "TonePlayer.h"
#include "WallController.h"

#include <QApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Nocdash_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_UiPlugin)
Q_IMPORT_QML_PLUGIN(Nocdash_DesktopPlugin)

using namespace Qt::StringLiterals;
using noc::Severity;

namespace {
struct RecordingPlayer final : TonePlayer
{
    QList<Tone> *played;
    int lastVolume = -1;
    bool output = true;
    explicit RecordingPlayer(QList<Tone> *sink) : played(sink) { }
    void play(Tone tone, int volume) override
    {
        played->append(tone);
        lastVolume = volume;
    }
    [[nodiscard]] bool hasOutput() const override { return output; }
};

noc::Alert makeAlert(int id, Severity severity)
{
    noc::Alert alert;
    alert.id = QString::number(id);
    alert.severity = severity;
    alert.clientId = u"acme"_s;
    alert.type = u"DEVICE_OFFLINE"_s;
    alert.message = u"sw-%1 offline"_s.arg(id);
    alert.receivedAt = QDateTime::currentDateTimeUtc();
    return alert;
}
} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        noc::test::FakeClock clock;
        AlertModel alerts;
        DashboardSettings settings;
        QList<TonePlayer::Tone> tones;
        RecordingPlayer *player = new RecordingPlayer(&tones);
        Notifier notifier { &alerts, nullptr, &settings, std::unique_ptr<TonePlayer>(player), &clock };
        Fixture()
        {
            alerts.setCoalesceIntervalMs(0);
            notifier.setTrayEnabled(false);
            notifier.setCooldownMs(100);
        }
        void add(const noc::AlertBatch &batch)
        {
            alerts.addAlerts(batch);
            alerts.flush();
        }
    };

private Q_SLOTS:
    void newCriticalIsToldAndRingsUntilAcknowledged()
    {
        Fixture f;
        QSignalSpy toasts(&f.notifier, &Notifier::toastRequested);
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(toasts.count(), 1);
        QCOMPARE(toasts.at(0).at(0).toString(), u"CRITICAL: DEVICE_OFFLINE"_s);
        QVERIFY(toasts.at(0).at(1).toString().contains(u"sw-1 offline"_s));
        QCOMPARE(f.tones, QList<TonePlayer::Tone>({ TonePlayer::Tone::Critical }));
        QVERIFY(f.notifier.isRinging());
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, {});
        QVERIFY(!f.notifier.isRinging());
    }

    void ringsWhileACriticalThatRangIsStillThereUnacknowledged()
    {
        Fixture f;
        f.alerts.setMaxAlerts(3);
        f.add({ makeAlert(1, Severity::Critical), makeAlert(2, Severity::Critical) });
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, {});
        QVERIFY(f.notifier.isRinging()); // alert 2 still
        QSignalSpy ringing(&f.notifier, &Notifier::ringingChanged);
        f.add({ makeAlert(3, Severity::Low), makeAlert(4, Severity::Low) }); // evicts 1, the handled one
        QVERIFY(f.notifier.isRinging());
        f.add({ makeAlert(5, Severity::Low) }); // evicts 2, the oldest: nothing left to ring for
        QVERIFY(!f.notifier.isRinging());
        QCOMPARE(ringing.count(), 1);

        // Another model: what rang in the old one does not keep ringing.
        f.add({ makeAlert(6, Severity::Critical) });
        QVERIFY(f.notifier.isRinging());
        AlertModel other;
        f.notifier.setAlerts(&other);
        QVERIFY(!f.notifier.isRinging());
        f.notifier.setAlerts(&f.alerts);
        QVERIFY(!f.notifier.isRinging());
    }

    void lowSeveritiesStayQuiet()
    {
        Fixture f;
        QSignalSpy toasts(&f.notifier, &Notifier::toastRequested);
        f.add({ makeAlert(1, Severity::Medium), makeAlert(2, Severity::Low), makeAlert(3, Severity::Info) });
        QCOMPARE(toasts.count(), 0);
        QVERIFY(f.tones.isEmpty()); // MEDIUM's sound is off by default
    }

    void aStormIsOneSummary()
    {
        Fixture f;
        QSignalSpy shown(&f.notifier, &Notifier::messageShown);
        for (int batch = 0; batch < 10; ++batch) {
            noc::AlertBatch alerts;
            for (int i = 0; i < 50; ++i)
                alerts.append(makeAlert(batch * 100 + i, i % 2 ? Severity::High : Severity::Critical));
            f.add(alerts);
        }
        QCOMPARE(shown.count(), 1); // the first one, at once
        QTRY_COMPARE(shown.count(), 2); // everything else, after the cooldown, as one
        QCOMPARE(shown.at(1).at(0).toString(), u"450 new urgent alerts"_s);
        QCOMPARE(shown.at(1).at(1).toString(), u"225 CRITICAL, 225 HIGH. Newest: sw-949 offline"_s);
        QCOMPARE(f.tones.size(), 1); // and one tone, not 500
    }

    void muteSilencesButStillTells()
    {
        Fixture f;
        QSignalSpy mute(&f.notifier, &Notifier::muteChanged);
        f.notifier.muteFor(15);
        QVERIFY(f.notifier.isMuted());
        QCOMPARE(f.notifier.mutedUntil(), f.clock.nowUtc().addSecs(15 * 60));
        QSignalSpy toasts(&f.notifier, &Notifier::toastRequested);
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(toasts.count(), 1);
        QVERIFY(f.tones.isEmpty());
        f.notifier.unmute();
        QVERIFY(!f.notifier.isMuted());
        QCOMPARE(mute.count(), 2);
        f.notifier.repeatTick(); // still unacknowledged: the tone comes back
        QCOMPARE(f.tones, QList<TonePlayer::Tone>({ TonePlayer::Tone::Critical }));
    }

    void notificationsCanBeTurnedOff()
    {
        Fixture f;
        f.settings.setNotifications(false);
        QSignalSpy toasts(&f.notifier, &Notifier::toastRequested);
        f.add({ makeAlert(1, Severity::High) });
        QCOMPARE(toasts.count(), 0);
    }

    void tooltipCountsTheUnacknowledged()
    {
        Fixture f;
        f.add(
            { makeAlert(1, Severity::Critical), makeAlert(2, Severity::High), makeAlert(3, Severity::Low) });
        QTRY_VERIFY(f.notifier.tooltip().contains(u"3 unacknowledged (1 CRITICAL, 1 HIGH)"_s));
    }

    void criticalRepeatsOnTheClockUntilAcknowledged()
    {
        Fixture f;
        f.settings.setSoundRepeatSeconds(30);
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(f.tones.size(), 1);
        f.clock.advance(29'999);
        QCOMPARE(f.tones.size(), 1);
        f.clock.advance(1);
        QCOMPARE(f.tones.size(), 2);
        f.clock.advance(60'000);
        QCOMPARE(f.tones.size(), 4);
        QVERIFY(f.notifier.isRinging());
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, {});
        QVERIFY(!f.notifier.isRinging());
        f.clock.advance(10 * 60'000);
        QCOMPARE(f.tones.size(), 4); // acknowledged: silence
        QCOMPARE(f.clock.activeTimers(), 0);
        QCOMPARE(f.tones, QList<TonePlayer::Tone>(4, TonePlayer::Tone::Critical));
    }

    void criticalRingsWhileAnyIsOpen()
    {
        Fixture f;
        f.settings.setSoundRepeatSeconds(10);
        f.add({ makeAlert(1, Severity::Critical), makeAlert(2, Severity::Critical) });
        f.alerts.markConfirmed(u"1"_s, u"kim"_s, {});
        f.clock.advance(10'000);
        QCOMPARE(f.tones.size(), 2); // alert 2 is still open
        f.alerts.markConfirmed(u"2"_s, u"kim"_s, {});
        f.clock.advance(10'000);
        QCOMPARE(f.tones.size(), 2);
    }

    void muteHoldsTheRepeatUntilItRunsOut()
    {
        Fixture f;
        f.settings.setSoundRepeatSeconds(25);
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(f.tones.size(), 1);
        QSignalSpy mute(&f.notifier, &Notifier::muteChanged);
        f.notifier.muteFor(1);
        f.clock.advance(50'000); // repeats at 25 s and 50 s: muted
        QCOMPARE(f.tones.size(), 1);
        QVERIFY(f.notifier.isMuted());
        f.clock.advance(10'000); // the minute is over
        QVERIFY(!f.notifier.isMuted());
        QCOMPARE(mute.count(), 2);
        QCOMPARE(f.tones.size(), 1); // no tone of its own: the next repeat brings it
        f.clock.advance(15'000);
        QCOMPARE(f.tones.size(), 2);
    }

    void tonesNeverPileUp()
    {
        Fixture f;
        f.settings.setSoundHigh(true);
        f.add({ makeAlert(1, Severity::Critical) });
        f.clock.advance(1'999);
        f.add({ makeAlert(2, Severity::High) });
        QCOMPARE(f.tones.size(), 1);
        f.clock.advance(1);
        f.add({ makeAlert(3, Severity::High) });
        QCOMPARE(f.tones, QList<TonePlayer::Tone>({ TonePlayer::Tone::Critical, TonePlayer::Tone::High }));
    }

    void volumeComesFromTheSettings()
    {
        Fixture f;
        f.settings.setSoundVolume(40);
        f.add({ makeAlert(1, Severity::Critical) });
        QCOMPARE(f.player->lastVolume, 40);
        f.settings.setSoundVolume(250);
        QCOMPARE(f.settings.soundVolume(), 100);
    }

    void soundAvailabilityFollowsThePlayer()
    {
        Fixture f;
        QVERIFY(f.notifier.soundAvailable());
        QSignalSpy changed(&f.notifier, &Notifier::soundAvailableChanged);
        f.player->output = false;
        f.player->onOutputChanged();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!f.notifier.soundAvailable());
    }

    // The application's Dashboard.qml: the notifier is a QML object beside the window, bound to the
    // window's own alert list, client, settings and mute button; main.cpp looks nothing up.
    void dashboardComposesTheNotifierWithTheWindow()
    {
        QTest::failOnWarning(QRegularExpression(u"^qrc:/Nocdash/"_s));
        QTemporaryDir config;
        DashboardSettings settings;
        settings.setFileName(config.filePath(u"nocdash.conf"_s));
        noc::NocClient client;
        client.setCredentialStore(nullptr);
        QQmlApplicationEngine engine;
        engine.addImportPath(u"qrc:/"_s);
        engine.setInitialProperties({ { u"client"_s, QVariant::fromValue(&client) },
                                      { u"settings"_s, QVariant::fromValue(&settings) } });
        engine.load(QUrl(u"qrc:/Nocdash/Desktop/Dashboard.qml"_s));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        auto *notifier = window->findChild<Notifier *>();
        QVERIFY(notifier);
        QVERIFY(notifier->alerts());
        QCOMPARE(notifier->alerts(), window->property("alertModel").value<AlertModel *>());
        QCOMPARE(notifier->client(), &client);
        QCOMPARE(notifier->settings(), &settings);
        QCOMPARE(notifier->window(), window);

        QVERIFY(window->property("soundControls").toBool());
        QVERIFY(!window->property("muted").toBool());
        settings.setMuteMinutes(7);
        QVERIFY(QMetaObject::invokeMethod(window, "toggleMute")); // Ctrl+M, the mute button
        QVERIFY(notifier->isMuted());
        QVERIFY(window->property("muted").toBool());
        QCOMPARE(window->property("mutedUntil").toDateTime(), notifier->mutedUntil());
        QVERIFY(notifier->mutedUntil() > QDateTime::currentDateTimeUtc().addSecs(6 * 60));
        QVERIFY(QMetaObject::invokeMethod(window, "toggleMute"));
        QVERIFY(!notifier->isMuted());
        QVERIFY(!window->property("muted").toBool());
    }

    void wallScreenFallsBackWhenItsScreenGoesAway()
    {
        const QList<QScreen *> screens = QGuiApplication::screens();
        QScreen *primary = QGuiApplication::primaryScreen();
        QCOMPARE(WallController::chooseScreen(screens, 0, primary), screens.at(0));
        QCOMPARE(WallController::chooseScreen(screens, int(screens.size()) + 3, primary), primary);
        QCOMPARE(WallController::chooseScreen(screens, -1, primary), primary);
        QCOMPARE(WallController::chooseScreen({}, 2, nullptr), nullptr);
    }

    void wallHidesTheIdleCursor()
    {
        QWindow window;
        window.resize(200, 200);
        WallController wall(&window);
        wall.setCursorHideSeconds(1);
        wall.setEnabled(true);
        QCOMPARE(window.visibility(), QWindow::FullScreen);
        QTRY_VERIFY(wall.isCursorHidden());
        QMouseEvent move(QEvent::MouseMove, QPointF(5, 5), QPointF(5, 5), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &move);
        QVERIFY(!wall.isCursorHidden());
        wall.setEnabled(false);
        QVERIFY(window.visibility() != QWindow::FullScreen);
    }

    void germanCoversQtsOwnWordsToo()
    {
        if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s))
            QSKIP("Qt's German catalogue is not installed (Debian: qt6-translations-l10n)");
        auto *app = QCoreApplication::instance();
        QCOMPARE(installTranslations(*app, u"de"_s), u"de_DE"_s);
        // Qt's own catalogue (nocdash's is embedded in the nocdash executable: tst_executables).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
        installTranslations(*app, u"en"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
