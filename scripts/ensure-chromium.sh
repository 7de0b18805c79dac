#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium, or
# Playwright's own browser on a laptop that has one. As root on Debian it installs Chromium with apt
# (Playwright's own download is not reachable on our machines); otherwise it says what to install.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
[ -x /usr/bin/chromium ] && exit 0
compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium*" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests (takes a minute or two)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium and none was found.
  Debian/Ubuntu:  sudo apt-get install chromium        (then run npm test again)
  Elsewhere:      set CHROMIUM_PATH to a Chromium or Chrome binary
MSG
exit 1
