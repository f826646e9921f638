// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "AlertModel.h"
#include "Clock.h"
#include "DashboardSettings.h"
#include "NocClient.h"
#include "TonePlayer.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWindow>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QSystemTrayIcon;

// Loud when it matters, calm otherwise: a tray message for new CRITICAL/HIGH alerts (in-window toast
// where there is no tray), a sound per severity (CRITICAL repeats until acknowledged or muted), the
// window's urgency hint, and the unacknowledged count in the tray tooltip. Storms collapse: at most one
// message per cooldown, summarising everything that came in meanwhile. Repeat, mute and the gap between
// tones run on the injected clock.
// In QML (module Nocdash.Desktop) the application's Dashboard.qml declares it next to the window it
// serves and binds what it watches; made there, it plays through Qt Multimedia on the system clock.
class Notifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AlertModel *alerts READ alerts WRITE setAlerts NOTIFY alertsChanged)
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(DashboardSettings *settings READ settings WRITE setSettings NOTIFY settingsChanged)
    // Raised from the tray, and marked urgent when an alert comes in while it is not active.
    Q_PROPERTY(QWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(bool muted READ isMuted NOTIFY muteChanged)
    Q_PROPERTY(QDateTime mutedUntil READ mutedUntil NOTIFY muteChanged)
    Q_PROPERTY(bool ringing READ isRinging NOTIFY ringingChanged)
    Q_PROPERTY(QString tooltip READ tooltip NOTIFY tooltipChanged)
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)
    Q_PROPERTY(bool soundAvailable READ soundAvailable NOTIFY soundAvailableChanged)

public:
    explicit Notifier(QObject *parent = nullptr);
    Notifier(AlertModel *alerts, noc::NocClient *client, DashboardSettings *settings,
             std::unique_ptr<TonePlayer> player, const noc::Clock *clock = nullptr,
             QObject *parent = nullptr);
    ~Notifier() override;

    [[nodiscard]] AlertModel *alerts() const { return m_alerts; }
    // Until there is a model nothing is counted.
    void setAlerts(AlertModel *alerts);
    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] DashboardSettings *settings() const { return m_settings; }
    void setSettings(DashboardSettings *settings);
    [[nodiscard]] QWindow *window() const { return m_window; }
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
    void alertsChanged();
    void clientChanged();
    void settingsChanged();
    void windowChanged();
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

    // Urgent alerts not yet told about: what the next notification says (how many, the newest).
    // Counts, not copies: a storm brings tens of thousands within one cooldown.
    struct PendingNotice
    {
        int critical = 0;
        int high = 0;
        noc::Alert newest;
        [[nodiscard]] bool isEmpty() const { return critical + high == 0; }
    };
    PendingNotice m_pending;
    QTimer m_cooldown;
    std::unique_ptr<noc::Timer> m_repeat;
    QTimer m_trayThrottle;
    std::unique_ptr<noc::Timer> m_feedLostGrace;
    std::unique_ptr<noc::Timer> m_unmute;
    // The rows (AlertModel::sequenceAt) of unacknowledged CRITICAL alerts that keep the tone going:
    // numbers, not keys, so a storm's criticals cost no string each and a re-check no hashing.
    QList<quint64> m_ringing;
    quint64 m_prunedAtChange = 0; // AlertModel::existingRowChanges() at the last prune
    QDateTime m_mutedUntil;
    qint64 m_lastToneMs = -1;
    QString m_tooltip;
    int m_messages = 0;
    bool m_everLive = false;
};
