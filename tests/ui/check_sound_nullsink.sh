#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A CRITICAL tone played through Qt Multimedia reaches the audio server: a private PulseAudio daemon with
# a null sink, its monitor recorded with parec while tone_probe plays the tone; the recording must hold
# the tone (and stay silent at volume 0, so the measure can fail). ctest test "sound_nullsink".
#   check_sound_nullsink.sh TONE_PROBE
set -euo pipefail
probe=$1
for tool in pulseaudio pactl parec od awk; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (tools/install-deps.sh)"; exit 77; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/nocdash-sound.XXXXXX")
export XDG_RUNTIME_DIR=$scratch/runtime HOME=$scratch/home PULSE_SERVER=unix:$scratch/runtime/pulse/native
unset PULSE_SINK PULSE_SOURCE
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
recorder=""
cleanup() {
  [ -n "$recorder" ] && kill "$recorder" 2>/dev/null || true
  pactl exit >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# -n: no system configuration; only what is loaded here. No D-Bus, no real devices.
pulseaudio -n --daemonize=yes --exit-idle-time=-1 --disallow-exit=no --use-pid-file=no \
  --log-target=file:"$scratch/pulseaudio.log" \
  -L "module-null-sink sink_name=nocdash_null rate=22050 channels=1" -L "module-native-protocol-unix" \
  || { cat "$scratch/pulseaudio.log"; echo "FAIL: pulseaudio did not start"; exit 1; }
# Waits on a condition (up to 20 s); the daemon and the recorder run in real time.
wait_for() {
  for _ in $(seq 200); do eval "$1" && return 0; sleep 0.1; done
  echo "FAIL: timed out waiting for: $1"; cat "$scratch/pulseaudio.log"; exit 1
}
wait_for 'pactl info >/dev/null 2>&1'
pactl set-default-sink nocdash_null

# Records the monitor while the probe plays; goes on for at least 0.5 s of audio after the probe is done,
# so whatever the server still buffered is in the file. Prints the 10 ms windows louder than -30 dBFS
# the peak and the RMS of those windows (0..1 of full scale).
record_tone() {
  local volume=$1 file=$scratch/rec-$1.raw
  parec --device=nocdash_null.monitor --raw --format=s16le --channels=1 --rate=22050 --latency-msec=20 \
    >"$file" &
  recorder=$!
  wait_for "pactl list short source-outputs | grep -q ."
  "$probe" critical "$volume" || { echo "FAIL: tone_probe exited $?"; exit 1; }
  local done_at
  done_at=$(stat -c %s "$file")
  wait_for "[ \$(stat -c %s '$file') -ge $((done_at + 22050)) ]"
  kill "$recorder" && wait "$recorder" 2>/dev/null || true
  recorder=""
  wait_for "! pactl list short source-outputs | grep -q ."
  od -An -v -t d2 -w2 "$file" | awk '
    { s = $1 / 32768.0; sum += s * s; n++; if (s < 0) s = -s; if (s > peak) peak = s
      if (n % 220 == 0) { if (sum / 220 > 0.001) { loud++; loudsum += sum } sum = 0 } }
    END { printf "%d %.3f %.2f %.3f\n", loud, peak, n / 22050.0, loud ? sqrt(loudsum / (loud * 220)) : 0 }'
}

read -r loud peak seconds rms < <(record_tone 100)
echo "volume 100: $seconds s recorded, $loud windows of 10 ms above -30 dBFS (RMS $rms), peak $peak"
read -r quiet_loud quiet_peak quiet_seconds quiet_rms < <(record_tone 0)
echo "volume 0:   $quiet_seconds s recorded, $quiet_loud windows of 10 ms above -30 dBFS (RMS $quiet_rms), peak $quiet_peak"

failures=0
# The CRITICAL tone is 500 ms of beeps at 0.35 of full scale (ToneSynth.cpp): a sine's RMS is 0.25.
[ "$loud" -ge 40 ] && [ "$loud" -le 60 ] || { echo "FAIL: expected about 50 loud windows"; failures=1; }
awk -v p="$peak" 'BEGIN { exit !(p > 0.3 && p < 0.4) }' || { echo "FAIL: peak $peak is not about 0.35"; failures=1; }
awk -v r="$rms" 'BEGIN { exit !(r > 0.2 && r < 0.3) }' || { echo "FAIL: RMS $rms is not about 0.25"; failures=1; }
[ "$quiet_loud" -eq 0 ] || { echo "FAIL: volume 0 was not silent"; failures=1; }
[ "$failures" -eq 0 ] && echo "the CRITICAL tone reached the audio server"
exit "$failures"
