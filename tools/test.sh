#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs dependencies, builds with warnings as errors and runs every test headless: offscreen Qt,
# a private D-Bus session with an unlocked GNOME keyring as the Secret Service, a throwaway HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --preset ci
cmake --build --preset ci

XDG_RUNTIME_DIR=$(mktemp -d)
HOME=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR HOME QT_QPA_PLATFORM=offscreen
trap 'rm -rf "$XDG_RUNTIME_DIR" "$HOME"' EXIT
# The keyring must live inside the private bus: with no session bus it may prompt on a display and hang.
dbus-run-session -- bash -c \
  'eval "$(printf nocdash-test | gnome-keyring-daemon --unlock --components=secrets)"; ctest --preset ci "$@"' \
  ctest "$@"
