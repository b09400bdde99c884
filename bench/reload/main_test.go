package main

import (
	"strings"
	"testing"
	"time"
)

func TestEdit(t *testing.T) {
	src := "period = \"1月\"\n\n[[result]]\nindicator = \"a\"\nprogress  = \"完成30%。\"\n\n[[result]]\nprogress = \"乙\"\n"
	got, err := edit([]byte(src), 7)
	want := "period = \"1月\"\n\n[[result]]\nindicator = \"a\"\nprogress  = \"完成30%。（第7次保存）\"\n\n[[result]]\nprogress = \"乙\"\n"
	if err != nil || string(got) != want {
		t.Errorf("edit = %q, %v\nwant %q", got, err, want)
	}
	if _, err := edit([]byte("period = \"1月\"\n"), 1); err == nil {
		t.Error("a file without progress text is not reported")
	}
}

func TestReadEvents(t *testing.T) {
	stream := "retry: 500\n\nevent: hello\ndata: {\"id\":\"a\"}\n\n: ping\n\nevent: build\ndata: {\"id\":\"b\"}\n\n"
	ch := make(chan event, 4)
	readEvents(strings.NewReader(stream), ch)
	close(ch)
	var got []event
	for ev := range ch {
		got = append(got, ev)
	}
	want := []event{{"hello", `{"id":"a"}`}, {"build", `{"id":"b"}`}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("events = %q; want %q", got, want)
	}
}

func TestMedian(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		var d []time.Duration
		for _, x := range v {
			d = append(d, time.Duration(x)*time.Millisecond)
		}
		return d
	}
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{ms(30, 10, 20), 20 * time.Millisecond},
		{ms(40, 10, 30, 20), 25 * time.Millisecond},
		{nil, 0},
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v; want %v", tc.in, got, tc.want)
		}
	}
}
