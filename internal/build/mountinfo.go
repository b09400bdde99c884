package build

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// mountedAt reports whether the table of mounts r, in the format of Linux's
// /proc/self/mountinfo, has a mount at path (absolute and clean). The
// table is read on every system so that it is tested everywhere; only
// Linux has one.
func mountedAt(r io.Reader, path string) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		// ID parentID major:minor root mountpoint options… - type source …
		fields := strings.Fields(sc.Text())
		if len(fields) >= 5 && unescapeMount(fields[4]) == path {
			return true
		}
	}
	return false
}

// unescapeMount undoes the octal escapes (\040 for a space) that the
// kernel writes in a mount point's path.
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
