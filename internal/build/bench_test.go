package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeCorpus writes a bilingual site of n pages per language in four
// sections, each page about 700 words of Vietnamese (or 500 of English)
// with headings, lists, a table, links to other pages and a code block.
func writeCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	files := map[string]string{
		"content/site.yaml": `title: {vi: Trang thử, en: Test site}
base_url: https://example.org/
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
menu: [plan, guidance, news, support]
emergency: [{number: "111", name: {vi: Bảo vệ trẻ em, en: Child protection}}]
`,
		"content/_index.vi.md": "---\ntitle: Trang chủ\n---\nXin chào.\n",
		"content/_index.en.md": "---\ntitle: Home\n---\nHello.\n",
	}
	sections := []struct{ dir, vi, en string }{
		{"plan", "ke-hoach", "plan"}, {"guidance", "huong-dan", "guidance"},
		{"news", "tin-tuc", "news"}, {"support", "ho-tro", "support"},
	}
	for _, s := range sections {
		files["content/"+s.dir+"/_index.vi.md"] = fmt.Sprintf("---\ntitle: Mục %s\nslug: %s\n---\nGiới thiệu mục.\n", s.vi, s.vi)
		files["content/"+s.dir+"/_index.en.md"] = fmt.Sprintf("---\ntitle: Section %s\n---\nAbout the section.\n", s.en)
	}
	viPara := "Ủy ban nhân dân tỉnh đã ban hành kế hoạch phòng, chống mại dâm với nhiều hoạt động tuyên truyền, giáo dục pháp luật tại các xã, phường và trường học; người dân được hướng dẫn cách nhận biết và báo tin về hành vi mua bán người. "
	enPara := "The provincial People's Committee issued a plan on preventing prostitution with communication and legal education in communes, wards and schools; people learn how to recognise and report human trafficking. "
	for i := range n {
		s := sections[i%len(sections)]
		name := fmt.Sprintf("trang-%05d", i)
		link := fmt.Sprintf("trang-%05d", (i+len(sections))%n)
		for _, lang := range []string{"vi", "en"} {
			para, title := viPara, fmt.Sprintf("Hoạt động phòng, chống số %d", i)
			if lang == "en" {
				para, title = enPara, fmt.Sprintf("Prevention activity number %d", i)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %s\ndate: 2024-%02d-%02d\ntags: [a, b]\n---\n", title, i%12+1, i%28+1)
			for h := range 4 {
				fmt.Fprintf(&b, "## Phần %d của trang\n\n%s%s\n\n", h, strings.Repeat(para, 3), "**Điểm chính** và *ghi chú*.")
				b.WriteString("- mục một\n- mục hai\n- mục ba\n\n")
			}
			fmt.Fprintf(&b, "| cột | giá trị |\n|---|---|\n| a | %d |\n\n", i)
			fmt.Fprintf(&b, "Xem [trang khác](../%s/%s.%s.md).\n", sections[(i+len(sections))%n%len(sections)].dir, link, lang)
			files[fmt.Sprintf("content/%s/%s.%s.md", s.dir, name, lang)] = b.String()
		}
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkBuild is a clean build of 1,000 pages per language, written to
// disk (without the build cache: see BenchmarkWarmBuild*).
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, n)
			out := filepath.Join(dir, "public")
			b.ReportAllocs()
			for b.Loop() {
				res, err := Run(context.Background(), Options{Source: dir, Out: out, Now: fixedNow, NoCache: true})
				if err != nil {
					b.Fatalf("%v\n%s", err, diagText(res))
				}
			}
		})
	}
}

// benchSizes returns the corpus sizes (pages per language) the benchmarks
// run at: LOA_BENCH_PAGES, a comma-separated list ("1000,10000"), or 1000.
func benchSizes(tb testing.TB) []int {
	env := os.Getenv("LOA_BENCH_PAGES")
	if env == "" {
		return []int{1000}
	}
	var sizes []int
	for _, f := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			tb.Fatalf("LOA_BENCH_PAGES=%q: want page counts separated by commas, e.g. 1000,10000", env)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// TestCorpusBuilds keeps the benchmark's corpus honest: it must build
// without problems, with every page and link resolved.
func TestCorpusBuilds(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 40)
	res, err := Run(context.Background(), Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow})
	// Its base_url is on example.org, for which a build warns (and must).
	if err != nil || len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, "a name kept for examples") {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	// 40 pages + 4 sections + home, the tag pages (the index, and tags a
	// and b with 40 pages each, 20 to a page), the search page and A–Z.
	if res.Pages["vi"] != 52 || res.Pages["en"] != 52 {
		t.Errorf("pages = %v", res.Pages)
	}
}

// BenchmarkRewriteFloor is the floor under a `loa serve` rebuild that
// changes n output files: only writing them, the way a rebuild does
// (builder.flushFile: compare with the file on disk, write a temporary
// file, rename it into place), with their new bytes already made. It
// runs on the output of a clean build at each LOA_BENCH_PAGES size, for
// n = 5, 74, 183, 628 and 3,445 (as many files as the kinds of edit in
// BenchmarkRebuild* rewrite at 10,000 pages), spread over the site; each
// op writes every file once, and ns/op is the wall time of the writes
// alone. cpu-med-ms/op is the median CPU time of an
// op (user and system), the figure to compare with a rebuild's.
func BenchmarkRewriteFloor(b *testing.B) {
	for _, size := range benchSizes(b) {
		dir := b.TempDir()
		writeCorpus(b, dir, size)
		out := filepath.Join(dir, "public")
		if res, err := Run(context.Background(), Options{Source: dir, Out: out, Now: fixedNow, NoCache: true}); err != nil {
			b.Fatalf("%v\n%s", err, diagText(res))
		}
		var pages []string // slash paths of the output's HTML files, sorted
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
				rel, _ := filepath.Rel(out, p)
				pages = append(pages, "/"+filepath.ToSlash(rel))
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range []int{5, 74, 183, 628, 3445} {
			if n > len(pages) {
				break
			}
			b.Run(fmt.Sprintf("pages=%d/files=%d", size, n), func(b *testing.B) {
				bld := &builder{out: out, pending: make(map[string][]byte, n)}
				buf := make([]byte, 64<<10)
				each := make([]time.Duration, 0, b.N)
				for i := range b.N {
					b.StopTimer() // ns/op: the wall time of the writes alone
					clear(bld.pending)
					for k := range n { // spread over the site, as an edit's are
						name := pages[(k*len(pages)/n+i)%len(pages)]
						data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name[1:])))
						if err != nil {
							b.Fatal(err)
						}
						bld.pending[name] = fmt.Appendf(data, "<!-- %d -->", i)
					}
					b.StartTimer()
					before := cpuTime()
					for name := range bld.pending {
						if wrote, err := bld.flushFile(name, buf); err != nil || !wrote {
							b.Fatalf("%s: wrote %v, %v", name, wrote, err)
						}
					}
					each = append(each, cpuTime()-before)
				}
				slices.Sort(each)
				b.ReportMetric(float64(each[len(each)/2].Microseconds())/1000, "cpu-med-ms/op")
			})
		}
	}
}
