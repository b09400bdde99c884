package search

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// searchJS is the browser's copy of the tokeniser and the search.
const searchJS = "../theme/layouts/assets/js/search.js"

var update = flag.Bool("update", false, "rewrite the character class table in internal/theme/layouts/assets/js/search.js")

// jsClassTable encodes classify for every character from U+0080 up, the
// way search.js decodes it: maximal ranges of one class other than
// separator, each written as the gap since the end of the previous range
// (the first from U+0080), a class letter (w joiner, x Han, y word, z
// ignored) and
// the range's length, gap and length in base 32, ranges joined by commas.
func jsClassTable() string {
	letter := map[charClass]string{joiner: "w", han: "x", wordChar: "y", ignored: "z"}
	var parts []string
	prevEnd, start := rune(0x80), rune(0x80)
	cur := separator
	for r := rune(0x80); r <= unicode.MaxRune+1; r++ {
		c := separator
		if r <= unicode.MaxRune {
			c = classify(r)
		}
		if c == cur {
			continue
		}
		if cur != separator {
			parts = append(parts, strconv.FormatInt(int64(start-prevEnd), 32)+letter[cur]+strconv.FormatInt(int64(r-start), 32))
			prevEnd = r
		}
		cur, start = c, r
	}
	return strings.Join(parts, ",")
}

var classTableRE = regexp.MustCompile(`const CLASSES =\n  "[^"\n]*";`)

// TestJSClassTable keeps search.js's table in step with classify (and so
// with Go's Unicode tables). After changing classify or upgrading Go, run
// go test ./internal/search -run TestJSClassTable -update.
func TestJSClassTable(t *testing.T) {
	src, err := os.ReadFile(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	want := "const CLASSES =\n  \"" + jsClassTable() + "\";"
	loc := classTableRE.FindIndex(src)
	if loc == nil {
		t.Fatalf("%s lacks `const CLASSES =`, a newline, two spaces and the quoted table", searchJS)
	}
	if got := string(src[loc[0]:loc[1]]); got != want {
		if !*update {
			t.Fatalf("the character class table in %s is stale: run go test ./internal/search -run TestJSClassTable -update", searchJS)
		}
		out := string(src[:loc[0]]) + want + string(src[loc[1]:])
		if err := os.WriteFile(searchJS, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the class table in %s", searchJS)
	}
}

// TestJSClassify: search.js's classify, from its decoded table, gives Go's
// class on both sides of every boundary between classes and at every
// 97th code point besides. (search.js numbers the classes as Go does.)
func TestJSClassify(t *testing.T) {
	var cps []rune
	prev := classify(0)
	for r := rune(1); r <= unicode.MaxRune; r++ {
		if c := classify(r); c != prev {
			cps = append(cps, r-1, r)
			prev = c
		}
		if r%97 == 0 {
			cps = append(cps, r)
		}
	}
	cps = append(cps, unicode.MaxRune)
	var got []int
	runJS(t, `print(input.map(s.classify));`, nil, cps, &got)
	if len(got) != len(cps) {
		t.Fatalf("%d classes for %d code points", len(got), len(cps))
	}
	for i, r := range cps {
		if got[i] != int(classify(r)) {
			t.Errorf("classify(%U): search.js %d, Go %d", r, got[i], classify(r))
		}
	}
}

// TestJSJoiners: search.js's classify holds a code point for a joiner,
// which two Han characters pair across, where Go's does, and for no
// other, over every code point (the ASCII ones are written by hand in
// search.js, the rest come from its table).
func TestJSJoiners(t *testing.T) {
	var want []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if classify(r) == joiner {
			want = append(want, r)
		}
	}
	var got []rune
	runJS(t, `const out = []; for (let cp = 0; cp <= 0x10ffff; cp++) { if (s.classify(cp) === 4) out.push(cp); } print(out);`, nil, nil, &got)
	if !slices.Equal(got, want) {
		t.Errorf("search.js's joiners are %U, Go's %U", got, want)
	}
}
