#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the RPM packages from this build tree with cpack (next to the DEBs, for comparison), lists their
# runtime requirements and files, validates them with rpmlint and runs the packaged binaries from an
# extracted scratch root. ctest test "packaging_rpm" (label packaging).
#   check_rpm.sh CPACK BUILD_DIR SOURCE_DIR VERSION "REQUIRED REQUIRES..."
set -euo pipefail
cpack=$1 build=$2 source=$3 version=$4 required_requires=$5

scratch=$(mktemp -d "${TMPDIR:-/tmp}/nocdash-rpm.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0
# Nothing of this machine's or the caller's configuration may leak into the checks or the binaries.
export QT_QPA_PLATFORM=offscreen HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config
export XDG_RUNTIME_DIR=$scratch/runtime XDG_CONFIG_DIRS=$scratch/xdg
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset QML_IMPORT_PATH QML2_IMPORT_PATH QT_PLUGIN_PATH LD_LIBRARY_PATH
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
step() { echo "== $*"; }

command -v rpmbuild >/dev/null || { echo "SKIP: rpmbuild is not installed (Debian: the rpm package)"; exit 77; }

step "cpack -G RPM (and -G DEB, to compare)"
"$cpack" -G "RPM;DEB" --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log"; echo "FAIL: cpack"; exit 1; }
app_rpm=$(ls "$scratch"/out/nocdash-"$version"-1.*.rpm)
sim_rpm=$(ls "$scratch"/out/nocdash-sim-"$version"-1.*.rpm)
app_deb=$(ls "$scratch"/out/nocdash_"$version"-*.deb)
sim_deb=$(ls "$scratch"/out/nocdash-sim_"$version"-*.deb)
echo "$(basename "$app_rpm") $(basename "$sim_rpm")"

step "rpm -qpi"
rpm -qpi "$app_rpm" | grep -E '^(Name|Version|Release|Architecture|License|Summary|URL)'
[ "$(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$app_rpm")" = "$version-1" ] || fail "version is not $version-1"

step "rpm -qpR (runtime requirements)"
app_requires=$(rpm -qpR "$app_rpm")
sim_requires=$(rpm -qpR "$sim_rpm")
echo "$app_requires"
echo "-- nocdash-sim:"
echo "$sim_requires"
echo "-- weak (Suggests): $(rpm -qp --suggests "$app_rpm" | tr '\n' ' ')"
for pkg in $required_requires; do
  grep -qxF "$pkg" <<<"$app_requires" || fail "nocdash Requires lacks $pkg"
done

step "contents (rpm -qpl)"
rpm -qpl "$app_rpm" >"$scratch/app.list"
rpm -qpl "$sim_rpm" >"$scratch/sim.list"
cat "$scratch/app.list" "$scratch/sim.list"
root=$scratch/root
mkdir -p "$root"
for rpm in "$app_rpm" "$sim_rpm"; do
  (cd "$root" && rpm2cpio "$rpm" | cpio -idm --quiet)
done
grep -qxF /usr/bin/noc-sim "$scratch/app.list" && fail "noc-sim is in the nocdash package"
# The same files as the DEBs, byte for byte (the binaries: present, stripped, no RPATH).
debroot=$scratch/debroot
dpkg-deb -x "$app_deb" "$debroot" && dpkg-deb -x "$sim_deb" "$debroot"
# rpmbuild adds /usr/lib/.build-id links to the binaries (Fedora's convention for debuginfo lookup).
files_of() { (cd "$1" && find . ! -type d ! -path './usr/lib/.build-id/*' | sed 's|^\.||' | sort); }
if ! diff <(files_of "$debroot") <(files_of "$root") >"$scratch/files.diff"; then
  cat "$scratch/files.diff"; fail "the RPMs and the DEBs hold different files"
fi
while read -r f; do
  case "$f" in
  /usr/bin/*) ;;
  *) cmp -s "$debroot$f" "$root$f" || fail "$f differs from the DEB's" ;;
  esac
done < <(files_of "$root")
# Every library the binaries link is a soname requirement (what rpmbuild's generator should have found).
for bin in nocdash nocctl noc-sim; do
  reqs=$app_requires
  [ "$bin" = noc-sim ] && reqs=$sim_requires
  for lib in $(readelf -d "$root/usr/bin/$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    grep -q "^${lib//./\\.}()" <<<"$reqs" || fail "$bin links $lib, missing from Requires"
  done
  readelf -d "$root/usr/bin/$bin" | grep -Eq 'RPATH|RUNPATH' && fail "$bin carries an RPATH"
  readelf -S "$root/usr/bin/$bin" | grep -q '\.debug_info' && fail "$bin is not stripped"
done
for page in nocdash nocctl; do
  grep -qxF "/usr/share/man/man1/$page.1.gz" "$scratch/app.list" || fail "nocdash lacks the man page of $page"
done
grep -qxF /usr/share/man/man1/noc-sim.1.gz "$scratch/sim.list" || fail "nocdash-sim lacks the man page of noc-sim"
# Directories the base system owns stay unowned (filesystem, systemd, hicolor-icon-theme).
for dir in /usr/share/applications /usr/share/metainfo /usr/lib/systemd/user /usr/share/icons/hicolor \
  /usr/share/man/man1; do
  grep -qxF "$dir" "$scratch/app.list" && fail "nocdash owns the system directory $dir"
done

step "rpmlint"
if command -v rpmlint >/dev/null; then
  # The verdict is ours: any error or warning not filtered (with its reason) in rpmlint.toml fails.
  out=$(rpmlint --config "$source/tests/packaging/rpmlint.toml" "$app_rpm" "$sim_rpm" 2>&1) || true
  echo "$out"
  grep -Eq ': [EW]: ' <<<"$out" && fail "rpmlint reported errors or warnings"
  grep -Eq 'packages and [0-9]+ specfiles checked' <<<"$out" || fail "rpmlint did not run"
else
  fail "rpmlint is not installed (tools/install-deps.sh installs it)"
fi

step "run the packaged binaries"
cd "$scratch"
for bin in nocctl noc-sim nocdash; do
  out=$("$root/usr/bin/$bin" --version 2>&1) || fail "$bin --version exited non-zero"
  grep -q "$version" <<<"$out" && echo "$bin: $out" || fail "$bin --version: '$out' lacks $version"
done

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all RPM checks passed"
