// Package build runs the pipeline — load, rank, render, write — and puts
// the result in place atomically: a build that fails at any stage leaves
// the previous output exactly as it was.
//
// It writes only where it may (DESIGN.md §8): into a folder that is
// missing, empty or made by an earlier build, never into the site's source
// (resolveTarget). Normally it renders into a fresh folder beside the
// output and swaps it in (staged); a folder that cannot be swapped — a
// mount point, or one whose parent it may not write — is updated file by
// file (inPlace).
package build

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"tongbao/internal/diag"
	"tongbao/internal/par"
	"tongbao/internal/rank"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// Options select the site, the output and the base URL of one build.
type Options struct {
	Source  string // site root; "." by default
	Dest    string // output folder; <Source>/public by default
	BaseURL string // overrides config.toml's baseURL

	// Without are months left out with their circulars — the newest,
	// still being gathered — so that the rest of the site can be
	// published meanwhile (site.LoadExcept).
	Without []string

	// Warn, if set, is told what the site may be built with but should
	// not be published with (warnings): `tongbao check` and `tongbao
	// build` print them and still exit 0.
	Warn func(diag.Diagnostic)

	// NoSearchIndex builds without the search index, for bench/run.sh,
	// which measures what the index adds to a build (see render.Options).
	NoSearchIndex bool

	// inPlace updates the output in place even where it could be swapped:
	// tests use it to reach that path without a mount point.
	inPlace bool
}

// Stats describe a finished build for its one-line report.
type Stats struct {
	Pages    int   // HTML pages
	Files    int   // all files but the manifest, as the preview counts them
	Bytes    int64 // of those files
	Duration time.Duration

	// Held are the circulars left out with Options.Without, by file.
	Held []string

	// Changes are what the build changed in its output since the build
	// before, by its manifest; with none before (First), every file is
	// added.
	Changes *Changes
	First   bool
	// AfterExample says the build before was a try-out of tongbao init's
	// imaginary office (Manifest.Example), which First counts as none.
	AfterExample bool

	// Foreign are the files of the output that no build wrote — put
	// there by hand or by the web server — which the build kept as they
	// are, in neither its manifest nor Changes (see foreign.go); Displaced
	// are those that the build's own files at their paths replaced, with
	// other bytes. Slash paths below the output, sorted.
	Foreign, Displaced []string
}

func (s *Stats) foreign(p foreignPlan) { s.Foreign, s.Displaced = p.kept, p.displaced }

func (s Stats) String() string {
	return fmt.Sprintf("%d 个页面，%d 个文件（另有清单 %s），%.1f KB，用时 %d ms", s.Pages, s.Files, ManifestName, float64(s.Bytes)/1024, s.Duration.Milliseconds())
}

// Render loads and renders the site without writing anything: what
// `tongbao check` runs. When the output folder holds a build's manifest,
// opts.Warn is also told of each page that build published and this one
// would not (gonePages), and of each circular whose results it would
// rewrite (rewrittenWarnings): a 文号 corrected, or next year's weight
// written over this year's, is warned of before the build that would
// take the old page off the portal or change what it says.
func Render(opts Options) ([]render.Output, error) {
	outputs, s, _, err := renderHeld(opts)
	if err != nil || opts.Warn == nil {
		return outputs, err
	}
	before, err := ReadManifest(Dest(opts))
	if err != nil || before.Example {
		return outputs, nil // no build there to compare with
	}
	for _, d := range since(s, before, Dest(opts), outputs, len(opts.Without) > 0) {
		opts.Warn(d)
	}
	return outputs, nil
}

// Lists reports whether a circular's body lists the measures of action
// by a shortcode (render.Lists): what new asks of the body it follows.
func Lists(body []byte, action string) bool { return render.Lists(body, action) }

// Problems are what check finds in the site in dir with the month files
// months holds, by path, in place of its own (site.LoadWith), short of
// rendering it: the load's problems and, when the data loads, the
// ranking's — a hand entry repeating a rule's measure, which only
// ranking finds — and the load's warnings (site.Site.Warnings), which
// check prints and a build is not stopped by. tongbao import checks the
// month file it would write by the problems, before writing it, and
// says the warnings of it: a score far out of the others' range.
func Problems(dir string, months map[string][]byte) (problems, warnings diag.List, err error) {
	s, problems, err := site.LoadWith(dir, months)
	if err != nil {
		return nil, nil, err
	}
	if s != nil {
		var l diag.List
		if errors.As(rank.Archive(s).Err(), &l) {
			problems = append(problems, l...)
		}
		warnings = s.Warnings
	}
	return problems, warnings, nil
}

// renderHeld is Render, which also returns the site and the circulars
// left out.
func renderHeld(opts Options) ([]render.Output, *site.Site, []string, error) {
	if err := opts.check(); err != nil {
		return nil, nil, nil, err
	}
	s, held, err := load(opts)
	if err != nil {
		return nil, nil, nil, err
	}
	res := rank.Archive(s)
	outputs, err := render.Render(s, res, render.Options{BaseURL: opts.BaseURL, Warn: opts.Warn})
	if err != nil {
		return nil, nil, nil, err
	}
	// Said of a site that renders: a body with a shortcode written wrong
	// has that to mend first.
	warn(opts, render.Unlisted(s, res))
	warn(opts, res.SharedRewards(s))
	return outputs, s, held, nil
}

// load loads the site, without the months opts leaves out, and tells
// opts.Warn its warnings. It returns the circulars left out. When only
// months still being gathered stop the load (IncompleteError), it renders
// the site without them, to tell any problem of the rest with theirs.
func load(opts Options) (*site.Site, []string, error) {
	var s *site.Site
	var held []string
	var err error
	if len(opts.Without) > 0 {
		s, held, err = site.LoadExcept(source(opts), opts.Without)
	} else {
		var months []string
		s, months, err = site.LoadGathering(source(opts))
		if len(months) > 0 {
			kind := site.Monthly
			if cat, cerr := site.LoadCatalogue(source(opts)); cerr == nil {
				kind = cat.Assesses()
			}
			err = &IncompleteError{Problems: err, Months: months, Kind: kind}
			// Told to build without the months being gathered, the rest
			// of the site must build: a problem of its own (a shortcode
			// misspelt in a published circular, a broken layout) is told
			// with theirs, not after the advice is taken.
			// Its warnings are told too, as the preview tells them
			// beside the month's problems: a link to a page that is not
			// there is not first heard of once the month is in.
			rest := opts
			rest.Without = months
			if _, _, _, rerr := renderHeld(rest); rerr != nil {
				err = diag.Join(err.(*IncompleteError).Problems, rerr)
			}
			// Their circulars are rendered as the preview renders their
			// drafts: a shortcode misspelt in one is told now, with the
			// scores still to come, as the preview tells it, not once
			// they are in and the date is written; and so are the
			// drafts' warnings (a linked file not there).
			warned, more := draftProblems(source(opts), months, err)
			if more != nil {
				err = &IncompleteError{Problems: more, Months: months, Kind: kind}
			}
			warn(opts, warned)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if opts.Warn != nil {
		for _, d := range warnings(s, opts) {
			opts.Warn(d)
		}
	}
	return s, held, nil
}

// draftProblems are problems, the load's, with those found in rendering
// the circulars of the months being gathered as drafts (site.LoadDraft)
// that problems lacks; nil when there are none such. warnings are what
// the preview warns of those drafts (render.DraftWarnings).
func draftProblems(dir string, months []string, problems error) (warnings diag.List, more error) {
	st, files, found := site.LoadDraft(dir, nil, months)
	var extra diag.List
	extra = append(extra, found...)
	if st != nil && len(files) > 0 {
		var l, slips diag.List
		res := rank.Archive(st)
		slip := func(d diag.Diagnostic) { slips = append(slips, d) }
		if _, rerr := render.Render(st, res, render.Options{Only: files, Warn: slip}); errors.As(rerr, &l) {
			extra = append(extra, l...)
		}
		warnings = render.DraftWarnings(st, res, files, slips)
	}
	var have diag.List
	if problems != nil && !errors.As(problems, &have) {
		return warnings, nil
	}
	all := slices.Clone(have)
	for _, d := range extra {
		if !slices.Contains(all, d) {
			all = append(all, d)
		}
	}
	if len(all) == len(have) {
		return warnings, nil
	}
	return warnings, all.Err()
}

// An IncompleteError is the problems of a site that are all in its newest
// months' files and circulars, months still being gathered whose
// circulars are not yet dated (site.LoadGathering). The rest of the site
// can be built without them (Options.Without) in the meantime.
type IncompleteError struct {
	Problems error // a diag.List
	Months   []string
	// Kind is how often the office assesses, so that what is said of the
	// months is said of its periods: 这个季度尚未齐全, not 这个月.
	Kind site.PeriodKind
}

func (e *IncompleteError) Error() string { return e.Problems.Error() }
func (e *IncompleteError) Unwrap() error { return e.Problems }

// warnings are what a site may be built with but should not be published
// with: no absolute address — neither baseURL nor [site] domain names the
// host, so the sitemap's <loc>s, the feed's links and the canonical links
// stay paths (DESIGN.md §7); and the load's own (site.Site.Warnings: a
// picture without its text, a link to a page that is not there, a file
// nothing publishes, a layout that would hide what the pages hold).
func warnings(s *site.Site, opts Options) diag.List {
	return append(s.HostWarning(cmp.Or(opts.BaseURL, s.Config.BaseURL)), s.Warnings...)
}

// warn tells opts.Warn of each of l, if it listens.
func warn(opts Options, l diag.List) {
	if opts.Warn == nil {
		return
	}
	for _, d := range l {
		opts.Warn(d)
	}
}

// check refuses a bad BaseURL (tongbao build --baseURL) by the rule of
// config.toml's baseURL, before anything is read or written.
func (opts Options) check() error {
	if opts.BaseURL == "" {
		return nil
	}
	if _, err := site.ParseBaseURL(opts.BaseURL); err != nil {
		return fmt.Errorf("--baseURL “%s” 无效：%v", opts.BaseURL, err)
	}
	return nil
}

func source(opts Options) string {
	if opts.Source == "" {
		return "."
	}
	return opts.Source
}

// Dest is where a build writes: opts.Dest, or public/ inside the site.
func Dest(opts Options) string {
	if opts.Dest != "" {
		return opts.Dest
	}
	return filepath.Join(source(opts), "public")
}

// ErrInterrupted is returned by a build cancelled by its context (Ctrl+C,
// SIGTERM): whatever it had written is removed, and the output is as it
// was.
var ErrInterrupted = errors.New("生成被中断，已删除写到一半的文件，输出目录保持不变")

// Build renders the site and replaces the output folder with the result,
// until ctx is cancelled. Each file is written as
// soon as it is rendered (render.Stream), and each page's Markdown is let
// go once it is converted (ReleaseSources), so the build never holds the
// whole site in memory: only the path, size and hash of each file are
// kept, for the manifest. Cancelled before the output is replaced, the
// build removes what it wrote and returns ErrInterrupted; once replacing
// has begun it finishes, which takes a moment.
func Build(ctx context.Context, opts Options) (Stats, error) {
	start := time.Now()
	if err := opts.check(); err != nil {
		return Stats{}, err
	}
	t, err := resolveTarget(source(opts), Dest(opts))
	if err != nil {
		return Stats{}, err
	}
	s, held, err := load(opts)
	if err != nil {
		return Stats{}, err
	}
	t.example = s.Example
	p, err := open(t, opts.inPlace)
	if err != nil {
		return Stats{}, err
	}
	rec := newRecorder(t.path, p.previous().Prior())
	add := func(o render.Output) error {
		if ctx.Err() != nil {
			return ErrInterrupted
		}
		rec.see(o)
		return p.add(o)
	}
	res := rank.Archive(s)
	unlisted := render.Unlisted(s, res) // before the stream lets the bodies go
	var slips diag.List
	slip := func(d diag.Diagnostic) { slips = append(slips, d) }
	err = render.Stream(s, res, render.Options{BaseURL: opts.BaseURL, NoSearchIndex: opts.NoSearchIndex, ReleaseSources: true, Warn: slip}, add)
	if err == nil && ctx.Err() != nil {
		err = ErrInterrupted
	}
	if err == nil {
		err = p.seal()
	}
	if err != nil {
		p.discard()
		if ctx.Err() != nil {
			return Stats{}, ErrInterrupted
		}
		return Stats{}, err
	}
	if err := p.publish(); err != nil {
		return Stats{}, err
	}
	st := p.stats(start)
	st.Held = held
	st.changes(p.previous(), p.written())
	st.foreign(p.foreign())
	warn(opts, slips)
	warn(opts, unlisted)
	warn(opts, res.SharedRewards(s))
	if base, err := site.ParseBase(cmp.Or(opts.BaseURL, s.Config.BaseURL)); err == nil {
		files := map[string]bool{}
		for _, e := range p.written().Files {
			files[e.Path] = true
		}
		warn(opts, s.RootLinkWarnings(base, files))
	}
	warnGone(s, st, opts)
	if opts.Warn != nil {
		for _, d := range rewrittenWarnings(s, rec.found, republished.diffs) {
			opts.Warn(d)
		}
	}
	warnDisplaced(st, opts)
	return st, nil
}

func stats(outputs []render.Output, start time.Time) Stats {
	st := Stats{Files: len(outputs), Duration: time.Since(start)}
	for _, o := range outputs {
		st.Bytes += o.Size()
		if strings.HasSuffix(o.Path, ".html") {
			st.Pages++
		}
	}
	return st
}

// prepare writes outputs for dest, ready to publish; example is the
// site's Example.
func prepare(opts Options, source string, outputs []render.Output, example bool) (publisher, error) {
	for _, o := range outputs {
		if err := checkPath(o.Path); err != nil {
			return nil, err
		}
	}
	t, err := resolveTarget(source, Dest(opts))
	if err != nil {
		return nil, err
	}
	t.example = example
	p, err := open(t, opts.inPlace)
	if err != nil {
		return nil, err
	}
	err = writeAll(p.add, outputs)
	if err == nil {
		err = p.seal()
	}
	if err != nil {
		p.discard()
		return nil, err
	}
	return p, nil
}

// changes sets st.Changes and st.First from the output's manifest before
// the build, as read, and the files after it, the manifest among them.
// The manifest is a change like any file whose bytes changed (always, on
// a first build): an upload that sends only the files listed must carry
// it, or the portal's copy of it would describe the tree before.
func (st *Stats) changes(before *Manifest, after Manifest) {
	st.AfterExample = before != nil && before.Example
	before = before.Prior()
	st.First = before == nil
	var old Manifest
	if !st.First {
		old.Files = before.Files
		if before.own != nil {
			old.Files = append(slices.Clip(old.Files), *before.own)
		}
	}
	st.Changes = Compare(old, after)
}

// A publisher writes a build's files for its output and then puts them in
// place, or discards them, leaving the output as it was.
type publisher interface {
	// add writes one output; it is safe for concurrent use (render.Stream
	// calls it from every render worker).
	add(render.Output) error
	// seal completes what was added.
	seal() error
	// publish puts it in place and releases the output.
	publish() error
	// discard removes what was written and releases the output.
	discard()
	// written describes every file published, the manifest included.
	written() Manifest
	// previous is the manifest of the output as the build before left
	// it, read when the output became the build's (open); nil if it had
	// none, or that build was interrupted.
	previous() *Manifest
	// foreign is what seal found in the output that no build wrote, and
	// kept (see foreign.go).
	foreign() foreignPlan
	stats(start time.Time) Stats
}

// open starts the writing of a build for t: in a staging folder beside it,
// or, where t cannot be replaced as a whole, in place.
func open(t *target, forceInPlace bool) (publisher, error) {
	if t.exist && (forceInPlace || isMountPoint(t.path)) {
		return openInPlace(t)
	}
	st, err := stageDir(t)
	switch {
	case errors.Is(err, errParentReadOnly) && t.exist:
		return openInPlace(t)
	case errors.Is(err, errParentReadOnly):
		return nil, t.refuse("没有权限在上级目录中创建它；请先创建这个目录，让运行 tongbao 的用户可以写入，或以有权限的用户运行")
	case err != nil:
		return nil, err
	}
	return st, nil
}

// errParentReadOnly is stageDir's answer when it may not write beside the
// output: then the output is updated in place.
var errParentReadOnly = errors.New("the output's parent folder is not writable")

// A staged tree is an output being written beside dest, not yet in its
// place. While it exists the parent folder is locked against other builds.
type staged struct {
	t      *target
	dest   string // the folder replaced: t.path
	tmp    string
	tree   *tree
	unlock func()
	sealed Manifest // the manifest written by seal

	// listed are the files the build before left in dest (previousFiles);
	// whatever else is there is foreign, and seal takes it over
	// (foreignFiles).
	listed       []string
	foreignFiles foreignPlan

	// made are the folders that were created to hold dest, deepest first:
	// a build that fails removes them again if they are still empty, so
	// that it leaves no trace.
	made []string
}

// stagePrefix starts the names of the folders a build writes beside dest
// (".public.new-123"); a killed build may leave one behind, and the next
// build removes it.
func stagePrefix(name string) string { return "." + name + ".new-" }

// stageDir locks dest's parent and creates an empty staging folder in it,
// removing those that killed builds left.
func stageDir(t *target) (_ *staged, err error) {
	dest := t.path
	parent, name := filepath.Dir(dest), filepath.Base(dest)
	st := &staged{t: t, dest: dest, unlock: func() {}}
	for dir := parent; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			break
		}
		st.made = append(st.made, dir)
	}
	defer func() {
		if err != nil {
			st.discard()
		}
	}()
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, t.refuse("无法创建上级目录：" + why(err))
	}
	// Under the lock no other build is writing beside dest, so a staging
	// folder found there was left by a build that died: it is removed.
	unlock, locked := lockDir(parent)
	st.unlock = unlock
	if locked {
		removeStale(parent, name)
	}
	if st.tmp, err = os.MkdirTemp(parent, stagePrefix(name)); err != nil {
		if errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err) {
			return nil, errParentReadOnly
		}
		return nil, fmt.Errorf("无法在 %s 中创建临时目录：%s", parent, why(err))
	}
	if err := os.Chmod(st.tmp, 0o755); err != nil {
		return nil, err
	}
	st.tree = newTree(st.tmp)
	st.tree.reuse(dest)
	if t.exist {
		st.listed = previousFiles(dest, st.tree.before)
	}
	return st, nil
}

func (s *staged) add(o render.Output) error {
	if err := checkPath(o.Path); err != nil {
		return err
	}
	c, err := contentOf(o)
	if err == nil {
		err = s.tree.put(c)
	}
	if err != nil {
		return fmt.Errorf("%w；%s 保持不变", err, s.t.given)
	}
	return nil
}

// seal takes over the foreign files of dest (see foreign.go), writes the
// manifest of the files added and flushes the staging folder to disk: the
// tree is then complete, ready to be swapped in.
func (s *staged) seal() error {
	if s.t.exist {
		found, err := scanOutput(s.dest, s.t.given, true)
		if err != nil {
			return err
		}
		plan, err := sortForeign(found, s.listed, paths(s.tree.files), foldCase, s.t.given)
		if err != nil {
			return err
		}
		if err := s.carry(plan); err != nil {
			return err
		}
	}
	m := Manifest{Files: s.tree.files, Example: s.t.example}
	m.sort()
	data := m.Bytes()
	if err := writeFile(s.tmp, ManifestName, data); err != nil {
		return fmt.Errorf("%w；%s 保持不变", err, s.t.given)
	}
	if err := syncTree(s.tmp); err != nil {
		return err
	}
	s.sealed = withManifest(m, data)
	return nil
}

// withManifest is m with the manifest's own entry, data being its bytes.
func withManifest(m Manifest, data []byte) Manifest {
	out := Manifest{Example: m.Example, Files: append(m.Files[:len(m.Files):len(m.Files)], entry(ManifestName, data, nil))}
	out.sort()
	return out
}

func (s *staged) written() Manifest { return s.sealed }

func (s *staged) foreign() foreignPlan { return s.foreignFiles }

// paths are the paths of entries.
func paths(entries []ManifestEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Path
	}
	return out
}

func (s *staged) previous() *Manifest { return s.tree.before }

func (s *staged) stats(start time.Time) Stats { return s.tree.stats(start) }

// checkPath refuses an output path that would land outside the tree or
// on tongbao's own files.
func checkPath(p string) error {
	if reserved(p) || !filepath.IsLocal(filepath.FromSlash(p)) {
		return fmt.Errorf("输出路径“%s”无效", p)
	}
	return nil
}

// entry is the manifest's entry of data at rel; sum, if not nil, is the
// SHA-256 of data, which the renderer made already (render.Output.Sum).
func entry(rel string, data []byte, sum *[32]byte) ManifestEntry {
	if sum == nil {
		s := sha256.Sum256(data)
		sum = &s
	}
	return ManifestEntry{Path: rel, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
}

// A tree writes files below its root, creating each folder once, and
// records the path, size and hash of every file for the manifest. It is
// safe for concurrent use.
type tree struct {
	root string

	// A file of the previous build that holds exactly the bytes this
	// build would write is linked from there, not written again: the
	// bytes on disk change only where the site changed, and so do the
	// files' times, which an upload by rsync or to the portal by
	// modification time then skips.
	prevRoot string
	prev     map[string]ManifestEntry
	before   *Manifest // the previous build's manifest, as read

	perm perms

	mu    sync.Mutex
	dirs  map[string]bool // folders known to exist, relative to root
	files []ManifestEntry
}

// reuse lets the tree link files from the build in dest. The manifest only
// says which files may be the same; each is compared byte for byte before
// it is taken (sameContent), since anything may have changed it since —
// an edit, a restored backup with old times, a chmod.
func (t *tree) reuse(dest string) {
	m, err := ReadManifest(dest)
	if err != nil {
		return
	}
	t.prevRoot = dest
	t.before = &m
	t.prev = make(map[string]ManifestEntry, len(m.Files))
	for _, e := range m.Files {
		t.prev[e.Path] = e
	}
}

// link links rel from the previous build if it holds the same bytes
// (same, given its file's name).
func (t *tree) link(rel string, e ManifestEntry, same func(name string) bool) bool {
	if old, ok := t.prev[rel]; !ok || old != e {
		return false
	}
	src := filepath.Join(t.prevRoot, filepath.FromSlash(rel))
	if !same(src) {
		return false
	}
	return os.Link(src, filepath.Join(t.root, filepath.FromSlash(rel))) == nil
}

func newTree(root string) *tree {
	return &tree{root: root, dirs: map[string]bool{".": true}}
}

// A content is an output as the writers take it: its manifest entry, and
// how to tell whether a file holds it and to write it. An output that
// names a file of the site (render.Output.File) is hashed, compared and
// copied in pieces, never held whole.
type content struct {
	e      ManifestEntry
	same   func(name string) bool
	create func(name string) error
}

func contentOf(o render.Output) (content, error) {
	if a := o.File; a != nil {
		e, err := fileEntry(o.Path, a)
		return content{e,
			func(name string) bool { return sameAsFile(name, a) },
			func(name string) error { return copyFile(name, a) }}, err
	}
	return content{entry(o.Path, o.Data, o.Sum),
		func(name string) bool { return sameContent(name, o.Data) },
		func(name string) error { return createFile(name, o.Data) }}, nil
}

// put writes c below the root, or links it from the previous build if
// that holds the same bytes.
func (t *tree) put(c content) error {
	rel := c.e.Path
	if err := t.mkdir(path.Dir(rel)); err != nil {
		return writeError(rel, err)
	}
	if !t.link(rel, c.e, c.same) {
		full := filepath.Join(t.root, filepath.FromSlash(rel))
		if err := c.create(full); err != nil {
			return writeError(rel, err)
		}
		if err := t.perm.file(full); err != nil {
			return writeError(rel, err)
		}
	}
	t.mu.Lock()
	t.files = append(t.files, c.e)
	t.mu.Unlock()
	return nil
}

// mkdir makes the slash folder dir below the root, parents first, each
// once. The root starts empty, so a folder not yet marked is new: one
// mkdir makes it, where MkdirAll would stat it and its parent first.
func (t *tree) mkdir(dir string) error {
	t.mu.Lock()
	known := t.dirs[dir]
	t.mu.Unlock()
	if known {
		return nil
	}
	if err := t.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(t.root, filepath.FromSlash(dir))
	if err := os.Mkdir(full, 0o755); err != nil {
		// Two writers may both get here for one folder. MkdirAll lets the
		// second find it made, and still refuses a file in its place.
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		if err := os.MkdirAll(full, 0o755); err != nil {
			return err
		}
	} else if err := t.perm.dir(full); err != nil {
		return err
	}
	// Marked only once it exists.
	t.mu.Lock()
	t.dirs[dir] = true
	t.mu.Unlock()
	return nil
}

// stats describes the files written, the manifest not counted.
func (t *tree) stats(start time.Time) Stats {
	st := Stats{Files: len(t.files), Duration: time.Since(start)}
	for _, e := range t.files {
		st.Bytes += e.Size
		if strings.HasSuffix(e.Path, ".html") {
			st.Pages++
		}
	}
	return st
}

// perms makes what a build writes 0644 (files) and 0755 (folders) whatever
// the umask: the web server that publishes the output often runs as
// another user, and must be able to read it. The first file and the first
// folder show whether the umask took anything away; only then is each
// changed, one system call more.
type perms struct {
	fileOnce, dirOnce sync.Once
	fixFiles, fixDirs bool
}

func (p *perms) file(name string) error { return p.fix(&p.fileOnce, &p.fixFiles, name, 0o644) }

func (p *perms) dir(name string) error { return p.fix(&p.dirOnce, &p.fixDirs, name, 0o755) }

func (p *perms) fix(once *sync.Once, fix *bool, name string, mode fs.FileMode) error {
	if runtime.GOOS == "windows" {
		return nil // a file's permissions there are not its mode bits
	}
	once.Do(func() {
		fi, err := os.Stat(name)
		*fix = err != nil || fi.Mode().Perm() != mode
	})
	if !*fix {
		return nil
	}
	return os.Chmod(name, mode)
}

// sameContent reports whether the regular file at name holds exactly data,
// with the permissions a build gives its files.
func sameContent(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) ||
		(runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644) {
		return false
	}
	bp := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(bp)
	buf := *bp
	for len(data) > 0 {
		n, err := io.ReadFull(f, buf[:min(len(buf), len(data))])
		if err != nil || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	// Nothing after the expected end: the file may have grown since Stat.
	n, _ := f.Read(buf[:1])
	return n == 0
}

// fileEntry is the manifest's entry of a file of the site copied to rel
// as it is, hashed in pieces.
func fileEntry(rel string, a *site.Attachment) (ManifestEntry, error) {
	h := sha256.New()
	if err := a.Copy(h); err != nil {
		return ManifestEntry{}, err
	}
	return ManifestEntry{Path: rel, Size: a.Size, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// copyFile copies a file of the site to name.
func copyFile(name string, a *site.Attachment) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := a.Copy(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sameAsFile is sameContent for a file of the site: whether the file
// name holds its bytes, compared in pieces.
func sameAsFile(name string, a *site.Attachment) bool {
	f, err := a.Open()
	if err != nil {
		return false
	}
	defer f.Close()
	g, err := os.Open(name)
	if err != nil {
		return false
	}
	defer g.Close()
	if fi, err := g.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() != a.Size ||
		(runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644) {
		return false
	}
	return sameReaders(f, g)
}

// sameReaders reports whether f and g hold the same bytes to their ends,
// compared in pieces.
func sameReaders(f, g io.Reader) bool {
	bp, gp := readBuffers.Get().(*[]byte), readBuffers.Get().(*[]byte)
	defer readBuffers.Put(bp)
	defer readBuffers.Put(gp)
	ended := func(err error) bool { return err == io.EOF || err == io.ErrUnexpectedEOF }
	for {
		n, ferr := io.ReadFull(f, *bp)
		m, gerr := io.ReadFull(g, *gp)
		if n != m || !bytes.Equal((*bp)[:n], (*gp)[:m]) {
			return false
		}
		if ferr != nil || gerr != nil {
			return ended(ferr) && ended(gerr) // both at their end
		}
	}
}

var readBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// writeAll writes outputs with add, one writer per core: creating and
// filling thousands of files is system-call time that a single writer
// leaves the other cores idle for. After a failure no further file is
// started, and the error returned is that of the first failed output in
// their order.
func writeAll(add func(render.Output) error, outputs []render.Output) error {
	return par.Until(len(outputs), func(i int) error { return add(outputs[i]) })
}

// writeFile writes one file below root, making its folder.
func writeFile(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	err := os.MkdirAll(filepath.Dir(p), 0o755)
	if err == nil {
		err = createFile(p, data)
	}
	if err == nil {
		err = os.Chmod(p, 0o644)
	}
	if err != nil {
		return writeError(rel, err)
	}
	return nil
}

// publish swaps the staged tree into dest's place and removes the old one.
func (s *staged) publish() error {
	defer s.unlock()
	old, err := swap(s.tmp, s.dest)
	if err != nil {
		removeAll(s.tmp)
		return fmt.Errorf("无法用新生成的网站替换 %s：%s；%s 保持不变", s.t.given, why(err), s.t.given)
	}
	if old != "" {
		removeAll(old)
	}
	return nil
}

// discard removes the staged tree, and the folders made to hold it if
// nothing else is in them; dest is left as it was.
func (s *staged) discard() {
	if s.tmp != "" {
		removeAll(s.tmp)
	}
	s.unlock()
	for _, dir := range s.made {
		if os.Remove(dir) != nil {
			break
		}
	}
}

// removeStale removes the staging folders of earlier builds of dest that
// were killed before they could clean up.
func removeStale(parent, name string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagePrefix(name)) {
			removeAll(filepath.Join(parent, e.Name()))
		}
	}
}

// syncTreeByFiles flushes every file and folder of a tree, one fsync each:
// the portable way on systems that flush through a read-only descriptor,
// used where the system cannot flush a whole file system. (Windows, which
// cannot, flushes each file as it writes it: see createFile.)
func syncTreeByFiles(root string) error {
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
