// Command floor is the physical floor of building plain Markdown pages with
// tongbao: it reads every .md file below SRC, drops the front matter,
// converts the body with tongbao's own goldmark configuration
// (markdown.New) and writes the HTML to DEST/<path>/index.html, one worker
// per core — and nothing else: no front matter decoding, no templates, no
// list pages, no atomic swap, no sync to disk. bench/run.sh times it next
// to `tongbao build` on the same corpus.
//
//	go run ./bench/floor SRC DEST
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"tongbao/internal/markdown"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor SRC DEST")
		os.Exit(2)
	}
	n, err := run(os.Args[1], os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	if n == 0 {
		fmt.Fprintf(os.Stderr, "floor: no .md files below %s\n", os.Args[1])
		os.Exit(1)
	}
}

// run converts every Markdown file below src into dest and returns how
// many it wrote.
func run(src, dest string) (int, error) {
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(src, p)
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	md := markdown.New()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for rel := range next {
				if err := convert(md, filepath.Join(src, rel), filepath.Join(dest, strings.TrimSuffix(rel, ".md"), "index.html")); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, rel := range files {
		next <- rel
	}
	close(next)
	wg.Wait()
	return len(files), first
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// convert is the whole work of one page.
func convert(md *markdown.Converter, src, dest string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	body, err := stripFrontMatter(b)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	html, errs := md.Convert(body, nil)
	for _, e := range errs {
		if !e.Warning { // a slip converts all the same
			return fmt.Errorf("%s: %v", src, e)
		}
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dest, html, 0o644)
}

// stripFrontMatter returns what follows the +++ … +++ block at the start
// of a page; a page without front matter is returned whole.
func stripFrontMatter(b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, []byte("+++\n")) {
		return b, nil
	}
	end := bytes.Index(b[3:], []byte("\n+++\n"))
	if end < 0 {
		return nil, errors.New("front matter without its closing +++")
	}
	return b[3+end+len("\n+++\n"):], nil
}
