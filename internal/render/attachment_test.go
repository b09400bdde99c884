package render

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCircularAttachments renders a circular in 文件格式 with two
// attachments, a 附注, 抄送 and a 印发 line, and one in 信函格式 with one
// attachment, and a plain page with one: the files beside the pages, byte
// for byte; the 附件说明 after the body, numbered only when there are
// several; the 附注 below the date; the 版记 at the foot; the attachments'
// names searchable.
func TestCircularAttachments(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n", `data = "2023-02"
format = "file"
note = "此件公开发布"
cc = "市政府办公室，区委办公室"
printer = "测试区人民政府办公室秘书科"
printed = 2023-04-04
[[attachment]]
title = "2023年2月考核得分汇总表"
file = "附件/汇总表.xlsx"
[[attachment]]
title = "通报原件"
file = "附件/原件.pdf"
`, 1)
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "data = \"2023-01\"\n", `data = "2023-01"
[[attachment]]
title = "整改清单"
file = "附件/整改清单.docx"
`, 1)
	xlsx := "PK\x03\x04" + strings.Repeat("x", 12*1024-4) // 12 KB
	pdf := "%PDF-1.7\n" + strings.Repeat("y", 1536*1024)  // 1.5 MB and 9 bytes
	f["content/circulars/附件/汇总表.xlsx"] = xlsx
	f["content/circulars/附件/原件.pdf"] = pdf
	f["content/circulars/附件/整改清单.docx"] = "PK docx"
	// A plain page has attachments too: a notice with its form.
	f["content/notices/2023-05.md"] = "+++\ntitle = \"关于填报考核数据的通知\"\ndate = 2023-05-04\n[[attachment]]\ntitle = \"考核数据填报表\"\nfile = \"../circulars/附件/整改清单.docx\"\n+++\n请各单位填报。\n"
	files := renderFiles(t, loadFiles(t, f), "/tongbao/")

	for path, want := range map[string]string{
		"circulars/2023/5/attachment-1.xlsx": xlsx,
		"circulars/2023/5/attachment-2.pdf":  pdf,
		"circulars/2023/2/attachment-1.docx": "PK docx",
		"notices/2023-05/attachment-1.docx":  "PK docx",
	} {
		if got, ok := files[path]; !ok || string(got) != want {
			t.Errorf("%s: %d bytes (written: %v), want the attachment's %d", path, len(got), ok, len(want))
		}
	}

	page := string(files["circulars/2023/5/index.html"])
	parts := []string{
		`<div class="doc-body">`,
		`<span class="doc-attachments-label">附件：</span>`,
		`<ol class="doc-attachments-list" role="list">`,
		`<li><a href="attachment-1.xlsx" download="附件1 2023年2月考核得分汇总表.xlsx">2023年2月考核得分汇总表</a><span class="doc-attachment-meta">（XLSX，12 KB）</span></li>`,
		`<li><a href="attachment-2.pdf" download="附件2 通报原件.pdf">通报原件</a><span class="doc-attachment-meta">（PDF，1.5 MB）</span></li>`,
		`<p class="doc-sign-date"><time datetime="2023-04-03">2023年4月3日</time></p>`,
		`<p class="doc-note">（此件公开发布）</p>`,
		`<footer class="doc-record" aria-label="版记">`,
		`<p class="doc-cc">抄送：市政府办公室，区委办公室。</p>`,
		`<p class="doc-printed"><span>测试区人民政府办公室秘书科</span><span>2023年4月4日印发</span></p>`,
	}
	at := 0
	for _, p := range parts {
		i := strings.Index(page[at:], p)
		if i < 0 {
			t.Fatalf("the circular lacks, after what comes before it, %s", p)
		}
		at += i + len(p)
	}

	page = string(files["circulars/2023/2/index.html"])
	for _, want := range []string{
		`<ol class="doc-attachments-list single" role="list">`,
		`<a href="attachment-1.docx" download="附件 整改清单.docx">整改清单</a><span class="doc-attachment-meta">（DOCX，7 B）</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the circular with one attachment lacks %s", want)
		}
	}
	if page := string(files["notices/2023-05/index.html"]); !strings.Contains(page, `<a href="attachment-1.docx" download="附件 考核数据填报表.docx">考核数据填报表</a><span class="doc-attachment-meta">（DOCX，7 B）</span>`) ||
		strings.Index(page, "请各单位填报。") > strings.Index(page, "doc-attachments") {
		t.Errorf("the notice does not list its attachment after its text:\n%s", page)
	}
	for _, not := range []string{"doc-note", "doc-record"} {
		if strings.Contains(page, not) {
			t.Errorf("a circular without 附注 or 版记 has %s", not)
		}
	}

	// The names are searchable: tokens only they hold (原件 of 通报原件,
	// 总表 of 汇总表, 报表 of 填报表) are in the index's shards, and
	// without the attachments are not.
	tokens := func(files map[string][]byte) string {
		var all []byte
		for path, data := range files {
			if strings.HasPrefix(path, "search/s/") && strings.HasSuffix(path, ".bin") || strings.HasPrefix(path, "search/p/") && strings.HasSuffix(path, ".bin") {
				all = append(all, data...)
			}
		}
		return string(all)
	}
	with := tokens(files)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "title = \"通报原件\"", "title = \"另件\"", 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "title = \"2023年2月考核得分汇总表\"", "title = \"2023年2月考核得分\"", 1)
	f["content/notices/2023-05.md"] = strings.Replace(f["content/notices/2023-05.md"], "考核数据填报表", "考核数据", 1)
	without := tokens(renderFiles(t, loadFiles(t, f), "/tongbao/"))
	for _, tok := range []string{"原件", "总表", "报表"} {
		if !strings.Contains(with, tok) || strings.Contains(without, tok) {
			t.Errorf("%s: in the index with the attachments %v, without them %v; want only with", tok, strings.Contains(with, tok), strings.Contains(without, tok))
		}
	}
}

// TestFeedEnclosures: a circular's attachments are its feed entry's
// enclosures, with their types and sizes, and are listed in its
// data.json.
func TestFeedEnclosures(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], `baseURL = "/"`, `baseURL = "https://www.example.gov.cn/"`, 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n",
		"data = \"2023-02\"\n[[attachment]]\ntitle = \"考核得分表\"\nfile = \"附件/得分表.xlsx\"\n[[attachment]]\ntitle = \"原件\"\nfile = \"附件/原件.ofd\"\n", 1)
	f["content/circulars/附件/得分表.xlsx"] = "PK 12345"
	f["content/circulars/附件/原件.ofd"] = "PK ofd"
	var feed testFeed
	files := renderFiles(t, loadFiles(t, f), "https://www.example.gov.cn/")
	parseXML(t, files, "feed.xml", &feed)
	if len(feed.Entries) == 0 {
		t.Fatal("no entries")
	}
	want := []testLink{
		{Rel: "alternate", Type: "text/html", Href: "https://www.example.gov.cn/circulars/2023/5/"},
		{Rel: "enclosure", Type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Href: "https://www.example.gov.cn/circulars/2023/5/attachment-1.xlsx", Title: "考核得分表", Length: "8"},
		{Rel: "enclosure", Type: "application/ofd", Href: "https://www.example.gov.cn/circulars/2023/5/attachment-2.ofd", Title: "原件", Length: "6"},
	}
	if got := feed.Entries[0].Links; !slices.Equal(got, want) {
		t.Errorf("the newest entry's links:\n%+v\nwant\n%+v", got, want)
	}
	if got := feed.Entries[1].Links; len(got) != 1 {
		t.Errorf("an entry without attachments has links %+v", got)
	}

	var data OpenData
	if err := json.Unmarshal(files["circulars/2023/5/data.json"], &data); err != nil {
		t.Fatal(err)
	}
	wantData := []OpenAttachment{
		{Title: "考核得分表", URL: "https://www.example.gov.cn/circulars/2023/5/attachment-1.xlsx", Type: "xlsx", Size: 8},
		{Title: "原件", URL: "https://www.example.gov.cn/circulars/2023/5/attachment-2.ofd", Type: "ofd", Size: 6},
	}
	if got := data.Circular.Attachments; !slices.Equal(got, wantData) {
		t.Errorf("data.json's attachments:\n%+v\nwant\n%+v", got, wantData)
	}
	if bytes.Contains(files["circulars/2023/2/data.json"], []byte(`"attachments"`)) {
		t.Error("the data.json of a circular without attachments lists them")
	}
}

func TestFileSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 B", 999: "999 B", 1000: "1 KB", 12 * 1024: "12 KB", 1000*1024 - 1: "1000 KB",
		1000 * 1024: "1.0 MB", 1536 * 1024: "1.5 MB", 10 * 1024 * 1024: "10 MB", 50 << 20: "50 MB",
	} {
		if got := fileSize(n); got != want {
			t.Errorf("fileSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestAttachmentsThroughTheCache renders a circular's and a page's
// attachments as the preview does, through the cache, then again after
// each file changed: the pages state the new sizes and the new files are
// written, as a fresh render has them.
func TestAttachmentsThroughTheCache(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n",
		"data = \"2023-02\"\n[[attachment]]\ntitle = \"得分表\"\nfile = \"附件/得分表.xlsx\"\n", 1)
	f["content/notices/2023-05.md"] = "+++\ntitle = \"通知\"\n[[attachment]]\ntitle = \"填报表\"\nfile = \"../附件/填报表.docx\"\n+++\n正文。\n"
	f["content/circulars/附件/得分表.xlsx"] = "PK 1"
	f["content/附件/填报表.docx"] = "PK 2"
	dir := writeFiles(t, f)
	render := cachedRenderer(t, dir)
	render()
	for _, c := range []struct{ file, page, output string }{
		{"content/circulars/附件/得分表.xlsx", "circulars/2023/5/index.html", "circulars/2023/5/attachment-1.xlsx"},
		{"content/附件/填报表.docx", "notices/2023-05/index.html", "notices/2023-05/attachment-1.docx"},
	} {
		data := strings.Repeat("x", 2048)
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(c.file)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		files := render()
		if !bytes.Contains(files[c.page], []byte("，2 KB）")) {
			t.Errorf("%s does not state the new size of %s", c.page, c.file)
		}
		if json := strings.Replace(c.page, "index.html", "data.json", 1); strings.HasPrefix(c.page, "circulars/") && !bytes.Contains(files[json], []byte(`"size":2048`)) {
			t.Errorf("%s does not state the new size of %s", json, c.file)
		}
		if string(files[c.output]) != data {
			t.Errorf("%s is not the new %s", c.output, c.file)
		}
	}
}

// TestLinkedFiles: the files a body links to are written beside its page
// once each, named by where they are (file-db99c85c.jpg: the first four
// bytes of SHA-256 of content/circulars/图/现场.jpg, by sha256sum), and
// its links and images point there; a link
// to one of the page's attachments points at the attachment, and only a
// file a browser would not show downloads, under its own name. A link to
// a file that is not there stays as written, until the file appears: the
// preview's cache sees that, and the new version of a file.
func TestLinkedFiles(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n+++\n正文。\n",
		"data = \"2023-02\"\n[[attachment]]\ntitle = \"得分表\"\nfile = \"附件/得分表.xlsx\"\n+++\n"+
			"![现场](图/现场.jpg)\n\n![分布](图/分布.png)\n\n见[得分表](附件/得分表.xlsx)、[原图](./图/现场.jpg)、[说明](附件/说明.pdf)、[新图](图/新.png)和[本期数据](data.csv)。\n", 1)
	f["content/notices/2023-05.md"] = "+++\ntitle = \"通知\"\n+++\n请填写[填报表](../附件/填报表.docx)，见[说明](../附件/说明.txt)。\n"
	f["content/circulars/图/现场.jpg"] = "JFIF photo" // no picture the header tells the size of
	f["content/circulars/图/分布.png"] = pngOf(t, 40, 30)
	f["content/circulars/附件/得分表.xlsx"] = "PK xlsx"
	f["content/circulars/附件/说明.pdf"] = "%PDF note"
	f["content/附件/填报表.docx"] = "PK docx"
	dir := writeFiles(t, f)
	render := cachedRenderer(t, dir)
	check := func(files map[string][]byte, written map[string]string, html map[string][]string) {
		t.Helper()
		for path, want := range written {
			if got, ok := files[path]; string(got) != want || !ok {
				t.Errorf("%s: %q (written: %v), want %q", path, got, ok, want)
			}
		}
		for path, parts := range html {
			for _, p := range parts {
				if !bytes.Contains(files[path], []byte(p)) {
					t.Errorf("%s lacks %s", path, p)
				}
			}
		}
	}
	files := render()
	check(files, map[string]string{
		"circulars/2023/5/attachment-1.xlsx": "PK xlsx",
		"circulars/2023/5/file-db99c85c.jpg": "JFIF photo",
		"circulars/2023/5/file-cd4b0a2c.png": f["content/circulars/图/分布.png"],
		"circulars/2023/5/file-5c03307e.pdf": "%PDF note",
		"notices/2023-05/file-9676ab33.docx": "PK docx",
	}, map[string][]string{
		"circulars/2023/5/index.html": {
			`<p class="figure"><img src="file-db99c85c.jpg" alt="现场"></p>`,
			`<p class="figure"><img src="file-cd4b0a2c.png" alt="分布" width="40" height="30" loading="lazy"></p>`,
			// The first picture whose size is known is the portal's thumbnail.
			`<meta name="Image" content="/circulars/2023/5/file-cd4b0a2c.png">`,
			`见<a href="attachment-1.xlsx" download="附件 得分表.xlsx">得分表</a>、<a href="file-db99c85c.jpg">原图</a>、<a href="file-5c03307e.pdf">说明</a>、`,
			`<a href="%E5%9B%BE/%E6%96%B0.png">新图</a>和<a href="data.csv">本期数据</a>。`,
		},
		"notices/2023-05/index.html": {`请填写<a href="file-9676ab33.docx" download="填报表.docx">填报表</a>，见<a href="../%E9%99%84%E4%BB%B6/%E8%AF%B4%E6%98%8E.txt">说明</a>。`},
	})
	var written []string
	for path := range files {
		if strings.HasPrefix(path, "circulars/2023/5/file-") {
			written = append(written, path)
		}
	}
	if len(written) != 3 { // 现场.jpg linked twice, 分布.png, 说明.pdf
		t.Errorf("beside the circular %q, want three files", written)
	}

	// The missing picture and text appear, the photograph is retaken.
	writeFiles := map[string]string{"content/circulars/图/新.png": "PNG new", "content/circulars/图/现场.jpg": "JFIF retaken, larger", "content/附件/说明.txt": "说明"}
	for name, data := range writeFiles {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check(render(), map[string]string{
		"circulars/2023/5/file-db99c85c.jpg": "JFIF retaken, larger",
		"circulars/2023/5/file-f5b14541.png": "PNG new",
		"notices/2023-05/file-0f357350.txt":  "说明",
	}, map[string][]string{
		"circulars/2023/5/index.html": {`<a href="file-f5b14541.png">新图</a>和<a href="data.csv">本期数据</a>。`},
		"notices/2023-05/index.html":  {`见<a href="file-0f357350.txt">说明</a>。`},
	})
}

// cachedRenderer renders the site in dir as the preview does after each
// save: through one site cache and one render cache kept between calls.
func cachedRenderer(t *testing.T, dir string) func() map[string][]byte {
	pv := &preview{dir: dir}
	return func() map[string][]byte {
		t.Helper()
		files := map[string][]byte{}
		for _, o := range pv.render(t) {
			files[o.Path] = contentOf(t, o)
		}
		return files
	}
}

// TestPageLinks: a body's link to another Markdown file of the site
// points at that page's address, its fragment kept; a link to a file the
// site has no page of stays as written. Through the preview's cache, a
// linked circular given another 文号 (so another address), and a linked
// page created, are seen by the pages that link to them.
func TestPageLinks(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "+++\n正文。\n",
		"+++\n上期见[1月通报](2023-01.md#一)，另见[说明](../notices/说明.md)。\n", 1)
	f["content/notices/2023-05.md"] = "+++\ntitle = \"通知\"\n+++\n依据[2月通报](../circulars/2023-02.md)。\n"
	dir := writeFiles(t, f)
	render := cachedRenderer(t, dir)
	has := func(files map[string][]byte, path, want string) {
		t.Helper()
		if !bytes.Contains(files[path], []byte(want)) {
			t.Errorf("%s lacks %s", path, want)
		}
	}
	files := render()
	has(files, "circulars/2023/5/index.html", `上期见<a href="/circulars/2023/2/#%E4%B8%80">1月通报</a>，另见<a href="../notices/%E8%AF%B4%E6%98%8E.md">说明</a>。`)
	has(files, "notices/2023-05/index.html", `依据<a href="/circulars/2023/5/">2月通报</a>。`)

	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The pages that link change nothing of their own.
	write("content/circulars/2023-01.md", strings.Replace(f["content/circulars/2023-01.md"], "〔2023〕2号", "〔2023〕3号", 1))
	write("content/notices/说明.md", "+++\ntitle = \"说明\"\n+++\n说明。\n")
	has(render(), "circulars/2023/5/index.html", `上期见<a href="/circulars/2023/3/#%E4%B8%80">1月通报</a>，另见<a href="/notices/%E8%AF%B4%E6%98%8E/">说明</a>。`)
	write("content/circulars/2023-02.md", strings.Replace(f["content/circulars/2023-02.md"], "〔2023〕5号", "〔2023〕6号", 1))
	files = render()
	has(files, "notices/2023-05/index.html", `依据<a href="/circulars/2023/6/">2月通报</a>。`)
}

// pngOf is a PNG picture of width × height pixels.
func pngOf(t *testing.T, width, height int) string {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, width, height))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTopic: a circular's 主题分类 is the site's ([terms] topic), or its
// own; a site that sets none has the default, 综合政务.
func TestTopic(t *testing.T) {
	f := historySite()
	files := renderFiles(t, loadFiles(t, f), "/")
	if want := "<dt>主题分类</dt><dd>综合政务</dd>"; !bytes.Contains(files["circulars/2023/5/index.html"], []byte(want)) {
		t.Errorf("by default, no %s", want)
	}
	f["config.toml"] = strings.Replace(f["config.toml"], "[terms]\n", "[terms]\ntopic = \"城乡建设、环境保护\"\n", 1)
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "data = \"2023-01\"\n", "data = \"2023-01\"\ntopic = \"安全生产监管\"\n", 1)
	files = renderFiles(t, loadFiles(t, f), "/")
	for page, want := range map[string]string{
		"circulars/2023/5/index.html": "<dt>主题分类</dt><dd>城乡建设、环境保护</dd>",
		"circulars/2023/2/index.html": "<dt>主题分类</dt><dd>安全生产监管</dd>",
	} {
		if !bytes.Contains(files[page], []byte(want)) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
}
