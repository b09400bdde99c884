package render

import (
	"bytes"
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
// It reads the bodies, so a build calls it before it lets them go
// (Options.ReleaseSources).
func Unlisted(s *site.Site, res *rank.Results) diag.List {
	var md *markdown.Converter
	type read struct {
		circ    *site.Circular
		p       *rank.Period
		actions []string // with measures, in the order of [terms] actions
		listed  listing
	}
	var reads []read
	byPeriod := map[*rank.Period][]int{}
	for _, circ := range s.Circulars {
		p := res.Period(circ.Data.Key())
		if p == nil || len(p.Measures) == 0 || circ.Body == nil {
			continue
		}
		var actions []string
		for _, a := range s.Config.Terms.Actions {
			if len(p.Actions(a)) > 0 {
				actions = append(actions, a)
			}
		}
		listed := listingOf(circ.Body, func() []markdown.Shortcode {
			if md == nil {
				md = markdown.New()
			}
			scs, _ := md.Shortcodes(circ.Body)
			return scs
		}, actions)
		byPeriod[p] = append(byPeriod[p], len(reads))
		reads = append(reads, read{circ, p, actions, listed})
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
	}
	return l
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
	}, []string{action}).lists(action)
}

// A listing is what the shortcodes of a body list of a period's measures.
type listing struct {
	actions map[string]bool // by `rewards`, or `measures` or `interviews` with the action
	others  bool            // by a bare `interviews`: every action but the rewards
	last    int             // the line of the body of the last shortcode of measures, or 0
}

func (l listing) lists(a string) bool { return l.actions[a] || l.others && a != site.RewardAction }

// listingOf is what body lists of the actions given. It reads the
// shortcode lines as they stand, and parses the body (all) only when that
// leaves an action unlisted and the body may have a shortcode that
// reading misses or reads otherwise (one in a list or a quote, an argument
// with a blank or a \"), or when a line may open a code block or HTML (a
// part commented out with <!-- -->): a shortcode in a list or a quote is
// still one, and a line in a code block or a comment is none. A body
// written by hand, without such shortcodes, is not parsed on every
// preview.
func listingOf(body []byte, all func() []markdown.Shortcode, actions []string) listing {
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
	return l
}

// listOf is the listing of the shortcodes scs.
func listOf(scs []markdown.Shortcode) listing {
	l := listing{actions: map[string]bool{}}
	for _, sc := range scs {
		switch {
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
