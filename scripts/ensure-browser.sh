#!/usr/bin/env bash
# Makes sure the real-browser tests can run: Debian's Chromium (Playwright's own download does not
# work offline) and a CJK font for Chinese captions; with `--engines`, also Firefox ESR, WebKitGTK's
# WebDriver and MiniBrowser, Xvfb (MiniBrowser and a windowed Firefox need a display) and unzip.
# Installs them with apt-get when this user can; otherwise stops with the one command to run.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
WEBKIT_DRIVER="${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}"
have_font() { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; }

packages=(chromium fonts-noto-cjk fontconfig)
ready() { [ -x "$CHROMIUM" ] && have_font; }
if [ "${1:-}" = "--engines" ]; then
  packages+=(firefox-esr webkit2gtk-driver xvfb xauth unzip)
  ready() { [ -x "$CHROMIUM" ] && have_font && [ -x "$FIREFOX" ] && [ -x "$WEBKIT_DRIVER" ] && command -v xvfb-run >/dev/null && command -v unzip >/dev/null; }
fi

if ready; then
  exit 0
fi

# shellcheck source=apt-install.sh
source "$(dirname "$0")/apt-install.sh"
apt_install "Real-browser tests" "${packages[@]}"
ready || { echo "Installed ${packages[*]}, but a browser is still missing: set CHROMIUM_PATH, FIREFOX_PATH or WEBKIT_DRIVER_PATH to its executable." >&2; exit 1; }
