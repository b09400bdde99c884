package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// TestRootLinkWarnings: links written from the host's root in a page's
// body are held to the files the build writes. Built at "/", a link to an
// address the site has not (/nothing/, /zwgk/other/) is warned of where
// it is written; one it has (/about/, the sample circular's page with a
// fragment) or the home page is not. Built under /zwgk/tb/, the links
// to the site's own pages that forgot that path are warned of, with the
// address to write; those to what the site has not, and /, are the
// portal's, and said nothing of. Columns counted by hand, in characters.
func TestRootLinkWarnings(t *testing.T) {
	dir := sampleCopy(t)
	about := filepath.Join(dir, "content", "about.md")
	b, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(b, []byte("\n")) + 2 // after a blank line
	b = append(b, "\n[关于](/about/)、[无](/nothing/)、[首页](/)、[上期](/circulars/2023/14/#附件)、[门户](/zwgk/other/)\n"...)
	if err := os.WriteFile(about, b, 0o644); err != nil {
		t.Fatal(err)
	}
	warnings := func(baseURL string) []string {
		t.Helper()
		var got []string
		if _, err := Build(context.Background(), Options{Source: dir, Dest: t.TempDir(), BaseURL: baseURL, Warn: func(d diag.Diagnostic) {
			if strings.Contains(d.Msg, "网址") {
				got = append(got, d.String())
			}
		}}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	at := func(col int, msg string) string {
		return fmt.Sprintf("content/about.md:%d:%d: 警告：%s", line, col, msg)
	}
	for _, c := range []struct {
		base string
		want []string
	}{
		{"/", []string{
			at(15, "本站没有链接的网址 /nothing/，这个链接会失效"),
			at(67, "本站没有链接的网址 /zwgk/other/，这个链接会失效"),
		}},
		{"https://www.example.gov.cn/zwgk/tb/", []string{
			at(1, "链接的 /about/ 在本站的网址 /zwgk/tb/ 之外，指向门户网站的 /about/，不是本站的页面；应写作 /zwgk/tb/about/，或写它的 Markdown 文件"),
			at(38, "链接的 /circulars/2023/14/#附件 在本站的网址 /zwgk/tb/ 之外，指向门户网站的 /circulars/2023/14/#附件，不是本站的页面；应写作 /zwgk/tb/circulars/2023/14/#附件，或写它的 Markdown 文件"),
		}},
	} {
		if got := warnings(c.base); !slices.Equal(got, c.want) {
			t.Errorf("built at %s: warnings\n%s\nwant\n%s", c.base, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}
