package render

import (
	"fmt"
	"html/template"
	"path"
	"strconv"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/zh"
)

// parseTemplates parses layouts/ once per build: base.html and every file
// under partials/ form the shared set; each other top-level file is a page
// layout parsed into its own clone of it, defining the blocks base.html
// calls ("main", and optionally "head").
func (r *renderer) parseTemplates() error {
	var diags diag.List
	shared := template.New("").Funcs(r.funcs())
	var pages []string
	sources := map[string]string{}
	for _, f := range r.s.Layouts {
		sources[f.Name] = string(f.Data)
		if f.Name == "base.html" || strings.HasPrefix(f.Name, "partials/") {
			if _, err := shared.New(f.Name).Parse(string(f.Data)); err != nil {
				diags = append(diags, r.templateDiag(err))
			}
		} else if path.Dir(f.Name) == "." {
			pages = append(pages, f.Name)
		}
	}
	if shared.Lookup("base.html") == nil {
		diags.Add("layouts/base.html", 0, 0, "缺少基础模板 base.html")
	}
	if len(diags) > 0 {
		return diags.Err()
	}
	// partialCached executes partials from a clone of its own: a set that
	// has run can no longer be cloned.
	partials, err := shared.Clone()
	if err != nil {
		return err
	}
	r.partials = partials
	r.tmpl = map[string]*template.Template{}
	for _, name := range pages {
		t, err := shared.Clone()
		if err == nil {
			_, err = t.New(name).Parse(sources[name])
		}
		if err != nil {
			diags = append(diags, r.templateDiag(err))
			continue
		}
		r.tmpl[name] = t
	}
	return diags.Err()
}

// funcs are the template functions layouts may use.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// url "circulars/" → "/tongbao/circulars/": every link honours baseURL's path.
		"url": r.URL,
		// absURL "circulars/" → "https://host/tongbao/circulars/" when baseURL has a host.
		"absURL": r.AbsURL,
		// asset "css/site.css" → the fingerprinted URL of layouts/assets/css/site.css.
		"asset": func(name string) (string, error) {
			p, ok := r.assets[name]
			if !ok {
				return "", errMissingAsset(name)
			}
			return r.URL(p), nil
		},
		"numeral": zh.Numeral,
		"ordinal": zh.Ordinal,
		// partialCached "partials/footer.html" . → the partial, executed once
		// per build for each distinct list of the variants that follow:
		// partialCached "partials/header.html" . .Kind .Nav.
		"partialCached": r.partialCached,
	}
}

// partialCached executes the partial name with data the first time it is
// asked for with these variants, and gives the same output every later
// time, as Hugo's function of that name does. The header and footer are
// the same on thousands of pages; executing them once saves a third of
// the template work of a plain page. The variants must name everything
// the partial reads that differs between pages, or pages get another
// page's partial.
func (r *renderer) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	key := variantKey(name, variants)
	if h, ok := r.partialOut.Load(key); ok {
		return h.(template.HTML), nil
	}
	t := r.partials.Lookup(name)
	if t == nil {
		return "", fmt.Errorf("partialCached：没有模板 %s（模板须在 partials/ 下或为 base.html）", name)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	h, _ := r.partialOut.LoadOrStore(key, template.HTML(b.String()))
	return h.(template.HTML), nil
}

// variantKey names a partial with its variants. Strings and the navigation,
// the variants of the default layouts, are spelled out quickly; anything
// else as Go syntax, by reflection.
func variantKey(name string, variants []any) string {
	b := []byte(name)
	for _, v := range variants {
		b = append(b, 0)
		switch v := v.(type) {
		case string:
			b = strconv.AppendQuote(append(b, 's'), v)
		case []NavItem:
			b = append(b, 'n')
			for _, it := range v {
				b = strconv.AppendQuote(b, it.Title)
				b = strconv.AppendQuote(b, it.Path)
				b = strconv.AppendQuote(b, it.Current)
			}
		default:
			b = fmt.Appendf(b, "%T%#v", v, v)
		}
	}
	return string(b)
}

type errMissingAsset string

func (e errMissingAsset) Error() string {
	return "资源文件 layouts/assets/" + string(e) + " 不存在"
}
