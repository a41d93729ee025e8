#!/usr/bin/env bash
# Makes sure the scaled-out server's tests can run: Debian's redis-server (a real Redis, started by
# the tests on a free port; never a mock). Installs it with apt-get when this user can; otherwise
# stops with the one command to run.
set -euo pipefail

REDIS="${REDIS_SERVER_PATH:-/usr/bin/redis-server}"
if [ -x "$REDIS" ]; then
  exit 0
fi

# shellcheck source=apt-install.sh
source "$(dirname "$0")/apt-install.sh"
apt_install "The scaled-out server's tests" redis-server
[ -x "$REDIS" ] || { echo "Installed redis-server, but it is not at $REDIS: set REDIS_SERVER_PATH to its executable." >&2; exit 1; }
