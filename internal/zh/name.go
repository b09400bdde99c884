package zh

import (
	"strings"
	"unicode/utf8"
)

// namePrefixes open a name as a part of their own: 中共邵阳市委员会.
var namePrefixes = []string{"中国人民政治协商会议", "中国共产党", "中共"}

// nameSuffixes close a name as parts of their own, the longest first
// where one ends another (常务委员会 before 委员会). A one-character kind
// (局, 厅, 委, 处…) is not among them: it stays with the words before it
// (发展和改革局), which nothing here can tell apart.
var nameSuffixes = []string{
	"人民代表大会", "常务委员会", "管理委员会", "居民委员会", "村民委员会", "委员会", "管委会",
	"街道办事处", "办事处", "人民政府", "政府", "办公室", "办公厅",
	"人民法院", "人民检察院", "中心", "党组", "领导小组", "指挥部",
}

// divisions end the name of a place: 湖南省, 邵阳市, 湘西土家族苗族自治州,
// 双清区, 邵东县. (乡 and 镇 are not among them: they end words too, 城乡,
// 城镇, and a township's name is the last place of a name anyway.)
const divisions = "省市州县区"

// notDivision are words in which a division's character begins a word
// rather than ending a place: 房地产市场, 区域.
var notDivision = []string{"市场", "市政", "市民", "市容", "区域", "县域"}

// NameParts splits the name of an office or a unit — an issuer, a
// signature — into the parts a line may be broken between: the places
// (湖南省, 邵阳市, 双清区), the body, and the kinds of office that end it
// (人民政府, 办公室, 委员会, 街道办事处, 中心…):
// 邵阳市双清区人民政府办公室 → 邵阳市 双清区 人民政府 办公室. A part of
// one character joins the one before it (双清区委 办公室) or, first, the
// one after (区政府 办公室). A name it cannot read is one part. The
// parts joined are the name.
func NameParts(name string) []string {
	rest := name
	var head, tail []string
	for _, p := range namePrefixes {
		if strings.HasPrefix(rest, p) && len(rest) > len(p) {
			head = append(head, p)
			rest = rest[len(p):]
			break
		}
	}
	for {
		found := ""
		for _, s := range nameSuffixes {
			if strings.HasSuffix(rest, s) && len(rest) > len(s) && len(s) > len(found) {
				found = s
			}
		}
		if found == "" {
			break
		}
		tail = append([]string{found}, tail...)
		rest = rest[:len(rest)-len(found)]
	}
	places := len(head)
	for rest != "" {
		n := placeEnd(rest)
		if n == 0 {
			break
		}
		head = append(head, rest[:n])
		rest = rest[n:]
	}
	// 委 after a place is its party committee (县委, 市委), 委员会 being
	// a suffix already: 中共青山县委 督查室, not 青山县 委督查室.
	if len(head) > places && strings.HasPrefix(rest, "委") && rest != "委" {
		head[len(head)-1] += "委"
		rest = strings.TrimPrefix(rest, "委")
	}
	parts := head
	if rest != "" {
		parts = append(parts, rest)
	}
	parts = append(parts, tail...)
	// A part of one character is no place to break at.
	for i := 0; i < len(parts) && len(parts) > 1; {
		if utf8.RuneCountInString(parts[i]) > 1 {
			i++
			continue
		}
		if i > 0 {
			parts[i-1] += parts[i]
		} else {
			parts[i+1] = parts[i] + parts[i+1]
		}
		parts = append(parts[:i], parts[i+1:]...)
	}
	return parts
}

// placeEnd is the length in bytes of the place that s begins with (邵阳市 in
// 邵阳市双清区…), or 0: two to four characters, or up to nine ending in
// 自治, then a division.
func placeEnd(s string) int {
	i := 0
	for n := 0; i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(divisions, r) {
			if n < 2 || n > 4 && !strings.HasSuffix(s[:i], "自治") {
				return 0
			}
			for _, w := range notDivision {
				if strings.HasPrefix(s[i:], w) {
					return 0
				}
			}
			return i + size
		}
		if n >= 9 {
			return 0
		}
		i += size
	}
	return 0
}
