package search

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func forms(text string) (folded, exact string) {
	var f, e []string
	for _, t := range Terms(text) {
		f = append(f, t.Folded)
		e = append(e, t.Exact)
	}
	return strings.Join(f, " "), strings.Join(e, " ")
}

func TestTerms(t *testing.T) {
	for _, tc := range []struct{ in, folded, exact string }{
		{"Phòng, chống mại dâm", "phong chong mai dam", "phong2 chông1 mai5 dâm"},
		{"ĐƯỜNG DÂY NÓNG 111", "duong day nong 111", "đương2 dây nong1 111"},
		{"Kế hoạch 164/KH-UBND", "ke hoach 164 kh ubnd", "kê1 hoach5 164 kh ubnd"},
		{"hoà hòa thuỷ thủy", "hoa hoa thuy thuy", "hoa2 hoa2 thuy3 thuy3"},
		{"kì kỳ lí lý Mỹ quý quí hay", "ki ki li li mi qui qui hay", "ki2 ki2 li1 li1 mi4 qui1 qui1 hay"},
		{"bán ban", "ban ban", "ban1 ban"},
	} {
		f, e := forms(tc.in)
		if f != tc.folded || e != tc.exact {
			t.Errorf("Terms(%q) = %q / %q, want %q / %q", tc.in, f, e, tc.folded, tc.exact)
		}
		f2, e2 := forms(norm.NFD.String(tc.in))
		if f2 != f || e2 != e {
			t.Errorf("NFD %q gives %q / %q", tc.in, f2, e2)
		}
	}
}

func TestPrefix(t *testing.T) {
	for in, want := range map[string]string{"phong": "ph", "a": "a", "164": "16", "": ""} {
		if got := Prefix(in); got != want {
			t.Errorf("Prefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzTerms(f *testing.F) {
	f.Add("Phòng, chống mại dâm 164/KH-UBND")
	f.Add("\u0301a")
	f.Fuzz(func(t *testing.T, s string) {
		for _, term := range Terms(s) {
			if term.Folded == "" {
				t.Fatalf("empty folded term from %q", s)
			}
		}
	})
}

// FuzzAppendString checks the hand-written JSON strings of the index
// against encoding/json, byte for byte.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "phòng", "a\"b\\c", "<&>", "\b\f\n\r\t\x01", "\u2028\u2029", "\xff\xfe", "đ\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestIsWordRune holds isWordRune's table of Latin letters to Unicode's
// definition of a word's runes: letters, digits and combining marks.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
