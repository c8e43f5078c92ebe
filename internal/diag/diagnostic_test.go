package diag

import (
	"reflect"
	"slices"
	"testing"
)

func TestSeverity(t *testing.T) {
	if Error.String() != "error" || Warning.String() != "warning" {
		t.Errorf("String: %q %q", Error, Warning)
	}
	if !(Warning < Error) {
		t.Error("Warning should order before Error")
	}
	b, err := Error.MarshalText()
	if err != nil || string(b) != "error" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
}

func TestConstructors(t *testing.T) {
	pos := Position{File: "a.md", Line: 2, Col: 1}
	d := Errorf(pos, "unknown key %q", "titel").WithHint("did you mean %q?", "title").WithSource("titel: x", 5)
	want := Diagnostic{Pos: pos, Severity: Error, Code: "unknown key %q", Message: `unknown key "titel"`,
		Hint: `did you mean "title"?`, Source: "titel: x", Span: 5}
	if code, args := d.hint(); !reflect.DeepEqual(d.args(), []any{"titel"}) || code != "did you mean %q?" || !reflect.DeepEqual(args, []any{"title"}) {
		t.Errorf("args %v, hint code %q, hint args %v", d.args(), code, args)
	}
	d.made = nil
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
	w := Warningf(pos, "%d days", 180)
	if w.Severity != Warning || w.Message != "180 days" || w.Hint != "" {
		t.Errorf("Warningf = %+v", w)
	}
}

func TestListSort(t *testing.T) {
	l := List{
		Errorf(Position{File: "b.md", Line: 1, Col: 1}, "b1"),
		Warningf(Position{File: "a.md", Line: 10, Col: 1}, "a10"),
		Errorf(Position{File: "a.md", Line: 2, Col: 7}, "a2:7"),
		Errorf(Position{File: "a.md", Line: 2, Col: 3}, "z"),
		Warningf(Position{File: "a.md", Line: 2, Col: 3}, "m"),
		Errorf(Position{File: "a.md"}, "whole file"),
		Errorf(Position{File: "a.md", Line: 2}, "whole line"),
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Message)
	}
	// Line 2 sorts before line 10 (numerically, not as text).
	want := []string{"whole file", "whole line", "m", "z", "a2:7", "a10", "b1"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %q\nwant     %q", got, want)
	}
}

func TestListSortStable(t *testing.T) {
	pos := Position{File: "a.md", Line: 1, Col: 1}
	l := List{Errorf(pos, "same").WithHint("first"), Warningf(pos, "same").WithHint("second")}
	l.Sort()
	if l[0].Hint != "first" || l[1].Hint != "second" {
		t.Errorf("equal diagnostics reordered: %+v", l)
	}
}

func TestListCount(t *testing.T) {
	var l List
	if e, w := l.Count(); e != 0 || w != 0 || l.HasErrors() {
		t.Errorf("empty list: %d errors, %d warnings, HasErrors %v", e, w, l.HasErrors())
	}
	if l.Error() != "no errors" {
		t.Errorf("empty Error() = %q", l.Error())
	}
	l.Add(Warningf(Position{File: "a.md"}, "stale"))
	if e, w := l.Count(); e != 0 || w != 1 || l.HasErrors() {
		t.Errorf("one warning: %d errors, %d warnings, HasErrors %v", e, w, l.HasErrors())
	}
	l.Append(List{
		Errorf(Position{File: "a.md", Line: 3, Col: 1}, "bad key"),
		Errorf(Position{File: "b.md"}, "bad file"),
	})
	if e, w := l.Count(); e != 2 || w != 1 || !l.HasErrors() {
		t.Errorf("two errors: %d errors, %d warnings, HasErrors %v", e, w, l.HasErrors())
	}
	if got, want := l.Error(), "a.md:3:1: bad key (and 1 more)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := l[1:2].Error(), "a.md:3:1: bad key"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var err error = l
	if err.Error() != l.Error() {
		t.Error("List does not satisfy error consistently")
	}
}
