package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"tongbao/internal/zh"
)

// TestNoSeedWordsOutsideTerms holds tongbao to writing the office's words
// from [terms] only: no string in Go code (tests aside, cmd/ included) and no text of a
// layout or built-in template holds a word of the seed office's, as
// internal/site/defaults.toml, the one table of them, writes it. Comments
// may quote them.
func TestNoSeedWordsOutsideTerms(t *testing.T) {
	root := filepath.Join("..", "..")
	var defaults struct {
		Terms struct {
			Unit, Department, Scope, City, Peer, Column string
		}
	}
	if _, err := toml.DecodeFile(filepath.Join(root, "internal", "site", "defaults.toml"), &defaults); err != nil {
		t.Fatal(err)
	}
	d := defaults.Terms
	words := []string{d.Unit, zh.Listed(d.Unit), d.Department, d.Scope, d.City, d.Peer, d.Column}
	if len(words) != 7 || d.Unit == "" || d.Column == "" {
		t.Fatalf("defaults.toml: %+v", d)
	}
	// The column, 区政府“三重点”落实情况通报, stands for its parts too.
	words = append(words, "区政府", "三重点")
	check := func(where, text string) {
		for _, w := range words {
			if i := strings.Index(text, w); i >= 0 {
				t.Errorf("%s: “…%s…” holds the seed's word %s: take it from [terms]", where, text[max(0, i-30):min(len(text), i+len(w)+30)], w)
			}
		}
	}
	var goFiles []string
	for _, dir := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
				goFiles = append(goFiles, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range goFiles {
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0) // no comments
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					check(p, s)
				}
			}
			return true
		})
	}
	comment := regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`)
	for _, dir := range []string{filepath.Join(root, "internal", "theme", "layouts")} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			check(p, comment.ReplaceAllString(string(b), ""))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
