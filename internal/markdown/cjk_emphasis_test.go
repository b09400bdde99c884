package markdown

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
)

// render converts src with goldmark plus the extensions given, nothing else.
func render(t testing.TB, src string, ext ...goldmark.Extender) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(ext...)).Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCJKEmphasis(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// The seed's failures: 。 inside the closing ** and a letter outside.
		{"seed 1", "**（8）优化营商环境。**湘易办", "<p><strong>（8）优化营商环境。</strong>湘易办</p>"},
		{"seed 2", "**新经济发展。**完成科技型中小企业6家", "<p><strong>新经济发展。</strong>完成科技型中小企业6家</p>"},
		{"mid-sentence", "中文**强调**中文", "<p>中文<strong>强调</strong>中文</p>"},
		{"in quotes", "“**引号**”", "<p>“<strong>引号</strong>”</p>"},
		{"quote inside the markers", "他说**“好”**然后", "<p>他说<strong>“好”</strong>然后</p>"},
		// Beyond the amendment: a run before a mark that ends a phrase
		// opens nothing, so that masked names stay as written.
		{"masked names before 、", "对张**、李**进行约谈", "<p>对张**、李**进行约谈</p>"},
		{"masked names before ，", "张*、李*，王**。", "<p>张*、李*，王**。</p>"},
		{"masked names before ）", "负责人（李**）、（王**）", "<p>负责人（李**）、（王**）</p>"},
		{"closing before 。 still closes", "要**高度重视**。", "<p>要<strong>高度重视</strong>。</p>"},
		{"closing before ” still closes", "“**重点**”", "<p>“<strong>重点</strong>”</p>"},
		{"opening paren after a letter", "工作**（一）重点**推进", "<p>工作<strong>（一）重点</strong>推进</p>"},
		{"colon", "**推荐几个框架：**React、Vue", "<p><strong>推荐几个框架：</strong>React、Vue</p>"},
		{"comma then space", "**真，** 她", "<p><strong>真，</strong> 她</p>"},
		{"ASCII punctuation before a CJK letter", "**真-**她", "<p><strong>真-</strong>她</p>"},
		{"em dash", "**真—**她", "<p><strong>真—</strong>她</p>"},
		{"ASCII quotes around CJK", `太郎は**"こんにちわ"**といった`, "<p>太郎は<strong>&quot;こんにちわ&quot;</strong>といった</p>"},
		{"yen sign", "税込**¥10,000**で入手", "<p>税込<strong>¥10,000</strong>で入手</p>"},
		{"Hangul", "**이 별표(괄호)**이 문장", "<p><strong>이 별표(괄호)</strong>이 문장</p>"},
		{"single star", "*项目推进。*顺利", "<p><em>项目推进。</em>顺利</p>"},
		{"triple star", "***重点。***工作", "<p><em><strong>重点。</strong></em>工作</p>"},
		{"non-BMP ideograph", "𰻞𰻞**（ビャンビャン）**麺", "<p>𰻞𰻞<strong>（ビャンビャン）</strong>麺</p>"},
		// A variation selector belongs to the character before it.
		{"standard variation selector", "大塚\uFE00**(U+585A)** 大塚", "<p>大塚\uFE00<strong>(U+585A)</strong> 大塚</p>"},
		{"selector after a Latin letter is Latin", "a\uFE00**(x)**", "<p>a\uFE00**(x)**</p>"},
		{"ideographic variation selector", "葛\U000E0100**(正式)**城市", "<p>葛\U000E0100<strong>(正式)</strong>城市</p>"},
		{"full-width quote sequence", "**“\uFE01Git”\uFE01**Hub", "<p><strong>“\uFE01Git”\uFE01</strong>Hub</p>"},
		{"plain curly quotes stay CommonMark", "**“Git”**Hub", "<p>**“Git”**Hub</p>"},
		// '_' keeps its word rules but CJK punctuation no longer blocks it.
		{"underscore strong before CJK colon", "__注意__：注意事项", "<p><strong>注意</strong>：注意事项</p>"},
		{"underscore strong after CJK colon", "注意：__注意事项__", "<p>注意：<strong>注意事项</strong></p>"},
		{"underscore after selector sequence", "正體字。\uFE01_Traditional._", "<p>正體字。\uFE01<em>Traditional.</em></p>"},
		{"underscore inside CJK word", "中文_强调_中文", "<p>中文_强调_中文</p>"},

		// CommonMark 0.31.2 §6.2, unchanged without CJK.
		{"spec 350", "*foo bar*", "<p><em>foo bar</em></p>"},
		{"spec 351", "a * foo bar*", "<p>a * foo bar*</p>"},
		{"spec 352", `a*"foo"*`, "<p>a*&quot;foo&quot;*</p>"},
		{"spec 355", "foo*bar*", "<p>foo<em>bar</em></p>"},
		{"spec 358", "_ foo bar_", "<p>_ foo bar_</p>"},
		{"spec 360", "foo_bar_", "<p>foo_bar_</p>"},
		{"spec 364", "_(bar)_.", "<p><em>(bar)</em>.</p>"},
		{"spec 371", "*(*foo*)*", "<p><em>(<em>foo</em>)</em></p>"},
		{"spec 378", "**foo bar**", "<p><strong>foo bar</strong></p>"},
		{"spec 380", `a**"foo"**`, "<p>a**&quot;foo&quot;**</p>"},
		{"spec 381", "foo**bar**", "<p>foo<strong>bar</strong></p>"},
		{"spec 384", "__foo, __bar__, baz__", "<p><strong>foo, <strong>bar</strong>, baz</strong></p>"},
		{"spec 387", `**foo "*bar*" foo**`, "<p><strong>foo &quot;<em>bar</em>&quot; foo</strong></p>"},
		{"spec 393", "_foo_bar_baz_", "<p><em>foo_bar_baz</em></p>"},
		{"spec 410", "foo***bar***baz", "<p>foo<em><strong>bar</strong></em>baz</p>"},
		{"spec 411", "foo******bar*********baz", "<p>foo<strong><strong><strong>bar</strong></strong></strong>***baz</p>"},
		{"intraword underscore", "snake_case_name", "<p>snake_case_name</p>"},
		{"spec 488", "_foo_bar", "<p>_foo_bar</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSuffix(render(t, tt.in, NewCJKEmphasis()), "\n")
			if got != tt.want {
				t.Errorf("%q\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestCJKEmphasisFixesGoldmark pins down why the extension exists: plain
// goldmark, CJK extension or not, leaves the seed's markers literal.
func TestCJKEmphasisFixesGoldmark(t *testing.T) {
	const in = "**（8）优化营商环境。**湘易办"
	if got := render(t, in); strings.Contains(got, "<strong>") {
		t.Fatalf("plain goldmark now handles %q (%s); the extension may be obsolete", in, got)
	}
	if got := render(t, in, NewCJKEmphasis()); !strings.Contains(got, "<strong>") {
		t.Fatalf("got %s", got)
	}
}

// TestCommonMarkSpecUnchanged runs every example of the CommonMark spec
// shipped with goldmark and requires the extension to change nothing: the
// spec has no CJK examples, so the amendment must be invisible there.
func TestCommonMarkSpecUnchanged(t *testing.T) {
	data := readGoldmarkSpec(t)
	var examples []struct {
		Markdown string
		Example  int
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 600 {
		t.Fatalf("only %d examples", len(examples))
	}
	plain, ours := goldmark.New(), goldmark.New(goldmark.WithExtensions(NewCJKEmphasis()))
	for _, ex := range examples {
		var a, b bytes.Buffer
		_ = plain.Convert([]byte(ex.Markdown), &a)
		_ = ours.Convert([]byte(ex.Markdown), &b)
		if a.String() != b.String() {
			t.Errorf("example %d %q:\ngoldmark %q\n    ours %q", ex.Example, ex.Markdown, a.String(), b.String())
		}
	}
}

// readGoldmarkSpec reads _test/spec.json from goldmark's module directory,
// or skips when the go command or the module cache is not at hand.
func readGoldmarkSpec(t *testing.T) []byte {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		t.Skip("goldmark module directory unknown")
	}
	data, err := os.ReadFile(filepath.Join(string(bytes.TrimSpace(out)), "_test", "spec.json"))
	if err != nil {
		t.Skip(err)
	}
	return data
}

func FuzzCJKEmphasis(f *testing.F) {
	for _, s := range []string{
		"**（8）优化营商环境。**湘易办",
		"**新经济发展。**完成科技型中小企业6家",
		"中文**强调**中文",
		"“**引号**”",
		`**foo "*bar*" foo**`,
		"__foo, __bar__, baz__",
		`a**"foo"**`,
		"大塚\uFE00**(U+585A)**x",
		"葛\U000E0100**(正式)**城市",
		"**“\uFE01Git”\uFE01**Hub",
		"\uFE00**x**\uFE0F_y_",
		"> \uFE01*引用*\n> **二**",
		"- *一*\n\t- **二。**三",
		" \x81\n00", // once panicked inside goldmark, see validUTF8
	} {
		f.Add(s)
	}
	c := New()
	plain := goldmark.New()
	ours := goldmark.New(goldmark.WithExtensions(NewCJKEmphasis()))
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := c.Convert([]byte(s), nil)
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 from %q: %q", s, out)
		}
		// Without CJK characters or variation selectors the amendment
		// must not change a thing.
		if strings.IndexFunc(s, func(r rune) bool { return isCJK(r) || isIVS(r) || isGeneralVS(r) }) < 0 {
			var a, b bytes.Buffer
			_ = plain.Convert([]byte(s), &a)
			_ = ours.Convert([]byte(s), &b)
			if a.String() != b.String() {
				t.Fatalf("%q: goldmark %q, ours %q", s, a.String(), b.String())
			}
		}
	})
}
