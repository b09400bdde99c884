#!/usr/bin/env bash
# bench/cpu-ab.sh — the search index's share of a build's CPU time for two
# (or more) tongbao binaries side by side:
#
#   bash bench/cpu-ab.sh SITE BIN-A BIN-B [BIN…]
#
# Each round builds SITE once with each binary, in an order rotated from
# round to round, and once without the index (BIN-A with
# TONGBAO_BENCH_NO_SEARCH_INDEX=1), each into an empty folder; it prints
# each binary's median CPU time and share, and for each binary after the
# first the median of its paired differences with BIN-A (each round's
# build beside the one of BIN-A in the same round) and in how many rounds
# it was the faster.
#
# Why pairs: a build's CPU time moves by a fifth from build to build on
# this project's machine, and by a tenth between two runs of twenty, more
# than most changes to the index; within a round the builds are seconds
# apart. CPU time is perf's task-clock (user + sys, to the microsecond)
# where perf works, else GNU time's (to 10 ms; bench/lib.sh). For instance, SITE
# the plain corpus (go run ./bench/corpus -n 2000 OUT; SITE is OUT/tongbao)
# and the binaries of two commits (go build -o A/ ./cmd/tongbao).
#
# Environment: ROUNDS (default 21); BENCH_TMP, where the builds go (a new
# folder in it, removed at the end; default /dev/shm, as bench/run.sh).
set -euo pipefail

if [ $# -lt 3 ]; then
	echo "usage: bash bench/cpu-ab.sh SITE BIN-A BIN-B [BIN…]" >&2
	exit 2
fi
site=$1
shift
bins=("$@")
rounds=${ROUNDS:-21}
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
work=$(mktemp -d "${BENCH_TMP:-/dev/shm}/cpu-ab.XXXXXX")
out=$work/out
trap 'rm -rf "$work"' EXIT

# cpu BIN [ENV…] prints the CPU time (ms) of one build of site with BIN.
cpu() {
	local bin=$1
	shift
	rm -rf "$out"
	build_cpu_ms "$work/t" "$bin" "$site" "$out" "$@"
}

n=${#bins[@]}
for r in $(seq "$rounds"); do
	for k in $(seq 0 $((n - 1))); do
		j=$(((k + r) % n))
		cpu "${bins[$j]}" >>"$work/cpu.$j"
	done
	cpu "${bins[0]}" TONGBAO_BENCH_NO_SEARCH_INDEX=1 >>"$work/cpu.none"
	printf '.' >&2
done
echo >&2

none=$(median <"$work/cpu.none")
printf 'without the index (%s): %.1f ms\n' "${bins[0]}" "$none"
for j in $(seq 0 $((n - 1))); do
	m=$(median <"$work/cpu.$j")
	pairs=$(paste "$work/cpu.$j" "$work/cpu.none" | awk '{ print ($1 / $2 - 1) * 100 }' | median)
	awk -v b="${bins[$j]}" -v m="$m" -v o="$none" -v p="$pairs" \
		'BEGIN { printf "%s: %.1f ms, the index +%.1f %% (median of the rounds'"'"' ratios +%.1f %%)\n", b, m, (m / o - 1) * 100, p }'
done
for j in $(seq 1 $((n - 1))); do
	d=$(paste "$work/cpu.$j" "$work/cpu.0" | awk '{ print $1 - $2 }' | median)
	faster=$(paste "$work/cpu.$j" "$work/cpu.0" | awk '$1 < $2' | wc -l)
	awk -v b="${bins[$j]}" -v a="${bins[0]}" -v d="$d" -v o="$none" -v f="$faster" -v r="$rounds" \
		'BEGIN { printf "%s − %s: %+.1f ms a build (median of the paired differences) = %+.2f points of the share; faster in %d of %d rounds\n", b, a, d, d / o * 100, f, r }'
done
