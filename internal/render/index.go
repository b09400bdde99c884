package render

import (
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/site"
)

// This file renders the catalogue's index pages (DESIGN.md §7): /units/,
// every unit by group, and /indicators/, every indicator by section,
// nested as in the catalogue. They read the catalogue and the date the
// archive last grew, their 更新日期 (a portal's inspection fails a page
// without a date), so no month's edit renders them again. /rankings/
// lists the same, from the same functions.

// indexes are the index pages of the catalogue.
type indexes struct{ *core }

func (x *indexes) jobs() []job {
	return []job{
		{path: "units/index.html", owner: own("单位索引页"), in: []input{global(), newest()}, fn: x.unitsPage},
		{path: "indicators/index.html", owner: own("指标索引页"), in: []input{global(), newest()}, fn: x.indicatorsPage},
	}
}

// UnitGroup is a heading of /units/ and the units under it.
type UnitGroup struct {
	ID    string // the section's id, a fragment units/ may be linked with
	Name  string
	Units []Link
}

// unitGroups are the units as /units/ and /rankings/ list them, in
// units.toml order: the ranked units — one heading per [[group]] when
// units.toml declares groups (DESIGN §5.8) — then the owners of
// indicators (责任单位) under [terms] department: the departments, if
// the office has any (a 督查室 ranking its townships, with no department
// owning an indicator, is shown no heading 区直单位 over none), and
// after them each ranked unit that owns an indicator (县信访局 of an
// office ranking its 县直单位, owning 信访件办理), where a reader looks
// for who answers for what. Listed under its ranking's heading too, it
// is said to be the same unit there: 同时参加政府部门排名. An office
// with ranked owners and no department heads them 责任单位, its
// [terms] department naming nothing it has. This is the one place that
// groups them; unitGroupOf names the heading of each unit.
func (c *core) unitGroups() []UnitGroup {
	links := func(us []*site.Unit) []Link {
		out := make([]Link, len(us))
		for i, u := range us {
			out[i] = Link{Name: u.Name, Path: unitPath(u), Note: assessedSpan(u, c.s.Assesses())}
		}
		return out
	}
	terms := c.s.Config.Terms
	var out []UnitGroup
	if len(c.s.Groups) == 0 {
		out = append(out, UnitGroup{ID: "townships", Name: terms.Unit, Units: links(c.s.Townships)})
	}
	for i, g := range c.s.Groups {
		out = append(out, UnitGroup{ID: groupID(i), Name: g.Name, Units: links(g.Units)})
	}
	owners := links(c.s.Departments)
	for _, u := range c.s.Owners() {
		if u.Kind == site.Department {
			continue
		}
		ranked := terms.Unit
		if u.Group != nil {
			ranked = u.Group.Name
		}
		note := "同时参加" + ranked + "排名"
		if span := assessedSpan(u, c.s.Assesses()); span != "" {
			note = span + "，" + note
		}
		owners = append(owners, Link{Name: u.Name, Path: unitPath(u), Note: note})
	}
	if len(owners) > 0 {
		name := terms.Department
		if len(c.s.Departments) == 0 {
			name = "责任单位"
		}
		out = append(out, UnitGroup{ID: "departments", Name: name, Units: owners})
	}
	return out
}

// unitGroupOf is the id of the heading of /units/ that lists u.
func (c *core) unitGroupOf(u *site.Unit) string {
	switch {
	case u.Kind == site.Department:
		return "departments"
	case u.Group != nil:
		return groupID(slices.Index(c.s.Groups, u.Group))
	}
	return "townships"
}

// groupID is the html id of the i-th unit group's heading: group-1, …
func groupID(i int) string { return "group-" + strconv.Itoa(i+1) }

// indicatorIndex is the catalogue by section, in document order: each
// top-level entry numbered as the circulars number it (1.), with the
// children of a group under it (（1）), and its owners as a note.
func (c *core) indicatorIndex() []IndexSection {
	var out []IndexSection
	for _, sec := range c.s.Config.Terms.Sections {
		is := IndexSection{Name: sec}
		for _, ind := range c.s.Indicators {
			if ind.Section != sec || ind.Parent != nil {
				continue
			}
			e := IndexEntry{Link: indexLink(ind, ind.Number()+" "+ind.Name, c.s.Assesses())}
			for _, ch := range ind.Children {
				e.Children = append(e.Children, indexLink(ch, ch.Number()+ch.Name, c.s.Assesses()))
			}
			is.Indicators = append(is.Indicators, e)
		}
		if len(is.Indicators) > 0 {
			out = append(out, is)
		}
	}
	return out
}

func indexLink(ind *site.Indicator, name string, k site.PeriodKind) Link {
	l := Link{Name: name, Path: indicatorPath(ind)}
	if len(ind.Owners) > 0 {
		owners := make([]string, len(ind.Owners))
		for i, o := range ind.Owners {
			owners[i] = o.Name
			if until := untilNote(o, k); until != "" {
				owners[i] += "（" + until + "）"
			}
		}
		l.Note = "责任单位：" + strings.Join(owners, "、")
	}
	return l
}

var indexColumn = Column{Name: "考核排名", Description: "考核单位和考核指标索引", Keywords: "考核单位,考核指标,历次排名", Type: "数据"}

func (x *indexes) unitsPage() ([]byte, error) {
	return x.tmpl.execute("units.html", &Page{
		Kind:        "units",
		Title:       "考核单位",
		Path:        "units/",
		Description: "全部考核单位及其历次考核排名",
		Date:        dateData(x.s.LastPublished()),
		Column:      indexColumn,
		UnitGroups:  x.unitGroups(),
	})
}

func (x *indexes) indicatorsPage() ([]byte, error) {
	return x.tmpl.execute("indicators.html", &Page{
		Kind:        "indicators",
		Title:       "考核指标",
		Path:        "indicators/",
		Description: "全部考核指标及其历次排名，按栏目排列",
		Date:        dateData(x.s.LastPublished()),
		Column:      indexColumn,
		Sections:    x.indicatorIndex(),
	})
}
