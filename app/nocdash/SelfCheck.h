// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QQuickWindow;

// Proves the whole path works in the real binary: once enough alerts are in the model and the view,
// optionally saves a screenshot, prints what it saw and quits with 0; quits with 1 on timeout.
class SelfCheck : public QObject
{
    Q_OBJECT
public:
    SelfCheck(QQuickWindow *window, int wantedAlerts, QString screenshotPath, int timeoutSeconds,
              QObject *parent = nullptr);

private:
    void check();
    void finish(int exitCode, const QString &verdict);

    QPointer<QQuickWindow> m_window;
    QPointer<QObject> m_model;
    QPointer<QObject> m_list;
    int m_wanted;
    QString m_screenshotPath;
    QTimer m_timeout;
    bool m_done = false;
};
