package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// outputTree returns every file below dir by slash path, and every
// folder with a slash after its path (nil bytes), so that a folder left
// behind or missing is seen too.
func outputTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			out[rel+"/"] = nil
			return nil
		}
		data, err := os.ReadFile(p)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// killedBuild stands for a kill in commitStep: it ends the build there,
// with nothing more written or removed.
type killedBuild struct{}

// stopAt runs a build of it into public (Run, as loa build) in which
// commit's step number n (from 0) kills it (kill) or fails (not kill).
// It returns the name of that step, "" when the commit had fewer steps
// (the build ended), and the build's error.
func (it *incTest) stopAt(n int, kill bool) (step string, err error) {
	it.t.Helper()
	calls := 0
	commitStep = func(name string) error {
		if calls++; calls-1 != n {
			return nil
		}
		step = name
		if kill {
			panic(killedBuild{})
		}
		return errors.New("injected failure at " + name)
	}
	defer func() {
		commitStep = nil
		if r := recover(); r != nil {
			if _, ok := r.(killedBuild); !ok {
				panic(r)
			}
		}
	}()
	_, err = Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow})
	return step, err
}

// journalEdit changes the site so that a warm build adds files in new
// folders (a bundle renamed, a news item added), replaces files (the
// lists, the sitemap, the search index) and deletes files and folders
// (the bundle's old place).
func journalEdit(it *incTest) {
	for name, text := range it.files {
		if strings.HasPrefix(name, "content/guide/goi/") {
			it.remove(name)
			it.write(strings.Replace(name, "/goi/", "/goi-moi/", 1), text)
		}
	}
	it.write("content/news/tin-09.vi.md", newsItem(9, "vi", "2025-06-01", []string{"b"}, ""))
	it.write("content/news/tin-01.vi.md", setKey(it.files["content/news/tin-01.vi.md"], "title", "Tin đã sửa"))
}

// commitSteps returns how many steps (commitStep calls) the commit of
// a warm build after journalEdit has, and the output it ends with (that
// of a cold build, checked): a build that is not stopped.
func commitSteps(t *testing.T) (int, map[string][]byte) {
	t.Helper()
	it := newWarmTest(t, incSite(3), 1)
	it.warmBuild(Options{})
	journalEdit(it)
	total := 0
	commitStep = func(string) error { total++; return nil }
	res, _ := it.warmBuild(Options{})
	commitStep = nil
	it.checkCold("not stopped", res, Options{})
	if total < 10 {
		t.Fatalf("the commit had only %d steps", total)
	}
	return total, outputTree(t, filepath.Join(it.dir, "public"))
}

// TestWarmBuildKilled: a warm build killed at any step of its commit
// leaves a journal from which the next build's start (rollBack) puts
// the output back exactly as it was before (files and folders, no
// temporary file left), with a warning when it had changed anything;
// the build then goes on to the output of a cold build. Before the
// first file is renamed, the output is untouched even without the
// rollback.
func TestWarmBuildKilled(t *testing.T) {
	total, after := commitSteps(t)
	build := func(it *incTest) {
		t.Helper()
		if res, err := Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "public"), Now: fixedNow}); err != nil {
			t.Fatalf("%v\n%s", err, diagText(res))
		}
	}
	steps := map[string]int{}
	for n := range total {
		if testing.Short() && n > 3 && n%5 != 0 && n < total-2 {
			continue
		}
		it := newWarmTest(t, incSite(3), 1)
		public := filepath.Join(it.dir, "public")
		build(it)
		before := outputTree(t, public)
		journalEdit(it)
		step, _ := it.stopAt(n, true)
		if step == "" {
			t.Fatalf("the commit did not reach its step %d of %d", n, total)
		}
		steps[step]++
		stopped := outputTree(t, public)
		if step == "written" || step == "kept" || step == "journal" {
			if diffs := sameTree(stopped, before); len(diffs) > 0 {
				t.Fatalf("killed at step %d (%s): the output changed before the first rename:\n%s", n, step, strings.Join(diffs, "\n"))
			}
		}
		b, err := newBuilder(Options{Source: it.dir, Out: public, Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.rollBack(); err != nil {
			t.Fatalf("killed at step %d (%s): rollBack: %v", n, step, err)
		}
		want := before
		if step == "ended" {
			want = after // the list removed: the new output stands
		}
		if diffs := sameTree(outputTree(t, public), want); len(diffs) > 0 {
			t.Fatalf("killed at step %d (%s): the output is not put back as it was:\n%s", n, step, strings.Join(diffs, "\n"))
		}
		warned := strings.Contains(diagText(b.res), "put back as it was before that build")
		if want := step == "journal" || step == "file"; warned != want {
			t.Errorf("killed at step %d (%s): warned %v, want %v:\n%s", n, step, warned, want, diagText(b.res))
		}
		if _, err := os.Lstat(journalDir(public)); err == nil {
			t.Errorf("killed at step %d (%s): the journal is still there after rollBack", n, step)
		}
		build(it)
		if diffs := sameTree(outputTree(t, public), after); len(diffs) > 0 {
			t.Fatalf("killed at step %d (%s): the build after differs from a cold build:\n%s", n, step, strings.Join(diffs, "\n"))
		}
	}
	for _, s := range []string{"written", "kept", "journal", "file", "ended"} {
		if steps[s] == 0 {
			t.Errorf("no kill at step %q (%v)", s, steps)
		}
	}
	if !testing.Short() && steps["file"] < 10 {
		t.Errorf("only %d files changed: the edit does not test much", steps["file"])
	}
}

// TestWarmBuildKilledThenBuilt: a killed warm build's output is put back
// by loa build itself (Run), which says so, and the result is a cold
// build's.
func TestWarmBuildKilledThenBuilt(t *testing.T) {
	it := newWarmTest(t, incSite(3), 2)
	it.warmBuild(Options{})
	journalEdit(it)
	if step, _ := it.stopAt(8, true); step != "file" {
		t.Fatalf("killed at %q, not while renaming", step)
	}
	res, _ := it.warmBuild(Options{})
	if !strings.Contains(diagText(res), "put back as it was before that build") {
		t.Errorf("no warning that the output was put back:\n%s", diagText(res))
	}
	clean := filepath.Join(it.dir, "clean")
	cold, err := Run(context.Background(), Options{Source: it.dir, Out: clean, Now: fixedNow, NoCache: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(cold))
	}
	if diffs := sameTree(outputTree(t, filepath.Join(it.dir, "public")), outputTree(t, clean)); len(diffs) > 0 {
		t.Fatalf("the output differs from a cold build:\n%s", strings.Join(diffs, "\n"))
	}
	// The build after that one is warm again.
	it.write("content/news/tin-02.vi.md", it.files["content/news/tin-02.vi.md"]+"\nThêm.\n")
	res, warm := it.warmBuild(Options{})
	if !warm {
		t.Error("the build after did not use the cache")
	}
	it.checkCold("after", res, Options{})
}

// TestWarmBuildCommitFails: a failure at any step of a commit (a rename
// refused, a disk full) leaves the output exactly as it was, and no
// journal; the build reports the error.
func TestWarmBuildCommitFails(t *testing.T) {
	total, after := commitSteps(t)
	steps := map[string]int{}
	for n := range total {
		if n > 4 && n != total/2 && n < total-2 {
			continue // (the steps between renames fail alike)
		}
		it := newWarmTest(t, incSite(3), 1)
		public := filepath.Join(it.dir, "public")
		it.warmBuild(Options{})
		before := outputTree(t, public)
		journalEdit(it)
		step, err := it.stopAt(n, false)
		steps[step]++
		want := before
		switch {
		case step == "":
			t.Fatalf("the commit did not reach its step %d of %d", n, total)
		case step == "ended": // the journal's list is gone: the new output stands
			if err != nil {
				t.Errorf("failed at step %d (%s): %v", n, step, err)
			}
			want = after
		case err == nil:
			t.Fatalf("failed at step %d (%s): no error", n, step)
		}
		if diffs := sameTree(outputTree(t, public), want); len(diffs) > 0 {
			t.Fatalf("failed at step %d (%s): the output is not the one before:\n%s", n, step, strings.Join(diffs, "\n"))
		}
		if _, err := os.Lstat(journalDir(public)); err == nil {
			t.Errorf("failed at step %d (%s): the journal is left", n, step)
		}
	}
	for _, s := range []string{"written", "kept", "journal", "file", "ended"} {
		if steps[s] == 0 {
			t.Errorf("no failure at step %q (%v)", s, steps)
		}
	}
}

// TestRollBackLeavesRunningBuild: a journal whose cache folder is locked
// (a warm build into that output running now) is not rolled back; one
// that is not a journal is removed with a warning, the output left.
func TestRollBackLeavesRunningBuild(t *testing.T) {
	it := newWarmTest(t, incSite(2), 4)
	public := filepath.Join(it.dir, "public")
	it.warmBuild(Options{})
	journalEdit(it)
	if step, _ := it.stopAt(6, true); step != "file" {
		t.Fatalf("killed at %q, not while renaming", step)
	}
	stopped := outputTree(t, public)
	unlock, err := LockDir(filepath.Dir(journalDir(public)))
	if err != nil {
		t.Fatal(err)
	}
	locked := Locked(filepath.Dir(journalDir(public))) // (false where loa cannot lock: Windows)
	b, err := newBuilder(Options{Source: it.dir, Out: public, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.rollBack(); err != nil {
		t.Fatal(err)
	}
	unlock()
	if diffs := sameTree(outputTree(t, public), stopped); len(diffs) > 0 && locked {
		t.Fatalf("a locked journal was rolled back:\n%s", strings.Join(diffs, "\n"))
	}
	// A list that is not a journal's: removed, with a warning.
	if err := os.MkdirAll(journalDir(public), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"garbage\n", journalMagic + "\nR \"../x\"\nend\n", journalMagic + "\nR \"a\"\n"} {
		if err := os.WriteFile(filepath.Join(journalDir(public), journalFile), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		before := outputTree(t, public)
		b, _ := newBuilder(Options{Source: it.dir, Out: public, Now: fixedNow})
		if err := b.rollBack(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(diagText(b.res), "could not be put back") {
			t.Errorf("%q: no warning:\n%s", text, diagText(b.res))
		}
		if diffs := sameTree(outputTree(t, public), before); len(diffs) > 0 {
			t.Errorf("%q: the output changed:\n%s", text, strings.Join(diffs, "\n"))
		}
		if _, err := os.Lstat(journalDir(public)); err == nil {
			t.Errorf("%q: the journal is left", text)
		}
		if err := os.MkdirAll(journalDir(public), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKeepFileCopies: where a hard link is refused (here: the name is
// taken), keepFile keeps a copy with the same bytes, permissions and
// modification time.
func TestKeepFileCopies(t *testing.T) {
	dir := t.TempDir()
	name, kept := filepath.Join(dir, "index.html"), filepath.Join(dir, "0.old")
	if err := os.WriteFile(name, []byte("cũ"), 0o640); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, 1, 2, 3, 4, 5, 600, time.UTC)
	if err := os.Chtimes(name, when, when); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(kept, []byte("taken"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := keepFile(name, kept); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(kept)
	info, _ := os.Stat(kept)
	if err != nil || string(data) != "cũ" || !info.ModTime().Equal(when) {
		t.Errorf("kept %q, %v, %v", data, info.ModTime(), err)
	}
	if err := keepFile(filepath.Join(dir, "missing"), filepath.Join(dir, "1.old")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

// TestOutputKept: only a commit that could be neither finished nor undone
// says the output is not as it was, however it is wrapped; its message is
// the error's own.
func TestOutputKept(t *testing.T) {
	plain := errors.New("write x: no space left on device")
	mixed := notKept{errors.New("rename a: input/output error (and the output could not be put back as it was: rename b: input/output error; the next build does)")}
	if !OutputKept(plain) || !OutputKept(errors.Join(plain, plain)) {
		t.Error("an error of the system should leave the output kept")
	}
	if OutputKept(mixed) || OutputKept(errors.Join(plain, mixed)) {
		t.Error("a commit neither finished nor undone should not say the output is kept")
	}
	if mixed.Error() != mixed.error.Error() || !errors.Is(mixed, mixed.error) {
		t.Errorf("notKept changed the error: %q", mixed.Error())
	}
}

// TestDiskFull: once the disk refuses a file (ENOSPC, here from a stand-in
// for the system), the build writes nothing more but goes on to the end
// and says how much room the whole site needs (Result.Needed: what onDisk
// gives for every file a good build writes, read with its output), then
// fails with that first error; the output folder is not made and the
// staging folder is gone.
func TestDiskFull(t *testing.T) {
	it := &incTest{t: t, dir: t.TempDir(), files: map[string]string{}}
	for name, text := range withPhotos(t, incSite(3)) {
		it.write(name, text)
	}
	good := filepath.Join(t.TempDir(), "good")
	if _, err := Run(context.Background(), Options{Source: it.dir, Out: good, Now: fixedNow, NoCache: true}); err != nil {
		t.Fatal(err)
	}
	var want int64
	files := 0
	err := filepath.WalkDir(good, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(good, p)
		want += onDisk(filepath.ToSlash(rel), int(info.Size()))
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int64
	stagedWrite = func(p string) error {
		if n.Add(1) > 5 {
			return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
		}
		return nil
	}
	defer func() { stagedWrite = nil }()
	out := filepath.Join(t.TempDir(), "usb", "site")
	if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{Source: it.dir, Out: out, Now: fixedNow, NoCache: true})
	if !DiskFull(err) || !OutputKept(err) {
		t.Fatalf("want the disk-full error, the output kept; got %v", err)
	}
	if res.Needed != want {
		t.Errorf("Needed = %d, want %d (the good build's %d files)", res.Needed, want, files)
	}
	left, _ := os.ReadDir(filepath.Dir(out))
	if len(left) != 0 {
		t.Errorf("left beside the output: %v", left)
	}
	// Another error of the system is not counted on: it ends the build.
	stagedWrite = func(p string) error { return &fs.PathError{Op: "write", Path: p, Err: syscall.EACCES} }
	res, err = Run(context.Background(), Options{Source: it.dir, Out: out, Now: fixedNow, NoCache: true})
	if !errors.Is(err, syscall.EACCES) || res.Needed != 0 {
		t.Errorf("permission denied: got %v, Needed %d", err, res.Needed)
	}
}
