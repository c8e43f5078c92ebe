package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPositionString(t *testing.T) {
	for _, tc := range []struct {
		pos  Position
		want string
	}{
		{Position{File: "content/plan/_index.vi.md", Line: 3, Col: 1}, "content/plan/_index.vi.md:3:1"},
		{Position{File: "content/plan/_index.vi.md", Line: 3}, "content/plan/_index.vi.md:3"},
		{Position{File: "content/site.yaml"}, "content/site.yaml"},
		{Position{File: "content/site.yaml", Col: 4}, "content/site.yaml"}, // no line: the whole file
		{Position{File: "a.md", Line: 120, Col: 37}, "a.md:120:37"},
	} {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.pos, got, tc.want)
		}
	}
}

func TestLineIndexPosition(t *testing.T) {
	src := "---\nKế hoạch: x\n\nĐường dây nóng 111\r\nlast"
	x := NewLineIndex("a.md", []byte(src))
	for _, tc := range []struct {
		at   string // the text at the offset; the first occurrence is used
		line int
		col  int
	}{
		{"---", 1, 1},
		{"Kế", 2, 1},
		{"ế", 2, 2},
		{" hoạch", 2, 3},
		{"ạch", 2, 6},
		{": x", 2, 9},
		{"x\n", 2, 11}, // byte offset 18 on the line, but the 11th character
		{"\n\nĐ", 2, 12},
		{"\nĐ", 3, 1},
		{"Đường", 4, 1},
		{"nóng", 4, 11},
		{"111", 4, 16},
		{"\r\n", 4, 19},
		{"last", 5, 1},
	} {
		off := strings.Index(src, tc.at)
		if off < 0 {
			t.Fatalf("%q not in source", tc.at)
		}
		want := Position{File: "a.md", Line: tc.line, Col: tc.col}
		if got := x.Position(off); got != want {
			t.Errorf("Position(%d) at %q = %v, want %v", off, tc.at, got, want)
		}
	}
	// An offset inside a multi-byte letter is that letter's column: the
	// fuzzer found Col running past the end of the line for one at the end
	// of the text ("000000000000툈", offset 14).
	for _, off := range []int{strings.Index(src, "ế") + 1, strings.Index(src, "ế") + 2} {
		if got := x.Position(off); got != (Position{File: "a.md", Line: 2, Col: 2}) {
			t.Errorf("Position(%d) inside ế = %v, want a.md:2:2", off, got)
		}
	}
	if got := NewLineIndex("f", []byte("000000000000툈")).Position(14); got != (Position{File: "f", Line: 1, Col: 13}) {
		t.Errorf("Position(14) inside 툈 = %v, want f:1:13", got)
	}
	// Offsets outside the text are clamped to its ends.
	if got := x.Position(-5); got != (Position{File: "a.md", Line: 1, Col: 1}) {
		t.Errorf("Position(-5) = %v", got)
	}
	end := Position{File: "a.md", Line: 5, Col: 5}
	if got := x.Position(len(src)); got != end {
		t.Errorf("Position(len) = %v, want %v", got, end)
	}
	if got := x.Position(len(src) + 100); got != end {
		t.Errorf("Position(len+100) = %v, want %v", got, end)
	}
}

func TestLineIndexKeHoach(t *testing.T) {
	src := []byte("Kế hoạch: x")
	off := strings.IndexByte(string(src), 'x')
	if off != 14 {
		t.Fatalf("byte offset of x = %d, want 14", off)
	}
	if got := NewLineIndex("f", src).Position(off); got.Line != 1 || got.Col != 11 {
		t.Errorf("Position(14) = %v, want line 1 col 11", got)
	}
}

func TestLineIndexLine(t *testing.T) {
	x := NewLineIndex("a.md", []byte("một\r\nhai\n\nbốn\n"))
	for n, want := range map[int]string{
		0: "", 1: "một", 2: "hai", 3: "", 4: "bốn", 5: "", 6: "", -1: "",
	} {
		if got := x.Line(n); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
	// Trailing text without a line end is the last line.
	if got := NewLineIndex("b", []byte("a\nbc")).Line(2); got != "bc" {
		t.Errorf("Line(2) of unterminated text = %q", got)
	}
	if got := NewLineIndex("c", nil).Line(1); got != "" {
		t.Errorf("Line(1) of empty text = %q", got)
	}
	if got := NewLineIndex("c", nil).Position(0); got != (Position{File: "c", Line: 1, Col: 1}) {
		t.Errorf("Position(0) of empty text = %v", got)
	}
}

func FuzzLineIndex(f *testing.F) {
	f.Add([]byte("Kế hoạch: x"), 14)
	f.Add([]byte("a\nb\r\nc"), 4)
	f.Add([]byte("\n\n\n"), 3)
	f.Add([]byte("\xff\xfe\n\xe1"), 1)
	f.Add([]byte(""), -1)
	f.Add([]byte("000000000000툈"), 14)
	f.Fuzz(func(t *testing.T, src []byte, off int) {
		x := NewLineIndex("f", src)
		p := x.Position(off)
		if p.File != "f" || p.Line < 1 || p.Col < 1 {
			t.Fatalf("Position(%d) = %+v", off, p)
		}
		lines := strings.Count(string(src), "\n") + 1
		if p.Line > lines {
			t.Fatalf("Position(%d) line %d > %d lines", off, p.Line, lines)
		}
		// The column never runs past the end of its line (plus one, for
		// the line end or the end of the text).
		raw := strings.Split(string(src), "\n")[p.Line-1]
		if limit := utf8.RuneCountInString(raw) + 1; p.Col > limit {
			t.Fatalf("Position(%d) col %d > %d on line %q", off, p.Col, limit, raw)
		}
		if got := x.Line(p.Line); got != strings.TrimSuffix(raw, "\r") {
			t.Fatalf("Line(%d) = %q, want %q", p.Line, got, raw)
		}
	})
}
