package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarmBuildRendererError: with a cache beside the output, the
// renderer is made beside the warm build's check of the output (made,
// startRenderer); a problem only it finds (a news item without a date)
// still fails the build with that error and the problems of a cold
// build, and writes nothing; after the fix the build is warm and right.
// The same when the output was changed by hand (the build then goes
// whole after its check, with the renderer made beside it).
func TestWarmBuildRendererError(t *testing.T) {
	for _, byHand := range []bool{false, true} {
		it := newWarmTest(t, incSite(5), 6)
		out := filepath.Join(it.dir, "public")
		it.warmBuild(Options{})
		if byHand {
			if err := os.WriteFile(filepath.Join(out, "404.html"), []byte("changed"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		before := readTree(t, out)
		cache, err := os.ReadFile(cachePath(out))
		if err != nil {
			t.Fatal(err)
		}
		const name = "content/news/tin-02.en.md"
		good := it.files[name]
		it.write(name, setKey(good, "date", ""))
		res, err := Run(context.Background(), Options{Source: it.dir, Out: out, Now: fixedNow})
		cold, coldErr := Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "cold"), Now: fixedNow, NoCache: true})
		if !errors.Is(err, ErrContent) || !errors.Is(coldErr, ErrContent) || !strings.Contains(diagText(res), "has no date") {
			t.Fatalf("by hand %v: %v (cold: %v)\n%s", byHand, err, coldErr, diagText(res))
		}
		if g, w := withoutCacheNotes(res), withoutCacheNotes(cold); g != w {
			t.Errorf("by hand %v: problems\n%s\nwant a cold build's\n%s", byHand, g, w)
		}
		if diffs := sameTree(readTree(t, out), before); len(diffs) > 0 {
			t.Errorf("by hand %v: a failed build changed the output:\n%s", byHand, strings.Join(diffs, "\n"))
		}
		if after, _ := os.ReadFile(cachePath(out)); !byHand && string(after) != string(cache) {
			t.Errorf("a failed build changed the cache")
		}
		it.write(name, good+"\nMore.\n")
		res, warm := it.warmBuild(Options{})
		if warm == byHand {
			t.Errorf("by hand %v: the build after the fix: warm %v\n%s", byHand, warm, diagText(res))
		}
		it.checkCold("fixed", res, Options{})
	}
}
