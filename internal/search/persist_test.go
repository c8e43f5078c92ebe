package search

import (
	"reflect"
	"testing"
)

// TestAnalyzedGob holds an Analyzed (its section key too) through
// GobEncode and GobDecode, and a Dict through Names and NewDictOf, to
// what they were.
func TestAnalyzedGob(t *testing.T) {
	dict := NewDict()
	a := NewAnalyzer(dict).Analyze(Doc{URL: "/tin/", Title: "Đường dây nóng", Section: "Tin", SectionKey: "news", Text: "Gọi 111 khi cần giúp đỡ. Đường dây nóng miễn phí, suốt ngày đêm."})
	data, err := a.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	var b Analyzed
	if err := b.GobDecode(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("got %+v, want %+v", b, a)
	}
	again := NewDictOf(dict.Names())
	if !reflect.DeepEqual(again.ids, dict.ids) || !reflect.DeepEqual(again.names, dict.names) {
		t.Error("NewDictOf(Names()) numbers the forms otherwise")
	}
	for n := range data {
		var c Analyzed
		if c.GobDecode(data[:n]) == nil {
			t.Errorf("%d of %d bytes decoded without an error", n, len(data))
		}
	}
}

// FuzzAnalyzedGobDecode: any bytes give an error or an Analyzed, never a
// panic.
func FuzzAnalyzedGobDecode(f *testing.F) {
	a := NewAnalyzer(NewDict()).Analyze(Doc{URL: "/a/", Title: "A", Text: "một hai ba"})
	data, _ := a.GobEncode()
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		var a Analyzed
		_ = a.GobDecode(data)
	})
}
