package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSessionRebuild(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, smallSite)
	out := filepath.Join(dir, "public")
	ctx := context.Background()
	s, res, err := NewSession(ctx, Options{Source: dir, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	page := filepath.Join(dir, "content", "news", "2021-11-05-ke-hoach.vi.md")
	other := filepath.Join(out, "ke-hoach", "index.html")
	before, _ := os.Stat(other)
	time.Sleep(10 * time.Millisecond)

	// A body edit rewrites that page only.
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	head := "---\ntitle: Công bố kế hoạch\nslug: cong-bo-ke-hoach\ndate: 2021-11-05T08:30:00\n---\n"
	write(head + "Nội dung mới.\n")
	res, err = s.Rebuild(ctx, []string{page})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	if len(res.Stages) != 1 || res.Stages[0].Name != "rebuild" || res.Pages["vi"] != 1 {
		t.Errorf("not a one-page rebuild: stages %v, pages %v", res.Stages, res.Pages)
	}
	if got := readOut(t, dir, "tin-tuc/cong-bo-ke-hoach/index.html"); !strings.Contains(got, "Nội dung mới.") {
		t.Error("the edited page was not rewritten")
	}
	if after, _ := os.Stat(other); !after.ModTime().Equal(before.ModTime()) {
		t.Error("another page was rewritten by a body-only edit")
	}
	if err := s.Settle(); err != nil {
		t.Fatal(err)
	}
	if got := readOut(t, dir, "search/vi/d/0.json"); !strings.Contains(got, "Nội dung mới.") {
		t.Error("Settle did not update the search index")
	}

	// A broken link fails and leaves the page as it was.
	write(head + "Xem [trang](khong-co.vi.md).\n")
	res, err = s.Rebuild(ctx, []string{page})
	if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), "khong-co.vi.md") {
		t.Fatalf("broken link: %v\n%s", err, diagText(res))
	}
	if got := readOut(t, dir, "tin-tuc/cong-bo-ke-hoach/index.html"); !strings.Contains(got, "Nội dung mới.") {
		t.Error("a failed rebuild changed the page")
	}

	// While that page is broken on disk, a good edit of another page still
	// reports it: the problem stays until it is fixed.
	en := filepath.Join(dir, "content", "news", "2021-11-05-ke-hoach.en.md")
	enText, _ := os.ReadFile(en)
	if err := os.WriteFile(en, append(enText, "\nMore.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = s.Rebuild(ctx, []string{en})
	if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), "khong-co.vi.md") {
		t.Errorf("an edit elsewhere hid the broken link: %v\n%s", err, diagText(res))
	}
	write(head + "Nội dung mới.\n")
	if res, err = s.Rebuild(ctx, []string{page}); err != nil {
		t.Fatalf("the fix was not taken: %v\n%s", err, diagText(res))
	}
	if res, err = s.Rebuild(ctx, []string{en}); err != nil || res.Stages[0].Name != "rebuild" {
		t.Errorf("after the fix, a body edit is not a one-page rebuild again: %v %v", err, res.Stages)
	}

	// Renaming a heading that another page links to breaks that link.
	plan := filepath.Join(dir, "content", "plan", "164-kh-ubnd", "index.vi.md")
	original, _ := os.ReadFile(plan)
	if err := os.WriteFile(plan, []byte("---\ntitle: Kế hoạch 164/KH-UBND\ndescription: Kế hoạch của tỉnh.\ndate: 2021-11-02\n---\n## Mục đích\n\nĐổi tên.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = s.Rebuild(ctx, []string{plan})
	if !errors.Is(err, ErrContent) || !strings.Contains(diagText(res), "content/_index.vi.md:4:16: error: the link \"plan/164-kh-ubnd/index.vi.md#muc-tieu\" goes to #muc-tieu") {
		t.Errorf("renamed heading: %v %v\n%s", err, res.Stages, diagText(res))
	}
	if err := os.WriteFile(plan, original, 0o644); err != nil {
		t.Fatal(err)
	}

	// A front-matter edit rebuilds everything: the new title shows in the
	// section's list too.
	write(strings.Replace(head, "Công bố kế hoạch", "Kế hoạch được công bố", 1) + "Nội dung.\n")
	res, err = s.Rebuild(ctx, []string{page})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	if got := readOut(t, dir, "tin-tuc/index.html"); !strings.Contains(got, "Kế hoạch được công bố") {
		t.Error("the section list does not show the new title")
	}
}

// BenchmarkRebuildOneEdit edits one page's body in a site kept in memory,
// as loa serve does, and rebuilds: 1,000 pages per language, or the sizes
// in LOA_BENCH_PAGES (see benchSizes).
func BenchmarkRebuildOneEdit(b *testing.B) {
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("pages=%d", size), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, size)
			ctx := context.Background()
			s, res, err := NewSession(ctx, Options{Source: dir, Out: filepath.Join(dir, "public"), Now: fixedNow})
			if err != nil {
				b.Fatalf("%v\n%s", err, diagText(res))
			}
			page := filepath.Join(dir, "content", "news", "trang-00002.vi.md")
			text, err := os.ReadFile(page)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				if err := os.WriteFile(page, append(text, []byte("\nSửa lần "+strings.Repeat("x", n%7)+".\n")...), 0o644); err != nil {
					b.Fatal(err)
				}
				if res, err := s.Rebuild(ctx, []string{page}); err != nil || res.Stages[0].Name != "rebuild" {
					b.Fatalf("%v %v\n%s", err, res.Stages, diagText(res))
				}
			}
		})
	}
}
