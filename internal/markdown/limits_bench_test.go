package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// The inputs of BenchmarkLimits: the pathological texts of issue 11 and
// the others found in goldmark, and the largest texts each limit admits.
//
//	go test ./internal/markdown -run '^$' -bench Limits -benchtime 1x
//
// measures how long Convert takes on each ("after": refused at once, or
// rendered). With TONGBAO_BENCH_BEFORE=1 it also measures goldmark on the
// pathological ones without the limits ("before", as tongbao was): minutes.
var (
	// pathological are refused by Check.
	pathological = []struct {
		name string
		src  func() string
	}{
		{"issue/quote-100k", func() string { return strings.Repeat(">", 100_000) + "\n" }},
		{"issue/quote-200k", func() string { return strings.Repeat(">", 200_000) + "\n" }},
		{"issue/dash-100k", func() string { return strings.Repeat("- ", 100_000) + "x\n" }},
		{"issue/footnotes-40k", func() string { return footnotes(40_000) }},
		{"issue/list-2000-levels", func() string { return nestedList(2000) }},
		{"found/quote-list-64k", func() string { return strings.Repeat("> - ", 64_000) + "x\n" }},
		{"found/ordered-64k", func() string { return strings.Repeat("1. ", 64_000) + "x\n" }},
		{"found/emphasis-unmatched-64k", func() string { return strings.Repeat("*_**__a ", 16_000) + "\n" }},
		{"found/link-destinations-16k", func() string { return strings.Repeat("[a](", 16_000) + "\n" }},
		{"found/link-angle-destinations-16k", func() string { return strings.Repeat("[a](<", 16_000) + "\n" }},
		{"found/link-titles-64k-lines", func() string { return strings.Repeat("[a](b (\n", 64_000) }},
		{"found/backtick-runs-4000", func() string { return backtickRuns(4000) }},
		{"found/link-ref-definitions-64k", func() string {
			var b strings.Builder
			for i := range 64_000 {
				fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
			}
			return b.String()
		}},
		{"found/footnote-definitions-nested-16k", func() string { return strings.Repeat("[^a]: ", 16_000) + "x\n" }},
		{"found/list-items-1m", func() string { return strings.Repeat("- a\n", 1<<20) }},
		{"found/autolinks-1m", func() string { return strings.Repeat("<http://a>\n", 1<<20) }},
	}

	// admitted are the largest inputs within the limits, each near 10 MB
	// where the limits allow: all must render in well under 2 s.
	admitted = []struct {
		name string
		src  func() string
	}{
		{"plain-10MB", func() string { return plainText(10 << 20) }},
		{"plain-one-paragraph-10MB", func() string { return strings.Repeat(fill("正文", 250)+"\n", 40_000) }},
		{"nesting-32-levels", func() string {
			line := strings.Repeat("> ", 32) + fill("引文", 9<<20/(MaxBlocks/33)) + "\n"
			return strings.Repeat(line, MaxBlocks/33)
		}},
		{"list-2x32-levels", func() string { return strings.Repeat(nestedList(32)+"\n", MaxBlocks/64) }},
		{"list-items-50k", func() string { return strings.Repeat("- "+fill("项", 180)+"\n", MaxBlocks/2) }},
		{"headings-50k", func() string { return strings.Repeat("## 标题\n", MaxBlocks) }},
		{"shortcodes-50k", func() string { return strings.Repeat("{{< table \"jindu\" >}}\n", MaxBlocks) }},
		{"table-50k-rows", func() string {
			return "| 单位 | 得分 |\n|---|---:|\n" + strings.Repeat("| 火车站乡 | 98.5 |\n", MaxBlocks-2)
		}},
		{"autolinks-50k", func() string { return strings.Repeat("<http://a>"+fill("文", 30)+"\n\n", MaxInlineMarks) }},
		{"links-25k", func() string { return strings.Repeat("[链接](/a/)"+fill("文", 30)+"\n\n", MaxInlineMarks/2) }},
		{"emphasis-budget", func() string {
			// 10,000 runs in one paragraph, none of which match: 10⁸.
			return strings.Repeat("*_**__a ", 2_500) + "\n\n" + plainText(10<<20-40_000)
		}},
		{"scan-budget", func() string {
			// One line of 48 KB with 1,000 link destinations: 0.49·10⁸.
			return strings.Repeat("[a](", 1000) + fill("b", 44_000) + "\n\n" + plainText(10<<20-50_000)
		}},
		{"titles-budget", func() string {
			// A paragraph of 800 lines, each a link title that does not
			// end: 800 · 800 · (8 + 64) = 0.46·10⁸.
			return strings.Repeat("[a](b (\n", 800) + "\n" + plainText(10<<20-10_000)
		}},
		{"footnotes-1000", func() string {
			var b strings.Builder
			for i := range MaxFootnoteRefs {
				fmt.Fprintf(&b, "正文[^%d]", i%MaxFootnotes+1)
			}
			b.WriteString("\n\n")
			for i := range MaxFootnotes {
				fmt.Fprintf(&b, "[^%d]: 注释%d\n", i+1, i+1)
			}
			return b.String()
		}},
		{"ref-definitions-budget", func() string {
			// 50 paragraphs of 200 definitions and 800 lines: 10⁷.
			var b strings.Builder
			for range 50 {
				for i := range 200 {
					fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
				}
				b.WriteString(strings.Repeat("正文\n", 800) + "\n")
			}
			return b.String()
		}},
		{"all-limits-at-once", allLimits},
	}
)

// plainText is plain paragraphs of ten lines of 253 bytes, about size
// bytes.
func plainText(size int) string {
	return fill(strings.Repeat(fill("正文", 252)+"\n", 10)+"\n", size)
}

// allLimits is one text that comes near every limit at once: each budget
// nearly spent, the blocks and marks nearly all used, 10 MB.
func allLimits() string {
	var b strings.Builder
	b.WriteString(strings.Repeat("*_**__a ", 2_475) + "\n\n")                // emphasis: 0.98·10⁸; 9,900 marks
	b.WriteString(strings.Repeat("[a](", 230) + fill("b", 200_000) + "\n\n") // scan: 0.46·10⁸; 460 marks
	for i := range 4_000 {                                                   // 8,000 marks
		fmt.Fprintf(&b, "正文[^%d]", i%MaxFootnotes+1)
	}
	b.WriteString("\n\n")
	for i := range MaxFootnotes { // 2,000 blocks
		fmt.Fprintf(&b, "[^%d]: 注释%d\n", i+1, i+1)
	}
	b.WriteString("\n")
	for i := range 2_400 { // 0.96·10⁷; 4,000 blocks, 4,800 marks
		fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
	}
	b.WriteString(strings.Repeat("正文\n", 1_600) + "\n")
	b.WriteString("| 单位 | 得分 |\n|---|---:|\n") // 7,000 blocks, 21,000 marks
	for range 7_000 {
		b.WriteString("| <http://a> | [链接](/a/) |\n")
	}
	b.WriteString("\n")
	b.WriteString(strings.Repeat(nestedList(32)+"\n", 390))                       // 25,000 blocks
	b.WriteString(strings.Repeat(fill("正文", 2040)+"\n", (10<<20-b.Len())/2041-1)) // the rest: 4,500 blocks
	return b.String()
}

// resolveAny renders every shortcode as a small table.
func resolveAny(Shortcode) (template.HTML, error) {
	return "<table><tr><td>火车站乡</td><td>98.5</td></tr></table>", nil
}

// fill repeats unit to about size bytes.
func fill(unit string, size int) string { return strings.Repeat(unit, max(1, size/len(unit))) }

// convertUnchecked is ConvertValid without the limits: goldmark as tongbao
// used it before them.
func (c *Converter) convertUnchecked(src []byte) []byte {
	var buf bytes.Buffer
	_ = c.doc.Renderer().Render(&buf, src, c.parse(src))
	return buf.Bytes()
}

func BenchmarkLimits(b *testing.B) {
	c := New()
	before := os.Getenv("TONGBAO_BENCH_BEFORE") != ""
	for _, p := range pathological {
		src := []byte(p.src())
		b.Run(p.name+"/after", func(b *testing.B) {
			for b.Loop() {
				if _, errs := c.ConvertValid(src, nil, nil); len(errs) != 1 {
					b.Fatalf("not refused: %v", errs)
				}
			}
			b.SetBytes(int64(len(src)))
		})
		if before {
			b.Run(p.name+"/before", func(b *testing.B) {
				for b.Loop() {
					c.convertUnchecked(src)
				}
				b.SetBytes(int64(len(src)))
			})
		}
	}
	for _, a := range admitted {
		src := []byte(a.src())
		b.Run("admitted/"+a.name, func(b *testing.B) {
			for b.Loop() {
				if _, errs := c.ConvertValid(src, resolveAny, nil); len(errs) != 0 {
					b.Fatalf("refused: %v", errs)
				}
			}
			b.SetBytes(int64(len(src)))
		})
	}
}

// TestLimitCases: every pathological input is refused, every admitted one
// accepted and under the 10 MB cap. (How long they take is measured by
// BenchmarkLimits.)
func TestLimitCases(t *testing.T) {
	if testing.Short() {
		t.Skip("makes about 200 MB of input")
	}
	for _, p := range pathological {
		if err := Check([]byte(p.src())); err == nil {
			t.Errorf("%s: accepted", p.name)
		}
	}
	for _, a := range admitted {
		src := []byte(a.src())
		if len(src) > 10<<20 {
			t.Errorf("%s: %d bytes, over the 10 MB cap", a.name, len(src))
		}
		if err := Check(src); err != nil {
			t.Errorf("%s: refused at %d:%d: %s", a.name, err.Line, err.Col, err.Msg)
		}
	}
}

// BenchmarkCheck is what the limits cost every build: Check over the
// sample circular's body and over 8 KB of ordinary Chinese text (the
// plain corpus of bench/run.sh).
func BenchmarkCheck(b *testing.B) {
	circular, err := os.ReadFile("../../content/circulars/2023-02.md")
	if err != nil {
		b.Fatal(err)
	}
	page := []byte(fill("各乡镇（街道）要按照**通知**要求，做好第三季度的[重点工作](/a/)。\n\n", 8<<10))
	for name, src := range map[string][]byte{"circular": circular, "page-8KB": page} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if err := Check(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckBaseline is utf8.Valid over the same page, a pass the
// loader makes over every source anyway: Check's speed compared with it,
// in one run, says what it adds.
func BenchmarkCheckBaseline(b *testing.B) {
	page := []byte(fill("各乡镇（街道）要按照**通知**要求，做好第三季度的[重点工作](/a/)。\n\n", 8<<10))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if !utf8.Valid(page) {
			b.Fatal("invalid")
		}
	}
}
