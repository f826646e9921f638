// SPDX-License-Identifier: MIT
#pragma once

#include "ConnectionStateMachine.h"

#include <QDateTime>

namespace noc {

// The server does not replay what it pushed while a client was away: the stretches of a session
// without a live feed, from the last frame heard to the moment it was live again.
class FeedGaps
{
public:
    using State = ConnectionStateMachine::State;

    // The session went from `from` to `to`; lastHeard is the dashboard's last inbound frame (invalid:
    // none). Returns true when a gap just ended: live again after having been live.
    bool noteTransition(State from, State to, const QDateTime &lastHeard, const QDateTime &now);

    [[nodiscard]] QDateTime lastFrom() const { return m_lastFrom; }
    [[nodiscard]] QDateTime lastTo() const { return m_lastTo; }
    // Gaps that ended, i.e. reconnects that brought the feed back (closes that never recovered do not count).
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] bool isOpen() const { return m_from.isValid(); }

private:
    QDateTime m_from; // set while a live feed is interrupted
    QDateTime m_lastFrom;
    QDateTime m_lastTo;
    int m_count = 0;
};

} // namespace noc
