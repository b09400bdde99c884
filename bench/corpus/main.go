// Command corpus writes the plain-page benchmark corpus twice from the
// same Markdown files: as a tongbao site in OUT/tongbao and as a Hugo site
// in OUT/hugo, whose layouts print what tongbao's page.html, list.html and
// home.html print. bench/run.sh builds both and compares them.
//
//	go run ./bench/corpus [-s .] [-n 2000] [-seed 1] OUT
//
// The pages are content/notices/NNNN.md, about 8 KB of Chinese text each
// (headings, paragraphs, bold lead-ins, lists, one GFM table), with a title
// and a date in the front matter; every page has its own date, so both
// generators order the list page the same way. bench/run.sh also writes
// 20,000 of them (-n 20000), the province-scale corpus the search is
// measured on. The layouts (the built-in theme, and any of the site's
// own), the stylesheet and the site's name and issuer come from the
// tongbao site in -s (the repository by default). The same flags give byte-identical files.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"strings"
	"time"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

func main() {
	src := flag.String("s", ".", "tongbao site whose layouts, stylesheet and settings the corpus uses")
	n := flag.Int("n", 2000, "number of pages")
	seed := flag.Uint64("seed", 1, "seed of the text generator")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./bench/corpus [-s DIR] [-n PAGES] [-seed N] OUT")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	sample, err := site.Load(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	if err := write(flag.Arg(0), Files(sample, *n, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	fmt.Printf("corpus: %d pages in %s/tongbao and %s/hugo\n", *n, flag.Arg(0), flag.Arg(0))
}

// lastDate is the date of page 1; page i is i-1 days older.
var lastDate = time.Date(2023, 2, 28, 0, 0, 0, 0, time.UTC)

// Files returns every file of both sites by slash path below OUT:
// "tongbao/…" and "hugo/…".
func Files(sample *site.Site, n int, seed uint64) map[string][]byte {
	files := map[string][]byte{}
	rng := rand.New(rand.NewPCG(seed, 0x636f72707573))
	for i := range n {
		md := page(rng, i, lastDate.AddDate(0, 0, -i))
		name := fmt.Sprintf("content/notices/%04d.md", i+1)
		files["tongbao/"+name] = md
		files["hugo/"+name] = md
	}
	c := sample.Config
	files["tongbao/config.toml"] = fmt.Appendf(nil,
		"# 基准测试用的普通页面站点，由 bench/corpus 生成。\ntitle    = %s\nbaseURL  = \"/\"\nlanguage = %s\n\n[site]\nname   = %s\ndomain = %s\nidCode = %s\n\n[issuer]\nname = %s\n",
		site.Quote(c.Title), site.Quote(c.Language), site.Quote(c.Site.Name), site.Quote(c.Site.Domain), site.Quote(c.Site.IDCode), site.Quote(c.Issuer))
	// One township keeps the site valid; no indicators, months or
	// circulars, so tongbao renders nothing a Hugo site would not.
	u := sample.Townships[0]
	files["tongbao/data/units.toml"] = fmt.Appendf(nil, "[[township]]\nname = %s\nslug = %s\n", site.Quote(u.Name), site.Quote(u.Slug))
	files["tongbao/data/indicators.toml"] = []byte("# 普通页面站点没有考核指标。\n")
	// The tongbao side uses the built-in theme, and the layouts the
	// sample has of its own (none for the repository's site).
	for _, f := range sample.Layouts {
		if !f.Builtin() {
			files["tongbao/layouts/"+f.Name] = f.Data
		}
	}
	for _, f := range sample.Assets {
		if !f.Builtin() {
			files["tongbao/layouts/assets/"+f.Name] = f.Data
		}
		// Hugo copies static/ as it is; the name carries tongbao's
		// fingerprint so that both sites link the same address.
		files["hugo/static/"+fingerprint("assets/"+f.Name, f.Data)] = f.Data
	}
	files["hugo/config.toml"] = hugoConfig(c)
	for name, text := range hugoLayouts(sample) {
		files["hugo/layouts/"+name] = []byte(text)
	}
	return files
}

// fingerprint names an asset as tongbao's renderer does: the first four
// bytes of its SHA-256 before the extension.
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// write puts files below dir, which must be empty or not exist.
func write(dir string, files map[string][]byte) error {
	return demo.WriteFiles(dir, files)
}
