// SPDX-License-Identifier: MIT
#include "HealthFiguresView.h"

namespace {
// Often enough for uptime and CPU to look alive, rarely enough to cost nothing.
constexpr int kRefreshMs = 5000;
} // namespace

HealthFiguresView::HealthFiguresView(QObject *parent) : QObject(parent)
{
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &HealthFiguresView::refresh);
}

void HealthFiguresView::setClient(noc::NocClient *client)
{
    if (!m_client.follow(client, this))
        return;
    // The ledger is the engine's part, not the engine: EngineLink does not cut its connection.
    disconnect(m_reported);
    if (client) {
        // A new period began: the figures of the old one are gone from the tab.
        m_reported = connect(&client->healthLedger(), &noc::HealthLedger::reported, this,
                             &HealthFiguresView::refresh);
    }
    refresh();
    Q_EMIT clientChanged();
}

void HealthFiguresView::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (active) {
        refresh();
        m_refresh.start();
    } else {
        m_refresh.stop();
    }
    Q_EMIT activeChanged();
}

double HealthFiguresView::pssMiB() const
{
    return m_figures.pssKib < 0 ? -1.0 : double(m_figures.pssKib) / 1024.0;
}

void HealthFiguresView::refresh()
{
    m_figures = m_client ? m_client->healthLedger().figures() : noc::HealthFigures {};
    Q_EMIT changed();
}
