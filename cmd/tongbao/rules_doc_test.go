package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRulesDocExamples builds every worked example of docs/rules.md and
// checks that tongbao states what the document says it states. An
// example is the site tongbao init writes with the files the document
// shows over it, each code block marked, invisibly, by a comment before
// it:
//
//	<!-- example NAME: FILE -->     the block is FILE
//	<!-- example NAME: + FILE -->   the block is added at the end of FILE, or,
//	                                 beginning with a [table] FILE has,
//	                                 under that table's header
//	<!-- example NAME: - FILE -->   FILE is removed (no block)
//	<!-- expect NAME: PAGE -->      each line of the block is said on PAGE
//	<!-- absent NAME: PAGE -->      no line of the block is said on PAGE
//
// so the examples staff read are the inputs, and the sentences they read
// are the outcomes, of this test. A page's text is compared without its
// tags and white space.
func TestRulesDocExamples(t *testing.T) {
	b, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	type change struct {
		op, file, text string
	}
	type expect struct {
		page, text string
		absent     bool // the lines are not said: a measure withheld
	}
	examples := map[string][]change{}
	expects := map[string][]expect{}
	var order []string
	marker := regexp.MustCompile(`(?m)^<!-- (example|expect|absent) ([a-z0-9-]+): ([+-] )?(\S+) -->\n`)
	fence := regexp.MustCompile("(?s)^```[a-z]*\n(.*?)```\n")
	doc := string(b)
	for _, m := range marker.FindAllStringSubmatchIndex(doc, -1) {
		kind, name, op, target := doc[m[2]:m[3]], doc[m[4]:m[5]], "", doc[m[8]:m[9]]
		if m[6] >= 0 {
			op = strings.TrimSpace(doc[m[6]:m[7]])
		}
		block := ""
		if op != "-" {
			f := fence.FindStringSubmatch(doc[m[1]:])
			if f == nil {
				t.Fatalf("docs/rules.md: the %s %s of %s is not followed by a code block", kind, target, name)
			}
			block = f[1]
		}
		if !slices.Contains(order, name) {
			order = append(order, name)
		}
		if kind == "example" {
			examples[name] = append(examples[name], change{op, target, block})
		} else {
			expects[name] = append(expects[name], expect{target, block, kind == "absent"})
		}
	}
	if len(order) < 4 {
		t.Fatalf("docs/rules.md has %d examples, want at least 4", len(order))
	}
	for _, name := range order {
		t.Run(name, func(t *testing.T) {
			if len(expects[name]) == 0 {
				t.Fatalf("example %s states no outcome (<!-- expect %s: PAGE -->)", name, name)
			}
			dir := initSite(t)
			for _, c := range examples[name] {
				p := filepath.Join(dir, filepath.FromSlash(c.file))
				switch c.op {
				case "-":
					if err := os.Remove(p); err != nil {
						t.Fatal(err)
					}
				case "+":
					old, err := os.ReadFile(p)
					if err != nil {
						t.Fatal(err)
					}
					// A table the file has (init writes [assessment] with
					// its keys commented out) takes the block's keys
					// under its header: TOML has no table twice.
					header, _, _ := strings.Cut(c.text, "\n")
					if strings.HasPrefix(header, "[") && !strings.HasPrefix(header, "[[") && strings.Contains(string(old), "\n"+header+"\n") {
						os.WriteFile(p, []byte(strings.Replace(string(old), "\n"+header+"\n", "\n"+c.text, 1)), 0o644)
						continue
					}
					os.WriteFile(p, append(old, "\n"+c.text...), 0o644)
				default:
					os.MkdirAll(filepath.Dir(p), 0o755)
					os.WriteFile(p, []byte(c.text), 0o644)
				}
			}
			if code, _, errOut := runSafely(t, "build", "-s", dir); code != 0 {
				t.Fatalf("the example does not build:\n%s", errOut)
			}
			for _, e := range expects[name] {
				page := pageText(t, filepath.Join(dir, "public", filepath.FromSlash(e.page), "index.html"))
				for _, line := range strings.Split(e.text, "\n") {
					want := squeeze(line)
					switch {
					case want == "":
					case e.absent && strings.Contains(page, want):
						t.Errorf("%s says %s", e.page, line)
					case !e.absent && !strings.Contains(page, want):
						t.Errorf("%s does not say %s", e.page, line)
					}
				}
			}
		})
	}
}

var (
	tagRE   = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// pageText is a page's text without tags, entities decoded, and without
// white space, as squeeze leaves an expected line.
func pageText(t *testing.T, name string) string {
	return squeeze(html.UnescapeString(tagRE.ReplaceAllString(readText(t, name), "")))
}

func squeeze(s string) string { return spaceRE.ReplaceAllString(s, "") }
