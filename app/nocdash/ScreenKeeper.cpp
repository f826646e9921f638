// SPDX-License-Identifier: MIT
#include "ScreenKeeper.h"

#include "Clock.h"
#include "DisplayInhibitor.h"
#include "WallLogging.h"

namespace {
// The timer runs on monotonic time, which stops while the machine is suspended and does not follow a
// corrected wall clock: looking again at least hourly bounds how late a boundary can be noticed.
constexpr qint64 kLongestWaitMs = 60 * 60 * 1000;
} // namespace

ScreenKeeper::ScreenKeeper(std::unique_ptr<DisplayInhibitor> inhibitor, const noc::Clock &clock,
                           QObject *parent)
    : QObject(parent), m_inhibitor(std::move(inhibitor)), m_clock(clock), m_boundary(clock.createTimer())
{
    m_boundary->onTimeout = [this] { decide(); };
}

ScreenKeeper::~ScreenKeeper() = default;

void ScreenKeeper::setWallMode(bool on)
{
    m_wallMode = on;
    setActive(m_wallMode && m_keepScreenOn);
}

void ScreenKeeper::setKeepScreenOn(bool keep)
{
    m_keepScreenOn = keep;
    setActive(m_wallMode && m_keepScreenOn);
}

void ScreenKeeper::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    decide();
}

void ScreenKeeper::setBlankHours(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_blankText)
        return;
    m_blankText = trimmed;
    m_blank = BlankHours::parse(trimmed);
    if (!trimmed.isEmpty() && !m_blank)
        qCWarning(lcWall) << "ignoring [wall] blankHours" << trimmed
                          << "(expected HH:MM-HH:MM, e.g. 23:00-06:00): the display stays on";
    decide();
}

bool ScreenKeeper::isInBlankHours() const
{
    return m_blank && m_blank->contains(m_clock.nowUtc().toLocalTime().time());
}

void ScreenKeeper::decide()
{
    const QDateTime now = m_clock.nowUtc().toLocalTime();
    const bool blank = m_active && m_blank && m_blank->contains(now.time());
    if (blank != m_blankNow) {
        m_blankNow = blank;
        // Not when the blank hours were cleared or the wall left: only the clock crossing a boundary.
        if (m_active && m_blank)
            qCInfo(lcWall).noquote() << "blank hours" << m_blank->toString()
                                     << (blank ? "began: the display may sleep"
                                               : "ended: keeping the display on");
    }
    if (m_active && m_blank) {
        const QDateTime next = m_blank->nextChangeAfter(now);
        const qint64 wait = next.isValid() ? now.msecsTo(next) : kLongestWaitMs;
        m_boundary->start(qBound<qint64>(0, wait, kLongestWaitMs));
    } else {
        m_boundary->stop();
    }
    const bool hold = m_active && !blank;
    if (hold == m_holding)
        return;
    m_holding = hold;
    if (hold)
        m_inhibitor->hold();
    else
        m_inhibitor->release();
}
