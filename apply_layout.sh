#!/usr/bin/env bash
# Moves services/ into folders by concern. Run from the repo root on a tree with flat services/.
set -euo pipefail
cd services
mv_to() { d=$1; shift; mkdir -p $d; for n in "$@"; do for f in $n.h $n.cpp; do if [ -e $f ]; then git mv $f $d/; fi; done; done; }
mv_to protocol Alert AlertAction AlertApiParser ClientCommands FrameDecoder FrameRecord JsonRead PlainAlertFrame RecurringStrings ServerError ServerEvent Severity RetryAfter
mv_to auth AuthClient AuthResponseParser AuthResult CredentialStore JwtClaims SessionKeychain SessionTokens
mv_to connection Backoff ChannelHealth CloseClassification ConnectionDriver ConnectionStateMachine FeedGaps NetworkWatcher PresenceLink ServerFailover ServerProfile Session SessionAccess SessionHealth WebSocketChannel
mv_to alerts AlertFeed AlertHistory AlertLookup Escalation HistorySync RecentIdentities
mv_to commands AckOutbox ActionOutbox AlertActions CommandPacer DashboardCommands SubscriptionSet
mv_to settings ClientSettings ConnectionOptions
mv_to support Clock LoggingCategories StateFileLock StateFiles UrlRedaction
git mv Version.h.in support/
echo "left at top level:"; ls
