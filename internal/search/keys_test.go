package search

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// KeyCases are query words and what the script's fallbacks make of them;
// the browser tests run the same table through static/js/search.js.
var KeyCases = []struct {
	Word, Telex, VNI string
	Syllables        string // the first way to cut it, as "a b c"
}{
	{Word: "dduwowngf", Telex: "đường"},
	{Word: "daay", Telex: "dây", Syllables: "da ay"},
	{Word: "nongs", Telex: "nóng"},
	{Word: "nosng", Telex: "nóng"},
	{Word: "nguwowif", Telex: "người"},
	{Word: "baans", Telex: "bấn"},
	{Word: "maij", Telex: "mại"},
	{Word: "hoaf", Telex: "hòa"},
	{Word: "quys", Telex: "quý"},
	{Word: "giaf", Telex: "già"},
	{Word: "tooi", Telex: "tôi", Syllables: "too i"},
	{Word: "dday", Telex: "đay"},
	{Word: "thuowng", Telex: "thương"},
	{Word: "aw", Telex: "ă"},
	{Word: "d9u7o7ng2", VNI: "đường"},
	{Word: "da6y", VNI: "dây"},
	{Word: "no1ng", VNI: "nóng"},
	{Word: "ma5i", VNI: "mại"},
	{Word: "d9a6m", VNI: "đâm"},
	{Word: "ba81n", VNI: "bắn"},
	{Word: "nguo72i", VNI: "người"},
	{Word: "muabannguoi", Syllables: "mua ban nguoi"},
	{Word: "maidam", Syllables: "mai dam"},
	{Word: "duongdaynong", Syllables: "duong day nong"},
	{Word: "phongchongmaidam", Syllables: "phong chong mai dam"},
	{Word: "tongdai", Syllables: "tong dai"},
	{Word: "nghieng", Syllables: "nghieng"},
	// Not keystrokes, not syllables: left alone.
	{Word: "trafficking"},
	{Word: "hotline", Syllables: "hot lin e"}, // checked against the index by the script
	{Word: "111"},
	{Word: "xyzzy"},
	{Word: "abc"},
}

func TestKeys(t *testing.T) {
	for _, c := range KeyCases {
		if got, ok := DecodeTelex(c.Word); got != c.Telex || ok != (c.Telex != "") {
			t.Errorf("DecodeTelex(%q) = %q, %v; want %q", c.Word, got, ok, c.Telex)
		}
		if got, ok := DecodeVNI(c.Word); got != c.VNI || ok != (c.VNI != "") {
			t.Errorf("DecodeVNI(%q) = %q, %v; want %q", c.Word, got, ok, c.VNI)
		}
		got := ""
		if s := Syllables(c.Word); len(s) > 0 {
			got = fmt.Sprint(s[0])
			got = got[1 : len(got)-1]
		}
		if got != c.Syllables {
			t.Errorf("Syllables(%q)[0] = %q, want %q", c.Word, got, c.Syllables)
		}
	}
}

// FuzzKeys checks that the fallbacks never panic, return valid UTF-8, and
// stay within their bounds for any input.
func FuzzKeys(f *testing.F) {
	for _, c := range KeyCases {
		f.Add(c.Word)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, dec := range []func(string) (string, bool){DecodeTelex, DecodeVNI} {
			if got, ok := dec(w); ok && (!utf8.ValidString(got) || got == "") {
				t.Errorf("%q decodes to %q", w, got)
			}
		}
		ss := Syllables(w)
		if len(ss) > MaxSegmentations {
			t.Errorf("%q: %d ways", w, len(ss))
		}
		for _, s := range ss {
			joined := ""
			for _, x := range s {
				joined += x
			}
			if joined != w {
				t.Errorf("%q cut into %q", w, s)
			}
		}
	})
}

// TestPhoneNumbers: a number is found typed without spaces or dots, in
// its national (0…) and international (+84…, 84…) forms alike.
func TestPhoneNumbers(t *testing.T) {
	for text, want := range map[string]string{
		"Gọi 0221 3862 000 nhé":      "02213862000 842213862000",
		"Gọi 0221.3862.000.":         "02213862000 842213862000",
		"số 1800-5099":               "18005099",
		"Kế hoạch 164 năm 2021 2025": "",
		"x0221 3862 000":             "",
		"111":                        "",
		"0221 3862 000abc":           "",
		"Gọi +84 981 848 484.":       "84981848484 0981848484",
		"Gọi +84981848484.":          "0981848484",
		"Gọi 84 981 848 484.":        "84981848484 0981848484",
		"Gọi 0981848484.":            "84981848484",
		"Gọi 0981.848.484.":          "0981848484 84981848484",
		"mã 84123 và 2021":           "",
		"Zalo 0981848484x":           "",
	} {
		var got []string
		phoneNumbers(text, func(d string) { got = append(got, d) })
		if strings.Join(got, " ") != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestScriptSyllable checks that the pattern static/js/search.js cuts
// syllables with (SYLLABLE, one regular expression for the size of the
// script) accepts exactly the syllables of onsets, nuclei and codas: the
// lengths it finds at the start of every first consonant, vowel group
// and final consonant, followed by any letter or none, are syllableLens'.
func TestScriptSyllable(t *testing.T) {
	src, err := os.ReadFile("../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`var SYLLABLE = /(.*)/;`).FindSubmatch(src)
	if m == nil {
		t.Fatal("static/js/search.js has no var SYLLABLE = /…/;")
	}
	re := regexp.MustCompile(string(m[1]))
	match := map[string]bool{}
	lens := func(s string) []int {
		var out []int
		for n := min(8, len(s)); n > 0; n-- {
			ok, seen := match[s[:n]]
			if !seen {
				ok = re.MatchString(s[:n])
				match[s[:n]] = ok
			}
			if ok {
				out = append(out, n)
			}
		}
		return out
	}
	// After the vowel group: a final consonant, or letters that start
	// another syllable or make a longer group; then one more letter.
	after := append(slices.Clone(codas), strings.Split("aeiouygh", "")...)
	tails := strings.Split("aeghinouy", "")
	tails = append(tails, "")
	n := 0
	for _, on := range onsets {
		for _, nu := range nuclei {
			for _, co := range after {
				for _, tail := range tails {
					s := on + nu.v + co + tail
					if got, want := lens(s), syllableLens(s); !slices.Equal(got, want) {
						t.Fatalf("%q: the script's pattern finds syllables of %v letters, keys.go %v", s, got, want)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d words compared", n)
}
