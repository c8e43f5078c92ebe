package content

import (
	"bytes"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		yaml string
		body string // text[bodyOffset:]
		ok   bool
	}{
		{"front matter and body", "---\ntitle: Kế hoạch\n---\nThân bài.\n", "title: Kế hoạch\n", "Thân bài.\n", true},
		{"dots end the block", "---\ntitle: a\n...\nbody\n", "title: a\n", "body\n", true},
		{"closing line with trailing spaces", "---\ntitle: a\n---  \t\nbody", "title: a\n", "body", true},
		{"empty body", "---\ntitle: a\n---\n", "title: a\n", "", true},
		{"closing line at end of file", "---\ntitle: a\n---", "title: a\n", "", true},
		{"empty front matter", "---\n---\nbody\n", "", "body\n", true},
		{"a later --- belongs to the body", "---\na: 1\n---\nx\n---\ny\n", "a: 1\n", "x\n---\ny\n", true},
		{"no front matter", "# Tiêu đề\n\nThân.\n", "", "", false},
		{"dashes not on the first line", "\n---\ntitle: a\n---\n", "", "", false},
		{"unclosed", "---\ntitle: a\nbody\n", "", "", false},
		{"only ---", "---", "", "", false},
		{"only --- and newline", "---\n", "", "", false},
		{"only --- with trailing spaces", "---  ", "", "", false},
		{"four dashes", "----\ntitle: a\n----\n", "", "", false},
		{"empty file", "", "", "", false},
		{"closing ---x is not a closing line", "---\ntitle: a\n---x\n", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(tc.text)
			yml, off, ok := Split(text)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				if yml != nil || off != 0 {
					t.Errorf("not ok but yaml %q, offset %d", yml, off)
				}
				return
			}
			if string(yml) != tc.yaml {
				t.Errorf("yaml = %q, want %q", yml, tc.yaml)
			}
			if got := string(text[off:]); got != tc.body {
				t.Errorf("body = %q, want %q", got, tc.body)
			}
		})
	}
}

func TestSplitOpeningLineTrailingSpace(t *testing.T) {
	text := []byte("--- \ntitle: x\n---\nbody\n")
	yml, off, ok := Split(text)
	if !ok || string(yml) != "title: x\n" || string(text[off:]) != "body\n" {
		t.Errorf("Split = %q, %d, %v", yml, off, ok)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a\n---\nbody\n", "---\n...\n", "---", "---\n", "---  ", "x", "",
		"---\ntitle: a\n---  \n", "---\n---", "--- \na\n---\n", "\xEF\xBB\xBF---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		yml, off, ok := Split(text)
		if !ok {
			if yml != nil || off != 0 {
				t.Fatalf("not ok but yaml %q, offset %d", yml, off)
			}
			return
		}
		first, _, _ := bytes.Cut(text, []byte("\n"))
		if string(bytes.TrimRight(first, " \t")) != "---" {
			t.Fatalf("split text whose first line is not ---: %q", text)
		}
		start := len(first) + 1
		if off < start+len(yml) || off > len(text) {
			t.Fatalf("body offset %d out of range for %d bytes (yaml %d)", off, len(text), len(yml))
		}
		// The YAML is exactly the bytes after the first line, and the
		// closing line lies between it and the body.
		if !bytes.Equal(text[start:start+len(yml)], yml) {
			t.Fatalf("yaml %q is not the text after the first line", yml)
		}
		closing := string(bytes.TrimRight(bytes.TrimSuffix(text[start+len(yml):off], []byte("\n")), " \t"))
		if closing != "---" && closing != "..." {
			t.Fatalf("closing line %q", closing)
		}
		// No earlier line closes the block.
		for _, line := range bytes.Split(yml, []byte("\n")) {
			if l := string(bytes.TrimRight(line, " \t")); l == "---" || l == "..." {
				t.Fatalf("yaml %q holds a closing line", yml)
			}
		}
	})
}
