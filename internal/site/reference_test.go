package site

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the key tables of docs/reference.md from the format descriptions")

const referenceFile = "../../docs/reference.md"

// referenceFormats are the formats docs/reference.md lists, each in the
// block its marker names: <!-- keys config.toml --> … <!-- end keys -->.
var referenceFormats = []struct {
	name string
	f    *Format
}{
	{"config.toml", ConfigFile},
	{"data/units.toml", UnitsFile},
	{"data/indicators.toml", IndicatorsFile},
	{"data/YYYY-MM.toml", MonthFile},
	{"circular", CircularFront},
	{"page", PageFront},
}

var keysBlockRE = regexp.MustCompile(`(?s)(<!-- keys ([^ ]+) -->\n).*?(<!-- end keys -->)`)

// TestReference holds docs/reference.md to the loader: the table of keys
// of each data file there is the one written from its description here,
// so the reference lists every key the loader knows, no more, with its
// label, kind and help (which states its default). go test -run
// TestReference -update rewrites the tables; the prose around them is
// written by hand.
func TestReference(t *testing.T) {
	b, err := os.ReadFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	seen := map[string]bool{}
	out := keysBlockRE.ReplaceAllStringFunc(doc, func(block string) string {
		m := keysBlockRE.FindStringSubmatch(block)
		name := m[2]
		for _, rf := range referenceFormats {
			if rf.name == name {
				seen[name] = true
				return m[1] + keyTables(rf.f, name) + m[3]
			}
		}
		t.Errorf("docs/reference.md has a table of keys of %s, which no format describes", name)
		return block
	})
	if name := "terms-defaults"; strings.Contains(out, "<!-- "+name+" -->") {
		out = regexp.MustCompile(`(?s)(<!-- terms-defaults -->\n).*?(<!-- end terms-defaults -->)`).
			ReplaceAllString(out, "${1}"+strings.ReplaceAll(termsDefaults(), "$", "$$")+"${2}")
	} else {
		t.Error("docs/reference.md has no <!-- terms-defaults --> block")
	}
	for _, rf := range referenceFormats {
		if !seen[rf.name] {
			t.Errorf("docs/reference.md has no <!-- keys %s --> block: the keys of %s are not listed", rf.name, rf.f.Name)
		}
	}
	if out == doc {
		return
	}
	if *update {
		if err := os.WriteFile(referenceFile, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("docs/reference.md's tables of keys differ from the format descriptions: run go test ./internal/site -run TestReference -update")
}

// keyTables writes the keys of f as Markdown tables: the top-level keys,
// then a table per section or array of tables.
func keyTables(f *Format, file string) string {
	var b strings.Builder
	split := func(fields []Field) (own, nested []Field) {
		for _, fl := range fields {
			if fl.Kind == Section || fl.Kind == Tables {
				nested = append(nested, fl)
			} else {
				own = append(own, fl)
			}
		}
		return own, nested
	}
	top, nested := split(f.Fields)
	// parent is the table a Scores or Lists field is a table below:
	// [result.townships].
	table := func(parent string, fields []Field) {
		b.WriteString("\n| 键 | 名称 | 值 | 说明 |\n|---|---|---|---|\n")
		for _, fl := range fields {
			key := "`" + fl.Key + "`"
			switch fl.Kind {
			case Scores, Lists:
				key = "`[" + parent + fl.Key + "]`"
			}
			req := ""
			if fl.Required {
				req = "**必填**。"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s%s |\n", key, fl.Label, kindText(fl), req, cell(GenericWords().Replace(fl.Help)))
		}
	}
	if len(top) > 0 {
		table("", top)
	}
	// A table within a table ([[indicator.change]]) follows its own.
	var tables func(prefix string, nested []Field)
	tables = func(prefix string, nested []Field) {
		for _, fl := range nested {
			header := "[" + prefix + fl.Key + "]"
			if fl.Kind == Tables {
				header = "[[" + prefix + fl.Key + "]]"
			}
			fmt.Fprintf(&b, "\n**`%s` %s**：%s\n", header, fl.Label, cell(GenericWords().Replace(fl.Help)))
			own, sub := split(fl.Fields)
			table(prefix+fl.Key+".", own)
			tables(prefix+fl.Key+".", sub)
		}
	}
	tables("", nested)
	return b.String()
}

// kindText says in Chinese what a value of the field is written as.
func kindText(f Field) string {
	if len(f.Values) > 0 {
		quoted := make([]string, len(f.Values))
		for i, v := range f.Values {
			quoted[i] = "`" + Quote(v) + "`"
		}
		return strings.Join(quoted, " 或 ")
	}
	switch f.Kind {
	case Text:
		return "文字"
	case Integer:
		return "整数"
	case Number:
		return "数"
	case Flag:
		return "`true` 或 `false`"
	case Rank:
		return "名次（正整数）"
	case UnitRef:
		return "单位名称"
	case IndicatorRef:
		return "指标 id"
	case Scores:
		return "表：单位名称或 slug = 得分"
	case Lists:
		return "表：类名 = [单位名称…]"
	case Texts:
		return "文字数组"
	case Noted:
		return "文字数组（每项也可写作带 `reason` 的表）"
	case Day:
		return "日期（不加引号）"
	case UnitSet:
		return "`\"all\"` 或名称数组"
	case Lines:
		return "文字或文字数组"
	}
	panic(fmt.Sprintf("no text for kind %d", f.Kind))
}

// cell makes text safe in a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// termsDefaults writes the [terms] words of defaults.toml as a table.
func termsDefaults() string {
	d := defaultTerms()
	var b strings.Builder
	b.WriteString("\n| 键 | 默认值 |\n|---|---|\n")
	for _, kv := range [][2]string{
		{"unit", Quote(d.Unit)}, {"department", Quote(d.Department)}, {"scope", Quote(d.Scope)},
		{"city", Quote(d.City)}, {"cityRank", Quote(d.CityRank)}, {"peer", Quote(d.Peer)},
		{"sections", quoteAll(d.Sections)}, {"actions", quoteAll(d.Actions)}, {"column", Quote(d.Column)}, {"topic", Quote(d.Topic)},
	} {
		fmt.Fprintf(&b, "| `%s` | `%s` |\n", kv[0], kv[1])
	}
	return b.String()
}

func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = Quote(w)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// TestOptionalKeysStateDefaults: the help of every key that may be left
// out says what leaving it out means, so the reference (and a workbook's
// notes, and init's comments) state every default.
func TestOptionalKeysStateDefaults(t *testing.T) {
	says := regexp.MustCompile(`默认|不填|不写|可不|须同时|有 \[\[group\]\] 时必填|时填`)
	var walk func(format string, prefix string, fields []Field)
	walk = func(format, prefix string, fields []Field) {
		for _, f := range fields {
			switch {
			case f.Kind == Section:
				walk(format, prefix+f.Key+".", f.Fields)
			case f.Kind == Tables:
				walk(format, prefix+f.Key+".", f.Fields)
			case !f.Required && !says.MatchString(GenericWords().Replace(f.Help)):
				t.Errorf("%s: %s%s may be left out, but its help does not say what that means: %s", format, prefix, f.Key, f.Help)
			}
		}
	}
	for _, rf := range referenceFormats {
		walk(rf.name, "", rf.f.Fields)
	}
}
