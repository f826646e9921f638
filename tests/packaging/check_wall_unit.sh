#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `systemd-analyze --user verify` on the wall unit (packaging/linux/nocdash-wall.service). verify checks
# that ExecStart's program exists and is executable, and /usr/bin/nocdash is not on a build machine:
# a copy of the unit names the built binary instead, every other line as shipped. (packaging_deb
# verifies the installed unit too, ignoring only that complaint.) Exit 77 (skipped) without systemd.
set -euo pipefail
unit=$1
binary=$2
command -v systemd-analyze >/dev/null || { echo "no systemd-analyze here"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

# What nocdash's watchdog needs from the unit.
grep -qx 'Type=notify' "$unit" || fail "the unit is not Type=notify"
grep -qx 'NotifyAccess=main' "$unit" || fail "the unit lacks NotifyAccess=main"
grep -Eqx 'WatchdogSec=[0-9]+s?' "$unit" || fail "the unit sets no WatchdogSec="
grep -qx 'Restart=on-failure' "$unit" || fail "the unit does not restart on failure (a watchdog timeout is one)"
grep -q '^ExecStart=/usr/bin/nocdash ' "$unit" || fail "ExecStart does not start /usr/bin/nocdash"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# --user needs a runtime directory; tools/test.sh provides one, a bare ctest run may not.
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  export XDG_RUNTIME_DIR=$work/runtime
  mkdir -m 700 "$XDG_RUNTIME_DIR"
fi
sed "s|^ExecStart=/usr/bin/nocdash |ExecStart=$binary |" "$unit" >"$work/nocdash-wall.service"
# verify exits 0 on some complaints (an unknown key is only "ignoring"): any output fails.
out=$(systemd-analyze --user verify "$work/nocdash-wall.service" 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify: $out"
echo "systemd-analyze verify: clean"
