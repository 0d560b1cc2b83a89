#!/bin/sh
# Installs the Debian packages KeyDesk needs to build, test and run. Skips what is present.
set -e
PACKAGES="libsecret-1-dev gnome-keyring dbus dbus-x11 chromium xvfb xclip build-essential python3 git ca-certificates"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then echo "setup-system: all Debian packages present"; exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "setup-system: missing Debian packages:$missing" >&2
  echo "setup-system: run this script as root (or with sudo) to install them" >&2
  exit 1
fi
echo "setup-system: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup-system: done"
