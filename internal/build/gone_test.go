package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// TestGonePagesWarned: a build (and, before it, tongbao check) warns, once,
// of each page the build before published that it does not — at the page it became when that can be
// told (the one new circular for a circular whose 文号 changed, the one
// new page of the same name for a page moved), with the line to write;
// the aliases written, the old addresses are pages again and nothing is
// warned of.
func TestGonePagesWarned(t *testing.T) {
	dir := sampleCopy(t)
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(name string) {
		t.Helper()
		if err := os.Remove(filepath.Join(dir, "content", filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	run := func(check bool) []string { t.Helper(); return warnedOf(t, dir, check, "上次生成的页面") }
	build := func() []string { t.Helper(); return run(false) }
	write("notices/a.md", "+++\ntitle = \"甲\"\n+++\n甲。\n")
	write("notices/b.md", "+++\ntitle = \"乙\"\n+++\n乙。\n")
	write("old.md", "+++\ntitle = \"旧\"\n+++\n旧。\n")
	if w := build(); len(w) > 0 {
		t.Errorf("a first build warns: %q", w)
	}

	circ, err := os.ReadFile(filepath.Join(dir, "content/circulars/2023-02.md"))
	if err != nil {
		t.Fatal(err)
	}
	write("circulars/2023-02.md", strings.Replace(string(circ), "〔2023〕14号", "〔2023〕15号", 1))
	remove("notices/a.md")
	write("archive/a.md", "+++\ntitle = \"甲\"\n+++\n甲。\n")
	remove("notices/b.md")
	write("notices/c.md", "+++\ntitle = \"乙\"\n+++\n乙。\n")
	remove("old.md")
	checked := run(true) // tongbao check, before the build
	got := build()
	const elsewhere = "这次没有生成，门户网站和其他文件中指向它的链接将失效；如果它换了网址（改了文号、文件名或文件夹），在它现在的文件的前置信息中写 aliases = "
	want := []string{
		// Its 文号 corrected, its 索引号 moved with the serial (DOMAIN §2:
		// never changed once issued).
		`content/circulars/2023-02.md:2:1: 警告：上次生成的页面 /circulars/2023/14/ 这次没有了；如果就是本文换了网址，在前置信息中写 aliases = ["/circulars/2023/14/"]，旧网址会转到本文，别处指向它的链接仍然有效；它的索引号也随之由 000000000/2023-00014 变为 000000000/2023-00015，而索引号发布后不应改变：要保持原来的，再写 indexNo = "000000000/2023-00014"`,
		`content/archive/a.md:1:1: 警告：上次生成的页面 /notices/a/ 这次没有了；如果就是本文换了网址，在前置信息中写 aliases = ["/notices/a/"]，旧网址会转到本文，别处指向它的链接仍然有效`,
		`警告：上次生成的页面 /notices/b/ ` + elsewhere + `["/notices/b/"]，旧网址会转到那里`,
		`警告：上次生成的页面 /old/ ` + elsewhere + `["/old/"]，旧网址会转到那里`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warned\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Equal(checked, want) {
		t.Errorf("check warned\n%s\nwant\n%s", strings.Join(checked, "\n"), strings.Join(want, "\n"))
	}

	// Told once: the next build has the addresses of this one before it.
	if w := build(); len(w) > 0 {
		t.Errorf("the same input again warns: %q", w)
	}
	// The aliases written, a build that had not been told would not warn
	// either, and the old addresses send the reader on.
	write("circulars/2023-02.md", strings.Replace(strings.Replace(string(circ), "〔2023〕14号", "〔2023〕15号", 1), "+++\n", "+++\naliases = [\"/circulars/2023/14/\"]\n", 1))
	write("archive/a.md", "+++\ntitle = \"甲\"\naliases = [\"/notices/a/\", \"/notices/b/\", \"/old/\"]\n+++\n甲。\n")
	if w := build(); len(w) > 0 {
		t.Errorf("with the aliases: %q", w)
	}
	for page, to := range map[string]string{"circulars/2023/14/index.html": "/circulars/2023/15/", "old/index.html": "/archive/a/"} {
		b, err := os.ReadFile(filepath.Join(dir, "public", page))
		if err != nil || !strings.Contains(string(b), `<meta http-equiv="refresh" content="0; url=`+to+`">`) {
			t.Errorf("%s does not send the reader to %s (%v)", page, to, err)
		}
	}
	// Taken away again, each of them is gone again.
	write("archive/a.md", "+++\ntitle = \"甲\"\n+++\n甲。\n")
	if w := build(); len(w) != 3 {
		t.Errorf("the aliases taken away: warned %q, want the three addresses", w)
	}
}

// Under --without, a circular's page gone is one held back, unless a
// circular's page came; more than ten pages gone are summed up.
func TestGonePagesHeldAndMany(t *testing.T) {
	s := &site.Site{Circulars: []*site.Circular{{File: "content/circulars/b.md", Year: 2024, Serial: 4, NumberLine: 2, NumberCol: 1}}}
	c := &Changes{Removed: []string{"circulars/2024/3/index.html", "circulars/2024/3/data.json", "circulars/2024/index.html", "404.html"}}
	// Held back, the circular published before is withdrawn by the upload.
	if d := gonePages(s, c, true); len(d) != 1 || d[0].String() != "警告：已发布的 /circulars/2024/3/ 这次没有生成：它所通报的月份被略去了（尚未齐全，或 --without）；这样的结果上传后，这份通报会从网站上撤下" {
		t.Errorf("holding, nothing came: %v", d)
	}
	if d := gonePages(s, c, false); len(d) != 2 || d[0].File != "" || !strings.Contains(d[1].Msg, "/circulars/2024/ 这次没有生成") {
		t.Errorf("not holding: %v, want two warnings at no file, the circular's and its year's", d)
	}
	c.Added = []string{"circulars/2024/4/index.html"}
	if d := gonePages(s, c, true); len(d) != 1 || d[0].File != "content/circulars/b.md" || d[0].Line != 2 {
		t.Errorf("holding, a circular came: %v, want one warning at content/circulars/b.md:2", d)
	}

	c = &Changes{}
	for i := range 12 {
		c.Removed = append(c.Removed, fmt.Sprintf("units/u%02d/index.html", i))
	}
	d := gonePages(&site.Site{}, c, false)
	if len(d) != 11 || !strings.Contains(d[0].Msg, "/units/u00/") || !strings.Contains(d[0].Msg, "给它写 until 和 became") ||
		!strings.Contains(d[9].Msg, "/units/u09/") || !strings.Contains(d[10].Msg, "共 12 个这次没有生成") {
		t.Errorf("twelve pages gone: %v", d)
	}
}

// The preview's view of the last build (Published): the pages of the build
// in the output folder that a site rendering other outputs would not make,
// its manifest read again when a build changes it, nothing without one.
func TestPublishedGone(t *testing.T) {
	dir := sampleCopy(t)
	pub := NewPublished(filepath.Join(dir, "public"))
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := pub.Since(s, nil); d != nil {
		t.Errorf("no build yet: %v", d)
	}
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range m.Files {
		paths = append(paths, e.Path)
	}
	if d := pub.Since(s, outputsAt(paths)); len(d) != 0 {
		t.Errorf("the same outputs: %v", d)
	}
	without := slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == "about/index.html" })
	if d := pub.Since(s, outputsAt(without)); len(d) != 1 || !strings.Contains(d[0].Msg, "上次生成的页面 /about/ ") {
		t.Errorf("without about/: %v", d)
	}
	// A build in another terminal adds a page: the manifest is read again.
	if err := os.WriteFile(filepath.Join(dir, "content", "notice.md"), []byte("+++\ntitle = \"通知\"\n+++\n通知。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	if d := pub.Since(s, outputsAt(paths)); len(d) != 1 || !strings.Contains(d[0].Msg, "/notice/") {
		t.Errorf("after a build that added notice/: %v", d)
	}
}

// BenchmarkGonePagesFolderMoved is a folder of 5,000 pages moved at once
// (content/notices/ to content/archive/notices/): each page gone is
// matched to the page of its name that came.
//
//	go test -run '^$' -bench GonePagesFolderMoved ./internal/build
func BenchmarkGonePagesFolderMoved(b *testing.B) {
	s := &site.Site{}
	c := &Changes{}
	for i := range 5000 {
		p := fmt.Sprintf("archive/notices/%04d/", i)
		s.Pages = append(s.Pages, &site.Page{File: "content/" + p + "index.md", Path: p})
		c.Added = append(c.Added, p+"index.html")
		c.Removed = append(c.Removed, fmt.Sprintf("notices/%04d/index.html", i))
	}
	for b.Loop() {
		if d := gonePages(s, c, false); len(d) != 5000 || d[0].File != "content/archive/notices/0000/index.md" {
			b.Fatalf("%d warnings, the first %v", len(d), d[0])
		}
	}
}

// outputsAt are outputs at paths, without their bytes: what gonePages
// reads of them.
func outputsAt(paths []string) []render.Output {
	out := make([]render.Output, len(paths))
	for i, p := range paths {
		out[i] = render.Output{Path: p}
	}
	return out
}

// warnedOf builds the site in dir, or with check only renders it as
// tongbao check does, and returns the warnings whose message holds about.
func warnedOf(t *testing.T, dir string, check bool, about string) []string {
	t.Helper()
	var warned []string
	opts := Options{Source: dir, Warn: func(d diag.Diagnostic) {
		if strings.Contains(d.Msg, about) {
			warned = append(warned, d.String())
		}
	}}
	var err error
	if check {
		_, err = Render(opts)
	} else {
		_, err = Build(context.Background(), opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	return warned
}

// TestPublishedAfterExample: the preview compares nothing with a build of
// tongbao init's imaginary office (Manifest.Example), whose pages every
// page of the office's own site would otherwise be told of as gone.
func TestPublishedAfterExample(t *testing.T) {
	dir := sampleCopy(t)
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	if err := os.MkdirAll(pub, 0o755); err != nil {
		t.Fatal(err)
	}
	tryOut := Manifest{Example: true, Files: []ManifestEntry{{Path: "units/jiazhen/index.html", Size: 1, SHA256: strings.Repeat("0", 64)}}}
	if err := os.WriteFile(filepath.Join(pub, ManifestName), tryOut.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if d := NewPublished(pub).Since(s, outputsAt([]string{"index.html"})); d != nil {
		t.Errorf("after init's try-out: %v", d)
	}
	tryOut.Example = false
	if err := os.WriteFile(filepath.Join(pub, ManifestName), tryOut.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if d := NewPublished(pub).Since(s, outputsAt([]string{"index.html"})); len(d) != 1 || !strings.Contains(d[0].Msg, "上次生成的页面 /units/jiazhen/ ") {
		t.Errorf("after an office's build without /units/jiazhen/: %v, want it told of", d)
	}
}
