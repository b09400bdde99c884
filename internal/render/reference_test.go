package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
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

var update = flag.Bool("update", false, "rewrite docs/reference.md's tables of the open data's columns and fields")

// openDataBlock is a generated table of docs/reference.md: between
// <!-- open-data NAME --> and <!-- end open-data -->.
var openDataBlock = regexp.MustCompile(`(?s)(<!-- open-data ([^ ]+) -->\n).*?(<!-- end open-data -->)`)

// openDataTables are docs/reference.md's tables of the open data, by
// block name: the CSV files' columns and the fields of data.json and
// data/catalogue.json, each with what /data/ says of it, in the sample's
// words ([terms]' defaults). The CSV's are those of a site with groups
// ranked overall too, so that 组别 and the overall rank's columns
// (全区排名, 全区并列) are among them.
func openDataTables(t *testing.T) map[string]string {
	t.Helper()
	s := loadSample(t)
	s.Groups = []*site.Group{{Name: "示例组"}}
	s.Config.Ranking.Overall = true
	c, err := newCore(s, rank.Archive(loadSample(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := &openData{core: c}
	table := func(head string, fields []DataField) string {
		var b strings.Builder
		fmt.Fprintf(&b, "| %s | 说明 |\n|---|---|\n", head)
		for _, f := range fields {
			fmt.Fprintf(&b, "| `%s` | %s |\n", f.Name, strings.ReplaceAll(f.Doc, "|", `\|`))
		}
		return b.String()
	}
	return map[string]string{
		"csv":                 table("列", o.csvColumns()),
		"measures.csv":        table("列", o.measuresColumns()),
		"data.json":           table("字段", dataFields(nil, reflect.TypeFor[OpenData](), "", o.words(), nil)),
		"data/catalogue.json": table("字段", dataFields(nil, reflect.TypeFor[OpenCatalogue](), "", o.words(), nil)),
	}
}

// TestReferenceOpenData: docs/reference.md's tables of the open data are
// those /data/ gives (openDataTables); go test ./internal/render -run
// TestReferenceOpenData -update writes them.
func TestReferenceOpenData(t *testing.T) {
	const file = "../../docs/reference.md"
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	tables := openDataTables(t)
	seen := map[string]bool{}
	out := openDataBlock.ReplaceAllStringFunc(doc, func(block string) string {
		m := openDataBlock.FindStringSubmatch(block)
		table, ok := tables[m[2]]
		if !ok {
			t.Errorf("docs/reference.md has a table of the open data %s, which is no file's", m[2])
			return block
		}
		seen[m[2]] = true
		return m[1] + table + m[3]
	})
	for name := range tables {
		if !seen[name] {
			t.Errorf("docs/reference.md has no <!-- open-data %s --> table", name)
		}
	}
	if out == doc {
		return
	}
	if *update {
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("docs/reference.md's tables of the open data differ from what /data/ says: run go test ./internal/render -run TestReferenceOpenData -update")
}

// TestReferenceDescribesPublishedData walks the open data as published —
// every data.json, data/catalogue.json and CSV header of the sample, a
// demo year and the offices of testdata — and fails on any field or
// column that docs/reference.md's tables do not name: a field written
// otherwise than from OpenData's struct (a map, a marshaller) would
// pass the tables' test and not this one.
func TestReferenceDescribesPublishedData(t *testing.T) {
	b, err := os.ReadFile("../../docs/reference.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]string{}
	for _, m := range openDataBlock.FindAllStringSubmatch(string(b), -1) {
		blocks[m[2]] = m[0]
	}
	missing := map[string]bool{}
	for name, files := range publishedSites(t) {
		for path, data := range files {
			var block string
			switch {
			case path == catalogueFile:
				block = "data/catalogue.json"
			case strings.HasSuffix(path, "/data.json"):
				block = "data.json"
			case strings.HasSuffix(path, ".csv"):
				block = "csv"
				if path == measuresFile {
					block = "measures.csv"
				}
				header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(utf8BOM)))).Read()
				if err != nil {
					t.Fatalf("%s %s: %v", name, path, err)
				}
				for i, h := range header {
					if (i != 2 || block != "csv") && !strings.Contains(blocks[block], "| `"+h+"` |") { // the rank CSVs' third is [terms] unit
						missing[block+" "+h] = true
					}
				}
				continue
			default:
				continue
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatalf("%s %s: %v", name, path, err)
			}
			for _, p := range jsonPaths(nil, v, "") {
				if !strings.Contains(blocks[block], "| `"+p+"` |") {
					missing[block+" "+p] = true
				}
			}
		}
	}
	for _, m := range slices.Sorted(maps.Keys(missing)) {
		t.Errorf("docs/reference.md does not describe %s", m)
	}
}
