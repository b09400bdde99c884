package render

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// jointSite is historySite whose 2023-02 circular the district's party
// committee office issues with the government office, the site's
// issuer, in 文件格式, printed the day after its date.
func jointSite(format string) map[string]string {
	f := historySite()
	f["content/circulars/2023-02.md"] = "+++\nnumber = \"测办发〔2023〕5号\"\ntitle = \"关于测试的通报\"\ndate = 2023-04-03\ndata = \"2023-02\"\n" +
		"format = \"" + format + "\"\nissuers = [\"中共测试区委办公室\", \"测试区人民政府办公室\"]\nprinted = 2023-04-04\n+++\n正文。\n"
	if format == "letter" {
		f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "printed = 2023-04-04\n", "", 1)
	}
	return f
}

// wbrRE is what orgName puts round and between an office's parts; each
// match replaced by $1 leaves the name's text.
var wbrRE = regexp.MustCompile(`<span class="org-part">([^<]*)</span>|<wbr>`)

// A joint circular in 文件格式: the letterhead stacks the names, the lead
// office's first, with 文件 after them; one 文号; the title, the
// metadata's 发布机构 and ArticleTitle name both, ContentSource and the
// 印发机关 the lead office; the signature lists both in order, the last
// over the date.
func TestJointCircularPage(t *testing.T) {
	files := renderFiles(t, loadFiles(t, jointSite("file")), "/")
	page := wbrRE.ReplaceAllString(string(files["circulars/2023/5/index.html"]), "$1")
	for _, want := range []string{
		`<p class="doc-issuer doc-issuer-joint"><span class="doc-issuer-names"><span>中共测试区委办公室</span><span>测试区人民政府办公室</span></span><span class="doc-issuer-file">文件</span></p>`,
		`<span class="doc-title-issuer org-name"><span class="doc-title-name">中共测试区委办公室</span> <span class="doc-title-name">测试区人民政府办公室</span></span><span class="doc-title-rest">关于测试的通报</span>`,
		`<dt>发布机构</dt><dd>中共测试区委办公室 测试区人民政府办公室</dd>`,
		`<p class="doc-printed"><span>中共测试区委办公室</span><span>2023年4月4日印发</span></p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := strings.Count(page, `class="doc-number"`); n != 1 {
		t.Errorf("%d 文号 lines, want the lead office's one", n)
	}
	if !strings.Contains(page, `<p class="doc-number">测办发〔2023〕5号</p>`) {
		t.Error("the 文号 is not under the letterhead")
	}
	meta := metaContent(page)
	if got, want := meta["ArticleTitle"], "中共测试区委办公室 测试区人民政府办公室关于测试的通报"; got != want {
		t.Errorf("ArticleTitle %q, want %q", got, want)
	}
	if got, want := meta["ContentSource"], "中共测试区委办公室"; got != want {
		t.Errorf("ContentSource %q, want the lead office %q", got, want)
	}
	// The signature: the lead office's name, then the last's, then the date.
	sign := page[strings.Index(page, `<footer class="doc-sign doc-sign-joint">`):]
	sign = sign[:strings.Index(sign, "</footer>")]
	order := []string{
		`<p class="doc-sign-issuer"><span class="org-name">中共测试区委办公室</span></p>`,
		`<div class="doc-sign-last">`,
		`<p class="doc-sign-issuer"><span class="org-name">测试区人民政府办公室</span></p>`,
		`<p class="doc-sign-date"><time datetime="2023-04-03">2023年4月3日</time></p>`,
	}
	at := 0
	for _, part := range order {
		k := strings.Index(sign[at:], part)
		if k < 0 {
			t.Fatalf("the signature lacks, after what precedes it, %s:\n%s", part, sign)
		}
		at += k + len(part)
	}

	// The other circulars are the site's issuer's alone, as before.
	single := wbrRE.ReplaceAllString(string(files["circulars/2023/2/index.html"]), "$1")
	for _, want := range []string{`<p class="doc-issuer">测试区人民政府办公室</p>`, `<dt>发布机构</dt><dd>测试区人民政府办公室</dd>`, `<footer class="doc-sign">`} {
		if !strings.Contains(single, want) {
			t.Errorf("a single office's circular lacks %s", want)
		}
	}
	if strings.Contains(single, "doc-sign-joint") || strings.Contains(single, "doc-issuer-joint") {
		t.Error("a single office's circular is set as a joint one")
	}
}

// In 信函格式 a joint circular has the lead office's 标志 alone (GB/T
// 9704-2012 §10.1), its signature both names.
func TestJointLetter(t *testing.T) {
	files := renderFiles(t, loadFiles(t, jointSite("letter")), "/")
	page := wbrRE.ReplaceAllString(string(files["circulars/2023/5/index.html"]), "$1")
	if !strings.Contains(page, `<p class="doc-issuer">中共测试区委办公室</p>`) || strings.Contains(page, "doc-issuer-joint") {
		t.Error("the letter's 标志 is not the lead office's alone")
	}
	if !strings.Contains(page, `<footer class="doc-sign doc-sign-joint">`) || !strings.Contains(page, `<span class="org-name">测试区人民政府办公室</span>`) {
		t.Error("the letter's signature does not list both offices")
	}
}

// data.json's circular.issuers lists the offices, the lead first, the
// site's issuer alone for the others; the feed's entry of the joint
// circular names both as its authors, the others none of their own.
func TestJointOpenDataAndFeed(t *testing.T) {
	files := renderFiles(t, loadFiles(t, jointSite("file")), "/")
	for path, want := range map[string][]string{
		"circulars/2023/5/data.json": {"中共测试区委办公室", "测试区人民政府办公室"},
		"circulars/2023/2/data.json": {"测试区人民政府办公室"},
	} {
		var d struct {
			Circular struct {
				Number  string   `json:"number"`
				Issuers []string `json:"issuers"`
			} `json:"circular"`
		}
		if err := json.Unmarshal(files[path], &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !slices.Equal(d.Circular.Issuers, want) {
			t.Errorf("%s: issuers %q, want %q", path, d.Circular.Issuers, want)
		}
	}
	feed := regexp.MustCompile(`>\s+<`).ReplaceAllString(string(files["feed.xml"]), "><")
	entry := feed[strings.Index(feed, "<entry>"):]
	for _, e := range strings.Split(entry, "<entry>")[1:] {
		authors := strings.Count(e, "<author>")
		switch {
		case strings.Contains(e, "/circulars/2023/5/"):
			if want := "<author><name>中共测试区委办公室</name></author><author><name>测试区人民政府办公室</name></author>"; !strings.Contains(e, want) {
				t.Errorf("the joint circular's entry lacks %s:\n%s", want, e)
			}
		case authors != 0:
			t.Errorf("a single office's entry has %d authors of its own:\n%s", authors, e)
		}
	}
}

// A 附注 written as a list is one paragraph each in parentheses, in order,
// after the signature (GB/T 9704-2012 §7.3.6).
func TestNotesEachInParentheses(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n",
		"data = \"2023-02\"\nnote = [\"此件公开发布\", \"联系人：王明，联系电话：0739-1234567\"]\n", 1)
	page := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
	want := "</footer>\n    <p class=\"doc-note\">（此件公开发布）</p>\n    <p class=\"doc-note\">（联系人：王明，联系电话：0739-1234567）</p>"
	if !strings.Contains(page, want) {
		k := strings.Index(page, `<footer class="doc-sign">`)
		t.Errorf("the page lacks, after the signature, %q:\n%s", want, page[k:min(len(page), k+600)])
	}
}
