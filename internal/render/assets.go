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
		jobs = append(jobs, job{
			path:  a.assets[f.Name],
			owner: owner{file: cmp.Or(f.Source, "layouts/assets/"+f.Name)},
			in:    []input{fileIn("layouts/assets/" + f.Name)},
			fn:    func() ([]byte, error) { return data, nil },
			asset: "assets/" + f.Name,
		})
	}
	return append(jobs, a.iconJob())
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
