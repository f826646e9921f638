// SPDX-License-Identifier: MIT
#include "SeriesFeed.h"

namespace {
constexpr int kDefaultRefreshMs = 1000; // the design's "at most one refresh a second"
}

SeriesFeed::SeriesFeed(QObject *parent) : QObject(parent)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kDefaultRefreshMs);
    connect(&m_throttle, &QTimer::timeout, this, &SeriesFeed::refreshNow);
}

void SeriesFeed::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (active)
        refreshNow();
    else
        m_throttle.stop();
    Q_EMIT activeChanged();
}

void SeriesFeed::setRefreshIntervalMs(int milliseconds)
{
    milliseconds = qMax(0, milliseconds);
    if (m_throttle.interval() == milliseconds)
        return;
    m_throttle.setInterval(milliseconds);
    Q_EMIT refreshIntervalMsChanged();
}

void SeriesFeed::markDirty()
{
    m_dirty = true;
    if (m_active && !m_throttle.isActive())
        m_throttle.start();
}

void SeriesFeed::refreshNow()
{
    m_throttle.stop();
    if (!m_dirty || !m_active)
        return;
    m_dirty = false;
    push();
    ++m_pushes;
    Q_EMIT pushed();
}
