package build

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// fixedNow is the build time of every test build, so output is stable.
var fixedNow = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// buildTxtar writes the archive into a fresh folder and builds it into
// <dir>/public. It returns the result, the folder and Run's error.
func buildTxtar(t *testing.T, archive string, opts Options) (Result, string, error) {
	t.Helper()
	dir := t.TempDir()
	writeArchive(t, dir, archive)
	opts.Source = dir
	if opts.Out == "" {
		opts.Out = filepath.Join(dir, "public")
	}
	if opts.Now.IsZero() {
		opts.Now = fixedNow
	}
	res, err := Run(context.Background(), opts)
	return res, dir, err
}

func writeArchive(t *testing.T, dir, archive string) {
	t.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mustBuild(t *testing.T, archive string) (Result, string) {
	t.Helper()
	res, dir, err := buildTxtar(t, archive, Options{})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	return res, dir
}

func diagText(res Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.Pos.String() + ": " + d.Severity.String() + ": " + d.Message + "\n")
	}
	return b.String()
}

func readOut(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustFail builds archive, expects ErrContent, and returns the diagnostics
// as "file:line:col: severity: message" lines.
func mustFail(t *testing.T, archive string) string {
	t.Helper()
	res, _, err := buildTxtar(t, archive, Options{})
	if !errors.Is(err, ErrContent) {
		t.Fatalf("build error = %v, want ErrContent\n%s", err, diagText(res))
	}
	return diagText(res)
}

const siteYAML = `-- content/site.yaml --
title: {vi: Trang thử, en: Test site}
base_url: https://example.org/
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: en, name: English}
menu: [plan, news]
emergency:
  - {number: "111", name: {vi: Bảo vệ trẻ em, en: Child protection}}
`

// smallSite is a bilingual site with a section, a page bundle with an
// attachment, a single-file page with a Vietnamese file name, news, a page
// missing in English, and a cross-link.
const smallSite = siteYAML + `-- content/_index.vi.md --
---
title: Trang chủ
---
Chào mừng. Xem [kế hoạch](plan/164-kh-ubnd/index.vi.md#muc-tieu).
-- content/_index.en.md --
---
title: Home
---
Welcome. See [the plan](plan/164-kh-ubnd/index.en.md#objectives).
-- content/plan/_index.vi.md --
---
title: Kế hoạch
slug: ke-hoach
weight: 1
---
Các kế hoạch.
-- content/plan/_index.en.md --
---
title: Plans
weight: 1
---
The plans.
-- content/plan/164-kh-ubnd/index.vi.md --
---
title: Kế hoạch 164/KH-UBND
description: Kế hoạch của tỉnh.
date: 2021-11-02
---
## Mục tiêu

Phòng ngừa là chính. Tải [văn bản](van-ban.txt).

## Mục tiêu

Lần hai.
-- content/plan/164-kh-ubnd/index.en.md --
---
title: Plan 164/KH-UBND
date: 2021-11-02
---
## Objectives

Prevention first.
-- content/plan/164-kh-ubnd/van-ban.txt --
not a real document
-- content/plan/phòng-chống.vi.md --
---
title: Phòng, chống mại dâm
---
Chỉ có tiếng Việt.
-- content/news/_index.vi.md --
---
title: Tin tức
slug: tin-tuc
---
-- content/news/_index.en.md --
---
title: News
---
-- content/news/2021-11-05-ke-hoach.vi.md --
---
title: Công bố kế hoạch
slug: cong-bo-ke-hoach
date: 2021-11-05T08:30:00
---
Đã công bố.
-- content/news/2021-11-05-ke-hoach.en.md --
---
title: Plan announced
slug: plan-announced
date: 2021-11-05T08:30:00
---
It was announced.
`

func TestSmallSite(t *testing.T) {
	res, dir := mustBuild(t, smallSite)
	if res.Pages["vi"] != 8 || res.Pages["en"] != 7 { // with the search page and A–Z
		t.Errorf("pages = %v, want vi 8, en 7", res.Pages)
	}
	for _, name := range []string{
		"index.html", "en/index.html", "ke-hoach/index.html", "en/plan/index.html",
		"ke-hoach/164-kh-ubnd/index.html", "en/plan/164-kh-ubnd/index.html",
		"ke-hoach/164-kh-ubnd/van-ban.txt", "en/plan/164-kh-ubnd/van-ban.txt",
		"ke-hoach/phong-chong/index.html", "tin-tuc/cong-bo-ke-hoach/index.html",
		"en/news/plan-announced/index.html", "404.html", "sitemap.xml", "robots.txt", Marker,
	} {
		if _, err := os.Stat(filepath.Join(dir, "public", name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	home := readOut(t, dir, "index.html")
	for _, want := range []string{
		`<html lang="vi" data-search="/search/vi/">`,
		`<a href="/ke-hoach/164-kh-ubnd/#muc-tieu">kế hoạch</a>`,
		`<link rel="canonical" href="https://example.org/">`,
		`<link rel="alternate" hreflang="vi" href="https://example.org/">`,
		`<link rel="alternate" hreflang="en" href="https://example.org/en/">`,
		`<link rel="alternate" hreflang="x-default" href="https://example.org/">`,
		`<a class="skip-link" href="#main">`,
		`<a href="/tin-tuc/cong-bo-ke-hoach/">Công bố kế hoạch</a> <time datetime="2021-11-05T08:30:00&#43;07:00">05/11/2021</time>`,
		`<a class="call" href="tel:111">`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	plan := readOut(t, dir, "ke-hoach/164-kh-ubnd/index.html")
	for _, want := range []string{
		`<h2 id="muc-tieu">Mục tiêu</h2>`, `<h2 id="muc-tieu-1">Mục tiêu</h2>`,
		`<a href="/ke-hoach/164-kh-ubnd/van-ban.txt">văn bản</a>`,
		`<a href="/en/plan/164-kh-ubnd/" lang="en" hreflang="en">English</a>`,
		`<li><a href="/">Trang chủ</a></li>`, `<li><a href="/ke-hoach/">Kế hoạch</a></li>`,
		`<a href="/ke-hoach/" aria-current="true">Kế hoạch</a>`,
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan page lacks %s", want)
		}
	}
	if n := strings.Count(plan, "<h1"); n != 1 {
		t.Errorf("plan page has %d h1", n)
	}
	only := readOut(t, dir, "ke-hoach/phong-chong/index.html")
	if !strings.Contains(only, `<a href="/en/" lang="en" hreflang="en" title=`) {
		t.Errorf("page without translation should switch to the English home page")
	}
	if strings.Contains(only, `hreflang="en" href=`) {
		t.Errorf("page without translation must not claim an English alternate")
	}
	sitemap := readOut(t, dir, "sitemap.xml")
	if !strings.Contains(sitemap, `<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/plan/164-kh-ubnd/"/>`) {
		t.Errorf("sitemap lacks hreflang alternates:\n%s", sitemap)
	}
	if got := readOut(t, dir, "robots.txt"); got != "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}
}

// TestNoForeignRequests checks that the build refuses anything that would
// make a visitor's browser fetch from another website.
func TestNoForeignRequests(t *testing.T) {
	for _, tc := range []struct{ name, files, want string }{
		{"image in Markdown", "-- content/_index.vi.md --\n---\ntitle: A\n---\n![ảnh](https://img.example/a.png)\n",
			`content/_index.vi.md:4:1: error: the image "https://img.example/a.png" would be loaded from another website, which the site never does`},
		{"script in a template", "-- content/_index.vi.md --\n---\ntitle: A\n---\nx\n-- templates/home.html --\n{{define \"main\"}}<script src=\"https://cdn.example/x.js\"></script>{{end}}\n",
			`content/_index.vi.md:1:1: error: this page would load a script from another website (https://cdn.example/x.js); the site never does`},
		{"font in the stylesheet", "-- content/_index.vi.md --\n---\ntitle: A\n---\nx\n-- static/css/extra.css --\n@import \"https://fonts.example/f.css\";\n",
			`static/css/extra.css: error: this file would make browsers load a stylesheet url() from another website (https://fonts.example/f.css); the site never does`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := "-- content/site.yaml --\ntitle: {vi: A}\nbase_url: https://example.org/\nlanguages: [{code: vi, name: Tiếng Việt}]\n" + tc.files
			if got := mustFail(t, site); !strings.Contains(got, tc.want) {
				t.Errorf("diagnostics:\n%swant %s", got, tc.want)
			}
		})
	}
}

// TestHeaderFilesWritten checks the host header files at the site's root.
func TestHeaderFilesWritten(t *testing.T) {
	_, dir := mustBuild(t, smallSite)
	if got := readOut(t, dir, "_headers"); !strings.Contains(got, "Referrer-Policy: no-referrer") || !strings.Contains(got, "frame-ancestors 'none'") {
		t.Errorf("_headers:\n%s", got)
	}
	if got := readOut(t, dir, "nginx-headers.conf"); !strings.Contains(got, `add_header X-Content-Type-Options "nosniff" always;`) {
		t.Errorf("nginx-headers.conf:\n%s", got)
	}
}

// TestImages checks that images in a bundle get their width and height,
// and that every image after the first loads lazily.
func TestImages(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, siteYAML+`-- content/_index.vi.md --
---
title: Trang chủ
---
-- content/bai/index.vi.md --
---
title: Bài có ảnh
---
![Sơ đồ một](so-do.png)

![Sơ đồ hai](so-do.png)
`)
	f, err := os.Create(filepath.Join(dir, "content", "bai", "so-do.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, image.NewRGBA(image.Rect(0, 0, 640, 360))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := Run(context.Background(), Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	got := readOut(t, dir, "bai/index.html")
	for _, want := range []string{
		`<img src="/bai/so-do.png" alt="Sơ đồ một" width="640" height="360">`,
		`<img src="/bai/so-do.png" alt="Sơ đồ hai" width="640" height="360" loading="lazy">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestUnchangedFilesKeepTime rebuilds after one page's body changed: every
// other file keeps its modification time (it is linked from the previous
// output), the changed page gets new bytes, and a file someone altered in
// the output by hand (same size, other bytes; a symbolic link; other
// permissions) is written again. The output folder is readable by all, as
// its subfolders are.
func TestUnchangedFilesKeepTime(t *testing.T) {
	_, dir := mustBuild(t, smallSite)
	out := filepath.Join(dir, "public")
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content", "plan", "164-kh-ubnd", "index.en.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(src, "\nOne more sentence.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	tampered := filepath.Join(out, "robots.txt")
	robots, err := os.ReadFile(tampered)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tampered, bytes.Repeat([]byte("x"), len(robots)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(tampered, old, old); err != nil {
		t.Fatal(err)
	}
	// A symbolic link with the same bytes, and a file whose permissions
	// someone changed, are not taken over.
	sitemap := filepath.Join(out, "sitemap.xml")
	outside := filepath.Join(t.TempDir(), "sitemap.xml")
	if data, err := os.ReadFile(sitemap); err != nil || os.WriteFile(outside, data, 0o644) != nil {
		t.Fatal(err)
	}
	if err := os.Remove(sitemap); err != nil || os.Symlink(outside, sitemap) != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(out, "404.html"), 0o444); err != nil {
		t.Fatal(err)
	}
	res, err := Run(t.Context(), Options{Source: dir, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	if info, err := os.Lstat(sitemap); err != nil || !info.Mode().IsRegular() {
		t.Errorf("sitemap.xml is not a regular file after the rebuild: %v %v", info.Mode(), err)
	}
	fresh, _ := os.Stat(filepath.Join(out, "en", "plan", "164-kh-ubnd", "index.html"))
	for _, name := range []string{"404.html", "index.html"} {
		if info, _ := os.Stat(filepath.Join(out, name)); info.Mode().Perm() != fresh.Mode().Perm() {
			t.Errorf("%s has permissions %v, a new file %v", name, info.Mode().Perm(), fresh.Mode().Perm())
		}
	}
	top, _ := os.Stat(out)
	sub, _ := os.Stat(filepath.Join(out, "en"))
	if top.Mode().Perm() != sub.Mode().Perm() || top.Mode().Perm()&0o005 == 0 {
		t.Errorf("the output folder has permissions %v, its subfolders %v: a web server must be able to read it", top.Mode().Perm(), sub.Mode().Perm())
	}
	mtime := func(name string) time.Time {
		info, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return info.ModTime()
	}
	for _, name := range []string{"index.html", "ke-hoach/164-kh-ubnd/index.html", "ke-hoach/164-kh-ubnd/van-ban.txt"} {
		if !mtime(name).Equal(old) {
			t.Errorf("%s: modification time %v, want the old %v (its bytes did not change)", name, mtime(name), old)
		}
	}
	for _, name := range []string{"en/plan/164-kh-ubnd/index.html", "robots.txt", "sitemap.xml", "404.html"} {
		if mtime(name).Equal(old) {
			t.Errorf("%s kept its old modification time, but it had to be written again", name)
		}
	}
	if got := readOut(t, dir, "en/plan/164-kh-ubnd/index.html"); !strings.Contains(got, "One more sentence.") {
		t.Error("the edited page was not written again")
	}
	if got := readOut(t, dir, "robots.txt"); got != string(robots) {
		t.Errorf("robots.txt = %q, want it rewritten to %q", got, robots)
	}
	if res.Unchanged == 0 || res.Unchanged >= res.Files-1 {
		t.Errorf("Unchanged = %d of %d files, want most but not all", res.Unchanged, res.Files)
	}
}
