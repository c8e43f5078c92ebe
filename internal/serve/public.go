package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
)

// PublicOptions configure RunPublic.
type PublicOptions struct {
	// Dir is a built site's folder (loa build's --out).
	Dir string
	// Bind and Port are as in Options (default 127.0.0.1:1313).
	Bind string
	Port int
	// Log receives the address; Ready, when set, is called with it.
	Log   io.Writer
	Ready func(url string)
	// Messages is the language of what Log is told; nil is English.
	Messages *diag.Catalogue
}

// RunPublic serves the built site in opts.Dir until ctx ends, the way a
// static host configured with the site's header files would: every
// response carries the security headers of _headers, a missing page gets
// the site's own 404.html with status 404, a folder's address serves its
// index.html, and the files for the host (build.HostFiles) are not served.
// It builds nothing and watches nothing.
func RunPublic(ctx context.Context, opts PublicOptions) error {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if _, err := os.Stat(filepath.Join(opts.Dir, "index.html")); err != nil {
		return &build.OptionError{Msg: fmt.Sprintf("--public %s is not a built site: it has no index.html", opts.Dir),
			Hint: fmt.Sprintf("build it first with loa build --out %s", opts.Dir)}
	}
	ln, url, err := listen(opts.Bind, opts.Port)
	if err != nil {
		return err
	}
	if everyInterface(opts.Bind) {
		opts.Messages.Fprintf(opts.Log, "loa: serving on every network interface: anyone who can reach this computer can see the site\n")
	}
	srv := &http.Server{Handler: PublicHandler(opts.Dir), ReadHeaderTimeout: 10 * time.Second}
	opts.Messages.Fprintf(opts.Log, "loa: serving the built site %s at %s as a host would (Ctrl-C to stop)\n", absOr(opts.Dir), url)
	if opts.Ready != nil {
		opts.Ready(url)
	}
	return serveUntil(ctx, srv, ln, nil)
}

// PublicHandler serves the built site in dir as RunPublic describes.
func PublicHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, h := range build.HostHeaders() {
			w.Header().Set(h[0], h[1])
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if slices.Contains(build.HostFiles, strings.TrimPrefix(p, "/")) || slices.Contains(strings.Split(r.URL.Path, "/"), "..") {
			notFound(w, r, dir)
			return
		}
		file := filepath.Join(dir, filepath.FromSlash(p))
		info, err := os.Stat(file)
		if err == nil && info.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			file = filepath.Join(file, "index.html")
			info, err = os.Stat(file)
		}
		if err != nil || info.IsDir() {
			notFound(w, r, dir)
			return
		}
		f, err := os.Open(file)
		if err != nil {
			notFound(w, r, dir)
			return
		}
		defer f.Close()
		if build.IsHashedName(file) {
			w.Header().Set("Cache-Control", "max-age=31536000, immutable")
		}
		http.ServeContent(w, r, file, info.ModTime(), f)
	})
}

// notFound answers with the site's 404.html and status 404.
func notFound(w http.ResponseWriter, r *http.Request, dir string) {
	page, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodGet {
		_, _ = w.Write(page)
	}
}
