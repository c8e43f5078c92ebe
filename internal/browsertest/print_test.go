package browsertest

import (
	"bytes"
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/loa-ssg/loa/internal/build"
)

// printTools are the programs TestPrint needs beside Chromium (Debian
// packages poppler-utils and zbar-tools).
var printTools = []string{"pdfinfo", "pdftotext", "pdftoppm", "zbarimg"}

// chromiumPath returns Chromium's path, or skips the test (fails under
// LOA_BROWSER_TESTS=1) when it or one of tools is missing.
func chromiumPath(t *testing.T, tools ...string) string {
	t.Helper()
	var missing []string
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		missing = append(missing, "chromium")
	}
	if len(missing) > 0 {
		msg := "needs " + strings.Join(missing, ", ") + " (apt-get install -y chromium poppler-utils zbar-tools)"
		if os.Getenv("LOA_BROWSER_TESTS") == "1" {
			t.Fatal("LOA_BROWSER_TESTS=1 but this test " + msg)
		}
		t.Skip("print test skipped: it " + msg + "; LOA_BROWSER_TESTS=1 makes this a failure")
	}
	return path
}

// printToPDF prints url to a PDF file with Chromium's own "Save as PDF",
// with the browser's settings as they come: its header and footer (the
// date, the title, the address) on, as most people leave them.
func printToPDF(t *testing.T, chromium, url, pdf string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--print-to-pdf="+pdf, url)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf %s: %v\n%s", url, err, out)
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// TestPrint prints every printed piece of the real site (posters,
// directory lists, leaflets) to PDF with Chromium and checks that each
// fits on one sheet of the size it asks for and carries every emergency
// number and the day it was made; and then, by the site's address:
//   - a real one (the site built with --base-url
//     https://phongchongmaidam.hungyen.gov.vn/, a name not kept for
//     examples; the site's own address is not known yet):
//     the address is printed, and the QR code, read back from an image of
//     the PDF, opens the page the piece was made from;
//   - the real site's example address (phongchongmaidam.hungyen.example):
//     neither a QR code nor the address is printed, which would send
//     whoever holds the paper nowhere, but a note in the QR code's place.
func TestPrint(t *testing.T) {
	chromium := chromiumPath(t, printTools...)
	t.Run("real address", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		if _, err := build.Run(context.Background(), build.Options{
			Source: filepath.Join("..", ".."), Out: out, BaseURL: "https://phongchongmaidam.hungyen.gov.vn/",
			Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		}); err != nil {
			t.Fatalf("build the real site: %v", err)
		}
		server := httptest.NewServer(http.FileServer(http.Dir(out)))
		defer server.Close()
		printPieces(t, chromium, out, server.URL, "https://phongchongmaidam.hungyen.gov.vn")
	})
	t.Run("example address", func(t *testing.T) {
		base := site(t)
		printPieces(t, chromium, filepath.Join(siteDir, "public"), base, "")
	})
}

// printPieces prints each printed piece of the site built in out and
// served at base, and checks it (see TestPrint): with its QR code opening
// the piece's page on origin, or, when origin is "", with neither a QR code
// nor the example address.
func printPieces(t *testing.T, chromium, out, base, origin string) {
	var pieces []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "index.html" {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(`<main class="sheet `)) {
				rel, _ := filepath.Rel(out, filepath.Dir(p))
				pieces = append(pieces, filepath.ToSlash(rel)+"/")
			}
		}
		return nil
	})
	// Two languages, each a poster, a directory list and three leaflets.
	if len(pieces) < 10 {
		t.Fatalf("%d printed pieces found, want at least 10: %q", len(pieces), pieces)
	}
	numbers := []string{"111", "113", "114", "115", "112"}
	back := regexp.MustCompile(`<a class="back" href="([^"]+)">`)
	size := regexp.MustCompile(`Page size:.*\((A[45])\)`)
	kind := regexp.MustCompile(`<main class="sheet (\w+)`)
	seen := map[string]bool{}
	if origin == "" {
		// Without a QR code, one piece of each kind and size is enough:
		// the Vietnamese ones, the site's first language (last in order).
		slices.Reverse(pieces)
	}
	for _, piece := range pieces {
		html, _ := os.ReadFile(filepath.Join(out, piece, "index.html"))
		wantSize := "A4"
		if bytes.Contains(html, []byte(`class="page-a5"`)) {
			wantSize = "A5"
		}
		key := string(kind.Find(html)) + wantSize
		if origin == "" && seen[key] {
			continue
		}
		seen[key] = true
		t.Run(piece, func(t *testing.T) {
			m := back.FindSubmatch(html)
			if m == nil {
				t.Fatal("no link back to the page the piece is made from")
			}
			dir := t.TempDir()
			pdf := filepath.Join(dir, "piece.pdf")
			printToPDF(t, chromium, base+"/"+piece, pdf)
			info := run(t, "pdfinfo", pdf)
			pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
			if pages == nil || pages[1] != "1" {
				t.Errorf("pdfinfo: not one page:\n%s", info)
			}
			if s := size.FindStringSubmatch(info); s == nil || s[1] != wantSize {
				t.Errorf("pdfinfo: not %s:\n%s", wantSize, info)
			}
			text := run(t, "pdftotext", "-layout", pdf, "-")
			for _, n := range numbers {
				if !regexp.MustCompile(`(^|\s)` + n + `\s`).MatchString(text) {
					t.Errorf("the PDF lacks the number %s:\n%s", n, text)
				}
			}
			// The pieces leave the page no margin, so that the browser has
			// no room for its header and footer, which would print the
			// address the piece was opened at (file://… on a computer).
			if strings.Contains(text, base) {
				t.Errorf("the browser printed its header or footer (%s) on the sheet:\n%s", base, text)
			}
			if !strings.Contains(text, "30/11/2026") && !strings.Contains(text, "30 November 2026") {
				t.Errorf("the PDF lacks the day it was made:\n%s", text)
			}
			png := filepath.Join(dir, "piece")
			run(t, "pdftoppm", "-r", "150", "-png", "-singlefile", pdf, png)
			// zbarimg exits with 4 when it finds no code.
			code, _ := exec.Command("zbarimg", "-q", "--raw", png+".png").Output()
			got := strings.TrimSpace(string(code))
			if origin == "" {
				if strings.Contains(text, "hungyen.example") || got != "" {
					t.Errorf("the example address is printed (QR code %q):\n%s", got, text)
				}
				if !strings.Contains(text, "Chưa có mã QR") && !strings.Contains(text, "No QR code yet") {
					t.Errorf("no note where the QR code would be:\n%s", text)
				}
				t.Logf("%s: %s, %s page, no QR code", piece, wantSize, pages[1])
				return
			}
			if !strings.Contains(text, strings.TrimPrefix(origin, "https://")) {
				t.Errorf("the PDF lacks the site's address:\n%s", text)
			}
			if want := origin + string(m[1]); got != want {
				t.Errorf("the QR code reads %q, want %q", got, want)
			}
			t.Logf("%s: %s, %s page, QR → %s", piece, wantSize, pages[1], got)
		})
	}
}
