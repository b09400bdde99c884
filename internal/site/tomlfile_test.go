package site

import (
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

// simpleCases are documents around the edges of what decodeSimple takes;
// true marks those it must take, the rest it must leave to the decoder.
var simpleCases = map[string]bool{
	"":   true,
	"\n": true,
	"\ntitle = \"关于做好2023年森林防火工作的通知（第1号）\"\ndate  = 2023-02-28\n": true,
	"title=\"\"\n\t date\t=\t2024-02-29 \t\n\n":                   true,
	"a-b_9 = \"x'y\"":              true,
	"2023-02-28 = 2023-02-28":      true,
	"title = \"a\" # 注释":           false,
	"# 注释\ntitle = \"a\"":          false,
	"title = \"a\\\"b\"":           false,
	"title = \"a\tb\"":             false,
	"title = \"\"\"a\"\"\"":        false,
	"title = 'a'":                  false,
	"title = \"a\"\ntitle = \"b\"": false,
	"site.name = \"a\"":            false,
	"\"title\" = \"a\"":            false,
	"title = \"a\" \"b\"":          false,
	"title = \"a":                  false,
	"title = \"a\nb\"":             false,
	"title = \"a\"\r\n":            false,
	"title":                        false,
	"= \"a\"":                      false,
	"[page]\ntitle = \"a\"":        false,
	"date = 2023-02-30":            false,
	"date = 2023-13-01":            false,
	"date = 2023-00-10":            false,
	"date = 2023-2-28":             false,
	"date = 2023-02-28 10:00:00":   false,
	"date = 2023-02-28T10:00:00":   false,
	"date = 2023-02-28Z":           false,
	"date = 20230228":              false,
	"n = 14":                       false,
	"b = true":                     false,
	"t = \"a\"\n[[x]]":             false,
}

func TestDecodeSimple(t *testing.T) {
	for src, want := range simpleCases {
		if _, ok := decodeSimple(src); ok != want {
			t.Errorf("decodeSimple(%q) took it: %v; want %v", src, ok, want)
		}
		sameAsDecoder(t, src)
	}
}

// FuzzDecodeSimple holds decodeSimple to the TOML decoder: whatever it
// takes, the decoder takes too, with the same values.
func FuzzDecodeSimple(f *testing.F) {
	for src := range simpleCases {
		f.Add(src)
	}
	f.Fuzz(sameAsDecoder)
}

func sameAsDecoder(t *testing.T, src string) {
	got, ok := decodeSimple(src)
	if !ok {
		return
	}
	want := map[string]any{}
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("decodeSimple took %q, which the decoder refuses: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeSimple(%q) = %#v; the decoder gives %#v", src, got, want)
	}
}
