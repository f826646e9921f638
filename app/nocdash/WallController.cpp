// SPDX-License-Identifier: MIT
#include "WallController.h"

#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QWindow>

WallController::WallController(QWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(3000);
    connect(&m_idle, &QTimer::timeout, this, &WallController::hideCursor);
    // Queued: let Qt finish moving the window off a vanished screen before placing it again.
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &WallController::place, Qt::QueuedConnection);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &WallController::place, Qt::QueuedConnection);
    connect(qGuiApp, &QGuiApplication::primaryScreenChanged, this, &WallController::place,
            Qt::QueuedConnection);
}

void WallController::setPreferredScreen(int index)
{
    m_preferred = index;
    place();
}

void WallController::setCursorHideSeconds(int seconds)
{
    m_idle.setInterval(qMax(1, seconds) * 1000);
}

QScreen *WallController::chooseScreen(const QList<QScreen *> &screens, int preferred, QScreen *primary)
{
    if (preferred >= 0 && preferred < screens.size() && screens.at(preferred))
        return screens.at(preferred);
    return primary ? primary : (screens.isEmpty() ? nullptr : screens.constFirst());
}

void WallController::setEnabled(bool enabled)
{
    if (m_enabled == enabled || !m_window)
        return;
    m_enabled = enabled;
    if (enabled) {
        m_window->installEventFilter(this);
        place();
        m_idle.start();
    } else {
        m_window->removeEventFilter(this);
        m_idle.stop();
        showCursor();
        m_window->showNormal();
    }
}

void WallController::place()
{
    if (!m_enabled || !m_window)
        return;
    QScreen *screen = chooseScreen(QGuiApplication::screens(), m_preferred, QGuiApplication::primaryScreen());
    if (!screen)
        return;
    if (m_window->screen() != screen)
        m_window->setScreen(screen);
    m_window->setGeometry(screen->geometry());
    m_window->showFullScreen();
}

bool WallController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        showCursor();
        m_idle.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void WallController::hideCursor()
{
    if (m_cursorHidden || !m_window)
        return;
    m_cursorHidden = true;
    m_window->setCursor(Qt::BlankCursor);
}

void WallController::showCursor()
{
    if (!m_cursorHidden || !m_window)
        return;
    m_cursorHidden = false;
    m_window->unsetCursor();
}
