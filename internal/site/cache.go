package site

import (
	"crypto/sha256"
	"sync"

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
	months    map[string]monthEntry // by file, "data/2023-02.toml"
}

// catalogue is the part of a Site that month files are checked against.
type catalogue struct {
	sum         [32]byte
	config      Config
	townships   []*Unit
	departments []*Unit
	indicators  []*Indicator
	unitsBy     map[string]*Unit
	indsBy      map[string]*Indicator
}

type monthEntry struct {
	sum   [32]byte
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
		l.config()
		l.units()
		l.indicatorCatalogue()
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok && c.catalogue != nil && c.catalogue.sum == sum {
		cat := c.catalogue
		l.s.Config = cat.config
		l.s.Townships, l.s.Departments, l.s.Indicators = cat.townships, cat.departments, cat.indicators
		l.s.units, l.s.indicators = cat.unitsBy, cat.indsBy
		return
	}
	c.catalogue, c.months = nil, nil
	before := len(l.diags)
	l.config()
	l.units()
	l.indicatorCatalogue()
	if ok && len(l.diags) == before {
		c.catalogue = &catalogue{
			sum:         sum,
			config:      l.s.Config,
			townships:   l.s.Townships,
			departments: l.s.Departments,
			indicators:  l.s.Indicators,
			unitsBy:     l.s.units,
			indsBy:      l.s.indicators,
		}
	}
}

// cachedMonth returns the month parsed from the same bytes by the last
// load, if the catalogue has not changed since.
func (l *loader) cachedMonth(rel string, sum [32]byte) (monthEntry, bool) {
	c := l.cache
	if c == nil || c.catalogue == nil {
		return monthEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.months[rel]
	return e, ok && e.sum == sum
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
