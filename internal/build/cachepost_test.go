package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestWarmBuildPostings: over random sequences of edits (bodies, titles,
// dates, tags, drafts, pages added and removed: incTest.step), most of
// them to bodies and titles, each warm build's output is a cold build's
// byte for byte, and the search indexes are updated from the postings
// kept (cachepost.go) again and again, each update from the postings the
// one before left. A postings table or data file damaged or missing
// makes the build start again whole, with a warning naming the table,
// its output a cold build's; the build after is warm again.
func TestWarmBuildPostings(t *testing.T) {
	steps := 14
	if testing.Short() {
		steps = 5
	}
	var mu sync.Mutex
	updates := 0
	tracePostings = func(string) {
		mu.Lock()
		defer mu.Unlock()
		updates++
	}
	defer func() { tracePostings = nil }()
	it := newWarmTest(t, incSite(40), 29)
	out := filepath.Join(it.dir, "public")
	it.warmBuild(Options{})
	for step := range steps {
		var what string
		switch it.rng.IntN(3) {
		case 0:
			what, _ = it.step()
		case 1:
			name := it.pick(func(n string) bool { return strings.HasSuffix(n, ".md") })
			it.write(name, it.files[name]+fmt.Sprintf("\nMột câu thêm vào lần %d, có từ mới%d.\n", step, step))
			what = "body of " + name
		case 2:
			name := it.pick(func(n string) bool { return strings.HasSuffix(n, ".md") })
			it.write(name, setKey(it.files[name], "title", fmt.Sprintf("Sửa %d tiêu đề", step)))
			what = "title of " + name
		}
		res, warm := it.warmBuild(Options{})
		if !warm || strings.Contains(diagText(res), "build cache") {
			t.Errorf("%s: warm %v\n%s", what, warm, diagText(res))
		}
		it.checkCold(what, res, Options{})
	}
	if updates < steps/2 {
		t.Errorf("%d indexes updated from their postings in %d builds", updates, steps)
	}
	table := postTablePath(out, "vi")
	for _, spoil := range []struct {
		what string
		do   func() error
	}{
		{"table spoilt", func() error {
			b, err := os.ReadFile(table)
			if err != nil {
				return err
			}
			b[len(b)/2] ^= 1
			return os.WriteFile(table, b, 0o644)
		}},
		{"table removed", func() error { return os.Remove(table) }},
		{"data emptied", func() error {
			t, err := readPostTable(out, "vi")
			if err != nil {
				return err
			}
			return os.Truncate(postDataPath(out, "vi", t.Gen), 0)
		}},
		{"data removed", func() error {
			t, err := readPostTable(out, "vi")
			if err != nil {
				return err
			}
			return os.Remove(postDataPath(out, "vi", t.Gen))
		}},
	} {
		if err := spoil.do(); err != nil {
			t.Fatal(err)
		}
		name := "content/news/tin-03.vi.md"
		it.write(name, it.files[name]+"\nThêm một câu nữa.\n")
		res, warm := it.warmBuild(Options{})
		if warm || !strings.Contains(diagText(res), table+": warning: the build cache is damaged") {
			t.Errorf("%s: warm %v, or no warning naming %s\n%s", spoil.what, warm, table, diagText(res))
		}
		it.checkCold(spoil.what, res, Options{})
		it.write(name, it.files[name]+"\nThêm.\n")
		if res, warm := it.warmBuild(Options{}); !warm || strings.Contains(diagText(res), "build cache") {
			t.Errorf("%s, the build after: warm %v\n%s", spoil.what, warm, diagText(res))
		} else {
			it.checkCold(spoil.what+", the build after", res, Options{})
		}
	}
}
