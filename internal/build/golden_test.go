package build

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/static"
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

// isAsset reports whether an output file is a copy of a stylesheet or
// script: a static file (built in or the site's) or its content-hashed
// copy. Golden files leave them out, so that an edit of the CSS or of a
// script rewrites no golden file; TestAssets holds them instead.
func isAsset(name string) bool {
	ext := path.Ext(name)
	if ext != ".css" && ext != ".js" {
		return false
	}
	if IsHashedName(name) {
		return true
	}
	_, err := fs.Stat(static.FS, name)
	return err == nil
}

// hashedRef matches a reference to a content-hashed stylesheet or script
// in a page ("/css/site.07ef4cc00a.css"): its path, and its name with
// the hash left out.
var hashedRef = regexp.MustCompile(`([A-Za-z0-9_/.-]*?)\.([0-9a-f]{10})(\.(?:css|js))\b`)

// goldenFiles returns the files of out that golden files hold: every file
// but the assets (isAsset), with every content hash of an asset name
// written as HASH ("/css/site.HASH.css"), so that the pages do not change
// with the bytes of the CSS; TestAssets holds that each hash names the
// file with that content.
func goldenFiles(t *testing.T, out string) map[string][]byte {
	t.Helper()
	files := outputFiles(t, out)
	for name, b := range files {
		if isAsset(name) {
			delete(files, name)
			continue
		}
		files[name] = hashedRef.ReplaceAll(b, []byte("$1.HASH$3"))
	}
	return files
}

// TestGolden compares every file the small site produces with
// testdata/golden/small/, but the stylesheets and scripts (see
// goldenFiles). Run with -update to accept new output; a golden file no
// longer produced fails the test.
func TestGolden(t *testing.T) {
	_, dir := mustBuild(t, smallSite)
	got := goldenFiles(t, filepath.Join(dir, "public"))
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

// TestAssets holds what the golden files leave out: every page links its
// stylesheet (site.css; print.css for the printed pieces) and scripts
// under content-hashed names, each naming a file
// that exists with that hash; the stylesheet is static/css/site.css
// followed by the code highlighting rules, the hashed scripts are the
// minified static scripts, and the plain copies are the static files as
// they are.
func TestAssets(t *testing.T) {
	_, dir := mustBuild(t, smallSite)
	files := outputFiles(t, filepath.Join(dir, "public"))
	pages := 0
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		if !regexp.MustCompile(`<link rel="stylesheet" href="/css/(site|print)\.[0-9a-f]{10}\.css">`).Match(b) {
			t.Errorf("%s: no link to the hashed stylesheet", name)
		}
		for _, m := range hashedRef.FindAllSubmatch(b, -1) {
			file := strings.TrimPrefix(string(m[0]), "/")
			data, ok := files[file]
			if !ok {
				t.Errorf("%s links %s, which the build did not write", name, m[0])
				continue
			}
			if got := hashName(string(m[1])+string(m[3]), data); got != string(m[0]) {
				t.Errorf("%s links %s, whose content hashes to %s", name, m[0], got)
			}
		}
	}
	if pages == 0 {
		t.Fatal("no pages")
	}
	src := func(name string) []byte {
		b, err := fs.ReadFile(static.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	css := src(cssSource)
	for name, b := range files {
		if !isAsset(name) {
			continue
		}
		switch plain := hashedRef.ReplaceAllString(name, "$1$3"); {
		case plain == cssSource:
			if !bytes.HasPrefix(b, css) || !bytes.Contains(b[len(css):], []byte("/* code highlighting (chroma) */")) {
				t.Errorf("%s is not static/%s followed by the highlighting rules", name, cssSource)
			}
		case IsHashedName(name) && path.Ext(name) == ".js":
			if !bytes.Equal(b, minifyJS(src(plain))) {
				t.Errorf("%s is not static/%s minified", name, plain)
			}
		default:
			if !bytes.Equal(b, src(plain)) {
				t.Errorf("%s is not static/%s as it is", name, plain)
			}
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

// TestHoldText builds the small site as a site too large to hold its
// text (content.Options.HoldText) and to make its languages' search
// indexes at once: output and problems must be the same.
func TestHoldText(t *testing.T) {
	want, wantDir := mustBuild(t, smallSite)
	prev := holdText
	holdText = 1
	got, gotDir, err := buildTxtar(t, smallSite, Options{})
	holdText = prev
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(got))
	}
	if !reflect.DeepEqual(want.Diagnostics.Quoted(), got.Diagnostics.Quoted()) {
		t.Errorf("problems differ:\n%s\nwant\n%s", diagText(got), diagText(want))
	}
	wantFiles, gotFiles := outputFiles(t, filepath.Join(wantDir, "public")), outputFiles(t, filepath.Join(gotDir, "public"))
	if len(wantFiles) != len(gotFiles) {
		t.Errorf("%d files, want %d", len(gotFiles), len(wantFiles))
	}
	for name, b := range wantFiles {
		if !bytes.Equal(b, gotFiles[name]) {
			t.Errorf("%s differs when the text is read again\n%s", name, firstDiff(string(b), string(gotFiles[name])))
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
