// SPDX-License-Identifier: MIT
#pragma once

#include <QTest>

// For a test function that needs a real Secret Service. Without a session bus it fails, never skips:
// a CI whose D-Bus setup went missing must go red, not pass by running nothing. (Without a bus, libsecret
// may also try to autolaunch one or prompt on a display instead of failing, so the keychain is not tried.)
#define NOC_REQUIRE_SESSION_BUS()                                                                            \
    do {                                                                                                     \
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))                                         \
            QFAIL("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service to "     \
                  "test against: run the tests through tools/test.sh, which starts dbus-run-session with "   \
                  "an unlocked gnome-keyring");                                                              \
    } while (false)
