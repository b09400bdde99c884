package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"sync"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// An input is one thing an output reads. Every job and every cached
// fragment of a page lists its inputs where it is made; the preview
// server's cache keys it by them, here and nowhere else. A job that reads
// something it does not list can be served stale: the randomized
// consistency test (consistency_test.go) edits archives at random to find
// such a job.
type input struct {
	kind inputKind
	file string // inFile
	p    *rank.Period
	unit *site.Unit
	ind  *site.Indicator
	circ *site.Circular
	sum  [32]byte // inMade
}

type inputKind uint8

const (
	inGlobal    inputKind = iota // config.toml, units, indicators, every layout and asset, the base URL
	inFile                       // one source file's bytes, by its path
	inPeriod                     // everything a period holds (rank.Period.Digest)
	inUnit                       // what a period says of a unit (UnitDigest)
	inIndicator                  // what a period says of an indicator (IndicatorDigest)
	inComposite                  // a period's composite rankings (CompositeDigest)
	inRankings                   // a period's township rankings, every indicator's and the composite (RankingsDigest)
	inRef                        // how a period is referred to: its key, label and the circular that reports it, and which entries that circular leaves out or ranks in its own words ([[entry]] omit, ranking)
	inFront                      // a circular's front matter: what lists, neighbours and feeds show of it
	inFronts                     // every circular's and plain page's front matter
	inNewest                     // the date of the newest circular: the archive's update date
	inPeriods                    // every period, whole, and how each is referred to
	inMade                       // a value made from declared inputs, by its digest: the search index's shards, made from its pages' tokens
	inSections                   // which sections each month file before one reports (sectionRun), by the month's file
)

func global() input                             { return input{kind: inGlobal} }
func fileIn(name string) input                  { return input{kind: inFile, file: name} }
func periodIn(p *rank.Period) input             { return input{kind: inPeriod, p: p} }
func unitIn(p *rank.Period, u *site.Unit) input { return input{kind: inUnit, p: p, unit: u} }
func indicatorIn(p *rank.Period, ind *site.Indicator) input {
	return input{kind: inIndicator, p: p, ind: ind}
}
func compositeIn(p *rank.Period) input { return input{kind: inComposite, p: p} }
func rankingsIn(p *rank.Period) input  { return input{kind: inRankings, p: p} }
func refIn(p *rank.Period) input       { return input{kind: inRef, p: p} }
func frontIn(c *site.Circular) input   { return input{kind: inFront, circ: c} }
func fronts() input                    { return input{kind: inFronts} }
func newest() input                    { return input{kind: inNewest} }
func periods() input                   { return input{kind: inPeriods} }
func madeIn(sum [32]byte) input        { return input{kind: inMade, sum: sum} }
func sectionsIn(m *site.Month) input   { return input{kind: inSections, file: m.File} }

// A keyer turns declared inputs into cache keys. It is made once per
// render, and only when there is a cache: a build keys nothing.
type keyer struct {
	global [32]byte
	files  map[string][32]byte // source files by path: months, circulars, pages, assets
	refs   map[*rank.Period][32]byte
	front  map[*site.Circular][32]byte
	fronts [32]byte
	newest [32]byte
	bufs   sync.Pool // the bytes a key is hashed from

	// sections are, by a month's file, which sections the month files
	// before it report, chained month by month: made once here, where
	// each body hashing them for itself cost months × indicators a body.
	sections map[string][32]byte

	periods func() [32]byte // made on first use
}

func newKeyer(c *core) *keyer {
	s := c.s
	k := &keyer{
		files: map[string][32]byte{},
		refs:  make(map[*rank.Period][32]byte, len(c.res.Periods)),
		front: make(map[*site.Circular][32]byte, len(s.Circulars)),
	}
	h := sha256.New()
	h.Write(s.Sum[:])
	// The layouts as the loader merged them, the site's over the built-in
	// theme's: an override appearing or going away changes a file's
	// bytes, or at least its Source, which template errors name.
	for _, files := range [][]site.File{s.Layouts, s.Assets} {
		for _, f := range files {
			writeString(h, f.Name)
			writeString(h, f.Source)
			sum := sha256.Sum256(f.Data)
			h.Write(sum[:])
		}
	}
	for _, a := range s.Assets {
		k.files["layouts/assets/"+a.Name] = sha256.Sum256(a.Data)
	}
	writeString(h, c.base.URL)
	// Every page's footer lists the top pages by title (SiteData.Map).
	for _, l := range c.view.Map {
		writeString(h, l.Title)
		writeString(h, l.Path)
	}
	// Every history page says 月, 季度 or 期 by all the month files at once.
	writeString(h, c.view.Period.Each)
	// And which rankings from above the office is given or asks for, by
	// every month at once too: a department's rows and the name of the
	// city-bottom list (peerBottom: 排全市后三 or 排三区最后) follow them.
	for _, hr := range []site.Higher{s.Higher(), s.HigherHeld()} {
		h.Write([]byte{bit(hr.City), bit(hr.Peer)})
	}
	copy(k.global[:], h.Sum(nil))

	for _, m := range s.Months {
		k.files[m.File] = m.Sum
	}
	k.sections = make(map[string][32]byte, len(s.Months))
	var chain [32]byte
	for _, m := range s.Months {
		k.sections[m.File] = chain
		b := append([]byte(nil), chain[:]...)
		for _, ind := range s.Indicators {
			if m.Result(ind.ID) != nil {
				b = appendString(b, ind.Section)
			}
		}
		chain = sha256.Sum256(b)
	}
	for _, as := range s.AllAttachments() {
		for _, a := range as {
			// By what the load saw of the file, which it does not read.
			k.files[a.File] = sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%d", a.File, a.Size, a.ModTime.UnixNano()))
		}
	}
	all := sha256.New()
	for _, circ := range s.Circulars {
		k.files[circ.File] = circ.Sum
		h := sha256.New()
		// With what data.json, /data/'s rows and the feed say of it besides:
		// its correction's date, and whether it is still in force.
		for _, s := range []string{circ.File, circ.Number, circ.Title, circ.To, circ.Date.String(), circ.Published.String(), circ.Data.Key(), circ.Updated.String(), circ.Valid} {
			writeString(h, s)
		}
		for _, a := range circ.Attachments { // the feed's enclosures
			writeString(h, a.Title)
			writeString(h, a.File)
		}
		for _, a := range circ.Aliases { // the feed's id (firstPath)
			writeString(h, a.Path)
		}
		if circ.Letter {
			h.Write([]byte{1})
		}
		var f [32]byte
		copy(f[:], h.Sum(nil))
		k.front[circ] = f
		all.Write(f[:])
	}
	for _, p := range s.Pages {
		k.files[p.File] = p.Sum
		for _, s := range []string{p.File, p.Path, p.Title, p.Date.String()} {
			writeString(all, s)
		}
	}
	copy(k.fronts[:], all.Sum(nil))
	k.newest = sha256.Sum256([]byte(s.LastPublished().String()))
	for _, p := range c.res.Periods {
		var b []byte
		b = appendString(b, p.Span.Key())
		b = appendString(b, p.Label)
		if circ := c.reporter[p]; circ != nil {
			b = appendString(b, circ.URLPath())
			// What it leaves unsaid of its entries, which the units'
			// leads leave unsaid too (edits.left, edits.unranked).
			for _, e := range circ.Entries {
				if e.Omit || e.Ranking != "" {
					b = appendString(b, e.Indicator)
					b = append(b, bit(e.Omit))
				}
			}
		}
		k.refs[p] = sha256.Sum256(b)
	}
	k.periods = sync.OnceValue(func() [32]byte {
		var b []byte
		for _, p := range c.res.Periods {
			d, r := p.Digest(), k.refs[p]
			b = append(append(b, d[:]...), r[:]...)
		}
		return sha256.Sum256(b)
	})
	return k
}

// key hashes what name reads: the declared inputs, by their contents.
func (k *keyer) key(name string, in []input) [32]byte {
	bp, _ := k.bufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	b := appendString((*bp)[:0], name)
	for _, x := range in {
		b = append(b, byte(x.kind))
		var d [32]byte
		switch x.kind {
		case inGlobal:
			d = k.global
		case inFile:
			b = appendString(b, x.file)
			sum, ok := k.files[x.file]
			if !ok {
				panic("render: an input names " + x.file + ", which is no source file")
			}
			d = sum
		case inPeriod:
			d = x.p.Digest()
		case inUnit:
			d = x.p.UnitDigest(x.unit)
		case inIndicator:
			d = x.p.IndicatorDigest(x.ind)
		case inComposite:
			d = x.p.CompositeDigest()
		case inRankings:
			d = x.p.RankingsDigest()
		case inRef:
			d = k.refs[x.p]
		case inFront:
			d = k.front[x.circ] // zero for none: the first circular's previous, the last's next
		case inFronts:
			d = k.fronts
		case inNewest:
			d = k.newest
		case inPeriods:
			d = k.periods()
		case inMade:
			d = x.sum
		case inSections:
			d = k.sections[x.file]
		}
		b = append(b, d[:]...)
	}
	sum := sha256.Sum256(b)
	*bp = b
	k.bufs.Put(bp)
	return sum
}

func bit(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func writeString(h hash.Hash, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}
