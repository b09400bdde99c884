package render

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// Unlisted warns of each circular whose period has measures of an action
// its body lists nowhere: no `rewards` for the rewards, no `measures` or
// `interviews` of the action, nor a bare `interviews`, for any other —
// nor does another circular of the period.
// The measures are decided by the rules, and a body is most often the
// last one copied: when next year's 考核办法 brings a new action (连续
// 两个月后三的，书面检查), the month it first falls in would publish a
// circular that says nothing of it, and nothing would say so. Measures a
// body writes out by hand are listed too (writtenOut). Each warning is at
// the body's last shortcode of measures, where the one missing would go.
//
// It warns too of the indicators of a section the month reports that a
// circular listing its month's indicators by section (with `indicators`)
// leaves out (unlistedSections): the body copied from a month without
// the section — one assessed every quarter, whose heading the warning of
// an empty `indicators` said to delete — would publish the month that
// has it without it.
//
// It reads the bodies, so a build calls it before it lets them go
// (Options.ReleaseSources).
func Unlisted(s *site.Site, res *rank.Results) diag.List {
	var md *markdown.Converter
	type read struct {
		circ     *site.Circular
		p        *rank.Period
		actions  []string // with measures, in the order of [terms] actions
		sections []string // with results in the month, in the order of [terms] sections
		listed   listing
	}
	var reads []read
	byPeriod := map[*rank.Period][]int{}
	for _, circ := range s.Circulars {
		p := res.Period(circ.Data.Key())
		if p == nil || circ.Body == nil {
			continue
		}
		var actions []string
		for _, a := range s.Config.Terms.Actions {
			if len(p.Actions(a)) > 0 {
				actions = append(actions, a)
			}
		}
		sections := reportedSections(s, p)
		if len(actions) == 0 && len(sections) == 0 {
			continue
		}
		listed := listingOf(circ.Body, func() []markdown.Shortcode {
			if md == nil {
				md = markdown.New()
			}
			scs, _ := md.Shortcodes(circ.Body)
			return scs
		}, actions, sections)
		byPeriod[p] = append(byPeriod[p], len(reads))
		reads = append(reads, read{circ, p, actions, sections, listed})
	}
	// An action is listed for a period when one of its circulars lists
	// it: a second circular of the month (one commending the units
	// rewarded) need not list the 约谈 the first does.
	covered := func(r read, a string) bool {
		return slices.ContainsFunc(byPeriod[r.p], func(i int) bool {
			o := reads[i]
			return o.listed.lists(a) || writtenOut(o.circ.Body, a, r.p.Actions(a), s.Config.Terms.Actions)
		})
	}
	var l diag.List
	for _, r := range reads {
		for _, a := range r.actions {
			if covered(r, a) {
				continue
			}
			// At the last list of measures, where the new one goes.
			l.Add(r.circ.File, r.circ.BodyLine+max(r.listed.last, 1)-1, 1, "%s", unlistedMessage(r.p.Label, a, r.p.Actions(a)))
		}
		if len(r.listed.sections) == 0 {
			continue // it lists no section: written by hand, or not the circular of the indicators
		}
		for _, sec := range r.sections {
			if r.listed.sections[sec] > 0 {
				continue
			}
			var circs []*site.Circular
			var listings []listing
			for _, i := range byPeriod[r.p] {
				circs, listings = append(circs, reads[i].circ), append(listings, reads[i].listed)
			}
			// At the section before it, where the missing one goes.
			if left := unlistedSection(s, r.p, sec, circs, listings); len(left) > 0 {
				l.Add(r.circ.File, r.circ.BodyLine+r.listed.sectionAt(sec, s.Config.Terms.Sections)-1, 1, "%s", unlistedSectionMessage(r.p, sec, left))
			}
		}
	}
	return append(l, ungraded(s, res)...)
}

// reportedSections are the sections of which the month p reports results,
// in the order of [terms] sections; none for an aggregate, whose
// circulars list no indicators (`indicators` is monthly).
func reportedSections(s *site.Site, p *rank.Period) []string {
	if p.Aggregate() {
		return nil
	}
	var out []string
	for _, sec := range s.Config.Terms.Sections {
		if p.Month.ReportsSection(sec) {
			out = append(out, sec)
		}
	}
	return out
}

// unlistedSection are the indicators of section sec with results in p's
// month that none of the period's circulars circs shows: by `indicators`
// of the section, or a `table` of the indicator, or leaves out by
// [[entry]] omit (its own or its group's: the way to leave them out), or
// names in its body (an entry written by hand). listings are the
// circulars' listings.
func unlistedSection(s *site.Site, p *rank.Period, sec string, circs []*site.Circular, listings []listing) []*site.Indicator {
	var left []*site.Indicator
	for _, ind := range s.Indicators {
		if ind.Section != sec || p.Month.Result(ind.ID) == nil {
			continue
		}
		shown := false
		for i, c := range circs {
			l := listings[i]
			shown = shown || l.sections[sec] > 0 || l.tables[ind.ID] || newEdits(c.Entries).left(ind) ||
				bytes.Contains(c.Body, []byte(ind.NameIn(p.Month.Key)))
		}
		if !shown {
			left = append(left, ind)
		}
	}
	return left
}

// DraftWarnings are the warnings of the drafts' circulars (files) of the
// draft site st (site.LoadDraft), ranked as res: the measures their
// bodies list nowhere (Unlisted), the slips of their Markdown (slips,
// Options.Warn) and the load's (a linked file or picture not there, a
// picture without its text), theirs and their month files' (a score
// written as text: site.DraftFiles). The site built or served leaves their
// months out, so its own warnings say nothing of the text being
// written; those of the rest of the site, which st repeats, are left to
// it.
//
// check and build tell them (internal/build), and the preview shows them
// over the drafts (internal/serve): one list, so that the two cannot come
// to tell a draft apart.
func DraftWarnings(st *site.Site, res *rank.Results, files []string, slips diag.List) diag.List {
	var out diag.List
	files = st.DraftFiles(files)
	for _, w := range slices.Concat(Unlisted(st, res), slips, st.Warnings) {
		if slices.Contains(files, w.File) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	out.Sort()
	return out
}

// Lists reports whether a circular's body lists the measures of action
// by a shortcode (see Unlisted).
func Lists(body []byte, action string) bool {
	return listingOf(body, func() []markdown.Shortcode {
		scs, _ := markdown.New().Shortcodes(body)
		return scs
	}, []string{action}, nil).lists(action)
}

// A listing is what the shortcodes of a body list of a period's measures
// and indicators.
type listing struct {
	actions  map[string]bool // by `rewards`, or `measures` or `interviews` with the action
	others   bool            // by a bare `interviews`: every action but the rewards
	last     int             // the line of the body of the last shortcode of measures, or 0
	sections map[string]int  // by `indicators`: the line of the body of the section's first
	tables   map[string]bool // by `table`, of the indicator id
}

func (l listing) lists(a string) bool { return l.actions[a] || l.others && a != site.RewardAction }

// sectionAt is the line of the body where the `indicators` of section
// sec would go: at the last one of a section before it in the order of
// sections ([terms] sections), or the first of all when none is before.
func (l listing) sectionAt(sec string, sections []string) int {
	at, first := 0, 0
	for _, o := range sections {
		n := l.sections[o]
		if n == 0 {
			continue
		}
		if first == 0 || n < first {
			first = n
		}
		if slices.Index(sections, o) < slices.Index(sections, sec) && n > at {
			at = n
		}
	}
	return max(cmp.Or(at, first), 1)
}

// listingOf is what body lists of the actions and sections given. It
// reads the shortcode lines as they stand, and parses the body (all) only
// when that leaves an action or a section unlisted and the body may have a shortcode that
// reading misses or reads otherwise (one in a list or a quote, an argument
// with a blank or a \"), or when a line may open a code block or HTML (a
// part commented out with <!-- -->): a shortcode in a list or a quote is
// still one, and a line in a code block or a comment is none. A body
// written by hand, without such shortcodes, is not parsed on every
// preview.
func listingOf(body []byte, all func() []markdown.Shortcode, actions, sections []string) listing {
	var scs []markdown.Shortcode
	n := 0
	exact := true // each line read as the parser reads it
	for line := range bytes.Lines(body) {
		n++
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("<")) || bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			return listOf(all())
		}
		if !bytes.HasPrefix(line, []byte("{{<")) || !bytes.HasSuffix(line, []byte(">}}")) {
			continue
		}
		f := strings.Fields(string(line[3 : len(line)-3]))
		if len(f) == 0 {
			continue
		}
		sc := markdown.Shortcode{Name: f[0], Line: n}
		for _, a := range f[1:] {
			sc.Args = append(sc.Args, strings.Trim(a, `"`))
			q := strings.Count(a, `"`)
			exact = exact && !strings.Contains(a, `\`) && (q == 0 || q == 2 && len(a) > 1 && a[0] == '"' && a[len(a)-1] == '"')
		}
		scs = append(scs, sc)
	}
	l := listOf(scs)
	if exact && bytes.Count(body, []byte("{{<")) == len(scs) {
		return l
	}
	for _, a := range actions {
		if !l.lists(a) {
			return listOf(all())
		}
	}
	for _, sec := range sections {
		if l.sections[sec] == 0 {
			return listOf(all())
		}
	}
	return l
}

// listOf is the listing of the shortcodes scs.
func listOf(scs []markdown.Shortcode) listing {
	l := listing{actions: map[string]bool{}, sections: map[string]int{}, tables: map[string]bool{}}
	for _, sc := range scs {
		switch {
		case sc.Name == "indicators" && len(sc.Args) == 1:
			if l.sections[sc.Args[0]] == 0 {
				l.sections[sc.Args[0]] = sc.Line
			}
			continue
		case sc.Name == "table" && len(sc.Args) >= 1:
			l.tables[sc.Args[0]] = true
			continue
		case sc.Name == "score-table":
			for _, id := range sc.Args {
				l.tables[id] = true
			}
			continue
		case sc.Name == "rewards":
			l.actions[site.RewardAction] = true
		case sc.Name == "interviews" && len(sc.Args) == 0:
			l.others = true
		case (sc.Name == "interviews" || sc.Name == "measures") && len(sc.Args) == 1:
			l.actions[sc.Args[0]] = true
		default:
			continue
		}
		l.last = sc.Line
	}
	return l
}

// writtenOut reports whether the body writes out the measures ms of
// action a by hand: each unit named in a paragraph that names the action
// too (对火车站乡行政负责人给予约谈). A body copied from the month before a
// new action has no paragraph naming it, while its units are named all
// over it. The action is not named by another of the office's actions
// that holds it: 提醒约谈 is no 约谈.
func writtenOut(body []byte, a string, ms []rank.Measure, actions []string) bool {
	if bytes.IndexByte(body, '\r') >= 0 { // a copy only for a body saved with CRLF
		body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	}
	var paras [][]byte
	for p := range bytes.SplitSeq(body, []byte("\n\n")) {
		named := p
		for _, o := range actions {
			if o != a && strings.Contains(o, a) {
				named = bytes.ReplaceAll(named, []byte(o), nil)
			}
		}
		if bytes.Contains(named, []byte(a)) {
			paras = append(paras, p)
		}
	}
	return !slices.ContainsFunc(ms, func(m rank.Measure) bool {
		return !slices.ContainsFunc(paras, func(p []byte) bool { return bytes.Contains(p, []byte(m.Unit.Name)) })
	})
}

// unlistedMessage is the warning of the measures ms of action a, of the
// period labelled label, that a circular does not list.
func unlistedMessage(label, a string, ms []rank.Measure) string {
	// Each unit once: the first of composite and city ranking is
	// rewarded twice, 东风路街道 once.
	var units []*site.Unit
	for _, m := range ms {
		if !slices.Contains(units, m.Unit) {
			units = append(units, m.Unit)
		}
	}
	names := make([]string, 0, 3)
	for i, u := range units {
		if i == 3 {
			names[2] += fmt.Sprintf("等%d个单位", len(units))
			break
		}
		names = append(names, u.Name)
	}
	add := fmt.Sprintf(`{{< measures %s >}}`, site.Quote(a))
	if a == site.RewardAction {
		add = "{{< rewards >}}"
	}
	return fmt.Sprintf("警告：%s有%s（%s），通报正文没有列出：要列出，在正文中加一行 %s", label, a, zh.Join(names), add)
}

// unlistedSectionMessage is the warning of the indicators left of section
// sec, with results in p's month, that the circulars of p do not list.
func unlistedSectionMessage(p *rank.Period, sec string, left []*site.Indicator) string {
	names := make([]string, 0, 3)
	for i, ind := range left {
		if i == 3 {
			names[2] += fmt.Sprintf("等%d项", len(left))
			break
		}
		names = append(names, ind.NameIn(p.Month.Key))
	}
	return fmt.Sprintf("警告：%s（%s）有“%s”%d项指标的考核结果（%s），通报正文没有列出这一栏：要列出，在正文中加一个标题和一行 {{< indicators %s >}}；有意不列出的，在前置信息中为其中每项写一个 [[entry]]，omit = true",
		p.Label, p.Month.File, sec, len(left), zh.Join(names), site.Quote(sec))
}
