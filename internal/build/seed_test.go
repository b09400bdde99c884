package build

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// expected is testdata/seed/expected.toml: sentences copied by hand from
// the seed circular, and the places where tongbao deliberately words
// things otherwise (DESIGN.md §5.7).
type expected struct {
	Sentences []string
	Deviation []struct {
		Seed, Built, Reason string
	}
}

var (
	tagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// pageText is what a reader sees of an HTML page, with all whitespace
// removed: the seed's text came out of a PDF with spaces in odd places, so
// sentences are compared without any.
func pageText(b []byte) string {
	s := string(b)
	if i := strings.Index(s, "<body"); i >= 0 {
		s = s[i:]
	}
	s = tagRE.ReplaceAllString(s, "")
	return spaceRE.ReplaceAllString(html.UnescapeString(s), "")
}

func squeeze(s string) string { return spaceRE.ReplaceAllString(s, "") }

// TestSeedCircular builds the repository's own site and holds the circular
// against the seed: every sentence there, in the seed's order.
func TestSeedCircular(t *testing.T) {
	var want expected
	if _, err := toml.DecodeFile("../../testdata/seed/expected.toml", &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Sentences) < 60 {
		t.Fatalf("the fixture holds only %d sentences", len(want.Sentences))
	}
	outs, err := Render(Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	var page []byte
	for _, o := range outs {
		if o.Path == "circulars/2023/14/index.html" {
			page = o.Data
		}
	}
	if page == nil {
		t.Fatal("no circulars/2023/14/index.html")
	}
	text := pageText(page)
	at := 0
	for _, s := range want.Sentences {
		s = squeeze(s)
		i := strings.Index(text[at:], s)
		if i < 0 {
			if strings.Contains(text, s) {
				t.Errorf("out of order (appears earlier): %s", s)
			} else {
				t.Errorf("missing: %s", s)
			}
			continue
		}
		at += i + len(s)
	}
	for _, d := range want.Deviation {
		if d.Reason == "" {
			t.Errorf("deviation without a reason: %q", d.Built)
		}
		if !strings.Contains(text, squeeze(d.Built)) {
			t.Errorf("deviation not built as listed: %s", d.Built)
		}
		if d.Seed != "" && strings.Contains(text, squeeze(d.Seed)) {
			t.Errorf("the seed's wording %q is still there though listed as a deviation", d.Seed)
		}
	}
}
