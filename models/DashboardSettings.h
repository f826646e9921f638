// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

// Everything the settings dialog edits, persisted with QSettings (organisation and application
// "nocdash"). Connection keys go through noc::ClientSettings so nocctl and the engine read the same
// file; the dashboard's own keys live under [ui] and [wall]. Nothing secret is stored here.
// Settings flow one way: whoever changes a value (the dialog, F11, the menu, a preset, the command
// line) changes it here, and this object alone hands the engine its typed noc::ClientSettings.
namespace noc {
class NocClient;
struct ClientSettings;
} // namespace noc

class DashboardSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList servers READ servers WRITE setServers NOTIFY changed)
    Q_PROPERTY(QString authGeneration READ authGeneration WRITE setAuthGeneration NOTIFY changed)
    Q_PROPERTY(QString tokenLocation READ tokenLocation WRITE setTokenLocation NOTIFY changed)
    Q_PROPERTY(QString origin READ origin WRITE setOrigin NOTIFY changed)
    Q_PROPERTY(QString username READ username WRITE setUsername NOTIFY changed)
    Q_PROPERTY(bool rememberPassword READ rememberPassword WRITE setRememberPassword NOTIFY changed)
    Q_PROPERTY(int heartbeatSeconds READ heartbeatSeconds WRITE setHeartbeatSeconds NOTIFY changed)
    Q_PROPERTY(int backoffBaseMs READ backoffBaseMs WRITE setBackoffBaseMs NOTIFY changed)
    Q_PROPERTY(int backoffCapMs READ backoffCapMs WRITE setBackoffCapMs NOTIFY changed)
    Q_PROPERTY(int backoffMaxAttempts READ backoffMaxAttempts WRITE setBackoffMaxAttempts NOTIFY changed)
    Q_PROPERTY(bool wallMode READ wallMode WRITE setWallMode NOTIFY changed)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(double uiScale READ uiScale WRITE setUiScale NOTIFY changed)
    Q_PROPERTY(int retention READ retention WRITE setRetention NOTIFY changed)
    Q_PROPERTY(bool notifications READ notifications WRITE setNotifications NOTIFY changed)
    Q_PROPERTY(bool soundCritical READ soundCritical WRITE setSoundCritical NOTIFY changed)
    Q_PROPERTY(bool soundHigh READ soundHigh WRITE setSoundHigh NOTIFY changed)
    Q_PROPERTY(bool soundMedium READ soundMedium WRITE setSoundMedium NOTIFY changed)
    Q_PROPERTY(int soundRepeatSeconds READ soundRepeatSeconds WRITE setSoundRepeatSeconds NOTIFY changed)
    Q_PROPERTY(int soundVolume READ soundVolume WRITE setSoundVolume NOTIFY changed)
    Q_PROPERTY(int muteMinutes READ muteMinutes WRITE setMuteMinutes NOTIFY changed)
    Q_PROPERTY(int wallScreen READ wallScreen WRITE setWallScreen NOTIFY changed)
    Q_PROPERTY(int wallRotationSeconds READ wallRotationSeconds WRITE setWallRotationSeconds NOTIFY changed)
    Q_PROPERTY(
        int wallCursorHideSeconds READ wallCursorHideSeconds WRITE setWallCursorHideSeconds NOTIFY changed)
    Q_PROPERTY(bool keepScreenOn READ keepScreenOn WRITE setKeepScreenOn NOTIFY changed)
    Q_PROPERTY(QString blankHours READ blankHours WRITE setBlankHours NOTIFY changed)
    // Empty: the user's nocdash.conf. Tests point this at a file of their own.
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY fileNameChanged)
    // Demo mode: the connection belongs to the embedded backend; connection keys are neither saved
    // nor applied.
    Q_PROPERTY(bool connectionLocked READ connectionLocked WRITE setConnectionLocked NOTIFY changed)
    // The theme in effect: "system" resolved against the desktop's palette, and wall mode always dark.
    Q_PROPERTY(bool effectiveDark READ effectiveDark NOTIFY changed)

public:
    explicit DashboardSettings(QObject *parent = nullptr);
    ~DashboardSettings() override;

    [[nodiscard]] QStringList servers() const { return m_servers; } // in failover order
    void setServers(const QStringList &value);
    [[nodiscard]] QString authGeneration() const { return m_authGeneration; } // auto, token, v2
    void setAuthGeneration(const QString &value);
    [[nodiscard]] QString tokenLocation() const { return m_tokenLocation; } // query, header, cookie
    void setTokenLocation(const QString &value);
    [[nodiscard]] QString origin() const { return m_origin; } // empty: the server's own
    void setOrigin(const QString &value);
    [[nodiscard]] QString username() const { return m_username; }
    void setUsername(const QString &value);
    [[nodiscard]] bool rememberPassword() const { return m_rememberPassword; }
    void setRememberPassword(bool value);
    [[nodiscard]] int heartbeatSeconds() const { return m_heartbeatSeconds; }
    void setHeartbeatSeconds(int value);
    [[nodiscard]] int backoffBaseMs() const { return m_backoffBaseMs; }
    void setBackoffBaseMs(int value);
    [[nodiscard]] int backoffCapMs() const { return m_backoffCapMs; }
    void setBackoffCapMs(int value);
    [[nodiscard]] int backoffMaxAttempts() const { return m_backoffMaxAttempts; }
    void setBackoffMaxAttempts(int value);
    [[nodiscard]] bool wallMode() const { return m_wallMode; } // wall/enabled, shared with the engine
    void setWallMode(bool value);
    [[nodiscard]] QString theme() const { return m_theme; } // system, light, dark
    void setTheme(const QString &value);
    [[nodiscard]] QString language() const { return m_language; } // empty: the system locale
    void setLanguage(const QString &value);
    [[nodiscard]] double uiScale() const { return m_uiScale; } // 1.0 - 2.0
    void setUiScale(double value);
    [[nodiscard]] int retention() const { return m_retention; } // alerts kept in memory
    void setRetention(int value);
    [[nodiscard]] bool notifications() const
    {
        return m_notifications;
    } // tray messages for new CRITICAL/HIGH
    void setNotifications(bool value);
    [[nodiscard]] bool soundCritical() const
    {
        return m_soundCritical;
    } // repeats until acknowledged or muted
    void setSoundCritical(bool value);
    [[nodiscard]] bool soundHigh() const { return m_soundHigh; }
    void setSoundHigh(bool value);
    [[nodiscard]] bool soundMedium() const { return m_soundMedium; }
    void setSoundMedium(bool value);
    [[nodiscard]] int soundRepeatSeconds() const { return m_soundRepeatSeconds; }
    void setSoundRepeatSeconds(int value);
    [[nodiscard]] int soundVolume() const { return m_soundVolume; } // 0-100, as loud as it sounds
    void setSoundVolume(int value);
    [[nodiscard]] int muteMinutes() const { return m_muteMinutes; } // how long the mute button mutes
    void setMuteMinutes(int value);
    [[nodiscard]] int wallScreen() const { return m_wallScreen; } // -1: the primary screen
    void setWallScreen(int value);
    [[nodiscard]] int wallRotationSeconds() const { return m_wallRotationSeconds; } // 0: no rotation
    void setWallRotationSeconds(int value);
    [[nodiscard]] int wallCursorHideSeconds() const { return m_wallCursorHideSeconds; }
    void setWallCursorHideSeconds(int value);
    [[nodiscard]] bool keepScreenOn() const { return m_keepScreenOn; } // the display never blanks on a wall
    void setKeepScreenOn(bool value);
    // "23:00-06:00": local hours in which a wall's display may sleep all the same; empty: never.
    [[nodiscard]] QString blankHours() const { return m_blankHours; }
    void setBlankHours(const QString &value);
    [[nodiscard]] bool connectionLocked() const { return m_connectionLocked; }
    void setConnectionLocked(bool locked);
    [[nodiscard]] QString fileName() const { return m_fileName; }
    void setFileName(const QString &fileName);
    [[nodiscard]] bool effectiveDark() const;
    // The desktop's palette has a dark window background.
    [[nodiscard]] static bool systemPrefersDark();

    Q_INVOKABLE void load();
    Q_INVOKABLE void save() const;
    // From now on every change reaches this engine (servers, auth, Origin, heartbeat, backoff, wall
    // mode), starting with the current values. Not owned.
    void setEngine(noc::NocClient *engine);
    // Every connection key at once (a load, the command line for this run); not saved by itself.
    void setConnection(const noc::ClientSettings &connection);
    // Demo: the connection (servers, auth, subscriptions) belongs to the embedded backend; the policy
    // (heartbeat, backoff, wall mode) still comes from here. Connection keys are then never saved.
    void lockConnection(const noc::ClientSettings &connection);
    // What the engine gets: the stored connection keys this object does not edit (TLS, CA bundle,
    // jitter, the subscription preset) with every value edited here on top.
    [[nodiscard]] noc::ClientSettings clientSettings() const;
    // Back to the defaults (not saved until save()).
    Q_INVOKABLE void resetToDefaults();

Q_SIGNALS:
    void changed();
    void fileNameChanged();
    // The language changed: the application installs the translator and retranslates.
    void languageChanged();

private:
    [[nodiscard]] noc::ClientSettings toClientSettings(const noc::ClientSettings &stored) const;
    void pushToEngine() const;
    // Every setter: a value that changes is stored and announced once; an equal one is not.
    template<typename T> void update(T &member, const T &value)
    {
        if (member == value)
            return;
        member = value;
        Q_EMIT changed();
    }

    QStringList m_servers;
    QString m_authGeneration = QStringLiteral("auto");
    QString m_tokenLocation = QStringLiteral("query");
    QString m_origin;
    QString m_username;
    bool m_rememberPassword = false;
    int m_heartbeatSeconds = 30;
    int m_backoffBaseMs = 1000;
    int m_backoffCapMs = 30000;
    int m_backoffMaxAttempts = 8;
    bool m_wallMode = false;
    QString m_theme = QStringLiteral("system");
    QString m_language;
    double m_uiScale = 1.0;
    int m_retention = 10000;
    bool m_notifications = true;
    bool m_soundCritical = true;
    bool m_soundHigh = false;
    bool m_soundMedium = false;
    int m_soundRepeatSeconds = 30;
    int m_soundVolume = 100;
    int m_muteMinutes = 15;
    int m_wallScreen = -1;
    int m_wallRotationSeconds = 0;
    int m_wallCursorHideSeconds = 3;
    bool m_keepScreenOn = true;
    QString m_blankHours;
    QString m_fileName;
    bool m_connectionLocked = false;
    std::unique_ptr<noc::ClientSettings> m_stored; // as loaded: keys this object does not edit
    std::unique_ptr<noc::ClientSettings> m_lockedConnection;
    QPointer<noc::NocClient> m_engine;
};
