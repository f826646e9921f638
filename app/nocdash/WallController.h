// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QScreen;
class QWindow;

// Wall mode for the window: full screen on the chosen screen, back on it when it returns after
// going away (a KVM switch, a monitor power cycle), and the cursor hidden while the mouse is idle.
class WallController : public QObject
{
    Q_OBJECT
public:
    explicit WallController(QWindow *window, QObject *parent = nullptr);

    // -1: the primary screen.
    void setPreferredScreen(int index);
    void setCursorHideSeconds(int seconds);
    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    [[nodiscard]] bool isCursorHidden() const { return m_cursorHidden; }

    // The screen to use: the preferred one while it exists, else the primary.
    [[nodiscard]] static QScreen *chooseScreen(const QList<QScreen *> &screens, int preferred,
                                               QScreen *primary);
    // Puts the window where it belongs now.
    void place();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void hideCursor();
    void showCursor();

    QPointer<QWindow> m_window;
    int m_preferred = -1;
    bool m_enabled = false;
    bool m_cursorHidden = false;
    QTimer m_idle;
};
