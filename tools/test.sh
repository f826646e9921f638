#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs dependencies, builds with warnings as errors and runs every test headless: offscreen Qt,
# a private D-Bus session with an unlocked GNOME keyring as the Secret Service, a throwaway HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --preset ci
cmake --build --preset ci

# Extra CI steps, before the main test run so that its summary line stays the last one CI reads.
# NOCDASH_QUICK=1 skips them (the sanitizer build and the fuzzing), e.g. for a local run.
quick=${NOCDASH_QUICK:-0}
asan_labels="unit|integration|sim|ui"
fuzz_seconds=${NOCDASH_FUZZ_SECONDS:-30}
if [ "$quick" != 1 ]; then
  # ASan + UBSan build (gcc): only the executables of the tests it runs (a test is named as its target).
  start=$SECONDS
  cmake --preset asan >/dev/null
  asan_all=$(cmake --build --preset asan --target help | sed -n 's/^\([^ :]*\): .*/\1/p')
  mapfile -t asan_targets < <(ctest --preset asan -N -L "$asan_labels" \
    | sed -n 's/^ *Test *#[0-9]*: \(.*\)$/\1/p' | grep -Fx -f <(echo "$asan_all"))
  [ ${#asan_targets[@]} -gt 0 ] || { echo "no test targets labelled $asan_labels"; exit 1; }
  cmake --build --preset asan --target "${asan_targets[@]}"
  echo "asan build: $((SECONDS - start)) s"
  # libFuzzer build (clang, ASan + UBSan): the services library and the fuzz targets.
  start=$SECONDS
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz --target fuzz_framedecoder fuzz_auth
  echo "fuzz build: $((SECONDS - start)) s"
fi

XDG_RUNTIME_DIR=$(mktemp -d)
HOME=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR HOME QT_QPA_PLATFORM=offscreen quick asan_labels fuzz_seconds
trap 'rm -rf "$XDG_RUNTIME_DIR" "$HOME"' EXIT
# The keyring must live inside the private bus: with no session bus it may prompt on a display and hang.
dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(printf nocdash-test | gnome-keyring-daemon --unlock --components=secrets)"
  if [ "$quick" != 1 ]; then
    start=$SECONDS
    ctest --preset asan -L "$asan_labels"
    echo "asan tests: $((SECONDS - start)) s"
    # Each target for a bounded time, from the seed corpus; new inputs go to a scratch corpus, crash
    # inputs to build/fuzz/artifacts/ (add them to tests/fuzz/corpus/ once fixed).
    mkdir -p build/fuzz/artifacts
    for target in framedecoder:frames auth:auth; do
      name=${target%%:*} seeds=tests/fuzz/corpus/${target##*:}
      work=build/fuzz/corpus-work/$name
      mkdir -p "$work"
      start=$SECONDS
      build/fuzz/tests/fuzz/fuzz_$name -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build/fuzz/artifacts/$name- -print_final_stats=1 "$work" "$seeds" 2>build/fuzz/$name.log \
        || { tail -n 60 build/fuzz/$name.log; echo "fuzz_$name found a defect: build/fuzz/artifacts/"; exit 1; }
      echo "fuzz_$name: $(grep -m1 -o "Done [0-9]* runs in [0-9]* second(s)" build/fuzz/$name.log), no finding ($((SECONDS - start)) s)"
    done
  fi
  ctest --preset ci "$@"' \
  ctest "$@"
