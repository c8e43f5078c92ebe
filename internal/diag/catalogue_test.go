package diag

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"testing"
)

var testCatalogue = NewCatalogue("vi", map[string]string{
	"unknown key %q%s":           "không có mục %q%s",
	" in %q":                     " trong %q",
	"did you mean %q?":           "có phải bạn muốn viết %q?",
	"%s id %q is declared twice": "mã %[2]q trong %[1]s được khai báo hai lần",
	"the link %q goes to %s, which does not exist": "liên kết %q dẫn đến %s, nhưng không có tệp đó",
	"unknown %s %q": "không có %s %q",
	"category":      "nhóm dịch vụ",
	"this file is not saved as UTF-8 (byte 0x%02X cannot be read)": "tệp không lưu theo UTF-8 (byte 0x%02X)",
	"%d errors":        "%d lỗi",
	"error":            "lỗi",
	"warning":          "cảnh báo",
	"hint":             "cách sửa",
	"keep one of them": "giữ lại một dòng",
	"100%% sure":       "chắc chắn 100%%",
	" (100%% sure)":    " (chắc chắn 100%%)",
})

func TestLocalize(t *testing.T) {
	pos := Position{File: "a.md", Line: 3, Col: 1}
	l := List{
		// A Text argument is translated with its message.
		Errorf(pos, "unknown key %q%s", "titel", T(" in %q", "services")).WithHint("did you mean %q?", "title"),
		// Arguments in another order.
		Errorf(pos, "%s id %q is declared twice", "categories", "y-te"),
		// A finished English message (a Go error's text) is matched to its
		// format; a hint set directly too.
		Errorf(pos, "%s", `the link "x.vi.md" goes to content/x.vi.md, which does not exist`),
		// A plain English word filling a %s is translated; %q values are not.
		Errorf(pos, "unknown %s %q", "category", "category"),
		Errorf(pos, "this file is not saved as UTF-8 (byte 0x%02X cannot be read)", byte(0xEA)),
		// A message the catalogue does not have stays in English.
		Warningf(pos, "brand new message %d", 1).WithCheck("heading-order"),
	}
	l[2].Hint = "keep one of them"
	// Text added to a message after it was made is translated on its own.
	l = append(l, Errorf(pos, "%d errors", 2))
	l[6].Message += " (100% sure)"
	got := testCatalogue.Localize(l)
	want := []string{
		`không có mục "titel" trong "services"`,
		`mã "y-te" trong categories được khai báo hai lần`,
		`liên kết "x.vi.md" dẫn đến content/x.vi.md, nhưng không có tệp đó`,
		`không có nhóm dịch vụ "category"`,
		`tệp không lưu theo UTF-8 (byte 0xEA)`,
		`brand new message 1 [heading-order]`,
		`2 lỗi (chắc chắn 100%)`,
	}
	for i, d := range got {
		if d.Message != want[i] {
			t.Errorf("%d: %q\nwant %q", i, d.Message, want[i])
		}
	}
	if got[0].Hint != `có phải bạn muốn viết "title"?` || got[2].Hint != "giữ lại một dòng" {
		t.Errorf("hints %q, %q", got[0].Hint, got[2].Hint)
	}
	// Code is the English format, also for the matched message.
	if got[0].Code != "unknown key %q%s" || got[2].Code != "the link %q goes to %s, which does not exist" {
		t.Errorf("codes %q, %q", got[0].Code, got[2].Code)
	}
	// The list given is left as it was.
	if l[0].Message != `unknown key "titel" in "services"` {
		t.Errorf("Localize changed its input: %q", l[0].Message)
	}
	var b bytes.Buffer
	if err := testCatalogue.PrintText(&b, l[5:6]); err != nil {
		t.Fatal(err)
	}
	if b.String() != "a.md:3:1: cảnh báo: brand new message 1 [heading-order]\n" {
		t.Errorf("PrintText: %q", b.String())
	}
}

// TestCode holds code (what the text printer groups warnings by without
// translating them) in step with render, and PrintText, which translates
// only the messages it prints, equal to printing the list translated whole
// (as it did).
func TestCode(t *testing.T) {
	pos := Position{File: "a.md", Line: 3, Col: 1}
	l := List{
		Errorf(pos, "unknown key %q%s", "titel", T(" in %q", "services")).WithHint("did you mean %q?", "title"),
		Errorf(pos, "%s id %q is declared twice", "categories", "y-te"),
		Errorf(pos, "%s", `the link "x.vi.md" goes to content/x.vi.md, which does not exist`),
		Errorf(pos, "%s", T("unknown %s %q", "category", "x")),
		Errorf(pos, "unknown %s %q", "category", "category"),
		Warningf(pos, "brand new message %d", 1).WithCheck("heading-order"),
		Warningf(pos, "unknown %s %q", "category", "y").WithCheck("unknown"),
		Errorf(pos, "%d errors", 2),
		Errorf(pos, "%d errors", 3),
		{Pos: pos, Severity: Warning, Message: "did you mean \"z\"?"},
		{Pos: pos, Severity: Warning, Code: "unknown %s %q", Message: `the link "y" goes to z, which does not exist`},
	}
	l[7].Message += " (100% sure)"
	l[8].Message = "something else entirely"
	for i := range 25 { // more than ShownPerKind of one kind
		l = append(l, Warningf(Position{File: "b.md", Line: i + 1}, "unknown %s %q", "category", strconv.Itoa(i)).WithCheck("unlinked-phone"))
	}
	for i, d := range l {
		_, want := testCatalogue.render(d.Code, d.args(), d.Message)
		if got := testCatalogue.code(d.Code, d.args(), d.Message); got != want {
			t.Errorf("%d: code %q, render %q", i, got, want)
		}
	}
	var got, want bytes.Buffer
	if err := testCatalogue.PrintText(&got, l); err != nil {
		t.Fatal(err)
	}
	c := testCatalogue
	if err := printText(&want, c.localize(l, false), [...]string{Warning: c.Sprintf("warning"), Error: c.Sprintf("error")}, c.Sprintf("hint"),
		func(n int, first string) string {
			return c.Sprintf("%d more warnings like %q are not shown; loa check --format json lists every one", n, first)
		},
		func(d *Diagnostic) string { code, args := d.hint(); h, _ := c.render(code, args, d.Hint); return h }, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("PrintText:\n%s\nprinting the translated list:\n%s", got.String(), want.String())
	}
}

// TestLocalizeError: an error put into a message is translated when its
// text is one of the catalogue's messages.
func TestLocalizeError(t *testing.T) {
	c := NewCatalogue("vi", map[string]string{
		"the page could not be rendered: %v": "không tạo được trang: %v",
		"there is no template %q":            "không có khuôn trang %q",
	})
	l := c.Localize(List{
		Errorf(Position{File: "a"}, "the page could not be rendered: %v", errors.New(`there is no template "x.html"`)),
		Errorf(Position{File: "a"}, "the page could not be rendered: %v", errors.New("disk full")),
	})
	if l[0].Message != `không tạo được trang: không có khuôn trang "x.html"` || l[1].Message != "không tạo được trang: disk full" {
		t.Errorf("%q, %q", l[0].Message, l[1].Message)
	}
}

// TestMessageWrapped: a Go error that wraps another ("read content: %w")
// is translated, the error it wraps in turn, and a system's text at the
// end through its own entry; a %w in any place of the translation prints
// the text, never fmt's %!w.
func TestMessageWrapped(t *testing.T) {
	c := NewCatalogue("vi", map[string]string{
		"read content: %w":                      "không đọc được nội dung: %w",
		"%w (and it could not be put back: %v)": "%[1]w (và không trả lại được: %[2]v)",
		"%s: permission denied":                 "%s: không có quyền",
		"render %s (%s): %w":                    "không tạo được %[3]w của %[1]s (%[2]s)",
		"100%% of %s":                           "100%%w của %s",
	})
	for _, tc := range []struct{ en, want string }{
		{"read content: open content/a.md: permission denied", "không đọc được nội dung: open content/a.md: không có quyền"},
		{"read content: something else", "không đọc được nội dung: something else"},
		{"read content: x (and it could not be put back: y)", "không đọc được nội dung: x (và không trả lại được: y)"},
		{"render a (b): c", "không tạo được c của a (b)"},
		{"100% of x", "100%w của x"},
	} {
		got, format := c.Message(tc.en)
		if got != tc.want || format == "" {
			t.Errorf("Message(%q) = %q (%q), want %q", tc.en, got, format, tc.want)
		}
	}
	// errors.Join: one error on each line, each translated.
	joined := fmt.Errorf("read content: %w", errors.Join(
		&fs.PathError{Op: "open", Path: "content/a.md", Err: fs.ErrPermission},
		&fs.PathError{Op: "open", Path: "content/b.md", Err: fs.ErrPermission}))
	if got, _ := c.Message(joined.Error()); got != "không đọc được nội dung: open content/a.md: không có quyền\nopen content/b.md: không có quyền" {
		t.Errorf("joined errors: %q", got)
	}
	// A line no format makes: the text is matched whole, as before.
	if got, _ := c.Message("read content: x\nsomething else"); got != "không đọc được nội dung: x\nsomething else" {
		t.Errorf("a line no format makes: %q", got)
	}
	err := fmt.Errorf("read content: %w", &fs.PathError{Op: "open", Path: "content/a.md", Err: fs.ErrPermission})
	if got, _ := c.Message(err.Error()); got != "không đọc được nội dung: open content/a.md: không có quyền" {
		t.Errorf("a wrapped *fs.PathError: %q", got)
	}
}

func TestCatalogueNil(t *testing.T) {
	var c *Catalogue
	l := List{Errorf(Position{File: "a"}, "unknown key %q%s", "x", T(" in %q", "y"))}
	if got := c.Localize(l); got[0].Message != `unknown key "x" in "y"` {
		t.Errorf("nil Localize: %q", got[0].Message)
	}
	if c.Sprintf("%d errors", 2) != "2 errors" || c.Lang() != "en" {
		t.Error("nil Sprintf or Lang")
	}
	if msg, format := c.Message("anything"); msg != "anything" || format != "" {
		t.Error("nil Message")
	}
}

func TestCatalogueSprintf(t *testing.T) {
	if got := testCatalogue.Sprintf("%d errors", 3); got != "3 lỗi" {
		t.Errorf("Sprintf = %q", got)
	}
	if got := testCatalogue.Sprintf("100%% sure"); got != "chắc chắn 100%" {
		t.Errorf("Sprintf with %%%% = %q", got)
	}
	if got, _ := testCatalogue.Message("100% sure"); got != "chắc chắn 100%" {
		t.Errorf("Message with %% = %q", got)
	}
}

func TestVerbSignature(t *testing.T) {
	a, _ := VerbSignature("%s id %q is declared twice")
	b, _ := VerbSignature("mã %[2]q trong %[1]s")
	if !slices.Equal(a, b) {
		t.Errorf("%v != %v", a, b)
	}
	c, _ := VerbSignature("%q id %s")
	if slices.Equal(a, c) {
		t.Errorf("%v == %v", a, c)
	}
	if _, err := VerbSignature("50%"); err == nil {
		t.Error("an unfinished verb is not an error")
	}
}

// TestPrintTextHints holds that the text printer translates the hints it
// prints, those set as finished text included.
func TestPrintTextHints(t *testing.T) {
	pos := Position{File: "a.md", Line: 3, Col: 1}
	l := List{Errorf(pos, "unknown key %q%s", "titel", "").WithHint("did you mean %q?", "title"), Errorf(pos, "%d errors", 2)}
	l[1].Hint = "keep one of them"
	var b bytes.Buffer
	if err := testCatalogue.PrintText(&b, l); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`cách sửa: có phải bạn muốn viết "title"?`, "cách sửa: giữ lại một dòng"} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("no %q in\n%s", want, b.String())
		}
	}
}

// BenchmarkPrintText prints a large site's warnings: many of one kind,
// with hints set as finished text, of which few are printed in full.
func BenchmarkPrintText(b *testing.B) {
	var l List
	for i := range 10000 {
		d := Warningf(Position{File: "a.md", Line: i + 1, Col: 1}, "unknown %s %q", "category", strconv.Itoa(i)).WithCheck("unlinked-phone")
		d.Hint = `the link "x` + strconv.Itoa(i) + `.vi.md" goes to content/x.vi.md, which does not exist`
		l = append(l, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := testCatalogue.PrintText(io.Discard, l); err != nil {
			b.Fatal(err)
		}
	}
}
