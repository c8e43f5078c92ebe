package serve

import (
	"bytes"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/locale"
)

// TestOverlayLanguage: the problems shown over the page and in the
// terminal after a broken edit are in the language of the messages, and
// the overlay's heading too.
func TestOverlayLanguage(t *testing.T) {
	res := build.Result{Diagnostics: diag.List{
		diag.Errorf(diag.Position{File: "content/a.vi.md", Line: 2, Col: 1}, "unknown key %q%s", "titel", diag.Text{}).
			WithHint("did you mean %q?", "title"),
	}}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"vi", []string{
			"loa: trang bên dưới là bản tạo được lần cuối. Hãy sửa lỗi sau rồi lưu lại:",
			`content/a.vi.md:2:1: lỗi: không có mục "titel"`,
			`  cách sửa: có phải bạn muốn viết "title"?`,
		}},
		{"en", []string{
			"loa: the page below is the last good build. Fix this and save:",
			`content/a.vi.md:2:1: error: unknown key "titel"`,
			`  hint: did you mean "title"?`,
		}},
	} {
		var log bytes.Buffer
		c := make(chan string, 4)
		s := &server{log: &log, m: locale.For(tc.lang), watch: map[chan string]bool{c: true}, gen: 1}
		if err := s.report(res, build.ErrContent); err != nil {
			t.Fatal(err)
		}
		event := <-c
		for _, w := range tc.want {
			if !strings.Contains(event, "data: "+w+"\n") {
				t.Errorf("%s: the overlay lacks %q:\n%s", tc.lang, w, event)
			}
		}
		// Before the first good build there is no page below.
		s.gen = 0
		if err := s.report(res, build.ErrContent); err != nil {
			t.Fatal(err)
		}
		if first := <-c; strings.Contains(first, tc.want[0]) {
			t.Errorf("%s: with no site yet the overlay says %q", tc.lang, tc.want[0])
		}
		for _, w := range tc.want[1:] {
			if !strings.Contains(log.String(), w+"\n") {
				t.Errorf("%s: the terminal lacks %q:\n%s", tc.lang, w, log.String())
			}
		}
	}
}

// TestWarningsPrintedWhenTheyAppear holds that a warning an edit brings is
// printed when the edit is saved (a communicator's trial: a pasted <b>
// vanished from the preview without a word), and that a warning already
// printed is not printed again at every save.
func TestWarningsPrintedWhenTheyAppear(t *testing.T) {
	var log bytes.Buffer
	s := &server{log: &log, m: locale.For("en"), watch: map[chan string]bool{}}
	stale := diag.Warningf(diag.Position{File: "content/support/services/a.yaml", Line: 3, Col: 1}, "old entry")
	tag := diag.Warningf(diag.Position{File: "content/news/x.vi.md", Line: 10, Col: 80}, "the HTML tag <%s> is dropped", "b")
	if err := s.report(build.Result{Diagnostics: diag.List{stale}}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "old entry") {
		t.Fatalf("first build: the warning was not printed:\n%s", log.String())
	}
	log.Reset()
	if err := s.report(build.Result{Diagnostics: diag.List{stale, tag}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := log.String(); !strings.Contains(got, "content/news/x.vi.md:10:80: warning: the HTML tag <b> is dropped") || strings.Contains(got, "old entry") {
		t.Errorf("after the edit, printed:\n%s\nwant the new warning only", got)
	}
	log.Reset()
	if err := s.report(build.Result{Diagnostics: diag.List{tag}}, nil); err != nil {
		t.Fatal(err)
	}
	if log.Len() != 0 {
		t.Errorf("a warning printed before was printed again:\n%s", log.String())
	}
}
