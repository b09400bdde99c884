package e2e

import (
	"strings"
	"testing"
)

// seniorTargetsJS measures every target a finger may take on the page —
// each link, button, field, <summary> and element with a tabindex that
// is shown and on the page (the skip link waits above it until focused)
// — and returns one line for each that is too small: a target in a
// sentence, its words running into the link's on one side or the other
// (见<a>奖惩情况</a>, <a>2023年2月</a>第六), must cover its line's height
// (a finger anywhere on the line over its words takes it) and reach no
// further (it would take a finger aimed at the line above or below);
// every other target must be at least 60 × 60 px. Whether a link is in a
// sentence is read off the text around it, not off the stylesheet: a
// label before it (按年份：), a separator or nothing leaves it on its own.
const seniorTargetsJS = `(() => {
  const out = [], words = /[\p{L}\p{N}]/u;
  const name = e => {
    const text = (e.textContent || e.value || e.placeholder || e.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim().slice(0, 16);
    const c = e.parentElement.closest("[class]");
    return e.tagName.toLowerCase() + (c ? " in ." + c.className.split(/\s+/)[0] : "") + " " + JSON.stringify(text);
  };
  // The character shown next to e on the side given, on its line: ""
  // where a space, a box of its own (an inline-block, a block) or
  // nothing is there. Text hidden from the eye (a visually hidden 页面)
  // is passed over.
  const shown = n => n.nodeType === 3 || [...n.getClientRects()].some(r => r.width > 1 && r.height > 1);
  const beside = (e, before) => {
    for (let n = e; ; n = n.parentNode) {
      for (let s = before ? n.previousSibling : n.nextSibling; s; s = before ? s.previousSibling : s.nextSibling) {
        if (!shown(s)) continue;
        if (s.nodeType === 1 && getComputedStyle(s).display !== "inline") return "";
        const t = s.textContent;
        if (t.trim() === "") return "";
        return before ? t.slice(-1) : t.slice(0, 1);
      }
      if (getComputedStyle(n.parentNode).display !== "inline") return "";
    }
  };
  for (const e of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]")) {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (!e.getClientRects().length || s.visibility === "hidden" || (r.width <= 2 && r.height <= 2) || r.bottom + scrollY <= 0) continue;
    if (e.tagName === "A" && (words.test(beside(e, true)) || words.test(beside(e, false)))) {
      // Each of its lines' boxes against the line's height.
      const line = parseFloat(s.lineHeight);
      for (const box of e.getClientRects()) {
        if (box.height < line - 1.5 || box.height > line + 1.5) { out.push(name(e) + " in a sentence: " + Math.round(box.height) + " px high on a line of " + Math.round(line)); break; }
      }
      continue;
    }
    if (r.width < 59.5 || r.height < 59.5) out.push(name(e) + ": " + Math.round(r.width) + " × " + Math.round(r.height) + " px");
  }
  return out;
})()`

// TestSeniorTouchTargets opens a page of each main kind — the home page,
// a circular, the archive, a unit's and an indicator's history, /rankings/,
// the search page with results and a plain page — on phones 360 and 390
// px wide in the 适老模式, every <details> open, and measures every target
// a finger may take: each is at least 60 × 60 px, the MIIT's 适老化 norm,
// or, a link in a sentence, covers its line's height without reaching into
// the next. Before, only the matrices' links were: the 适老模式 button was
// 115 × 45 px, the navigation's entries 45 × 53, the page's tools 40 × 40,
// the search page's fields 55 to 59 px high, the 本页目录's and the lists'
// links 29 px, the years of a history page 44 × 29, and a link in a
// sentence 29 px high on a line of 40.
func TestSeniorTouchTargets(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	pages := []string{"", "circulars/2018/4/", "circulars/", "units/dongfenglu/", "indicators/gongye/", "rankings/", "search/?q=禁毒", "about/"}
	for _, w := range []int64{360, 390} {
		emulate(t, ctx, phone{w, 800})
		choose(t, ctx, srv.URL, senior)
		for _, p := range pages {
			navigate(t, ctx, srv.URL+"/"+p)
			eval[bool](t, ctx, openAll)
			got := eval[[]string](t, ctx, seniorTargetsJS)
			// Many alike (a table's 32 names) are told of once, with
			// their number.
			seen, count := []string{}, map[string]int{}
			for _, g := range got {
				if count[g]++; count[g] == 1 {
					seen = append(seen, g)
				}
			}
			for _, g := range seen {
				t.Errorf("%d px, /%s: %s (%d such)", w, p, g, count[g])
			}
			if p == "search/?q=禁毒" && !strings.Contains(eval[string](t, ctx, `document.querySelector("main").textContent`), "禁毒历次排名") {
				t.Errorf("%d px, /%s: no results to measure", w, p)
			}
		}
	}
}
