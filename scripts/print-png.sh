#!/usr/bin/env bash
# Regenerates docs/print/circular-page1.png and docs/print/circular-last.png:
# the first and the last page of the sample circular 双政办函〔2023〕14号 as
# Chromium prints it on A4 with its default settings — the browser's own
# header and footer on, which the page's @page margin boxes turn off — (the
# @media print styles of internal/theme/layouts/assets/css/site.css, GB/T 9704 信函格式),
# at 80 dpi.
#
# Needs Go, Debian's chromium, fonts-noto-cjk and poppler-utils
# (bash scripts/install-test-deps.sh). Usage: bash scripts/print-png.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A file:// baseURL makes every link path-absolute inside the build, so the
# page and its stylesheet load straight from disk, with no server.
go run ./cmd/tongbao build -d "$tmp/site" --baseURL "file://$tmp/site/" >/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" \
  --print-to-pdf="$tmp/circular.pdf" \
  "file://$tmp/site/circulars/2023/14/index.html" 2>/dev/null
pages=$(pdfinfo "$tmp/circular.pdf" | awk '/^Pages:/ {print $2}')
mkdir -p docs/print
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/circular.pdf" docs/print/circular-page1
pdftoppm -png -r 80 -f "$pages" -l "$pages" -singlefile "$tmp/circular.pdf" docs/print/circular-last
pdfinfo "$tmp/circular.pdf" | grep -E '^(Pages|Page size):' || true
echo "docs/print/circular-page1.png docs/print/circular-last.png"
