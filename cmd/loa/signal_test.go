//go:build unix

package main

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// loaProc is loa running in a process of its own.
type loaProc struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	err  strings.Builder // standard error so far
	more chan struct{}   // a token after each line of standard error
	done chan struct{}   // closed when the process has ended
}

// startLoa starts loa with args, TMPDIR set to tmp.
func startLoa(t *testing.T, tmp string, args ...string) *loaProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asLoa+"=1", "TMPDIR="+tmp)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &loaProc{cmd: cmd, more: make(chan struct{}, 1), done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			p.mu.Lock()
			p.err.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			select {
			case p.more <- struct{}{}:
			default:
			}
		}
		_ = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

func (p *loaProc) stderr() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err.String()
}

// waitFor waits until loa has said want on standard error.
func (p *loaProc) waitFor(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(2 * time.Minute)
	for !strings.Contains(p.stderr(), want) {
		select {
		case <-p.more:
		case <-p.done:
			if !strings.Contains(p.stderr(), want) {
				t.Fatalf("loa ended without saying %q:\n%s", want, p.stderr())
			}
		case <-timeout:
			t.Fatalf("loa never said %q:\n%s", want, p.stderr())
		}
	}
}

func (p *loaProc) signal(t *testing.T, sig os.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
}

// exit waits for loa to end and returns its exit status; it fails the
// test when loa did not end by itself (killed by a signal it did not
// handle) or printed a panic.
func (p *loaProc) exit(t *testing.T, within time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(within):
		t.Fatalf("loa did not end within %s after the signal:\n%s", within, p.stderr())
	}
	if strings.Contains(p.stderr(), "panic") || strings.Contains(p.stderr(), "goroutine ") {
		t.Errorf("loa panicked:\n%s", p.stderr())
	}
	code := p.cmd.ProcessState.ExitCode()
	if code < 0 {
		t.Errorf("loa was ended by %v: it did not handle it", p.cmd.ProcessState)
	}
	return code
}

// fifo is a named pipe in the site that loa blocks on when it opens it:
// a point in the build at which a test can stop it, deterministically.
type fifo struct {
	path    string
	data    []byte
	reached chan struct{} // closed when loa first opened it
	release chan struct{} // close to let loa read it
	stop    chan struct{}
	ended   chan struct{}
}

// newFIFO makes a named pipe at path, and feeds data to every reader
// once released.
func newFIFO(t *testing.T, path string, data []byte) *fifo {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	f := &fifo{path: path, data: data, reached: make(chan struct{}), release: make(chan struct{}),
		stop: make(chan struct{}), ended: make(chan struct{})}
	go func() {
		defer close(f.ended)
		first := true
		for {
			w, err := os.OpenFile(path, os.O_WRONLY, 0) // blocks until a reader opens it
			if err != nil {
				return
			}
			if first {
				close(f.reached)
				first = false
				select {
				case <-f.release:
				case <-f.stop:
				}
			}
			select {
			case <-f.stop:
				w.Close()
				return
			default:
			}
			_, _ = w.Write(f.data) // a reader may close early: EPIPE
			w.Close()
		}
	}()
	t.Cleanup(f.close)
	return f
}

// wait waits until loa has opened the pipe.
func (f *fifo) wait(t *testing.T) {
	t.Helper()
	select {
	case <-f.reached:
	case <-time.After(2 * time.Minute):
		t.Fatalf("loa never opened %s", f.path)
	}
}

// close ends the feeding goroutine, opening the pipe as a reader so that
// it is not left blocked.
func (f *fifo) close() {
	select {
	case <-f.stop:
		return
	default:
	}
	close(f.stop)
	if r, err := os.OpenFile(f.path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
		<-f.ended
		r.Close()
	}
	<-f.ended
}

// signalSite writes a site of n pages (in both languages) into dir.
// version goes into every page, so that builds of different versions
// differ in every page.
func signalSite(t *testing.T, dir string, n int, version string) {
	t.Helper()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.yaml", "title: {vi: Thử, en: Test}\nbase_url: https://example.org/\n"+
		"languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]\n")
	para := strings.Repeat("Phòng, chống mại dâm là việc của cả cộng đồng; người bị hại được giúp đỡ, không bị phạt. ", 30)
	for _, lang := range []string{"vi", "en"} {
		write("content/_index."+lang+".md", "---\ntitle: Trang chủ "+version+"\n---\nXin chào.\n")
		write("content/tin-tuc/_index."+lang+".md", "---\ntitle: Tin tức\n---\n")
		for i := range n {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: Tin %d (%s)\ndate: 2025-01-%02d\n---\n", i, version, i%28+1)
			for h := range 4 {
				fmt.Fprintf(&b, "\n## Mục %d\n\n%s\n\n- một\n- hai [trang chủ](/)\n", h, para)
			}
			write(fmt.Sprintf("content/tin-tuc/tin-%04d.%s.md", i, lang), b.String())
		}
	}
}

// snapshot returns every file below dir (by slash path) with the SHA-256
// of its bytes; folders count too.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			m[filepath.ToSlash(rel)+"/"] = "folder"
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sameSnapshot(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	n := 0
	for p, h := range want {
		if got[p] != h {
			if n++; n <= 5 {
				t.Errorf("%s: %s changed or is missing", what, p)
			}
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			if n++; n <= 5 {
				t.Errorf("%s: %s is new", what, p)
			}
		}
	}
}

// staging lists what loa left beside out and in tmp: staging folders and
// the preview's temporary folders.
func leftBehind(t *testing.T, out, tmp string) []string {
	t.Helper()
	var left []string
	for _, dir := range []string{filepath.Dir(out), tmp} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.Contains(e.Name(), ".staging-") || strings.HasPrefix(e.Name(), "loa-serve-") {
				left = append(left, filepath.Join(dir, e.Name()))
			}
		}
	}
	return left
}

// built is a site of some pages built once (v1), then changed in every
// page (v2), so that a build that went through would change the output.
type built struct{ site, out string }

// buildOnce makes a built site of n pages in a folder of the test's.
func buildOnce(t *testing.T, n int) built {
	t.Helper()
	dir := t.TempDir()
	b := built{filepath.Join(dir, "site"), filepath.Join(dir, "public")}
	signalSite(t, b.site, n, "v1")
	p := startLoa(t, dir, "build", "--source", b.site, "--out", b.out, "--quiet")
	if code := p.exit(t, 5*time.Minute); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, p.stderr())
	}
	signalSite(t, b.site, n, "v2")
	return b
}

// signalSetup copies b into a folder of t's. It returns the site, the
// output folder, its snapshot and a folder for TMPDIR.
func signalSetup(t *testing.T, b built) (site, out string, before map[string]string, tmp string) {
	t.Helper()
	dir := t.TempDir()
	site, out, tmp = filepath.Join(dir, "site"), filepath.Join(dir, "public"), filepath.Join(dir, "tmp")
	for _, c := range [][2]string{{b.site, site}, {b.out, out}} {
		if err := os.CopyFS(c[1], os.DirFS(c[0])); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	return site, out, snapshot(t, out), tmp
}

// TestBuildSignals stops loa build with SIGINT and SIGTERM at several
// points: while loading (a page that is a named pipe holds it there),
// while writing (a static file that is a named pipe, with the staging
// folder made), once rendering started, and twice in a row. Each time:
// exit status 130 or 143, no panic, no staging folder left (a second
// signal's leftovers are removed by the next build), and the previous
// output byte for byte as it was.
func TestBuildSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sites in subprocesses")
	}
	b := buildOnce(t, 200)
	for _, tc := range []struct {
		name  string
		sig   syscall.Signal
		code  int
		pipe  string // where a named pipe holds the build, "" for none
		twice bool   // a second signal before the pipe is released
	}{
		{"SIGINT while loading", syscall.SIGINT, 130, "content/tin-tuc/zz-ong.vi.md", false},
		{"SIGTERM while loading", syscall.SIGTERM, 143, "content/tin-tuc/zz-ong.vi.md", false},
		{"SIGINT while writing", syscall.SIGINT, 130, "static/zz-ong.txt", false},
		{"SIGTERM while writing", syscall.SIGTERM, 143, "static/zz-ong.txt", false},
		{"SIGINT while rendering", syscall.SIGINT, 130, "", false},
		{"SIGINT twice while loading", syscall.SIGINT, 130, "content/tin-tuc/zz-ong.vi.md", true},
		{"SIGINT twice while writing", syscall.SIGINT, 130, "static/zz-ong.txt", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site, out, before, tmp := signalSetup(t, b)
			var pipe *fifo
			if tc.pipe != "" {
				p := filepath.Join(site, filepath.FromSlash(tc.pipe))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				pipe = newFIFO(t, p, []byte("---\ntitle: Ống\n---\nMột.\n"))
			}
			p := startLoa(t, tmp, "build", "--source", site, "--out", out)
			if pipe != nil {
				pipe.wait(t)
			} else {
				p.waitFor(t, "rendering:")
			}
			p.signal(t, tc.sig)
			p.waitFor(t, "stopping")
			if tc.twice {
				p.signal(t, tc.sig)
				if code := p.exit(t, 30*time.Second); code != tc.code {
					t.Errorf("exit %d after a second signal, want %d\n%s", code, tc.code, p.stderr())
				}
				sameSnapshot(t, "the previous output", snapshot(t, out), before)
				pipe.close()
				if err := os.Remove(pipe.path); err != nil {
					t.Fatal(err)
				}
				// The next build removes what was left behind, and
				// succeeds.
				q := startLoa(t, tmp, "build", "--source", site, "--out", out, "--quiet")
				if code := q.exit(t, 5*time.Minute); code != 0 {
					t.Fatalf("the next build: exit %d\n%s", code, q.stderr())
				}
				if left := leftBehind(t, out, tmp); len(left) > 0 {
					t.Errorf("left behind after the next build: %v", left)
				}
				return
			}
			if pipe != nil {
				close(pipe.release)
			}
			code := p.exit(t, 2*time.Minute)
			if code == 0 && pipe == nil {
				// Rendering 200 pages finished before the signal arrived
				// (a very fast or very loaded machine): not a failure.
				t.Logf("the build finished before the signal was handled")
				return
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, p.stderr())
			}
			if !strings.Contains(p.stderr(), "the previous site was left as it was") {
				t.Errorf("loa did not say the previous site was kept:\n%s", p.stderr())
			}
			if left := leftBehind(t, out, tmp); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			sameSnapshot(t, "the previous output", snapshot(t, out), before)
		})
	}
}

// TestBuildRemovesLeftovers: staging folders of earlier builds that were
// killed are removed by the next build (only loa's, by their names); an
// old output put aside just before the kill is put back first.
func TestBuildRemovesLeftovers(t *testing.T) {
	site, out, before, tmp := signalSetup(t, buildOnce(t, 3))
	parent := filepath.Dir(out)
	for _, name := range []string{".public.staging-123", ".public.staging-456.old"} {
		if err := os.MkdirAll(filepath.Join(parent, name, "tin-tuc"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Not loa's: kept.
	for _, name := range []string{".public.staging-abc", ".other.staging-1", "public.staging-2"} {
		if err := os.Mkdir(filepath.Join(parent, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p := startLoa(t, tmp, "build", "--source", site, "--out", out, "--quiet")
	if code := p.exit(t, time.Minute); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.stderr())
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), ".loa-cache .other.staging-1 .public.staging-abc public public.staging-2 site tmp"; got != want { // .loa-cache: the build cache
		t.Errorf("folders after the build: %s, want %s", got, want)
	}
	for _, name := range []string{".public.staging-abc", ".other.staging-1", "public.staging-2"} {
		if err := os.Remove(filepath.Join(parent, name)); err != nil {
			t.Fatal(err)
		}
	}
	before = snapshot(t, out)
	// Killed between the two renames of the swap: the output is missing
	// and the previous one is aside. The next build puts it back before it
	// starts (so it is still there when this build is stopped).
	aside := filepath.Join(parent, ".public.staging-789.old")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(site, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	pipe := newFIFO(t, filepath.Join(site, "static", "zz-ong.txt"), []byte("x"))
	p = startLoa(t, tmp, "build", "--source", site, "--out", out)
	pipe.wait(t)
	if _, err := os.Stat(aside); err == nil {
		t.Errorf("the previous output was not put back")
	}
	p.signal(t, syscall.SIGINT)
	p.waitFor(t, "stopping")
	close(pipe.release)
	if code := p.exit(t, time.Minute); code != 130 {
		t.Errorf("exit %d, want 130\n%s", code, p.stderr())
	}
	sameSnapshot(t, "the output put back", snapshot(t, out), before)
	if left := leftBehind(t, out, tmp); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// freePort returns a TCP port nobody listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// TestServeSignals stops loa serve during its first build, while it
// serves, and during a rebuild: exit status 130 or 143, no panic, its
// temporary folder removed.
func TestServeSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("serves sites in subprocesses")
	}
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
		code int
	}{
		{"first build", syscall.SIGTERM, 143},
		{"serving", syscall.SIGINT, 130},
		{"rebuild", syscall.SIGINT, 130},
		{"rebuild, twice", syscall.SIGINT, 130},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			site, tmp := filepath.Join(dir, "site"), filepath.Join(dir, "tmp")
			if err := os.Mkdir(tmp, 0o755); err != nil {
				t.Fatal(err)
			}
			signalSite(t, site, 20, "v1")
			page := []byte("---\ntitle: Ống\n---\nMột.\n")
			var pipe *fifo
			if tc.name == "first build" {
				pipe = newFIFO(t, filepath.Join(site, "content", "zz-ong.vi.md"), page)
			}
			p := startLoa(t, tmp, "serve", "--source", site, "--port", freePort(t))
			switch tc.name {
			case "first build":
				pipe.wait(t)
			case "serving":
				p.waitFor(t, "loa: serving")
			default:
				p.waitFor(t, "loa: serving")
				pipe = newFIFO(t, filepath.Join(site, "content", "zz-ong.vi.md"), page)
				pipe.wait(t) // the rebuild the new page started is reading it
			}
			p.signal(t, tc.sig)
			p.waitFor(t, "stopping")
			if tc.name == "rebuild, twice" {
				p.signal(t, tc.sig)
				if code := p.exit(t, 30*time.Second); code != tc.code {
					t.Errorf("exit %d after a second signal, want %d\n%s", code, tc.code, p.stderr())
				}
				// Stopped at once, it may leave its temporary folder; the
				// next preview removes it.
				pipe.close()
				if err := os.Remove(pipe.path); err != nil {
					t.Fatal(err)
				}
				left := leftBehind(t, filepath.Join(site, "public"), tmp)
				if len(left) == 0 {
					t.Fatal("a preview stopped at once mid-rebuild left no temporary folder: the test cannot check its removal")
				}
				// A folder of an older loa (unmarked) is never removed.
				older := filepath.Join(tmp, "loa-serve-1234")
				if err := os.MkdirAll(filepath.Join(older, "public"), 0o755); err != nil {
					t.Fatal(err)
				}
				q := startLoa(t, tmp, "serve", "--source", site, "--port", freePort(t))
				q.waitFor(t, "loa: serving")
				for _, l := range left {
					if _, err := os.Stat(l); err == nil {
						t.Errorf("the next preview did not remove %s", l)
					}
				}
				if now := leftBehind(t, filepath.Join(site, "public"), tmp); len(now) != 2 {
					t.Errorf("temporary folders while the next preview runs: %v, want its own and the older loa's", now)
				}
				q.signal(t, syscall.SIGINT)
				if code := q.exit(t, 2*time.Minute); code != 130 {
					t.Errorf("the next preview: exit %d, want 130\n%s", code, q.stderr())
				}
				if left := leftBehind(t, filepath.Join(site, "public"), tmp); len(left) != 1 || left[0] != older {
					t.Errorf("left behind: %v, want only %s", left, older)
				}
				return
			}
			if pipe != nil {
				close(pipe.release)
			}
			if code := p.exit(t, 2*time.Minute); code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, p.stderr())
			}
			if left := leftBehind(t, filepath.Join(site, "public"), tmp); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
