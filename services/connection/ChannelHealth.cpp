// SPDX-License-Identifier: MIT
#include "ChannelHealth.h"

#include <algorithm>

namespace noc {

int percentile(QList<int> samples, double fraction)
{
    if (samples.isEmpty())
        return -1;
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<qsizetype>(fraction * static_cast<double>(samples.size() - 1) + 0.5);
    return samples.at(std::clamp<qsizetype>(index, 0, samples.size() - 1));
}

void scoreHealth(ChannelHealth &health, qint64 heartbeatIntervalMs, int reconnectsLastHour)
{
    const qint64 deadAfter = 2 * heartbeatIntervalMs + 5000;
    health.stale = health.state != ChannelHealth::State::Open || health.lastInboundAgeMs < 0
        || health.lastInboundAgeMs > deadAfter;
    if (health.state == ChannelHealth::State::Closed) {
        health.score = 0;
        return;
    }
    if (health.state == ChannelHealth::State::Connecting) {
        health.score = 10;
        return;
    }
    int score = 100;
    // Silence first: it is what makes data stale.
    if (health.lastInboundAgeMs > deadAfter)
        score -= 70;
    else if (health.lastInboundAgeMs > heartbeatIntervalMs + 5000)
        score -= 30;
    if (health.rttP95Ms > 1000)
        score -= 40;
    else if (health.rttP95Ms > 300)
        score -= 20;
    else if (health.rttP95Ms > 100)
        score -= 5;
    score -= std::min(25, 5 * reconnectsLastHour);
    score -= std::min(10, 2 * health.errors);
    health.score = std::clamp(score, 0, 100);
}

} // namespace noc
