// SPDX-License-Identifier: MIT
#pragma once

#include "BlankHours.h"

#include <QObject>

#include <memory>
#include <optional>

class DisplayInhibitor;
namespace noc {
class Clock;
class Timer;
} // namespace noc

// Whether the wall's display is kept on now ([wall] keepScreenOn, blankHours): held while the wall
// shows, outside its blank hours; re-decided at the next start or end of the blank hours by a timer on
// the injected clock, not by polling.
class ScreenKeeper : public QObject
{
    Q_OBJECT
public:
    ScreenKeeper(std::unique_ptr<DisplayInhibitor> inhibitor, const noc::Clock &clock,
                 QObject *parent = nullptr);
    // Destroys the inhibitor, which gives the display back before it returns.
    ~ScreenKeeper() override;

    void setWallMode(bool on);
    // [wall] keepScreenOn: false leaves the display to the desktop's power settings even on a wall.
    void setKeepScreenOn(bool keep);
    // "HH:MM-HH:MM" in local time; empty: never. Anything else is logged once and means never.
    void setBlankHours(const QString &text);
    [[nodiscard]] bool isHolding() const { return m_holding; }
    [[nodiscard]] bool isInBlankHours() const;

private:
    void setActive(bool active);
    void decide();

    std::unique_ptr<DisplayInhibitor> m_inhibitor;
    const noc::Clock &m_clock;
    std::unique_ptr<noc::Timer> m_boundary;
    QString m_blankText;
    std::optional<BlankHours> m_blank;
    bool m_wallMode = false;
    bool m_keepScreenOn = true;
    bool m_active = false; // both
    bool m_holding = false;
    bool m_blankNow = false; // in blank hours while active, for the log
};
