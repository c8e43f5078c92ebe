package textfile

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestForbidden(t *testing.T) {
	for _, r := range []rune{0, 8, 0xB, 0xC, 0x1D, 0x1F, 0x7F, 0x80, 0x9F, 0xD800, 0xDFFF, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF} {
		if !Forbidden(r) {
			t.Errorf("U+%04X allowed", r)
		}
	}
	for _, r := range []rune{'\t', '\n', '\r', ' ', '~', 0xA0, 'ệ', 0xFDCF, 0xFDF0, 0xFFFD, 0xFEFF, 0x200B, 0x1F600, 0x10FFFD} {
		if Forbidden(r) {
			t.Errorf("U+%04X forbidden", r)
		}
	}
}

func TestFindForbidden(t *testing.T) {
	for _, tc := range []struct {
		in   string
		off  int
		want rune
	}{
		{"Tin một\ttab\r\n", -1, 0},
		{"Tin\x1d một", 3, 0x1D},
		{"Một\u0085", len("Một"), 0x85},
		{"a\uFFFEb", 1, 0xFFFE},
		{"a\xed\xa0\x80b", 1, utf8.RuneError}, // U+D800 encoded alone
		{"ok \uFFFD", -1, 0},
	} {
		if off, r := FindForbidden([]byte(tc.in)); off != tc.off || r != tc.want {
			t.Errorf("FindForbidden(%q) = %d, %U; want %d, %U", tc.in, off, r, tc.off, tc.want)
		}
		if off, r := FindForbiddenString(tc.in); off != tc.off || r != tc.want {
			t.Errorf("FindForbiddenString(%q) = %d, %U", tc.in, off, r)
		}
	}
}

// FuzzFindForbidden holds that FindForbidden, which decodes bytes in
// place, finds what FindForbiddenString finds ranging over a string.
func FuzzFindForbidden(f *testing.F) {
	for _, s := range []string{"Tin một\ttab\r\n", "Tin\x1d một", "a\x7f", "Một\u0085", "a\uFFFEb", "a\xed\xa0\x80b", "ok \uFFFD", "\xff", "\xe1\xbb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		off, r := FindForbidden([]byte(s))
		wantOff, wantR := FindForbiddenString(s)
		if off != wantOff || r != wantR {
			t.Errorf("FindForbidden(%q) = %d, %U; FindForbiddenString: %d, %U", s, off, r, wantOff, wantR)
		}
	})
}

// TestNormalizeForbidden holds that a character a web page may not hold
// is an error at its line and column (counted in characters), whatever
// kind of file it is in (issue 12: U+001D in a title reached <title>).
func TestNormalizeForbidden(t *testing.T) {
	_, d := Normalize("content/news/x.vi.md", []byte("---\ntitle: Tin\x1d một\n---\n"))
	if d == nil {
		t.Fatal("no diagnostic")
	}
	if got := d.Pos.String(); got != "content/news/x.vi.md:2:11" {
		t.Errorf("pos = %s", got)
	}
	if !strings.Contains(d.Message, "the invisible character U+001D, which a web page cannot contain") || d.Hint == "" {
		t.Errorf("message = %q, hint = %q", d.Message, d.Hint)
	}
	// Column in characters: "Mục " is 4 characters, 6 bytes.
	_, d = Normalize("a.yaml", []byte("x: Mục \u0080"))
	if d == nil || d.Pos.String() != "a.yaml:1:8" {
		t.Errorf("diagnostic = %+v", d)
	}
}
