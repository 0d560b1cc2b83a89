#!/bin/sh
# scripts/with-keyring.sh <cmd...>: runs cmd under a private D-Bus with a fresh, unlocked gnome-keyring.
# The daemon runs in the foreground of a background job and is stopped by its PID, so nothing is left behind.
# KEYDESK_KEYRING_LOG=FILE keeps the daemon's own messages (to see why it stopped, when it does).
set -e
XDG_DATA_HOME="$(mktemp -d)"; export XDG_DATA_HOME
# gnome-keyring (Debian 12) can abort on a client that leaves mid-call (an upstream bug; KeyDesk itself never does).
# Then D-Bus starts the daemon again from this private service file instead of Debian's: unlocked with the same password
# and keyring, and said on stderr, so one such abort costs the run a line in its log instead of every later test.
mkdir -p "$XDG_DATA_HOME/dbus-1/services"
cat > "$XDG_DATA_HOME/keyring-again.sh" <<'AGAIN'
#!/bin/sh
echo "with-keyring.sh: gnome-keyring-daemon had stopped; D-Bus started it again, unlocked" >&2
printf test | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>>"${KEYDESK_KEYRING_LOG:-/dev/null}"
AGAIN
chmod 700 "$XDG_DATA_HOME/keyring-again.sh"
printf '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=%s\n' "$XDG_DATA_HOME/keyring-again.sh" \
  >"$XDG_DATA_HOME/dbus-1/services/org.freedesktop.secrets.service"
exec dbus-run-session -- sh -c '
  printf test | gnome-keyring-daemon --foreground --unlock --components=secrets >"$XDG_DATA_HOME/keyring.env" \
    2>>"${KEYDESK_KEYRING_LOG:-/dev/null}" &
  kpid=$!
  i=0; until grep -q GNOME_KEYRING_CONTROL "$XDG_DATA_HOME/keyring.env" 2>/dev/null; do
    i=$((i+1)); [ $i -gt 100 ] && { echo "gnome-keyring did not start" >&2; kill $kpid 2>/dev/null; exit 1; }; sleep 0.05; done
  eval "$(cat "$XDG_DATA_HOME/keyring.env")"; export GNOME_KEYRING_CONTROL
  # The control socket comes first; the Secret Service and its unlocked login collection a moment later. Asked only
  # once the daemon owns the name: asking earlier would have D-Bus start a second daemon from the service file.
  i=0; until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    i=$((i+1)); [ $i -gt 100 ] && { echo "gnome-keyring did not take its D-Bus name" >&2; kill $kpid 2>/dev/null; exit 1; }; sleep 0.05; done
  i=0; until dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q "boolean false"; do
    i=$((i+1)); [ $i -gt 100 ] && { echo "gnome-keyring did not unlock its login collection" >&2; kill $kpid 2>/dev/null; exit 1; }; sleep 0.05; done
  rc=0; "$@" || rc=$?
  # A test may have left the daemon paused (SIGSTOP): it must go on to act on the TERM.
  kill -CONT $kpid 2>/dev/null || true; kill $kpid 2>/dev/null || true; rm -rf "$XDG_DATA_HOME"
  exit $rc' sh "$@"
