package render

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
)

// TestPartialCached: the cached partials of the default layouts (the
// header, footer, head links and the site's meta tags) give every page of
// a demo archive (circulars, units, departments, indicators, rankings,
// lists, search, 404) the very bytes the partials give when executed for
// each page with {{template}}.
func TestPartialCached(t *testing.T) {
	s := loadDemo(t, 1)
	cached := renderFiles(t, s, "/")
	calls := 0
	for i, f := range s.Layouts {
		src := partialCachedRE.ReplaceAllStringFunc(string(f.Data), func(call string) string {
			calls++
			m := partialCachedRE.FindStringSubmatch(call)
			return "{{" + m[1] + "template " + m[2] + " .}}"
		})
		s.Layouts[i].Data = []byte(src)
	}
	if calls != 4 {
		t.Fatalf("%d calls of partialCached in the layouts, want 4", calls)
	}
	plain := renderFiles(t, s, "/")
	if len(plain) != len(cached) {
		t.Fatalf("%d outputs with {{template}}, %d with partialCached", len(plain), len(cached))
	}
	kinds := map[string]bool{}
	for name, want := range plain {
		if !bytes.Equal(cached[name], want) {
			t.Errorf("%s differs when partials are cached", name)
		}
		if strings.HasSuffix(name, ".html") {
			if m := kindRE.FindSubmatch(want); m != nil {
				kinds[string(m[1])] = true
			}
		}
	}
	for _, k := range []string{"home", "circular", "archive", "unit", "department", "indicator", "rankings", "search", "404", "page"} {
		if !kinds[k] {
			t.Errorf("no page of kind %s was compared", k)
		}
	}
}

var partialCachedRE = regexp.MustCompile(`{{(- )?partialCached ("[^"]+") \.[^}]*}}`)

// A partialCached of a template that does not exist is a template error
// of the layout that calls it.
func TestPartialCachedMissing(t *testing.T) {
	s := loadSample(t)
	for i, f := range s.Layouts {
		if f.Name == "page.html" { // as the site's own layouts/page.html would
			s.Layouts[i].Data = []byte(strings.Replace(string(f.Data), "{{.Content}}", `{{partialCached "partials/nope.html" .}}`, 1))
			s.Layouts[i].Source = "layouts/page.html"
		}
	}
	_, err := Render(s, rank.Archive(s), Options{})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].File != "layouts/page.html" || !strings.Contains(l[0].Msg, "partials/nope.html") {
		t.Fatalf("Render = %v; want one error in layouts/page.html naming partials/nope.html", err)
	}
}

var kindRE = regexp.MustCompile(`<body class="kind-([a-z0-9]+)">`)

// Variants that differ give keys that differ, whatever their type.
func TestVariantKey(t *testing.T) {
	nav := []NavItem{{Title: "通报", Path: "circulars/", Current: "true"}}
	lists := [][]any{
		nil,
		{""},
		{"a"},
		{"a", "b"},
		{"ab"},
		{"a\x00b"},
		{nav},
		{[]NavItem{{Title: "通报", Path: "circulars/"}}},
		{[]NavItem{{Title: "通报", Path: "circulars/", Current: "page"}}},
		{"page", nav},
		{1},
		{"1"},
		{int64(1)},
		{true},
	}
	seen := map[string]int{}
	for i, l := range lists {
		k := variantKey("partials/header.html", l)
		if j, ok := seen[k]; ok {
			t.Errorf("variants %#v and %#v share the key %q", lists[j], l, k)
		}
		seen[k] = i
		if k != variantKey("partials/header.html", l) {
			t.Errorf("the key of %#v is not stable", l)
		}
	}
	if variantKey("partials/a.html", nil) == variantKey("partials/b.html", nil) {
		t.Error("two partials share a key")
	}
}

// TestKeepQuoted: a short quoted term is kept on one line; a long quote,
// an unclosed one and the text around are escaped as they are.
func TestKeepQuoted(t *testing.T) {
	for in, want := range map[string]string{
		"关于区政府2023年2月“三重点”落实情况的通报": `关于区政府2023年2月<span class="nowrap">“三重点”</span>落实情况的通报`,
		"“放管服”与“一件事一次办”<改革>":       `<span class="nowrap">“放管服”</span>与<span class="nowrap">“一件事一次办”</span>&lt;改革&gt;`,
		"关于“十一个字以上的一段很长的引语”的通报":    "关于“十一个字以上的一段很长的引语”的通报",
		"关于“未完的通报":                 "关于“未完的通报",
		"没有引号":                     "没有引号",
	} {
		if got := string(keepQuoted(in)); got != want {
			t.Errorf("keepQuoted(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOrgName: a break opportunity between the parts of an office's name,
// none inside them, each part in a span of its own, and the name escaped.
func TestOrgName(t *testing.T) {
	for in, want := range map[string]string{
		"邵阳市双清区人民政府办公室": `<span class="org-part">邵阳市</span><wbr><span class="org-part">双清区</span><wbr><span class="org-part">人民政府</span><wbr><span class="org-part">办公室</span>`,
		"区发改局":     `<span class="org-part">区发改局</span>`,
		"<某>市人民政府": `<span class="org-part">&lt;某&gt;市</span><wbr><span class="org-part">人民政府</span>`,
		"":         "",
	} {
		if got := string(orgName(in)); got != want {
			t.Errorf("orgName(%q) = %q, want %q", in, got, want)
		}
	}
}
