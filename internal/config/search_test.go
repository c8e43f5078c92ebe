package config

import (
	"strings"
	"testing"
)

func TestParseSearch(t *testing.T) {
	site, l := Parse(File, []byte("title: {vi: T, en: T}\nlanguages: [{code: vi, name: V}, {code: en, name: E}]\n"), "")
	if l.HasErrors() {
		t.Fatal(l)
	}
	s, l := ParseSearch(SearchFile, []byte("synonyms:\n  vi:\n    - [đường  dây nóng, tổng đài]\n    - [một]\n  en:\n    - [helpline, hotline]\n  fr:\n    - [a, b]\n"), site)
	if got := s.Synonyms["vi"]; len(got) != 1 || got[0][0] != "đường dây nóng" || got[0][1] != "tổng đài" {
		t.Errorf("vi synonyms %q", got)
	}
	if got := s.Synonyms["en"]; len(got) != 1 || len(got[0]) != 2 {
		t.Errorf("en synonyms %q", got)
	}
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Pos.String() + ": " + d.Message + "\n")
	}
	msg := b.String()
	for _, want := range []string{"search.yaml:4:", "at least two", "search.yaml:8:", `"fr"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("diagnostics %q lack %q", msg, want)
		}
	}
}

// TestParseSearchBoost reads the boost per section: numbers (a decimal
// comma too), and a clear error at the value for anything else or a
// number out of 0.1–10.
func TestParseSearchBoost(t *testing.T) {
	site, _ := Parse(File, []byte("title: {vi: T, en: T}\nlanguages: [{code: vi, name: V}, {code: en, name: E}]\n"), "")
	s, l := ParseSearch(SearchFile, []byte("boost:\n  support: 2\n  news: 0,5\n  plan: nhiều\n  about: 50\n"), site)
	if s.Boost["support"] != 2 || s.Boost["news"] != 0.5 || len(s.Boost) != 2 {
		t.Errorf("boost %v, want support 2 and news 0.5 only", s.Boost)
	}
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Pos.String() + ": " + d.Message + "\n")
	}
	for _, want := range []string{`search.yaml:4:9: the boost of "plan"`, `search.yaml:5:10: the boost of "about"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("diagnostics %q lack %q", b.String(), want)
		}
	}
}
