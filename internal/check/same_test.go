package check

import (
	"fmt"
	"reflect"
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

// TestReportSame holds that a problem reportSame makes from an earlier
// one (the same number, or a title repeated) is the one report would
// make: its own position, and its message, hint and what they were made
// from those of its own strings. The same title in two languages names
// each language's first page; two spellings of one number each keep
// their own text.
func TestReportSame(t *testing.T) {
	page := func(file, lang, title, body string) Page {
		return pageAt("content/"+file, "/"+file+"/", lang, file, title, body)
	}
	pages := []Page{
		page("a.vi.md", "vi", "Trang", "Gọi 0912 345 678.\n"),
		page("b.vi.md", "vi", "Trang", "Gọi 0912.345.678 hoặc 0912 345 678.\n"),
		page("c.vi.md", "vi", "Trang", "Gọi 0912 345 678.\n"),
		page("a.en.md", "en", "Trang", "Call 0912.345.678.\n"),
		page("b.en.md", "en", "Trang", "Call 0912 345 678.\n"),
	}
	got := Run(twoLanguages, pages)
	// What report alone makes of each, in the order Run finds them: the
	// numbers page by page, then the titles.
	numbers := []string{"0912 345 678", "0912.345.678", "0912 345 678", "0912 345 678", "0912.345.678", "0912 345 678"}
	titles := []string{"content/a.vi.md", "content/a.vi.md", "content/a.en.md"}
	// and the file each is found in
	files := []string{"a.vi", "b.vi", "b.vi", "c.vi", "a.en", "b.en", "b.vi", "c.vi", "b.en"}
	want := runner{site: twoLanguages, sev: map[string]string{}}
	var kept diag.List
	for _, d := range got {
		switch {
		case d.Check == UnlinkedPhone && len(want.l) < len(numbers):
			text := numbers[len(want.l)]
			want.report(UnlinkedPhone, d.Pos, fmt.Sprintf("write it as a call link: [%s](tel:0912345678)", text),
				"the phone number %q is plain text, not a call link", text)
		case d.Check == DuplicateTitle && len(want.l) >= len(numbers) && len(want.l) < len(numbers)+len(titles):
			want.report(DuplicateTitle, d.Pos, "give each page a title of its own, so that people can tell them apart in lists and search results",
				"the title %q is also the title of %s", "Trang", titles[len(want.l)-len(numbers)])
		default:
			continue
		}
		if file := "content/" + files[len(kept)] + ".md"; d.Pos.File != file || d.Pos.Line == 0 {
			t.Errorf("problem %d at %s, want %s", len(kept), d.Pos, file)
		}
		kept = append(kept, d)
	}
	if len(kept) != len(numbers)+len(titles) {
		t.Fatalf("%d problems, want %d: %v", len(kept), len(numbers)+len(titles), got)
	}
	for i := range kept {
		w := want.l[i]
		w.Source, w.Span = kept[i].Source, kept[i].Span // (quoted by Run afterwards)
		if !reflect.DeepEqual(kept[i], w) {
			t.Errorf("problem %d:\n got %#v\nwant %#v", i, kept[i], want.l[i])
		}
	}
}
