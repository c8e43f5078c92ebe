package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/loa-ssg/loa/templates"
)

// incSite is the site the incremental tests edit: a directory, a footer
// page, a section in the menu whose title they change, news with tags
// (related news, latest news, tag pages, pagination at 20), a page bundle
// with an attachment that other pages link, a bundle without attachments,
// an alias and interface strings of the site's own.
func incSite(news int) map[string]string {
	files := map[string]string{
		"content/site.yaml": strings.Replace(directorySite[len("-- content/site.yaml --\n"):strings.Index(directorySite, "-- content/support/_index.vi.md --")],
			"review_days: 180\n", "review_days: 180\nmenu: [plan, news, support]\nfooter: [about]\n", 1),
		"content/i18n/vi.yaml":          "tag_a: Chủ đề A\n",
		"content/_index.vi.md":          "---\ntitle: Trang chủ\n---\nChào mừng. Xem [kế hoạch](plan/164/index.vi.md#muc-tieu).\n",
		"content/_index.en.md":          "---\ntitle: Home\n---\nWelcome. See [the plan](plan/164/index.en.md).\n",
		"content/about/_index.vi.md":    "---\ntitle: Giới thiệu\n---\nVề trang.\n",
		"content/about/_index.en.md":    "---\ntitle: About\n---\nAbout the site.\n",
		"content/plan/_index.vi.md":     "---\ntitle: Kế hoạch\nslug: ke-hoach\nweight: 1\n---\nCác kế hoạch.\n",
		"content/plan/_index.en.md":     "---\ntitle: Plans\nweight: 1\n---\nThe plans.\n",
		"content/plan/164/index.vi.md":  "---\ntitle: Kế hoạch 164\ndate: 2021-11-02\naliases: [/cu/ke-hoach/]\n---\n## Mục tiêu\n\nTải [văn bản](van-ban.txt).\n",
		"content/plan/164/index.en.md":  "---\ntitle: Plan 164\ndate: 2021-11-02\n---\n## Objectives\n\nGet [the text](van-ban.txt).\n",
		"content/plan/164/van-ban.txt":  "not a real document\n",
		"content/news/_index.vi.md":     "---\ntitle: Tin tức\nslug: tin-tuc\n---\nTin mới.\n",
		"content/news/_index.en.md":     "---\ntitle: News\n---\nThe news.\n",
		"content/guide/_index.vi.md":    "---\ntitle: Hướng dẫn\nslug: huong-dan\n---\nHướng dẫn.\n",
		"content/guide/_index.en.md":    "---\ntitle: Guidance\n---\nGuidance.\n",
		"content/guide/goi/index.vi.md": "---\ntitle: Gọi ai\n---\nGọi 111. Xem [kế hoạch](../../plan/164/index.vi.md).\n",
		"content/guide/goi/index.en.md": "---\ntitle: Whom to call\n---\nCall 111.\n",
		// (a boosted section: the pages of news reused by a warm build
		// must keep their boost in the search index)
		"content/search.yaml": "boost:\n  news: 2\n",
	}
	for name, text := range map[string]string{} {
		files[name] = text
	}
	dir := directorySite[strings.Index(directorySite, "-- content/support/_index.vi.md --"):]
	for _, f := range strings.Split(dir, "-- ")[1:] {
		name, text, _ := strings.Cut(f, " --\n")
		files[name] = text
	}
	for i := range news {
		for _, lang := range []string{"vi", "en"} {
			files[fmt.Sprintf("content/news/tin-%02d.%s.md", i, lang)] = newsItem(i, lang, fmt.Sprintf("2024-%02d-%02d", i%12+1, i%27+1), []string{"a", "b", "c"}[:i%3+1], "")
		}
	}
	return files
}

// newsItem is a news item's file.
func newsItem(i int, lang, date string, tags []string, extra string) string {
	title := fmt.Sprintf("Tin số %d", i)
	if lang == "en" {
		title = fmt.Sprintf("News item %d", i)
	}
	return fmt.Sprintf("---\ntitle: %s\ndate: %s\ntags: [%s]\n%s---\nNội dung %d.\n", title, date, strings.Join(tags, ", "), extra, i)
}

// readTree returns every file below dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree reports the differences between two output folders.
func sameTree(got, want map[string][]byte) []string {
	var diffs []string
	for name, data := range want {
		if g, ok := got[name]; !ok {
			diffs = append(diffs, "missing "+name)
		} else if !bytes.Equal(g, data) {
			diffs = append(diffs, "differs "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	slices.Sort(diffs)
	return diffs
}

// incTest is a site in a folder with a Session on it.
type incTest struct {
	t     *testing.T
	dir   string
	files map[string]string // the site's files as they are on disk
	s     *Session
	rng   *rand.Rand
	added int
}

func newIncTest(t *testing.T, files map[string]string, seed uint64) *incTest {
	t.Helper()
	it := &incTest{t: t, dir: t.TempDir(), files: map[string]string{}, rng: rand.New(rand.NewPCG(seed, 17))}
	for name, text := range files {
		it.write(name, text)
	}
	s, res, err := NewSession(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	it.s = s
	return it
}

func (it *incTest) write(name, text string) {
	it.t.Helper()
	p := filepath.Join(it.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		it.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		it.t.Fatal(err)
	}
	it.files[name] = text
}

func (it *incTest) remove(name string) {
	it.t.Helper()
	if err := os.Remove(filepath.Join(it.dir, filepath.FromSlash(name))); err != nil {
		it.t.Fatal(err)
	}
	delete(it.files, name)
}

// rebuild rebuilds after the named files (source-relative) changed, and
// returns the result.
func (it *incTest) rebuild(names ...string) Result {
	it.t.Helper()
	var changed []string
	for _, n := range names {
		changed = append(changed, filepath.Join(it.dir, filepath.FromSlash(n)))
	}
	res, err := it.s.Rebuild(context.Background(), changed)
	if err != nil {
		it.t.Fatalf("rebuild after %v: %v\n%s", names, err, diagText(res))
	}
	if err := it.s.Settle(); err != nil {
		it.t.Fatal(err)
	}
	return res
}

// check builds the site afresh into another folder and compares its
// output with the Session's, and its problems with those of got, the
// result of the Session's last rebuild, when it was an incremental one.
func (it *incTest) check(what string, got Result) {
	it.t.Helper()
	clean := filepath.Join(it.dir, "clean")
	res, err := Run(context.Background(), Options{Source: it.dir, Out: clean, Now: fixedNow, NoCache: true})
	if err != nil {
		it.t.Fatalf("%s: clean build: %v\n%s", what, err, diagText(res))
	}
	if got.Stages != nil && got.Stages[0].Name == "incremental" && diagText(got) != diagText(res) {
		it.t.Errorf("%s: problems differ from a clean build's:\n%s\nwant:\n%s", what, diagText(got), diagText(res))
	}
	if diffs := sameTree(readTree(it.t, filepath.Join(it.dir, "public")), readTree(it.t, clean)); len(diffs) > 0 {
		it.t.Fatalf("%s: the output differs from a clean build:\n%s", what, strings.Join(diffs, "\n"))
	}
	it.checkKeys(what)
}

// checkKeys holds the keys and refs the Session kept (some carried over
// from the build before, staleKeys) to those computed afresh.
func (it *incTest) checkKeys(what string) {
	it.t.Helper()
	b, st := it.s.b, it.s.state
	if len(st.order) != len(b.content.Pages) {
		it.t.Errorf("%s: %d entries kept in order for %d pages", what, len(st.order), len(b.content.Pages))
	}
	for i, p := range b.content.Pages {
		ps, ok := st.pages[p.File]
		if !ok {
			it.t.Errorf("%s: %s: nothing is kept of the page", what, p.File)
			continue
		}
		if i < len(st.order) && st.order[i] != ps {
			it.t.Errorf("%s: %s: the entry kept in order is not the page's", what, p.File)
		}
		if ps.record == nil {
			continue
		}
		key, refs := b.pageKeyRefs(p, ps.record)
		if ps.key != key || !slices.Equal(ps.refs, refs) {
			it.t.Errorf("%s: %s: the key kept is not the key of the page as it is", what, p.File)
		}
	}
	for _, e := range b.renderer.Extras() {
		if st.keys[extraOwner(e)] != b.inc.extraKey(e) {
			it.t.Errorf("%s: %s: the key kept is not the key of the generated page as it is", what, e.Path)
		}
	}
	if st.world != b.linkWorld(it.s.seed) {
		it.t.Errorf("%s: the link world kept is not that of the site as it is", what)
	}
	var h maphash.Hash
	h.SetSeed(it.s.seed)
	b.renderer.SitemapKey(&h)
	if st.keys[ownerSitemap] != h.Sum64() {
		it.t.Errorf("%s: the key of sitemap.xml kept is not that of the site as it is", what)
	}
	// The maps kept from build to build (updated in place, newState)
	// hold the pages and generated pages of the site as it is, no more.
	// (A page whose body alone was rebuilt has no record until the next
	// incremental rebuild converts it again.)
	owners := map[string]bool{ownerSitemap: true}
	for _, e := range b.renderer.Extras() {
		owners[extraOwner(e)] = true
	}
	if len(st.keys) != len(owners) {
		it.t.Errorf("%s: %d keys kept for %d generated pages and sitemap.xml", what, len(st.keys), len(owners))
	}
	for o := range st.keys {
		if !owners[o] {
			it.t.Errorf("%s: a key is kept for %s, which is no more", what, o)
		}
	}
	for f := range st.pages {
		if b.content.ByFile(f) == nil {
			it.t.Errorf("%s: a page's state is kept for %s, which is no more", what, f)
		}
	}
}

// edit sets a front-matter key of the file name and returns its name.
func (it *incTest) edit(name, key, value string) []string {
	it.write(name, setKey(it.files[name], key, value))
	return []string{name}
}

// pick returns one of the files whose names match, at random, or "".
func (it *incTest) pick(match func(string) bool) string {
	var names []string
	for name := range it.files {
		if match(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		return ""
	}
	return names[it.rng.IntN(len(names))]
}

func isNews(name string) bool {
	return strings.HasPrefix(name, "content/news/tin-") && strings.HasSuffix(name, ".md")
}

// setKey sets (or, with value "", removes) a front-matter key of a file.
func setKey(text, key, value string) string {
	head, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "---\n")
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(head, "\n"), "\n") {
		if !strings.HasPrefix(l, key+":") {
			lines = append(lines, l)
		}
	}
	if value != "" {
		lines = append(lines, key+": "+value)
	}
	return "---\n" + strings.Join(lines, "\n") + "\n---\n" + body
}

// step makes one random edit and returns what it did and the paths it
// changed.
func (it *incTest) step() (string, []string) {
	r := it.rng
	switch r.IntN(12) {
	case 0: // a body
		name := it.pick(func(n string) bool { return strings.HasSuffix(n, ".md") })
		it.write(name, it.files[name]+fmt.Sprintf("\nThêm %d.\n", r.IntN(1000)))
		return "body of " + name, []string{name}
	case 1: // a title
		name := it.pick(func(n string) bool { return strings.HasSuffix(n, ".md") })
		it.write(name, setKey(it.files[name], "title", fmt.Sprintf("Tiêu đề %d", r.IntN(1000))))
		return "title of " + name, []string{name}
	case 2: // a date
		name := it.pick(isNews)
		it.write(name, setKey(it.files[name], "date", fmt.Sprintf("20%02d-%02d-%02d", 20+r.IntN(6), 1+r.IntN(12), 1+r.IntN(28))))
		return "date of " + name, []string{name}
	case 3: // tags
		name := it.pick(isNews)
		tags := []string{"a", "b", "c", "d"}
		r.Shuffle(len(tags), func(i, j int) { tags[i], tags[j] = tags[j], tags[i] })
		it.write(name, setKey(it.files[name], "tags", "["+strings.Join(tags[:r.IntN(4)], ", ")+"]"))
		return "tags of " + name, []string{name}
	case 4: // weight
		name := it.pick(func(n string) bool { return strings.HasSuffix(n, ".md") && !strings.Contains(n, "_index") })
		it.write(name, setKey(it.files[name], "weight", fmt.Sprint(r.IntN(4))))
		return "weight of " + name, []string{name}
	case 5: // draft on or off
		name := it.pick(isNews)
		if strings.Contains(it.files[name], "draft: true") {
			it.write(name, setKey(it.files[name], "draft", ""))
		} else {
			it.write(name, setKey(it.files[name], "draft", "true"))
		}
		return "draft of " + name, []string{name}
	case 6: // a new news item, in one language or both
		it.added++
		i := 100 + it.added
		var names []string
		for _, lang := range []string{"vi", "en"}[:1+r.IntN(2)] {
			name := fmt.Sprintf("content/news/tin-%02d.%s.md", i, lang)
			it.write(name, newsItem(i, lang, fmt.Sprintf("2025-%02d-01", 1+r.IntN(12)), []string{"b", "d"}[:r.IntN(3)], ""))
			names = append(names, name)
		}
		return "new " + strings.Join(names, ", "), names
	case 7: // a page deleted
		name := it.pick(isNews)
		it.remove(name)
		return "deleted " + name, []string{name}
	case 8: // a page renamed
		name := it.pick(isNews)
		to := strings.Replace(name, "tin-", fmt.Sprintf("tin-%d-", r.IntN(100)), 1)
		text := it.files[name]
		it.remove(name)
		it.write(to, text)
		return "renamed " + name + " to " + to, []string{name, to}
	case 9: // a bundle renamed (the watcher names the folders)
		var from string
		for name := range it.files {
			if strings.HasPrefix(name, "content/guide/") && strings.HasSuffix(name, "/index.vi.md") {
				from = path.Dir(name)
			}
		}
		to := fmt.Sprintf("content/guide/goi-%d", r.IntN(1000))
		if err := os.Rename(filepath.Join(it.dir, filepath.FromSlash(from)), filepath.Join(it.dir, filepath.FromSlash(to))); err != nil {
			it.t.Fatal(err)
		}
		for name, text := range it.files {
			if strings.HasPrefix(name, from+"/") {
				delete(it.files, name)
				it.files[to+strings.TrimPrefix(name, from)] = text
			}
		}
		return "renamed " + from + " to " + to, []string{from, to}
	case 10: // an interface string: a tag's name, and one more shown on
		// every page, on a few, on news items, or read by Go code
		// (a generated page's title)
		more := []string{"", "main_menu: Mục lục %d\n", "in_this_section: Trong mục %d\n", "related_news: Tin liên quan %d\n", "tags: Chủ đề %d\n"}[r.IntN(5)]
		if more != "" {
			more = fmt.Sprintf(more, r.IntN(1000))
		}
		it.write("content/i18n/vi.yaml", fmt.Sprintf("tag_a: Chủ đề %d\n", r.IntN(1000))+more)
		return "interface strings", []string{"content/i18n/vi.yaml"}
	default: // the directory, or a section's title (the menu)
		if r.IntN(2) == 0 {
			name := "content/support/services/police.yaml"
			it.write(name, strings.Replace(it.files[name], "name: {vi: Công an", fmt.Sprintf("name: {vi: Công an %d", r.IntN(1000)), 1))
			return "directory", []string{name}
		}
		name := "content/news/_index.vi.md"
		it.write(name, setKey(it.files[name], "title", fmt.Sprintf("Tin %d", r.IntN(1000))))
		return "section title", []string{name}
	}
}

// TestIncrementalMatchesCleanBuild makes random edits of every kind (body,
// title, date, tags, weight, draft, new, deleted and renamed pages, a
// renamed bundle, interface strings, the directory, a menu section's
// title) to a site kept by a Session, and after each one compares the
// whole output with a clean build of the same files, byte for byte.
func TestIncrementalMatchesCleanBuild(t *testing.T) {
	steps := 20
	if testing.Short() {
		steps = 6
	}
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			it := newIncTest(t, incSite(25), seed)
			it.check("first build", Result{})
			for range steps {
				what, changed := it.step()
				res := it.rebuild(changed...)
				if res.Stages[0].Name != "incremental" && res.Stages[0].Name != "rebuild" {
					t.Errorf("%s: a whole build (%v)", what, res.Stages)
				}
				it.check(what, res)
			}
		})
	}
}

// benchRebuild runs an edit and an incremental rebuild per iteration on
// the benchmark corpus (writeCorpus) at the sizes of benchSizes, in a
// Session as loa serve keeps it. edit changes files in dir and returns the
// paths it changed; undo, when not nil, runs untimed after each rebuild
// (and is rebuilt, untimed) to bring the site back.
func benchRebuild(b *testing.B, edit func(dir string, n int) []string, undo func(dir string, n int) []string) {
	benchRebuildFrom(b, nil, edit, undo)
}

// benchRebuildFrom is benchRebuild on the corpus as setup, when not nil,
// changes it.
func benchRebuildFrom(b *testing.B, setup func(dir string), edit func(dir string, n int) []string, undo func(dir string, n int) []string) {
	outer := b // whose folders outlive each run of a size's benchmark
	for _, size := range benchSizes(b) {
		// The testing package runs a benchmark once (b.N 1) before the
		// b.N asked for (-benchtime 11x): the corpus and the Session made
		// for the first run serve the second, whose edits go on from the
		// first's (done counts them).
		var (
			dir  string
			s    *Session
			done int
		)
		b.Run(fmt.Sprintf("pages=%d", size), func(b *testing.B) {
			ctx := context.Background()
			if s == nil {
				dir = outer.TempDir()
				writeCorpus(b, dir, size)
				if setup != nil {
					setup(dir)
				}
				var res Result
				var err error
				s, res, err = NewSession(ctx, Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow})
				if err != nil {
					b.Fatalf("%v\n%s", err, diagText(res))
				}
			}
			rebuild := func(changed []string) {
				res, err := s.Rebuild(ctx, changed)
				if err != nil || res.Stages[0].Name != "incremental" {
					b.Fatalf("%v %v\n%s", err, res.Stages, diagText(res))
				}
				if os.Getenv("LOA_BENCH_STAGES") != "" {
					b.Logf("%v, %d files written, %v", res.Pages, res.Files, res.Stages)
				}
			}
			if prof := os.Getenv("LOA_BENCH_CPUPROFILE"); prof != "" {
				// The timed rebuilds only (go test -cpuprofile would
				// include making the corpus and the first build).
				f, err := os.Create(prof)
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				runtime.GC()
				if err := pprof.StartCPUProfile(f); err != nil {
					b.Fatal(err)
				}
				defer pprof.StopCPUProfile()
			}
			if prof := os.Getenv("LOA_BENCH_MEMPROFILE"); prof != "" {
				// What the timed rebuilds allocate: compare with
				// go tool pprof -sample_index=alloc_space -diff_base prof.base prof.
				writeHeap := func(name string) {
					runtime.GC()
					f, err := os.Create(name)
					if err == nil {
						err = errors.Join(pprof.WriteHeapProfile(f), f.Close())
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				writeHeap(prof + ".base")
				defer writeHeap(prof)
			}
			b.ReportAllocs()
			b.ResetTimer()
			var cpu time.Duration // of the timed rebuilds: the machine may be shared
			each := make([]time.Duration, 0, b.N)
			for i := range b.N {
				n := done + i
				changed := edit(dir, n)
				before := cpuTime()
				rebuild(changed)
				d := cpuTime() - before
				cpu += d
				each = append(each, d)
				if undo != nil {
					b.StopTimer()
					rebuild(undo(dir, n))
					b.StartTimer()
				}
			}
			done += b.N
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			// The median rebuild too: one slow rebuild (a shared machine,
			// a collection of the last one's garbage) moves the mean.
			slices.Sort(each)
			b.ReportMetric(float64(each[len(each)/2].Microseconds())/1000, "cpu-med-ms/op")
		})
	}
}

// editFile rewrites the corpus file name (relative to content/) with fn
// and returns its path.
func editFile(b *testing.B, dir, name string, fn func(string) string) []string {
	p := filepath.Join(dir, "content", filepath.FromSlash(name))
	text, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(fn(string(text))), 0o644); err != nil {
		b.Fatal(err)
	}
	return []string{p}
}

// BenchmarkRebuildTitle changes a news item's title (front matter): the
// item, the lists showing it (its section's page, tag pages, related and
// latest news) and the site-wide files are rendered again.
func BenchmarkRebuildTitle(b *testing.B) {
	benchRebuild(b, func(dir string, n int) []string {
		return editFile(b, dir, "news/trang-00002.vi.md", func(s string) string {
			return setKey(s, "title", fmt.Sprintf("Tiêu đề mới %d", n))
		})
	}, nil)
}

// BenchmarkRebuildTags changes a page's tags.
func BenchmarkRebuildTags(b *testing.B) {
	benchRebuild(b, func(dir string, n int) []string {
		return editFile(b, dir, "plan/trang-00004.vi.md", func(s string) string {
			return setKey(s, "tags", []string{"[a, c]", "[a, b]"}[n%2])
		})
	}, nil)
}

// BenchmarkRebuildDate moves a news item to the top of the news (its
// date), where every news item lists it as latest news.
func BenchmarkRebuildDate(b *testing.B) {
	benchRebuild(b, func(dir string, n int) []string {
		return editFile(b, dir, "news/trang-00002.vi.md", func(s string) string {
			return setKey(s, "date", []string{"2030-01-01", "2024-03-03"}[n%2])
		})
	}, nil)
}

// BenchmarkRebuildWeight changes a page's weight (its place in its
// section's list).
func BenchmarkRebuildWeight(b *testing.B) {
	benchRebuild(b, func(dir string, n int) []string {
		return editFile(b, dir, "plan/trang-00004.vi.md", func(s string) string {
			return setKey(s, "weight", []string{"3", ""}[n%2])
		})
	}, nil)
}

// BenchmarkRebuildDraft makes a news item that no page links (newPage) a
// draft and publishes it again (untimed): its page is deleted, and the
// lists, tags, A–Z and feeds showing it change.
func BenchmarkRebuildDraft(b *testing.B) {
	benchRebuildFrom(b, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "content", "news", "moi.vi.md"), []byte(newPage), 0o644); err != nil {
			b.Fatal(err)
		}
	}, func(dir string, n int) []string {
		return editFile(b, dir, "news/moi.vi.md", func(s string) string {
			return setKey(s, "draft", "true")
		})
	}, func(dir string, n int) []string {
		return editFile(b, dir, "news/moi.vi.md", func(s string) string {
			return setKey(s, "draft", "")
		})
	})
}

// BenchmarkRebuildDirectory changes a service provider's description in
// the directory (a YAML file of content/support/services/).
func BenchmarkRebuildDirectory(b *testing.B) {
	benchRebuildFrom(b, func(dir string) {
		site := filepath.Join(dir, "content", "site.yaml")
		text, err := os.ReadFile(site)
		if err == nil {
			text = append(text, "categories: [{id: legal-aid, name: {vi: Trợ giúp pháp lý, en: Legal aid}}]\nareas: [{id: hung-yen, name: {vi: Hưng Yên, en: Hưng Yên}}]\n"...)
			err = os.WriteFile(site, text, 0o644)
		}
		if err == nil {
			err = os.MkdirAll(filepath.Join(dir, "content", "support", "services"), 0o755)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "content", "support", "services", "legal.yaml"), []byte(benchProvider("Tư vấn.")), 0o644)
		}
		if err != nil {
			b.Fatal(err)
		}
	}, func(dir string, n int) []string {
		p := filepath.Join(dir, "content", "support", "services", "legal.yaml")
		if err := os.WriteFile(p, []byte(benchProvider(fmt.Sprintf("Tư vấn lần %d.", n))), 0o644); err != nil {
			b.Fatal(err)
		}
		return []string{p}
	}, nil)
}

// benchProvider is a directory file of one provider whose Vietnamese
// description is desc.
func benchProvider(desc string) string {
	return "id: legal\nname: {vi: Trợ giúp pháp lý, en: Legal aid}\ndescription: {vi: " + desc + ", en: Advice.}\nchecked: 2026-11-20\n" +
		"sources: [{url: \"https://example.vn/a\", date: 2024-01-15, title: Trang A}]\n" +
		"services:\n  - id: s\n    name: {vi: Tư vấn, en: Advice}\n    categories: [legal-aid]\n    areas: [hung-yen]\n    phones: [{number: \"0221 3862 000\"}]\n"
}

// newPage is a page of the corpus that no other page links, so that it
// can be deleted or renamed.
const newPage = "---\ntitle: Trang mới\ndate: 2024-01-01\ntags: [a]\n---\nNội dung.\n"

// newPageEdits returns the edits that add newPage as content/plan/moi.vi.md
// to a corpus folder and remove it again, each returning the file changed.
func newPageEdits(b *testing.B) (add, remove func(dir string, n int) []string) {
	name := func(dir string) string { return filepath.Join(dir, "content", "plan", "moi.vi.md") }
	add = func(dir string, n int) []string {
		if err := os.WriteFile(name(dir), []byte(newPage), 0o644); err != nil {
			b.Fatal(err)
		}
		return []string{name(dir)}
	}
	remove = func(dir string, n int) []string {
		if err := os.Remove(name(dir)); err != nil {
			b.Fatal(err)
		}
		return []string{name(dir)}
	}
	return add, remove
}

// BenchmarkRebuildNewPage adds a page (and deletes it again, untimed).
func BenchmarkRebuildNewPage(b *testing.B) {
	add, remove := newPageEdits(b)
	benchRebuild(b, add, remove)
}

// BenchmarkRebuildDeletePage deletes a page (and adds it again, untimed).
func BenchmarkRebuildDeletePage(b *testing.B) {
	add, remove := newPageEdits(b)
	benchRebuildFrom(b, func(dir string) { add(dir, 0) }, remove, add)
}

// BenchmarkRebuildRename renames a page's file: a new URL, so the links
// of every page are resolved again.
func BenchmarkRebuildRename(b *testing.B) {
	names := func(dir string, n int) (string, string) {
		a := filepath.Join(dir, "content", "plan", "moi.vi.md")
		c := filepath.Join(dir, "content", "plan", "moi-hon.vi.md")
		if n%2 == 1 {
			a, c = c, a
		}
		return a, c
	}
	benchRebuildFrom(b, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "content", "plan", "moi.vi.md"), []byte(newPage), 0o644); err != nil {
			b.Fatal(err)
		}
	}, func(dir string, n int) []string {
		from, to := names(dir, n)
		if err := os.Rename(from, to); err != nil {
			b.Fatal(err)
		}
		return []string{from, to}
	}, nil)
}

// BenchmarkRebuildInterfaceString changes the English name of a tag
// (tag_a) that every English news item of the corpus has: those items,
// the tag's pages and the list of tags are rendered again.
func BenchmarkRebuildInterfaceString(b *testing.B) {
	benchRebuild(b, stringEdit(b, "tag_a: Topic %d\n"), nil)
}

// BenchmarkRebuildStringHeader changes the English label of the main
// menu, which the header of every English page shows: every English page
// and generated page is rendered again.
func BenchmarkRebuildStringHeader(b *testing.B) {
	benchRebuild(b, stringEdit(b, "main_menu: Main menu %d\n"), nil)
}

// BenchmarkRebuildStringFew changes an English interface string that only
// the home page and the section pages show (in_this_section).
func BenchmarkRebuildStringFew(b *testing.B) {
	benchRebuild(b, stringEdit(b, "in_this_section: In this section %d\n"), nil)
}

// BenchmarkRebuildStringOne changes an English interface string that one
// page shows: the search page's button (search_button).
func BenchmarkRebuildStringOne(b *testing.B) {
	benchRebuild(b, stringEdit(b, "search_button: Search %d\n"), nil)
}

// stringEdit returns an edit that writes content/i18n/en.yaml as line
// (a format taking the edit's number).
func stringEdit(b *testing.B, line string) func(dir string, n int) []string {
	return func(dir string, n int) []string {
		p := filepath.Join(dir, "content", "i18n", "en.yaml")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(fmt.Sprintf(line, n)), 0o644); err != nil {
			b.Fatal(err)
		}
		return []string{p}
	}
}

// outFile is a file of the output as a test saw it.
type outFile struct {
	info os.FileInfo
	data []byte
}

func snapshot(t *testing.T, dir string) map[string]outFile {
	t.Helper()
	out := map[string]outFile{}
	for name, data := range readTree(t, dir) {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = outFile{info, data}
	}
	return out
}

// rewrites compares two snapshots: the files written anew (a new file
// replaced the old one, or there was none), and the files deleted. It
// reports a file written with the bytes it had, and a file whose bytes
// changed in place.
func rewrites(t *testing.T, before, after map[string]outFile) (written, deleted []string) {
	t.Helper()
	for name, a := range after {
		b, ok := before[name]
		switch {
		case !ok:
			written = append(written, name)
		case os.SameFile(a.info, b.info):
			if !bytes.Equal(a.data, b.data) {
				t.Errorf("%s changed in place", name)
			}
		case bytes.Equal(a.data, b.data):
			t.Errorf("%s was written again with the same bytes", name)
		default:
			written = append(written, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			deleted = append(deleted, name)
		}
	}
	slices.Sort(written)
	slices.Sort(deleted)
	return written, deleted
}

// newsPages returns the files of the news items 0 to n-1 below dir but
// those numbered in except.
func newsPages(dir string, n int, except ...int) []string {
	var out []string
	for i := range n {
		if !slices.Contains(except, i) {
			out = append(out, fmt.Sprintf("%stin-%02d/index.html", dir, i))
		}
	}
	return out
}

// TestIncrementalRewrites holds, for each kind of edit, the exact files an
// incremental rebuild writes and deletes (the search index, which Settle
// writes later, apart): only those whose bytes change.
func TestIncrementalRewrites(t *testing.T) {
	for _, c := range []struct {
		name             string
		edit             func(it *incTest) []string
		written, deleted []string
	}{
		{name: "title", edit: func(it *incTest) []string {
			return it.edit("content/news/tin-05.vi.md", "title", "Tin mới hơn")
		}, written: []string{"atom.xml", "chu-de/a/index.html", "chu-de/b/index.html", "chu-de/c/index.html", "tim-kiem/a-z/index.html", "tin-tuc/index.html", "tin-tuc/tin-05/index.html", "tin-tuc/tin-08/index.html", "tin-tuc/tin-11/index.html", "tin-tuc/tin-17/index.html", "tin-tuc/tin-20/index.html", "tin-tuc/tin-23/index.html"}, deleted: nil},
		{name: "tags", edit: func(it *incTest) []string {
			return it.edit("content/news/tin-04.en.md", "tags", "[d]")
		}, written: []string{"en/news/tin-04/index.html", "en/tags/a/index.html", "en/tags/a/page/2/index.html", "en/tags/b/index.html", "en/tags/d/index.html", "en/tags/index.html", "sitemap.xml"}, deleted: nil},
		{name: "date", edit: func(it *incTest) []string {
			return it.edit("content/news/tin-03.vi.md", "date", "2025-12-31")
		}, written: append(newsPages("tin-tuc/", 25, -1), "atom.xml", "chu-de/a/index.html", "index.html", "sitemap.xml", "tin-tuc/index.html"), deleted: nil},
		{name: "weight", edit: func(it *incTest) []string {
			return it.edit("content/news/tin-03.vi.md", "weight", "2")
		}, written: nil, deleted: nil},
		{name: "draft", edit: func(it *incTest) []string {
			return it.edit("content/news/tin-06.vi.md", "draft", "true")
		}, written: []string{"atom.xml", "chu-de/a/index.html", "chu-de/a/trang/2/index.html", "chu-de/index.html", "en/news/tin-06/index.html", "sitemap.xml", "tim-kiem/a-z/index.html", "tin-tuc/index.html", "tin-tuc/trang/2/index.html"}, deleted: []string{"tin-tuc/tin-06/index.html"}},
		{name: "new", edit: func(it *incTest) []string {
			it.write("content/news/tin-50.vi.md", newsItem(50, "vi", "2024-06-15", []string{"c"}, ""))
			return []string{"content/news/tin-50.vi.md"}
		}, written: []string{"atom.xml", "chu-de/c/index.html", "chu-de/index.html", "sitemap.xml", "tim-kiem/a-z/index.html", "tin-tuc/index.html", "tin-tuc/tin-50/index.html", "tin-tuc/trang/2/index.html"}, deleted: nil},
		{name: "deleted", edit: func(it *incTest) []string {
			it.remove("content/news/tin-07.en.md")
			return []string{"content/news/tin-07.en.md"}
		}, written: append(newsPages("en/news/", 25, 2, 5, 7, 8, 11, 14, 17, 20, 23), "en/atom.xml", "en/news/index.html", "en/news/page/2/index.html", "en/search/a-z/index.html", "en/tags/a/index.html", "en/tags/a/page/2/index.html", "en/tags/b/index.html", "en/tags/index.html", "sitemap.xml", "tin-tuc/tin-07/index.html"), deleted: []string{"en/news/tin-07/index.html"}},
		{name: "renamed", edit: func(it *incTest) []string {
			text := it.files["content/news/tin-09.vi.md"]
			it.remove("content/news/tin-09.vi.md")
			it.write("content/news/tin-99.vi.md", text)
			return []string{"content/news/tin-09.vi.md", "content/news/tin-99.vi.md"}
		}, written: append(newsPages("tin-tuc/", 25, 9), "atom.xml", "chu-de/a/index.html", "en/news/tin-09/index.html", "sitemap.xml", "tim-kiem/a-z/index.html", "tin-tuc/index.html", "tin-tuc/tin-99/index.html"), deleted: []string{"tin-tuc/tin-09/index.html"}},
		{name: "bundle renamed", edit: func(it *incTest) []string {
			if err := os.Rename(filepath.Join(it.dir, "content/guide/goi"), filepath.Join(it.dir, "content/guide/goi-ai")); err != nil {
				t.Fatal(err)
			}
			return []string{"content/guide/goi", "content/guide/goi-ai"}
		}, written: []string{"en/guide/goi-ai/index.html", "en/guide/index.html", "en/search/a-z/index.html", "huong-dan/goi-ai/index.html", "huong-dan/index.html", "sitemap.xml", "tim-kiem/a-z/index.html"}, deleted: []string{"en/guide/goi/index.html", "huong-dan/goi/index.html"}},
		{name: "interface string", edit: func(it *incTest) []string {
			it.write("content/i18n/vi.yaml", "tag_a: Chủ đề thứ nhất\n")
			return []string{"content/i18n/vi.yaml"}
		}, written: append(newsPages("tin-tuc/", 25, -1), "chu-de/a/index.html", "chu-de/a/trang/2/index.html", "chu-de/index.html"), deleted: nil},
		{name: "directory", edit: func(it *incTest) []string {
			name := "content/support/services/police.yaml"
			it.write(name, strings.Replace(it.files[name], "name: {vi: Công an,", "name: {vi: Công an tỉnh,", 1))
			return []string{name}
		}, written: []string{"data/hsds/vi/organizations.csv", "data/hsds/vi/organizations.json", "in/danh-ba/index.html", "support/index.html", "support/khu-vuc/national/index.html", "support/nhom/emergency/index.html", "support/police/index.html"}, deleted: nil},
		{name: "body", edit: func(it *incTest) []string {
			name := "content/news/tin-05.vi.md"
			it.write(name, it.files[name]+"Thêm.\n")
			return []string{name}
		}, written: []string{"tin-tuc/tin-05/index.html"}, deleted: nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			it := newIncTest(t, incSite(25), 1)
			out := filepath.Join(it.dir, "public")
			before := snapshot(t, out)
			res := it.rebuild(c.edit(it)...)
			written, deleted := rewrites(t, before, snapshot(t, out))
			// The search index (written by Settle) is left out: its
			// layout is the search package's business.
			written = slices.DeleteFunc(written, func(n string) bool { return strings.HasPrefix(n, "search/") })
			deleted = slices.DeleteFunc(deleted, func(n string) bool { return strings.HasPrefix(n, "search/") })
			slices.Sort(c.written)
			if !slices.Equal(written, c.written) || !slices.Equal(deleted, c.deleted) {
				t.Errorf("written %q\nwant %q\ndeleted %q\nwant %q", written, c.written, deleted, c.deleted)
			}
			it.check(c.name, res)
		})
	}
}

// TestIncrementalError: a front-matter mistake in an incremental rebuild
// is reported at its line and column and leaves every file as it was; the
// fix brings the site back to what a clean build makes.
func TestIncrementalError(t *testing.T) {
	it := newIncTest(t, incSite(5), 1)
	out := filepath.Join(it.dir, "public")
	before := snapshot(t, out)
	name := "content/news/tin-02.vi.md"
	good := it.files[name]
	it.write(name, strings.Replace(good, "title:", "titel:", 1))
	res, err := it.s.Rebuild(context.Background(), []string{filepath.Join(it.dir, name)})
	if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), name+":2:1: error: unknown key \"titel\"") {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	if written, deleted := rewrites(t, before, snapshot(t, out)); len(written)+len(deleted) > 0 {
		t.Errorf("a failed rebuild wrote %q and deleted %q", written, deleted)
	}
	it.write(name, setKey(good, "title", "Đã sửa"))
	res = it.rebuild(name)
	it.check("the fix", res)
}

// TestIncrementalChecksLinkers: a page's own checks, kept from the last
// rebuild when the page did not change, are made again when a page it
// links changes: a link to the Vietnamese version of a page is reported
// while the page has an English version, and no longer once that is gone.
func TestIncrementalChecksLinkers(t *testing.T) {
	site := incSite(3)
	site["content/guide/goi/index.en.md"] = "---\ntitle: Whom to call\n---\nCall 111. See [the plan](../../plan/164/index.vi.md).\n"
	site["content/_index.en.md"] = "---\ntitle: Home\n---\nWelcome.\n"
	it := newIncTest(t, site, 1)
	has := func(res Result) bool { return strings.Contains(diagText(res), "guide/goi/index.en.md") }
	res := it.rebuild(it.edit("content/news/tin-01.vi.md", "title", "Tin khác")...)
	it.check("an edit elsewhere", res)
	if !has(res) {
		t.Fatalf("the link to the Vietnamese version is not reported:\n%s", diagText(res))
	}
	it.remove("content/plan/164/index.en.md")
	res = it.rebuild("content/plan/164/index.en.md")
	it.check("the English version gone", res)
	if has(res) {
		t.Fatalf("the link is still reported:\n%s", diagText(res))
	}
	it.write("content/plan/164/index.en.md", site["content/plan/164/index.en.md"])
	res = it.rebuild("content/plan/164/index.en.md")
	it.check("the English version back", res)
	if !has(res) {
		t.Fatalf("the link is not reported again:\n%s", diagText(res))
	}
}

// TestIncrementalTagTranslation: a tag page whose translation comes or
// goes (the first page of the other language given that tag, or none
// left) is rendered again with its language links, while the other
// generated pages keep their keys.
func TestIncrementalTagTranslation(t *testing.T) {
	it := newIncTest(t, incSite(6), 1)
	it.check("tag d in Vietnamese", it.rebuild(it.edit("content/news/tin-01.vi.md", "tags", "[a, d]")...))
	it.check("tag d in English too", it.rebuild(it.edit("content/news/tin-02.en.md", "tags", "[d]")...))
	it.check("tag d in Vietnamese no more", it.rebuild(it.edit("content/news/tin-01.vi.md", "tags", "[a]")...))
}

// TestIncrementalFirstTags gives a page that had no tags its first ones,
// and takes them away again, each time changing nothing else (the tag
// lists of the last build may be kept when no page gained or lost all its
// tags: render.Renderer's sameOrder); each result equals a clean build.
func TestIncrementalFirstTags(t *testing.T) {
	it := newIncTest(t, incSite(6), 1)
	it.check("first tags", it.rebuild(it.edit("content/plan/164/index.vi.md", "tags", "[a, e]")...))
	it.check("a title edit after", it.rebuild(it.edit("content/news/tin-01.vi.md", "title", "Tin đã sửa")...))
	it.check("no tags again", it.rebuild(it.edit("content/plan/164/index.vi.md", "tags", "[]")...))
	it.check("a title edit after that", it.rebuild(it.edit("content/news/tin-01.vi.md", "title", "Tin sửa lần hai")...))
}

// TestServeTemplateAndStringEdits holds what loa serve does after an edit
// that is not content: an interface string edit is an incremental rebuild
// (the parsed templates of the last build are reused) whose output shows
// the new string; a template edit, after rebuilds that filled the cached
// list entries (View.CachedEach), is a whole build with the new templates
// and no entry rendered with the old ones. Each result equals a clean
// build byte for byte.
func TestServeTemplateAndStringEdits(t *testing.T) {
	it := newIncTest(t, incSite(25), 1)
	// A title edit first: an incremental rebuild that hands the renderer,
	// its templates and cached list entries over.
	it.check("title", it.rebuild(it.edit("content/news/tin-03.vi.md", "title", "Tin đã sửa")...))

	// An interface string used on every page (the main menu's label).
	it.write("content/i18n/vi.yaml", "tag_a: Chủ đề A\nmain_menu: Mục lục chính đã sửa\n")
	res := it.rebuild("content/i18n/vi.yaml")
	if res.Stages[0].Name != "incremental" {
		t.Errorf("an interface string edit is not an incremental rebuild: %v", res.Stages)
	}
	it.check("interface string", res)
	if got := readOut(t, it.dir, "tin-tuc/index.html"); !strings.Contains(got, `aria-label="Mục lục chính đã sửa"`) {
		t.Error("the new interface string does not show")
	}

	// A template edit of the list entries that rebuilds cache (dated-item).
	lists, err := fs.ReadFile(templates.FS, "partials/lists.html")
	if err != nil {
		t.Fatal(err)
	}
	const old = `{{define "dated-item"}}<li>`
	if !strings.Contains(string(lists), old) {
		t.Fatalf("partials/lists.html has no %s", old)
	}
	for i, mark := range []string{"mot", "hai"} {
		it.write("templates/partials/lists.html", strings.Replace(string(lists), old, old+`<span class="dau-`+mark+`"></span>`, 1))
		res := it.rebuild("templates/partials/lists.html")
		if res.Stages[0].Name == "incremental" {
			t.Errorf("template edit %d is an incremental rebuild: %v", i, res.Stages)
		}
		it.check(fmt.Sprintf("template edit %d", i), res)
		if got := readOut(t, it.dir, "index.html"); !strings.Contains(got, `class="dau-`+mark+`"`) {
			t.Errorf("template edit %d does not show in the home page's latest news", i)
		}
		// And the next content edit keeps the new templates.
		it.check(fmt.Sprintf("title after template edit %d", i), it.rebuild(it.edit("content/news/tin-04.vi.md", "title", "Tin "+mark)...))
		if got := readOut(t, it.dir, "index.html"); !strings.Contains(got, `class="dau-`+mark+`"`) {
			t.Errorf("after template edit %d, a content edit brought the old template back", i)
		}
	}
}

// TestIncrementalPrintPathTaken holds that a rebuild after a page came to
// the address of the printed poster reports it as a clean build does (the
// pages' places by URL path are taken over from the last build only when
// the pages and their paths are the same), and that the site is clean
// again once the page is gone.
func TestIncrementalPrintPathTaken(t *testing.T) {
	it := newIncTest(t, incSite(6), 1)
	it.check("a title edit first", it.rebuild(it.edit("content/news/tin-01.vi.md", "title", "Tin đã sửa")...))
	it.write("content/in/_index.vi.md", "---\ntitle: In\n---\n")
	it.write("content/in/ap-phich.vi.md", "---\ntitle: Áp phích\n---\n")
	res, err := it.s.Rebuild(context.Background(), []string{filepath.Join(it.dir, "content", "in")})
	want := "content/in/ap-phich.vi.md:1:1: error: this page is published at /in/ap-phich/, where the build puts the printable poster"
	if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), want) {
		t.Fatalf("rebuild: %v\n%s\nwant a line\n%s", err, diagText(res), want)
	}
	it.remove("content/in/ap-phich.vi.md")
	it.check("the page gone", it.rebuild("content/in/ap-phich.vi.md"))
}

// TestIncrementalDuplicateTitle holds the duplicate-title warning of a
// rebuild (which keeps each unchanged page's folded title) to a clean
// build's, as a title comes to equal another page's but for case and
// spaces and goes back.
func TestIncrementalDuplicateTitle(t *testing.T) {
	it := newIncTest(t, incSite(6), 1)
	it.check("same title", it.rebuild(it.edit("content/news/tin-02.vi.md", "title", "\" TIN SỐ 1\"")...))
	if got := diagText(it.s.b.res); !strings.Contains(got, "is also the title of") {
		t.Errorf("no duplicate title:\n%s", got)
	}
	it.check("another edit after", it.rebuild(it.edit("content/news/tin-03.vi.md", "title", "Tin khác")...))
	it.check("title back", it.rebuild(it.edit("content/news/tin-02.vi.md", "title", "Tin số 2")...))
	// The title of a page that no rebuild has rendered again (its folded
	// title is the first build's).
	it.check("a section's title", it.rebuild(it.edit("content/guide/goi/index.vi.md", "title", "\" GIỚI THIỆU \"")...))
	if got := diagText(it.s.b.res); !strings.Contains(got, "is also the title of content/about/_index.vi.md") {
		t.Errorf("no duplicate title:\n%s", got)
	}
}

// TestIncrementalFailedThenSettled: a rebuild that fails after filling
// its arrays of one entry per page (Session.arrays) must leave those of
// the last good build alone, whose search index Settle then writes. The
// page's body changes with the failing edit, so that arrays shared with
// the failed rebuild would give the search index its new words.
func TestIncrementalFailedThenSettled(t *testing.T) {
	it := newIncTest(t, incSite(6), 0)
	name := "content/guide/goi/index.vi.md"
	good := it.files[name]
	for n := range 3 {
		// Two good rebuilds, so that the Session has arrays of an
		// older build to give the next one.
		it.write(name, setKey(good, "title", fmt.Sprintf("Gọi ai %d", n)))
		if _, err := it.s.Rebuild(context.Background(), []string{filepath.Join(it.dir, filepath.FromSlash(name))}); err != nil {
			t.Fatal(err)
		}
	}
	kept := it.files[name]
	it.write(name, "---\ntitle: Gọi ai hỏng\n---\nHoàn toàn khác: khẩn cấp, cứu hộ. Xem [trang](khong-co.vi.md).\n")
	res, err := it.s.Rebuild(context.Background(), []string{filepath.Join(it.dir, filepath.FromSlash(name))})
	// (an incremental rebuild's stages, to its checks: no "incremental"
	// stage, which only a rebuild that succeeded reports)
	if !errors.Is(err, ErrContent) || !slices.ContainsFunc(res.Stages, func(s Stage) bool { return s.Name == "pages" }) {
		t.Fatalf("the broken edit: %v %v\n%s", err, res.Stages, diagText(res))
	}
	it.write(name, kept) // the source as the last good build read it
	if err := it.s.Settle(); err != nil {
		t.Fatal(err)
	}
	it.check("settled after a failed rebuild", Result{})
}
