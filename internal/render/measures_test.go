package render

import (
	"strings"
	"testing"
)

// TestInterviewsNameTheirAction renders historySite for an office whose
// measures are 通报表扬 and 约谈, by rules on the composite: with more than
// one kind, `interviews` without an argument says which each entry is;
// with an argument, or with one kind, it does not repeat the heading's
// word. 2023-02's composite by hand: 甲街道 first in both township
// indicators (rank points 100, 100), 丙镇 last in both (33.33, 33.33).
func TestInterviewsNameTheirAction(t *testing.T) {
	for _, tc := range []struct {
		actions, body string
		want          []string
	}{
		{`["通报表扬", "约谈"]`, "{{< interviews >}}", []string{
			"<p>甲街道，通报表扬（乡镇、街道综合考核排名第一）；</p>",
			"<p>丙镇主要负责人，约谈（乡镇、街道综合考核排名倒数第一）。</p>"}},
		{`["通报表扬", "约谈"]`, "{{< interviews \"约谈\" >}}", []string{
			"<p>丙镇主要负责人（乡镇、街道综合考核排名倒数第一）。</p>"}},
		{`["奖励", "约谈"]`, "{{< interviews >}}", []string{
			"<p>丙镇主要负责人（乡镇、街道综合考核排名倒数第一）。</p>"}},
	} {
		f := historySite()
		f["config.toml"] = strings.Replace(f["config.toml"], "[terms]\n", "[terms]\nactions = "+tc.actions+"\n", 1)
		praise := strings.Trim(strings.SplitN(tc.actions, ",", 2)[0], `[" `)
		if praise != "奖励" {
			f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"" + praise + "\"\n"
		}
		f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\n"
		f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", tc.body, 1)
		circ := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
		for _, w := range tc.want {
			if !strings.Contains(circ, w) {
				i := strings.Index(circ, "丙镇主要负责人")
				t.Errorf("%s with actions %s: no %s in\n%s", tc.body, tc.actions, w, circ[max(i-300, 0):min(i+300, len(circ))])
			}
		}
		body := circ[strings.Index(circ, `<div class="doc-body">`):]
		body = body[:strings.Index(body, "</div>")]
		if n := strings.Count(body, "<p>"); n != len(tc.want) {
			t.Errorf("%s with actions %s: %d measures, want %d", tc.body, tc.actions, n, len(tc.want))
		}
	}
}
