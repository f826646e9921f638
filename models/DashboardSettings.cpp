// SPDX-License-Identifier: MIT
#include "DashboardSettings.h"

#include "ClientSettings.h"
#include "NocClient.h"

#include <QGuiApplication>
#include <QMetaProperty>
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
    update(m_servers, value);
}

void DashboardSettings::setAuthGeneration(const QString &value)
{
    update(m_authGeneration, value);
}

void DashboardSettings::setTokenLocation(const QString &value)
{
    update(m_tokenLocation, value);
}

void DashboardSettings::setOrigin(const QString &value)
{
    update(m_origin, value);
}

void DashboardSettings::setUsername(const QString &value)
{
    update(m_username, value);
}

void DashboardSettings::setRememberPassword(bool value)
{
    update(m_rememberPassword, value);
}

void DashboardSettings::setHeartbeatSeconds(int value)
{
    update(m_heartbeatSeconds, qBound(1, value, 3600));
}

void DashboardSettings::setBackoffBaseMs(int value)
{
    update(m_backoffBaseMs, qBound(100, value, 600000));
}

void DashboardSettings::setBackoffCapMs(int value)
{
    update(m_backoffCapMs, qBound(100, value, 3600000));
}

void DashboardSettings::setBackoffMaxAttempts(int value)
{
    update(m_backoffMaxAttempts, qBound(1, value, 1000));
}

void DashboardSettings::setWallMode(bool value)
{
    update(m_wallMode, value);
}

void DashboardSettings::setTheme(const QString &value)
{
    update(m_theme, value);
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
    update(m_uiScale, qBound(1.0, value, 2.0));
}

void DashboardSettings::setRetention(int value)
{
    update(m_retention, qBound(100, value, 1000000));
}

void DashboardSettings::setNotifications(bool value)
{
    update(m_notifications, value);
}

void DashboardSettings::setSoundCritical(bool value)
{
    update(m_soundCritical, value);
}

void DashboardSettings::setSoundHigh(bool value)
{
    update(m_soundHigh, value);
}

void DashboardSettings::setSoundMedium(bool value)
{
    update(m_soundMedium, value);
}

void DashboardSettings::setSoundRepeatSeconds(int value)
{
    update(m_soundRepeatSeconds, qBound(5, value, 3600));
}

void DashboardSettings::setSoundVolume(int value)
{
    update(m_soundVolume, qBound(0, value, 100));
}

void DashboardSettings::setMuteMinutes(int value)
{
    update(m_muteMinutes, qBound(1, value, 24 * 60));
}

void DashboardSettings::setWallScreen(int value)
{
    update(m_wallScreen, qMax(-1, value));
}

void DashboardSettings::setWallRotationSeconds(int value)
{
    update(m_wallRotationSeconds, qBound(0, value, 3600));
}

void DashboardSettings::setWallCursorHideSeconds(int value)
{
    update(m_wallCursorHideSeconds, qBound(1, value, 600));
}

void DashboardSettings::setKeepScreenOn(bool value)
{
    update(m_keepScreenOn, value);
}

void DashboardSettings::setBlankHours(const QString &value)
{
    update(m_blankHours, value.trimmed());
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
// The dashboard's own keys ([ui], [wall]), each with the property that holds it: load, save and
// reset read this one list, so a new key is one line here (and one in the preset example).
struct OwnKey
{
    const char *key;
    const char *property;
};
constexpr OwnKey kOwnKeys[] = {
    { "ui/theme", "theme" },
    { "ui/language", "language" },
    { "ui/scale", "uiScale" },
    { "ui/retention", "retention" },
    { "ui/notifications", "notifications" },
    { "ui/soundCritical", "soundCritical" },
    { "ui/soundHigh", "soundHigh" },
    { "ui/soundMedium", "soundMedium" },
    { "ui/soundRepeatSeconds", "soundRepeatSeconds" },
    { "ui/soundVolume", "soundVolume" },
    { "ui/muteMinutes", "muteMinutes" },
    { "wall/screen", "wallScreen" },
    { "wall/rotationSeconds", "wallRotationSeconds" },
    { "wall/cursorHideSeconds", "wallCursorHideSeconds" },
    { "wall/keepScreenOn", "keepScreenOn" },
    { "wall/blankHours", "blankHours" },
};

// The connection keys the dialog edits; noc::ClientSettings loads and saves them.
constexpr const char *kConnectionProperties[] = {
    "servers",      "authGeneration",     "tokenLocation",    "origin",
    "username",     "rememberPassword",   "heartbeatSeconds", "backoffBaseMs",
    "backoffCapMs", "backoffMaxAttempts", "wallMode",
};

QMetaProperty propertyNamed(const char *name)
{
    const QMetaObject &meta = DashboardSettings::staticMetaObject;
    const int index = meta.indexOfProperty(name);
    Q_ASSERT_X(index >= 0, "DashboardSettings", name);
    return meta.property(index);
}

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
    for (const OwnKey &own : kOwnKeys) {
        const QMetaProperty property = propertyNamed(own.property);
        QVariant value = store->value(QLatin1StringView(own.key));
        // A value of the wrong type (an edited file) leaves the key as it is rather than zeroing it.
        if (value.isValid() && value.convert(property.metaType()))
            property.write(this, value);
    }
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
    for (const OwnKey &own : kOwnKeys)
        store->setValue(QLatin1StringView(own.key), propertyNamed(own.property).read(this));
    store->sync();
}

void DashboardSettings::resetToDefaults()
{
    const DashboardSettings defaults;
    const auto reset = [&](const char *name) {
        const QMetaProperty property = propertyNamed(name);
        property.write(this, property.read(&defaults));
    };
    for (const char *name : kConnectionProperties)
        reset(name);
    for (const OwnKey &own : kOwnKeys)
        reset(own.property);
}
