//go:build ignore

// variants_gen writes variants.txt, the traditional characters a query
// may hold and the simplified ones the archive is written in, from
// OpenCC's TSCharacters.txt (Apache License 2.0):
//
//	go mod download github.com/longbridgeapp/opencc@v0.3.13
//	go run variants_gen.go "$(go env GOMODCACHE)/github.com/longbridgeapp/opencc@v0.3.13/dictionary/TSCharacters.txt" > variants.txt
//
// Each line of TSCharacters.txt is a character, a tab and its simplified
// forms, the usual first. Kept: those of the CJK Unified Ideographs whose
// first form is another character of the block, in the order of the code
// points, written one pair after another on one line.
package main

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	pairs := map[rune]rune{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		from, to, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		to, _, _ = strings.Cut(to, " ")
		a, na := utf8.DecodeRuneInString(from)
		b, nb := utf8.DecodeRuneInString(to)
		if na != len(from) || nb != len(to) || a == b || !han(a) || !han(b) {
			continue
		}
		pairs[a] = b
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var b strings.Builder
	for _, a := range slices.Sorted(maps.Keys(pairs)) {
		b.WriteRune(a)
		b.WriteRune(pairs[a])
	}
	b.WriteByte('\n')
	os.Stdout.WriteString(b.String())
}

func han(r rune) bool { return 0x4E00 <= r && r < 0xA000 }
