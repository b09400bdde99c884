package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// officeSite is one of testdata/offices: a small site of an office shaped
// otherwise than the seed's.
func officeSite(t *testing.T, name string) string {
	return filepath.Join(moduleRoot(t), "testdata", "offices", name)
}

// TestPrintShortAppendix prints, with 打印附表, the appendix of an annual
// circular of four units (testdata/offices/annual): a table shorter than
// the 版心 prints on one page. On screen the page is at least as tall as
// the window, to keep the footer at its foot; on paper that was a page's
// height below the appendix's first line, which starts lower: a second,
// blank page, numbered “— 2 —”.
func TestPrintShortAppendix(t *testing.T) {
	ctx := browsertest.Start(t)
	srv := serveOutputs(t, renderSite(t, officeSite(t, "annual")))
	navigate(t, ctx, srv.URL+"/circulars/2025/3/")
	eval[bool](t, ctx, `(window.print = () => {}, true)`)
	run(t, ctx, "opening the appendix", chromedp.Click(chromedp.CSS(".appendix summary"), chromedp.NodeVisible))
	run(t, ctx, "pressing 打印附表", chromedp.Click(chromedp.CSS("[data-print-appendix]"), chromedp.NodeVisible))
	pdf := printCurrent(t, ctx)
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		if n != 1 {
			t.Errorf("the appendix prints on %d pages; its table is shorter than the 版心, one page", n)
		}
		return
	}
	var all []string
	for _, p := range pages {
		all = append(all, text(p))
	}
	if n != 1 || !strings.HasPrefix(all[0], "江政办〔2025〕3号附：2024年度考核数据") || !strings.Contains(all[0], "第四北区") {
		t.Errorf("the appendix prints on %d pages; want it whole on one:\n%s", n, strings.Join(all, "\n---\n"))
	}
}
