package site

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// keyPositions finds where every key and every array element of a TOML
// document starts, so that problems found after decoding can be reported at
// their line and column. BurntSushi/toml keeps key positions to itself, and
// its error messages for values are not in Chinese, so tongbao decodes into
// plain maps and looks positions up here.
//
// Paths join keys with "." and name the elements of arrays (of tables or of
// values) by their 0-based index: "result.3.townships.火车站乡",
// "categories.二类.5". The scanner assumes src is valid TOML (it runs after
// the decoder accepted it) and is lenient where it is not.
func keyPositions(src string) map[string]int {
	s := &posScanner{src: src, out: map[string]int{}, arrays: map[string]int{}}
	s.document()
	return s.out
}

type posScanner struct {
	src    string
	i      int
	out    map[string]int // path → byte offset of the key or element
	arrays map[string]int // array-of-tables path → index of its last element
	prefix string
}

func (s *posScanner) document() {
	for s.i < len(s.src) {
		s.skipSpaceNL()
		if s.i >= len(s.src) {
			return
		}
		switch {
		case strings.HasPrefix(s.src[s.i:], "[["):
			start := s.i
			s.i += 2
			keys := s.key()
			s.skipTo(']')
			s.i += 2
			path := s.resolve(keys)
			n, ok := s.arrays[path]
			if ok {
				n++
			}
			s.arrays[path] = n
			s.prefix = path + "." + strconv.Itoa(n)
			s.record(s.prefix, start)
		case s.src[s.i] == '[':
			start := s.i
			s.i++
			keys := s.key()
			s.skipTo(']')
			s.i++
			s.prefix = s.resolve(keys)
			s.record(s.prefix, start)
		default:
			s.keyValue(s.prefix)
		}
		s.skipLine()
	}
}

// resolve turns a header's keys into a path, inserting the current index of
// every array of tables it passes through ([result.townships] after the
// third [[result]] is "result.2.townships").
func (s *posScanner) resolve(keys []string) string {
	path := ""
	for i, k := range keys {
		if i > 0 {
			path += "."
		}
		path += k
		if n, ok := s.arrays[path]; ok && i < len(keys)-1 {
			path += "." + strconv.Itoa(n)
		}
	}
	return path
}

func (s *posScanner) record(path string, off int) {
	if _, dup := s.out[path]; !dup {
		s.out[path] = off
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// keyValue scans `key = value` and records the key and what the value holds.
func (s *posScanner) keyValue(prefix string) {
	start := s.i
	keys := s.key()
	if len(keys) == 0 {
		s.i++ // not a key: step over one byte so the scan always advances
		return
	}
	path := prefix
	for _, k := range keys {
		path = join(path, k)
	}
	s.record(path, start)
	s.skipSpace()
	if s.i < len(s.src) && s.src[s.i] == '=' {
		s.i++
	}
	s.skipSpace()
	s.value(path)
}

// key reads a possibly dotted, possibly quoted key.
func (s *posScanner) key() []string {
	var keys []string
	for {
		s.skipSpace()
		if s.i >= len(s.src) {
			return keys
		}
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			keys = append(keys, s.str())
		default:
			j := s.i
			for j < len(s.src) && isBareKey(s.src[j]) {
				j++
			}
			if j == s.i {
				return keys
			}
			keys = append(keys, s.src[s.i:j])
			s.i = j
		}
		s.skipSpace()
		if s.i < len(s.src) && s.src[s.i] == '.' {
			s.i++
			continue
		}
		return keys
	}
}

func isBareKey(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func (s *posScanner) value(path string) {
	if s.i >= len(s.src) {
		return
	}
	switch s.src[s.i] {
	case '"', '\'':
		s.str()
	case '[':
		s.i++
		for n := 0; ; n++ {
			s.skipSpaceNL()
			if s.i >= len(s.src) || s.src[s.i] == ']' {
				s.i++
				return
			}
			s.record(path+"."+strconv.Itoa(n), s.i)
			s.value(path + "." + strconv.Itoa(n))
			s.skipSpaceNL()
			if s.i < len(s.src) && s.src[s.i] == ',' {
				s.i++
			}
		}
	case '{':
		s.i++
		for {
			s.skipSpace()
			if s.i >= len(s.src) || s.src[s.i] == '}' || s.src[s.i] == '\n' {
				s.i++
				return
			}
			s.keyValue(path)
			s.skipSpace()
			if s.i < len(s.src) && s.src[s.i] == ',' {
				s.i++
			}
		}
	default:
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// str reads a basic, literal or multi-line string and returns its value
// (escapes decoded for the cases keys use).
func (s *posScanner) str() string {
	q := s.src[s.i]
	if strings.HasPrefix(s.src[s.i:], strings.Repeat(string(q), 3)) {
		end := strings.Index(s.src[s.i+3:], strings.Repeat(string(q), 3))
		if end < 0 {
			s.i = len(s.src)
			return ""
		}
		v := s.src[s.i+3 : s.i+3+end]
		s.i += 6 + end
		for s.i < len(s.src) && s.src[s.i] == q { // """a"""" ends with a quote inside
			s.i++
		}
		return v
	}
	j := s.i + 1
	for j < len(s.src) && s.src[j] != q && s.src[j] != '\n' {
		if q == '"' && s.src[j] == '\\' {
			j++
		}
		j++
	}
	raw := s.src[s.i:min(j+1, len(s.src))]
	s.i = min(j+1, len(s.src))
	if q == '\'' {
		return strings.Trim(raw, "'")
	}
	if v, err := strconv.Unquote(raw); err == nil {
		return v
	}
	return strings.Trim(raw, `"`)
}

func (s *posScanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

func (s *posScanner) skipSpaceNL() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			s.skipLine()
		default:
			if r, n := utf8.DecodeRuneInString(s.src[s.i:]); r == '\uFEFF' {
				s.i += n
				continue
			}
			return
		}
	}
}

func (s *posScanner) skipTo(c byte) {
	for s.i < len(s.src) && s.src[s.i] != c && s.src[s.i] != '\n' {
		s.i++
	}
}

// skipLine moves past the rest of the line (a comment, or trailing space).
func (s *posScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}
