package render

import (
	"maps"
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
	for _, dir := range []string{"annual", "city-groups", "county-streak", "deduct"} {
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
		ch.template("base.html", pageDot)
		note(ch)
	}
	ch := newChecker(c.tmpl, c.tmpl.shortcodes, func(error) {})
	for _, sc := range shortcodeSet {
		ch.template("shortcodes/"+sc.name+".html", shortcodeDot(sc))
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
				case "score-table":
					for _, ind := range s.Indicators {
						if ind.Townships != nil {
							args = append(args, []string{ind.ID})
						}
					}
				default:
					args = [][]string{nil}
				}
				for _, a := range args {
					if sc.monthly && p.Aggregate() {
						continue
					}
					v, err := sc.view(c, p, nil, a)
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
	want := []string{"layouts/partials/footer.html:4:24: 模板错误：{{.Titel}}：这里的“.”是 {{with .Site}} 的值，没有字段“Titel”，是否为“Title”？"}
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
		"layouts/partials/footer.html:2:11: 模板错误：{{.Site.Titel}}：.Site 没有字段“Titel”，是否为“Title”？",
		"layouts/shortcodes/rewards.html:2:18: 模板错误：{{.Txt}}：这里的“.”是 {{range .}} 的一项，没有字段“Txt”，是否为“Text”？",
	}
	if got := diag.Lines(err); !slices.Equal(got, want) {
		t.Errorf("Render = %v\nwant\n%s", err, strings.Join(want, "\n"))
	}
}

// TestFieldCheckNamesWhatTheAuthorSees: a misspelt field is told of what
// holds it as the layout writes it, or, of dot, as what dot is there —
// the page, a shortcode's data, the value of a with, an item of a range,
// what a partial was given by the layout that calls it — never by the Go
// type behind it (SiteData, ListItem, string), which the staff who write
// layouts see nowhere. Each under a condition no page meets, so that only
// the check before anything runs tells it; columns counted by hand, in
// characters from 1, on line 2 of the footer.
func TestFieldCheckNamesWhatTheAuthorSees(t *testing.T) {
	for _, tc := range []struct {
		line  string
		extra map[string]string
		want  string
	}{
		{line: "{{.Titel}}", want: "layouts/partials/footer.html:2:3: 模板错误：{{.Titel}}：这里的“.”是页面，没有字段“Titel”，是否为“Title”？"},
		{line: "{{.Site.Titel}}", want: "layouts/partials/footer.html:2:8: 模板错误：{{.Site.Titel}}：.Site 没有字段“Titel”，是否为“Title”？"},
		{line: "{{.Date.Chines}}", want: "layouts/partials/footer.html:2:8: 模板错误：{{.Date.Chines}}：.Date 没有字段“Chines”，是否为“Chinese”？"},
		{line: "{{with .Site}}{{.Titel}}{{end}}", want: "layouts/partials/footer.html:2:17: 模板错误：{{.Titel}}：这里的“.”是 {{with .Site}} 的值，没有字段“Titel”，是否为“Title”？"},
		{line: "{{range .Site.Map}}{{.Titel}}{{end}}", want: "layouts/partials/footer.html:2:22: 模板错误：{{.Titel}}：这里的“.”是 {{range .Site.Map}} 的一项，没有字段“Titel”，是否为“Title”？"},
		// The page's field, asked of a with's value: $ is the page.
		{line: "{{with .Site}}{{.Kind}}{{end}}", want: "layouts/partials/footer.html:2:17: 模板错误：{{.Kind}}：这里的“.”是 {{with .Site}} 的值，没有字段“Kind”；要取页面的 Kind，写 {{$.Kind}}"},
		{line: "{{with .Site.IDCode}}{{.Titel}}{{end}}", want: "layouts/partials/footer.html:2:24: 模板错误：{{.Titel}}：这里的“.”是 {{with .Site.IDCode}} 的值（文字），没有字段“Titel”；是否为页面的 {{$.Title}}？"},
		{line: "{{$.Titel}}", want: "layouts/partials/footer.html:2:4: 模板错误：{{$.Titel}}：$（页面）没有字段“Titel”，是否为“Title”？"},
		{line: "{{with .Circular}}{{$c := .}}{{$c.Numbr}}{{end}}", want: "layouts/partials/footer.html:2:34: 模板错误：{{$c.Numbr}}：$c 没有字段“Numbr”，是否为“Number”？"},
		// Text, a list: what holds the field is named, and what it is.
		{line: "{{.Site.Title.Foo}}", want: "layouts/partials/footer.html:2:14: 模板错误：{{.Site.Title.Foo}}：.Site.Title 是文字，没有字段“Foo”"},
		{line: "{{.Site.Map.Titel}}", want: "layouts/partials/footer.html:2:12: 模板错误：{{.Site.Map.Titel}}：.Site.Map 是一个列表，列表没有字段“Titel”，列表的项也没有，是否为“Title”？"},
		{line: "{{(index .Site.Map 0).Titel}}", want: "layouts/partials/footer.html:2:22: 模板错误：{{(index .Site.Map 0).Titel}}：(index .Site.Map 0) 没有字段“Titel”，是否为“Title”？"},
		// A partial's dot is what the layout calling it gave it, and
		// where: the partial does not show it.
		{
			line:  "{{with .Circular}}{{template \"partials/mine.html\" .}}{{end}}",
			extra: map[string]string{"partials/mine.html": "<p>{{.Numbr}}</p>\n"},
			want:  "layouts/partials/mine.html:1:6: 模板错误：{{.Numbr}}：这里的“.”是 partials/footer.html 中的 {{with .Circular}} 的值，没有字段“Numbr”，是否为“Number”？",
		},
		{
			line:  "{{template \"partials/mine.html\" .Latest}}",
			extra: map[string]string{"partials/mine.html": "<p>{{.Numbr}}</p>\n"},
			want:  "layouts/partials/mine.html:1:6: 模板错误：{{.Numbr}}：这里的“.”是 partials/footer.html 中的 .Latest，没有字段“Numbr”，是否为“Number”？",
		},
		// The page, passed on, is the page.
		{
			line:  "{{template \"partials/mine.html\" .}}",
			extra: map[string]string{"partials/mine.html": "<p>{{.Titel}}</p>\n"},
			want:  "layouts/partials/mine.html:1:6: 模板错误：{{.Titel}}：这里的“.”是页面，没有字段“Titel”，是否为“Title”？",
		},
		// A shortcode's markup: its data, and the items of it.
		{
			extra: map[string]string{"shortcodes/rewards.html": "{{if eq 1 2}}{{.Txt}}{{end}}\n"},
			want:  "layouts/shortcodes/rewards.html:1:16: 模板错误：{{.Txt}}：这里的“.”是短代码 rewards 的数据（一个列表），列表没有字段“Txt”，列表的项也没有，是否为“Text”？",
		},
		{
			extra: map[string]string{"shortcodes/rewards.html": "{{if eq 1 2}}{{.Text}}{{end}}\n"},
			want:  "layouts/shortcodes/rewards.html:1:16: 模板错误：{{.Text}}：这里的“.”是短代码 rewards 的数据（一个列表），列表没有字段“Text”：要用 {{range}} 逐个取出，在其中写 {{.Text}}",
		},
		{
			extra: map[string]string{"shortcodes/city-bottom.html": "<p>{{.Leed}}</p>\n"},
			want:  "layouts/shortcodes/city-bottom.html:1:6: 模板错误：{{.Leed}}：这里的“.”是短代码 city-bottom 的数据，没有字段“Leed”，是否为“Lead”？",
		},
	} {
		files := map[string]string{"partials/footer.html": "<footer>{{if eq .Kind \"nope\"}}\n" + tc.line + "\n{{end}}{{.Site.Title}}</footer>\n"}
		maps.Copy(files, tc.extra)
		s := withLayouts(loadSample(t), files)
		_, err := Render(s, rank.Archive(s), Options{})
		if got := diag.Lines(err); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%q %v:\n%v\nwant\n%s", tc.line, tc.extra, err, tc.want)
		}
	}
}
