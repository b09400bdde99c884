#!/usr/bin/env bash
# Installs what the browser tests need: Debian's Chromium and CJK fonts
# (browser tests), nginx (internal/e2e serves the built site under a
# sub-path), poppler-utils (pdftotext/pdftoppm: print test, scripts/print-png.sh)
# and node's axe-core, pinned in package-lock.json (internal/e2e accessibility test);
# and zip, for the release archives .ci/run builds.
# Idempotent; run as root (CI) or with sudo on a developer machine.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v zip >/dev/null 2>&1 || need+=(zip) # scripts/release.sh, run by .ci/run
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# axe-core into node_modules/, exactly the locked version; skipped when it
# is already there.
want=$(node -p 'require("./package-lock.json").packages["node_modules/axe-core"].version')
have=$(node -p 'try { require("./node_modules/axe-core/package.json").version } catch { "" }')
if [ "$want" != "$have" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

chromium --version
/usr/sbin/nginx -v
echo "axe-core $want"
