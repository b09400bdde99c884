#!/usr/bin/env bash
# Load on the preview server (issue 6): wrk sends requests over loopback to
# `tongbao serve` on a demo archive for DURATION seconds while a loop edits
# the newest month file every 200 ms, so the server rebuilds all along.
# Prints requests/s, p99 latency, the responses that were not 2xx/3xx and
# the rebuilds done meanwhile.
#
#   bash bench/load.sh [YEARS] [DURATION]     defaults: 5 years, 30 s
#
# Installs Debian's wrk when it is missing (root or sudo). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
years=${1:-5}
duration=${2:-30}

if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

work=$(mktemp -d)
serve_pid=""
edit_pid=""
cleanup() {
  [ -n "$edit_pid" ] && kill "$edit_pid" 2>/dev/null || true
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/tongbao" ./cmd/tongbao
"$work/tongbao" gen-demo "$work/site" --years "$years" >/dev/null

"$work/tongbao" serve -s "$work/site" --port 0 >"$work/serve.log" 2>&1 &
serve_pid=$!
url=""
for _ in $(seq 600); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log"; echo "load.sh: the server did not start" >&2; exit 1; }

# The pages a reader opens: home, archive, the newest circular, a unit's and
# an indicator's history, the feed and the search index.
month=$(ls "$work/site/data"/[0-9]*.toml | sort | tail -1)
key=$(basename "$month" .toml)
circular=$(grep -l "data *= *\"$key\"" "$work/site/content/circulars/"*.md | head -1)
number=$(sed -n 's/^number *= *"\(.*\)"/\1/p' "$circular")
year=$(sed -n 's/.*〔\([0-9]*\)〕.*/\1/p' <<<"$number")
serial=$(sed -n 's/.*〕\([0-9]*\)号/\1/p' <<<"$number")
cat >"$work/paths.lua" <<EOF
local paths = {"/", "/circulars/", "/circulars/$year/$serial/", "/units/dongfenglu/",
               "/indicators/gongye/", "/feed.xml", "/search-index.json"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF

# Every 200 ms the month's progress text changes (written to a temporary
# file and renamed over the old one, as editors save).
orig="$work/month.orig"
cp "$month" "$orig"
(
  i=0
  while true; do
    i=$((i + 1))
    sed "0,/^progress *= *\"/s//progress  = \"第${i}次修改。/" "$orig" >"$month.tmp"
    mv "$month.tmp" "$month"
    sleep 0.2
  done
) &
edit_pid=$!

before=$(grep -c '已重新生成' "$work/serve.log" || true)
wrk -t2 -c16 -d"${duration}s" --latency -s "$work/paths.lua" "$url" >"$work/wrk.txt"
after=$(grep -c '已重新生成' "$work/serve.log" || true)
kill "$edit_pid" 2>/dev/null || true
edit_pid=""

rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")
sockerr=$(grep 'Socket errors' "$work/wrk.txt" || true)
total=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
echo "tongbao serve: demo of $years years, wrk -t2 -c16 for ${duration}s, month edited every 200 ms"
echo "requests:      ${total}"
echo "requests/s:    ${rps}"
echo "p99 latency:   ${p99}"
echo "non-2xx/3xx:   ${non2xx:-0}"
echo "socket errors: ${sockerr:-none}"
echo "rebuilds:      $((after - before))"
if grep -q '发现 .* 个问题' "$work/serve.log"; then
  echo "load.sh: a rebuild failed:" >&2
  grep -m5 -B3 '发现 .* 个问题' "$work/serve.log" >&2
  exit 1
fi
[ "${non2xx:-0}" = 0 ] || exit 1
