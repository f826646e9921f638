// SPDX-License-Identifier: MIT
#include "FrameCounter.h"

#include <QLoggingCategory>
#include <QQuickWindow>

Q_LOGGING_CATEGORY(lcFrames, "nocdash.frames", QtWarningMsg)

namespace {
// Closer than this to the previous swap it is the render loop's second pass, not a frame anyone saw
// (seen 0-3 ms after a repaint, with nothing dirty; frames the view asks for are 50 ms or more apart).
constexpr qint64 kSecondPassNs = 5'000'000;
} // namespace

FrameCounter::FrameCounter(QQuickWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    m_clock.start();
    connect(
        window, &QQuickWindow::frameSwapped, this,
        [this] {
            const qint64 now = m_clock.nsecsElapsed();
            ++m_passes;
            if (m_lastSwapNs < 0 || now - m_lastSwapNs >= kSecondPassNs)
                ++m_frames;
            m_lastSwapNs = now;
        },
        Qt::DirectConnection);
    connect(&m_report, &QTimer::timeout, this, [this] {
        const QObject *alerts = m_window ? m_window->property("alertModel").value<QObject *>() : nullptr;
        qCInfo(lcFrames) << "frames rendered:" << m_frames << "passes:" << m_passes
                         << "alerts:" << (alerts ? alerts->property("count").toInt() : -1);
    });
    m_report.start(1000);
}

bool FrameCounter::wanted()
{
    return lcFrames().isInfoEnabled();
}
