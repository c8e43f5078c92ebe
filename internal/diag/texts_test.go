package diag

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestTextsHold holds that Texts shares the texts and what they were made
// from between diagnostics made the same way, and only between those: a
// message equal in English but made from other arguments keeps its own,
// and a hint added later to one changes no other.
func TestTextsHold(t *testing.T) {
	var texts Texts
	at := func(line int) Position { return Position{File: "a.md", Line: line} }
	a := texts.Hold(Warningf(at(1), "the number %q is plain text", "111"))
	b := texts.Hold(Warningf(at(2), "the number %q is plain text", "111"))
	c := texts.Hold(Warningf(at(3), "the number %q is plain text", "113"))
	d := texts.Hold(Warningf(at(4), "the value %v", 1))
	e := texts.Hold(Warningf(at(5), "the value %v", "1"))
	if a.made == nil || b.made != a.made || unsafe.StringData(a.Message) != unsafe.StringData(b.Message) {
		t.Errorf("two diagnostics made the same way do not share: %p %p", a.made, b.made)
	}
	if c.made == a.made || !reflect.DeepEqual(c.args(), []any{"113"}) {
		t.Errorf("another number shares: %v", c.args())
	}
	if d.Message != e.Message || e.made == d.made || !reflect.DeepEqual(e.args(), []any{"1"}) || !reflect.DeepEqual(d.args(), []any{1}) {
		t.Errorf("arguments of another type share: %#v %#v", d.args(), e.args())
	}
	h := b.WithHint("call %s", "111")
	if code, args := a.hint(); code != "" || args != nil || a.made.args == nil {
		t.Errorf("a hint added to one changed the other: %q %v", code, args)
	}
	if code, args := h.hint(); code != "call %s" || !reflect.DeepEqual(args, []any{"111"}) || !reflect.DeepEqual(h.args(), []any{"111"}) {
		t.Errorf("hint %q %v, args %v", code, args, h.args())
	}
	// Held or not, each prints the same in another language.
	for _, l := range []List{{a, b, c, d, e, h}} {
		var fresh List
		for _, x := range l {
			y := x
			y.made = y.with(func(m *made) {}) // a copy of its own
			fresh = append(fresh, y)
		}
		if got, want := testCatalogue.Localize(l), testCatalogue.Localize(fresh); !reflect.DeepEqual(got, want) {
			t.Errorf("localized:\n%v\nwant\n%v", got, want)
		}
	}
	if n := texts.Hold(Errorf(at(6), "plain")); n.made != nil || n.Message != "plain" {
		t.Errorf("no arguments: %+v", n)
	}
}
