#!/bin/sh
# Runs a command (normally ctest) the way the tests need it: inside a private D-Bus session
# with a real, unlocked gnome-keyring (Secret Service), in a throw-away HOME, offscreen.
# Usage: tests/run-in-session.sh ctest --preset default
set -eu
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 64; }
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing; run packaging/install-deps.sh" >&2; exit 69; }
done
exec dbus-run-session -- sh -c '
  set -eu
  export HOME="$(mktemp -d)"
  keyring_pid=
  trap "[ -z \"\$keyring_pid\" ] || kill \$keyring_pid 2>/dev/null; rm -rf \"$HOME\"" EXIT
  export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" \
         XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$HOME/.run"
  mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(echo veo-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  # The daemon forks away from us and may claim org.freedesktop.secrets a moment later: wait
  # for it (up to 30 s: a loaded CI machine can be slow to start it), then find its PID so the
  # trap can stop it.
  for _ in $(seq 150); do
    keyring_pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
      /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
      string:org.freedesktop.secrets 2>/dev/null | awk "{print \$2}")
    [ -z "$keyring_pid" ] || break
    sleep 0.2
  done
  [ -n "$keyring_pid" ] || echo "run-in-session: the Secret Service did not start" >&2
  export QT_QPA_PLATFORM=offscreen VEO_TRACKER_TEST_SESSION=1
  "$@"
' veo-test-session "$@"
