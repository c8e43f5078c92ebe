package diag

import (
	"reflect"
	"testing"
)

type otherArg struct{ n int }

func (o otherArg) String() string { return "other" }

// TestStored holds a Diagnostic through Stored and back, with the
// arguments a Catalogue needs, of every kind kept.
func TestStored(t *testing.T) {
	d := Warningf(Position{File: "content/a.vi.md", Line: 3, Col: 2}, "%q is %d, %v, %g, %d, %s", "x", 7, true, 1.5, uint8(3), T("a %s", "b")).
		WithHint("write %q", "y")
	d.Source, d.Span, d.Check = "line", 4, "rule"
	got := d.Stored().Diagnostic()
	if !reflect.DeepEqual(got, Diagnostic{Pos: d.Pos, Severity: d.Severity, Code: d.Code, Check: d.Check, Message: d.Message, Hint: d.Hint,
		Source: d.Source, Span: d.Span, made: &made{args: []any{"x", 7, true, 1.5, uint(3), T("a %s", "b")}, hintCode: d.made.hintCode, hintArgs: d.made.hintArgs}}) {
		t.Errorf("got %#v", got)
	}
	other := Errorf(Position{}, "%v", otherArg{1}).Stored().Diagnostic()
	if !reflect.DeepEqual(other.args(), []any{"other"}) {
		t.Errorf("another type: %#v", other.args())
	}
	plain := Errorf(Position{}, "plain")
	if got := plain.Stored().Diagnostic(); !reflect.DeepEqual(got, plain) {
		t.Errorf("got %#v, want %#v", got, plain)
	}
}
