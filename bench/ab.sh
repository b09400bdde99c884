#!/usr/bin/env bash
# bench/ab.sh — two builds of a site's search side by side: the time until
# a first query's results are listed (bench/search's FIRST-LIST-MS), site A
# and site B measured in turn, ROUNDS times, each round's order the
# reverse of the last's.
#
#   bash bench/ab.sh A-FOLDER B-FOLDER [ROUNDS]
#
# Why not two bench/search runs one after the other: on this project's
# machine a browser's speed moves by a third within an hour, and in a pair
# of runs the first was the slower in most pairs whichever site it was
# (by 30–50 ms): the same change measured once in each order read as 40 ms
# faster and as 30 ms slower. Alternating, with the order reversed every
# round, spreads both over the two sites; the paired differences say how
# often and by how much B was faster than the run of A beside it.
#
# Each round runs `bench/search -runs RUNS -tools tongbao -q QUERIES` on
# each site (Chromium as scripts/install-test-deps.sh installs it). The
# folders are built sites (tongbao build -d …), e.g. the same corpus built
# by two versions of tongbao. Environment: RUNS (default 2), QUERIES
# (default 安全生产,营商环境,东风路街道: two pairs of consecutive queries,
# four first queries a run).
set -euo pipefail

if [ $# -lt 2 ]; then
	echo "usage: bash bench/ab.sh A-FOLDER B-FOLDER [ROUNDS]" >&2
	exit 2
fi
a=$1 b=$2 rounds=${3:-8}
RUNS=${RUNS:-2}
QUERIES=${QUERIES:-安全生产,营商环境,东风路街道}
for d in "$a" "$b"; do
	if [ ! -f "$d/search/index.html" ]; then
		echo "ab: $d is not a built tongbao site (no search/index.html)" >&2
		exit 2
	fi
done

cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh # median
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/search" ./bench/search

# listed SITE prints the median time to results of one bench/search run.
listed() {
	"$bin/search" -runs "$RUNS" -tools tongbao -q "$QUERIES" "site=$1" 2>/dev/null | awk '$1 == "result" { print $10 }'
}

echo "round  A ms  B ms  B−A"
pairs=()
for ((i = 1; i <= rounds; i++)); do
	if ((i % 2)); then
		ta=$(listed "$a")
		tb=$(listed "$b")
	else
		tb=$(listed "$b")
		ta=$(listed "$a")
	fi
	printf '%5d %5d %5d %+5d\n' "$i" "$ta" "$tb" $((tb - ta))
	pairs+=("$ta $tb")
done
printf '%s\n' "${pairs[@]}" >"$bin/pairs"
ma=$(cut -d' ' -f1 "$bin/pairs" | median)
mb=$(cut -d' ' -f2 "$bin/pairs" | median)
md=$(awk '{ print $2 - $1 }' "$bin/pairs" | median)
faster=$(awk '$2 < $1' "$bin/pairs" | wc -l)
printf 'medians: A %.1f ms, B %.1f ms; B−A paired %+.1f ms; B faster in %d of %d rounds\n' "$ma" "$mb" "$md" "$faster" "$rounds"
