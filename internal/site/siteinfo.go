package site

import (
	"net/url"
	"regexp"
	"strings"
)

// This file reads [site] of config.toml (DESIGN.md §3): the portal's
// identity in meta tags, the footer's fields and the site's icons.

// A Target is where a footer entry leads, as [site] writes it: an address
// outside the site (URL: https://…, mailto:…, tel:…), a page of the site
// (Page, a path below baseURL's path: "about/"), or nowhere (Text alone,
// e.g. a telephone number).
type Target struct {
	URL  string
	Page string
	Text string // the value as written
}

// IsSet reports whether the entry was given.
func (t Target) IsSet() bool { return t.Text != "" }

// An assetRef is a [site] key naming a file of layouts/assets/, and where
// it is written: the file is looked for once the layouts are read.
type assetRef struct {
	key, name string
	line, col int
}

var (
	schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):`)
	emailRE  = regexp.MustCompile(`^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$`)
	// pageRE is a path of the site as [site] writes it: "about/",
	// "/notices/contact/", "contact.html".
	pageRE = regexp.MustCompile(`^/?[A-Za-z0-9_.~-]+(/[A-Za-z0-9_.~-]+)*/?$`)
)

// siteInfo reads [site].
func siteInfo(st *record, f *tomlFile) SiteInfo {
	si := SiteInfo{
		Name:    st.text("name"),
		Domain:  st.text("domain"),
		IDCode:  st.text("idCode"),
		OrgCode: st.text("orgCode"),
		ICP:     strings.TrimSpace(st.text("icp")),
		Police:  strings.TrimSpace(st.text("police")),
		Favicon: st.text("favicon"),
		Badge:   st.text("govBadge"),
	}
	if d := si.Domain; d != "" {
		if u, err := url.Parse("https://" + d); err != nil || u.Host != d || strings.ContainsAny(d, " \t") {
			f.errorf(st.at("domain"), "domain 应为网站域名，如“www.example.gov.cn”（不含 https:// 和路径），而不是“%s”", d)
			si.Domain = ""
		}
	}
	target := func(key string, text bool) Target {
		v := strings.TrimSpace(st.text(key))
		t := Target{Text: v}
		switch m := schemeRE.FindStringSubmatch(v); {
		case v == "":
		case m != nil:
			switch strings.ToLower(m[1]) {
			case "http", "https", "mailto", "tel":
				t.URL = v
			default:
				f.errorf(st.at(key), "%s 应为 https:// 网址、电子邮箱或站内页面路径（如 about/），而不是“%s”", key, v)
				return Target{}
			}
		case emailRE.MatchString(v):
			t.URL = "mailto:" + v
		case pageRE.MatchString(v) && (strings.Contains(v, "/") || strings.Contains(v, ".")):
			t.Page = strings.TrimPrefix(v, "/")
		case !text:
			f.errorf(st.at(key), "%s 应为 https:// 网址、电子邮箱或站内页面路径（如 about/），而不是“%s”", key, v)
			return Target{}
		}
		return t
	}
	si.Contact = target("contact", true)
	si.Errata = target("errata", false)
	si.BadgeLink = target("govBadgeLink", false)
	if si.BadgeLink.IsSet() && si.Badge == "" {
		f.errorf(st.at("govBadgeLink"), "有 govBadgeLink 时须用 govBadge 指定党政机关标识图片（layouts/assets/ 下的文件）")
	}
	for _, key := range []string{"favicon", "govBadge"} {
		if name := st.text(key); name != "" {
			line, col := f.position(st.at(key))
			si.assets = append(si.assets, assetRef{key, name, line, col})
		}
	}
	return si
}

// checkAssetRefs reports a [site] key naming a file that layouts/assets/
// does not hold. It runs on every load: a cached config may name a file
// since removed.
func (l *loader) checkAssetRefs() {
	for _, r := range l.s.Config.Site.assets {
		found := false
		for _, a := range l.s.Assets {
			found = found || a.Name == r.name
		}
		if !found {
			l.diags.Add("config.toml", r.line, r.col, "%s 所指文件 layouts/assets/%s 不存在", r.key, r.name)
			continue
		}
		if r.key == "favicon" && !strings.HasSuffix(strings.ToLower(r.name), ".ico") && !strings.HasSuffix(strings.ToLower(r.name), ".png") {
			l.diags.Add("config.toml", r.line, r.col, "favicon 应为 .ico 或 .png 文件（它也写作站点根目录的 favicon.ico），而不是 %s", r.name)
		}
	}
}
