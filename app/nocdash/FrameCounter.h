// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QQuickWindow;

// With QT_LOGGING_RULES="nocdash.frames.info=true" the dashboard logs how many frames it has rendered
// so far and how many alerts it holds, once a second: how a benchmark (bench/ui/bench_dashboard.py)
// sees the real executable from outside. Off by default, and then it is not even created.
// Qt's software render loop often follows a repaint with an empty pass a few milliseconds later
// (nothing dirty, nothing drawn, frameSwapped all the same): those are counted apart, as "passes".
class FrameCounter : public QObject
{
public:
    explicit FrameCounter(QQuickWindow *window, QObject *parent = nullptr);
    [[nodiscard]] static bool wanted();

private:
    QPointer<QQuickWindow> m_window;
    QTimer m_report;
    QElapsedTimer m_clock;
    qint64 m_lastSwapNs = -1;
    qint64 m_frames = 0; // repaints
    qint64 m_passes = 0; // every frameSwapped
};
