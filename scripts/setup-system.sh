#!/usr/bin/env bash
# Installs the system packages opsbook needs on a Debian machine (run as root,
# or with sudo available): LibreOffice for PDF reports, Chromium for site checks, Noto CJK
# fonts for Chinese glyphs, AR PL UMing/UKai and WenQuanYi Zen Hei (TrueType 宋体/楷体/黑体
# in the PDFs, embedded deterministically), Liberation
# (Times New Roman / Arial metrics), age for key interop, poppler-utils for PDF checks.
# Idempotent: packages already present are skipped without touching apt.
set -euo pipefail
PKGS=(chromium fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-liberation2 libreoffice-writer-nogui age poppler-utils unzip git)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "setup-system: all system packages present (${PKGS[*]})"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "setup-system: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-system: done"
