// Command markdown-floor measures the unavoidable part of building a site:
// it converts every Markdown file under a folder with goldmark (the same
// extensions loa uses), on all cores, and writes each result to its own
// file in an output folder. It does nothing else: no templates, no links,
// no checks. loa's build time is compared with this floor (issue 8).
//
//	markdown-floor --source DIR --out DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
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
