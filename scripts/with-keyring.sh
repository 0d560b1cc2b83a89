#!/bin/sh
# scripts/with-keyring.sh <cmd...>: runs cmd under a private D-Bus with a fresh, unlocked gnome-keyring.
# The daemon runs in the foreground of a background job and is stopped by its PID, so nothing is left behind.
# KEYDESK_KEYRING_LOG=FILE keeps the daemon's own messages (to see why it stopped, when it does).
set -e
XDG_DATA_HOME="$(mktemp -d)"; export XDG_DATA_HOME
exec dbus-run-session -- sh -c '
  printf test | gnome-keyring-daemon --foreground --unlock --components=secrets >"$XDG_DATA_HOME/keyring.env" \
    2>>"${KEYDESK_KEYRING_LOG:-/dev/null}" &
  kpid=$!
  i=0; until grep -q GNOME_KEYRING_CONTROL "$XDG_DATA_HOME/keyring.env" 2>/dev/null; do
    i=$((i+1)); [ $i -gt 100 ] && { echo "gnome-keyring did not start" >&2; kill $kpid 2>/dev/null; exit 1; }; sleep 0.05; done
  eval "$(cat "$XDG_DATA_HOME/keyring.env")"; export GNOME_KEYRING_CONTROL
  # The control socket comes first; the Secret Service and its unlocked login collection a moment later.
  i=0; until dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q "boolean false"; do
    i=$((i+1)); [ $i -gt 100 ] && { echo "gnome-keyring did not unlock its login collection" >&2; kill $kpid 2>/dev/null; exit 1; }; sleep 0.05; done
  rc=0; "$@" || rc=$?
  kill $kpid 2>/dev/null || true; rm -rf "$XDG_DATA_HOME"
  exit $rc' sh "$@"
