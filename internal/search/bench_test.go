package search

import (
	"os"
	"strings"
	"testing"
)

// seedText is the text of the seed circular (the real one, about 7,000
// characters), the unit of work the search does per page.
func seedText(b *testing.B) string {
	src, err := os.ReadFile("../../../shared/seed/000_77222a4a5e6779f8.txt")
	if err != nil {
		src, err = os.ReadFile("../../content/circulars/2023-02.md")
		if err != nil {
			b.Fatal(err)
		}
	}
	return string(src)
}

// BenchmarkPlainText extracts the text of the seed circular as HTML, one
// paragraph a line.
func BenchmarkPlainText(b *testing.B) {
	html := "<p>" + strings.ReplaceAll(seedText(b), "\n", "</p>\n<p>") + "</p>"
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		PlainText(html)
	}
}

// BenchmarkEntry encodes the seed circular's text as its search entry.
func BenchmarkEntry(b *testing.B) {
	d := Document{Title: "关于区政府2023年1-2月“三重点”落实情况的通报", URL: "circulars/2023/14/", Number: "双政办函〔2023〕14号", Text: PlainText(seedText(b))}
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		Entry(d)
	}
}

// BenchmarkHTMLEntry is BenchmarkPlainText and BenchmarkEntry in one pass.
func BenchmarkHTMLEntry(b *testing.B) {
	html := "<p>" + strings.ReplaceAll(seedText(b), "\n", "</p>\n<p>") + "</p>"
	d := Document{Title: "关于区政府2023年1-2月“三重点”落实情况的通报", URL: "circulars/2023/14/", Number: "双政办函〔2023〕14号"}
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		HTMLEntry(d, html)
	}
}
