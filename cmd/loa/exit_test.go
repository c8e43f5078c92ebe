package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes checks the status scripts rely on: 0 success, 1 content
// errors, 2 a wrong command line or options.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	write := func(name, text string) {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.yaml", "title: {vi: A}\nbase_url: https://example.org/\nlanguages: [{code: vi, name: Tiếng Việt}]\n")
	write("content/_index.vi.md", "---\ntitle: A\n---\nXin chào.\n")
	out := filepath.Join(dir, "out")
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(site, "content"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"build", "--source", site, "--out", out}, 0, "built 3 pages"},
		{[]string{"build", "--source", site, "--out", out, "--base-url", "notaurl"}, 2, `--base-url "notaurl" is not an absolute http(s) address`},
		{[]string{"build", "--source", filepath.Join(dir, "nowhere"), "--out", out}, 2, "is this a loa site?"},
		{[]string{"build", "--source", site, "--out", filepath.Join(dir, "file")}, 2, "it is a file, not a folder"},
		{[]string{"build", "--source", site, "--out", filepath.Join(dir, "link", "x")}, 2, "inside the site's content/ folder"},
		{[]string{"build", "--source", site, "--out", "/"}, 2, "root of the file system"},
		{[]string{"build", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"nope"}, 2, `unknown command "nope"`},
		{[]string{}, 2, "no command given"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("loa %s: exit %d, want %d; stderr:\n%s", strings.Join(tc.args, " "), code, tc.code, stderr.String())
		}
	}
	write("content/_index.vi.md", "---\ntitel: A\n---\n")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", "--source", site, "--out", out}, &stdout, &stderr); code != 1 {
		t.Errorf("content error: exit %d, want 1\n%s", code, stderr.String())
	}
}
