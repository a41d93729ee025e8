#!/usr/bin/env bash
# Makes sure the real-browser tests can run: Debian's Chromium (Playwright's own download does not
# work offline) and a CJK font for Chinese captions. Installs them with apt-get when this user can;
# otherwise stops with the one command to run.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
have_font() { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; }

if [ -x "$CHROMIUM" ] && have_font; then
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "Real-browser tests need Chromium and a CJK font: run 'sudo apt-get install -y chromium fonts-noto-cjk' (or set CHROMIUM_PATH), then try again." >&2
  exit 1
fi

echo "Installing Debian's chromium and fonts-noto-cjk for the real-browser tests…"
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null; }; then
  echo "Could not install chromium and fonts-noto-cjk with apt-get: install them by hand ('apt-get install -y chromium fonts-noto-cjk'), then try again." >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "chromium installed but $CHROMIUM is missing: set CHROMIUM_PATH to its executable." >&2; exit 1; }
