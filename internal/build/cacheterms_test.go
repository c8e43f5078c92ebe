package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestWarmBuildTermsShards: the search terms are kept per language
// (termsPath). A body edit reads no language's terms whole (its index is
// updated from the postings kept, cachepost.go, and the terms shard of
// the page edited), and writes again only the terms shard of that page; a terms
// shard damaged or missing is not read while its language's index is
// kept, and when it is needed the build starts again as a whole one,
// with a warning that names it, and its output is a cold build's.
func TestWarmBuildTermsShards(t *testing.T) {
	it := newWarmTest(t, incSite(10), 9)
	out := filepath.Join(it.dir, "public")
	it.warmBuild(Options{})
	var read []string
	traceTerms = func(lang string) { read = append(read, lang) }
	defer func() { traceTerms = nil }()
	stamps := func() map[string]time.Time {
		m := map[string]time.Time{}
		for k := range recordShards {
			for _, lang := range []string{"vi", "en"} {
				info, err := os.Stat(termsPath(out, k, lang))
				if err != nil {
					t.Fatal(err)
				}
				m[termsPath(out, k, lang)] = info.ModTime()
			}
		}
		return m
	}
	const vi, en = "content/news/tin-03.vi.md", "content/news/tin-04.en.md"
	before := stamps()
	it.write(vi, it.files[vi]+"\nThêm một câu.\n")
	res, warm := it.warmBuild(Options{})
	if !warm {
		t.Fatalf("not warm\n%s", diagText(res))
	}
	it.checkCold("body edit", res, Options{})
	if len(read) > 0 {
		t.Errorf("a body edit of a vi page read the terms of %v, want none", read)
	}
	var rewritten []string
	for f, mt := range stamps() {
		if !mt.Equal(before[f]) {
			rewritten = append(rewritten, f)
		}
	}
	if want := termsPath(out, shardOf(vi), "vi"); !slices.Equal(rewritten, []string{want}) {
		t.Errorf("terms shards written again: %v, want only %s", rewritten, want)
	}
	// An en shard spoilt: not read by a vi edit; found when en's index
	// is made again.
	spoil := func(f string) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, append(data, 0), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := termsPath(out, shardOf(en), "en")
	spoil(bad)
	read = nil
	it.write(vi, it.files[vi]+"\nThêm câu nữa.\n")
	if res, warm := it.warmBuild(Options{}); !warm || len(read) > 0 {
		t.Fatalf("a vi edit with an en terms shard spoilt: warm %v, read %v\n%s", warm, read, diagText(res))
	} else {
		it.checkCold("vi edit, en spoilt", res, Options{})
	}
	for _, remove := range []bool{false, true} {
		if remove {
			// (the build before wrote a new cache: spoil it again, by
			// removing a terms shard)
			if err := os.Remove(bad); err != nil {
				t.Fatal(err)
			}
		}
		it.write(en, it.files[en]+"\nOne more sentence.\n")
		res, warm = it.warmBuild(Options{})
		if warm || !strings.Contains(diagText(res), bad+": warning: the build cache is damaged") {
			t.Errorf("an en edit with its terms shard spoilt (removed %v): warm %v, or no warning naming it\n%s", remove, warm, diagText(res))
		}
		it.checkCold("en terms shard spoilt", res, Options{})
		if res, warm := it.warmBuild(Options{}); !warm || strings.Contains(diagText(res), "build cache") {
			t.Errorf("the build after: warm %v\n%s", warm, diagText(res))
		}
	}
}
