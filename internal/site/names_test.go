package site

import "testing"

func TestNameProblem(t *testing.T) {
	for _, c := range []struct{ name, problem, shown, clean string }{
		{"罗城街道", "", "罗城街道", "罗城街道"},
		{"罗城街道\u200b", "含看不见的字符 <U+200B>", "罗城街道<U+200B>", "罗城街道"},
		{"罗城\u3000街道", "含看不见的字符 <U+3000>", "罗城<U+3000>街道", "罗城街道"},
		{"\u00a0罗城街道\u00a0", "含看不见的字符 <U+00A0>", "<U+00A0>罗城街道<U+00A0>", "罗城街道"},
		{"罗城\u202e街道\u200d", "含看不见的字符 <U+202E>、<U+200D>", "罗城<U+202E>街道<U+200D>", "罗城街道"},
		{" 罗城街道", "前后有空格", "<U+0020>罗城街道", "罗城街道"},
		{"罗城街道\t", "含看不见的字符 <U+0009>", "罗城街道<U+0009>", "罗城街道"},
		{"Luocheng Jiedao", "", "Luocheng Jiedao", "Luocheng Jiedao"},
	} {
		if got := nameProblem(c.name); got != c.problem {
			t.Errorf("nameProblem(%q) = %q, want %q", c.name, got, c.problem)
		}
		if got := shown(c.name); got != c.shown {
			t.Errorf("shown(%q) = %q, want %q", c.name, got, c.shown)
		}
		if got := cleanName(c.name); got != c.clean {
			t.Errorf("cleanName(%q) = %q, want %q", c.name, got, c.clean)
		}
	}
}
