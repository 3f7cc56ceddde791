#!/usr/bin/env bash
# Installs Debian's chromium for the Playwright browser tests (no browser download of its own).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "chromium is not installed and cannot be installed here (needs root and apt-get);"
echo "browser tests will be skipped. Install it with: sudo apt-get install chromium"
