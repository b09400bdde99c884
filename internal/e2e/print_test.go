package e2e

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"tongbao/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// A4 is 210 × 297 mm: 595.28 × 841.89 pt.
const a4W, a4H = 210 / 25.4 * 72, 297 / 25.4 * 72

var mediaBoxRE = regexp.MustCompile(`/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]`)

// pageSizes reads the size in points of every /MediaBox of a PDF (Chromium
// writes one per page object, uncompressed).
func pageSizes(t *testing.T, pdf []byte) [][2]float64 {
	t.Helper()
	var sizes [][2]float64
	for _, m := range mediaBoxRE.FindAllSubmatch(pdf, -1) {
		var v [4]float64
		for i := range v {
			f, err := strconv.ParseFloat(string(m[i+1]), 64)
			if err != nil {
				t.Fatalf("MediaBox %q: %v", m[0], err)
			}
			v[i] = f
		}
		sizes = append(sizes, [2]float64{v[2] - v[0], v[3] - v[1]})
	}
	return sizes
}

// printPDF prints the page at url as Chromium does with “use the page's
// CSS size”, with no browser header or footer.
func printPDF(t *testing.T, ctx context.Context, url string) []byte {
	t.Helper()
	navigate(t, ctx, url)
	return run(t, ctx, "printing "+url, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
}

// pdfPages returns the text of each page, whitespace removed (the text of a
// PDF is cut into lines where the layout wrapped it), using pdftotext if it
// is installed; nil if it is not.
func pdfPages(t *testing.T, pdf []byte, n int) []string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if browsertest.CI() {
			t.Fatalf("pdftotext not found; under CI=true the print test must read the PDF (%s)", browsertest.InstallHint)
		}
		t.Logf("pdftotext not found: the PDF's text is not checked (%s)", browsertest.InstallHint)
		return nil
	}
	name := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var pages []string
	for i := 1; i <= n; i++ {
		out, err := exec.Command(pdftotext, "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), "-enc", "UTF-8", name, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", i, err)
		}
		pages = append(pages, strings.Join(strings.Fields(string(out)), ""))
	}
	return pages
}

// TestPrintA4 prints the sample circular 双政办函〔2023〕14号 (信函格式) to
// PDF: A4 pages, at least two of them, the title and 文号 on page 1, and
// the page numbers of GB/T 9704 — none on the first page of a 信函格式
// document, “— 2 —” on the second.
func TestPrintA4(t *testing.T) {
	ctx := browsertest.Start(t)
	outs := renderSite(t, sampleSite(t))
	srv := serveOutputs(t, outs)

	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	sizes := pageSizes(t, pdf)
	if len(sizes) < 2 {
		t.Fatalf("%d pages (MediaBoxes) printed; the circular takes at least 2", len(sizes))
	}
	for i, s := range sizes {
		if math.Abs(s[0]-a4W) > 1 || math.Abs(s[1]-a4H) > 1 {
			t.Errorf("page %d is %.2f × %.2f pt; want A4, %.2f × %.2f pt", i+1, s[0], s[1], a4W, a4H)
		}
	}
	t.Logf("%d A4 pages", len(sizes))

	pages := pdfPages(t, pdf, 2)
	if pages == nil {
		return
	}
	for _, want := range []string{"邵阳市双清区人民政府办公室", "关于区政府2023年1-2月“三重点”落实情况的通报", "双政办函〔2023〕14号"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("page 1 lacks %q; it reads %q", want, pages[0])
		}
	}
	if strings.Contains(pages[0], "—1—") {
		t.Errorf("page 1 of a 信函格式 circular carries a page number (GB/T 9704: none on its first page): %q", pages[0])
	}
	if !strings.HasSuffix(pages[1], "—2—") {
		t.Errorf("page 2 does not end with its page number “— 2 —”: …%q", tail(pages[1], 40))
	}
	// Only the document is printed: no navigation, no portal metadata, no
	// download links.
	for _, hidden := range []string{"跳到正文", "适老模式", "索引号", "考核数据下载", "返回通报归档", "网站标识码"} {
		for i, p := range pages {
			if strings.Contains(p, hidden) {
				t.Errorf("page %d prints %q, which is for the screen only", i+1, hidden)
			}
		}
	}
}

// TestPrintFileFormat prints the same circular in 文件格式, whose first page
// does carry its number: “— 1 —” at the foot of page 1.
func TestPrintFileFormat(t *testing.T) {
	ctx := browsertest.Start(t)
	dir := copySite(t, sampleSite(t))
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), `format = "letter"`, `format = "file"`)
	srv := serveOutputs(t, renderSite(t, dir))

	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	sizes := pageSizes(t, pdf)
	if len(sizes) < 2 {
		t.Fatalf("%d pages printed; want at least 2", len(sizes))
	}
	pages := pdfPages(t, pdf, 2)
	if pages == nil {
		return
	}
	if !strings.Contains(pages[0], "邵阳市双清区人民政府办公室文件") {
		t.Errorf("page 1 lacks the 文件格式 标志 “…文件”: %q", pages[0])
	}
	if !strings.HasSuffix(pages[0], "—1—") {
		t.Errorf("page 1 does not end with “— 1 —”: …%q", tail(pages[0], 40))
	}
	if !strings.HasSuffix(pages[1], "—2—") {
		t.Errorf("page 2 does not end with “— 2 —”: …%q", tail(pages[1], 40))
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}
