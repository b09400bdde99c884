#!/usr/bin/env bash
# scripts/compare-output.sh REV — is the output byte for byte what REV made?
#
# Builds three sites twice, once with tongbao as it is at the git revision
# REV and once with the working tree (uncommitted changes included), and
# compares the two output trees file by file:
#
#   sample   the repository's own site (config.toml, data/, content/, layouts/ if any
#            of each tree);
#   demo     `tongbao gen-demo --years 20` written by each tree's binary from
#            its own sample site;
#   corpus   the plain bench corpus (bench/corpus, 2,000 pages, as
#            bench/run.sh makes it) written by each tree's generator.
#
# Prints one line per site and, for a difference, the differing files (and
# the first lines of a diff); exits 1 when any output differs. The demo's
# and the corpus's source files may be written differently by the two trees
# (formatting, comments): only the built output has to be identical, but a
# difference in the sources is reported too, for information.
#
#   bash scripts/compare-output.sh 066cb5e
#
# Work happens in a temporary folder (KEEP=1 keeps it and prints its path).
set -euo pipefail

rev=${1:?usage: scripts/compare-output.sh REV}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/tongbao-compare.XXXXXX")
cleanup() {
	git -C "$root" worktree remove --force "$W/old-src" >/dev/null 2>&1 || true
	if [[ ${KEEP:-} == 1 ]]; then
		echo "compare-output: work tree kept in $W" >&2
	else
		rm -rf "$W"
	fi
}
trap cleanup EXIT

git -C "$root" worktree add --detach "$W/old-src" "$rev" >/dev/null 2>&1 || {
	echo "compare-output: cannot check out $rev" >&2
	exit 2
}

# make NAME TREE builds the site sets of TREE into $W/NAME.
make_side() {
	local name=$1 tree=$2 out=$W/$1
	mkdir -p "$out/bin"
	(cd "$tree" && go build -o "$out/bin/" ./cmd/tongbao ./bench/corpus)
	"$out/bin/tongbao" build -s "$tree" -d "$out/sample" >/dev/null
	"$out/bin/tongbao" gen-demo "$out/demo-src" --years 20 -s "$tree" >/dev/null
	"$out/bin/tongbao" build -s "$out/demo-src" -d "$out/demo" >/dev/null
	"$out/bin/corpus" -s "$tree" -n 2000 "$out/corpus-src" >/dev/null
	"$out/bin/tongbao" build -s "$out/corpus-src/tongbao" -d "$out/corpus" >/dev/null
}

make_side old "$W/old-src"
make_side new "$root"

status=0
for site in sample demo corpus; do
	n=$(find "$W/new/$site" -type f | wc -l)
	if diff -rq "$W/old/$site" "$W/new/$site" >"$W/$site.diff" 2>&1; then
		echo "$site: identical ($n files)"
	else
		status=1
		echo "$site: DIFFERENT ($(wc -l <"$W/$site.diff") files differ or are missing)"
		head -20 "$W/$site.diff"
		first=$(sed -n 's/^Files \(.*\) and \(.*\) differ$/\1 \2/p' "$W/$site.diff" | head -1)
		if [[ -n $first ]]; then
			# shellcheck disable=SC2086
			diff $first | head -20 || true
		fi
	fi
done
for src in demo-src corpus-src; do
	if ! diff -rq "$W/old/$src" "$W/new/$src" >/dev/null 2>&1; then
		echo "($src: the generated source files differ; only the output above must not)"
	fi
done
exit $status
