#!/usr/bin/env bash
# Install what the browser tests and `make pdf` need, only when missing:
# a Chromium, Firefox ESR (the second engine, tests/firefox/), Korean fonts (fonts-noto-cjk for screens;
# fonts-nanum, TrueType, for the PDF book) and pdffonts/pdftotext/pdftoppm (poppler-utils).
# Debian/Ubuntu with apt (as root, or with sudo); elsewhere Playwright's own Chromium.
set -euo pipefail

need=()
python_bin="${PYTHON:-.venv/bin/python}"
have_chromium() { "$python_bin" -c 'from sitekit.browser import chromium_path; import sys; sys.exit(0 if chromium_path() else 1)'; }
have_chromium || need+=(chromium)
"$python_bin" -c 'from sitekit.firefox import firefox_path; import sys; sys.exit(0 if firefox_path() else 1)' || need+=(firefox-esr)
# (grep without -q reads all of fc-list's output: with pipefail, an early exit = SIGPIPE = "missing")
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -i "NanumGothic" >/dev/null || need+=(fonts-nanum)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)

[ ${#need[@]} -eq 0 ] && { echo "system packages: all present"; exit 0; }
echo "system packages missing: ${need[*]}"

sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # Debian ships `chromium`; Ubuntu only has a snap stub, so there Playwright's build is used.
  pkgs=("${need[@]}")
  if [[ " ${need[*]} " == *" chromium "* ]] && ! apt-cache policy chromium 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null; then
    pkgs=("${pkgs[@]/chromium}")
    "$python_bin" -m playwright install --with-deps chromium
  fi
  pkgs=($(printf '%s\n' "${pkgs[@]}" | grep -v '^$' || true))
  [ ${#pkgs[@]} -gt 0 ] && $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
else
  [[ " ${need[*]} " == *" chromium "* ]] && "$python_bin" -m playwright install chromium
fi
have_chromium || { echo "no Chromium could be installed" >&2; exit 1; }
