package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/loa-ssg/loa/internal/locale"
)

// TestPrintErrorByCause: the errors a full disk makes, one per file, are
// said once with a count, in the editor's language; other causes keep a
// line of their own, in the order they came.
func TestPrintErrorByCause(t *testing.T) {
	full := func(p string) error { return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC} }
	err := errors.Join(
		full("/o/.s/a/index.html"),
		fmt.Errorf("keep %s: %w", "/o/b", &fs.PathError{Op: "link", Path: "/o/b", Err: syscall.EACCES}),
		full("/o/.s/b/index.html"),
		errors.Join(full("/o/.s/c/index.html"), full("/o/.s/d/index.html")),
		fmt.Errorf("make staging folder: %w", full("/o/.s")), // the same cause, wrapped once more
		errors.New("the file changed"),
		errors.New("the file changed"),
	)
	for _, tc := range []struct{ lang, want string }{
		{"en", `loa: write /o/.s/a/index.html: no space left on device
  (and 4 more files, for the same reason)
loa: keep /o/b: link /o/b: permission denied
loa: the file changed
  (and 1 more errors like it)
`},
		{"vi", `loa: ghi /o/.s/a/index.html: ổ đĩa đã đầy (no space left on device)
  (và 4 tệp khác nữa, cùng lý do đó)
loa: không giữ lại được /o/b: link /o/b: không có quyền (permission denied)
loa: the file changed
  (và 1 lỗi khác giống vậy)
`},
	} {
		var b strings.Builder
		printError(locale.For(tc.lang), &b, err)
		if b.String() != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.lang, b.String(), tc.want)
		}
	}
	// One error, not joined: one line, as before.
	var b strings.Builder
	printError(locale.For("en"), &b, full("/o/x"))
	if want := "loa: write /o/x: no space left on device\n"; b.String() != want {
		t.Errorf("one error: %q, want %q", b.String(), want)
	}
}
