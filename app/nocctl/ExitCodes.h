// SPDX-License-Identifier: MIT
#pragma once

// nocctl's exit codes, as documented in --help and the README.
enum ExitCode : int
{
    Ok = 0,
    Failure = 1, // anything not covered below
    Usage = 2, // bad command line
    AuthRefused = 3, // wrong credentials, or nothing to sign in with
    Unreachable = 4, // no server answered in time (the work may still be queued)
    CommandRefused = 5, // the server refused an acknowledgement, a subscription or an action
    HistoryUnavailable = 6, // alerts: the server refuses (403) or lacks (404) its alert records
};

inline constexpr const char *kExitCodeHelp
    = "Exit codes: 0 success; 1 other failure; 2 usage error; 3 credentials refused or missing; 4 no server "
      "answered within --timeout (acknowledgements stay queued and are sent by the next nocctl or nocdash "
      "session); 5 the server refused an acknowledgement, subscription, resolve, assign or escalate (its "
      "reason per id on stderr); 6 "
      "alerts: the server's alert history is unavailable (it refuses or lacks its alert records).";
