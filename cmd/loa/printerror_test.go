package main

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/loa-ssg/loa/internal/build"
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
  (and 1 more error like it)
`},
		{"vi", `loa: không ghi được (write) /o/.s/a/index.html: ổ đĩa đã đầy (no space left on device)
  (và 4 tệp khác nữa, cùng lý do đó)
loa: không giữ lại được /o/b: không tạo được liên kết cứng (link) /o/b: không có quyền (permission denied)
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

// TestPrintRefusalDiskFull: a full disk says how much room the whole site
// needs against what the disk has free, whether deleting files there
// could ever make enough, and a hint that does not send the editor to
// delete other people's files; another refusal keeps the general hint.
func TestPrintRefusalDiskFull(t *testing.T) {
	full := errors.Join(
		&fs.PathError{Op: "write", Path: "/usb/.site.staging-1/a/index.html", Err: syscall.ENOSPC},
		&fs.PathError{Op: "write", Path: "/usb/.site.staging-1/b/index.html", Err: syscall.ENOSPC},
	)
	denied := &fs.PathError{Op: "mkdir", Path: "/ro/.site.staging-1", Err: syscall.EACCES}
	small := room{needed: 4089446, free: 1020 << 10, total: 1 << 20, known: true}
	for _, tc := range []struct {
		lang    string
		err     error
		r       room
		hadSite bool
		want    string
	}{
		{"vi", full, small, false, `loa: không ghi được (write) /usb/.site.staging-1/a/index.html: ổ đĩa đã đầy (no space left on device)
  (và 1 tệp khác nữa, cùng lý do đó)
loa: ổ đĩa không đủ chỗ: cả trang web cần khoảng 3,9 MB trên đó, mà ổ đĩa chỉ còn trống 1,0 MB
loa: cả ổ đĩa chỉ chứa được 1,0 MB, nên xóa tệp trên đó cũng không đủ chỗ cho trang web
loa: thư mục tạm .site.staging-… nêu ở trên đã được xóa
loa: không tạo được trang web; thư mục /usb/site chưa được tạo
  cách sửa: dùng một ổ đĩa (USB) khác còn trống ít nhất 5,0 MB (3,9 MB cho trang web, thêm một ít cho chắc): xóa gì trên ổ này cũng không đủ chỗ; trong lúc chờ, tạo trang web vào một thư mục trên máy này bằng --out, để chép sang ổ kia sau
`},
		{"en", full, small, true, `loa: write /usb/.site.staging-1/a/index.html: no space left on device
  (and 1 more file, for the same reason)
loa: the disk has not enough room: the whole site needs about 3.9 MB there, and the disk has 1.0 MB free
loa: the whole disk holds 1.0 MB, so deleting files on it cannot make room for the site
loa: the temporary folder .site.staging-… named above is deleted
loa: build failed; the previous site was left as it was
  hint: use another disk with at least 5.0 MB free (the 3.9 MB the site needs, and some to spare): nothing deleted on this one can make room; until then, build into a folder on this computer with --out, to copy onto that disk later
`},
		{"en", full, room{needed: 4089446}, true, `loa: write /usb/.site.staging-1/a/index.html: no space left on device
  (and 1 more file, for the same reason)
loa: the disk has not enough room: the whole site needs about 3.9 MB there
loa: the temporary folder .site.staging-… named above is deleted
loa: build failed; the previous site was left as it was
  hint: use a larger disk, or build into a folder on this computer with --out and copy it over later; delete files on that disk only if you are sure they are not needed, and build again
`},
		{"en", full, room{needed: 4089446, free: 3 << 20, total: 8 << 30, known: true}, true, `loa: write /usb/.site.staging-1/a/index.html: no space left on device
  (and 1 more file, for the same reason)
loa: the disk has not enough room: the whole site needs about 3.9 MB there, and the disk has 3.0 MB free
loa: the temporary folder .site.staging-… named above is deleted
loa: build failed; the previous site was left as it was
  hint: use a larger disk, or build into a folder on this computer with --out and copy it over later; delete files on that disk only if you are sure they are not needed, and build again
`},
		{"en", denied, room{}, true, `loa: mkdir /ro/.site.staging-1: permission denied
loa: the temporary folder .site.staging-… named above is deleted
loa: build failed; the previous site was left as it was
  hint: the lines above say what the computer refused (a full disk, a folder you may not write to): make room or use a larger disk, or build into another folder with --out, then build again
`},
	} {
		var b strings.Builder
		printRefusal(locale.For(tc.lang), &b, tc.err, tc.r, "/usb/site", tc.hadSite)
		if b.String() != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.lang, b.String(), tc.want)
		}
	}
}

// TestDiskSpace: the system's figures for a folder that exists are
// plausible (the free bytes within the whole), and a folder that does
// not exist gives none.
func TestDiskSpace(t *testing.T) {
	free, total, ok := build.DiskSpace(t.TempDir())
	if runtime.GOOS == "linux" && !ok {
		t.Fatal("no figures for a folder that exists")
	}
	if ok && (total <= 0 || free < 0 || free > total) {
		t.Errorf("free %d, total %d", free, total)
	}
	if _, _, ok := build.DiskSpace("/no/such/folder/at/all"); ok {
		t.Error("figures for a folder that does not exist")
	}
}
