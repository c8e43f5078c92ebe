package build

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// photo returns a w×h JPEG with noise in it, so that it is as heavy as a
// photo from a phone; orientation, when not 0, is written as EXIF.
func photo(t testing.TB, w, h, orientation int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	seed := uint32(1)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			seed = seed*1664525 + 1013904223
			v := uint8(seed >> 24)
			// Red at the top-left corner, to see which way it is turned.
			if x < w/4 && y < h/4 {
				img.Set(x, y, color.RGBA{255, v / 8, v / 8, 255})
				continue
			}
			img.Set(x, y, color.RGBA{v, uint8(x), uint8(y), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if orientation == 0 {
		return data
	}
	// An APP1 Exif segment, big-endian TIFF, one IFD0 entry: 0x0112.
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(orientation), 0, 0, 0, 0, 0, 0}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	return append(append([]byte{0xFF, 0xD8}, app1...), data[2:]...)
}

const imageSite = `-- content/site.yaml --
title: {vi: Thử, en: Test}
base_url: https://loa.test/
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
-- content/_index.vi.md --
---
title: Trang chủ
---
-- content/news/_index.vi.md --
---
title: Tin tức
slug: tin-tuc
---
-- content/news/hoi-thao.vi.md --
---
title: Hội thảo
date: 2026-11-20
---
![Ảnh: hội thảo](anh.jpg)

![Ảnh: nhỏ](nho.png)
`

// TestPhotosMadeSmaller: a large photo beside a single-file page is
// published beside it, scaled to MaxImageWidth, upright, with a phone copy
// in srcset; the build says what it saved.
func TestPhotosMadeSmaller(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, imageSite)
	big := photo(t, 2400, 1800, 6) // taken turned: 1800 wide, 2400 high upright
	if err := os.WriteFile(filepath.Join(dir, "content/news/anh.jpg"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	var small bytes.Buffer
	_ = png.Encode(&small, image.NewGray(image.Rect(0, 0, 40, 30)))
	if err := os.WriteFile(filepath.Join(dir, "content/news/nho.png"), small.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	res, err := Run(context.Background(), Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow, ImageCache: cache})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	html := readOut(t, dir, "tin-tuc/hoi-thao/index.html")
	for _, want := range []string{
		`src="/tin-tuc/hoi-thao/anh.jpg"`, `width="1600" height="2133"`,
		`srcset="anh-800w.jpg 800w, anh.jpg 1600w"`,
		`sizes="` + imageSizes + `"`,
		`src="/tin-tuc/hoi-thao/nho.png"`, `width="40" height="30"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s:\n%s", want, html)
		}
	}
	if strings.Count(html, "srcset") != 1 {
		t.Errorf("srcset on the small image too")
	}
	out := readOut(t, dir, "tin-tuc/hoi-thao/anh.jpg")
	img, err := jpeg.Decode(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 2133 {
		t.Errorf("published size %v", b)
	}
	// Orientation 6: the stored top-left corner (red) is the top-right one upright.
	if r, g, _, _ := img.At(1500, 100).RGBA(); r>>8 < 200 || g>>8 > 100 {
		t.Errorf("not turned upright: top right is %v", img.At(1500, 100))
	}
	if len(out) >= len(big)/2 {
		t.Errorf("published %d bytes of %d", len(out), len(big))
	}
	phone := readOut(t, dir, "tin-tuc/hoi-thao/anh-800w.jpg")
	if cfg, _ := jpeg.DecodeConfig(strings.NewReader(phone)); cfg.Width != 800 || cfg.Height != 1067 {
		t.Errorf("phone copy %dx%d", cfg.Width, cfg.Height)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/tin-tuc/hoi-thao/anh.original.jpg")); err == nil {
		t.Errorf("original published without keep_original_images")
	}
	if res.Images != 1 || res.ImageBytes[0] != int64(len(big)) || res.ImageBytes[1] != int64(len(out)) {
		t.Errorf("reported %d images, %v bytes", res.Images, res.ImageBytes)
	}
	// The next build takes the scaled copies from the cache: same bytes.
	entries, _ := os.ReadDir(cache)
	if len(entries) != 2 {
		t.Errorf("cache holds %d files", len(entries))
	}
	res, err = Run(context.Background(), Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow, ImageCache: cache})
	if err != nil || readOut(t, dir, "tin-tuc/hoi-thao/anh.jpg") != out {
		t.Errorf("second build: %v", err)
	}

	// Asked for, the original is published too.
	writeArchive(t, dir, "-- content/site.yaml --\ntitle: {vi: Thử, en: Test}\nbase_url: https://loa.test/\nlanguages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]\nkeep_original_images: true\n")
	if _, err := Run(context.Background(), Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if got := readOut(t, dir, "tin-tuc/hoi-thao/anh.original.jpg"); got != string(big) {
		t.Errorf("original: %d bytes", len(got))
	}
}

// TestImageCacheDamaged: a scaled photo in the image cache that was cut
// short, written over or replaced by another photo is not published: the
// build scales the photo again (and keeps a whole copy). A build with
// NoCache neither reads nor writes the image cache.
func TestImageCacheDamaged(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, imageSite)
	big := photo(t, 2400, 1800, 1)
	if err := os.WriteFile(filepath.Join(dir, "content/news/anh.jpg"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	other := photo(t, 2000, 1000, 1)
	if err := os.WriteFile(filepath.Join(dir, "content/news/nho.png"), other, 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	build := func(opts Options) {
		t.Helper()
		opts.Source, opts.Out, opts.Now = dir, filepath.Join(dir, "public"), fixedNow
		if res, err := Run(context.Background(), opts); err != nil {
			t.Fatalf("build: %v\n%s", err, diagText(res))
		}
	}
	build(Options{ImageCache: cache})
	want := map[string]string{}
	for _, f := range []string{"anh.jpg", "anh-800w.jpg"} {
		want[f] = readOut(t, dir, "tin-tuc/hoi-thao/"+f)
	}
	kept, err := filepath.Glob(filepath.Join(cache, "*"))
	if err != nil || len(kept) != 4 {
		t.Fatalf("the cache holds %q (%v), want 4 files", kept, err)
	}
	var ours []string // (the big photo's, not the other's)
	for _, f := range kept {
		data, _ := os.ReadFile(f)
		if data2, _ := os.ReadFile(f); len(data) == len(data2) && strings.Contains(want["anh.jpg"]+want["anh-800w.jpg"], string(data[:len(data)-imageTrailer])) {
			ours = append(ours, f)
		}
	}
	if len(ours) != 2 {
		t.Fatalf("%d of the cache's files hold the big photo's copies, want 2", len(ours))
	}
	otherOf := func(f string) string {
		for _, k := range kept {
			if !slices.Contains(ours, k) && strings.HasSuffix(k, f[strings.LastIndex(f, "-"):]) {
				return k
			}
		}
		return ""
	}
	for _, damage := range []struct {
		name string
		do   func(data []byte, f string) []byte
	}{
		{"cut short", func(data []byte, f string) []byte { return data[:len(data)/2] }},
		{"cut to 100 bytes", func(data []byte, f string) []byte { return data[:100] }},
		{"a byte written over", func(data []byte, f string) []byte { data[len(data)/3] ^= 0x55; return data }},
		{"the other photo's copy", func(data []byte, f string) []byte { b, _ := os.ReadFile(otherOf(f)); return b }},
		{"without its trailer", func(data []byte, f string) []byte { return data[:len(data)-imageTrailer] }},
	} {
		for _, f := range ours {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, damage.do(data, f), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		build(Options{ImageCache: cache, NoCache: true})
		build(Options{ImageCache: cache})
		for f, w := range want {
			if got := readOut(t, dir, "tin-tuc/hoi-thao/"+f); got != w {
				t.Errorf("%s: %s published with %d bytes, want %d", damage.name, f, len(got), len(w))
			}
		}
	}
	// NoCache: nothing read, nothing written.
	empty := t.TempDir()
	build(Options{ImageCache: empty, NoCache: true})
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("a build with NoCache wrote %d files in the image cache", len(entries))
	}
}

// TestUnlinkedFile: a file outside bundles that no page links is not
// published, and the build says so.
func TestUnlinkedFile(t *testing.T) {
	res, _ := mustBuild(t, imageSite+"-- content/news/anh.jpg --\n-- content/news/nho.png --\n-- content/news/cu.pdf --\n")
	if got := diagText(res); !strings.Contains(got, "content/news/cu.pdf:0:0: warning: no page links to this file, so it is not published") &&
		!strings.Contains(got, "content/news/cu.pdf: warning: no page links to this file, so it is not published") {
		t.Errorf("diagnostics:\n%s", got)
	}
}

func TestExifOrientation(t *testing.T) {
	for o := 1; o <= 8; o++ {
		if got := exifOrientation(photo(t, 8, 8, o)); got != o {
			t.Errorf("orientation %d read as %d", o, got)
		}
	}
	if got := exifOrientation(photo(t, 8, 8, 0)); got != 1 {
		t.Errorf("no EXIF: %d", got)
	}
}

func FuzzExifOrientation(f *testing.F) {
	f.Add(photo(f, 8, 8, 6))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := exifOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}

// BenchmarkProcessPhoto scales a 4000×3000 photo from a phone (no cache).
func BenchmarkProcessPhoto(b *testing.B) {
	data := photo(b, 4000, 3000, 0)
	b.ReportAllocs()
	for b.Loop() {
		processImage(data, "")
	}
}
