#!/usr/bin/env bash
# Installs Debian's Noto fonts so PDFs render Arabic, Chinese and Russian text (WeasyPrint).
set -euo pipefail
if fc-list 2>/dev/null | grep -q "NotoSansArabic" && fc-list 2>/dev/null | grep -q "NotoSansCJK"; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Noto fonts for the PDF reports…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends fonts-noto-core fonts-noto-cjk fontconfig >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
  exit 0
fi
echo "The Noto fonts are not installed and cannot be installed here (needs root and apt-get);"
echo "PDF reports will show boxes for Arabic/Chinese text. Install them with:"
echo "  sudo apt-get install fonts-noto-core fonts-noto-cjk"
