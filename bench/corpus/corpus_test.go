package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// repoRoot is the repository's own site, whose settings the corpus uses.
const repoRoot = "../.."

func loadSample(tb testing.TB) *site.Site {
	tb.Helper()
	s, err := site.Load(repoRoot)
	if err != nil {
		tb.Fatalf("loading the sample site: %v", err)
	}
	return s
}

func TestFiles(t *testing.T) {
	sample := loadSample(t)
	const n = 50
	files := Files(sample, n, 1)
	if again := Files(sample, n, 1); fmt.Sprint(again) != fmt.Sprint(files) {
		t.Error("the same seed gave different files")
	}
	var total int
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("content/notices/%04d.md", i)
		md := files["tongbao/"+name]
		if md == nil || !bytes.Equal(md, files["hugo/"+name]) {
			t.Fatalf("%s: missing, or not the same file in both sites", name)
		}
		total += len(md)
		// Page 1 is dated 2023-02-28, each next page one day older.
		date := lastDate.AddDate(0, 0, 1-i).Format("2006-01-02")
		if !bytes.Contains(md, []byte("\ndate  = "+date+"\n+++\n")) {
			t.Errorf("%s: front matter has no date %s", name, date)
		}
		for _, want := range []string{"+++\ntitle = \"关于做好", "\n## 一、", "\n### （三）", "\n**（一）", "\n- ", "\n1. ", "\n| --- | --- | --- | ---: |\n"} {
			if !bytes.Contains(md, []byte(want)) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	if avg := total / n; avg < 8<<10 || avg > 10<<10 {
		t.Errorf("pages average %d bytes; want about 8 KB", avg)
	}
	if files["hugo/layouts/_default/baseof.html"] == nil {
		t.Error("the Hugo site lacks its base layout")
	}
	// The tongbao site uses the built-in theme, whose stylesheet the
	// Hugo site links by the same fingerprinted name.
	for name := range files {
		if strings.HasPrefix(name, "tongbao/layouts/") {
			t.Errorf("the tongbao site holds %s; the sample overrides no layout", name)
		}
	}
	css, _ := theme.Read("assets/css/site.css")
	if files["hugo/static/"+fingerprint("assets/css/site.css", css)] == nil {
		t.Error("the Hugo site lacks the built-in stylesheet")
	}
	if css := fingerprint("assets/css/site.css", []byte("body{}")); css != "assets/css/site.7c98040a.css" {
		// printf "body{}" | sha256sum starts 7c98040a.
		t.Errorf("fingerprint = %s", css)
	}
}

// TestTongbaoSiteLoads checks that the tongbao half is a valid site whose
// pages are all plain pages of one folder.
func TestTongbaoSiteLoads(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, Files(loadSample(t), 30, 1)); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(filepath.Join(dir, "tongbao"))
	if err != nil {
		t.Fatalf("the corpus does not load: %v", err)
	}
	if len(s.Pages) != 30 || len(s.Circulars) != 0 || len(s.Months) != 0 {
		t.Fatalf("loaded %d pages, %d circulars, %d months; want 30, 0, 0", len(s.Pages), len(s.Circulars), len(s.Months))
	}
	if p := s.Pages[0]; p.Path != "notices/0001/" || !strings.HasPrefix(p.Title, "关于做好2023年") || p.Date.String() != "2023-02-28" {
		t.Errorf("first page: %s %q %s", p.Path, p.Title, p.Date)
	}
	if err := write(dir, nil); err == nil {
		t.Error("writing into a folder that is not empty is not refused")
	}
}
