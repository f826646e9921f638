#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the DEB packages from this build tree with cpack, validates them and runs the installed binaries
# from an extracted scratch root. ctest test "packaging_deb" (label packaging).
#   check_deb.sh CPACK BUILD_DIR SOURCE_DIR VERSION "REQUIRED DEPENDS..."
set -euo pipefail
cpack=$1 build=$2 source=$3 version=$4 required_depends=$5

scratch=$(mktemp -d "${TMPDIR:-/tmp}/nocdash-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0
# Nothing of this machine's or the caller's configuration may leak into the checks or the binaries.
export QT_QPA_PLATFORM=offscreen HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config
export XDG_RUNTIME_DIR=$scratch/runtime XDG_CONFIG_DIRS=$scratch/xdg
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset QML_IMPORT_PATH QML2_IMPORT_PATH QT_PLUGIN_PATH LD_LIBRARY_PATH
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
step() { echo "== $*"; }

step "cpack -G DEB"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log"; echo "FAIL: cpack"; exit 1; }
app_deb=$(ls "$scratch"/out/nocdash_"$version"-*.deb)
sim_deb=$(ls "$scratch"/out/nocdash-sim_"$version"-*.deb)
echo "$(basename "$app_deb") $(basename "$sim_deb")"

step "dpkg-deb -I"
dpkg-deb -I "$app_deb" | sed -n "/^ [A-Z]/p"
dpkg-deb -f "$sim_deb" Package Version Depends
# Depends: the run-time modules named in packaging/CMakeLists.txt, plus a package for every library the
# binaries link (what dpkg-shlibdeps should have found).
depends_of() { dpkg-deb -f "$1" Depends | tr ',' '\n' | sed 's/^ *//; s/[ (].*//' | grep .; }
app_depends=$(depends_of "$app_deb")
sim_depends=$(depends_of "$sim_deb")
for pkg in $required_depends; do
  grep -qxF "$pkg" <<<"$app_depends" || fail "nocdash Depends lacks $pkg"
done
[ "$(dpkg-deb -f "$app_deb" Version)" = "$version-1" ] || fail "version is not $version-1"

step "contents"
root=$scratch/root
dpkg-deb -x "$app_deb" "$root"
dpkg-deb -x "$sim_deb" "$root"
for f in usr/bin/nocdash usr/bin/nocctl usr/bin/noc-sim usr/share/applications/nocdash.desktop \
  usr/share/metainfo/com.example.nocdash.metainfo.xml usr/share/icons/hicolor/scalable/apps/nocdash.svg \
  usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/nocdash.png \
  usr/lib/systemd/user/nocdash-wall.service usr/share/nocdash/autostart/nocdash-wall.desktop \
  usr/share/doc/nocdash/{copyright,changelog.Debian.gz,examples/nocdash.conf.example} \
  usr/share/doc/nocdash-sim/{copyright,changelog.Debian.gz} usr/share/man/man1/{nocdash,nocctl,noc-sim}.1.gz; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
dpkg-deb -c "$app_deb" | grep -q ' ./usr/bin/noc-sim$' && fail "noc-sim is in the nocdash package"
for size in 16 32 48 64 128 256; do
  png=$root/usr/share/icons/hicolor/${size}x${size}/apps/nocdash.png
  [ -e "$png" ] && ! file "$png" | grep -q "$size x $size" && fail "$png is not ${size}x$size"
done
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for bin in nocdash nocctl noc-sim; do
  deps=$app_depends
  [ "$bin" = noc-sim ] && deps=$sim_depends
  for lib in $(readelf -d "$root/usr/bin/$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    owner=$(dpkg -S "*/$multiarch/$lib" 2>/dev/null | head -n1 | cut -d: -f1)
    [ -n "$owner" ] || { fail "$bin links $lib, which no installed package provides"; continue; }
    grep -qxF "$owner" <<<"$deps" || fail "$bin links $lib ($owner), missing from Depends"
  done
  readelf -d "$root/usr/bin/$bin" | grep -Eq 'RPATH|RUNPATH' && fail "$bin carries an RPATH"
  readelf -S "$root/usr/bin/$bin" | grep -q '\.debug_info' && fail "$bin is not stripped"
done

step "desktop-file-validate"
out=$(desktop-file-validate "$root/usr/share/applications/nocdash.desktop" \
  "$root/usr/share/nocdash/autostart/nocdash-wall.desktop" 2>&1) || true
[ -z "$out" ] && echo "clean" || fail "desktop-file-validate: $out"

step "appstreamcli validate --no-net"
if out=$(appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/com.example.nocdash.metainfo.xml" 2>&1); then
  echo "$out"
  grep -Eq '^[EWI]:' <<<"$out" && fail "appstreamcli reported issues"
else
  echo "$out"; fail "appstreamcli validate"
fi

if command -v systemd-analyze >/dev/null; then
  step "systemd-analyze verify"
  # The unit names /usr/bin/nocdash, which is in the scratch root, not on this machine.
  out=$(systemd-analyze --user verify "$root/usr/lib/systemd/user/nocdash-wall.service" 2>&1 \
    | grep -v 'Command /usr/bin/nocdash is not executable' || true)
  [ -z "$out" ] && echo "clean" || fail "systemd-analyze: $out"
fi

step "lintian"
# --fail-on none: the verdict is ours: any tag (error, warning or info) not in the allowed list fails.
out=$(lintian --fail-on none --display-info --suppress-tags-from-file \
  <(grep -v '^#' "$source/tests/packaging/lintian-allowed-tags.txt" | cut -d' ' -f1 | grep .) \
  "$app_deb" "$sim_deb" 2>&1) || fail "lintian did not run"
echo "${out:-clean}"
grep -Eq '^[EWI]: ' <<<"$out" && fail "lintian reported tags outside tests/packaging/lintian-allowed-tags.txt"

step "run the installed binaries"
# From a scratch directory, so nothing in the build tree can be picked up.
cd "$scratch"
for bin in nocctl noc-sim; do
  out=$("$root/usr/bin/$bin" --version 2>&1) || fail "$bin --version exited non-zero"
  grep -q "$version" <<<"$out" && echo "$bin: $out" || fail "$bin --version: '$out' lacks $version"
done
if "$root/usr/bin/nocdash" --demo --quit-after-alerts 5 --self-check-timeout 60 >"$scratch/nocdash.log" 2>&1; then
  echo "nocdash --demo: showed 5 alerts and quit"
else
  cat "$scratch/nocdash.log"; fail "installed nocdash --demo self-check"
fi

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all package checks passed"
