// SPDX-License-Identifier: MIT
#include "FrameCounter.h"

#include <QLoggingCategory>
#include <QQuickWindow>

Q_LOGGING_CATEGORY(lcFrames, "nocdash.frames", QtWarningMsg)

FrameCounter::FrameCounter(QQuickWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    connect(
        window, &QQuickWindow::frameSwapped, this, [this] { ++m_frames; }, Qt::DirectConnection);
    connect(&m_report, &QTimer::timeout, this, [this] {
        const QObject *alerts = m_window ? m_window->property("alertModel").value<QObject *>() : nullptr;
        qCInfo(lcFrames) << "frames rendered:" << m_frames
                         << "alerts:" << (alerts ? alerts->property("count").toInt() : -1);
    });
    m_report.start(1000);
}

bool FrameCounter::wanted()
{
    return lcFrames().isInfoEnabled();
}
