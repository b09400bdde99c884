package search

import (
	"cmp"
	"os"
	"strings"
	"testing"
)

// seedText is the text of the seed circular (the real one, about 7,000
// characters), the unit of work the search does per page; or the file
// $SEARCH_BENCH_TEXT names.
func seedText(b *testing.B) string {
	src, err := os.ReadFile(cmp.Or(os.Getenv("SEARCH_BENCH_TEXT"), "../../../shared/seed/000_77222a4a5e6779f8.txt"))
	if err != nil {
		src, err = os.ReadFile("../../content/circulars/2023-02.md")
		if err != nil {
			b.Fatal(err)
		}
	}
	return string(src)
}

// seedDocument is the seed circular as a document.
func seedDocument(b *testing.B) Document {
	return Document{Kind: Circular, Title: "邵阳市双清区人民政府办公室关于区政府2023年1-2月“三重点”落实情况的通报", URL: "circulars/2023/14/",
		Date: "2023-04-03", Number: "双政办函〔2023〕14号", Names: []string{"关于区政府2023年1-2月“三重点”落实情况的通报"}, Text: PlainText(seedText(b))}
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

// BenchmarkAnalyse counts the tokens of the seed circular.
func BenchmarkAnalyse(b *testing.B) {
	d := seedDocument(b)
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		Analyse(d)
	}
}

// BenchmarkTokenize is the reference tokeniser on the same text, for
// comparison.
func BenchmarkTokenize(b *testing.B) {
	d := seedDocument(b)
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		Tokenize(d.Text)
	}
}
