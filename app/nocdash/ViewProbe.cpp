// SPDX-License-Identifier: MIT
#include "ViewProbe.h"

#include <QLoggingCategory>
#include <QQuickItem>
#include <QQuickWindow>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcView, "nocdash.view", QtWarningMsg)

namespace {

// By the visual tree: a Repeater's or a Loader's items are children of their parent item, not
// necessarily of its QObject.
void collect(QQuickItem *item, const QString &objectName, QList<QQuickItem *> *found)
{
    if (item->objectName() == objectName)
        found->append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collect(child, objectName, found);
}

QList<QQuickItem *> itemsNamed(const QQuickWindow &window, const QString &objectName)
{
    QList<QQuickItem *> found;
    collect(window.contentItem(), objectName, &found);
    return found;
}

bool anyVisible(const QQuickWindow &window, const QString &objectName)
{
    const QList<QQuickItem *> items = itemsNamed(window, objectName);
    return std::any_of(items.cbegin(), items.cend(),
                       [](const QQuickItem *item) { return item->isVisible(); });
}

// The counters as drawn, "severity:value" by severity code; empty when none is on screen (signed out).
QStringList shownCounters(const QQuickWindow &window, int *sum)
{
    QList<std::pair<int, int>> counters; // severity, value
    const QList<QQuickItem *> items = itemsNamed(window, u"severityCounter"_s);
    for (const QQuickItem *item : items) {
        if (item->isVisible())
            counters.append({ item->property("severity").toInt(), item->property("value").toInt() });
    }
    std::sort(counters.begin(), counters.end());
    QStringList values;
    *sum = 0;
    for (const auto &[severity, value] : counters) {
        values.append(u"%1:%2"_s.arg(severity).arg(value));
        *sum += value;
    }
    return values;
}

} // namespace

ViewProbe::ViewProbe(QQuickWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    // Ten a second at first: how long a start takes to show the server's numbers is read from here.
    connect(&m_report, &QTimer::timeout, this, [this] {
        report();
        if (++m_reports == kEarlyReports)
            m_report.setInterval(1000);
    });
    m_report.start(100);
}

bool ViewProbe::wanted()
{
    return lcView().isInfoEnabled();
}

void ViewProbe::report() const
{
    if (!m_window)
        return;
    int unhandled = 0;
    const QStringList counters = shownCounters(*m_window, &unhandled);
    // The engine's own judgement beside the screen's: "stale without the band" is the gap between them.
    const QObject *client = m_window->property("client").value<QObject *>();
    const int stale = client ? int(client->property("stale").toBool()) : -1;
    // key=value words, like the health line: a script splits them without a grammar.
    qCInfo(lcView).noquote()
        << u"view: stale=%1 stale_band=%2 signed_out_screen=%3 counters=%4 unhandled=%5"_s.arg(
               QString::number(stale), QString::number(int(anyVisible(*m_window, u"staleBanner"_s))),
               QString::number(int(anyVisible(*m_window, u"signedOutScreen"_s))),
               counters.isEmpty() ? u"-"_s : counters.join(u','),
               counters.isEmpty() ? u"-"_s : QString::number(unhandled));
}
