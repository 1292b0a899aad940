#!/bin/sh
# Installs the Debian 12 packages Veo Tracker needs. Idempotent and non-interactive; run as root.
#   install-deps.sh          what building and running the app needs
#   install-deps.sh --all    that, plus the tests (sanitizers and fuzzing too) and the package checks
set -eu
export DEBIAN_FRONTEND=noninteractive

# The one list of what each part needs (the .deb's run-time Depends are in
# packaging/CMakeLists.txt, which also says why each one is there).
BUILD="cmake g++ make qt6-base-dev qt6-multimedia-dev qtkeychain-qt6-dev qt6-l10n-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-svg-dev libgl-dev"
RUNTIME="libqt6sql6-sqlite libqt6keychain1 libsecret-1-0 qt6-translations-l10n
  qt6-qpa-plugins libqt6multimediawidgets6 libqt6svg6
  gstreamer1.0-plugins-good gstreamer1.0-libav fonts-noto-cjk"
TEST="dbus dbus-x11 gnome-keyring libsecret-tools locales libglib2.0-data ffmpeg xvfb xauth curl"
# The fuzz preset (tests/fuzz): clang with libFuzzer and its sanitizer runtimes, and
# llvm-symbolizer for readable reports. The asan preset needs nothing beyond g++.
FUZZ="clang libclang-rt-dev llvm"
PACKAGING="librsvg2-bin dpkg-dev file desktop-file-utils appstream lintian"

case "${1-}" in
  "") wanted="$BUILD $RUNTIME" ;;
  --all) wanted="$BUILD $RUNTIME $TEST $FUZZ $PACKAGING" ;;
  *)
    echo "install-deps: unknown option '$1'." >&2
    echo "usage: $0 [--all]   (no option: build and run the app; --all: also the tests, fuzzing and package checks)" >&2
    exit 64
    ;;
esac

missing=""
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: run this script as root (or with sudo) to install them." >&2
    exit 1
  fi
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi
echo "install-deps: all packages present."
