package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeepInOutput: a deploy repository's output folder (.git, CNAME, not
// made by loa) is refused unless site.yaml keeps what it holds; then every
// build carries those over.
func TestKeepInOutput(t *testing.T) {
	site := "-- content/site.yaml --\ntitle: {vi: Thử}\nbase_url: https://hungyen.gov.vn/\nlanguages: [{code: vi, name: Tiếng Việt}]\n%s-- content/_index.vi.md --\n---\ntitle: Trang chủ\n---\n"
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	writeArchive(t, dir, strings.Replace(site, "%s", "", 1))
	writeArchive(t, out, "-- CNAME --\nhungyen.gov.vn\n-- .git/HEAD --\nref: refs/heads/main\n")
	run := func() (Result, error) {
		return Run(context.Background(), Options{Source: dir, Out: out, Now: fixedNow})
	}
	_, err := run()
	var oe *OptionError
	if !errors.As(err, &oe) || !strings.Contains(oe.Hint, "keep: [CNAME, .git]") {
		t.Fatalf("without keep: %v", err)
	}
	writeArchive(t, dir, strings.Replace(site, "%s", "keep: [CNAME, .git]\n", 1))
	for i := range 2 {
		res, err := run()
		if err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, diagText(res))
		}
		for _, f := range []string{"CNAME", ".git/HEAD", "index.html", Marker} {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("build %d: %s: %v", i, f, err)
			}
		}
		if strings.Contains(diagText(res), "removed") {
			t.Errorf("build %d:\n%s", i, diagText(res))
		}
	}
	// Without keep: the next build removes them, and says so.
	writeArchive(t, dir, strings.Replace(site, "%s", "", 1))
	res, err := run()
	if err != nil {
		t.Fatal(err)
	}
	got := diagText(res)
	for _, want := range []string{"CNAME was in the output folder but is not part of the new site, so this build removed it",
		".git/ was in the output folder but is not part of the new site"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "CNAME")); err == nil {
		t.Errorf("CNAME still there")
	}
}
