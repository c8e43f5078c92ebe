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
