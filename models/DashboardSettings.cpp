// SPDX-License-Identifier: MIT
#include "DashboardSettings.h"

#include "ClientSettings.h"
#include "NocClient.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSettings>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

DashboardSettings::DashboardSettings(QObject *parent)
    : QObject(parent), m_stored(std::make_unique<noc::ClientSettings>())
{
    connect(this, &DashboardSettings::changed, this, &DashboardSettings::pushToEngine);
}

DashboardSettings::~DashboardSettings() = default;

void DashboardSettings::setServers(const QStringList &value)
{
    if (m_servers == value)
        return;
    m_servers = value;
    Q_EMIT changed();
}

void DashboardSettings::setAuthGeneration(const QString &value)
{
    if (m_authGeneration == value)
        return;
    m_authGeneration = value;
    Q_EMIT changed();
}

void DashboardSettings::setTokenLocation(const QString &value)
{
    if (m_tokenLocation == value)
        return;
    m_tokenLocation = value;
    Q_EMIT changed();
}

void DashboardSettings::setOrigin(const QString &value)
{
    if (m_origin == value)
        return;
    m_origin = value;
    Q_EMIT changed();
}

void DashboardSettings::setUsername(const QString &value)
{
    if (m_username == value)
        return;
    m_username = value;
    Q_EMIT changed();
}

void DashboardSettings::setRememberPassword(bool value)
{
    if (m_rememberPassword == value)
        return;
    m_rememberPassword = value;
    Q_EMIT changed();
}

void DashboardSettings::setHeartbeatSeconds(int value)
{
    const int bounded = qBound(1, value, 3600);
    if (m_heartbeatSeconds == bounded)
        return;
    m_heartbeatSeconds = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setBackoffBaseMs(int value)
{
    const int bounded = qBound(100, value, 600000);
    if (m_backoffBaseMs == bounded)
        return;
    m_backoffBaseMs = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setBackoffCapMs(int value)
{
    const int bounded = qBound(100, value, 3600000);
    if (m_backoffCapMs == bounded)
        return;
    m_backoffCapMs = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setBackoffMaxAttempts(int value)
{
    const int bounded = qBound(1, value, 1000);
    if (m_backoffMaxAttempts == bounded)
        return;
    m_backoffMaxAttempts = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setWallMode(bool value)
{
    if (m_wallMode == value)
        return;
    m_wallMode = value;
    Q_EMIT changed();
}

void DashboardSettings::setTheme(const QString &value)
{
    if (m_theme == value)
        return;
    m_theme = value;
    Q_EMIT changed();
}

void DashboardSettings::setLanguage(const QString &value)
{
    if (m_language == value)
        return;
    m_language = value;
    Q_EMIT changed();
    Q_EMIT languageChanged();
}

void DashboardSettings::setUiScale(double value)
{
    const double bounded = qBound(1.0, value, 2.0);
    if (m_uiScale == bounded)
        return;
    m_uiScale = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setRetention(int value)
{
    const int bounded = qBound(100, value, 1000000);
    if (m_retention == bounded)
        return;
    m_retention = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setNotifications(bool value)
{
    if (m_notifications == value)
        return;
    m_notifications = value;
    Q_EMIT changed();
}

void DashboardSettings::setSoundCritical(bool value)
{
    if (m_soundCritical == value)
        return;
    m_soundCritical = value;
    Q_EMIT changed();
}

void DashboardSettings::setSoundHigh(bool value)
{
    if (m_soundHigh == value)
        return;
    m_soundHigh = value;
    Q_EMIT changed();
}

void DashboardSettings::setSoundMedium(bool value)
{
    if (m_soundMedium == value)
        return;
    m_soundMedium = value;
    Q_EMIT changed();
}

void DashboardSettings::setSoundRepeatSeconds(int value)
{
    const int bounded = qBound(5, value, 3600);
    if (m_soundRepeatSeconds == bounded)
        return;
    m_soundRepeatSeconds = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setSoundVolume(int value)
{
    const int bounded = qBound(0, value, 100);
    if (m_soundVolume == bounded)
        return;
    m_soundVolume = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setMuteMinutes(int value)
{
    const int bounded = qBound(1, value, 24 * 60);
    if (m_muteMinutes == bounded)
        return;
    m_muteMinutes = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setWallScreen(int value)
{
    const int bounded = qMax(-1, value);
    if (m_wallScreen == bounded)
        return;
    m_wallScreen = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setWallRotationSeconds(int value)
{
    const int bounded = qBound(0, value, 3600);
    if (m_wallRotationSeconds == bounded)
        return;
    m_wallRotationSeconds = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setWallCursorHideSeconds(int value)
{
    const int bounded = qBound(1, value, 600);
    if (m_wallCursorHideSeconds == bounded)
        return;
    m_wallCursorHideSeconds = bounded;
    Q_EMIT changed();
}

void DashboardSettings::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    Q_EMIT fileNameChanged();
}

bool DashboardSettings::systemPrefersDark()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return false;
    const QColor window = QGuiApplication::palette().color(QPalette::Window);
    return window.lightness() < 128;
}

bool DashboardSettings::effectiveDark() const
{
    if (m_wallMode || m_theme == u"dark"_s)
        return true;
    if (m_theme == u"light"_s)
        return false;
    return systemPrefersDark();
}

namespace {
std::unique_ptr<QSettings> openSettings(const QString &fileName)
{
    if (fileName.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(fileName, QSettings::IniFormat);
}
} // namespace

void DashboardSettings::load()
{
    const auto store = openSettings(m_fileName);
    setConnection(noc::ClientSettings::load(*store));
    const DashboardSettings defaults;
    setTheme(store->value(u"ui/theme"_s, defaults.theme()).toString());
    setLanguage(store->value(u"ui/language"_s, defaults.language()).toString());
    setUiScale(store->value(u"ui/scale"_s, defaults.uiScale()).toDouble());
    setRetention(store->value(u"ui/retention"_s, defaults.retention()).toInt());
    setNotifications(store->value(u"ui/notifications"_s, defaults.notifications()).toBool());
    setSoundCritical(store->value(u"ui/soundCritical"_s, defaults.soundCritical()).toBool());
    setSoundHigh(store->value(u"ui/soundHigh"_s, defaults.soundHigh()).toBool());
    setSoundMedium(store->value(u"ui/soundMedium"_s, defaults.soundMedium()).toBool());
    setSoundRepeatSeconds(store->value(u"ui/soundRepeatSeconds"_s, defaults.soundRepeatSeconds()).toInt());
    setSoundVolume(store->value(u"ui/soundVolume"_s, defaults.soundVolume()).toInt());
    setMuteMinutes(store->value(u"ui/muteMinutes"_s, defaults.muteMinutes()).toInt());
    setWallScreen(store->value(u"wall/screen"_s, defaults.wallScreen()).toInt());
    setWallRotationSeconds(store->value(u"wall/rotationSeconds"_s, defaults.wallRotationSeconds()).toInt());
    setWallCursorHideSeconds(
        store->value(u"wall/cursorHideSeconds"_s, defaults.wallCursorHideSeconds()).toInt());
}

void DashboardSettings::setConnection(const noc::ClientSettings &c)
{
    *m_stored = c;
    QStringList servers;
    for (const QUrl &url : c.servers)
        servers.append(url.toString());
    setServers(servers);
    setAuthGeneration(noc::authGenerationName(c.authGeneration));
    setTokenLocation(noc::tokenLocationName(c.tokenLocation));
    setOrigin(c.origin);
    setUsername(c.username);
    setRememberPassword(c.rememberPassword);
    setHeartbeatSeconds(c.heartbeatSeconds);
    setBackoffBaseMs(c.backoff.baseMs);
    setBackoffCapMs(c.backoff.capMs);
    setBackoffMaxAttempts(c.backoff.maxAttempts);
    setWallMode(c.wallMode);
    pushToEngine(); // keys not shown here (TLS, CA bundle) may have changed alone
}

noc::ClientSettings DashboardSettings::toClientSettings(const noc::ClientSettings &stored) const
{
    // Start from what is stored so keys this dialog does not edit (TLS, CA bundle, jitter) survive.
    noc::ClientSettings c = stored;
    c.servers.clear();
    for (const QString &server : m_servers) {
        const QUrl url(server.trimmed());
        if (url.isValid() && !url.host().isEmpty())
            c.servers.append(url);
    }
    c.authGeneration = noc::authGenerationFromString(m_authGeneration).value_or(noc::AuthGeneration::Auto);
    c.tokenLocation = noc::tokenLocationFromString(m_tokenLocation).value_or(noc::TokenLocation::Query);
    c.origin = m_origin;
    c.username = m_username;
    c.rememberPassword = m_rememberPassword;
    c.heartbeatSeconds = m_heartbeatSeconds;
    c.backoff.baseMs = m_backoffBaseMs;
    c.backoff.capMs = qMax(m_backoffBaseMs, m_backoffCapMs);
    c.backoff.maxAttempts = m_backoffMaxAttempts;
    c.wallMode = m_wallMode;
    return c;
}

noc::ClientSettings DashboardSettings::clientSettings() const
{
    if (!m_lockedConnection)
        return toClientSettings(*m_stored);
    noc::ClientSettings c = *m_lockedConnection;
    c.heartbeatSeconds = m_heartbeatSeconds;
    c.backoff.baseMs = m_backoffBaseMs;
    c.backoff.capMs = qMax(m_backoffBaseMs, m_backoffCapMs);
    c.backoff.maxAttempts = m_backoffMaxAttempts;
    c.wallMode = m_wallMode;
    return c;
}

void DashboardSettings::setEngine(noc::NocClient *engine)
{
    m_engine = engine;
    pushToEngine();
}

void DashboardSettings::lockConnection(const noc::ClientSettings &connection)
{
    m_lockedConnection = std::make_unique<noc::ClientSettings>(connection);
    setConnectionLocked(true);
    pushToEngine();
}

void DashboardSettings::pushToEngine() const
{
    // Synchronous, so a sign-in right after a change already uses it; the engine ignores repeats.
    if (m_engine)
        m_engine->applySettings(clientSettings());
}

void DashboardSettings::setConnectionLocked(bool locked)
{
    if (m_connectionLocked == locked)
        return;
    m_connectionLocked = locked;
    Q_EMIT changed();
}

void DashboardSettings::save() const
{
    auto store = openSettings(m_fileName);
    if (!m_connectionLocked) {
        *m_stored = toClientSettings(noc::ClientSettings::load(*store));
        m_stored->save(*store);
    } else
        store->setValue(u"wall/enabled"_s, m_wallMode);
    store->setValue(u"ui/theme"_s, m_theme);
    store->setValue(u"ui/language"_s, m_language);
    store->setValue(u"ui/scale"_s, m_uiScale);
    store->setValue(u"ui/retention"_s, m_retention);
    store->setValue(u"ui/notifications"_s, m_notifications);
    store->setValue(u"ui/soundCritical"_s, m_soundCritical);
    store->setValue(u"ui/soundHigh"_s, m_soundHigh);
    store->setValue(u"ui/soundMedium"_s, m_soundMedium);
    store->setValue(u"ui/soundRepeatSeconds"_s, m_soundRepeatSeconds);
    store->setValue(u"ui/soundVolume"_s, m_soundVolume);
    store->setValue(u"ui/muteMinutes"_s, m_muteMinutes);
    store->setValue(u"wall/screen"_s, m_wallScreen);
    store->setValue(u"wall/rotationSeconds"_s, m_wallRotationSeconds);
    store->setValue(u"wall/cursorHideSeconds"_s, m_wallCursorHideSeconds);
    store->sync();
}

void DashboardSettings::resetToDefaults()
{
    const DashboardSettings defaults;
    setServers(defaults.servers());
    setAuthGeneration(defaults.authGeneration());
    setTokenLocation(defaults.tokenLocation());
    setOrigin(defaults.origin());
    setUsername(defaults.username());
    setRememberPassword(defaults.rememberPassword());
    setHeartbeatSeconds(defaults.heartbeatSeconds());
    setBackoffBaseMs(defaults.backoffBaseMs());
    setBackoffCapMs(defaults.backoffCapMs());
    setBackoffMaxAttempts(defaults.backoffMaxAttempts());
    setWallMode(defaults.wallMode());
    setTheme(defaults.theme());
    setLanguage(defaults.language());
    setUiScale(defaults.uiScale());
    setRetention(defaults.retention());
    setNotifications(defaults.notifications());
    setSoundCritical(defaults.soundCritical());
    setSoundHigh(defaults.soundHigh());
    setSoundMedium(defaults.soundMedium());
    setSoundRepeatSeconds(defaults.soundRepeatSeconds());
    setSoundVolume(defaults.soundVolume());
    setMuteMinutes(defaults.muteMinutes());
    setWallScreen(defaults.wallScreen());
    setWallRotationSeconds(defaults.wallRotationSeconds());
    setWallCursorHideSeconds(defaults.wallCursorHideSeconds());
}
