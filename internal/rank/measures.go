package rank

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// A Measure is a reward, a 约谈 or any other action an office takes on
// a unit for its ranks (DESIGN.md §5.6, §5.9).
type Measure struct {
	Unit   *site.Unit
	Action string // one of [terms] actions: 奖励, 约谈, 书面检查, …
	Amount int64  // 元, for 奖励
	Who    string // the person addressed: 行政负责人
	By     string // who conducts it: 区分管领导
	Reason string
	Source Source
}

// A Source is what produced a measure: a rule of config.toml or a hand
// entry of a month file, each by its line (for diagnostics) and by its
// number among the file's tables of its kind (for data.json).
type Source struct {
	File  string // config.toml, data/2023-02.toml, or a circular's file
	Line  int
	Col   int    // a circular's [[waiver]]'s; 0 where a table starts its line
	Table string // rule, reward or interview: the [[table]] it is
	N     int    // its number among the file's [[Table]]s, from 1
	Rule  bool   // made by a rule; a hand entry otherwise
}

// String is file:line, as diagnostics write it.
func (s Source) String() string { return fmt.Sprintf("%s:%d", s.File, s.Line) }

// Public is how data.json names the source: by the entry's number, not
// its line, so that a comment added to config.toml does not change every
// published data.json that a rule's measure is in (nor an import that
// rewrites a month file the data of its month), and a reader is not
// pointed at a line that may since hold another rule.
func (s Source) Public() string { return fmt.Sprintf("%s [[%s]] 第%d条", s.File, s.Table, s.N) }

// A Conflict is a hand entry for the same unit and action as a rule's
// measure in the same period: one of the two is a mistake.
type Conflict struct {
	Hand, Rule Measure
}

// A Waived is a [[waiver]] — a month file's, or an aggregate circular's —
// with the rule's measure it
// withholds: the measure is not the period's (not in Measures, not in
// the circular) and data.json lists it apart, with the waiver's reason,
// so that a reader of the open data sees what the rules gave and what the
// office did. A waiver no rule's measure answers (Matched false: its
// Measure holds only the unit and action it names) is an error: a
// misspelt action, or a waiver the month's ranks no longer call for.
type Waived struct {
	Measure Measure
	Matched bool
	Reason  string // why not, as the [[waiver]] says
	Source  Source // the [[waiver]]
	// Last says the waiver is a veto that puts the unit last (last =
	// true): it stands without a measure to withhold. Unranked says the
	// unit has no place in the period's composite ranking to be put last
	// from (nothing scored, or not ranked): an error, as Matched false
	// is of another waiver.
	Last, Unranked bool
}

// Err returns every period's conflicts as diagnostics at the hand
// entries, each naming the rule, and its waivers that no rule's measure
// answers, at the waiver, or nil.
func (r *Results) Err() error {
	var l diag.List
	for _, p := range r.Periods {
		for _, c := range p.Conflicts {
			kind := "[[interview]]"
			if c.Hand.Action == site.RewardAction {
				kind = "[[reward]]"
			}
			l.Add(c.Hand.Source.File, c.Hand.Source.Line, 1, "%s 与规则重复：%s 的 [[rule]] 已对“%s”作出“%s”（%s），请删去其中之一",
				kind, c.Rule.Source, c.Hand.Unit.Name, c.Rule.Action, c.Rule.Reason)
		}
		for _, w := range p.Waived {
			switch {
			case w.Unranked:
				l.Add(w.Source.File, w.Source.Line, max(w.Source.Col, 1), "[[waiver]] 的 last = true（一票否决，综合考核排名列最后）无从说起：%s“%s”没有综合考核排名（本期没有它的得分，或没有综合考核排名）；只免予措施的删去 last", p.Label, w.Measure.Unit.Name)
			case !w.Matched && !w.Last:
				l.Add(w.Source.File, w.Source.Line, max(w.Source.Col, 1), "%s", p.strayWaiver(w))
			}
		}
	}
	return l.Err()
}

// strayWaiver says why waiver w withholds nothing in p, and what there is
// to withhold: the measures of its action the rules give, a hand entry of
// it (which is deleted rather than waived), or an earlier waiver of it.
func (p *Period) strayWaiver(w Waived) string {
	unit, action := w.Measure.Unit, w.Measure.Action
	msg := fmt.Sprintf("[[waiver]] 没有可免的措施：%s的奖惩规则没有对“%s”作出“%s”", p.Label, unit.Name, action)
	for _, o := range p.Waived {
		if o.Source == w.Source {
			break // only the waivers before w took it
		}
		if o.Matched && o.Measure.Unit == unit && o.Measure.Action == action {
			where := fmt.Sprintf("第 %d 行", o.Source.Line)
			if o.Source.File != w.Source.File {
				where = o.Source.File + " " + where
			}
			return msg + fmt.Sprintf("，%s的 [[waiver]] 已免予它，请删去其中之一", where)
		}
	}
	var ruled []string // those waived too: the rules gave them
	given := p.Actions(action)
	for _, o := range p.Waived {
		if o.Matched && o.Measure.Action == action {
			given = append(given, o.Measure)
		}
	}
	for _, m := range given {
		if !m.Source.Rule {
			if m.Unit == unit {
				return msg + fmt.Sprintf("：它是第 %d 行手写的 [[%s]]，不采取就删去那一项", m.Source.Line, m.Source.Table)
			}
			continue
		}
		if !slices.Contains(ruled, m.Unit.Name) {
			ruled = append(ruled, m.Unit.Name)
		}
	}
	if len(ruled) == 0 {
		return msg + fmt.Sprintf("（本期规则没有作出“%s”）；单位或措施写错了，或者排名变了、已不必免予，请核对或删去这一项", action)
	}
	return msg + fmt.Sprintf("（本期规则作出“%s”的是 %s）；单位或措施写错了，或者排名变了、已不必免予，请核对或删去这一项", action, strings.Join(ruled, "、"))
}

// Rewards returns the period's rewards, in order.
func (p *Period) Rewards() []Measure { return p.Actions(site.RewardAction) }

// Actions returns the period's measures of one action, in order.
func (p *Period) Actions(action string) []Measure {
	var out []Measure
	for _, m := range p.Measures {
		if m.Action == action {
			out = append(out, m)
		}
	}
	return out
}

// Interviews returns the period's measures of one action ("约谈",
// "提醒约谈"), or of every action but the rewards when action is "".
func (p *Period) Interviews(action string) []Measure {
	if action != "" {
		return p.Actions(action)
	}
	var out []Measure
	for _, m := range p.Measures {
		if m.Action != site.RewardAction {
			out = append(out, m)
		}
	}
	return out
}

// measures applies the site's rules of p's kind to p, takes out the
// measures its waivers withhold (waivers), then appends its month file's hand
// entries, and finds the hand entries that repeat a rule's measure
// still given: one withheld may be given again otherwise by hand (a
// 约谈 of the 分管领导 in place of the rule's 主要负责人). before are
// the periods of p's kind before it, oldest first: what a streak reads,
// by the ranks, so that a measure waived does not break one.
func measures(s *site.Site, p *Period, before []*Period) ([]Measure, []Conflict, []Waived) {
	var out []Measure
	for i, rule := range s.Config.Rules {
		if rule.Period == p.Span.Kind && rule.AppliesTo(p.Span) {
			out = append(out, apply(s, i, p, before)...)
		}
	}
	var waived []Waived
	for _, w := range waivers(s, p) {
		kept := make([]Measure, 0, len(out))
		matched := false
		for _, r := range out {
			if r.Unit == w.Unit && r.Action == w.Action {
				waived = append(waived, Waived{Measure: r, Matched: true, Reason: w.Reason, Source: w.src, Last: w.Last})
				matched = true
				continue
			}
			kept = append(kept, r)
		}
		if !matched || w.Last && !p.vetoed(w.Unit) {
			waived = append(waived, Waived{Measure: Measure{Unit: w.Unit, Action: w.Action}, Reason: w.Reason, Source: w.src,
				Last: w.Last, Unranked: w.Last && !p.vetoed(w.Unit)})
		}
		out = kept
	}
	m := p.Month
	if m == nil {
		return out, nil, waived // an aggregate has no hand entries
	}
	ruled := len(out)
	var hand []Measure
	for i, r := range m.Rewards {
		hand = append(hand, Measure{Unit: r.Unit, Action: site.RewardAction, Amount: r.Amount, Reason: r.Reason,
			Source: Source{File: m.File, Line: r.Line, Table: "reward", N: i + 1}})
	}
	for i, iv := range m.Interviews {
		hand = append(hand, Measure{Unit: iv.Unit, Action: iv.Kind, Who: iv.Who, Reason: iv.Reason,
			Source: Source{File: m.File, Line: iv.Line, Table: "interview", N: i + 1}})
	}
	var conflicts []Conflict
	for _, h := range hand {
		for _, r := range out[:ruled] {
			if r.Unit == h.Unit && r.Action == h.Action {
				conflicts = append(conflicts, Conflict{Hand: h, Rule: r})
				break
			}
		}
	}
	return append(out, hand...), conflicts, waived
}

// Veto is why u is put last in p's composite ranking by a veto (一票否决,
// a [[waiver]] with last = true), and whether it is.
func (p *Period) Veto(u *site.Unit) (reason string, ok bool) {
	if p == nil {
		return "", false
	}
	for _, w := range p.Waived {
		if w.Last && !w.Unranked && w.Measure.Unit == u {
			return w.Reason, true
		}
	}
	return "", false
}

// vetoed reports whether u is put last in a composite ranking of p by a
// veto (Township.Vetoed).
func (p *Period) vetoed(u *site.Unit) bool {
	for _, g := range p.Rankings() {
		for _, t := range g.Composite {
			if t.Unit == u && t.Vetoed {
				return true
			}
		}
	}
	return false
}

// A waiver is a [[waiver]] of a period with where it is written.
type waiver struct {
	site.Waiver
	src Source
}

// waivers are p's [[waiver]]s: a month's, in its month file; a
// quarter's, half's or year's, in the front matter of the circulars that
// report it (two that report the same period, a slip the loader warns
// of, are read in their order), as it has no month file.
func waivers(s *site.Site, p *Period) []waiver {
	var out []waiver
	add := func(file string, ws []site.Waiver) {
		for i, w := range ws {
			out = append(out, waiver{w, Source{File: file, Line: w.Line, Col: w.Col, Table: "waiver", N: i + 1}})
		}
	}
	if m := p.Month; m != nil {
		add(m.File, m.Waivers)
		return out
	}
	for _, c := range s.Circulars {
		if c.Data == p.Span {
			add(c.File, c.Waivers)
		}
	}
	return out
}

// A pick is a unit a rule selects in a period, with where it stands.
type pick struct {
	unit  *site.Unit
	entry *site.Indicator // the entry of an OnCity rule; nil otherwise
	group string          // its unit group, "" without groups
	rank  int
	tied  bool
	// place is where a unit of a top or bottom group that is not the
	// first or last k stands (并列第三, 倒数第二, 并列倒数第二); "" for one
	// the group's words say. A group of three that took four for a tie at
	// third is not four 前三; the two a bottom group of three keeps over
	// five units, the top three taken out (§5.2), are not 后三.
	place string
	// short is that the unit's group had fewer than k members: its words
	// (后三) would name a unit it has not.
	short bool
	// kind is the kind of period every period a streak counted for it is
	// a month file reporting (site.Month.Kind): an office that assesses
	// once a quarter publishes 连续2个季度, one every half year 连续2个半
	// 年度, not 连续2个月. Monthly when they differ, or are months.
	kind site.PeriodKind
	// toward says the pick is a run toward a rule (Streaks), said as the
	// rule's condition: an entry's 全市排名后三, not the very rank a
	// measure of one period names (第十一), which the next period need
	// not repeat.
	toward bool
}

// key is what a streak follows from period to period: the unit, and for
// a city rule the entry too.
type pickKey struct {
	unit  *site.Unit
	entry *site.Indicator
}

// apply makes the measures of rule r (its index in s.Config.Rules) in
// period p (§5.9): the units it selects there and, with a streak, in as
// many assessed periods before.
func apply(s *site.Site, r int, p *Period, before []*Period) []Measure {
	rule := s.Config.Rules[r]
	picks := p.selected(s, r).list
	exempted := map[pickKey][]string{} // the months of a streak its unit was exempt in
	if rule.Streak > 1 {
		var kept []pick
		for _, pk := range picks {
			if held, short, kind, exempt := streak(s, r, pk, before); held {
				pk.short = pk.short || short
				if p.Month == nil || p.Month.Kind() != kind {
					kind = site.Monthly
				}
				pk.kind = kind
				kept = append(kept, pk)
				exempted[pickKey{pk.unit, pk.entry}] = exempt
			}
		}
		picks = kept
	}
	out := make([]Measure, 0, len(picks))
	for _, pk := range picks {
		reason := rule.Reason
		if reason == "" {
			reason = defaultReason(s, rule, p, pk)
			if exempt := exempted[pickKey{pk.unit, pk.entry}]; len(exempt) > 0 {
				// 连续2个月 of January and March reads as February's too:
				// the month it was exempt in, skipped, is said.
				reason += "，其间" + strings.Join(exempt, "、") + "免于考核"
			}
		}
		out = append(out, Measure{Unit: pk.unit, Action: rule.Action, Amount: rule.Amount, Who: rule.WhoOf(pk.unit), By: rule.By,
			Reason: reason, Source: Source{File: "config.toml", Line: rule.Line, Table: "rule", N: r + 1, Rule: true}})
	}
	return out
}

// streak reports whether pk was selected in each of the rule.Streak−1
// assessed periods before the current one. A period in which pk's ranking
// has no place for it — its unit not ranked, or the entry not ranked in
// the city — was not assessed for it: it neither counts nor breaks the
// streak, as the months without a file between two files do not (those
// are no periods at all). Only periods within the rule's span count: a
// rule from 2025-01 of two months in the bottom group first fires in
// 2025-02, as units could not have known of it in 2024-12 (no
// retroactive measure). short reports whether its group was short of
// k members in one of those periods; kind, the kind of period each
// period it counted is a month file reporting (site.Month.Kind), Monthly
// when they differ.
//
// exempt are the labels of the months skipped within the streak because
// its unit was exempt in them (units.toml exempt), which
// the derived reason names, oldest first.
func streak(s *site.Site, r int, pk pick, before []*Period) (held, short bool, kind site.PeriodKind, exempt []string) {
	rule := s.Config.Rules[r]
	need := rule.Streak - 1
	kind = -1 // none counted yet
	for i := len(before) - 1; i >= 0 && need > 0; i-- {
		if !rule.AppliesTo(before[i].Span) {
			return false, false, site.Monthly, nil // before its from: the periods before are all earlier still
		}
		q := pk
		q.unit = continued(s, pk.unit, before[i])
		if !assessed(rule, before[i], q) {
			if m := before[i].Month; m != nil && q.unit.ExemptIn(m.Key) {
				exempt = append(exempt, before[i].Label)
			}
			continue
		}
		was, ok := before[i].selected(s, r).held[pickKey{q.unit, q.entry}]
		if !ok {
			return false, false, site.Monthly, nil
		}
		short = short || was.short
		k := site.Monthly // an aggregate's reason counts its own span's kind
		if m := before[i].Month; m != nil {
			k = m.Kind()
		}
		if kind != -1 && kind != k {
			k = site.Monthly
		}
		kind = k
		need--
	}
	slices.Reverse(exempt)
	if kind == -1 {
		kind = site.Monthly
	}
	return need == 0, short, kind, exempt
}

// continued is the unit u was in period p: u itself, or, in the months
// before a unit set up to continue exactly one other (units.toml from, and
// that one's became: 撤乡设镇, a department renamed), the one it continues,
// so that its streak goes on. A unit others merged into, or one set up
// from several, starts its own; so does one set up while the unit that
// later became it was still assessed (its until not before u's from):
// that one merged into a unit already there, whose months before its from
// were the other's own, not u's. A quarter, half or year all of whose
// months are before u's from is one of those months: the quarter before
// 丙镇's first is 丙乡's. One that u was assessed in is u's own.
func continued(s *site.Site, u *site.Unit, p *Period) *site.Unit {
	last := p.Month
	if last == nil && len(p.Months) > 0 {
		last = p.Months[len(p.Months)-1].Month
	}
	for last != nil && last.Key < u.From && u.Renames(s.Assesses()) {
		u = u.Was[0]
	}
	return u
}

// A picked is what a rule selects in a period: its picks in order and by
// their keys.
type picked struct {
	list []pick
	held map[pickKey]pick
}

// selections caches what each rule selects in a period, by the rule's
// index in s.Config.Rules. A period's rankings never change, and the rules change only with
// config.toml, which makes every period anew: the preview, which makes
// every period's measures again after each save, selects from a reused
// period once.
type selections map[int]picked

// selected is what rule r selects in p, from p's cache.
func (p *Period) selected(s *site.Site, r int) picked {
	if p.picks == nil {
		p.picks = selections{}
	}
	if got, ok := p.picks[r]; ok {
		return got
	}
	var got picked
	got.list = selection(s, s.Config.Rules[r], p)
	got.held = make(map[pickKey]pick, len(got.list))
	for _, q := range got.list {
		got.held[pickKey{q.unit, q.entry}] = q
	}
	p.picks[r] = got
	return got
}

// assessed reports whether the ranking rule reads in p has a place for
// pk's unit (and entry).
func assessed(rule site.Rule, p *Period, pk pick) bool {
	if rule.On == site.OnCity {
		if p.Month == nil {
			return false
		}
		r := p.Month.Result(pk.entry.ID)
		return r != nil && r.City > 0
	}
	g := p.ruleGroup(rule, pk.unit)
	if g == nil {
		return false
	}
	for _, t := range ranking(rule, g) {
		if t.Unit == pk.unit {
			return true
		}
	}
	return false
}

// ranking is the ranking of group g a composite or indicator rule reads.
// A composite's leaves out the townships vetoed (一票否决, Township.Vetoed):
// they are last by the veto, not by their work, and a rule of the last
// (约谈) selects the last of the others; the ranks of those closed up.
func ranking(rule site.Rule, g *UnitGroup) []Township {
	if rule.On == site.OnIndicator {
		if ir := g.Indicator(rule.Indicator.ID); ir != nil {
			return ir.Ranked
		}
		return nil
	}
	if slices.ContainsFunc(g.Composite, func(t Township) bool { return t.Vetoed }) {
		return slices.DeleteFunc(slices.Clone(g.Composite), func(t Township) bool { return t.Vetoed })
	}
	return g.Composite
}

// selection is what rule selects in period p, before any streak: in
// each unit group (or the rule's own), in rank order.
func selection(s *site.Site, rule site.Rule, p *Period) []pick {
	k := rule.Count
	if k == 0 {
		k = p.sizeFor(rule)
	}
	if rule.On == site.OnCity {
		return citySelection(s, rule, p, groupK(rule, k, s.Config.Ranking.CityUnits))
	}
	var out []pick
	for _, g := range p.ruleGroups(rule) {
		if rule.Group != nil && g.Name != rule.Group.Name {
			continue
		}
		ranked := ranking(rule, g)
		add := func(t Township) {
			out = append(out, pick{unit: t.Unit, group: g.Name, rank: t.Rank, tied: t.Tied})
		}
		k := groupK(rule, k, len(ranked))
		switch rule.Select {
		case site.First:
			for _, t := range ranked {
				if t.Rank == 1 {
					add(t)
				}
			}
		case site.Last:
			if len(ranked) < 2 {
				break
			}
			last := ranked[len(ranked)-1].Rank
			if last == 1 {
				// All tied: each is first, and nobody ranks below them.
				break
			}
			for _, t := range ranked {
				if t.Rank == last {
					add(t)
				}
			}
		case site.AtRank:
			for _, t := range ranked {
				if t.Rank == rule.Rank {
					add(t)
				}
			}
		case site.ByScore:
			for _, t := range ranked {
				if rule.Bounds.Holds(t.Value) {
					add(t)
				}
			}
		case site.Top, site.Bottom:
			placed := make([]Placed, len(ranked))
			for i, t := range ranked {
				placed[i] = Placed{Unit: i, Value: t.Value, Rank: t.Rank}
			}
			top, bottom := Groups(placed, k)
			members := top.Members
			switch {
			case rule.Select == site.Bottom && rule.Overlap:
				members = Last(placed, k)
			case rule.Select == site.Bottom:
				members = bottom.Members
			}
			place := places(ranked, members, k, rule.Select == site.Top)
			for _, m := range members {
				add(ranked[m.Unit])
				out[len(out)-1].place = place[m.Unit]
				out[len(out)-1].short = len(members) < k
			}
		}
	}
	return out
}

// places says where the members of a group that is not the first or
// last k stand, by their index in ranked. A group of more than k took a
// tie across its edge: the members of that run read their place, the
// others are what the group says. A top group is a run of places from
// the first, so its last run is the one that overflows, 并列第三 (the
// rank as the ranking prints it, dense or not); a bottom group is a run
// to the last, its first run the one. A group of fewer than k (a bottom
// group with the top group taken out of it, over fewer than 2k units; a
// top group of all of fewer than k) names no k units: each member reads
// its own place, the top by its rank, the bottom counted from the end
// (倒数第二).
func places(ranked []Township, members []Placed, k int, top bool) map[int]string {
	if len(members) == k {
		return nil
	}
	out := map[int]string{}
	short := len(members) < k
	for _, m := range members {
		switch {
		case top && (short || m.Rank == members[len(members)-1].Rank):
			out[m.Unit] = zh.RankPhrase(ranked[m.Unit].Rank, ranked[m.Unit].Tied)
		case !top && (short || m.Rank == members[0].Rank):
			out[m.Unit] = fromEnd(ranked, m.Unit)
		}
	}
	return out
}

// fromEnd is where ranked[i] stands counted from the last, as 倒数第一
// is: a tie takes the best of its places from the end, as a tie takes
// the best of its ranks from the first: of twelve, the ninth and tenth
// tied are 并列倒数第三.
func fromEnd(ranked []Township, i int) string {
	end := i // the tie's last place in ranked
	for end+1 < len(ranked) && ranked[end+1].Rank == ranked[i].Rank {
		end++
	}
	place := "倒数" + zh.Ordinal(len(ranked)-end)
	if i < end || i > 0 && ranked[i-1].Rank == ranked[i].Rank {
		place = "并列" + place
	}
	return place
}

// citySelection selects by city rank: each entry ranked first, last
// (cityUnits), in the top k or the bottom k; the measure goes to each of
// its owners.
func citySelection(s *site.Site, rule site.Rule, p *Period, k int) []pick {
	if p.Month == nil {
		return nil
	}
	n := s.Config.Ranking.CityUnits
	var out []pick
	for _, r := range p.Month.Results {
		var in bool
		switch rule.Select {
		case site.First:
			in = r.City == 1
		case site.Last:
			in = r.City == n
		case site.Top:
			in = r.City > 0 && r.City <= k
		case site.Bottom:
			in = r.City > 0 && r.City > n-k
		case site.AtRank:
			in = r.City == rule.Rank
		}
		if !in {
			continue
		}
		// Of an owner and the one continuing it, the month's.
		for _, u := range r.Indicator.OwnersIn(p.Month.Key) {
			out = append(out, pick{unit: u, entry: r.Indicator, rank: r.City, tied: r.CityTie})
		}
	}
	return out
}

// defaultReason says why a rule selected pk (§5.9): 乡镇、街道综合考核排名第一,
// 县（市）组综合考核排名后两名, 信访维稳全市排名第一, 连续2个月综合考核排名后两名,
// of a group's composite 东片综合考核连续2个月排名后两名;
// in an aggregate, 乡镇、街道年度综合考核排名第一, 县（市）组第一季度综合考核排名后两名.
// A run toward the rule (pk.toward, Streaks) is 已连续….
func defaultReason(s *site.Site, rule site.Rule, p *Period, pk pick) string {
	terms := s.Config.Terms
	k := rule.Count
	if k == 0 {
		k = p.sizeFor(rule)
	}
	if rule.Select == site.ByScore {
		return scoreReason(s, rule, p, pk)
	}
	// A tie is of one period: a streak's reason tells the run, which may
	// have been tied in its newest period only (连续2个月排名倒数第一, not
	// 并列倒数第一), as its edge ties are not told either (pk.place below).
	tied := pk.tied && rule.Streak <= 1
	var where string // the place, as the selection names it
	switch rule.Select {
	case site.First:
		where = zh.RankPhrase(1, tied)
	case site.Last:
		where = "倒数第一"
		if tied {
			where = "并列倒数第一"
		}
	case site.Top:
		where = zh.Label(k, true, true)
	case site.Bottom:
		where = zh.Label(k, false, true)
	case site.AtRank:
		where = zh.RankPhrase(rule.Rank, tied)
	}
	if sh := rule.Share; sh.Hundredths > 0 {
		where = shareLabel(sh, rule.Select == site.Top)
	}
	switch {
	case rule.Streak > 1 && pk.short:
		// Short of k in one of its periods, the group was not the
		// first or last k: §5.2's words for such a group.
		where = zh.Label(k, rule.Select == site.Top, false)
	case pk.place != "" && rule.Streak <= 1:
		// A streak's periods each had their own edge; the rule's group
		// is what they share.
		where = pk.place
	}
	var what string  // the ranking
	grouped := false // what is a group's composite: 东片综合考核排名
	switch rule.On {
	case site.OnCity:
		what = pk.entry.NameIn(p.Span.LastMonth()) + terms.City + "排名" // as the period named it
		if rule.Streak <= 1 && !pk.toward {
			where = zh.RankPhrase(pk.rank, pk.tied) // the very rank: 第十一
		}
	case site.OnIndicator:
		what = pk.group + rule.Indicator.NameIn(p.Span.LastMonth()) + "排名"
	default:
		what = pk.group + "综合考核排名"
		grouped = pk.group != ""
		if pk.group == "" && rule.Streak <= 1 {
			what = zh.Listed(terms.Unit) + what
		}
		if p.Span.Kind != site.Monthly && rule.Streak <= 1 {
			// A quarter's ranking is not a month's: 乡镇第一季度综合考核
			// 排名第一, as 年度综合考核 is said. A streak's 连续2个季度
			// says it already.
			what = strings.TrimSuffix(what, "综合考核排名") + p.Span.InYear() + "综合考核排名"
		}
	}
	if rule.Streak > 1 {
		counted := p.Span.Kind.Counted()
		if pk.kind != site.Monthly {
			counted = pk.kind.Counted()
		}
		run := "连续" + strconv.Itoa(rule.Streak) + counted
		if pk.toward {
			run = "已" + run // not yet the rule's: the unit page's 已连续2个月…，再有1个月如此
		}
		if grouped {
			// Whose composite first, then how long: 社会民生类综合考核连续2个
			// 季度排名倒数第一, where 连续2个季度社会民生类综合考核… left
			// the reader to find what the run was of.
			return strings.TrimSuffix(what, "排名") + run + "排名" + where
		}
		return run + what + where
	}
	return what + where
}

// A Streak is a run toward a rule with a streak (§5.9) that has not yet
// reached it: unit u was selected in the newest period and in Run−1
// assessed periods before it, one short of Left more. Words say where it
// stood, as a derived reason would, of a run not yet the rule's (已连续2个月
// 综合考核排名后两名, 东片综合考核已连续2个月排名后两名; of one period,
// 乡镇、街道综合考核排名后两名; of a city rule, the entry's: 已连续2个月固定
// 资产投资全市排名后三), Counted the office's periods (个月, 个季度).
type Streak struct {
	Rule    int             // its index in s.Config.Rules
	Entry   *site.Indicator // the entry of a city rule; nil otherwise
	Run     int
	Left    int
	Words   string
	Counted string
	Action  string
}

// Streaks are the runs of unit u toward the site's rules with a streak
// at the last of periods (the months, oldest first), as apply would
// count them the next period: a unit's leaders learn that one more
// month in the bottom group brings a 约谈 from the office's own rules,
// not from a guess. A township's runs are its own; a city rule's are an
// entry's, each run of an entry u owns (a department's, or a ranked
// unit's that owns some), in document order. A run that has reached its
// rule's streak is not one: its measure is in the period's circular.
func Streaks(s *site.Site, u *site.Unit, periods []*Period) []Streak {
	if len(periods) == 0 {
		return nil
	}
	p, before := periods[len(periods)-1], periods[:len(periods)-1]
	var out []Streak
	for r, rule := range s.Config.Rules {
		if rule.Streak <= 1 || rule.Period != p.Span.Kind || !rule.AppliesTo(p.Span) {
			continue
		}
		for _, pk := range p.selected(s, r).list {
			if pk.unit != u {
				continue
			}
			run := 1
			for i := len(before) - 1; i >= 0 && run < rule.Streak; i-- {
				if !rule.AppliesTo(before[i].Span) {
					break
				}
				q := pk
				q.unit = continued(s, u, before[i])
				if !assessed(rule, before[i], q) {
					continue // exempt or unranked: neither counts nor breaks, as in streak
				}
				if _, ok := before[i].selected(s, r).held[pickKey{q.unit, q.entry}]; !ok {
					break
				}
				run++
			}
			if run >= rule.Streak {
				continue
			}
			said := rule
			said.Streak = run
			if run == 1 {
				pk.place = "" // the rule's group, which the run is toward, not its edge
			}
			pk.toward = true
			pk.kind = site.Monthly
			if p.Month != nil {
				pk.kind = p.Month.Kind()
			}
			counted := p.Span.Kind.Counted() // as defaultReason counts
			if pk.kind != site.Monthly {
				counted = pk.kind.Counted()
			}
			out = append(out, Streak{Rule: r, Entry: pk.entry, Run: run, Left: rule.Streak - run, Words: defaultReason(s, said, p, pk),
				Counted: counted, Action: rule.Action})
		}
	}
	return out
}
