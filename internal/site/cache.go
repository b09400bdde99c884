package site

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"tongbao/internal/diag"
)

// A Cache lets repeated loads of one site — the preview server rebuilding
// after every save — skip the work whose input has not changed: the
// catalogue (config.toml, units, indicators) and every month file are
// parsed again only when their bytes differ from the last load.
//
// A cached month is the same *Month as before, pointing at the same
// *Unit and *Indicator values, so later stages may key their own caches on
// those pointers. That is why the months are dropped whenever the catalogue
// changes: their pointers into the old catalogue would be stale.
//
// A Cache is safe for use by one Load at a time; the zero value is ready.
type Cache struct {
	mu        sync.Mutex
	catalogue *catalogue
	months    map[string]monthEntry   // by file, "data/2023-02.toml"
	content   map[string]*parsed      // by file, "content/circulars/2023-02.md"
	files     map[string]fileEntry    // by file: what was read, and its stat
	read      map[string]fileEntry    // this load's files: the next files
	pictures  map[string]pictureEntry // by file: the sizes of the pictures bodies link to
	measured  map[string]pictureEntry // this load's: the next pictures
}

// pictureEntry is a linked picture's size in pixels as its header gave
// it, with the file's size and time then. Like the render's key of the
// file, it trusts size and time: a picture changed to the same size
// within the same tick is seen at its next change.
type pictureEntry struct {
	size          int64
	mod           time.Time
	width, height int
}

// fileEntry is a file's text as last read, with the size and time it had
// then. A later load that finds both unchanged takes the text from here
// instead of reading the file again.
type fileEntry struct {
	size    int64
	mod     time.Time
	trusted bool // mod was well in the past when read: see racyWindow
	text    []byte
	sum     [32]byte
}

// racyWindow guards against a file changed twice within its file system's
// time granularity (a clock tick on Linux, 2 s on FAT): same size, same
// time, other bytes. A file read within this window of its modification
// time is read again next time, as git does with its index.
const racyWindow = 2 * time.Second

// catalogue is the part of a Site that month files are checked against.
type catalogue struct {
	sum         [32]byte
	config      Config
	townships   []*Unit
	groups      []*Group
	departments []*Unit
	indicators  []*Indicator
	unitsBy     map[string]*Unit
	indsBy      map[string]*Indicator
	warnings    diag.List // given by every load: config.toml's example domain
}

type monthEntry struct {
	sum   [32]byte
	kind  PeriodKind // the office's, which the month's words speak of (Month.Kind)
	month *Month
	diags diag.List
}

// catalogueFiles are the inputs of the catalogue stage.
var catalogueFiles = []string{"config.toml", "data/units.toml", "data/indicators.toml"}

// catalogueSum hashes the catalogue's files; ok is false when one cannot
// be read, and the stage then runs to report why.
func (l *loader) catalogueSum() (sum [32]byte, ok bool) {
	h := sha256.New()
	for _, name := range catalogueFiles {
		var d diag.List
		b := readFile(l.root, name, &d)
		if b == nil {
			return sum, false
		}
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
	}
	copy(sum[:], h.Sum(nil))
	return sum, true
}

// loadCatalogue fills the config, units and indicators, from the cache
// when their files are unchanged.
func (l *loader) loadCatalogue() {
	sum, ok := l.catalogueSum()
	l.s.Sum = sum
	c := l.cache
	if c == nil {
		l.catalogue()
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok && c.catalogue != nil && c.catalogue.sum == sum {
		cat := c.catalogue
		l.s.Config = cat.config
		l.s.Townships, l.s.Groups, l.s.Departments, l.s.Indicators = cat.townships, cat.groups, cat.departments, cat.indicators
		l.s.units, l.s.indicators = cat.unitsBy, cat.indsBy
		l.s.Warnings = append(l.s.Warnings, cat.warnings...)
		return
	}
	c.catalogue, c.months = nil, nil
	before, warned := len(l.diags), len(l.s.Warnings)
	l.catalogue()
	if ok && len(l.diags) == before {
		c.catalogue = &catalogue{
			sum:         sum,
			config:      l.s.Config,
			townships:   l.s.Townships,
			groups:      l.s.Groups,
			departments: l.s.Departments,
			indicators:  l.s.Indicators,
			unitsBy:     l.s.units,
			indsBy:      l.s.indicators,
			warnings:    slices.Clone(l.s.Warnings[warned:]),
		}
	}
}

// catalogue reads config.toml, the units and the indicators. Every other
// file names units and indicators, and the indicators name units: while
// units.toml has a problem the indicators are not read, and while either
// has one nothing else is (badCatalogue). A unit whose name has a space
// after it, or whose name or slug is given twice, is left out of the
// catalogue; the files that name it would each report it unknown, or
// suggest another, before the one problem that caused it all.
func (l *loader) catalogue() {
	l.config()
	before := len(l.diags)
	l.units()
	if !l.badCatalogue && len(l.diags) == before {
		l.indicatorCatalogue()
	}
	l.badCatalogue = l.badCatalogue || len(l.diags) > before
	if !l.badCatalogue {
		l.rules()
		l.grades()
		l.overall()
	}
}

// cachedMonth returns the month parsed from the same bytes by the last
// load, if the catalogue has not changed since, nor the kind of period
// the office assesses by, which the other files' periods may change.
func (l *loader) cachedMonth(rel string, sum [32]byte, kind PeriodKind) (monthEntry, bool) {
	c := l.cache
	if c == nil || c.catalogue == nil {
		return monthEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.months[rel]
	return e, ok && e.sum == sum && e.kind == kind
}

// keepMonths replaces the cached months with those of this load, so the
// cache never holds a deleted file.
func (l *loader) keepMonths(entries map[string]monthEntry) {
	c := l.cache
	if c == nil || c.catalogue == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.months = entries
}

// source returns a file's text (as readText), or the text LoadWith gives
// in its place, and its hash. With a cache,
// a regular file whose size and modification time are unchanged since a
// trusted earlier read is not read again: on a long archive reading is
// most of a warm rebuild. Safe for concurrent use.
func (l *loader) source(rel string, d *diag.List) (text []byte, sum [32]byte, ok bool) {
	if src, ok := l.with[rel]; ok {
		text = normalize(rel, src, d)
		return text, sha256.Sum256(text), text != nil
	}
	c := l.cache
	if c == nil {
		// No cache, nothing to key: the sum stays zero (Site.Hashed).
		text = readText(l.root, rel, d)
		return text, sum, text != nil
	}
	fi, err := os.Lstat(filepath.Join(l.root, filepath.FromSlash(rel)))
	if err == nil && fi.Mode().IsRegular() {
		c.mu.Lock()
		e, hit := c.files[rel]
		c.mu.Unlock()
		if hit && e.trusted && e.size == fi.Size() && e.mod.Equal(fi.ModTime()) {
			c.remember(rel, e)
			return e.text, e.sum, true
		}
	}
	text = readText(l.root, rel, d)
	if text == nil {
		return nil, sum, false
	}
	sum = sha256.Sum256(text)
	// The stat was taken before the read: if the file changed in between,
	// the next load sees another time or size and reads it again.
	if err == nil && fi.Mode().IsRegular() {
		c.remember(rel, fileEntry{
			size:    fi.Size(),
			mod:     fi.ModTime(),
			trusted: time.Since(fi.ModTime()) > racyWindow,
			text:    text,
			sum:     sum,
		})
	}
	return text, sum, true
}

func (c *Cache) remember(rel string, e fileEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.read == nil {
		c.read = map[string]fileEntry{}
	}
	c.read[rel] = e
}

// cachedContent returns the parse of a content file with the same bytes.
func (l *loader) cachedContent(rel string, sum [32]byte) (*parsed, bool) {
	c := l.cache
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.content[rel]
	return p, ok && p.sum == sum
}

// keepContent replaces the cached content parses with this load's.
func (l *loader) keepContent(files []string, all []*parsed) {
	c := l.cache
	if c == nil {
		return
	}
	m := make(map[string]*parsed, len(files))
	for i, rel := range files {
		if all[i].sum != ([32]byte{}) {
			m[rel] = all[i]
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.content = m
}

// finish ends a load: the files read by it are what the next load may
// skip reading.
func (l *loader) finish() {
	c := l.cache
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files, c.read = c.read, nil
	c.pictures, c.measured = c.measured, nil
}

// pictureSize is imageSize of the linked file a, whose stat the load has
// just taken, read again only when its size or time changed: the preview
// loads at every save, and an archive of notices may show hundreds of
// photographs.
func (l *loader) pictureSize(a *Attachment) (int, int) {
	c := l.cache
	if c == nil {
		return imageSize(a.fsPath(), a.Ext())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pictures[a.File]
	if !ok || e.size != a.Size || !e.mod.Equal(a.ModTime) {
		e = pictureEntry{size: a.Size, mod: a.ModTime}
		e.width, e.height = imageSize(a.fsPath(), a.Ext())
	}
	if c.measured == nil {
		c.measured = map[string]pictureEntry{}
	}
	c.measured[a.File] = e
	return e.width, e.height
}
