// SPDX-License-Identifier: MIT
#include "FeedGaps.h"

#include "LoggingCategories.h"

namespace noc {

bool FeedGaps::noteTransition(State from, State to, const QDateTime &lastHeard, const QDateTime &now)
{
    if (from == to)
        return false;
    if (from == State::Connected) {
        // From the last frame heard, not from when the loss was noticed: a half-open socket is silent
        // for up to two heartbeat intervals before that.
        m_from = lastHeard.isValid() ? lastHeard : now;
    }
    if (to == State::LoggedOut) {
        m_from = {}; // the operator ended the session: nothing was missed
        return false;
    }
    if (to != State::Connected || !m_from.isValid())
        return false;
    m_lastFrom = std::exchange(m_from, {});
    m_lastTo = now;
    ++m_count;
    qCWarning(lcConnection).noquote() << "live again after a gap of" << m_lastFrom.msecsTo(m_lastTo) / 1000.0
                                      << "s: the server does not replay what it sent meanwhile";
    return true;
}

} // namespace noc
