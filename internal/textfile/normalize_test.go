package textfile

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	nfd := norm.NFD.String("Phòng, chống mại dâm")
	in := "\xEF\xBB\xBFtitle: " + nfd + "\r\nx: y\r\n"
	got, d := Normalize("a.md", []byte(in))
	if d != nil {
		t.Fatal(d.Message)
	}
	if want := "title: Phòng, chống mại dâm\nx: y\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNormalizeInvalid(t *testing.T) {
	// "Kế hoạch" in Windows-1258/1252 bytes is not UTF-8.
	_, d := Normalize("a.md", []byte("title: ok\nname: K\xEA ho\xE1ch\n"))
	if d == nil {
		t.Fatal("no diagnostic for invalid UTF-8")
	}
	if got := d.Pos.String(); got != "a.md:2:8" {
		t.Errorf("pos = %s, want a.md:2:8", got)
	}
	if d.Message != "this file is not saved as UTF-8 (byte 0xEA cannot be read)" {
		t.Errorf("message = %q", d.Message)
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add([]byte("a\r\nb"))
	f.Add([]byte("\xEF\xBB\xBFx"))
	f.Add([]byte("\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, d := Normalize("f", b)
		if d != nil {
			return
		}
		if !norm.NFC.IsNormal(out) {
			t.Fatal("not NFC")
		}
		if off, r := FindForbidden(out); off >= 0 {
			t.Fatalf("%U at %d left in", r, off)
		}
		for _, c := range out {
			if c == '\r' {
				t.Fatal("CR left")
			}
		}
	})
}

// TestReadAsIs holds that ReadAsIs says a file is its text as it is only
// when Normalize changes nothing in it.
func TestReadAsIs(t *testing.T) {
	fsys := fstest.MapFS{
		"plain.md": {Data: []byte("title: Phòng, chống\n")},
		"empty.md": {Data: nil},
		"bom.md":   {Data: []byte("\xEF\xBB\xBFtitle: x\n")},
		"crlf.md":  {Data: []byte("title: x\r\n")},
		"nfd.md":   {Data: []byte(norm.NFD.String("title: Phòng\n"))},
		"bad.md":   {Data: []byte("title: \xEA\n")},
	}
	for name, want := range map[string]bool{"plain.md": true, "empty.md": true, "bom.md": false, "crlf.md": false, "nfd.md": false, "bad.md": false} {
		text, asIs, d, err := ReadAsIs(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if asIs != want {
			t.Errorf("%s: asIs %v, want %v", name, asIs, want)
		}
		if wantText, wantD := Normalize(name, fsys[name].Data); string(text) != string(wantText) || (d == nil) != (wantD == nil) {
			t.Errorf("%s: ReadAsIs gives %q, Normalize %q", name, text, wantText)
		}
	}
}

// TestNormalizeOrder holds that the one-pass path (nothing forbidden, all
// UTF-8) gives what the checks one by one give, and that a file with a
// forbidden character before a byte that is not UTF-8 is still reported
// as not UTF-8, the first problem an editor has to fix.
func TestNormalizeOrder(t *testing.T) {
	_, d := Normalize("a.md", []byte("x\x01y\nK\xEA\n"))
	if d == nil || d.Message != "this file is not saved as UTF-8 (byte 0xEA cannot be read)" || d.Pos.String() != "a.md:2:2" {
		t.Fatalf("got %+v, want the UTF-8 diagnostic at a.md:2:2", d)
	}
	_, d = Normalize("a.md", []byte("x\ny\x01"))
	if d == nil || d.Pos.String() != "a.md:2:2" || d.Message != "this file holds the invisible character U+0001, which a web page cannot contain" {
		t.Fatalf("got %+v, want the U+0001 diagnostic at a.md:2:2", d)
	}
	for _, in := range []string{"", "plain\n", "a\r\nb\rc", "\xEF\xBB\xBF" + norm.NFD.String("Phòng\r\n"), "\uFFFD ok", "\u2028 \U0001F600"} {
		got, d := Normalize("f", []byte(in))
		if d != nil {
			t.Fatalf("%q: %s", in, d.Message)
		}
		want := norm.NFC.String(strings.ReplaceAll(strings.ReplaceAll(strings.TrimPrefix(in, "\xEF\xBB\xBF"), "\r\n", "\n"), "\r", "\n"))
		if string(got) != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// TestPlainNFC holds plainNFC to norm: every character it passes is NFC
// alone, of combining class 0, and stays NFC beside any other it passes
// (so that a text of them is NFC); and it passes no other character.
func TestPlainNFC(t *testing.T) {
	var plain []rune
	for r := rune(0); r < 0x2100; r++ {
		s := string(r)
		if !plainNFC([]byte(s)) {
			continue
		}
		plain = append(plain, r)
		if !norm.NFC.IsNormalString(s) || norm.NFC.PropertiesString(s).CCC() != 0 {
			t.Errorf("%U passes, but is not NFC of class 0", r)
		}
	}
	if len(plain) != 0x300+0x100+0x20 {
		t.Fatalf("%d characters pass", len(plain))
	}
	for _, a := range plain {
		for _, b := range plain {
			if s := string(a) + string(b); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%U %U is not NFC", a, b)
			}
		}
	}
	for _, s := range []string{norm.NFD.String("Phòng"), "e\u0301", "\u2000", "\u212B", "x\xE1\xB8"} {
		if plainNFC([]byte(s)) {
			t.Errorf("%q passes", s)
		}
	}
}
