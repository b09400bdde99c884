package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
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
