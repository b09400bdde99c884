#!/usr/bin/env bash
# bench/run.sh — tongbao's speed and memory figures (issue 5), in one
# invocation on one machine, ending with one Markdown table:
#
#   1. the plain corpus (2,000 pages of ~8 KB, bench/corpus): `tongbao build`
#      against `hugo` on the same files with equivalent layouts, and against
#      the floor (bench/floor: tongbao's goldmark setup and the writes, in
#      parallel, nothing else); wall-time medians, ratios, peak RSS;
#   2. gen-demo archives of 5, 20 and 50 years: cold build time and peak
#      RSS, and the cost per month (is it linear?);
#   3. `tongbao serve` save-to-reload latency on the 20-year archive
#      (bench/reload: median of 20 saves of the last month file);
#   4. the search (issue 14): what building its index costs (the CPU time
#      of building the plain corpus, and the 20-year archive, with and
#      without it; of rendering the plain corpus, a Go benchmark; the
#      instructions of one build each way under valgrind's callgrind,
#      which the machine's load does not move), and,
#      in headless Chromium on loopback, what a reader's first and
#      next query fetch and how long they take, tongbao beside Pagefind on
#      the same built sites (bench/search): the 20-year demo, the plain
#      corpus, the 50-year demo and a plain corpus of 20,000 pages (there
#      also with the search page opened from the home page, whose
#      stylesheet and scripts a reader searching from the site has).
#
# Usage, from anywhere in a clone (needs Go; installs hugo, hyperfine, jq,
# GNU time and valgrind from Debian if missing, and Pagefind with npm, pinned in
# package-lock.json; Chromium and node as scripts/install-test-deps.sh
# installs them):
#
#   bash bench/run.sh
#
# The search's part takes some minutes more than the rest: Pagefind
# indexes 20,000 pages in about two to six minutes on this machine.
#
# Environment: ROUNDS (default 3) × RUNS (default 4) timed runs per command,
# WARMUP (default 1) untimed runs per command and round; ARCHIVE_RUNS
# (default 7); RSS_RUNS (default 3); SAVES (default 20); SEARCH_RUNS
# (default 2) measurements of each pair of queries; SEARCH_SETTLE (default
# 1s) how long each fresh browser is left to finish starting before it opens
# the search page (see bench/search); INDEX_COUNT (default 6)
# renders of the plain corpus with and without the index; CPU_RUNS (default
# 40) builds of it, and of the 20-year archive, with and without,
# alternating; INSTR=0 skips counting
# their instructions under valgrind (two minutes); BENCH_TMP, the
# folder for the work tree (default /dev/shm, see below); KEEP=1 keeps it.
#
# Fairness: every timed run writes into a fresh, empty output folder (the
# previous one is removed by hyperfine's --prepare, outside the timing), for
# tongbao, Hugo and the floor alike; Hugo runs with --quiet and without
# --minify. The three commands are timed in ROUNDS rounds, one after the
# other within a round, so that a change in the machine's load during the
# run weighs on all of them; medians are over all rounds. The work tree is
# on tmpfs by default: on this machine's virtual disk, writing 2,000 files
# costs seconds of system time with a large spread, which would measure the
# disk rather than the generators. tongbao's syncfs before the swap is
# nearly free on tmpfs; set BENCH_TMP=/tmp to measure on the disk instead.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-4}
WARMUP=${WARMUP:-1}
ARCHIVE_RUNS=${ARCHIVE_RUNS:-7}
RSS_RUNS=${RSS_RUNS:-3}
SAVES=${SAVES:-20}
SEARCH_RUNS=${SEARCH_RUNS:-2}
SEARCH_SETTLE=${SEARCH_SETTLE:-1s}
INDEX_COUNT=${INDEX_COUNT:-6}
CPU_RUNS=${CPU_RUNS:-40}
PAGES=2000
PROVINCE=20000
# Queries: each pair of consecutive ones is a first and a next query.
DEMO_QUERIES=禁毒,东风路街道,安全生产,营商环境,双政办函〔2010〕4号
PLAIN_QUERIES=安全生产,营商环境,东风路街道,森林防火,重点项目建设

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

log() { printf '\n== %s\n' "$*" >&2; }
run() { printf '+ %s\n' "$*" >&2; "$@"; }

# --- tools -----------------------------------------------------------------
command -v go >/dev/null || { echo "bench/run.sh: Go is needed (https://go.dev/dl/)" >&2; exit 1; }
# The search's part needs Chromium and node (bench/search, Pagefind), which
# scripts/install-test-deps.sh installs; said here, not ten minutes in.
# bench/search finds Chromium as the browser tests do ($CHROMIUM, else
# /usr/bin/chromium, chromium, chromium-browser on the PATH).
if ! go run ./bench/search -find-chromium >/dev/null 2>&1 || ! command -v node >/dev/null; then
	echo "bench/run.sh: the search's part needs Chromium and node: bash scripts/install-test-deps.sh" >&2
	exit 1
fi
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
[[ -x /usr/bin/time ]] || missing+=(time)
[[ ${INSTR:-1} == 0 ]] || command -v valgrind >/dev/null || missing+=(valgrind)
if ((${#missing[@]})); then
	log "installing ${missing[*]} from Debian"
	sudo=()
	[[ $(id -u) -eq 0 ]] || sudo=(sudo)
	run "${sudo[@]}" apt-get update -qq
	run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

base=${BENCH_TMP:-}
if [[ -z $base ]]; then
	if [[ -d /dev/shm && -w /dev/shm ]]; then base=/dev/shm; else base=${TMPDIR:-/tmp}; fi
fi
W=$(mktemp -d "$base/tongbao-bench.XXXXXX")
if [[ ${KEEP:-} == 1 ]]; then
	echo "bench/run.sh: work tree kept in $W" >&2
else
	trap 'rm -rf "$W"' EXIT
fi
fstype=$(df --output=fstype "$W" | tail -1 | tr -d ' ')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)

# --- helpers ---------------------------------------------------------------

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh" # median, build_cpu_ms

# calc evaluates an awk expression and prints it with the given format.
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# peak_rss_mb NAME PREPARE COMMAND… runs COMMAND RSS_RUNS times under GNU
# time -v, after PREPARE each time, and prints the median peak RSS in MB.
peak_rss_mb() {
	local name=$1 prepare=$2
	shift 2
	for _ in $(seq "$RSS_RUNS"); do
		bash -c "$prepare"
		/usr/bin/time -v "$@" 2>"$W/time.$name" >/dev/null || { cat "$W/time.$name" >&2; exit 1; }
		awk -F': ' '/Maximum resident set size/ { print $2 / 1024 }' "$W/time.$name"
	done | median
}

# pooled NAME prints the median of NAME's times in seconds over every JSON
# export given by the remaining arguments.
pooled() {
	local name=$1
	shift
	jq -r --arg n "$name" '.results[] | select(.command == $n) | .times[]' "$@" | median
}

# cpu_time NAME prints NAME's mean user + system time in seconds, averaged
# over the JSON exports given by the remaining arguments. Unlike wall time,
# it hardly grows when other processes compete for the cores.
cpu_time() {
	local name=$1
	shift
	jq -r --arg n "$name" '.results[] | select(.command == $n) | .user + .system' "$@" |
		awk '{ s += $1 } END { print s / NR }'
}

# verdict VALUE LIMIT prints "met" or "missed by N %".
verdict() {
	awk -v v="$1" -v l="$2" 'BEGIN { if (v <= l) print "met"; else printf "missed by %.0f %%\n", (v / l - 1) * 100 }'
}

# interval_verdict LO HI LIMIT judges a figure known only within LO…HI
# (median_interval): met when all of it is within LIMIT, missed when none
# is, and not told apart from it otherwise, which more builds may settle.
interval_verdict() {
	awk -v lo="$1" -v hi="$2" -v l="$3" 'BEGIN {
		if (lo == "nan") print "too few builds to tell"
		else if (hi <= l) print "met (its interval too)"
		else if (lo > l) print "missed (its interval too)"
		else print "not told apart by these builds"
	}'
}

# --- 0. binaries and corpus ------------------------------------------------
log "building tongbao, the floor, the corpus generator and the reload probe"
run go build -o "$W/bin/" ./cmd/tongbao ./bench/floor ./bench/corpus ./bench/reload ./bench/search
bin=$W/bin
run "$bin/corpus" -s "$root" -n "$PAGES" "$W/corpus" >&2
# The Markdown's size, not the blocks it takes (du's default: 24 MB on
# tmpfs for 17.6 MB of files of 9 KB).
corpus_mb=$(find "$W/corpus/tongbao/content" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')

# --- 1. plain corpus -------------------------------------------------------
log "plain corpus: tongbao vs Hugo vs the floor, $ROUNDS rounds × $RUNS runs (+$WARMUP warm-up) each"
out=$W/out
tb_cmd="$bin/tongbao build -s $W/corpus/tongbao -d $out/tongbao"
hugo_cmd="hugo --quiet -s $W/corpus/hugo -d $out/hugo"
floor_cmd="$bin/floor $W/corpus/tongbao/content $out/floor"
for r in $(seq "$ROUNDS"); do
	run hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$W/plain.$r.json" \
		--prepare "rm -rf $out/tongbao" --prepare "rm -rf $out/hugo" --prepare "rm -rf $out/floor" \
		-n tongbao "$tb_cmd" -n hugo "$hugo_cmd" -n floor "$floor_cmd" >&2
done
# A build that silently wrote nothing would look fast: check the pages.
for g in tongbao hugo floor; do
	n=$(find "$out/$g/notices" -name index.html | wc -l)
	if ((n < PAGES)); then
		echo "bench/run.sh: $g wrote $n pages of $PAGES" >&2
		exit 1
	fi
done
t_tb=$(pooled tongbao "$W"/plain.*.json)
t_hugo=$(pooled hugo "$W"/plain.*.json)
t_floor=$(pooled floor "$W"/plain.*.json)
c_tb=$(cpu_time tongbao "$W"/plain.*.json)
c_hugo=$(cpu_time hugo "$W"/plain.*.json)
c_floor=$(cpu_time floor "$W"/plain.*.json)
n_plain=$(jq -s '[.[].results[0].times | length] | add' "$W"/plain.*.json)

log "plain corpus: peak RSS, median of $RSS_RUNS runs each"
rss_tb=$(peak_rss_mb tongbao "rm -rf $out/tongbao" $tb_cmd)
rss_hugo=$(peak_rss_mb hugo "rm -rf $out/hugo" $hugo_cmd)
rss_floor=$(peak_rss_mb floor "rm -rf $out/floor" $floor_cmd)

# --- 2. gen-demo archives --------------------------------------------------
years=(5 20 50)
log "archives of ${years[*]} years: cold builds, $ARCHIVE_RUNS runs (+1 warm-up) each"
prepare=() commands=()
for y in "${years[@]}"; do
	run "$bin/tongbao" gen-demo "$W/demo$y" --years "$y" -s "$root" >&2
	prepare+=(--prepare "rm -rf $out/demo$y")
	commands+=(-n "$y" "$bin/tongbao build -s $W/demo$y -d $out/demo$y")
done
run hyperfine -N --style basic --warmup 1 --runs "$ARCHIVE_RUNS" --export-json "$W/archive.json" \
	"${prepare[@]}" "${commands[@]}" >&2
files20=$(find "$out/demo20" -type f | wc -l)
declare -A t_arch rss_arch
for y in "${years[@]}"; do
	t_arch[$y]=$(pooled "$y" "$W/archive.json")
	rss_arch[$y]=$(peak_rss_mb "demo$y" "rm -rf $out/demo$y" "$bin/tongbao" build -s "$W/demo$y" -d "$out/demo$y")
done

# --- 3. serve save-to-reload -----------------------------------------------
month=$(cd "$W/demo20/data" && ls [0-9][0-9][0-9][0-9]-[0-9][0-9].toml | sort | tail -1)
log "serve: $SAVES saves of data/$month in the 20-year archive"
reload=$(run "$bin/reload" -bin "$bin/tongbao" -s "$W/demo20" -file "data/$month" -n "$SAVES" | tail -1)
echo "$reload" >&2
reload_ms=$(sed -n 's/^median_ms=\([0-9.]*\).*/\1/p' <<<"$reload")
rebuild_ms=$(sed -n 's/.*rebuild_median_ms=\([0-9.]*\).*/\1/p' <<<"$reload")

# --- 4. search ---------------------------------------------------------------
log "search: the index's CPU cost, rendering the plain corpus with and without it, $INDEX_COUNT times each"
TONGBAO_BENCH_CORPUS=$W/corpus/tongbao run go test -run '^$' -bench PlainCorpusIndex -count "$INDEX_COUNT" ./internal/render >"$W/index.txt"
cat "$W/index.txt" >&2
# cpu_ms NAME prints the median cpu-ms/op of the sub-benchmark NAME.
cpu_ms() { awk -v n="PlainCorpusIndex/$1" '$1 ~ n { for (i = 1; i < NF; i++) if ($(i + 1) == "cpu-ms/op") print $i }' "$W/index.txt" | median; }
idx_with=$(cpu_ms index)
idx_none=$(cpu_ms none)
idx_pct=$(calc %.0f "($idx_with / $idx_none - 1) * 100")

log "search: the index's share of a whole build's CPU time, the plain corpus built with and without it, $ROUNDS rounds × $RUNS runs"
# TONGBAO_BENCH_NO_SEARCH_INDEX=1 (read only by tongbao build, for this
# line) builds everything but the index; CPU time (user + sys) from
# hyperfine, which hardly grows when other processes compete.
for r in $(seq "$ROUNDS"); do
	run hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$W/buildidx.$r.json" \
		--prepare "rm -rf $out/with" --prepare "rm -rf $out/without" \
		-n with "$bin/tongbao build -s $W/corpus/tongbao -d $out/with" \
		-n without "env TONGBAO_BENCH_NO_SEARCH_INDEX=1 $bin/tongbao build -s $W/corpus/tongbao -d $out/without" >&2
done
[[ -f $out/with/search-index.json && ! -e $out/without/search-index.json ]] || { echo "bench/run.sh: the build without the index wrote one, or the build with it did not" >&2; exit 1; }
bidx_with=$(cpu_time with "$W"/buildidx.*.json)
bidx_none=$(cpu_time without "$W"/buildidx.*.json)
bidx_pct=$(calc %.0f "($bidx_with / $bidx_none - 1) * 100")

# The same share as a median, as the other rows are: hyperfine's export
# keeps only the mean user and system times, which a few builds slowed by
# other work pull up. Each build timed on its own (build_cpu_ms: perf's
# task-clock, or GNU time without perf); the builds with and without the
# index alternate, so that the machine's drift weighs on both.
#
# cpu_alternating SRC N builds SRC N times with the index and N times
# without it, alternating, and writes each build's CPU time (ms) to
# $W/cpu.with and $W/cpu.without, in order.
cpu_alternating() {
	rm -f "$W/cpu.with" "$W/cpu.without"
	for _ in $(seq "$2"); do
		for m in with without; do
			rm -rf "${out:?}/$m"
			no_index=0
			[[ $m == without ]] && no_index=1
			build_cpu_ms "$W/cpu.time" "$bin/tongbao" "$1" "$out/$m" TONGBAO_BENCH_NO_SEARCH_INDEX=$no_index >>"$W/cpu.$m"
		done
	done
	rm -rf "${out:?}/with" "${out:?}/without"
}
log "search: the same, medians of $CPU_RUNS alternating builds each way"
cpu_alternating "$W/corpus/tongbao" "$CPU_RUNS"
mcpu_with=$(median <"$W/cpu.with")
mcpu_none=$(median <"$W/cpu.without")
mcpu_pct=$(calc %.0f "($mcpu_with / $mcpu_none - 1) * 100")
# Each build with the index beside the one without it that followed: the
# machine's speed moves by a fifth from build to build, less from one
# build to the next.
paste "$W/cpu.with" "$W/cpu.without" | awk '{ print ($1 / $2 - 1) * 100 }' >"$W/cpu.pairs"
pair_pct=$(calc %.0f "$(median <"$W/cpu.pairs")")
# The pairs' median is known only within an interval (median_interval);
# whether a share is above the target is told by where the interval lies.
# Fifteen builds a side gave one eleven points wide (+5.9…+16.9 %), forty
# one of three (+15.4…+18.3 %), on the same code the same morning.
read -r pair_lo pair_hi < <(median_interval <"$W/cpu.pairs")
pair_ci="95 % interval $(calc %+.1f "$pair_lo")…$(calc %+.1f "$pair_hi") %"
if [[ $pair_lo == nan ]]; then pair_ci="too few builds for a 95 % interval"; fi

# The index's share where the pages are circulars rather than plain text:
# the 20-year archive (ranking tables, unit and indicator pages, data
# files) spends its build on much else, and its index is smaller.
log "search: the index's share of building the 20-year archive, medians of $CPU_RUNS alternating builds each way"
cpu_alternating "$W/demo20" "$CPU_RUNS"
dcpu_with=$(median <"$W/cpu.with")
dcpu_none=$(median <"$W/cpu.without")
dcpu_pct=$(calc %.0f "($dcpu_with / $dcpu_none - 1) * 100")

# The same share in instructions, which do not depend on the machine's
# load: callgrind counts what one build of each kind executes in user
# space, on one thread (GOMAXPROCS=1; Go's preemption signals off, which
# valgrind would stop at; RDTSCP off, which Go 1.26's runtime uses for its
# clock where the processor has it and valgrind 3.19 cannot decode: the
# program dies of SIGILL at its first lock). Valgrind hides the processor's SHA extensions,
# so SHA-256 runs there in vector code at about 30 instructions a byte
# where this machine's SHA-NI takes a few; its instructions are reported
# apart and the share is also given without them.
instr_row="| Search index: instructions of \`tongbao build\` with / without it (callgrind, user space) | not counted (INSTR=0) | ≤ +15 % | |"
if [[ ${INSTR:-1} != 0 ]]; then
	log "search: the same share in instructions, one build each way under callgrind"
	declare -A ins sha
	for m in with without; do
		rm -rf "${out:?}/$m"
		no_index=0
		[[ $m == without ]] && no_index=1
		TONGBAO_BENCH_NO_SEARCH_INDEX=$no_index GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 \
			valgrind --tool=callgrind --callgrind-out-file="$W/callgrind.$m" \
			"$bin/tongbao" build -s "$W/corpus/tongbao" -d "$out/$m" >"$W/callgrind.$m.log" 2>&1 ||
			{ cat "$W/callgrind.$m.log" >&2; exit 1; }
		ins[$m]=$(awk '/^(summary|totals):/ { print $2; exit }' "$W/callgrind.$m")
		sha[$m]=$(callgrind_annotate --auto=no --threshold=100 "$W/callgrind.$m" |
			awk '/sha256\.block/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
	done
	rm -rf "$out/with" "$out/without"
	g() { calc %.2f "$1 / 1e9"; }
	ins_pct=$(calc %.1f "(${ins[with]} / ${ins[without]} - 1) * 100")
	nosha_pct=$(calc %.1f "((${ins[with]} - ${sha[with]}) / (${ins[without]} - ${sha[without]}) - 1) * 100")
	instr_row="| Search index: instructions of \`tongbao build\` with / without it (callgrind, user space, one thread) | $(g "${ins[with]}") / $(g "${ins[without]}") G = +${ins_pct} %; without SHA-256's ($(g "${sha[with]}") / $(g "${sha[without]}") G, see the script) +${nosha_pct} % | ≤ +15 % | $(verdict "$nosha_pct" 15) |"
fi

log "search: Pagefind (pinned in package-lock.json), a corpus of $PROVINCE pages, and each site's Pagefind index"
want=$(node -p 'require("./package-lock.json").packages["node_modules/pagefind"].version')
have=$(node -p 'try { require("./node_modules/pagefind/package.json").version } catch { "" }')
[[ $want == "$have" ]] || run npm ci --no-audit --no-fund --loglevel=error
run "$bin/corpus" -s "$root" -n "$PROVINCE" "$W/corpus20k" >&2
run "$bin/tongbao" build -s "$W/corpus20k/tongbao" -d "$out/plain20k" >&2
for d in demo20 tongbao demo50 plain20k; do
	run node_modules/.bin/pagefind --site "$out/$d" --silent >&2
done

log "search: tongbao and Pagefind in Chromium, $SEARCH_RUNS runs of each pair of queries"
run "$bin/search" -runs "$SEARCH_RUNS" -settle "$SEARCH_SETTLE" -page \
	"20-year-demo=$out/demo20:$DEMO_QUERIES" \
	"2,000-plain-pages=$out/tongbao:$PLAIN_QUERIES" \
	"50-year-demo=$out/demo50:$DEMO_QUERIES" \
	"20,000-plain-pages=$out/plain20k:$PLAIN_QUERIES" >"$W/search.txt"
cat "$W/search.txt" >&2
log "search: tongbao at 20,000 pages again, the page opened as soon as the browser starts (-settle 0, as measured before 2026-12-01)"
run "$bin/search" -runs "$SEARCH_RUNS" -settle 0 -tools tongbao "unsettled=$out/plain20k:$PLAIN_QUERIES" >"$W/search0.txt"
cat "$W/search0.txt" >&2
log "search: both at 20,000 pages, the search page opened from the home page, as a reader searching from the site does (-via /: the shared stylesheet and scripts in the browser's cache)"
run "$bin/search" -runs "$SEARCH_RUNS" -via / "warm=$out/plain20k:$PLAIN_QUERIES" >"$W/search1.txt"
cat "$W/search1.txt" >&2
# page SITE: the search page's first paint without a query (bench/search -page), median and quartiles.
page() { awk -v s="$1" '$1 == "page" && $2 == s { printf "%s ms (quartiles %s–%s ms)", $3, $4, $5 }' "$W/search.txt"; }
# field SITE TOOL N prints the Nth figure of the result line of SITE and TOOL.
field() { awk -v s="$1" -v t="$2" -v n="$3" '$1 == "result" && $2 == s && $3 == t { print $(n + 3) }' "$W/search.txt" "$W/search0.txt" "$W/search1.txt"; }
kb() { calc %.0f "$1 / 1000"; }
search_row() { # SITE LABEL
	local s=$1
	printf '| %s | %s / %s KB, %s / %s ms | %s / %s KB, %s / %s ms | %s / %s KB, %s ms | %s / %s KB, %s ms |\n' "$2" \
		"$(kb "$(field "$s" tongbao 1)")" "$(kb "$(field "$s" tongbao 2)")" "$(field "$s" tongbao 7)" "$(field "$s" tongbao 3)" \
		"$(kb "$(field "$s" tongbao 4)")" "$(kb "$(field "$s" tongbao 5)")" "$(field "$s" tongbao 8)" "$(field "$s" tongbao 6)" \
		"$(kb "$(field "$s" Pagefind 1)")" "$(kb "$(field "$s" Pagefind 2)")" "$(field "$s" Pagefind 3)" \
		"$(kb "$(field "$s" Pagefind 4)")" "$(kb "$(field "$s" Pagefind 5)")" "$(field "$s" Pagefind 6)"
}

# --- the table -------------------------------------------------------------
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(($(date +%s) - started))
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
r_hugo=$(calc %.2f "$t_tb / $t_hugo")
r_floor=$(calc %.2f "$t_tb / $t_floor")
r_rss=$(calc %.2f "$rss_tb / $rss_hugo")
ms() { calc %.0f "$1 * 1000"; }
busy=$(awk -v a="${load_start%% *}" -v b="${load_end%% *}" -v n="$(nproc)" 'BEGIN {
	if (a > n || b > n) printf "**Warning: the load average exceeded the %d cores; other processes competed with the runs, and wall times are inflated.**", n }')
per_month() { calc %.2f "${t_arch[$1]} * 1000 / (12 * $1)"; }
marg1=$(calc %.2f "(${t_arch[20]} - ${t_arch[5]}) * 1000 / (12 * 15)")
marg2=$(calc %.2f "(${t_arch[50]} - ${t_arch[20]}) * 1000 / (12 * 30)")
lin=$(calc %.2f "$marg2 / $marg1")

cat <<EOF

## tongbao performance

$(date -u +%Y-%m-%d), $cpu, $(nproc) cores, $(go version | cut -d' ' -f3), $(hugo version | cut -d' ' -f2 | cut -d+ -f1) (Hugo, Debian).
Work tree on $fstype ($base); load average $load_start at the start, $load_end at the end; $elapsed s in all.
$busy
Plain corpus: $PAGES pages, $corpus_mb MB of Markdown; $n_plain timed runs per command ($ROUNDS rounds × $RUNS), each into an empty folder.

| Measure | Figure | Target | Result |
|---|---|---|---|
| Plain corpus: \`tongbao build\`, median wall | $(ms "$t_tb") ms | | |
| Plain corpus: \`hugo --quiet\`, median wall | $(ms "$t_hugo") ms | | |
| Plain corpus: floor (goldmark + writes), median wall | $(ms "$t_floor") ms | | |
| Plain corpus, CPU time (user + sys): tongbao / Hugo / floor | $(ms "$c_tb") / $(ms "$c_hugo") / $(ms "$c_floor") ms (tongbao/Hugo $(calc %.2f "$c_tb / $c_hugo")×, tongbao/floor $(calc %.2f "$c_tb / $c_floor")×) | | |
| tongbao / Hugo, wall time | ${r_hugo}× | ≤ 0.45× | $(verdict "$r_hugo" 0.45) |
| tongbao / floor, wall time | ${r_floor}× | ≤ 1.25× | $(verdict "$r_floor" 1.25) |
| Peak RSS: tongbao / Hugo / floor (median of $RSS_RUNS) | $(calc %.0f "$rss_tb") / $(calc %.0f "$rss_hugo") / $(calc %.0f "$rss_floor") MB | | |
| tongbao / Hugo, peak RSS | ${r_rss}× | ≤ 0.2× | $(verdict "$r_rss" 0.2) |
| Archive, 5 years (60 months): cold build, peak RSS | $(ms "${t_arch[5]}") ms, $(calc %.0f "${rss_arch[5]}") MB | | |
| Archive, 20 years (240 months, $files20 files): cold build, peak RSS | $(ms "${t_arch[20]}") ms, $(calc %.0f "${rss_arch[20]}") MB | ≤ 1000 ms | $(verdict "$(ms "${t_arch[20]}")" 1000) |
| Archive, 50 years (600 months): cold build, peak RSS | $(ms "${t_arch[50]}") ms, $(calc %.0f "${rss_arch[50]}") MB | | |
| Build time per month: 5 / 20 / 50 years | $(per_month 5) / $(per_month 20) / $(per_month 50) ms | | |
| Marginal cost per added month: 5→20 / 20→50 years | $marg1 / $marg2 ms (ratio ${lin}) | linear: ratio ≤ 1.25 | $(verdict "$lin" 1.25) |
| Serve, 20 years: save to reload event, median of $SAVES saves of data/$month | $reload_ms ms (server-side rebuild $rebuild_ms ms) | ≤ 100 ms | $(verdict "$reload_ms" 100) |
| Search index: CPU time of \`tongbao build\` of the plain corpus with / without it (mean of $n_plain) | $(ms "$bidx_with") / $(ms "$bidx_none") ms = +${bidx_pct} % | ≤ +15 % | $(verdict "$bidx_pct" 15) |
| Search index: the same, medians of $CPU_RUNS alternating builds each way ($(cpu_clock)) | $(calc %.0f "$mcpu_with") / $(calc %.0f "$mcpu_none") ms = +${mcpu_pct} %; median of the $CPU_RUNS pairs' ratios +${pair_pct} % ($pair_ci) | ≤ +15 % | medians $(verdict "$mcpu_pct" 15); pairs $(interval_verdict "$pair_lo" "$pair_hi" 15) |
| Search index: CPU time of building the 20-year archive with / without it (medians of $CPU_RUNS alternating builds) | $(calc %.0f "$dcpu_with") / $(calc %.0f "$dcpu_none") ms = +${dcpu_pct} % | | |
$instr_row
| Search index: CPU of rendering alone, with / without it (Go benchmark, median of $INDEX_COUNT) | $(calc %.0f "$idx_with") / $(calc %.0f "$idx_none") ms = +${idx_pct} % | | |
| Search, 20-year demo: first query, transfer (everything fetched) | $(kb "$(field 20-year-demo tongbao 1)") KB | ≤ 120 KB | $(verdict "$(kb "$(field 20-year-demo tongbao 1)")" 120) |
| Search, 20,000 plain pages: first query, transfer | $(kb "$(field 20,000-plain-pages tongbao 1)") KB | ≤ 150 KB | $(verdict "$(kb "$(field 20,000-plain-pages tongbao 1)")" 150) |
| Search, 20,000 plain pages: next query, transfer | $(kb "$(field 20,000-plain-pages tongbao 4)") KB | ≤ 60 KB | $(verdict "$(kb "$(field 20,000-plain-pages tongbao 4)")" 60) |
| Search, 20,000 plain pages: time to results (listed), first query | $(field 20,000-plain-pages tongbao 7) ms (quartiles $(field 20,000-plain-pages tongbao 9)–$(field 20,000-plain-pages tongbao 10) ms; snippets shown $(field 20,000-plain-pages tongbao 3) ms); the search page alone, no query, first painted at $(page 20,000-plain-pages) | ≤ 300 ms | $(verdict "$(field 20,000-plain-pages tongbao 7)" 300) |
| Search, 20,000 plain pages: the same, the page opened as soon as the browser starts | $(field unsettled tongbao 7) ms (snippets shown $(field unsettled tongbao 3) ms) | | |
| Search, 20,000 plain pages: the same, the search page opened from the home page (its stylesheet and scripts cached) | $(field warm tongbao 7) ms (snippets shown $(field warm tongbao 3) ms; $(kb "$(field warm tongbao 1)") KB fetched); Pagefind $(field warm Pagefind 3) ms, $(kb "$(field warm Pagefind 1)") KB | | |

### Search in Chromium: tongbao beside Pagefind $(node -p 'require("./node_modules/pagefind/package.json").version')

Medians over $SEARCH_RUNS runs of each pair of consecutive queries; a fresh browser each run (a new profile: nothing cached), left $SEARCH_SETTLE to
finish starting before it opens the page; the site served on loopback as nginx with
gzip_static and gzip on serves it. Bytes counted at the server: transfer (headers and bodies as sent) / decoded (bodies as read); time from
navigation (first query) or from submitting (next query): tongbao's until the results are listed / until their snippets are shown too;
Pagefind's page shows its excerpts with its results, one time.
Queries: demos $DEMO_QUERIES; plain corpora $PLAIN_QUERIES.

| site | tongbao: first query | tongbao: next query | Pagefind: first query | Pagefind: next query |
|---|---|---|---|---|
$(search_row 20-year-demo "20-year demo")
$(search_row 2,000-plain-pages "$PAGES plain pages")
$(search_row 50-year-demo "50-year demo")
$(search_row 20,000-plain-pages "$PROVINCE plain pages")
EOF
