// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "Clock.h"
#include "TonePlayer.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWindow>

#include <memory>

class AlertModel;
class DashboardSettings;
class QSystemTrayIcon;

namespace noc {
class NocClient;
}

// Loud when it matters, calm otherwise: a tray message for new CRITICAL/HIGH alerts (in-window toast
// where there is no tray), a sound per severity (CRITICAL repeats until acknowledged or muted), the
// window's urgency hint, and the unacknowledged count in the tray tooltip. Storms collapse: at most one
// message per cooldown, summarising everything that came in meanwhile. Repeat, mute and the gap between
// tones run on the injected clock.
class Notifier : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool muted READ isMuted NOTIFY muteChanged)
    Q_PROPERTY(QDateTime mutedUntil READ mutedUntil NOTIFY muteChanged)
    Q_PROPERTY(bool ringing READ isRinging NOTIFY ringingChanged)
    Q_PROPERTY(QString tooltip READ tooltip NOTIFY tooltipChanged)
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)
    Q_PROPERTY(bool soundAvailable READ soundAvailable NOTIFY soundAvailableChanged)

public:
    Notifier(AlertModel *alerts, noc::NocClient *client, DashboardSettings *settings,
             std::unique_ptr<TonePlayer> player, const noc::Clock *clock = nullptr,
             QObject *parent = nullptr);
    ~Notifier() override;

    // The models exist once QML has loaded; until then nothing is counted.
    void setAlerts(AlertModel *alerts);
    void setWindow(QWindow *window);
    // Tests and wall screens without a desktop: no tray icon even where one would work.
    void setTrayEnabled(bool enabled);
    void setCooldownMs(int milliseconds) { m_cooldown.setInterval(milliseconds); }

    [[nodiscard]] bool isMuted() const;
    [[nodiscard]] QDateTime mutedUntil() const { return m_mutedUntil; }
    [[nodiscard]] bool isRinging() const { return !m_ringing.isEmpty(); }
    [[nodiscard]] QString tooltip() const { return m_tooltip; }
    [[nodiscard]] bool trayAvailable() const { return m_tray != nullptr; }
    // False without an audio output device: Settings says the alerts are silent on this machine.
    [[nodiscard]] bool soundAvailable() const { return m_player && m_player->hasOutput(); }
    [[nodiscard]] int messagesShown() const { return m_messages; }

    Q_INVOKABLE void muteFor(int minutes);
    Q_INVOKABLE void unmute();
    // Re-checks which ringing alerts are still unacknowledged, and repeats the tone if any are.
    void repeatTick();

Q_SIGNALS:
    void muteChanged();
    void ringingChanged();
    void tooltipChanged();
    void soundAvailableChanged();
    // No tray: the window shows this itself.
    void toastRequested(const QString &title, const QString &body, int severity);
    // Every message, tray or toast (tests, logs).
    void messageShown(const QString &title, const QString &body);

private:
    void onAlertsAdded(int count);
    void showPending();
    void show(const QString &title, const QString &body, int severity);
    void playTone(TonePlayer::Tone tone);
    void pruneRinging();
    void updateTray();
    void scheduleTray();
    void startRepeat();

    std::unique_ptr<noc::Clock> m_ownedClock;
    const noc::Clock *m_clock;
    QPointer<AlertModel> m_alerts;
    QPointer<noc::NocClient> m_client;
    QPointer<DashboardSettings> m_settings;
    std::unique_ptr<TonePlayer> m_player;
    QPointer<QWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;

    noc::AlertBatch m_pending; // urgent alerts not yet told about
    QTimer m_cooldown;
    std::unique_ptr<noc::Timer> m_repeat;
    QTimer m_trayThrottle;
    std::unique_ptr<noc::Timer> m_feedLostGrace;
    std::unique_ptr<noc::Timer> m_unmute;
    QSet<QString> m_ringing; // keys of unacknowledged CRITICAL alerts that keep the tone going
    quint64 m_prunedAtChange = 0; // AlertModel::existingRowChanges() at the last prune
    QDateTime m_mutedUntil;
    qint64 m_lastToneMs = -1;
    QString m_tooltip;
    int m_messages = 0;
    bool m_everLive = false;
};
