// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QQuickWindow;

// With QT_LOGGING_RULES="nocdash.view.info=true" the dashboard says, once a second (ten times a second for
// its first ten seconds, so a start's time to the server's numbers can be read), what its window shows
// rather than what its models hold: whether the stale band or the signed-out screen is on screen and the
// numbers in the severity counters. The soak (bench/soak) reads the wall through it from outside: "fresh
// or loudly stale" and "the counters equal the server's" are claims about the screen. Off by default,
// and then it is not even created.
class ViewProbe : public QObject
{
public:
    explicit ViewProbe(QQuickWindow *window, QObject *parent = nullptr);
    [[nodiscard]] static bool wanted();

private:
    void report() const;

    static constexpr int kEarlyReports = 100; // the first 10 s

    QPointer<QQuickWindow> m_window;
    QTimer m_report;
    int m_reports = 0;
};
