package render

import (
	"os"
	"path"
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
