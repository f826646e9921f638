// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// What the chart feeds share: data arrives any time, the charts are repainted at most once a second
// and only while someone looks at them (`active`), with one replace() per series.
class SeriesFeed : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    // Bind to the chart's visibility: an invisible chart costs nothing.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int refreshIntervalMs READ refreshIntervalMs WRITE setRefreshIntervalMs NOTIFY
                   refreshIntervalMsChanged)
    // Bumped after every push to the series: tests and labels bind to it.
    Q_PROPERTY(int pushes READ pushes NOTIFY pushed)

public:
    explicit SeriesFeed(QObject *parent = nullptr);

    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] int refreshIntervalMs() const { return m_throttle.interval(); }
    void setRefreshIntervalMs(int milliseconds);
    [[nodiscard]] int pushes() const { return m_pushes; }

    // Pushes now if anything changed (tests; a view that just became visible).
    Q_INVOKABLE void refreshNow();

Q_SIGNALS:
    void activeChanged();
    void refreshIntervalMsChanged();
    void pushed();

protected:
    // Something changed: push on the next tick (at most once per refreshIntervalMs).
    void markDirty();
    // Write the current data into the attached series.
    virtual void push() = 0;

private:
    QTimer m_throttle;
    bool m_active = true;
    bool m_dirty = false;
    int m_pushes = 0;
};
