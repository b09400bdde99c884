package render

import (
	"bytes"
	"errors"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// TestPartialRecursion: a partial that calls itself, directly or through
// another, is a template error at the call that closes the circle, found
// before any page runs — partialCached, a function Go's limit of nested
// templates does not count, ran until the stack overflowed and killed the
// process (the preview server with it), and an unconditional {{template}}
// ran 100,000 deep on every page. The error is at the call, as Go places
// one: its name or function (columns counted by hand). A {{template}} call
// inside if, with or range may end (a list of lists) and is left alone.
func TestPartialRecursion(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string // the site's layouts
		want  []string          // the errors, whole
	}{
		{
			name: "partialCached of itself",
			files: map[string]string{"partials/footer.html": "<footer>\n" +
				"  <p>页脚</p>{{partialCached \"partials/footer.html\" .}}\n" +
				"</footer>\n"},
			want: []string{"layouts/partials/footer.html:2:14: 模板错误：partials/footer.html 经 partialCached 又调用了自己（partials/footer.html → partials/footer.html）：会无限递归"},
		},
		{
			name: "partialCached through another partial, inside with",
			files: map[string]string{
				"partials/footer.html": "<footer>{{template \"partials/links.html\" .}}</footer>\n",
				"partials/links.html":  "{{with .Site}}\n{{partialCached \"partials/footer.html\" $}}{{end}}\n",
			},
			want: []string{"layouts/partials/links.html:2:3: 模板错误：partials/links.html 经 partialCached 又调用了自己（partials/links.html → partials/footer.html → partials/links.html）：会无限递归"},
		},
		{
			name:  "template of itself",
			files: map[string]string{"partials/footer.html": "<footer></footer>\n{{template \"partials/footer.html\" .}}\n"},
			want:  []string{"layouts/partials/footer.html:2:12: 模板错误：partials/footer.html 无条件地调用了自己（partials/footer.html → partials/footer.html）：会无限递归"},
		},
		// A page's main, or a shortcode's markup, that calls itself
		// runs as deep on every page that has it.
		{
			name:  "a page's main of itself",
			files: map[string]string{"page.html": "{{define \"main\"}}<p>正文</p>\n{{template \"main\" .}}{{end}}\n"},
			want:  []string{"layouts/page.html:2:12: 模板错误：main 无条件地调用了自己（main → main）：会无限递归"},
		},
		{
			name: "a page's main through a partial",
			files: map[string]string{
				"page.html":          "{{define \"main\"}}{{template \"partials/body.html\" .}}{{end}}\n",
				"partials/body.html": "<div>{{template \"main\" .}}</div>\n",
			},
			want: []string{"layouts/page.html:1:29: 模板错误：main 无条件地调用了自己（main → partials/body.html → main）：会无限递归"},
		},
		{
			name:  "a shortcode of itself",
			files: map[string]string{"shortcodes/rewards.html": "<ol></ol>{{template \"shortcodes/rewards.html\" .}}\n"},
			want:  []string{"layouts/shortcodes/rewards.html:1:21: 模板错误：shortcodes/rewards.html 无条件地调用了自己（shortcodes/rewards.html → shortcodes/rewards.html）：会无限递归"},
		},
		{
			name: "template of itself inside range and if",
			files: map[string]string{
				"partials/footer.html": "<footer>{{template \"partials/tree.html\" .Site.Map}}</footer>\n",
				"partials/tree.html":   "<ul>{{range .}}<li>{{.Title}}{{if .Current}}{{template \"partials/tree.html\" .Current}}{{end}}</li>{{end}}</ul>\n",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := withLayouts(loadSample(t), tc.files)
			_, err := Render(s, rank.Archive(s), Options{})
			var l diag.List
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("Render = %v, want no error", err)
				}
				return
			}
			if !errors.As(err, &l) {
				t.Fatalf("Render = %v, want diagnostics", err)
			}
			var got []string
			for _, d := range l {
				got = append(got, d.String())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("errors:\n%q\nwant:\n%q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("error:\n%s\nwant:\n%s", got[i], tc.want[i])
				}
			}
		})
	}
}

// withLayouts is s with the site's own layouts files (name → text) in
// place of the built-in ones of their names.
func withLayouts(s *site.Site, files map[string]string) *site.Site {
	s.Layouts = slices.DeleteFunc(s.Layouts, func(f site.File) bool {
		_, own := files[f.Name]
		return own && f.Builtin()
	})
	for name, data := range files {
		s.Layouts = append(s.Layouts, site.File{Name: name, Data: []byte(data), Source: "layouts/" + name})
	}
	return s
}

// TestPartialCachedComputedRecursion: a partialCached whose name is made
// as the page runs ((printf "partials/%s.html" "footer")) is not followed
// by the check before any page is made, and one that calls itself ran
// until the stack overflowed and killed the process. A call nested more
// than 100 deep in partialCached calls is an error at that call, at its
// function's name as Go places one (the column counted by hand); one of a computed name that ends (a list walked
// an item shorter each time) runs.
func TestPartialCachedComputedRecursion(t *testing.T) {
	// Were the depth not bounded, the test would die sooner.
	defer debug.SetMaxStack(debug.SetMaxStack(256 << 20))
	s := withLayouts(loadSample(t), map[string]string{
		"partials/footer.html": "<footer>\n  <p>{{partialCached (printf \"partials/%s.html\" \"footer\") .}}</p>\n</footer>\n",
	})
	_, err := Render(s, rank.Archive(s), Options{})
	want := "layouts/partials/footer.html:2:8: 模板错误：{{partialCached (printf \"partials/%s.html\" \"footer\") .}}：调用 partialCached 出错：" +
		"已在 100 层 partialCached 之中，不再执行 partials/footer.html：有局部模板经 partialCached 调用了自己（模板名是执行时算出的，生成前查不出），会无限递归"
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].String() != want {
		t.Errorf("Render = %v\nwant\n%s", err, want)
	}

	s = withLayouts(loadSample(t), map[string]string{
		"partials/footer.html": "<footer>{{partialCached \"partials/walk.html\" .Site.Map}}</footer>\n",
		"partials/walk.html":   "{{with .}}<i>{{len .}}</i>{{partialCached (print \"partials/walk.html\") (slice . 1) (len .)}}{{end}}",
	})
	files := renderFiles(t, s, "/")
	// The site's map: six indexes and 关于本站.
	if want := "<footer><i>7</i><i>6</i><i>5</i><i>4</i><i>3</i><i>2</i><i>1</i></footer>"; !bytes.Contains(files["index.html"], []byte(want)) {
		t.Errorf("the home page has no %s:\n%s", want, files["index.html"])
	}
}

// TestPartialCachedVaryingOutput: a partial that reads the page (a
// breadcrumb of .Title) cached without a variant that names it gave every
// page the output of whichever page the parallel render ran first — the
// home page's title on the archive page in one build, the archive's on
// the home page in the next. It is an error at the call, saying what to
// write instead; with the variants it reads (.Kind .Path: the home page's
// and the 404 page's .Path are both empty), each page has its own.
func TestPartialCachedVaryingOutput(t *testing.T) {
	base := func(call string) map[string]string {
		b, _ := theme.Read("base.html")
		return map[string]string{
			"partials/crumb.html": "<p class=\"crumb\">{{.Title}}</p>",
			"base.html":           strings.Replace(string(b), "{{template \"main\" .}}", call+"{{template \"main\" .}}", 1),
		}
	}
	s := withLayouts(loadSample(t), base(`{{partialCached "partials/crumb.html" .}}`))
	_, err := Render(s, rank.Archive(s), Options{})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || !strings.Contains(l[0].String(), "layouts/base.html:") ||
		!strings.Contains(l[0].String(), "partials/crumb.html 在不同页面上的结果不同") ||
		!strings.Contains(l[0].String(), `partialCached "partials/crumb.html" . .Kind .Path`) {
		t.Fatalf("Render = %v, want the call in layouts/base.html told that partials/crumb.html differs between pages", err)
	}

	s = withLayouts(loadSample(t), base(`{{partialCached "partials/crumb.html" . .Kind .Path}}`))
	files := renderFiles(t, s, "/")
	for file, title := range map[string]string{"circulars/index.html": "<p class=\"crumb\">通报归档</p>", "about/index.html": "<p class=\"crumb\">关于本站</p>", "404.html": "<p class=\"crumb\">页面不存在</p>"} {
		if !bytes.Contains(files[file], []byte(title)) {
			t.Errorf("%s has no %s", file, title)
		}
	}
}
