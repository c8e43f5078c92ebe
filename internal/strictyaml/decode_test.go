package strictyaml

import (
	"slices"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/diag"
)

type sample struct {
	Pos    diag.Position `yaml:"-"`
	Title  string        `yaml:"title"`
	Weight int           `yaml:"weight"`
	Draft  bool          `yaml:"draft"`
	Tags   []string      `yaml:"tags"`
	Inner  *struct {
		Pos  diag.Position `yaml:"-"`
		Name string        `yaml:"name"`
	} `yaml:"inner"`
}

func decode(t *testing.T, text string) (sample, diag.List) {
	t.Helper()
	var s sample
	l := Decode(Source{File: "f.md", Text: []byte(text), LineOffset: 1}, &s)
	return s, l
}

func TestDecodeValues(t *testing.T) {
	s, l := decode(t, "title: Kế hoạch\nweight: 3\ndraft: true\ntags: [a, b]\ninner:\n  name: x\n")
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	if s.Title != "Kế hoạch" || s.Weight != 3 || !s.Draft || len(s.Tags) != 2 || s.Inner.Name != "x" {
		t.Fatalf("decoded %+v", s)
	}
	if want := (diag.Position{File: "f.md", Line: 7, Col: 3}); s.Inner.Pos != want {
		t.Errorf("inner pos = %v, want %v", s.Inner.Pos, want)
	}
}

func TestDecodeProblems(t *testing.T) {
	for _, tc := range []struct{ text, want, hint string }{
		{"titel: x\n", `f.md:2:1: unknown key "titel"`, `did you mean "title"?`},
		{"title: a\nweight: nhiều\n", `f.md:3:9: "weight" should be a whole number, not "nhiều"`, ""},
		{"tags: a\n", `f.md:2:7: "tags" should be a list`, ""},
		{"title: a\ntitle: b\n", `f.md:3:1: key "title" appears twice`, "keep one of them"},
		{"title: Kế hoạch: 2021\n", `f.md:2:16: this line has a second colon (":") inside a value`, `put the whole value in double quotes, e.g. title: "Kế hoạch: 2021–2025"`},
		{"title: a\n\tweight: 1\n", `f.md:3:1: this line is indented with a tab`, ""},
		{"inner:\n  name: x\n   bad: y\n", "f.md:4:", ""},
		{"draft: nope\n", `f.md:2:8: "draft" should be true or false, not "nope"`, "write true (yes) or false (no); có and không are read the same way"},
		{"tags: a, b\n", `f.md:2:7: "tags" should be a list`, `write one item per line under it, each starting with "- "`},
		// A quote or a [ list left open: at the line and column where it
		// opens (yaml.v3 names the line before, or blames indentation).
		{"title: a\ndate: 2026-11-28\ntags: [\"Tuyên truyền\", \"Phụ nữ\"\ndraft: false\n", `f.md:4:7: a list written in [brackets] is not closed`, "end the list with ]"},
		{"title: a\ndate: 2026-11-28\ntags: [\"Tuyên truyền, \"Phụ nữ\"]\ndraft: false\n", `f.md:4:23: a value in quotes ends here, but more text follows it`, ""},
		{"title: \"Xã Tân Hưng tập huấn\ndate: 2026-11-28\n", `f.md:2:8: the quote (") that starts this value is not closed on its line`, ""},
		{"title: a\ntags:\n  - \"Phụ nữ\n  - b\n", `f.md:4:5: the quote (") that starts this value is not closed on its line`, ""},
	} {
		_, l := decode(t, tc.text)
		if len(l) == 0 {
			t.Errorf("%q: no diagnostic", tc.text)
			continue
		}
		got := l[0].Pos.String() + ": " + l[0].Message
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q:\n got %s\nwant %s", tc.text, got, tc.want)
		}
		if tc.hint != "" && l[0].Hint != tc.hint {
			t.Errorf("%q: hint %q, want %q", tc.text, l[0].Hint, tc.hint)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("title: a\nweight: 2\n")
	f.Add("tags: [a\n")
	f.Add("inner: {name: x}\n")
	f.Fuzz(func(t *testing.T, text string) {
		var s sample
		l := Decode(Source{File: "f", Text: []byte(text)}, &s)
		for _, d := range l {
			if d.Pos.File != "f" || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
	})
}

// TestDecodeForbidden holds that a character no web page may hold, written
// as a YAML escape, is an error at its value, in any key or value (issue
// 12: `title: "Tin\x1d một"` put U+001D into <title> and og:title).
func TestDecodeForbidden(t *testing.T) {
	_, l := decode(t, "title: \"Tin\\x1d một\"\ntags: [a, \"b\\u0085\"]\ninner:\n  name: \"\\0\"\n\"k\\x7f\": 1\n")
	var got []string
	for _, d := range l {
		if strings.Contains(d.Message, "which a web page cannot contain") {
			got = append(got, d.Pos.String()+" "+d.Message)
		}
	}
	want := []string{
		`f.md:2:8 the text "Tin\x1d một" holds the invisible character U+001D, which a web page cannot contain`,
		`f.md:3:11 the text "b\u0085" holds the invisible character U+0085, which a web page cannot contain`,
		`f.md:5:9 the text "\x00" holds the invisible character U+0000, which a web page cannot contain`,
		`f.md:6:1 the text "k\x7f" holds the invisible character U+007F, which a web page cannot contain`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDecodeVietnameseBool: a Vietnamese author writes draft: không.
func TestDecodeVietnameseBool(t *testing.T) {
	for text, want := range map[string]bool{"draft: không\n": false, "draft: Có\n": true, "draft: \"không\"\n": false} {
		s, l := decode(t, text)
		if len(l) != 0 || s.Draft != want {
			t.Errorf("%q: draft = %v, diagnostics %v; want %v", text, s.Draft, l, want)
		}
	}
}

// TestDecodeExamples: a value of the wrong shape gets the caller's example.
func TestDecodeExamples(t *testing.T) {
	var s sample
	l := Decode(Source{File: "f", Text: []byte("tags: 7:30 - 17:00\n"), Examples: map[string]string{"tags": "- x"}}, &s)
	if len(l) != 1 || !strings.Contains(l[0].Hint, "- x") {
		t.Fatalf("got %v", l)
	}
}

// TestDecodePositions holds that a Positions field gets where each key's
// value was written, for every key of its own mapping (not the keys of a
// mapping inside it), also for a key with no value and an alias.
func TestDecodePositions(t *testing.T) {
	var s struct {
		Title string            `yaml:"title"`
		Date  string            `yaml:"date"`
		Draft bool              `yaml:"draft"`
		Inner map[string]string `yaml:"inner"`
		Keys  Positions         `yaml:"-"`
	}
	l := Decode(Source{File: "f.md", Text: []byte("title: &t Tin\ndate:\ninner:\n  a: b\ndraft:   true\n"), LineOffset: 1}, &s)
	if len(l) != 0 {
		t.Fatal(l)
	}
	want := Positions{
		{"title", diag.Position{File: "f.md", Line: 2, Col: 8}},
		{"date", diag.Position{File: "f.md", Line: 3, Col: 6}},
		{"inner", diag.Position{File: "f.md", Line: 5, Col: 3}},
		{"draft", diag.Position{File: "f.md", Line: 6, Col: 10}},
	}
	if !slices.Equal(s.Keys, want) {
		t.Errorf("Keys = %v, want %v", s.Keys, want)
	}
	for _, kp := range want {
		if got := s.Keys.At(kp.Key, diag.Position{}); got != kp.Pos {
			t.Errorf("Keys.At(%q) = %v, want %v", kp.Key, got, kp.Pos)
		}
	}
	if got := s.Keys.At("missing", diag.Position{File: "f.md", Line: 1}); got != (diag.Position{File: "f.md", Line: 1}) {
		t.Errorf("Keys.At(missing) = %v, want the mapping's position", got)
	}
}

// TestDecodeNull holds the one rule for YAML null: every spelling of it,
// for every kind of field, Scalar and Scalars included, leaves the zero
// value, as if the key were not written; quoted, it is text.
func TestDecodeNull(t *testing.T) {
	type fields struct {
		Text    string   `yaml:"text"`
		Number  int      `yaml:"number"`
		Flag    bool     `yaml:"flag"`
		List    []string `yaml:"list"`
		Scalar  Scalar   `yaml:"scalar"`
		Scalars Scalars  `yaml:"scalars"`
	}
	for _, null := range []string{"", " ~", " null", " Null", " NULL"} {
		var text string
		for _, k := range []string{"text", "number", "flag", "list", "scalar", "scalars"} {
			text += k + ":" + null + "\n"
		}
		var f fields
		if l := Decode(Source{File: "f.md", Text: []byte(text)}, &f); len(l) != 0 {
			t.Fatalf("%q: %v", null, l)
		}
		if f.Text != "" || f.Number != 0 || f.Flag || f.List != nil || f.Scalar.Value != "" || f.Scalars != nil {
			t.Errorf("%q: decoded %+v, want zero values", null, f)
		}
		if f.Scalar.Pos.Line != 5 {
			t.Errorf("%q: Scalar.Pos = %v, want line 5", null, f.Scalar.Pos)
		}
	}
	var f fields
	if l := Decode(Source{File: "f.md", Text: []byte("text: \"~\"\nscalar: \"~\"\nscalars: ['null']\n")}, &f); len(l) != 0 {
		t.Fatal(l)
	}
	if f.Text != "~" || f.Scalar.Value != "~" || f.Scalars.Values()[0] != "null" {
		t.Errorf("quoted: decoded %+v, want the text", f)
	}
}
