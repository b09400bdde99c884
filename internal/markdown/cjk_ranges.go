package markdown

// cjkRanges lists the code points the CJK-friendly amendment calls "CJK
// characters": East Asian Width W, F or H that are not default-emoji
// presentation characters, plus Hangul. The table is a snapshot of Unicode
// 16, as computed by the amendment's authors; a table rather than a call to
// some width library keeps the module free of new dependencies and the
// answer stable across Go releases. It must stay sorted for isCJK.
var cjkRanges = [...]struct{ lo, hi rune }{
	{0x1100, 0x11FF},
	{0x20A9, 0x20A9},
	{0x2329, 0x232A},
	{0x2630, 0x2637},
	{0x268A, 0x268F},
	{0x2E80, 0x2E99},
	{0x2E9B, 0x2EF3},
	{0x2F00, 0x2FD5},
	{0x2FF0, 0x303E},
	{0x3041, 0x3096},
	{0x3099, 0x30FF},
	{0x3105, 0x312F},
	{0x3131, 0x318E},
	{0x3190, 0x31E5},
	{0x31EF, 0x321E},
	{0x3220, 0x3247},
	{0x3250, 0xA48C},
	{0xA490, 0xA4C6},
	{0xA960, 0xA97C},
	{0xAC00, 0xD7A3},
	{0xD7B0, 0xD7C6},
	{0xD7CB, 0xD7FB},
	{0xF900, 0xFAFF},
	{0xFE10, 0xFE19},
	{0xFE30, 0xFE52},
	{0xFE54, 0xFE66},
	{0xFE68, 0xFE6B},
	{0xFF01, 0xFFBE},
	{0xFFC2, 0xFFC7},
	{0xFFCA, 0xFFCF},
	{0xFFD2, 0xFFD7},
	{0xFFDA, 0xFFDC},
	{0xFFE0, 0xFFE6},
	{0xFFE8, 0xFFEE},
	{0x16FE0, 0x16FE4},
	{0x16FF0, 0x16FF6},
	{0x17000, 0x18CD5},
	{0x18CFF, 0x18D1E},
	{0x18D80, 0x18DF2},
	{0x1AFF0, 0x1AFF3},
	{0x1AFF5, 0x1AFFB},
	{0x1AFFD, 0x1AFFE},
	{0x1B000, 0x1B122},
	{0x1B132, 0x1B132},
	{0x1B150, 0x1B152},
	{0x1B155, 0x1B155},
	{0x1B164, 0x1B167},
	{0x1B170, 0x1B2FB},
	{0x1D300, 0x1D356},
	{0x1D360, 0x1D376},
	{0x1F200, 0x1F200},
	{0x1F202, 0x1F202},
	{0x1F210, 0x1F219},
	{0x1F21B, 0x1F22E},
	{0x1F230, 0x1F231},
	{0x1F237, 0x1F237},
	{0x1F23B, 0x1F23B},
	{0x1F240, 0x1F248},
	{0x1F260, 0x1F265},
	{0x20000, 0x3FFFD},
}

// isCJK reports whether r is a CJK character in the amendment's sense.
func isCJK(r rune) bool {
	if r < cjkRanges[0].lo {
		return false // fast path: all of ASCII and Latin
	}
	lo, hi := 0, len(cjkRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < cjkRanges[m].lo:
			hi = m
		case r > cjkRanges[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// isIVS reports whether r is an Ideographic Variation Selector
// (Variation Selectors Supplement, U+E0100–U+E01EF). It only ever follows an
// ideograph, so the amendment counts it as CJK on the side before a run.
func isIVS(r rune) bool { return 0xE0100 <= r && r <= 0xE01EF }

// isGeneralVS reports whether r is a non-emoji general-use variation
// selector (U+FE00–U+FE0E; U+FE0F asks for emoji presentation and is left
// out). Such a selector belongs to the character before it, so flanking
// looks through it.
func isGeneralVS(r rune) bool { return 0xFE00 <= r && r <= 0xFE0E }

// isAmbiguousQuote reports whether r is one of the quotation marks that the
// standardized variation sequence r+U+FE01 turns into a full-width (CJK)
// punctuation mark.
func isAmbiguousQuote(r rune) bool {
	return r == '\u2018' || r == '\u2019' || r == '\u201C' || r == '\u201D'
}
