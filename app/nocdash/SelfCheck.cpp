// SPDX-License-Identifier: MIT
#include "SelfCheck.h"

#include "NocClient.h"
#include "ProcessStats.h"

#include <QCoreApplication>
#include <QImage>
#include <QMetaEnum>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

using namespace Qt::StringLiterals;

SelfCheck::SelfCheck(QQuickWindow *window, int wantedAlerts, QString screenshotPath, int timeoutSeconds,
                     QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_model(window->property("alertModel").value<QObject *>())
    , m_list(window->property("alertList").value<QObject *>())
    , m_wanted(wantedAlerts)
    , m_screenshotPath(std::move(screenshotPath))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(1, u"timed out"_s); });
    m_timeout.start(timeoutSeconds * 1000);
    // Check after each rendered frame: the view is what the operator sees, not just the model.
    connect(window, &QQuickWindow::frameSwapped, this, &SelfCheck::check, Qt::QueuedConnection);
}

void SelfCheck::check()
{
    if (m_done || !m_model || !m_list)
        return;
    const int modelRows = m_model->property("count").toInt();
    const int viewRows = m_list->property("count").toInt();
    if (modelRows < m_wanted || viewRows < m_wanted)
        return;
    finish(0, u"ok"_s);
}

void SelfCheck::finish(int exitCode, const QString &verdict)
{
    if (m_done)
        return;
    m_done = true;
    // Read first: the benchmark wants the cost up to the view showing the alerts, not the teardown.
    const double cpuSeconds = noc::ProcessStats::readCpuSeconds();
    int delegates = 0;
    if (auto *list = qobject_cast<QQuickItem *>(m_list.data())) {
        if (auto *content = list->property("contentItem").value<QQuickItem *>())
            delegates = static_cast<int>(content->childItems().size());
    }
    QTextStream out(stdout);
    out << "self-check: " << verdict
        << "; alerts in model: " << (m_model ? m_model->property("count").toInt() : -1)
        << ", rows in view: " << (m_list ? m_list->property("count").toInt() : -1)
        << ", delegates: " << delegates << '\n';
    if (m_window)
        out << "self-check: " << (m_window->property("wallMode").toBool() ? "wall" : "desktop") << " mode\n";
    if (cpuSeconds >= 0)
        out << "self-check: process CPU " << QString::number(cpuSeconds, 'f', 3) << " s so far\n";
    // Whether the list holds the NOC's state (the records read at start) or the live feed only.
    if (const auto *client = m_model ? m_model->property("client").value<noc::NocClient *>() : nullptr) {
        out << "self-check: history "
            << QMetaEnum::fromType<noc::NocClient::HistoryState>().valueToKey(int(client->historyState()))
            << "; open on the server: " << client->openOnServer() << ", read: " << client->loadedOpen()
            << '\n';
    }
    if (!m_screenshotPath.isEmpty() && m_window) {
        const QImage image = m_window->grabWindow();
        if (image.isNull() || !image.save(m_screenshotPath)) {
            out << "self-check: could not save the screenshot to " << m_screenshotPath << '\n';
            exitCode = 1;
        } else {
            out << "self-check: screenshot " << image.width() << 'x' << image.height() << " saved to "
                << m_screenshotPath << '\n';
        }
    }
    out.flush();
    QCoreApplication::exit(exitCode);
}
