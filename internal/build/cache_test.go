package build

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/templates"
)

// newWarmTest writes files into a folder, for builds with Run (no Session).
func newWarmTest(t *testing.T, files map[string]string, seed uint64) *incTest {
	t.Helper()
	it := &incTest{t: t, dir: t.TempDir(), files: map[string]string{}, rng: rand.New(rand.NewPCG(seed, 17))}
	for name, text := range files {
		it.write(name, text)
	}
	return it
}

// warmBuild builds it into public with opts (Source, Out and Now set
// here) and reports whether the build cache was used. It first copies
// the output as it is into clean, so that checkCold's cold build starts
// from the same previous output (Result.Unchanged counts against it).
func (it *incTest) warmBuild(opts Options) (Result, bool) {
	it.t.Helper()
	public, clean := filepath.Join(it.dir, "public"), filepath.Join(it.dir, "clean")
	if err := os.RemoveAll(clean); err != nil {
		it.t.Fatal(err)
	}
	if _, err := os.Stat(public); err == nil {
		if err := os.CopyFS(clean, os.DirFS(public)); err != nil {
			it.t.Fatal(err)
		}
	}
	opts.Source, opts.Out, opts.Now = it.dir, public, fixedNow
	res, err := Run(context.Background(), opts)
	if err != nil {
		it.t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	return res, usedCache(res)
}

func usedCache(res Result) bool {
	return slices.ContainsFunc(res.Stages, func(s Stage) bool { return s.Name == "reuse" })
}

// checkCold builds the site with NoCache into another folder (holding
// what public held before got's build, see warmBuild) and compares the
// output of public with it byte for byte, the problems with those of
// got, and the counts the summary line shows (resultCounts).
func (it *incTest) checkCold(what string, got Result, opts Options) {
	it.t.Helper()
	clean := filepath.Join(it.dir, "clean")
	opts.Source, opts.Out, opts.Now, opts.NoCache = it.dir, clean, fixedNow, true
	res, err := Run(context.Background(), opts)
	if err != nil {
		it.t.Fatalf("%s: cold build: %v\n%s", what, err, diagText(res))
	}
	if g, w := withoutCacheNotes(got), withoutCacheNotes(res); g != w {
		it.t.Errorf("%s: problems differ from a cold build's:\n%s\nwant:\n%s", what, g, w)
	}
	if g, w := resultCounts(got), resultCounts(res); g != w {
		it.t.Errorf("%s: the counts differ from a cold build's:\n%s\nwant:\n%s", what, g, w)
	}
	if diffs := sameTree(readTree(it.t, filepath.Join(it.dir, "public")), readTree(it.t, clean)); len(diffs) > 0 {
		it.t.Fatalf("%s: the output differs from a cold build:\n%s", what, strings.Join(diffs, "\n"))
	}
}

// checkCacheKeys holds the keys that the cache of public keeps for the
// next warm build to those computed afresh from the site: each page's and
// generated page's key (a warm build computes a page's again only when
// staleKeysOf says it may have changed, else keeps the cache's), each
// page's sums and the pages its key read (or -1: not known), and the
// stamps of the output's files and folders.
func (it *incTest) checkCacheKeys(what string) {
	it.t.Helper()
	b, err := newBuilder(Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow, DryRun: true})
	if err != nil {
		it.t.Fatal(err)
	}
	b.ctx = context.Background()
	b.cache = &buildCache{} // (the directory's key as a build with the cache makes it)
	b.inc = &incBuild{}
	if err := b.load(); err != nil {
		it.t.Fatalf("%s: load: %v", what, err)
	}
	b.renderer.SetAssets(b.assets)
	gc := debug.SetGCPercent(77)
	st, d := b.readCache()
	if st == nil {
		it.t.Fatalf("%s: no cache after the build (%v)", what, d)
	}
	if debug.SetGCPercent(gc) != 77 {
		it.t.Errorf("%s: reading the cache did not put back the collector's setting", what)
	}
	keys := newDetKeys(b)
	pages := b.content.Pages
	index := map[string]int32{}
	for i, p := range pages {
		index[p.File] = int32(i)
	}
	if !slices.Equal(st.PageFiles, slices.Collect(func(yield func(string) bool) {
		for _, p := range pages {
			if !yield(p.File) {
				return
			}
		}
	})) {
		it.t.Fatalf("%s: the cache's page files are not the site's", what)
	}
	for i, p := range pages {
		key, refs := keys.pageRefs(p, nil)
		if st.Keys[pageOwner(p)] != key {
			it.t.Errorf("%s: the cache keeps a key of %s that is not its key now", what, p.File)
		}
		if st.PageSums[i] != keys.sums(p) {
			it.t.Errorf("%s: the cache keeps sums of %s that are not its sums now", what, p.File)
		}
		if got, want := st.PageRefs[i], refIndexes(refs, index); !slices.Equal(got, want) && !slices.Equal(got, []int32{-1}) {
			it.t.Errorf("%s: the cache says the key of %s read %v, not %v", what, p.File, got, want)
		}
	}
	for _, e := range b.renderer.Extras() {
		if st.Keys[extraOwner(e)] != keys.extra(e) {
			it.t.Errorf("%s: the cache keeps a key of %s that is not its key now", what, e.Path)
		}
	}
	if st.Keys[ownerSitemap] != keys.sitemap() {
		it.t.Errorf("%s: the cache keeps a key of sitemap.xml that is not its key now", what)
	}
	// The stamps of the output's files and folders are theirs now (a warm
	// build keeps those of the ones it did not change).
	out := filepath.Join(it.dir, "public")
	for f, c := range st.Files {
		if info, err := os.Lstat(filepath.Join(out, filepath.FromSlash(f))); err != nil || info.Size() != c.Size || info.ModTime().UnixNano() != c.ModTime {
			it.t.Errorf("%s: the cache keeps a stamp of %s that is not its stamp now", what, f)
		}
	}
	for d, mtime := range st.Dirs {
		if info, err := os.Lstat(filepath.Join(out, filepath.FromSlash(d))); err != nil || info.ModTime().UnixNano() != mtime {
			it.t.Errorf("%s: the cache keeps a stamp of the folder %q that is not its stamp now", what, d)
		}
	}
}

// resultCounts prints the counts of res that loa build's summary line
// shows: pages per language, files, files unchanged, photos made smaller
// and their bytes before and after.
func resultCounts(res Result) string {
	return fmt.Sprintf("pages %v in %v, %d files (%d unchanged), %d photos made smaller: %d → %d bytes",
		res.Pages, res.Languages, res.Files, res.Unchanged, res.Images, res.ImageBytes[0], res.ImageBytes[1])
}

// withPhotos adds to the site files two photos that the build makes
// smaller (wider than MaxImageWidth): a JPEG in the bundle plan/164,
// shown on both its pages, and a PNG beside the news item tin-01, shown
// on its Vietnamese page.
func withPhotos(t testing.TB, files map[string]string) map[string]string {
	files["content/plan/164/anh.jpg"] = string(photo(t, MaxImageWidth+100, 40, 0))
	files["content/news/bieu-do.png"] = string(noisePNG(t, MaxImageWidth+200, 30))
	for _, name := range []string{"content/plan/164/index.vi.md", "content/plan/164/index.en.md"} {
		files[name] += "\n![Ảnh: hội nghị](anh.jpg)\n"
	}
	files["content/news/tin-01.vi.md"] += "\n![Biểu đồ](bieu-do.png)\n"
	return files
}

// noisePNG returns a w×h PNG of noise, which compresses badly.
func noisePNG(t testing.TB, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	seed := uint32(7)
	for i := range img.Pix {
		seed = seed*1664525 + 1013904223
		img.Pix[i] = uint8(seed >> 24)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withoutCacheNotes prints the problems of res, each with its check,
// hint and the source line quoted, less the warnings about the cache and
// about files found in the output that a cold build removes.
func withoutCacheNotes(res Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		if !strings.Contains(d.Message, "build cache") && !strings.Contains(d.Message, "is not part of the new site") {
			fmt.Fprintf(&b, "%s: %s: %s [%s]\n\thint: %s\n\tsource: %q %d\n", d.Pos, d.Severity, d.Message, d.Check, d.Hint, d.Source, d.Span)
		}
	}
	return b.String()
}

// TestWarmBuildMatchesCold makes random edits of every kind (those of
// TestIncrementalMatchesCleanBuild) to a site with photos and after each
// one builds with the build cache, then compares output, problems and
// the summary line's counts with a cold build's. The files unchanged
// since the build before are not read again (their stamps are trusted).
func TestWarmBuildMatchesCold(t *testing.T) {
	steps := 16
	if testing.Short() {
		steps = 5
	}
	reused := trustStamps(t) // files unchanged are not read again
	var mu sync.Mutex
	updated := 0 // search indexes updated rather than made whole
	traceSearch = func(_ string, up bool) {
		mu.Lock()
		defer mu.Unlock()
		if up {
			updated++
		}
	}
	defer func() { traceSearch = nil }()
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			*reused = (*reused)[:0]
			it := newWarmTest(t, withPhotos(t, incSite(25)), seed)
			if res, warm := it.warmBuild(Options{}); warm {
				t.Fatal("the first build used a cache")
			} else if res.Images != 2 {
				t.Fatalf("the first build made %d photos smaller, not 2", res.Images)
			}
			for range steps {
				what, _ := it.step()
				res, warm := it.warmBuild(Options{})
				if !warm {
					t.Errorf("%s: the build did not use the cache (%v)\n%s", what, res.Stages, diagText(res))
				}
				it.checkCold(what, res, Options{})
				it.checkCacheKeys(what)
			}
			if len(*reused) == 0 {
				t.Error("every build read every file again")
			}
		})
	}
	if updated == 0 {
		t.Error("no warm build updated a search index (search.UpdateWith)")
	}
}

// TestWarmBuildSectionTitle: the later pages of a section's list, whose
// keys a warm build takes from the cache when none of the pages they
// read changed (render.SameExtraKey), show the section's new title (they
// read it through the trail above them, not their list), and after a
// body edit, which changes no page's own sum, are as a cold build's.
func TestWarmBuildSectionTitle(t *testing.T) {
	files := incSite(25) // (news: two list pages a language)
	// (news out of the menu, which every page shows: its title would
	// change every page's key)
	files["content/site.yaml"] = strings.Replace(files["content/site.yaml"], "menu: [plan, news, support]", "menu: [plan, support]", 1)
	it := newWarmTest(t, files, 4)
	it.warmBuild(Options{})
	const news = "content/news/_index.vi.md"
	for _, edit := range []struct{ what, text string }{
		{"a section's title", setKey(it.files[news], "title", "Tin tức mới")},
		{"a section's body", it.files[news] + "\nThêm một câu.\n"},
	} {
		it.write(news, edit.text)
		res, warm := it.warmBuild(Options{})
		if !warm {
			t.Fatalf("%s: the build did not use the cache\n%s", edit.what, diagText(res))
		}
		it.checkCold(edit.what, res, Options{})
	}
}

// TestWarmBuildCheckError: a warm build whose site-wide checks (which
// run beside its generated pages and search indexes) find an error (an
// anchor missing) fails with ErrContent, reports it, and leaves the
// output as it was.
func TestWarmBuildCheckError(t *testing.T) {
	it := newWarmTest(t, incSite(2), 5)
	it.warmBuild(Options{})
	public := filepath.Join(it.dir, "public")
	before := readTree(t, public)
	const news = "content/news/tin-00.vi.md"
	it.write(news, it.files[news]+"\nXem [mục không có](../plan/164/index.vi.md#khong-co).\n")
	res, err := Run(context.Background(), Options{Source: it.dir, Out: public, Now: fixedNow})
	if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), "khong-co") {
		t.Fatalf("the warm build did not fail at the missing anchor (%v)\n%s", err, diagText(res))
	}
	if after := readTree(t, public); !maps.EqualFunc(before, after, bytes.Equal) {
		t.Error("the failed warm build changed the output")
	}
}

// TestWarmBuildRelinks: a page whose own file did not change is rendered
// and checked again when a page it links to moved, became a draft or went
// (a breaker found warm builds keeping the old address, and passing where
// a cold build failed: loa build kept no links in its pages' records).
func TestWarmBuildRelinks(t *testing.T) {
	it := newWarmTest(t, incSite(2), 3)
	it.warmBuild(Options{})
	const plan = "content/plan/164/index.vi.md"
	it.write(plan, strings.Replace(it.files[plan], "title: Kế hoạch 164\n", "title: Kế hoạch 164\nslug: kh-164\n", 1))
	res, warm := it.warmBuild(Options{})
	if !warm {
		t.Fatalf("the build did not use the cache\n%s", diagText(res))
	}
	it.checkCold("a linked page's slug", res, Options{})
	for _, edit := range []struct{ what, text string }{
		{"a linked page made a draft", strings.Replace(it.files[plan], "---\n## Mục tiêu", "draft: true\n---\n## Mục tiêu", 1)},
		{"a linked page deleted", ""},
	} {
		if edit.text == "" {
			it.remove(plan)
		} else {
			it.write(plan, edit.text)
		}
		res, err := Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow})
		if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), "_index.vi.md") {
			t.Errorf("%s: the warm build did not fail at the links to it (%v)\n%s", edit.what, err, diagText(res))
		}
	}
}

// TestWarmBuildAttachmentSameStamp: an attachment replaced by another of
// the same size, its modification time put back (cp -p, exiftool -P), is
// published anew (a breaker found the old photo kept).
func TestWarmBuildAttachmentSameStamp(t *testing.T) {
	if _, ok := statStamp("."); !ok {
		t.Skip("no change time on this system: attachments are known by size and time")
	}
	it := newWarmTest(t, incSite(1), 4)
	it.warmBuild(Options{})
	const doc = "content/plan/164/van-ban.txt"
	name := filepath.Join(it.dir, filepath.FromSlash(doc))
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	it.write(doc, strings.ToUpper(it.files[doc]))
	if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	res, _ := it.warmBuild(Options{})
	it.checkCold("an attachment of the same size and time", res, Options{})
}

// TestWarmBuildPortable: a --portable build is cached as such, and
// switching the option does not reuse the other's cache.
func TestWarmBuildPortable(t *testing.T) {
	it := newWarmTest(t, incSite(5), 1)
	it.warmBuild(Options{Portable: true})
	it.step()
	res, warm := it.warmBuild(Options{Portable: true})
	if !warm {
		t.Fatal("a second portable build did not use the cache")
	}
	it.checkCold("portable", res, Options{Portable: true})
	res, warm = it.warmBuild(Options{})
	if warm || !strings.Contains(diagText(res), "build cache was made") {
		t.Fatalf("a build without --portable used the portable build's cache (or did not say it did not):\n%s", diagText(res))
	}
	it.checkCold("not portable", res, Options{})
	res, warm = it.warmBuild(Options{Drafts: true})
	if warm {
		t.Fatal("a build with --drafts used the cache of one without")
	}
	it.checkCold("drafts", res, Options{Drafts: true})
}

// TestWarmBuildDistrust: a damaged cache, one from other templates or
// another loa, and an output changed by hand are not trusted: the build
// says so, builds everything, and the output is that of a cold build.
func TestWarmBuildDistrust(t *testing.T) {
	it := newWarmTest(t, incSite(5), 2)
	out := filepath.Join(it.dir, "public")
	cache := cachePath(out)
	if cache != filepath.Join(it.dir, CacheDir, "public.cache") {
		t.Fatalf("the cache is at %s", cache)
	}
	mangle := func(fn func([]byte) []byte) func() {
		return func() {
			data, err := os.ReadFile(cache)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cache, fn(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, text string) func() {
		return func() {
			if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var otherTemplates fstest.MapFS
	for _, tc := range []struct {
		name, warning string
		spoil         func()
		opts          Options
	}{
		{"a byte changed", "build cache is damaged", mangle(func(d []byte) []byte { d[len(d)/2] ^= 1; return d }), Options{}},
		{"cut short", "build cache is damaged", mangle(func(d []byte) []byte { return d[:len(d)/3] }), Options{}},
		{"not a cache", "build cache is damaged", mangle(func([]byte) []byte { return []byte("hello") }), Options{}},
		{"cut in its checksum", "build cache is damaged", mangle(func(d []byte) []byte { return d[:len(fmt.Sprintf("%s%d\n", cacheMagic, cacheFormat))+3] }), Options{}},
		{"cut in its format", "build cache is damaged", mangle(func(d []byte) []byte { return d[:len(cacheMagic)+1] }), Options{}},
		{"another format", "build cache was made", mangle(func(d []byte) []byte {
			return []byte(strings.Replace(string(d), fmt.Sprintf("%s%d\n", cacheMagic, cacheFormat), cacheMagic+"999\n", 1))
		}), Options{}},
		{"other templates", "build cache was made", func() {
			otherTemplates = fstest.MapFS{}
			err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := fs.ReadFile(templates.FS, p)
				otherTemplates[p] = &fstest.MapFile{Data: data}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			f := otherTemplates["base.html"]
			if f == nil {
				t.Fatal("no base.html among the templates")
			}
			f.Data = []byte(strings.Replace(string(f.Data), "</body>", "<!-- other --></body>", 1))
		}, Options{}},
		{"a page changed by hand", "changed since the last build", write("index.html", "hello"), Options{}},
		{"a file added by hand", "public/: warning: this file or folder of the output was changed", write("extra.html", "hello"), Options{}},
		// Changed in place with its size and time put back (touch -r,
		// cp -p): seen by its change time; a warm build would keep the
		// page, and update the search index from the changed file.
		{"a page changed by hand, its time put back", "changed since the last build", keepStamp(it, filepath.Join(out, "index.html")), Options{}},
		{"a search file changed by hand, its time put back", "changed since the last build", keepStamp(it, filepath.Join(out, "search", "en", "meta.json")), Options{}},
		{"a file deleted by hand", "public/robots.txt: warning: this file or folder of the output was deleted", func() {
			if err := os.Remove(filepath.Join(out, "robots.txt")); err != nil {
				t.Fatal(err)
			}
		}, Options{}},
		// Named as deleted: the folder, not the first file in it.
		{"a folder deleted by hand", "public/en/news/: warning: this file or folder of the output was deleted", func() {
			if err := os.RemoveAll(filepath.Join(out, "en", "news")); err != nil {
				t.Fatal(err)
			}
		}, Options{}},
		// Ordinary edits of what the cache does not track page by page:
		// a whole build, without a warning.
		{"site.yaml edited", "", func() {
			it.write("content/site.yaml", it.files["content/site.yaml"]+"\n# a comment\n")
		}, Options{}},
		{"a file added beside the pages", "", func() {
			it.write("content/news/to-roi.pdf", "%PDF-1.4 a leaflet")
		}, Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it.t = t
			opts := tc.opts
			if otherTemplates != nil {
				opts.Templates = otherTemplates
			}
			it.warmBuild(opts) // a good cache first
			tc.spoil()
			if otherTemplates != nil {
				opts.Templates = otherTemplates
			}
			it.step()
			res, warm := it.warmBuild(opts)
			if warm {
				t.Error("the build used the cache")
			}
			if tc.warning == "" && strings.Contains(diagText(res), "build cache") {
				t.Errorf("a warning about the cache after an ordinary edit:\n%s", diagText(res))
			}
			if !strings.Contains(diagText(res), tc.warning) {
				t.Errorf("no warning %q:\n%s", tc.warning, diagText(res))
			}
			it.checkCold(tc.name, res, opts)
			if _, warm := it.warmBuild(opts); !warm {
				t.Error("the build after did not use the new cache")
			}
		})
	}
}

// keepStamp returns a function that changes a letter of the file name
// in place, then puts its modification time back: its size and time are
// those it had. It first waits until the system's clock for change times
// has moved past the file's (it may be coarse), so that the change is
// seen as one.
func keepStamp(it *incTest, name string) func() {
	return func() {
		t := it.t
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		ctime, _ := changeStamp(info)
		if ctime == 0 {
			t.Skip("the system gives no change time")
		}
		probe := filepath.Join(t.TempDir(), "probe")
		for i := 0; ; i++ {
			if err := os.WriteFile(probe, []byte{byte(i)}, 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := os.Stat(probe)
			if err != nil {
				t.Fatal(err)
			}
			if c, _ := changeStamp(p); c > ctime {
				break
			}
			runtime.Gosched()
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.IndexAny(data[len(data)/2:], "abcdefghijklmnopqrstuvwxyz")
		if i < 0 {
			t.Fatalf("no letter in the second half of %s", name)
		}
		i += len(data) / 2
		f, err := os.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt([]byte{'a' + (data[i]-'a'+1)%26}, int64(i)); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWarmBuildErrors: a content error in a warm build writes nothing
// (output and cache stay), and the build after the fix is warm and right.
func TestWarmBuildErrors(t *testing.T) {
	it := newWarmTest(t, incSite(5), 3)
	it.warmBuild(Options{})
	before := readTree(t, filepath.Join(it.dir, "public"))
	cache, err := os.ReadFile(cachePath(filepath.Join(it.dir, "public")))
	if err != nil {
		t.Fatal(err)
	}
	good := it.files["content/news/tin-01.vi.md"]
	it.write("content/news/tin-01.vi.md", strings.Replace(good, "title:", "title: [", 1)+"Xem [x](khong-co.md).\n")
	res, err := Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow})
	if err == nil {
		t.Fatalf("no error:\n%s", diagText(res))
	}
	if diffs := sameTree(readTree(t, filepath.Join(it.dir, "public")), before); len(diffs) > 0 {
		t.Fatalf("a failed build changed the output:\n%s", strings.Join(diffs, "\n"))
	}
	if after, _ := os.ReadFile(cachePath(filepath.Join(it.dir, "public"))); string(after) != string(cache) {
		t.Error("a failed build changed the cache")
	}
	it.write("content/news/tin-01.vi.md", good+"\nSửa.\n")
	res, warm := it.warmBuild(Options{})
	if !warm {
		t.Error("the build after the fix did not use the cache")
	}
	it.checkCold("fixed", res, Options{})
}

// benchWarm builds the benchmark corpus (writeCorpus) at the sizes of
// benchSizes once, then per iteration makes an edit and builds again with
// the build cache, as loa build does; BenchmarkBuild is the cold build to
// compare with.
func benchWarm(b *testing.B, edit func(dir string, n int) []string) {
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("pages=%d", size), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, size)
			opts := Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow}
			build := func() {
				res, err := Run(context.Background(), opts)
				if err != nil {
					b.Fatalf("%v\n%s", err, diagText(res))
				}
				if os.Getenv("LOA_BENCH_STAGES") != "" {
					b.Logf("%d files, %d unchanged, %v", res.Files, res.Unchanged, res.Stages)
				}
			}
			build()
			b.ReportAllocs()
			b.ResetTimer()
			var cpu time.Duration // of the timed builds: the machine may be shared
			for n := range b.N {
				edit(dir, n)
				before := cpuTime()
				build()
				cpu += cpuTime() - before
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkWarmBuildBody edits one page's body and builds with the cache.
func BenchmarkWarmBuildBody(b *testing.B) {
	benchWarm(b, func(dir string, n int) []string {
		return editFile(b, dir, "news/trang-00002.vi.md", func(s string) string {
			return s + fmt.Sprintf("\nThêm %d.\n", n)
		})
	})
}

// BenchmarkWarmBuildFrontMatter edits one news item's title and builds
// with the cache: the lists showing it are rendered again too.
func BenchmarkWarmBuildFrontMatter(b *testing.B) {
	benchWarm(b, func(dir string, n int) []string {
		return editFile(b, dir, "news/trang-00002.vi.md", func(s string) string {
			return setKey(s, "title", fmt.Sprintf("Tiêu đề mới %d", n))
		})
	})
}

// TestWarmBuildWritesOnlyChanges: after a body edit, a warm build
// rewrites the page and what shows its text (its language's search
// index), and no file of the other pages; without the output folder it
// builds everything, without a warning.
func TestWarmBuildWritesOnlyChanges(t *testing.T) {
	it := newWarmTest(t, incSite(10), 4)
	it.warmBuild(Options{})
	before := snapshot(t, filepath.Join(it.dir, "public"))
	name := "content/news/tin-03.en.md"
	it.write(name, it.files[name]+"\nMore text.\n")
	res, warm := it.warmBuild(Options{})
	if !warm {
		t.Fatal("not warm")
	}
	written, deleted := rewrites(t, before, snapshot(t, filepath.Join(it.dir, "public")))
	if len(deleted) > 0 {
		t.Errorf("deleted %v", deleted)
	}
	for _, f := range written {
		if !strings.HasPrefix(f, "en/news/tin-03/") && !strings.HasPrefix(f, "search/en/") {
			t.Errorf("rewrote %s", f)
		}
	}
	if !slices.Contains(written, "en/news/tin-03/index.html") {
		t.Errorf("did not rewrite the page: %v", written)
	}
	if res.Files-res.Unchanged != len(written) {
		t.Errorf("Result says %d files written, %d were", res.Files-res.Unchanged, len(written))
	}
	if err := os.RemoveAll(filepath.Join(it.dir, "public")); err != nil {
		t.Fatal(err)
	}
	res, warm = it.warmBuild(Options{})
	if warm || strings.Contains(diagText(res), "build cache") {
		t.Errorf("without the output: warm %v\n%s", warm, diagText(res))
	}
	it.checkCold("output deleted", res, Options{})
}

// TestWarmBuildCountsPhotos: a warm build counts the photos made smaller
// as a cold build does, whether the pages that publish them are rendered
// again or reused: each photo once, even when one page that shows it is
// rendered and another reused; a photo replaced makes the build cold.
func TestWarmBuildCountsPhotos(t *testing.T) {
	it := newWarmTest(t, withPhotos(t, incSite(3)), 5)
	it.warmBuild(Options{})
	for _, tc := range []struct {
		what   string
		edit   func()
		warm   bool
		photos int
	}{
		{"nothing changed", func() {}, true, 2},
		{"another page's body", func() {
			it.write("content/news/tin-02.en.md", it.files["content/news/tin-02.en.md"]+"\nMore.\n")
		}, true, 2},
		{"one of the two pages with the JPEG", func() {
			it.write("content/plan/164/index.vi.md", it.files["content/plan/164/index.vi.md"]+"\nThêm.\n")
		}, true, 2},
		{"the page with the PNG", func() {
			it.write("content/news/tin-01.vi.md", setKey(it.files["content/news/tin-01.vi.md"], "title", "Biểu đồ mới"))
		}, true, 2},
		{"the PNG no longer shown", func() {
			it.write("content/news/tin-01.vi.md", strings.Replace(it.files["content/news/tin-01.vi.md"], "![Biểu đồ](bieu-do.png)", "", 1))
		}, true, 1},
		{"the JPEG replaced", func() {
			it.write("content/plan/164/anh.jpg", string(photo(t, MaxImageWidth+300, 50, 0)))
		}, false, 1},
		{"the PNG shown again", func() {
			it.write("content/news/tin-01.vi.md", it.files["content/news/tin-01.vi.md"]+"\n![Biểu đồ](bieu-do.png)\n")
		}, true, 2},
	} {
		tc.edit()
		res, warm := it.warmBuild(Options{})
		if warm != tc.warm {
			t.Errorf("%s: warm %v, want %v\n%s", tc.what, warm, tc.warm, diagText(res))
		}
		if res.Images != tc.photos || res.ImageBytes[0] <= res.ImageBytes[1] {
			t.Errorf("%s: %d photos made smaller (%d → %d bytes), want %d", tc.what, res.Images, res.ImageBytes[0], res.ImageBytes[1], tc.photos)
		}
		it.checkCold(tc.what, res, Options{})
	}
}

// trustStamps makes the cache trust the stamps of files written just
// before a build (racyMargin 0: the tests' edits are a build apart, far
// more than the clock's granularity) and returns the files each build
// does not read (traceSources), emptied by the caller.
func trustStamps(t *testing.T) *[]string {
	var mu sync.Mutex
	var reused []string
	margin := racyMargin
	racyMargin = 0
	traceSources = func(file string) {
		mu.Lock()
		reused = append(reused, file)
		mu.Unlock()
	}
	t.Cleanup(func() { racyMargin, traceSources = margin, nil })
	return &reused
}

// TestWarmBuildStamps: what the cache trusts of a content file unchanged
// since the last build (its stamp: size, times, inode) and what not. A
// file touched without a change, or changed with its modification time
// put back (its change time still moves), is read again; a file changed
// less than racyMargin before the build is read by the next build too;
// dates in every time zone come back as read. After each build the output
// is compared with a cold build's.
func TestWarmBuildStamps(t *testing.T) {
	reused := trustStamps(t)
	files := incSite(5)
	files["content/news/gio.vi.md"] = "---\ntitle: Giờ\ndate: 2024-03-01T08:00:00+09:00\nlastmod: 2024-03-02T01:00:00Z\n---\n\nGiờ Tokyo.\n"
	files["content/news/gio.en.md"] = "---\ntitle: Time\ndate: 2024-03-01T08:00:00+00:00\nlastmod: 2024-03-02T10:00:00+07:00\n---\n\nTime.\n"
	it := newWarmTest(t, files, 6)
	it.warmBuild(Options{})
	n := len(it.files)
	step := func(what string, notRead []string, read []string) {
		t.Helper()
		*reused = (*reused)[:0]
		res, warm := it.warmBuild(Options{})
		if !warm {
			t.Errorf("%s: not warm\n%s", what, diagText(res))
		}
		for _, f := range notRead {
			if !slices.Contains(*reused, f) {
				t.Errorf("%s: %s was read again", what, f)
			}
		}
		for _, f := range read {
			if slices.Contains(*reused, f) {
				t.Errorf("%s: %s was not read", what, f)
			}
		}
		it.checkCold(what, res, Options{})
	}
	step("nothing changed", []string{"content/news/gio.vi.md", "content/news/gio.en.md", "content/news/tin-01.vi.md"}, nil)
	if len(*reused) < n/2 {
		t.Errorf("only %d files of about %d not read again: %v", len(*reused), n, *reused)
	}
	name := "content/news/tin-01.vi.md"
	full := filepath.Join(it.dir, filepath.FromSlash(name))
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(full, later, later); err != nil {
		t.Fatal(err)
	}
	step("touched", []string{"content/news/gio.vi.md"}, []string{name})
	info, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	text := it.files[name]
	i := strings.LastIndex(text, "a")
	if i < 0 {
		t.Fatalf("no a in %q", text)
	}
	it.write(name, text[:i]+"o"+text[i+1:]) // the same size
	if err := os.Chtimes(full, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	step("changed, its time put back", nil, []string{name})
	racyMargin = time.Hour
	it.write(name, it.files[name]+"\nThêm.\n")
	step("changed just before the build", nil, []string{name})
	racyMargin = 0
	step("the build after", nil, []string{name}) // not stamped by the build before
	step("and the one after", []string{name}, nil)
}

// TestCachedSourceRoundTrip: a Markdown file as the cache keeps it
// (cachedSource through the shard codec) gives back what content.Load read,
// dates in their time zones included (the site's, UTC, a written offset).
func TestCachedSourceRoundTrip(t *testing.T) {
	files := incSite(2)
	dates := map[string]string{
		"a": "2024-03-01", "b": "2024-03-01T08:00", "c": "2024-03-01T08:00:00+07:00",
		"d": "2024-03-01T08:00:00+09:00", "e": "2024-03-01T08:00:00Z", "f": "2024-03-01T08:00:00+00:00", "g": "2024-03-01T08:00:00.5-03:30",
	}
	for name, date := range dates {
		files["content/news/"+name+".vi.md"] = "---\ntitle: " + name + "\ndate: " + date + "\nlastmod: " + date + "\ntags: [a, b]\naliases: [/cu/" + name + "/]\nweight: 2\n---\n\nChữ 0221 3000 039.\n"
	}
	it := newWarmTest(t, files, 7)
	fsys := os.DirFS(it.dir)
	site, _, _, err := loadConfig(fsys, "")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	read := map[string]content.Parsed{}
	if _, _, err := content.Load(fsys, site, content.Options{Keep: func(file string, pd content.Parsed) {
		mu.Lock()
		read[file] = pd
		mu.Unlock()
	}}); err != nil {
		t.Fatal(err)
	}
	if len(read) < len(dates) {
		t.Fatalf("read %d files", len(read))
	}
	for file, pd := range read {
		data, err := appendShard(nil, &shardData{Sources: []fileSource{{file, toSource(fileStamp{Size: 1}, pd, site.Location)}}})
		if err != nil {
			t.Fatal(err)
		}
		var sd shardData
		if err := decodeShard(data, &sd); err != nil || len(sd.Sources) != 1 {
			t.Fatal(err, len(sd.Sources))
		}
		s := sd.Sources[0].Source
		got := s.parsed(site.Location)
		if !reflect.DeepEqual(got.FrontMatter, pd.FrontMatter) {
			t.Errorf("%s: front matter\n%#v\nwant\n%#v", file, got.FrontMatter, pd.FrontMatter)
		}
		if got.FrontMatter.Date.String() != pd.FrontMatter.Date.String() || got.FrontMatter.Lastmod.String() != pd.FrontMatter.Lastmod.String() {
			t.Errorf("%s: date %s, lastmod %s; want %s, %s", file, got.FrontMatter.Date, got.FrontMatter.Lastmod, pd.FrontMatter.Date, pd.FrontMatter.Lastmod)
		}
		if got.Slug != pd.Slug || got.BodyOffset != pd.BodyOffset || got.Sum != pd.Sum || got.Failed != pd.Failed {
			t.Errorf("%s: %v %v %v %v, want %v %v %v %v", file, got.Slug, got.BodyOffset, got.Sum, got.Failed, pd.Slug, pd.BodyOffset, pd.Sum, pd.Failed)
		}
		if fmt.Sprint(got.Diags) != fmt.Sprint(pd.Diags) {
			t.Errorf("%s: problems %v, want %v", file, got.Diags, pd.Diags)
		}
	}
}

// TestWarmBuildShards: after a body or title edit a warm build writes
// again only the shard of the cache holding the page edited (and the main
// file), not those of other pages rendered again with the same record; a
// build
// stopped after writing shards is never trusted: with no main file (as
// the build leaves it: the main file is deleted before any shard is
// written) the next build is whole without a warning, and even an older
// main file beside newer shards is found damaged.
func TestWarmBuildShards(t *testing.T) {
	// Stamps trusted at once. With the usual 2-second margin, the files
	// the set-up wrote get their stamps at the first build more than 2 s
	// after it, and every shard holding one is written again: on a
	// loaded machine that build was an edit's, which saw 34 shards
	// rewritten (a sleep of 2.5 s here shows it).
	trustStamps(t)
	it := newWarmTest(t, incSite(10), 8)
	out := filepath.Join(it.dir, "public")
	it.warmBuild(Options{})
	oldMain, err := os.ReadFile(cachePath(out))
	if err != nil {
		t.Fatal(err)
	}
	stamps := func() []time.Time {
		var s []time.Time
		for k := range recordShards {
			info, err := os.Stat(shardPath(out, k))
			if err != nil {
				t.Fatal(err)
			}
			s = append(s, info.ModTime())
		}
		return s
	}
	name := "content/news/tin-03.en.md"
	for _, edit := range []struct{ what, text string }{
		{"body", it.files[name] + "\nMore text.\n"},
		{"title", strings.Replace(it.files[name], "title: ", "title: New ", 1)},
	} {
		before := stamps()
		it.write(name, edit.text)
		if res, warm := it.warmBuild(Options{}); !warm {
			t.Fatal("not warm")
		} else if edit.what == "title" && res.Files-res.Unchanged < 3 {
			t.Fatalf("a title edit changed %d files, not the other pages that show it", res.Files-res.Unchanged)
		}
		after := stamps()
		var rewritten []int
		for k := range recordShards {
			if !after[k].Equal(before[k]) {
				rewritten = append(rewritten, k)
			}
		}
		// The page's shard (with its source), not those of the pages
		// rendered again because they show its title (their records are
		// the same).
		if !slices.Equal(rewritten, []int{shardOf(name)}) {
			t.Errorf("%s edit: shards written again: %v, want only %d", edit.what, rewritten, shardOf(name))
		}
	}
	// An older main file beside a newer shard.
	if err := os.WriteFile(cachePath(out), oldMain, 0o644); err != nil {
		t.Fatal(err)
	}
	it.step()
	res, warm := it.warmBuild(Options{})
	if warm || !strings.Contains(diagText(res), "build cache is damaged") {
		t.Errorf("an older main file with a newer shard: warm %v\n%s", warm, diagText(res))
	}
	it.checkCold("older main file", res, Options{})
	// No main file.
	if err := os.Remove(cachePath(out)); err != nil {
		t.Fatal(err)
	}
	it.step()
	res, warm = it.warmBuild(Options{})
	if warm || strings.Contains(diagText(res), "build cache") {
		t.Errorf("no main file: warm %v\n%s", warm, diagText(res))
	}
	it.checkCold("no main file", res, Options{})
	// A shard changed or missing.
	for _, spoil := range []func(string) error{
		func(f string) error {
			data, err := os.ReadFile(f)
			if err == nil {
				if len(data) == 0 { // a shard of no page
					data = []byte{0}
				} else {
					data[len(data)/2] ^= 1
				}
				err = os.WriteFile(f, data, 0o644)
			}
			return err
		},
		os.Remove,
	} {
		if err := spoil(shardPath(out, 3)); err != nil {
			t.Fatal(err)
		}
		it.step()
		res, warm = it.warmBuild(Options{})
		if warm || !strings.Contains(diagText(res), shardPath(out, 3)+": warning: the build cache is damaged") {
			t.Errorf("a shard spoilt: warm %v, or the warning does not name the shard\n%s", warm, diagText(res))
		}
		it.checkCold("a shard spoilt", res, Options{})
	}
}

// TestColdBuildStreamsShards: a whole build writes each page's record
// into its shard as soon as the page is done (shardStreams), in the
// staging folder, and puts the shards in place before the new output,
// the main file last: every page file has one record, in the shard of
// its path, every Markdown file one source, and nothing of the streams
// is left in the output. When a shard cannot be put in place, the build
// succeeds with a warning and writes no main file, so that the next
// build is whole, without a word.
func TestColdBuildStreamsShards(t *testing.T) {
	trustStamps(t) // (a file changed just before a build is not kept)
	it := newWarmTest(t, incSite(10), 5)
	out := filepath.Join(it.dir, "public")
	res, warm := it.warmBuild(Options{})
	if warm {
		t.Fatal("the first build used a cache")
	}
	var md []string
	for name := range it.files {
		if strings.HasSuffix(name, ".md") {
			md = append(md, name)
		}
	}
	slices.Sort(md)
	var records, sources []string
	var st cacheState
	if data, err := os.ReadFile(cachePath(out)); err != nil {
		t.Fatal(err)
	} else if err := decodeState(data[len(fmt.Sprintf("%s%d\n", cacheMagic, cacheFormat))+cacheSumSize:], &st); err != nil {
		t.Fatal(err)
	}
	termRefs := st.termRefs
	for k := range recordShards {
		data, err := os.ReadFile(shardPath(out, k))
		if err != nil {
			t.Fatal(err)
		}
		var sd shardData
		if err := decodeShard(data, &sd); err != nil {
			t.Fatalf("shard %d: %v", k, err)
		}
		for _, fr := range sd.Records {
			if shardOf(fr.File) != k {
				t.Errorf("the record of %s is in shard %d, not %d", fr.File, k, shardOf(fr.File))
			}
			// Its terms in the terms shard of its language, with the
			// same number.
			ts, err := readTermShard(out, fr.Record.Lang, k, termRefs(fr.Record.Lang)[k])
			if err != nil {
				t.Fatalf("terms shard %d of %s: %v", k, fr.Record.Lang, err)
			}
			i := slices.IndexFunc(ts, func(ft fileTerms) bool { return ft.File == fr.File })
			if i < 0 || len(ts[i].Terms) == 0 || fr.Record.AnalyzedSum != textSum(ts[i].Terms)|1 || !fr.Record.Located {
				t.Errorf("the record of %s lacks its terms or location", fr.File)
			}
			records = append(records, fr.File)
		}
		for _, fs := range sd.Sources {
			sources = append(sources, fs.File)
		}
	}
	slices.Sort(records)
	slices.Sort(sources)
	if !slices.Equal(records, md) {
		t.Errorf("records of\n%v\nwant one per page file\n%v", records, md)
	}
	if !slices.Equal(sources, md) {
		t.Errorf("sources of\n%v\nwant one per Markdown file\n%v", sources, md)
	}
	noStreams := func() {
		t.Helper()
		for _, dir := range []string{out, it.dir} {
			if left, _ := filepath.Glob(filepath.Join(dir, ".loa-cache-*")); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		}
	}
	noStreams()
	// The warm build after it uses what the streams wrote.
	name := "content/news/tin-02.vi.md"
	it.write(name, it.files[name]+"\nThêm.\n")
	res, warm = it.warmBuild(Options{})
	if !warm {
		t.Fatalf("the build after a whole one did not use the cache\n%s", diagText(res))
	}
	it.checkCold("after a streamed cache", res, Options{})
	// A shard that cannot be put in place (a folder where it goes).
	if err := os.Remove(cachePath(out)); err != nil {
		t.Fatal(err)
	}
	bad := shardPath(out, 5)
	if err := os.Remove(bad); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(bad, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	it.step()
	res, warm = it.warmBuild(Options{})
	if warm || !strings.Contains(diagText(res), "the build cache could not be written") {
		t.Errorf("a shard not put in place: warm %v\n%s", warm, diagText(res))
	}
	it.checkCold("shard not put in place", res, Options{})
	noStreams()
	if _, err := os.Stat(cachePath(out)); err == nil {
		t.Error("a main file was written without all its shards")
	}
	if err := os.RemoveAll(bad); err != nil {
		t.Fatal(err)
	}
	it.step()
	res, warm = it.warmBuild(Options{})
	if warm || strings.Contains(diagText(res), "build cache") {
		t.Errorf("after a cache not written: warm %v\n%s", warm, diagText(res))
	}
	it.checkCold("after a cache not written", res, Options{})
	if _, warm := it.warmBuild(Options{}); !warm {
		t.Error("the cache is not written again")
	}
}

// TestDecodeShard: a shard of several frames (a whole build's, written
// a record at a time, then the sources) and one written at once (a warm
// build's) decode to the same records and sources, with room made for
// them or none; an empty shard (no page) decodes to nothing; a shard cut
// inside a frame, or with a byte changed in a length or kind, does not
// decode (one cut between frames does, to fewer: the main file's size and
// checksum of each shard are what find that).
func TestDecodeShard(t *testing.T) {
	recs := []fileRecord{{File: "a.md", Record: cachedRecord{Title: "A", AnalyzedSum: 3}}, {File: "b.md", Record: cachedRecord{Title: "B"}}}
	srcs := []fileSource{{File: "a.md"}, {File: "b.md"}}
	terms := []fileTerms{{File: "a.md", Terms: []byte{1, 2}}, {File: "b.md"}}
	var many []byte
	for _, v := range []shardData{{Records: recs[:1]}, {Records: recs[1:]}, {Terms: terms[:1]}, {Terms: terms[1:]}, {Sources: srcs}} {
		var err error
		if many, err = appendShard(many, &v); err != nil {
			t.Fatal(err)
		}
	}
	one, err := appendShard(nil, &shardData{Records: recs, Sources: srcs, Terms: terms})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(many, one) {
		t.Error("a shard written a record at a time differs from one written at once")
	}
	for _, data := range [][]byte{many, one} {
		for _, room := range []int{0, 1, 2} {
			sd := shardData{Records: make([]fileRecord, 0, room), Sources: make([]fileSource, 0, room)}
			if err := decodeShard(data, &sd); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(sd.Records, recs) || !reflect.DeepEqual(sd.Sources, srcs) || !reflect.DeepEqual(sd.Terms, terms) {
				t.Errorf("room %d: got %+v %+v %+v", room, sd.Records, sd.Sources, sd.Terms)
			}
		}
	}
	var sd shardData
	if err := decodeShard(nil, &sd); err != nil || sd.Records != nil || sd.Sources != nil {
		t.Errorf("an empty shard: %v %+v", err, sd)
	}
	for n := 1; n < len(one); n++ {
		var sd shardData
		if decodeShard(one[:n], &sd) == nil && len(sd.Records)+len(sd.Sources)+len(sd.Terms) >= len(recs)+len(srcs)+len(terms) {
			t.Errorf("a shard cut at %d of %d bytes decoded whole", n, len(one))
		}
	}
	bad := slices.Clone(one)
	bad[1] = 'x' // the first frame's kind
	if decodeShard(bad, &shardData{}) == nil {
		t.Error("a frame of an unknown kind decoded")
	}
	bad = slices.Clone(one)
	bad[0]-- // the first frame's length: one byte of it left over
	if decodeShard(bad, &shardData{}) == nil {
		t.Error("a frame of the wrong length decoded")
	}
}

// TestShardCodec holds every field of fileRecord, fileSource and fileTerms through
// the shard codec: values with every field filled (by fill, which walks
// the types, so that a field added to any of them is filled too and
// fails the test until the codec writes it) come back equal, and so do
// the zero values.
func TestShardCodec(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 26))
	for round := range 50 {
		var want shardData
		for range 1 + rng.IntN(3) {
			var fr fileRecord
			fill(reflect.ValueOf(&fr).Elem(), rng, 0)
			want.Records = append(want.Records, fr)
			var fs fileSource
			fill(reflect.ValueOf(&fs).Elem(), rng, 0)
			want.Sources = append(want.Sources, fs)
			var ft fileTerms
			fill(reflect.ValueOf(&ft).Elem(), rng, 0)
			want.Terms = append(want.Terms, ft)
		}
		want.Records = append(want.Records, fileRecord{})
		want.Sources = append(want.Sources, fileSource{})
		want.Terms = append(want.Terms, fileTerms{})
		data, err := appendShard(nil, &want)
		if err != nil {
			t.Fatal(err)
		}
		var got shardData
		if err := decodeShard(data, &got); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\n%+v\nwant\n%+v", round, got, want)
		}
		// The decoded slices are parts of a few arrays (slabs): each must
		// end where it ends, so that appending to one copies it rather
		// than writing over the next.
		for i := range got.Records {
			fullSlices(t, reflect.ValueOf(got.Records[i]), "record")
		}
		for i := range got.Sources {
			fullSlices(t, reflect.ValueOf(got.Sources[i]), "source")
		}
	}
}

// fullSlices fails t for each slice within v whose capacity is more than
// its length.
func fullSlices(t *testing.T, v reflect.Value, at string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Slice:
		if v.Cap() != v.Len() {
			t.Errorf("%s: capacity %d, length %d", at, v.Cap(), v.Len())
		}
		for i := range v.Len() {
			fullSlices(t, v.Index(i), fmt.Sprintf("%s[%d]", at, i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fullSlices(t, v.Field(i), at+"."+v.Type().Field(i).Name)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			fullSlices(t, it.Value(), fmt.Sprintf("%s[%v]", at, it.Key()))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			fullSlices(t, v.Elem(), at)
		}
	}
}

// TestShardReferences: a string a frame has written already is written
// again as a reference (a shard of a record and a source repeating their
// file is smaller than the strings in full), read back as the string; a
// reference to no string written before it, or one in another frame,
// makes the shard damaged.
func TestShardReferences(t *testing.T) {
	const file = "content/news/a-rather-long-name-of-a-page.en.md"
	dest := "../../news/another-rather-long-name/"
	want := shardData{
		Records: []fileRecord{{File: file, Record: cachedRecord{Path: "/en/news/a/", Lang: "en",
			Links:      []cachedLink{{Dest: dest, URL: dest}, {Dest: dest, URL: dest}},
			CheckLinks: []markdown.Link{{Dest: dest, URL: dest}}}}},
		Sources: []fileSource{{File: file, Source: cachedSource{Slug: "abc"}}},
	}
	fm := &want.Sources[0].Source.FrontMatter
	fm.Keys = sliceOf(fm.Keys, 3)
	for i, k := range []string{"title", "date", "tags"} {
		fm.Keys[i].Key, fm.Keys[i].Pos = k, diag.Position{File: file, Line: i + 2, Col: 1}
	}
	data, err := appendShard(nil, &want)
	if err != nil {
		t.Fatal(err)
	}
	if full := 5*len(file) + 6*len(dest); len(data) >= full {
		t.Errorf("a shard of %d bytes: the strings in full are %d", len(data), full)
	}
	var got shardData
	if err := decodeShard(data, &got); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("%v\n%+v\nwant\n%+v", err, got, want)
	}
	// A frame of a source whose file is a reference: to nothing, then
	// (two frames) to the string of the frame before.
	bad := []byte{frameSource, 1}
	if err := decodeShard(append([]byte{byte(len(bad))}, bad...), &shardData{}); err == nil {
		t.Error("a reference to no string: not damaged")
	}
	var e enc
	e.frame(frameTerms, func() { e.bytes(nil); e.str(file) })
	e.frame(frameTerms, func() { e.bytes(nil); e.b = append(e.b, 1) })
	if err := decodeShard(e.b, &shardData{}); err == nil {
		t.Error("a reference to another frame's string: not damaged")
	}
}

// TestInsertChecks: the checks' problems go where slices.Insert puts
// them, in their own array when it has room.
func TestInsertChecks(t *testing.T) {
	mk := func(from, n, room int) diag.List {
		l := make(diag.List, n, n+room)
		for k := range l {
			l[k].Message = fmt.Sprint(from + k)
		}
		return l
	}
	for _, n := range []int{0, 1, 4} {
		for i := range n + 1 {
			for _, room := range []int{0, n - 1, n, n + 3} {
				if room < 0 {
					continue
				}
				l, found := mk(0, n, 0), mk(100, 5, room)
				want := slices.Insert(slices.Clone(l), i, found...)
				got := insertChecks(l, i, found)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("n %d at %d room %d: %v, want %v", n, i, room, got, want)
				}
				if inRoom := room >= n && len(got) > 0; inRoom != (&got[:1][0] == &found[:1][0]) {
					t.Errorf("n %d at %d room %d: in found's array %v", n, i, room, !inRoom)
				}
			}
		}
	}
}

// TestMainCodec holds every exported field of cacheState (the main
// file's payload) through appendState and decodeState, as TestShardCodec
// does for the shards, and the zero value; a payload cut short or with a
// byte more does not decode.
func TestMainCodec(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 26))
	for round := range 50 {
		var want cacheState
		if round > 0 {
			fill(reflect.ValueOf(&want).Elem(), rng, 0)
		}
		data := appendState(nil, &want)
		var got cacheState
		if err := decodeState(data, &got); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\n%+v\nwant\n%+v", round, got, want)
		}
		fullSlices(t, reflect.ValueOf(got), "state") // (see TestShardCodec)
		if decodeState(data[:len(data)-1], &cacheState{}) == nil || decodeState(append(data, 0), &cacheState{}) == nil {
			t.Fatalf("round %d: a payload cut short or longer decoded", round)
		}
	}
}

// fill sets every field v holds to a value that is not zero (slices and
// maps of one to three elements, nested down to depth 3), times at a
// whole second in UTC, as the codec keeps them.
func fill(v reflect.Value, rng *rand.Rand, depth int) {
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Unix(rng.Int64N(4e9), 0).UTC()))
		return
	}
	switch v.Kind() {
	case reflect.String:
		// (one in three from a few, some shorter than refMin: a shard
		// writes a string it has written already as a reference)
		if rng.IntN(3) == 0 {
			v.SetString([]string{"", "ab", "abc", "abcd", "content/a.md", "../b/"}[rng.IntN(6)])
			return
		}
		v.SetString(fmt.Sprintf("s%dà\n", rng.IntN(1000)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := rng.Int64N(1<<20) + 1
		if v.Kind() == reflect.Int64 && rng.IntN(2) == 0 {
			n = -n << 30
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := rng.Uint64N(200) + 1
		if v.Kind() == reflect.Uint64 {
			n = rng.Uint64() | 1
		}
		v.SetUint(n)
	case reflect.Float64:
		v.SetFloat(rng.Float64() + 0.5)
	case reflect.Struct:
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			fill(v.Field(i), rng, depth+1)
		}
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), rng, depth+1)
		}
	case reflect.Slice:
		if depth > 3 && v.Type().Elem().Kind() == reflect.Struct {
			return // (StoredArg holds StoredArgs)
		}
		n := 1 + rng.IntN(3)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(v.Index(i), rng, depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 1 + rng.IntN(3) {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, rng, depth+1)
			fill(e, rng, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic("fill: no value for " + v.Type().String())
	}
}

// BenchmarkDecodeShard decodes a shard of 160 records, terms and sources shaped
// like those of the benchmark corpus (10,000 pages per language makes
// 20,000 in 128 shards), written with the shard codec and, for
// comparison, as the encoding/gob stream of shardData values (one per
// record) that cacheFormat 10 wrote.
func BenchmarkDecodeShard(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 26))
	var sd shardData
	for i := range 160 {
		var fr fileRecord
		fill(reflect.ValueOf(&fr).Elem(), rng, 2) // slices of structs one level down
		fr.File = fmt.Sprintf("guidance/page-%d.vi.md", i)
		ft := fileTerms{File: fr.File, Terms: make([]byte, 6000+rng.IntN(6000))}
		for j := range ft.Terms {
			ft.Terms[j] = byte(rng.Uint32())
		}
		sd.Terms = append(sd.Terms, ft)
		for range 30 {
			fr.Record.Location.Texts = append(fr.Record.Location.Texts, strings.Repeat("Chữ trên một dòng. ", 4))
			fr.Record.Location.Lines = append(fr.Record.Location.Lines, int32(rng.IntN(200)))
		}
		sd.Records = append(sd.Records, fr)
		var fs fileSource
		fill(reflect.ValueOf(&fs).Elem(), rng, 2)
		sd.Sources = append(sd.Sources, fs)
	}
	codec, err := appendShard(nil, &sd)
	if err != nil {
		b.Fatal(err)
	}
	var stream bytes.Buffer
	enc := gob.NewEncoder(&stream)
	for i := range sd.Records {
		if err := enc.Encode(&shardData{Records: sd.Records[i : i+1]}); err != nil {
			b.Fatal(err)
		}
	}
	if err := enc.Encode(&shardData{Sources: sd.Sources}); err != nil {
		b.Fatal(err)
	}
	b.Run("codec", func(b *testing.B) {
		b.SetBytes(int64(len(codec)))
		for b.Loop() {
			var got shardData
			if err := decodeShard(codec, &got); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gob", func(b *testing.B) {
		b.SetBytes(int64(stream.Len()))
		for b.Loop() {
			dec := gob.NewDecoder(bytes.NewReader(stream.Bytes()))
			var got shardData
			for {
				v := shardData{}
				if err := dec.Decode(&v); err != nil {
					break
				}
				got.Records = append(got.Records, v.Records...)
				got.Sources = append(got.Sources, v.Sources...)
			}
		}
	})
}

// TestDetHash holds detHash, which sums what is written as it comes, to
// textSum of all of it at once (the keys the cache keeps from earlier
// builds must not change), for writes of every size around its buffer's,
// through Write, WriteString and WriteByte, and after Reset.
func TestDetHash(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 24))
	h := pooledDetHash()
	defer h.put()
	for round := range 200 {
		h.Reset()
		var all []byte
		for range rng.IntN(12) {
			n := rng.IntN(3 * detChunk)
			if rng.IntN(3) == 0 {
				n = rng.IntN(8)
			}
			p := make([]byte, n)
			for i := range p {
				p[i] = byte(rng.Uint32())
			}
			all = append(all, p...)
			switch rng.IntN(3) {
			case 0:
				h.Write(p)
			case 1:
				h.WriteString(string(p))
			default:
				for _, c := range p {
					h.WriteByte(c)
				}
			}
			if got, want := h.Sum64(), textSum(all); got != want {
				t.Fatalf("round %d, after %d bytes: Sum64 %x, textSum %x", round, len(all), got, want)
			}
		}
	}
}

// FuzzDecodeShard gives decodeShard and decodeState any bytes, as a shard
// or main file spoilt on disk would be (their checksums catch damage by
// chance, not a file made to pass them): each is refused or decodes to a
// value that is written and read back the same, and neither panics.
func FuzzDecodeShard(f *testing.F) {
	rng := rand.New(rand.NewPCG(13, 26))
	var sd shardData
	var fr fileRecord
	fill(reflect.ValueOf(&fr).Elem(), rng, 0)
	var fs fileSource
	fill(reflect.ValueOf(&fs).Elem(), rng, 0)
	sd.Records, sd.Sources = []fileRecord{fr, {}}, []fileSource{fs, {}}
	shard, err := appendShard(nil, &sd)
	if err != nil {
		f.Fatal(err)
	}
	var st cacheState
	fill(reflect.ValueOf(&st).Elem(), rng, 0)
	f.Add(shard)
	f.Add(appendState(nil, &st))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var sd shardData
		if decodeShard(data, &sd) == nil {
			again, err := appendShard(nil, &sd)
			if err != nil {
				t.Fatal(err)
			}
			var back shardData
			if err := decodeShard(again, &back); err != nil || !reflect.DeepEqual(back, sd) {
				t.Fatalf("a shard decoded, written again, reads back otherwise (%v):\n%+v\nwant\n%+v", err, back, sd)
			}
		}
		var st cacheState
		if decodeState(data, &st) == nil {
			var back cacheState
			if err := decodeState(appendState(nil, &st), &back); err != nil || !reflect.DeepEqual(back, st) {
				t.Fatalf("a main file decoded, written again, reads back otherwise (%v):\n%+v\nwant\n%+v", err, back, st)
			}
		}
	})
}

// TestWarmBuildRecordsMatchCold makes random edits of every kind and after
// each warm build compares the records and sources its cache holds, file
// by file, with those of the cache a whole build of the same files writes
// (into a folder of its own): a warm build lets go of the records of the
// shards it does not write again (letGoRecords), and writes again those
// holding a record or source it made or other counts (planShards), so a
// shard kept stale, or a record lost, shows here.
func TestWarmBuildRecordsMatchCold(t *testing.T) {
	steps := 12
	if testing.Short() {
		steps = 4
	}
	trustStamps(t)
	for seed := range uint64(2) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			it := newWarmTest(t, withPhotos(t, incSite(25)), 40+seed)
			it.warmBuild(Options{})
			for range steps {
				what, _ := it.step()
				if _, warm := it.warmBuild(Options{}); !warm {
					t.Fatalf("%s: the build did not use the cache", what)
				}
				whole := filepath.Join(it.dir, "whole")
				if err := os.RemoveAll(whole); err != nil {
					t.Fatal(err)
				}
				os.Remove(cachePath(whole))
				if res, err := Run(context.Background(), Options{Source: it.dir, Out: whole, Now: fixedNow}); err != nil {
					t.Fatalf("%s: whole build: %v\n%s", what, err, diagText(res))
				}
				warmRecs, warmSrcs := cacheRecords(t, it.dir, filepath.Join(it.dir, "public"))
				wholeRecs, wholeSrcs := cacheRecords(t, it.dir, whole)
				if len(warmRecs) != len(wholeRecs) || len(warmSrcs) != len(wholeSrcs) {
					t.Fatalf("%s: the warm build's cache holds %d records and %d sources, a whole build's %d and %d",
						what, len(warmRecs), len(warmSrcs), len(wholeRecs), len(wholeSrcs))
				}
				for f, r := range wholeRecs {
					// (AnalyzedSum hashes the terms, whose words are numbers
					// in the search dictionary, which grows with the builds
					// into an output: its numbers are the history's)
					got, ok := warmRecs[f]
					if ok {
						c := *got
						c.AnalyzedSum = r.AnalyzedSum
						got = &c
					}
					if !ok || !reflect.DeepEqual(*got, *r) {
						t.Errorf("%s: the warm build's cache holds another record of %s than a whole build's", what, f)
						if ok {
							g, w := reflect.ValueOf(*got), reflect.ValueOf(*r)
							for i := range g.NumField() {
								if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
									t.Logf("%s: %v\nwant %v", g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface())
								}
							}
						}
					}
				}
				for f, s := range wholeSrcs {
					if got, ok := warmSrcs[f]; !ok || !reflect.DeepEqual(*got, *s) {
						t.Errorf("%s: the warm build's cache holds another source of %s than a whole build's", what, f)
					}
				}
			}
		})
	}
}

// cacheRecords reads the cache of the output out of the site in dir and
// returns its records and sources by file.
func cacheRecords(t *testing.T, dir, out string) (map[string]*cachedRecord, map[string]*cachedSource) {
	t.Helper()
	b, err := newBuilder(Options{Source: dir, Out: out, Now: fixedNow, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	b.ctx = context.Background()
	st, d := b.readCache()
	if st == nil {
		t.Fatalf("no cache beside %s (%v)", out, d)
	}
	return st.records, st.sources
}

// TestWriteCacheInPieces: writeCache writes the main file in pieces as it
// encodes it (enc.spill), the checksum put in its place last; a state of
// several times spillSize reads back (readCache) as it was written, and
// its bytes are those appendState makes in one piece.
func TestWriteCacheInPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 31))
	var want cacheState
	fill(reflect.ValueOf(&want).Elem(), rng, 0)
	want.Shards = make([]shardRef, recordShards) // (readCache reads them: empty files)
	want.Files = map[string]cachedFile{}
	for i := range 20000 {
		want.Files[fmt.Sprintf("tin/trang-%05d/index.html", i)] = cachedFile{Owner: fmt.Sprint("page:", i), Size: int64(i), ModTime: rng.Int64()}
	}
	want.PageFiles = nil
	for i := range 9000 {
		want.PageFiles = append(want.PageFiles, fmt.Sprintf("content/tin/trang-%05d.vi.md", i))
	}
	dir := t.TempDir()
	b := &builder{out: filepath.Join(dir, "public")}
	b.ctx = context.Background()
	if err := b.writeCache(&want); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(cachePath(b.out))
	if err != nil {
		t.Fatal(err)
	}
	header := fmt.Sprintf("%s%d\n", cacheMagic, cacheFormat)
	if payload := data[len(header)+cacheSumSize:]; len(payload) < 4*spillSize {
		t.Fatalf("the payload is %d bytes, not several pieces", len(payload))
	} else if !bytes.Equal(payload, appendState(nil, &want)) {
		// (maps in no particular order: decode and compare instead)
		var one cacheState
		if err := decodeState(payload, &one); err != nil || !reflect.DeepEqual(one, want) {
			t.Fatalf("the payload written in pieces does not decode to the state (%v)", err)
		}
	}
	for k := range recordShards {
		if err := os.WriteFile(shardPath(b.out, k), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, d := b.readCache()
	if got == nil {
		t.Fatalf("the cache written in pieces does not read back: %v", d)
	}
	got.records, got.sources = nil, nil
	if !reflect.DeepEqual(*got, want) {
		t.Fatal("the cache written in pieces reads back as another state")
	}
}
