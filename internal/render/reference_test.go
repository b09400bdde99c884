package render

import (
	"os"
	"path"
	"reflect"
	"strings"
	"testing"

	"tongbao/internal/theme"
)

// TestReferenceListsShortcodesAndLayouts: docs/reference.md shows every
// shortcode of the set, every function layouts may call, and every page
// layout of the built-in theme. (Its tables of keys are held to the
// loader by internal/site's TestReference.)
func TestReferenceListsShortcodesAndLayouts(t *testing.T) {
	b, err := os.ReadFile("../../docs/reference.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, sc := range shortcodeSet {
		if !strings.Contains(doc, "`{{< "+sc.name+" ") && !strings.Contains(doc, "`{{< "+sc.name+" >}}`") {
			t.Errorf("docs/reference.md does not show the shortcode %s", sc.name)
		}
	}
	for name := range (&templates{}).funcs() {
		if !strings.Contains(doc, "| `"+name+"` |") {
			t.Errorf("docs/reference.md's table of template functions lacks %s", name)
		}
	}
	for _, name := range theme.Names() {
		if path.Dir(name) == "." && !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("docs/reference.md does not say what the layout %s is for", name)
		}
	}
}

// TestReferenceListsTemplateData: docs/reference.md names every field of
// the data a layout gets — the page, the site, a circular, and what their
// lists hold — as a layout writes it. It said only that the fields were
// described in internal/render/page.go, which an office with a release
// binary does not have.
func TestReferenceListsTemplateData(t *testing.T) {
	b, err := os.ReadFile("../../docs/reference.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	// Each of the three in its own table, which begins at its heading.
	table := func(heading string) string {
		_, rest, ok := strings.Cut(doc, heading)
		if !ok {
			t.Fatalf("docs/reference.md has no %q", heading)
		}
		if end := strings.Index(rest, "\n\n`"); end >= 0 {
			rest = rest[:end]
		}
		return rest
	}
	for _, c := range []struct {
		heading, prefix string
		v               any
	}{
		{"每个页面模板（", ".", Page{}},
		{"`.Site`（`SiteData`", ".Site.", SiteData{}},
		{"`.Circular`（通报）", ".", Circular{}},
	} {
		section := table(c.heading)
		typ := reflect.TypeOf(c.v)
		for i := range typ.NumField() {
			if f := typ.Field(i); f.IsExported() && !strings.Contains(section, "`"+c.prefix+f.Name+"`") {
				t.Errorf("docs/reference.md's table of %s does not name %s%s", typ.Name(), c.prefix, f.Name)
			}
		}
	}
	for _, v := range []any{NavItem{}, FooterLink{}, DateData{}, Column{}, AttachmentLink{}, Year{}, YearLink{}, Ranking{}, RankRow{}, PlainPage{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			if f := typ.Field(i); f.IsExported() && !strings.Contains(doc, "`."+f.Name+"`") {
				t.Errorf("docs/reference.md does not name %s's field .%s", typ.Name(), f.Name)
			}
		}
	}
}
