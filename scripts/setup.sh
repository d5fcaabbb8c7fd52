#!/usr/bin/env bash
# Set-up on a fresh Debian machine: system packages (scripts/setup-system.sh),
# then the npm packages exactly as package-lock.json pins them.
#
# Why `npm install --no-save` and not `npm ci`: the registry reachable here serves
# only the linux-x64 build of some optional native packages (@swc/html-*), so npm
# cannot record the other platforms in the lockfile and `npm ci` refuses it as
# "out of sync". `npm install --no-save` installs the locked versions and leaves
# package-lock.json untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
npm install --no-save --no-audit --no-fund
