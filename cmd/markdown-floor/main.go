// Command markdown-floor measures the unavoidable part of building a site:
// it converts every Markdown file under a folder with goldmark (the same
// extensions loa uses), on all cores, and writes each result where a site
// generator puts a page: a folder per page with its index.html
// (guidance/x.vi.md → guidance/x/index.html, x.en.md → en/…/x/index.html,
// _index.vi.md → its folder's index.html). It does nothing else: no
// templates, no links, no checks. loa's build time is compared with this
// floor (issue 8; the folder per page since issue 17: making one costs as
// much as writing a small file on this disk, so a floor of flat files
// flattered it). --flat writes one file per page in one folder instead, as
// the floor did before.
//
//	markdown-floor --source DIR --out DIR [--flat]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

func main() {
	source := flag.String("source", ".", "the `DIR` whose .md files are converted")
	out := flag.String("out", "floor-out", "the `DIR` the HTML files are written to")
	flat := flag.Bool("flat", false, "write NNNNNN.html files in one folder instead of a folder per page")
	flag.Parse()
	var files []string
	err := filepath.WalkDir(*source, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Bool
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote),
				goldmark.WithParserOptions(parser.WithAutoHeadingID()))
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				if err == nil {
					buf.Reset()
					err = md.Convert(src, &buf)
				}
				if err == nil {
					dst := filepath.Join(*out, fmt.Sprintf("%06d.html", i))
					if !*flat {
						dst = filepath.Join(*out, pagePath(*source, files[i]))
					}
					if err = os.MkdirAll(filepath.Dir(dst), 0o755); err == nil {
						err = os.WriteFile(dst, buf.Bytes(), 0o644)
					}
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	fmt.Fprintf(os.Stderr, "markdown-floor: %d files in %s\n", len(files), time.Since(start).Round(time.Millisecond))
	if failed.Load() {
		os.Exit(1)
	}
}

// pagePath returns where the page of the Markdown file name (under source)
// is written: its path without the language and ".md" as a folder holding
// index.html, under the language's code (a two-letter suffix: x.en.md)
// unless it is Vietnamese, the default.
func pagePath(source, name string) string {
	rel, err := filepath.Rel(source, name)
	if err != nil {
		rel = name
	}
	rel = strings.TrimSuffix(filepath.ToSlash(rel), ".md")
	lang := "vi"
	if dot := strings.LastIndexByte(rel, '.'); dot > strings.LastIndexByte(rel, '/') && isCode(rel[dot+1:]) {
		rel, lang = rel[:dot], rel[dot+1:]
	}
	if base := path.Base(rel); base == "_index" || base == "index" {
		rel = path.Dir(rel)
	}
	if lang != "vi" {
		rel = path.Join(lang, rel)
	}
	return filepath.Join(filepath.FromSlash(rel), "index.html")
}

// isCode reports whether s looks like a language code: two letters a–z.
func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
