#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what nocdash needs to build, run and test on Debian 12. Idempotent: does nothing when
# everything is present. Uses sudo when not run as root.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang-format
  qt6-base-dev qt6-websockets-dev qt6-declarative-dev qt6-charts-dev qtkeychain-qt6-dev
  qt6-tools-dev qt6-l10n-tools qt6-httpserver-dev qt6-qpa-plugins
  # sd_notify for the wall unit's readiness and watchdog (optional at build time: without it, no-ops)
  libsystemd-dev
  # alert sounds: Qt Multimedia (libqt6multimedia6 carries its gstreamer and ffmpeg backend plugins; audio
  # goes out through libpulse); tests: GStreamer's WAV elements for QAudioDecoder, and a headless
  # PulseAudio with a null sink whose monitor parec records
  qt6-multimedia-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good pulseaudio-utils
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
  qml6-module-qtquick-window qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtcharts qml6-module-qttest
  libsecret-1-0 gnome-keyring libsecret-tools dbus xvfb xauth fonts-dejavu-core
  # Qt's own words (dialog buttons) in the operator's language
  qt6-translations-l10n
  # the soak steps the wall's clock by an hour through libfaketime (skipped without it)
  faketime python3
  # the TLS tests make their test CA and server certificates with the openssl command at test time
  openssl
  # packaging checks (cpack -G DEB and RPM, validators) and the clang/libFuzzer build of tools/test.sh
  dpkg-dev file lintian desktop-file-utils appstream rpm rpmlint cpio clang libclang-rt-14-dev
)

# The null-sink sound test starts its own PulseAudio daemon. A desktop already running PipeWire's
# PulseAudio server keeps it: there the test reports itself skipped.
dpkg-query -W -f='${Status}' pipewire-pulse 2>/dev/null | grep -q "install ok installed" || packages+=(pulseaudio)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
  "${missing[@]}"
