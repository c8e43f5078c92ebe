package check

import (
	"testing"
	"unsafe"

	"github.com/loa-ssg/loa/internal/diag"
)

// TestSameTexts holds that a run holds a message or hint it reports
// again once: the same number written as plain text on two pages and
// twice on one gives three problems whose messages and hints are one
// string each (the same memory), with the text each would have alone;
// another number gets its own.
func TestSameTexts(t *testing.T) {
	pages := pair("Gọi 0912 345 678 hoặc 0912 345 678.\n", "Call 0912 345 678 or 0913 111 222.\n")
	var got []int
	l := Run(twoLanguages, pages)
	for i, d := range l {
		if d.Check == UnlinkedPhone {
			got = append(got, i)
		}
	}
	if len(got) != 4 {
		t.Fatalf("%d unlinked-phone problems, want 4: %v", len(got), l)
	}
	const msg = `the phone number "0912 345 678" is plain text, not a call link [unlinked-phone]`
	const hint = `write it as a call link: [0912 345 678](tel:0912345678)`
	var first, other *diag.Diagnostic
	for _, i := range got {
		d := &l[i]
		if d.Message != msg {
			other = d
			continue
		}
		if first == nil {
			first = d
		}
		if d.Hint != hint {
			t.Errorf("%s: hint %q, want %q", d.Pos, d.Hint, hint)
		}
		if unsafe.StringData(d.Message) != unsafe.StringData(first.Message) || unsafe.StringData(d.Hint) != unsafe.StringData(first.Hint) {
			t.Errorf("%s: the message or hint is held again, not shared with %s's", d.Pos, first.Pos)
		}
	}
	if first == nil || other == nil {
		t.Fatalf("problems %v", l)
	}
	if other.Message != `the phone number "0913 111 222" is plain text, not a call link [unlinked-phone]` ||
		other.Hint != `write it as a call link: [0913 111 222](tel:0913111222)` {
		t.Errorf("the other number's problem: %q, hint %q", other.Message, other.Hint)
	}
}
