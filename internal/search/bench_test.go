package search

import (
	"cmp"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"tongbao/internal/markdown"
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
	start := cpuTime()
	for b.Loop() {
		PlainText(html)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkAnalyseHTML reads the text and counts the tokens of the seed
// circular as HTML, one paragraph a line: what a build does for each page.
func BenchmarkAnalyseHTML(b *testing.B) {
	d := seedDocument(b)
	html := "<p>" + strings.ReplaceAll(seedText(b), "\n", "</p>\n<p>") + "</p>"
	b.SetBytes(int64(len(html)))
	start := cpuTime()
	for b.Loop() {
		AnalyseHTML(d, html)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkAnalyse counts the tokens of the seed circular.
func BenchmarkAnalyse(b *testing.B) {
	d := seedDocument(b)
	b.SetBytes(int64(len(d.Text)))
	start := cpuTime()
	for b.Loop() {
		Analyse(d)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkTokenize is the reference tokeniser on the same text, for
// comparison.
func BenchmarkTokenize(b *testing.B) {
	d := seedDocument(b)
	b.SetBytes(int64(len(d.Text)))
	start := cpuTime()
	for b.Loop() {
		Tokenize(d.Text)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// corpusBodies are the pages of the plain corpus of bench/corpus, whose
// tongbao site is the folder $TONGBAO_BENCH_CORPUS, converted to HTML as
// a build converts them, with their documents (titles, dates, URLs).
func corpusBodies(b *testing.B) ([]Document, []string) {
	dir := os.Getenv("TONGBAO_BENCH_CORPUS")
	if dir == "" {
		b.Skip("TONGBAO_BENCH_CORPUS is not set: go run ./bench/corpus OUT and set it to OUT/tongbao")
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "notices", "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s/content/notices: %v", dir, err)
	}
	md := markdown.New()
	var docs []Document
	var bodies []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(src), "+++\n")
		front, body, _ := strings.Cut(rest, "+++\n")
		d := Document{Kind: Page, URL: "notices/" + strings.TrimSuffix(filepath.Base(f), ".md") + "/"}
		for line := range strings.Lines(front) {
			k, v, _ := strings.Cut(line, "=")
			switch strings.TrimSpace(k) {
			case "title":
				d.Title = strings.Trim(strings.TrimSpace(v), `"`)
			case "date":
				d.Date = strings.TrimSpace(v)
			}
		}
		html, errs := md.Convert([]byte(body), nil)
		for _, e := range errs {
			if !e.Warning { // a slip converts all the same
				b.Fatalf("%s: %v", f, e)
			}
		}
		docs = append(docs, d)
		bodies = append(bodies, string(html))
	}
	return docs, bodies
}

// BenchmarkCorpusIndex is the search index's work on the plain corpus
// (see corpusBodies), on one goroutine where the build spreads it over
// the cores, so that its time is CPU time: each page's text and tokens
// (analyse), the shards and the documents table (files), and the gzip
// copies (gzip).
// Under valgrind --tool=callgrind it gives instruction counts, which do
// not depend on the machine's load (valgrind stops at the signals of Go's
// asynchronous preemption unless they are turned off, and dies at Go's
// clock on RDTSCP, which it cannot decode; callgrind runs SHA-256
// without the SHA extensions, so its share there is no guide):
//
//	TONGBAO_BENCH_CORPUS=DIR go test -run '^$' -bench CorpusIndex ./internal/search
//	go test -c -o search.test ./internal/search
//	cd internal/search && GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 TONGBAO_BENCH_CORPUS=DIR \
//	    valgrind --tool=callgrind ../../search.test -test.run '^$' -test.bench CorpusIndex -test.benchtime 1x
func BenchmarkCorpusIndex(b *testing.B) {
	docs, bodies := corpusBodies(b)
	ids := Order(docs)
	analyse := func() []*Analysis {
		as := make([]*Analysis, len(docs))
		for i := range docs {
			as[ids[i]] = AnalyseHTML(docs[i], bodies[i])
		}
		return as
	}
	b.Run("analyse", func(b *testing.B) {
		start := cpuTime()
		for b.Loop() {
			analyse()
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	})
	b.Run("files", func(b *testing.B) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		as := analyse()
		start := cpuTime()
		for b.Loop() {
			NewIndex(as).Files(nil, nil)
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	})
	b.Run("gzip", func(b *testing.B) {
		as := analyse()
		files := NewIndex(as).Files(nil, nil)
		start := cpuTime()
		for b.Loop() {
			for _, f := range files {
				Gzip(f.Data)
			}
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	})
}
