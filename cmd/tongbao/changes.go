package main

import (
	"fmt"
	"io"
	"strings"
)

// printChanges shows, line by line, how the file rel would change from
// old to new: each run of changed lines under the number of its first
// line in old, the lines taken out marked -, those put in +. It is what
// `import --dry-run` prints, for staff to check a department's file
// before it is merged; a file too long to compare line by line (over
// 4,000 lines either side) is only said to change.
func printChanges(w io.Writer, rel string, old, new []byte) {
	a, b := lines(old), lines(new)
	if len(a) > maxDiffLines || len(b) > maxDiffLines {
		fmt.Fprintf(w, "%s 将有改动（文件过长，不逐行列出）\n", rel)
		return
	}
	lcs := lcsTable(a, b)
	var out, taken, put []string
	at := 0 // the line of a the pending run starts at
	flush := func() {
		if len(taken)+len(put) == 0 {
			return
		}
		switch {
		case len(taken) == 0 && at == 0:
			out = append(out, fmt.Sprintf("%s 开头：", rel))
		case len(taken) == 0:
			out = append(out, fmt.Sprintf("%s 第 %d 行后：", rel, at))
		default:
			out = append(out, fmt.Sprintf("%s 第 %d 行：", rel, at+1))
		}
		for _, l := range taken {
			out = append(out, "- "+l)
		}
		for _, l := range put {
			out = append(out, "+ "+l)
		}
		taken, put = nil, nil
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			flush()
			i, j = i+1, j+1
			at = i
		case j < len(b) && (i == len(a) || lcs(i, j+1) >= lcs(i+1, j)):
			put = append(put, b[j])
			j++
		default:
			taken = append(taken, a[i])
			i++
		}
	}
	flush()
	if len(out) == 0 {
		fmt.Fprintf(w, "%s 没有改动\n", rel)
		return
	}
	fmt.Fprintln(w, strings.Join(out, "\n"))
}

// lines splits a file's text into its lines, without their ends and a
// byte order mark.
func lines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\uFEFF")
	s = strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
