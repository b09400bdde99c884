package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"

	"tongbao/internal/site"
)

// assets are layouts/assets/ (the site's over the built-in theme's),
// copied with fingerprinted names, and the site's icon (icon.go).
type assets struct{ *core }

func (a *assets) jobs() []job {
	var jobs []job
	for _, f := range a.s.Assets {
		data := f.Data
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

// fingerprints returns the fingerprinted path of every asset, by name, and
// the stylesheets that name other assets with those names in place of
// theirs (site.CSSRefs): url(../img/logo.png) in css/site.css becomes
// url(../img/logo.3f2a9c1b.png), the file published. A stylesheet's own
// name is the fingerprint of what is published, so that a new logo gives
// it a new name too: stylesheets come after what they name, and one that
// names a stylesheet that names it back keeps that name as written.
func fingerprints(files []site.File) (names map[string]string, css map[string][]byte) {
	names, css = map[string]string{}, map[string][]byte{}
	sheets := map[string]site.File{}
	for _, f := range files {
		if path.Ext(f.Name) == ".css" {
			sheets[f.Name] = f
		} else {
			names[f.Name] = fingerprint("assets/"+f.Name, f.Data)
		}
	}
	visiting := map[string]bool{}
	var sheet func(f site.File)
	sheet = func(f site.File) {
		visiting[f.Name] = true
		refs := site.CSSRefs(f.Name, f.Data)
		var b []byte
		last := 0
		for _, r := range refs {
			if other, ok := sheets[r.Name]; ok && names[r.Name] == "" && !visiting[r.Name] {
				sheet(other)
			}
			if p := names[r.Name]; p != "" {
				b = append(b, f.Data[last:r.Start]...)
				ref := string(f.Data[r.Start:r.End])
				b = append(b, ref[:strings.LastIndex(ref, "/")+1]+path.Base(p)...)
				last = r.End
			}
		}
		data := f.Data
		if b != nil {
			data = append(b, f.Data[last:]...)
			css[f.Name] = data
		}
		names[f.Name] = fingerprint("assets/"+f.Name, data)
	}
	for _, f := range files {
		if _, ok := sheets[f.Name]; ok && names[f.Name] == "" {
			sheet(f)
		}
	}
	return names, css
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
