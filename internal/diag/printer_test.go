package diag

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestPrintText(t *testing.T) {
	l := List{
		Errorf(Position{File: "content/plan/164-kh-ubnd/index.vi.md", Line: 3, Col: 1}, "unknown front-matter key %q", "titel").
			WithSource("titel: Kế hoạch 164/KH-UBND", 5).
			WithHint("did you mean %q?", "title"),
		// The caret sits under the 16th character, not the 18th byte.
		Errorf(Position{File: "a.md", Line: 12, Col: 16}, `this line has a second colon (":") inside a value`).
			WithSource("title: Kế hoạch: 2021", 1),
		// A span longer than the rest of the line is cut at its end; a tab
		// is shown as one space so the caret stays in its column.
		Warningf(Position{File: "b.md", Line: 7, Col: 3}, "tab").WithSource("a\tbc", 10),
		// Without a column the line is shown without carets.
		Errorf(Position{File: "c.md", Line: 2}, "whole line").WithSource("xyz", 0),
		// Without a source there is no excerpt.
		Warningf(Position{File: "d.yaml"}, "%q has never been verified", "tong-dai-111").WithHint("check it"),
		// A zero span still underlines one character.
		Errorf(Position{File: "e.md", Line: 1, Col: 2}, "zero span").WithSource("ab", 0),
	}
	var b bytes.Buffer
	if err := PrintText(&b, l); err != nil {
		t.Fatal(err)
	}
	want := `content/plan/164-kh-ubnd/index.vi.md:3:1: error: unknown front-matter key "titel"
    3 | titel: Kế hoạch 164/KH-UBND
      | ^^^^^
  hint: did you mean "title"?
a.md:12:16: error: this line has a second colon (":") inside a value
    12 | title: Kế hoạch: 2021
       |                ^
b.md:7:3: warning: tab
    7 | a bc
      |   ^^
c.md:2: error: whole line
    2 | xyz
d.yaml: warning: "tong-dai-111" has never been verified
  hint: check it
e.md:1:2: error: zero span
    1 | ab
      |  ^
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestPrintTextEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := PrintText(&b, nil); err != nil || b.Len() != 0 {
		t.Errorf("PrintText(nil) wrote %q, %v", b.String(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestPrintTextWriteError(t *testing.T) {
	err := PrintText(failWriter{}, List{Errorf(Position{File: "a"}, "x")})
	if err == nil || err.Error() != "disk full" {
		t.Errorf("err = %v", err)
	}
}

func TestPrintJSON(t *testing.T) {
	l := List{
		Errorf(Position{File: "content/plan/x.vi.md", Line: 2, Col: 1}, "unknown front-matter key %q", "titel").
			WithHint("did you mean %q?", "title").WithSource("titel: x", 5),
		Warningf(Position{File: "content/support/services/a.yaml"}, "stale"),
	}
	var b bytes.Buffer
	if err := PrintJSON(&b, l); err != nil {
		t.Fatal(err)
	}
	want := `{
  "diagnostics": [
    {
      "pos": {
        "file": "content/plan/x.vi.md",
        "line": 2,
        "col": 1
      },
      "severity": "error",
      "code": "unknown front-matter key %q",
      "message": "unknown front-matter key \"titel\"",
      "hint": "did you mean \"title\"?"
    },
    {
      "pos": {
        "file": "content/support/services/a.yaml"
      },
      "severity": "warning",
      "code": "stale",
      "message": "stale"
    }
  ],
  "errors": 1,
  "warnings": 1
}
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// The document reads back into the same fields.
	var doc struct {
		Diagnostics []struct {
			Pos      Position
			Severity string
			Message  string
			Hint     string
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) != 2 || doc.Diagnostics[0].Pos != l[0].Pos || doc.Diagnostics[1].Severity != "warning" {
		t.Errorf("decoded %+v", doc)
	}
}

func TestPrintJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := PrintJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	// An empty list is [], not null, so consumers can always iterate.
	want := "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestPrintTextCollapses: past ShownPerKind warnings of one kind, the text
// form counts the rest on one line; errors and other kinds print in full.
func TestPrintTextCollapses(t *testing.T) {
	var l List
	for i := range ShownPerKind + 3 {
		l.Add(Warningf(Position{File: "a.md", Line: i + 1, Col: 1}, "the phone number %q is plain text", "0912 345 678").WithCheck("unlinked-phone"))
	}
	l.Add(Warningf(Position{File: "b.md", Line: 1, Col: 1}, "other %s", "x"))
	for i := range ShownPerKind + 1 {
		l.Add(Errorf(Position{File: "c.md", Line: i + 1, Col: 1}, "broken %d", i))
	}
	var b strings.Builder
	if err := PrintText(&b, l); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "is plain text"); n != ShownPerKind+1 { // shown ones, and the count line
		t.Errorf("%d lines name the kind, want %d:\n%s", n, ShownPerKind+1, out)
	}
	if !strings.Contains(out, "loa: 3 more warnings like \"the phone number \\\"0912 345 678\\\" is plain text [unlinked-phone]\" are not shown; loa check --format json lists every one\n") {
		t.Errorf("no count line:\n%s", out)
	}
	if !strings.Contains(out, "b.md:1:1: warning: other x") || strings.Count(out, ": error: broken") != ShownPerKind+1 {
		t.Errorf("other kinds or errors were cut:\n%s", out)
	}
}

// TestQuotePrintsAsSource holds that a diagnostic whose line is read when
// printed (WithQuote) prints, is stored and is Quoted as one holding it
// (WithSource), and that one whose line cannot be read quotes nothing.
func TestQuotePrintsAsSource(t *testing.T) {
	line := "Gọi\tsố 0221 3000 091 để hỏi."
	d := Warningf(Position{File: "content/a.vi.md", Line: 7, Col: 8}, "number %q", "0221 3000 091").WithCheck("unlinked-phone")
	reads := 0
	q := func(file string, n int) (string, bool) {
		reads++
		return line, file == "content/a.vi.md" && n == 7
	}
	var want, got strings.Builder
	if err := PrintText(&want, List{d.WithSource(line, 13)}); err != nil {
		t.Fatal(err)
	}
	if err := PrintText(&got, List{d.WithQuote(q, 13)}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || !strings.Contains(got.String(), "| Gọi số") {
		t.Errorf("quoted:\n%s\nwant\n%s", got.String(), want.String())
	}
	if s := d.WithQuote(q, 13).Stored(); s.Source != line {
		t.Errorf("Stored().Source = %q, want %q", s.Source, line)
	}
	if l := (List{d.WithQuote(q, 13)}).Quoted(); l[0].Source != line || l[0].quote != nil {
		t.Errorf("Quoted() = %+v", l[0])
	}
	gone := d
	gone.Pos.Line = 8
	var none strings.Builder
	if err := PrintText(&none, List{gone.WithQuote(q, 13)}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(none.String(), " | ") {
		t.Errorf("a line that cannot be read is quoted:\n%s", none.String())
	}
	if reads == 0 {
		t.Error("the Quote was never read")
	}
}
