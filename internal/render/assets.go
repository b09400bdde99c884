package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strings"

	"tongbao/internal/site"
)

// assets are layouts/assets/ (the site's over the built-in theme's),
// copied with fingerprinted names, and the site's icon (icon.go).
type assets struct{ *core }

func (a *assets) jobs() []job {
	var jobs []job
	for _, f := range a.s.Assets {
		data := f.Published()
		in := []input{fileIn("layouts/assets/" + f.Name)}
		if css, ok := a.css[f.Name]; ok {
			// It names other assets by their fingerprinted names.
			data, in = css, append(in, global())
		}
		jobs = append(jobs, job{
			path:  a.assets[f.Name],
			owner: owner{file: cmp.Or(f.Source, "layouts/assets/"+f.Name)},
			in:    in,
			fn:    func() ([]byte, error) { return data, nil },
			asset: "assets/" + f.Name,
		})
	}
	return append(jobs, a.iconJob())
}

// fingerprints returns the fingerprinted path of every asset, by name, of
// what is published of it (site.File.Published), and the stylesheets that
// name other assets with those names in place of theirs (site.CSSRefs):
// url(../img/logo.png) in css/site.css becomes
// url(../img/logo.3f2a9c1b.png), the file published. A stylesheet's own
// name is the fingerprint of what is published, so that a new logo gives
// it a new name too: stylesheets come after what they name.
//
// Stylesheets that name each other (a.css imports b.css, which imports
// a.css; one that names itself) cannot: each one's content holds the
// other's name, made from that content. A circle of them is named
// together, each by the fingerprint of the circle — its stylesheets' names
// and texts, with the names of what they name outside it put in — and its
// own name, and each is published naming the others by those: whatever
// changes in what any of them publishes changes every one's name.
func fingerprints(files []site.File) (names map[string]string, css map[string][]byte) {
	names, css = map[string]string{}, map[string][]byte{}
	sheets := map[string][]byte{} // as published, but for the names in them
	refs := map[string][]site.CSSRef{}
	var order []string
	for _, f := range files {
		if path.Ext(f.Name) == ".css" {
			data := f.Published()
			sheets[f.Name], refs[f.Name] = data, site.CSSRefs(f.Name, data)
			order = append(order, f.Name)
		} else {
			names[f.Name] = fingerprint("assets/"+f.Name, f.Published())
		}
	}
	// rewrite is the stylesheet name with every reference to an asset
	// named already in its place, and whether there was one.
	rewrite := func(name string) ([]byte, bool) {
		data := sheets[name]
		var b []byte
		last := 0
		for _, r := range refs[name] {
			if p := names[r.Name]; p != "" {
				b = append(b, data[last:r.Start]...)
				ref := string(data[r.Start:r.End])
				b = append(b, ref[:strings.LastIndex(ref, "/")+1]+path.Base(p)...)
				last = r.End
			}
		}
		if b == nil {
			return data, false
		}
		return append(b, data[last:]...), true
	}
	for _, circle := range circles(order, refs) {
		if len(circle) > 1 || slices.ContainsFunc(refs[circle[0]], func(r site.CSSRef) bool { return r.Name == circle[0] }) {
			h := sha256.New()
			for _, name := range circle {
				data, _ := rewrite(name)
				writeString(h, name)
				writeString(h, string(data))
			}
			sum := h.Sum(nil)
			for _, name := range circle {
				names[name] = fingerprint("assets/"+name, append(sum, name...))
			}
		}
		for _, name := range circle {
			data, rewritten := rewrite(name)
			if rewritten {
				css[name] = data
			}
			if names[name] == "" {
				names[name] = fingerprint("assets/"+name, data)
			}
		}
	}
	return names, css
}

// circles returns the stylesheets of order (by name) in groups that name
// each other, directly or through others, by refs: a stylesheet naming
// none of the others is a group of its own. A group comes after the groups
// it names, and holds its stylesheets in order. (Tarjan's algorithm: its
// depth is at most the number of stylesheets.)
func circles(order []string, refs map[string][]site.CSSRef) [][]string {
	index, low := map[string]int{}, map[string]int{}
	var stack []string
	on := map[string]bool{}
	var out [][]string
	var visit func(name string)
	visit = func(name string) {
		index[name] = len(index)
		low[name] = index[name]
		stack = append(stack, name)
		on[name] = true
		for _, r := range refs[name] {
			if _, sheet := refs[r.Name]; !sheet {
				continue
			}
			if _, seen := index[r.Name]; !seen {
				visit(r.Name)
				low[name] = min(low[name], low[r.Name])
			} else if on[r.Name] {
				low[name] = min(low[name], index[r.Name])
			}
		}
		if low[name] != index[name] {
			return
		}
		i := slices.Index(stack, name)
		group := slices.Clone(stack[i:])
		for _, n := range group {
			on[n] = false
		}
		stack = stack[:i]
		slices.SortFunc(group, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) })
		out = append(out, group)
	}
	for _, name := range order {
		if _, seen := index[name]; !seen {
			visit(name)
		}
	}
	return out
}

// fingerprint inserts a short content hash before the extension, so that
// the portal and browsers may cache assets forever.
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// statics are the files of static/, each published as it is at its path
// below static/ (site.StaticDir). They read nothing; each output names its
// file (Output.File). They come last among the jobs, so that a file of
// static/ on the path of a page is the one blamed (claim).
type statics struct{ *core }

func (st *statics) jobs() []job {
	var jobs []job
	for i := range st.s.Static {
		a := &st.s.Static[i]
		jobs = append(jobs, job{
			path:   strings.TrimPrefix(a.File, site.StaticDir+"/"),
			owner:  owner{file: a.File, line: a.Line, col: a.Col},
			file:   a,
			static: true,
		})
	}
	return jobs
}
