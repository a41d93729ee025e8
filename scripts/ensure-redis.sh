#!/usr/bin/env bash
# Makes sure the scaled-out server's tests can run: Debian's redis-server (a real Redis, started by
# the tests on a free port; never a mock). Installs it with apt-get when this user can; otherwise
# stops with the one command to run.
set -euo pipefail

REDIS="${REDIS_SERVER_PATH:-/usr/bin/redis-server}"
if [ -x "$REDIS" ]; then
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "The scaled-out server's tests need redis-server: run 'sudo apt-get install -y redis-server', then try again." >&2
  exit 1
fi

echo "Installing Debian's redis-server for the scaled-out server's tests…"
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null; }; then
  echo "Could not install redis-server with apt-get: install it by hand ('apt-get install -y redis-server'), then try again." >&2
  exit 1
fi
[ -x "$REDIS" ] || { echo "Installed redis-server, but it is not at $REDIS: set REDIS_SERVER_PATH to its executable." >&2; exit 1; }
