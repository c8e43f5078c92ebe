package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCacheInputSavedDuringBuild: an input the cache keys as a whole
// (site.yaml, search.yaml, an attachment, a file under content/ no page
// owns, the site's own templates and static files) saved again while a
// build runs, after the build read it. The build makes the output of the
// version it read; the next build, with nothing edited since, must not
// trust the cache as if it had been made from the version saved: its
// output and problems are those of a cold build of the files as they are.
// Each twice: with the cache of the build before, and without (a whole
// build, which reads the templates before it keys the cache). (A save
// during a build once kept the old site.yaml's pages through
// every later warm build: globalKey read site.yaml again after the
// build.)
func TestCacheInputSavedDuringBuild(t *testing.T) {
	// The margin small, and the edits before a build older than it, so
	// that only a save during the build is racy (a file's change time
	// has the kernel's coarse clock: a few ms).
	defer func(m time.Duration) { afterLoad, racyMargin = nil, m }(racyMargin)
	racyMargin = 50 * time.Millisecond
	data, err := os.ReadFile("../../templates/partials/footer.html") // (loa's own)
	if err != nil {
		t.Fatal(err)
	}
	footer := string(data)
	if !strings.Contains(footer, "</footer>") {
		t.Fatal("no </footer> in loa's footer")
	}
	for _, c := range []struct {
		name string
		edit func(text string, n int) string
	}{
		{"content/site.yaml", func(text string, n int) string {
			return strings.Replace(text, "Trang thử", "Trang thử "+string(rune('A'+n)), 1)
		}},
		{"content/search.yaml", func(text string, n int) string {
			return "boost:\n  news: " + string(rune('2'+n)) + "\n"
		}},
		{"content/plan/164/van-ban.txt", func(text string, n int) string {
			return "bản " + string(rune('A'+n)) + "\n"
		}},
		{"content/ghi-chu.txt", func(text string, n int) string {
			return "ghi chú " + string(rune('A'+n)) + "\n"
		}},
		{"static/css/them.css", func(text string, n int) string {
			return ".them { color: #" + strings.Repeat(string(rune('1'+n)), 3) + "; }\n"
		}},
		{"templates/partials/footer.html", func(text string, n int) string {
			return strings.Replace(footer, "</footer>", "<p>Ghi chú "+string(rune('A'+n))+"</p></footer>", 1)
		}},
	} {
		for _, cold := range []bool{false, true} {
			t.Run(fmt.Sprint(strings.ReplaceAll(c.name, "/", "_"), " cold=", cold), func(t *testing.T) {
				files := incSite(3)
				files["content/ghi-chu.txt"] = "ghi chú\n"
				files["content/news/tin-00.vi.md"] += "\nXem [ghi chú](../ghi-chu.txt).\n"
				files["static/css/them.css"] = ".them { color: #000; }\n"
				files["templates/partials/footer.html"] = footer
				it := newWarmTest(t, files, 1)
				it.warmBuild(Options{})
				// The build reads version 1; version 2 is saved meanwhile.
				it.write(c.name, c.edit(it.files[c.name], 1))
				if cold {
					// (a build with no cache reads the templates first)
					if err := os.RemoveAll(filepath.Join(it.dir, CacheDir)); err != nil {
						t.Fatal(err)
					}
				}
				time.Sleep(4 * racyMargin)
				afterLoad = func() {
					afterLoad = nil
					it.write(c.name, c.edit(it.files[c.name], 2))
				}
				it.warmBuild(Options{})
				if afterLoad != nil {
					t.Fatal("the build did not run afterLoad")
				}
				got, _ := it.warmBuild(Options{})
				it.checkCold("the build after a save during a build", got, Options{})
			})
		}
	}
}

// TestCacheFolderIsAFile: a file where the cache's folder goes (CacheDir)
// does not stop a build: it warns that the cache cannot be kept in a
// file, and to delete it (in words a writer knows: no Go error), builds
// the whole site without it, and leaves the file alone. (A folder loa
// may not write in takes the same path with the general warning, which
// a test run as root cannot reach.)
func TestCacheFolderIsAFile(t *testing.T) {
	it := newWarmTest(t, incSite(3), 1)
	it.warmBuild(Options{})
	dir := filepath.Join(it.dir, CacheDir)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		it.write("content/news/tin-00.vi.md", it.files["content/news/tin-00.vi.md"]+fmt.Sprintf("\nThêm %d.\n", i))
		got, used := it.warmBuild(Options{})
		if used {
			t.Fatal("a cache was used")
		}
		warned := 0
		for _, d := range got.Diagnostics {
			if d.Message == ".loa-cache is a file, not a folder, so the build cache cannot be kept in it; this build builds the whole site without it" &&
				d.Hint == "delete the file .loa-cache beside the output folder: loa makes the folder itself, and deleting it is always safe" && d.Pos.File == dir {
				warned++
			}
		}
		if warned != 1 {
			t.Errorf("build %d: %d warnings that the cache cannot be kept, want 1:\n%s", i, warned, diagText(got))
		}
		it.checkCold(fmt.Sprint("build ", i, " with a file for the cache's folder"), got, Options{})
		if data, err := os.ReadFile(dir); err != nil || string(data) != "not a folder\n" {
			t.Fatalf("the file in the cache folder's place: %q, %v", data, err)
		}
	}
}

// TestNoCacheOldCacheStays: a --no-cache build that cannot delete the old
// build cache (removeCacheFile fails as in a read-only folder) says so
// once and builds the site; the warm builds after it, which find the old
// cache describing an older output, make the output of a cold build. A
// file where CacheDir goes is no cache, and nothing to warn about.
func TestNoCacheOldCacheStays(t *testing.T) {
	it := newWarmTest(t, incSite(3), 1)
	it.warmBuild(Options{})
	out := filepath.Join(it.dir, "public")
	main := cachePath(out)
	warnings := func(res Result) int {
		n := 0
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, "the old build cache could not be deleted") && d.Pos.File == main {
				n++
			}
		}
		return n
	}
	noCache := func(what string, want int) {
		t.Helper()
		res, err := Run(context.Background(), Options{Source: it.dir, Out: out, Now: fixedNow, NoCache: true})
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, diagText(res))
		}
		if n := warnings(res); n != want {
			t.Errorf("%s: %d warnings that the old cache could not be deleted, want %d:\n%s", what, n, want, diagText(res))
		}
	}
	removeCacheFile = func(name string) error { return &fs.PathError{Op: "remove", Path: name, Err: syscall.EROFS} }
	it.write("content/news/tin-00.vi.md", it.files["content/news/tin-00.vi.md"]+"\nThêm.\n")
	noCache("--no-cache, the cache not deletable", 1)
	removeCacheFile = os.Remove
	if _, err := os.Stat(main); err != nil {
		t.Fatalf("the old cache is gone: %v", err)
	}
	got, _ := it.warmBuild(Options{})
	it.checkCold("the next build, no edit", got, Options{})
	it.write("content/news/tin-01.vi.md", it.files["content/news/tin-01.vi.md"]+"\nThêm nữa.\n")
	got, _ = it.warmBuild(Options{})
	it.checkCold("the build after, one edit", got, Options{})

	dir := filepath.Join(it.dir, CacheDir)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noCache("--no-cache with a file for CacheDir", 0)
}

// TestNoCacheLeavesLockedCache: a --no-cache build while a warm build of
// the same output holds the cache folder's lock (here the test holds it)
// leaves the cache alone, without a warning: deleted under the warm
// build, its cache was not written and the warning blamed the folder's
// permissions. The build after, which finds a cache that describes the
// output before the --no-cache build, makes the output of a cold build.
func TestNoCacheLeavesLockedCache(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("LockDir locks nothing on Windows")
	}
	it := newWarmTest(t, incSite(3), 1)
	it.warmBuild(Options{})
	out := filepath.Join(it.dir, "public")
	before, err := os.ReadFile(cachePath(out))
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := LockDir(filepath.Dir(cachePath(out)))
	if err != nil {
		t.Fatal(err)
	}
	it.write("content/news/tin-00.vi.md", it.files["content/news/tin-00.vi.md"]+"\nThêm.\n")
	res, err := Run(context.Background(), Options{Source: it.dir, Out: out, Now: fixedNow, NoCache: true})
	unlock()
	if err != nil {
		t.Fatalf("--no-cache: %v\n%s", err, diagText(res))
	}
	if strings.Contains(diagText(res), "build cache") {
		t.Errorf("--no-cache with the cache locked warned:\n%s", diagText(res))
	}
	if after, err := os.ReadFile(cachePath(out)); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the locked cache was changed or deleted (%v)", err)
	}
	got, _ := it.warmBuild(Options{})
	it.checkCold("the build after", got, Options{})
}

// TestCacheAfterFailedWholeBuild: a whole build (after a site.yaml edit)
// that fails on a broken link, once the output's unchanged files are
// linked into its staging folder, leaves the output and no cache that
// would take the output as edited by hand: once both edits are undone, the
// next build says nothing of the output or the cache, and makes the
// output of a cold build.
func TestCacheAfterFailedWholeBuild(t *testing.T) {
	it := newWarmTest(t, incSite(3), 1)
	it.warmBuild(Options{})
	site, page := it.files["content/site.yaml"], it.files["content/news/tin-01.vi.md"]
	it.write("content/site.yaml", strings.Replace(site, "Trang thử", "Trang thử mới", 1))
	it.write("content/news/tin-01.vi.md", page+"\n[hỏng](khong-co.md)\n")
	res, err := Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow})
	if err == nil {
		t.Fatalf("a build with a broken link did not fail:\n%s", diagText(res))
	}
	it.write("content/site.yaml", site)
	it.write("content/news/tin-01.vi.md", page)
	got, _ := it.warmBuild(Options{})
	for _, d := range got.Diagnostics {
		if strings.Contains(d.Message, "build cache") {
			t.Errorf("after the failed build: %s: %s", d.Pos.File, d.Message)
		}
	}
	it.checkCold("the build after a failed whole build", got, Options{})
}
