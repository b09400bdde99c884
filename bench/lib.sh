# bench/lib.sh — what the bench scripts share; they source it.

# median reads numbers, one a line, and prints their median ("nan" if
# there are none).
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# median_interval reads numbers, one a line, and prints "LO HI": the
# order statistics that hold their population's median with at least 95 %
# confidence, whatever its distribution (the sign test's interval: the
# k-th smallest and the k-th largest, k the largest with
# P(Binomial(n, ½) < k) ≤ 2.5 %), or "nan nan" for fewer than 6 numbers,
# which no such interval covers at 95 %. A share whose interval holds the
# target is not told apart from it by this many builds.
median_interval() {
	sort -g | awk '{ v[NR] = $1 }
	END {
		n = NR; if (n < 6) { print "nan nan"; exit }
		p = 0.5 ^ n; c = 0; k = 0
		for (i = 0; i <= n; i++) { c += p; if (c > 0.025) break; k = i + 1; p = p * (n - i) / (i + 1) }
		print v[k], v[n + 1 - k]
	}'
}

# build_cpu_ms TMP BIN SITE DEST [ENV…] builds SITE into DEST (which must
# not exist) with BIN, with ENV set, and prints the build's CPU time in
# ms, user and system: perf's task-clock (to the microsecond) where perf
# works, else GNU time's (to 10 ms, about a hundredth of a build of the
# plain corpus). TMP is a file for the measurement. A failed build
# prints what it said and exits.
build_cpu_ms() {
	local tmp=$1 bin=$2 site=$3 dest=$4
	shift 4
	if has_perf; then
		env "$@" perf stat -x, -e task-clock -o "$tmp" "$bin" build -s "$site" -d "$dest" >"$tmp.out" 2>&1 ||
			{ cat "$tmp.out" >&2; exit 1; }
		awk -F, '/task-clock/ { print $1 }' "$tmp"
	else
		env "$@" /usr/bin/time -o "$tmp" -f '%U %S' "$bin" build -s "$site" -d "$dest" >"$tmp.out" 2>&1 ||
			{ cat "$tmp.out" "$tmp" >&2; exit 1; }
		awk '{ print ($1 + $2) * 1000 }' "$tmp"
	fi
}

# cpu_clock names what build_cpu_ms measures with, for a table.
cpu_clock() {
	if has_perf; then echo "perf's task-clock"; else echo "GNU time"; fi
}

# has_perf reports whether perf can count a command's task-clock here
# (Debian's perf is a wrapper that fails where the running kernel's
# linux-perf is missing). Asked once.
has_perf() {
	if [[ -z ${bench_has_perf:-} ]]; then
		bench_has_perf=no
		if command -v perf >/dev/null && perf stat -x, -e task-clock -o /dev/null true >/dev/null 2>&1; then
			bench_has_perf=yes
		fi
	fi
	[[ $bench_has_perf == yes ]]
}
