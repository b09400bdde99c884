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
// `interviews` of the action, nor a bare `interviews`, for any other.
// The measures are decided by the rules, and a body is most often the
// last one copied: when next year's 考核办法 brings a new action (连续
// 两个月后三的，书面检查), the month it first falls in would publish a
// circular that says nothing of it, and nothing would say so. Measures a
// body writes out by hand are listed too (writtenOut). Each warning is at the body's last shortcode of
// measures, where the one missing would go. It reads the bodies, so a build calls it before
// it lets them go (Options.ReleaseSources).
func Unlisted(s *site.Site, res *rank.Results) diag.List {
	var l diag.List
	var md *markdown.Converter
	for _, circ := range s.Circulars {
		p := res.Period(circ.Data.Key())
		if p == nil || len(p.Measures) == 0 || circ.Body == nil {
			continue
		}
		var actions []string // with measures, in the order of [terms] actions
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
		for _, a := range actions {
			if listed.lists(a) {
				continue
			}
			ms := p.Actions(a)
			if writtenOut(circ.Body, a, ms) {
				continue
			}
			// At the last list of measures, where the new one goes.
			l.Add(circ.File, circ.BodyLine+max(listed.last, 1)-1, 1, "%s", unlistedMessage(p.Label, a, ms))
		}
	}
	return l
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
// leaves an action unlisted: a shortcode in a list or a quote is still
// one, and a line in a code block is none.
func listingOf(body []byte, all func() []markdown.Shortcode, actions []string) listing {
	var scs []markdown.Shortcode
	n := 0
	for line := range bytes.Lines(body) {
		n++
		line = bytes.TrimSpace(line)
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
		}
		scs = append(scs, sc)
	}
	l := listOf(scs)
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
// over it.
func writtenOut(body []byte, a string, ms []rank.Measure) bool {
	var paras [][]byte
	for p := range bytes.SplitSeq(bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), []byte("\n\n")) {
		if bytes.Contains(p, []byte(a)) {
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
	names := make([]string, 0, 3)
	for i, m := range ms {
		if i == 3 {
			names[2] += fmt.Sprintf("等%d个单位", len(ms))
			break
		}
		names = append(names, m.Unit.Name)
	}
	add := fmt.Sprintf(`{{< measures %s >}}`, site.Quote(a))
	if a == site.RewardAction {
		add = "{{< rewards >}}"
	}
	return fmt.Sprintf("警告：%s有%s（%s），通报正文没有列出：要列出，在正文中加一行 %s", label, a, zh.Join(names), add)
}
