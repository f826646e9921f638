// SPDX-License-Identifier: MIT
#include "Notifier.h"

#include "AlertModel.h"
#include "DashboardSettings.h"
#include "NocClient.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace {
constexpr int kCooldownMs = 5000; // at most one message per 5 s: a storm is one summary
constexpr int kMinToneGapMs = 2000; // tones never pile up
constexpr int kFeedLostGraceMs = 5000;

const char *const kSeverityColours[] = { "#607D8B", "#78909C", "#1E88E5", "#F9A825", "#EF6C00", "#D32F2F" };

QIcon dotIcon(const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(QPen(QColor(0x1A, 0x1A, 0x1A), 2));
    painter.drawEllipse(QRectF(3, 3, 26, 26));
    return QIcon(pixmap);
}
} // namespace

Notifier::Notifier(QObject *parent)
    : Notifier(nullptr, nullptr, nullptr, std::make_unique<SoundEffectTonePlayer>(), nullptr, parent)
{ }

Notifier::Notifier(AlertModel *alerts, noc::NocClient *client, DashboardSettings *settings,
                   std::unique_ptr<TonePlayer> player, const noc::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_ownedClock(clock ? nullptr : std::make_unique<noc::SystemClock>())
    , m_clock(clock ? clock : m_ownedClock.get())
    , m_settings(settings)
    , m_player(std::move(player))
    , m_repeat(m_clock->createTimer())
    , m_feedLostGrace(m_clock->createTimer())
    , m_unmute(m_clock->createTimer())
{
    m_cooldown.setSingleShot(true);
    m_cooldown.setInterval(kCooldownMs);
    connect(&m_cooldown, &QTimer::timeout, this, &Notifier::showPending);
    m_repeat->onTimeout = [this] {
        repeatTick();
        if (!m_ringing.isEmpty())
            startRepeat();
    };
    m_trayThrottle.setSingleShot(true);
    m_trayThrottle.setInterval(500);
    connect(&m_trayThrottle, &QTimer::timeout, this, &Notifier::updateTray);
    m_feedLostGrace->onTimeout = [this] {
        if (m_client && m_client->isStale())
            playTone(TonePlayer::Tone::FeedLost);
    };
    m_unmute->onTimeout = [this] { unmute(); };
    if (m_player)
        m_player->onOutputChanged = [this] { Q_EMIT soundAvailableChanged(); };

    setAlerts(alerts);
    setClient(client);
    setTrayEnabled(true);
}

Notifier::~Notifier() = default;

void Notifier::setClient(noc::NocClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &noc::NocClient::staleChanged, this, [this] {
            if (!m_client->isStale()) {
                m_everLive = true;
                m_feedLostGrace->stop();
            } else if (m_everLive) {
                m_feedLostGrace->start(kFeedLostGraceMs);
            }
            scheduleTray();
        });
    }
    scheduleTray();
    Q_EMIT clientChanged();
}

void Notifier::setSettings(DashboardSettings *settings)
{
    if (m_settings == settings)
        return;
    m_settings = settings;
    Q_EMIT settingsChanged();
}

void Notifier::setWindow(QWindow *window)
{
    if (m_window == window)
        return;
    m_window = window;
    Q_EMIT windowChanged();
}

void Notifier::setAlerts(AlertModel *alerts)
{
    if (m_alerts == alerts)
        return;
    if (m_alerts)
        m_alerts->disconnect(this);
    m_alerts = alerts;
    m_prunedAtChange = 0;
    // The rows that rang were the other model's.
    if (!m_ringing.isEmpty()) {
        m_ringing.clear();
        m_repeat->stop();
        Q_EMIT ringingChanged();
    }
    if (alerts) {
        connect(alerts, &AlertModel::alertsAdded, this, &Notifier::onAlertsAdded);
        connect(alerts, &AlertModel::countsChanged, this, [this] {
            // Rows only added (a storm's every flush) cannot stop a tone: no look-up per ringing row.
            if (m_alerts && m_alerts->existingRowChanges() != m_prunedAtChange) {
                m_prunedAtChange = m_alerts->existingRowChanges();
                pruneRinging();
            }
            scheduleTray();
        });
    }
    scheduleTray();
    Q_EMIT alertsChanged();
}

void Notifier::setTrayEnabled(bool enabled)
{
    if (enabled && !m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            if (m_window) {
                m_window->show();
                m_window->raise();
                m_window->requestActivate();
            }
        });
        m_tray->show();
    } else if (!enabled && m_tray) {
        delete m_tray;
        m_tray = nullptr;
    }
    updateTray();
}

bool Notifier::isMuted() const
{
    return m_mutedUntil.isValid() && m_mutedUntil > m_clock->nowUtc();
}

void Notifier::muteFor(int minutes)
{
    const qint64 seconds = qint64(qMax(1, minutes)) * 60;
    m_mutedUntil = m_clock->nowUtc().addSecs(seconds);
    m_unmute->start(seconds * 1000);
    Q_EMIT muteChanged();
}

void Notifier::unmute()
{
    m_unmute->stop();
    if (!m_mutedUntil.isValid())
        return;
    m_mutedUntil = {};
    Q_EMIT muteChanged();
}

void Notifier::onAlertsAdded(int count)
{
    bool ringCritical = false;
    bool toneHigh = false;
    bool toneMedium = false;
    // View row 0 is the newest.
    const noc::Alert *newestUrgent = nullptr;
    for (int row = count - 1; row >= 0; --row) {
        const noc::Alert &alert = m_alerts->alertAt(row);
        if (alert.severity == noc::Severity::Critical)
            ++m_pending.critical;
        else if (alert.severity == noc::Severity::High)
            ++m_pending.high;
        if (alert.severity >= noc::Severity::High)
            newestUrgent = &alert;
        if (alert.severity == noc::Severity::Critical && m_settings && m_settings->soundCritical()) {
            m_ringing.append(m_alerts->sequenceAt(row));
            ringCritical = true;
        }
        toneHigh
            = toneHigh || (alert.severity == noc::Severity::High && m_settings && m_settings->soundHigh());
        toneMedium = toneMedium
            || (alert.severity == noc::Severity::Medium && m_settings && m_settings->soundMedium());
    }
    if (newestUrgent)
        m_pending.newest = *newestUrgent;
    if (ringCritical) {
        playTone(TonePlayer::Tone::Critical);
        if (!m_repeat->isActive())
            startRepeat();
        Q_EMIT ringingChanged();
    } else if (toneHigh) {
        playTone(TonePlayer::Tone::High);
    } else if (toneMedium) {
        playTone(TonePlayer::Tone::Medium);
    }
    if (m_pending.isEmpty())
        return;
    if (m_window && !m_window->isActive())
        m_window->alert(0); // the urgency hint: the task bar entry asks for attention
    if (!m_cooldown.isActive())
        showPending();
}

void Notifier::showPending()
{
    if (m_pending.isEmpty())
        return;
    const PendingNotice pending = std::exchange(m_pending, {});
    m_cooldown.start(); // whatever comes during the cooldown becomes one summary
    if (m_settings && !m_settings->notifications())
        return;
    const int critical = pending.critical;
    const int high = pending.high;
    const noc::Alert &newest = pending.newest;
    const int worst = static_cast<int>(critical > 0 ? noc::Severity::Critical : noc::Severity::High);
    if (critical + high == 1) {
        const QString title
            = (newest.severity == noc::Severity::Critical ? tr("CRITICAL: %1") : tr("HIGH: %1"))
                  .arg(newest.type);
        QStringList parts;
        if (!newest.clientId.isEmpty())
            parts.append(newest.clientId);
        parts.append(newest.message);
        show(title, parts.join(u" · "_s), worst);
        return;
    }
    const QString title = tr("%n new urgent alerts", nullptr, critical + high);
    const QString body = tr("%1 CRITICAL, %2 HIGH. Newest: %3").arg(critical).arg(high).arg(newest.message);
    show(title, body, worst);
}

void Notifier::show(const QString &title, const QString &body, int severity)
{
    ++m_messages;
    if (m_tray) {
        m_tray->showMessage(title, body,
                            severity >= static_cast<int>(noc::Severity::Critical) ? QSystemTrayIcon::Critical
                                                                                  : QSystemTrayIcon::Warning,
                            10000);
    } else {
        Q_EMIT toastRequested(title, body, severity);
    }
    Q_EMIT messageShown(title, body);
}

void Notifier::playTone(TonePlayer::Tone tone)
{
    if (!m_player || isMuted())
        return;
    const qint64 now = m_clock->monotonicMs();
    if (m_lastToneMs >= 0 && now - m_lastToneMs < kMinToneGapMs)
        return;
    m_lastToneMs = now;
    m_player->play(tone, m_settings ? m_settings->soundVolume() : 100);
}

void Notifier::pruneRinging()
{
    if (m_ringing.isEmpty())
        return;
    m_ringing.removeIf(
        [this](quint64 sequence) { return !m_alerts || !m_alerts->isUnacknowledgedSequence(sequence); });
    if (m_ringing.isEmpty()) {
        m_repeat->stop();
        Q_EMIT ringingChanged();
    }
}

void Notifier::repeatTick()
{
    pruneRinging();
    if (m_ringing.isEmpty())
        return;
    playTone(TonePlayer::Tone::Critical);
}

void Notifier::startRepeat()
{
    m_repeat->start(1000LL * (m_settings ? m_settings->soundRepeatSeconds() : 30));
}

void Notifier::scheduleTray()
{
    if (!m_trayThrottle.isActive())
        m_trayThrottle.start();
}

void Notifier::updateTray()
{
    QString tip;
    QColor colour(0x9A, 0xA0, 0xA6); // grey: nothing to say, or the feed is lost
    const bool lost = m_client && m_client->isStale() && m_everLive;
    if (m_alerts) {
        const QList<int> counts = m_alerts->unacknowledgedBySeverity();
        const int total = m_alerts->unacknowledgedCount();
        tip = tr("nocdash: %1 unacknowledged (%2 CRITICAL, %3 HIGH)")
                  .arg(total)
                  .arg(counts.value(static_cast<int>(noc::Severity::Critical)))
                  .arg(counts.value(static_cast<int>(noc::Severity::High)));
        const int worst = m_alerts->worstUnacknowledgedSeverity();
        if (worst >= 0 && !lost)
            colour = QColor(QLatin1StringView(kSeverityColours[worst]));
    }
    if (lost)
        tip += u"\n"_s + tr("No live data: the feed is lost");
    if (tip != m_tooltip) {
        m_tooltip = tip;
        Q_EMIT tooltipChanged();
    }
    if (m_tray) {
        m_tray->setToolTip(m_tooltip);
        m_tray->setIcon(dotIcon(colour));
    }
}
