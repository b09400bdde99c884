package site

import (
	"strings"
	"testing"
)

// TestSiteInfo reads [site]'s footer keys the way DESIGN.md §3 has staff
// write them: an address, an e-mail, a page of the site, or text.
func TestSiteInfo(t *testing.T) {
	files := miniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "[site]\n", `[site]
name = "测试区人民政府"
domain = "www.test.gov.cn"
icp = " 湘ICP备12345678号-1 "
police = "湘公网安备 43050202000123号"
contact = "zhengwu@test.gov.cn"
errata = "/notices/errata/"
favicon = "img/icon.png"
govBadge = "img/dzjg.png"
govBadgeLink = "https://bszs.conac.cn/sitename?method=show&id=1"
`, 1)
	files["layouts/assets/img/icon.png"] = "PNG"
	files["layouts/assets/img/dzjg.png"] = "PNG"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	si := s.Config.Site
	for _, c := range []struct{ name, got, want string }{
		{"domain", si.Domain, "www.test.gov.cn"},
		{"icp", si.ICP, "湘ICP备12345678号-1"},
		{"police", si.Police, "湘公网安备 43050202000123号"},
		{"contact", si.Contact.URL, "mailto:zhengwu@test.gov.cn"},
		{"errata page", si.Errata.Page, "notices/errata/"},
		{"errata URL", si.Errata.URL, ""},
		{"favicon", si.Favicon, "img/icon.png"},
		{"govBadge", si.Badge, "img/dzjg.png"},
		{"govBadgeLink", si.BadgeLink.URL, "https://bszs.conac.cn/sitename?method=show&id=1"},
	} {
		if c.got != c.want {
			t.Errorf("%s read as %q, want %q", c.name, c.got, c.want)
		}
	}

	for _, c := range []struct{ value, url, page string }{
		{"https://www.test.gov.cn/lxwm/", "https://www.test.gov.cn/lxwm/", ""},
		{"tel:0739-5555555", "tel:0739-5555555", ""},
		{"about/", "", "about/"},
		{"contact.html", "", "contact.html"},
		{"电话：0739-5555555", "", ""}, // text, printed as it is
	} {
		files := miniSite()
		files["config.toml"] = strings.Replace(files["config.toml"], "[site]\n", "[site]\ncontact = \""+c.value+"\"\n", 1)
		s, err := Load(writeSite(t, files))
		if err != nil {
			t.Errorf("contact = %q: %v", c.value, err)
			continue
		}
		if got := s.Config.Site.Contact; got.URL != c.url || got.Page != c.page || got.Text != c.value {
			t.Errorf("contact = %q read as %+v; want URL %q, Page %q", c.value, got, c.url, c.page)
		}
	}
}

// TestValid: front matter valid defaults to 有效 and keeps what is
// written; anything else is a diagnostic at its line (testdata/bad has
// the wrong values).
func TestValid(t *testing.T) {
	files := miniSite()
	files["content/about.md"] = "+++\ntitle = \"关于\"\nvalid = \"废止\"\n+++\n正文。\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Circulars[0].Valid; v != "有效" {
		t.Errorf("a circular without valid is %q, want 有效", v)
	}
	if v := s.Pages[0].Valid; v != "废止" {
		t.Errorf("the page's valid read as %q, want 废止", v)
	}
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "data = ", "valid = \"失效\"\ndata = ", 1)
	if s, err = Load(writeSite(t, files)); err != nil {
		t.Fatal(err)
	}
	if v := s.Circulars[0].Valid; v != "失效" {
		t.Errorf("the circular's valid read as %q, want 失效", v)
	}
}
