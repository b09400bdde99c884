package render

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// TestFieldCheckTheme: the built-in theme names no field its data has
// not, on the sample and on sites of other offices (groups, aggregates)
// and the demo — and the check walks every page layout, partial and
// shortcode markup of it with a known type of dot, so that its silence
// is not that of a check that looked at nothing.
func TestFieldCheckTheme(t *testing.T) {
	sites := []*site.Site{loadSample(t), loadDemo(t, 1)}
	for _, dir := range []string{"annual", "city-groups", "county-streak"} {
		s, err := site.Load("../../testdata/offices/" + dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		sites = append(sites, s)
	}
	for _, s := range sites {
		c, err := newCore(s, rank.Archive(s), Options{})
		if err != nil {
			t.Fatalf("the built-in theme: %v", err)
		}
		if l := c.tmpl.fieldCheck(); len(l) > 0 {
			t.Errorf("the built-in theme is told:\n%s", l.Err())
		}
	}
	// Walked: each template of the theme, with a type known.
	c, err := newCore(sites[0], rank.Archive(sites[0]), Options{})
	if err != nil {
		t.Fatal(err)
	}
	walked := map[string]bool{}
	note := func(ch *checker) {
		for k := range ch.done {
			if tmpl := ch.set.Lookup(k.name); k.dot != nil && tmpl != nil {
				walked[tmpl.Tree.ParseName] = true
			}
		}
	}
	for _, set := range c.tmpl.pages {
		ch := newChecker(c.tmpl, set, func(error) {})
		ch.template("base.html", reflect.TypeFor[*Page]())
		note(ch)
	}
	ch := newChecker(c.tmpl, c.tmpl.shortcodes, func(error) {})
	for _, sc := range shortcodeSet {
		ch.template("shortcodes/"+sc.name+".html", sc.dot)
	}
	note(ch)
	for _, name := range theme.Names() {
		if strings.HasSuffix(name, ".html") && !walked[name] {
			t.Errorf("%s of the built-in theme is not walked with a known dot", name)
		}
	}
}

// TestShortcodeDots: the type each shortcode's markup is checked with
// (shortcode.dot) is the type of what its view makes, for every shortcode
// of the set, on a month's circular and on a year's.
func TestShortcodeDots(t *testing.T) {
	seen := map[string]bool{}
	for _, dir := range []string{"../..", "../../testdata/offices/annual"} {
		s, err := site.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		res := rank.Archive(s)
		c, err := newCore(s, res, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, circ := range s.Circulars {
			p := res.Period(circ.Data.Key())
			for _, sc := range shortcodeSet {
				var args [][]string
				switch sc.name {
				case "indicators":
					args = [][]string{{s.Config.Terms.Sections[0]}}
				case "measures":
					args = [][]string{{s.Config.Terms.Actions[0]}}
				case "table":
					for _, ind := range s.Indicators {
						args = append(args, []string{ind.ID})
					}
				default:
					args = [][]string{nil}
				}
				for _, a := range args {
					if sc.monthly && p.Aggregate() {
						continue
					}
					v, err := sc.view(c, p, a)
					if err != nil && !isWarning(err) {
						continue
					}
					seen[sc.name] = true
					if got := reflect.TypeOf(v); got != sc.dot {
						t.Errorf("%s: its view makes %v, its markup is checked as %v", sc.name, got, sc.dot)
					}
				}
			}
		}
	}
	for _, sc := range shortcodeSet {
		if !seen[sc.name] {
			t.Errorf("%s: no view made", sc.name)
		}
	}
}

func isWarning(err error) bool {
	_, ok := err.(markdown.ShortcodeWarning)
	return ok
}

// TestFieldCheckSilentWhereUnknown: where the type is not known until it
// runs — the result of and or or of values of two types, a variable
// given values of two types — nothing is said: a template the check
// cannot follow is never refused. Where it is known again (with .Site),
// a field misspelt is told.
func TestFieldCheckSilentWhereUnknown(t *testing.T) {
	// Under a condition no page meets, so that the render, which goes
	// on, does not fail on them as it runs.
	footer := "<footer>{{.Site.Title}}{{if eq .Kind \"nope\"}}\n" +
		"{{(or .Circular .Site).Whatever}}{{with and .Site .Circular}}{{.Anything}}{{end}}\n" +
		"{{$x := .Circular}}{{if .Site.Name}}{{$x = .Site}}{{end}}{{with $x}}{{.Titel}}{{end}}\n" +
		"{{end}}{{with .Site}}{{.Titel}}{{end}}</footer>\n"
	s := withLayouts(loadSample(t), map[string]string{"partials/footer.html": footer})
	_, err := Render(s, rank.Archive(s), Options{})
	want := []string{"layouts/partials/footer.html:4:24: 模板错误：{{.Titel}}：SiteData 没有字段 Titel，是否为“Title”？"}
	if got := diag.Lines(err); !slices.Equal(got, want) {
		t.Errorf("Render = %v\nwant\n%s", err, strings.Join(want, "\n"))
	}
}

// TestFieldCheckToldOnce: a field misspelt in markup that runs — the
// rewards of the sample's circular, a footer on every page — is told
// once, at the field, before anything runs: not again, in Go's words, at
// the shortcode's call or at each page that runs it. The render goes on
// and tells the rest (a shortcode misspelt in the body).
func TestFieldCheckToldOnce(t *testing.T) {
	s := withLayouts(loadSample(t), map[string]string{
		"shortcodes/rewards.html": "<ol>\n{{range .}}<li>{{.Txt}}</li>{{end}}\n</ol>\n",
		"partials/footer.html":    "<footer>{{range .Site.Map}}{{.Path}}{{end}}\n<p>{{.Site.Titel}}</p></footer>\n",
	})
	for i, c := range s.Circulars {
		s.Circulars[i].Body = []byte(strings.Replace(string(c.Body), "{{< township-ranking >}}", "{{< township-rankin >}}", 1))
	}
	_, err := Render(s, rank.Archive(s), Options{})
	want := []string{
		// Line 40 of the body: its township-ranking (cmd/tongbao's
		// TestShortcodeAndTemplateErrors finds it there too).
		"content/circulars/2023-02.md:40:1: 未知短代码“township-rankin”，是否为“township-ranking”？",
		"layouts/partials/footer.html:2:11: 模板错误：{{.Site.Titel}}：SiteData 没有字段 Titel，是否为“Title”？",
		"layouts/shortcodes/rewards.html:2:18: 模板错误：{{.Txt}}：ListItem 没有字段 Txt，是否为“Text”？",
	}
	if got := diag.Lines(err); !slices.Equal(got, want) {
		t.Errorf("Render = %v\nwant\n%s", err, strings.Join(want, "\n"))
	}
}
