package site

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestQuoteRoundTrips(t *testing.T) {
	for _, s := range []string{"东风路街道", `a "quoted" \ back`, "line\nbreak\ttab", "\x01\x7f", "“三重点”"} {
		var v struct{ K string }
		if _, err := toml.Decode("K = "+Quote(s), &v); err != nil || v.K != s {
			t.Errorf("Quote(%q) = %s read back as %q (%v)", s, Quote(s), v.K, err)
		}
	}
}
