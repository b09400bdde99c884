package search

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkAnalyze analyses the text of the seed circular (the real one,
// about 7,000 characters), the unit of work the index does per page.
func BenchmarkAnalyze(b *testing.B) {
	src, err := os.ReadFile("../../../shared/seed/000_77222a4a5e6779f8.txt")
	if err != nil {
		src, err = os.ReadFile("../../content/circulars/2023-02.md")
		if err != nil {
			b.Fatal(err)
		}
	}
	d := Document{Title: "关于区政府2023年1-2月“三重点”落实情况的通报", Number: "双政办函〔2023〕14号", Text: strings.Repeat(string(src), 1)}
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		Analyze(d)
	}
}
