#!/bin/sh
# Builds the Debian package from a configured build tree and checks it the way Debian tools
# and a user see it: control fields, contents and permissions, desktop entry, AppStream
# metainfo, lintian (no E: tags), then installs it with apt-get, runs it from PATH, purges
# it and verifies that none of its files remain. Installing needs root (CI runs as root).
# Usage: packaging/check-package.sh BUILD_DIR
set -eu

say() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
fail() {
  printf 'check-package: FAIL: %s\n' "$*" >&2
  exit 1
}

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 64; }
[ -d "$1" ] || fail "no build directory $1"
build=$(cd "$1" && pwd)
info="$build/packaging/package-info.sh"
if [ ! -f "$build/CPackConfig.cmake" ] || [ ! -f "$info" ]; then
  fail "$build is not a configured Veo Tracker build tree (no CPackConfig.cmake or $info)"
fi
# shellcheck source=/dev/null
. "$info"

for tool in cmake cpack dpkg dpkg-deb dpkg-shlibdeps file gzip desktop-file-validate \
  appstreamcli lintian; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run packaging/install-deps.sh"
done

export LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d "${TMPDIR:-/tmp}/veo-package-check.XXXXXX")
installed=""
cleanup() {
  if [ -n "$installed" ]; then
    echo "check-package: purging $PKG_NAME after an interrupted check" >&2
    apt-get purge -y -q -o Dpkg::Lock::Timeout=120 "$PKG_NAME" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# --- 1. Build ------------------------------------------------------------------------------
say "Building veo-tracker and the package files in $build"
cmake --build "$build" --target veo-tracker veo_package_files

say "Building the .deb with CPack (cpack -G DEB)"
rm -f "$build/${PKG_NAME}"_*.deb
(cd "$build" && cpack -G DEB --config CPackConfig.cmake) >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
cat "$work/cpack.log"
arch=$(dpkg --print-architecture)
deb="$build/${PKG_NAME}_${PKG_VERSION}_${arch}.deb"
[ -f "$deb" ] || fail "expected $deb; cpack made: $(ls "$build"/*.deb 2>/dev/null || echo nothing)"
ok "$(basename "$deb") ($(du -h "$deb" | cut -f1))"

# --- 2. Control fields ---------------------------------------------------------------------
say "Control fields (dpkg-deb --field)"
dpkg-deb --field "$deb" | tee "$work/control"
field() { dpkg-deb --field "$deb" "$1"; }
for name in Package Version Architecture Maintainer Installed-Size Depends Recommends \
  Section Priority Homepage Description; do
  [ -n "$(field "$name")" ] || fail "control field $name is missing or empty"
done
[ "$(field Package)" = "$PKG_NAME" ] || fail "Package is not $PKG_NAME"
[ "$(field Version)" = "$PKG_VERSION" ] || fail "Version $(field Version) is not $PKG_VERSION"
[ "$(field Section)" = video ] || fail "Section is not video"
[ "$(field Priority)" = optional ] || fail "Priority is not optional"
field Maintainer | grep -Eq '^[^<]+ <[^@> ]+@[^> ]+>$' || fail "Maintainer is not 'Name <email>'"
depends=$(field Depends)
# Names only, one a line, for exact matching.
printf '%s\n' "$depends" | tr ',|' '\n' | sed 's/(.*//; s/[[:space:]]//g' | sort -u >"$work/depends"
for dep in $(printf '%s' "$EXPLICIT_DEPENDS" | tr ',' ' ') libc6 libqt6core6 libqt6widgets6 \
  libqt6keychain1; do
  grep -qx "$dep" "$work/depends" || fail "Depends lacks $dep (explicit or from dpkg-shlibdeps)"
done
ok "Depends has the explicit run-time packages and dpkg-shlibdeps' libraries"
[ "$(field Description | wc -l)" -ge 5 ] || fail "Description has no long description"

# --- 3. Contents ---------------------------------------------------------------------------
say "Contents (dpkg-deb --contents)"
dpkg-deb --contents "$deb" | tee "$work/contents"
expected="./usr/bin/veo-tracker
./usr/share/applications/$APP_ID.desktop
./usr/share/metainfo/$APP_ID.metainfo.xml
./usr/share/dbus-1/services/$APP_ID.service
./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
./usr/share/man/man1/veo-tracker.1.gz
./usr/share/doc/$PKG_NAME/copyright
./usr/share/doc/$PKG_NAME/changelog.gz"
for size in $ICON_SIZES; do
  expected="$expected
./usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
awk '{print $6}' "$work/contents" >"$work/paths"
for path in $expected; do
  grep -qxF "$path" "$work/paths" || fail "the package lacks $path"
done
# Owner root/root; directories 0755; /usr/bin files 0755; everything else 0644.
awk '
  $2 != "root/root" { print "owner " $2 ": " $6; bad = 1 }
  $1 ~ /^d/ && $1 != "drwxr-xr-x" { print "mode " $1 ": " $6; bad = 1 }
  $1 ~ /^-/ && $6 ~ /^\.\/usr\/bin\// && $1 != "-rwxr-xr-x" { print "mode " $1 ": " $6; bad = 1 }
  $1 ~ /^-/ && $6 !~ /^\.\/usr\/bin\// && $1 != "-rw-r--r--" { print "mode " $1 ": " $6; bad = 1 }
  END { exit bad }' "$work/contents" >"$work/perms" || { cat "$work/perms"; fail "wrong owner or mode"; }
ok "all entries root/root, directories and programs 0755, other files 0644"

mkdir "$work/root"
dpkg-deb --extract "$deb" "$work/root"
root="$work/root"
file "$root/usr/bin/veo-tracker" | tee "$work/file"
grep -q ', stripped' "$work/file" || fail "usr/bin/veo-tracker is not stripped"
for size in $ICON_SIZES; do
  file "$root/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" |
    grep -q "PNG image data, $size x $size," || fail "the ${size}x${size} icon is not a ${size}px PNG"
done
ok "binary stripped; PNG icons have their nominal sizes"
service="$root/usr/share/dbus-1/services/$APP_ID.service"
grep -qx "Name=$APP_ID" "$service" && grep -qx 'Exec=/usr/bin/veo-tracker' "$service" ||
  { cat "$service"; fail "the D-Bus service file does not start /usr/bin/veo-tracker as $APP_ID"; }
ok "D-Bus service file: $APP_ID starts /usr/bin/veo-tracker"
for gz in usr/share/man/man1/veo-tracker.1.gz usr/share/doc/$PKG_NAME/changelog.gz; do
  gzip -t "$root/$gz" || fail "$gz is not valid gzip"
done
changelog_version=$(gzip -dc "$root/usr/share/doc/$PKG_NAME/changelog.gz" | sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p')
[ "$changelog_version" = "$PKG_VERSION" ] ||
  fail "packaging/changelog's latest entry is $changelog_version, not $PKG_VERSION: add an entry"
release_version=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' \
  "$root/usr/share/metainfo/$APP_ID.metainfo.xml" | head -n 1)
[ "$release_version" = "$PKG_VERSION" ] ||
  fail "the metainfo's latest <release> is $release_version, not $PKG_VERSION: add one"
ok "changelog and metainfo describe version $PKG_VERSION"

# --- 4. Desktop entry and AppStream --------------------------------------------------------
say "desktop-file-validate usr/share/applications/$APP_ID.desktop"
desktop-file-validate "$root/usr/share/applications/$APP_ID.desktop" ||
  fail "desktop-file-validate found errors"
ok "desktop entry valid (hints above, if any, are advice)"

say "appstreamcli validate --no-net usr/share/metainfo/$APP_ID.metainfo.xml"
appstreamcli validate --no-net "$root/usr/share/metainfo/$APP_ID.metainfo.xml" ||
  fail "appstreamcli validate found problems"

# --- 5. lintian ----------------------------------------------------------------------------
say "lintian --display-info $(basename "$deb")"
# lintian's own exit status also depends on its fail-on setting; the rule here is: no E: tags.
lintian --display-info "$deb" >"$work/lintian" 2>&1 || true
cat "$work/lintian"
if grep -q '^E: ' "$work/lintian"; then
  fail "lintian reported errors (E: lines above)"
fi
ok "lintian: $(grep -c '^E: ' "$work/lintian") errors, $(grep -c '^W: ' "$work/lintian") warnings, $(grep -c '^I: ' "$work/lintian") info"

# --- 6. Install, run, purge ----------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
  fail "installing the package needs root: run this check (or the package_checks test) as root.
Everything before installation passed."
fi
before=$(dpkg-query -W -f='${Status} ${Version}' "$PKG_NAME" 2>/dev/null || true)
case "$before" in
*" installed "*) echo "note: $PKG_NAME ${before##* } is already installed; it is replaced now and purged at the end." ;;
esac

say "apt-get install ./$(basename "$deb")"
# apt's sandbox user (_apt) must be able to read the file.
mkdir "$work/apt"
cp "$deb" "$work/apt/"
chmod 755 "$work" "$work/apt"
chmod 644 "$work/apt/$(basename "$deb")"
installed=yes
apt-get install -y -q --no-install-recommends --reinstall --allow-downgrades \
  -o Dpkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 "$work/apt/$(basename "$deb")" || fail "apt-get install failed"
dpkg-query -W -f='${Status}\n' "$PKG_NAME" | grep -qx 'install ok installed' ||
  fail "$PKG_NAME is not installed after apt-get install"
dpkg -L "$PKG_NAME" >"$work/installed-list"
ok "installed; dpkg -L lists $(wc -l <"$work/installed-list") paths"

say "Running the installed veo-tracker"
found=$(command -v veo-tracker || true)
[ "$found" = /usr/bin/veo-tracker ] ||
  fail "command -v veo-tracker gives '${found:-nothing}', not /usr/bin/veo-tracker (PATH=$PATH)"
ok "command -v veo-tracker = $found"
version_out=$(veo-tracker --version) || fail "veo-tracker --version exited with $?"
[ "$version_out" = "Veo Tracker $PKG_VERSION" ] ||
  fail "veo-tracker --version printed '$version_out', expected 'Veo Tracker $PKG_VERSION'"
ok "veo-tracker --version: $version_out"
veo-tracker --help >/dev/null || fail "veo-tracker --help exited with $?"
ok "veo-tracker --help exits 0"
# The window, offscreen, in a throw-away HOME: proves the run-time plugins the package depends
# on load (platform, SQLite driver). It must still be running when the timeout stops it.
home="$work/home"
mkdir -p "$home"
rc=0
env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen KIE_API_KEY= \
  timeout 8 veo-tracker --demo >"$work/gui.log" 2>&1 || rc=$?
if [ "$rc" -ne 124 ] ||
  grep -Eiq 'driver not loaded|could not (find|load) the qt platform plugin|cannot load library' \
    "$work/gui.log"; then
  cat "$work/gui.log"
  fail "veo-tracker --demo (offscreen) ended with $rc instead of running until stopped"
fi
[ -f "$home/.local/share/veo-tracker/demo.sqlite" ] ||
  { cat "$work/gui.log"; fail "veo-tracker --demo did not create its SQLite store"; }
ok "veo-tracker --demo ran offscreen for 8 s and opened its SQLite store"

say "D-Bus activation: a call to $APP_ID starts the installed app"
# A session bus of its own, which finds the service file where the package put it; the app it
# starts is stopped by its PID before the bus goes.
home="$work/home-dbus"
mkdir -p "$home"
env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen KIE_API_KEY= \
  timeout 120 dbus-run-session -- sh -c '
    set -eu
    dbus-send --session --print-reply --reply-timeout=90000 --dest="$1" /org/veotracker/VeoTracker \
      org.veotracker.VeoTracker.ListTasks string:""
    pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:"$1" | awk "{print \$2}")
    kill "$pid"' sh "$APP_ID" >"$work/dbus.log" 2>&1 || { cat "$work/dbus.log"; fail "calling $APP_ID on D-Bus did not start veo-tracker and get an answer"; }
cat "$work/dbus.log"
grep -q 'array \[' "$work/dbus.log" || fail "ListTasks over D-Bus did not answer with a task list"
ok "ListTasks over D-Bus started veo-tracker and answered"

say "apt-get purge $PKG_NAME"
apt-get purge -y -q -o Dpkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 "$PKG_NAME" || fail "apt-get purge failed"
installed=""
if dpkg-query -W -f='${Status}\n' "$PKG_NAME" 2>/dev/null | grep -q ' installed$'; then
  fail "$PKG_NAME is still installed after purge"
fi
left=""
while read -r path; do
  [ "$path" = /. ] && continue
  if [ -d "$path" ] && [ ! -L "$path" ]; then
    # Shared directories (/usr/bin, hicolor, ...) stay; one that only this package used must go.
    case "$path" in
    *"$PKG_NAME"* | *"$APP_ID"*) left="$left $path" ;;
    esac
  elif [ -e "$path" ] || [ -L "$path" ]; then
    left="$left $path"
  fi
done <"$work/installed-list"
[ -z "$left" ] || fail "left behind after purge:$left"
ok "purged; none of the $(wc -l <"$work/installed-list") installed paths remain"

say "All package checks passed: $(basename "$deb")"
