#!/usr/bin/env bash
# Install Debian's headless Chromium for the browser tests (tests/test_browser.py), if it is missing.
# Playwright drives this system browser (no browser download). Never fails: without root or apt it
# says so, and the browser tests skip with a reason.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: no apt-get here; install Chromium at /usr/bin/chromium to run the browser tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "install_browser: not root; run 'apt-get install -y --no-install-recommends chromium' as root to run the browser tests" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; then
  $SUDO apt-get update -q >/dev/null 2>&1 || true
  $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
    || echo "install_browser: 'apt-get install chromium' failed; the browser tests will skip" >&2
fi
exit 0
