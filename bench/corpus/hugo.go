package main

import (
	"fmt"
	"strings"

	"tongbao/internal/site"
)

// The Hugo side of the corpus. Its layouts are tongbao's base.html,
// partials, page.html, list.html, home.html and 404.html translated to
// Hugo's names and functions, so that both generators write the same
// pages (same markup, same meta tags, same links); only the Markdown
// renderers differ where tongbao deliberately departs from CommonMark
// (emphasis next to Chinese punctuation, heading ids). Hugo's Markdown is
// set up like tongbao's: tables and footnotes on, typographer, linkify,
// strikethrough, task lists and definition lists off, raw HTML omitted.
// Taxonomies and RSS are off (the corpus has neither; tongbao's feed lists
// circulars only); the sitemap and robots.txt stay on, as tongbao writes
// both. A folder's list page is titled with the folder's name, as tongbao
// titles it (Hugo would capitalise it). The header and footer are cached
// with Hugo's partialCached, as tongbao's base.html caches them.

func hugoConfig(c site.Config) []byte {
	return fmt.Appendf(nil, `baseURL        = "/"
languageCode   = %s
title          = %s
disableHugoGeneratorInject = true
disableKinds   = ["taxonomy", "term", "RSS"]
enableRobotsTXT = true

[params]
name   = %s
domain = %s
idcode = %s

[markup.goldmark.extensions]
definitionList = false
footnote       = true
linkify        = false
strikethrough  = false
table          = true
taskList       = false
typographer    = false

[markup.goldmark.parser]
autoHeadingID     = true
autoHeadingIDType = "github"

[markup.goldmark.renderer]
unsafe = false
`, site.Quote(c.Language), site.Quote(c.Title), site.Quote(c.Site.Name), site.Quote(c.Site.Domain), site.Quote(c.Site.IDCode))
}

// hugoLayouts returns the Hugo layouts by path below layouts/.
func hugoLayouts(sample *site.Site) map[string]string {
	css := "/assets/css/site.css"
	for _, a := range sample.Assets {
		if a.Name == "css/site.css" {
			css = "/" + fingerprint("assets/"+a.Name, a.Data)
		}
	}
	return map[string]string{
		"_default/baseof.html": strings.ReplaceAll(hugoBase, "@CSS@", css),
		"_default/single.html": hugoSingle,
		"_default/list.html":   hugoList,
		"index.html":           hugoHome,
		"404.html":             hugo404,
		"partials/meta.html":   hugoMeta,
		"partials/header.html": hugoHeader,
		"partials/footer.html": hugoFooter,
	}
}

const hugoBase = `{{- $title := .Title }}{{ if eq .Kind "404" }}{{ $title = "页面不存在" }}{{ else if eq .Kind "section" }}{{ $title = .Section }}{{ end -}}
{{- $kind := .Kind }}{{ if eq $kind "section" }}{{ $kind = "list" }}{{ end -}}
<!DOCTYPE html>
<html lang="{{with site.LanguageCode}}{{.}}{{else}}zh-CN{{end}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if and $title (ne $title site.Title)}}{{$title}} – {{end}}{{site.Title}}</title>
{{- if .IsHome}}
<meta name="description" content="{{site.Title}}">
{{- end}}
{{partial "meta.html" .}}
<link rel="stylesheet" href="@CSS@">
<link rel="alternate" type="application/atom+xml" title="{{site.Title}}" href="{{"feed.xml" | relURL}}">
{{- if ne .Kind "404"}}
<link rel="canonical" href="{{.RelPermalink}}">
{{- end}}
</head>
<body class="kind-{{$kind}}">
<a class="skip-link" href="#main">跳到正文</a>
{{partialCached "header.html" . .Kind .IsHome}}
<main id="main" tabindex="-1">
{{block "main" .}}{{end}}
</main>
{{partialCached "footer.html" .}}
</body>
</html>
`

const hugoMeta = `{{- with site.Title}}
<meta name="SiteName" content="{{.}}">
{{- end}}
{{- with site.Params.domain}}
<meta name="SiteDomain" content="{{.}}">
{{- end}}
{{- with site.Params.idcode}}
<meta name="SiteIDCode" content="{{.}}">
{{- end}}
{{- if .IsHome}}
<meta name="ColumnName" content="首页">
<meta name="ColumnDescription" content="{{site.Title}}">
<meta name="ColumnKeywords" content="通报,三重点,考核排名">
<meta name="ColumnType" content="首页">
{{- else if eq .Kind "404"}}
<meta name="ColumnName" content="页面不存在">
<meta name="ColumnType" content="其他">
{{- else if eq .Kind "section"}}
<meta name="ColumnName" content="{{.Section}}">
<meta name="ColumnType" content="列表">
{{- else}}
{{- with .Title}}
<meta name="ColumnName" content="{{.}}">
{{- end}}
<meta name="ColumnType" content="信息">
{{- with .Title}}
<meta name="ArticleTitle" content="{{.}}">
{{- end}}
{{- if not .Date.IsZero}}
<meta name="PubDate" content="{{.Date.Format "2006-01-02"}} 00:00">
{{- end}}
{{- with site.Params.name}}
<meta name="ContentSource" content="{{.}}">
{{- end}}
<meta name="Url" content="{{.RelPermalink}}">
{{- end}}
`

const hugoHeader = `{{- $page := . -}}
<header class="site-header">
  <div class="site-header-inner">
    <a class="site-title" href="{{"" | relURL}}">{{site.Title}}</a>
    <nav class="site-nav" aria-label="主导航">
      <ul>
        {{- range slice (dict "title" "首页" "path" "") (dict "title" "通报" "path" "circulars/")}}
        <li><a href="{{.path | relURL}}"
          {{- if and (eq .path "") $page.IsHome}} aria-current="page"{{end}}>{{.title}}</a></li>
        {{- end}}
      </ul>
    </nav>
  </div>
</header>
`

const hugoFooter = `<footer class="site-footer">
  <div class="site-footer-inner">
    <p>
      {{- with site.Params.name}}<span>主办单位：{{.}}</span>{{end}}
      {{- with site.Params.idcode}}<span>网站标识码：{{.}}</span>{{end}}
      {{- with site.Params.domain}}<span>网站域名：{{.}}</span>{{end}}
    </p>
  </div>
</footer>
`

const hugoSingle = `{{define "main"}}
<div class="container">
  <article class="panel prose" aria-labelledby="page-title">
    <h1 id="page-title" class="page-title">{{.Title}}</h1>
    {{- if not .Date.IsZero}}
    <p class="page-date">发布日期：<time datetime="{{.Date.Format "2006-01-02"}}">{{.Date.Format "2006-01-02"}}</time></p>
    {{- end}}
    <div class="prose-body">
{{.Content}}
    </div>
  </article>
</div>
{{end}}
`

const hugoList = `{{define "main"}}
{{- $pages := .Pages.ByDate.Reverse -}}
<div class="container">
  <div class="panel">
    <h1 class="page-title">{{.Section}}</h1>
    {{- with $pages}}
    <p class="page-date">更新日期：<time datetime="{{(index . 0).Date.Format "2006-01-02"}}">{{(index . 0).Date.Format "2006-01-02"}}</time></p>
    {{- end}}
    {{- with $pages}}
    <ul class="doc-list">
      {{- range .}}
      <li>
        <a href="{{.RelPermalink}}">{{.Title}}</a>
        {{- if not .Date.IsZero}}
        <span class="doc-list-meta"><time datetime="{{.Date.Format "2006-01-02"}}">{{.Date.Format "2006-01-02"}}</time></span>
        {{- end}}
      </li>
      {{- end}}
    </ul>
    {{- else}}
    <p>暂无内容。</p>
    {{- end}}
  </div>
</div>
{{end}}
`

// hugoHome is tongbao's home.html for a site without circulars: its
// latest-circular, ranking and recent-list sections print nothing then.
const hugoHome = `{{define "main"}}
<div class="container">
  <div class="panel">
    <h1 class="page-title">{{site.Title}}</h1>
  </div>
</div>
{{end}}
`

const hugo404 = `{{define "main"}}
<div class="container">
  <div class="panel notfound">
    <h1 class="page-title">页面不存在</h1>
    <p>您访问的页面不存在，请检查网址是否输入正确，或从以下入口查找。</p>
    <ul class="notfound-links">
      <li><a href="{{"" | relURL}}">返回首页</a></li>
      <li><a href="{{"circulars/" | relURL}}">查看通报归档</a></li>
    </ul>
  </div>
</div>
{{end}}
`
