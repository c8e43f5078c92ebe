package build

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// outputFiles returns every file under out, keyed by slash path.
func outputFiles(t *testing.T, out string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares every file the small site produces with
// testdata/golden/small/. Run with -update to accept new output; a golden
// file no longer produced fails the test.
func TestGolden(t *testing.T) {
	_, dir := mustBuild(t, smallSite)
	got := outputFiles(t, filepath.Join(dir, "public"))
	golden := filepath.Join("testdata", "golden", "small")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for name, b := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := outputFiles(t, golden)
	for name, b := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s is new output with no golden file (run go test -update)", name)
			continue
		}
		if !bytes.Equal(b, w) {
			t.Errorf("%s differs from its golden file (run go test -update and review the diff)\n%s", name, firstDiff(string(w), string(b)))
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("golden file %s is no longer produced", name)
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want: %s\n  got: %s", i+1, w, g)
		}
	}
	return ""
}

// TestDeterministic builds the same site with GOMAXPROCS 1 and 2 (the
// default worker count follows it) and with 4 workers: the output must be
// identical byte for byte.
func TestDeterministic(t *testing.T) {
	var outs []map[string][]byte
	var names []string
	for _, run := range []struct {
		procs, workers int
	}{{1, 0}, {2, 0}, {2, 4}} {
		prev := runtime.GOMAXPROCS(run.procs)
		res, dir, err := buildTxtar(t, smallSite, Options{Workers: run.workers})
		runtime.GOMAXPROCS(prev)
		name := fmt.Sprintf("GOMAXPROCS=%d workers=%d", run.procs, run.workers)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, diagText(res))
		}
		outs, names = append(outs, outputFiles(t, filepath.Join(dir, "public"))), append(names, name)
	}
	for i := 1; i < len(outs); i++ {
		if len(outs[0]) != len(outs[i]) {
			t.Fatalf("file counts differ: %d (%s) vs %d (%s)", len(outs[0]), names[0], len(outs[i]), names[i])
		}
		for name, b := range outs[0] {
			if !bytes.Equal(b, outs[i][name]) {
				t.Errorf("%s differs between %s and %s", name, names[0], names[i])
			}
		}
	}
}

// TestWindowsAndDecomposedInput builds the small site as a Windows editor
// with a decomposed-Unicode keyboard would save it (NFD letters, CRLF line
// ends, a BOM): the output must equal the normal build's.
func TestWindowsAndDecomposedInput(t *testing.T) {
	_, dir := mustBuild(t, smallSite)
	want := outputFiles(t, filepath.Join(dir, "public"))
	windows := dir + "-windows"
	if err := os.CopyFS(windows, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(windows) })
	os.RemoveAll(filepath.Join(windows, "public"))
	err := filepath.WalkDir(filepath.Join(windows, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".yaml")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b = norm.NFD.Bytes(b)
		b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		b = append([]byte("\xEF\xBB\xBF"), b...)
		return os.WriteFile(p, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(t.Context(), Options{Source: windows, Out: filepath.Join(windows, "public"), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	got := outputFiles(t, filepath.Join(windows, "public"))
	for name, b := range want {
		if !bytes.Equal(b, got[name]) {
			t.Errorf("%s differs when the source is NFD + CRLF + BOM\n%s", name, firstDiff(string(b), string(got[name])))
		}
	}
}
