#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Takes the README screenshot: nocdash --demo in a real X server (Xvfb), grabbed from outside the
# process after it has run for a while. Needs xvfb and imagemagick.
#   tools/screenshot.sh [build dir] [output.png] [seconds] [-- extra nocdash arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
out=${2:-resources/screenshots/demo.png}
seconds=${3:-25}
shift $(( $# < 3 ? $# : 3 ))
[ "${1:-}" = "--" ] && shift
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
full=$(mktemp --suffix=.png)
xvfb-run -a -s "-screen 0 1600x900x24" bash -c '
  args=(); for a in "${@:3}"; do [ "$a" = --full ] || args+=("$a"); done
  "$0" --demo "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$2"
  import -window root "$1"
  kill $pid' "$build/app/nocdash/nocdash" "$full" "$seconds" "$@"
# No window manager under Xvfb: a desktop window sits at the origin at its default size; wall mode
# fills the screen.
case " $* " in
  *" --kiosk "* | *" --full "*) cp "$full" "$out" ;;
  *) convert "$full" -crop 1280x760+0+0 +repage "$out" ;;
esac
rm -f "$full"
echo "saved $out"
