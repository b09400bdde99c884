package e2e

import (
	"fmt"
	"testing"
)

// columnEdges is where the content of the header, of the main column and
// of the footer begins and ends across the page, in px.
const columnEdges = `(() => {
  const edges = sel => {
    const e = document.querySelector(sel), r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return Math.round(r.left + parseFloat(s.paddingLeft)) + "–" + Math.round(r.right - parseFloat(s.paddingRight));
  };
  return [edges(".site-header-inner"), edges("main > .container"), edges(".site-footer-inner")].join(" ");
})()`

// TestColumnWidths opens every page type of the five-year demo on a
// desktop screen (1280 px): the header's and the footer's content are as
// wide as the page's column — the wide one of the history pages too
// (issue 15 found the header 700 px wide above panels of 892 px).
func TestColumnWidths(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := demoSite(t)
	outs := renderSite(t, dir)
	srv := serveOutputs(t, outs)
	for _, p := range pageTypes(t, dir, outs) {
		navigate(t, ctx, srv.URL+"/"+p.Path)
		var header, column, footer string
		n, _ := fmt.Sscan(eval[string](t, ctx, columnEdges), &header, &column, &footer)
		if n != 3 || header != column || footer != column {
			t.Errorf("%s: the header's content spans %s px, the column %s px, the footer's %s px; want them alike", describe(p), header, column, footer)
		}
	}
}
