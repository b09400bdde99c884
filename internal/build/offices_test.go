package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// offices are testdata/offices/*: small sites of offices shaped otherwise
// than the seed's — a city ranking its counties and districts apart, a
// county with a streak measure, an annual circular of twelve months —
// each with expected.toml, the sentences its pages must state, written
// by hand from its rules and data.
type officeExpectation struct {
	// Absent are words no HTML page of the site may hold: the seed's,
	// which this office does not use.
	Absent []string
	Page   []struct {
		Path      string
		Sentences []string // in this order; whitespace is ignored
		Absent    []string
	}
}

func TestOffices(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "offices", "*"))
	if len(dirs) < 3 {
		t.Fatalf("%d offices in testdata/offices, want at least 3", len(dirs))
	}
	for _, src := range dirs {
		t.Run(filepath.Base(src), func(t *testing.T) {
			var want officeExpectation
			if _, err := toml.DecodeFile(filepath.Join(src, "expected.toml"), &want); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "site")
			if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(dir, "expected.toml"))
			outs, err := Render(Options{Source: dir})
			if err != nil {
				t.Fatal(err)
			}
			text := map[string]string{}
			for _, o := range outs {
				if strings.HasSuffix(o.Path, ".html") {
					text[o.Path] = pageText(o.Data)
					for _, w := range want.Absent {
						if strings.Contains(text[o.Path], w) {
							t.Errorf("%s says %s, a word this office does not use", o.Path, w)
						}
					}
				} else {
					text[o.Path] = squeeze(string(o.Data))
				}
			}
			for _, p := range want.Page {
				got, ok := text[p.Path]
				if !ok {
					t.Errorf("no %s", p.Path)
					continue
				}
				at := 0
				for _, s := range p.Sentences {
					s = squeeze(s)
					i := strings.Index(got[at:], s)
					switch {
					case i >= 0:
						at += i + len(s)
					case strings.Contains(got, s):
						t.Errorf("%s: out of order (appears earlier): %s", p.Path, s)
					default:
						t.Errorf("%s: missing: %s", p.Path, s)
					}
				}
				for _, s := range p.Absent {
					if strings.Contains(got, squeeze(s)) {
						t.Errorf("%s: says %s", p.Path, s)
					}
				}
			}
		})
	}
}
