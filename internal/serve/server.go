package serve

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
)

// Options configure the preview. The zero value serves the site in the
// current folder on 127.0.0.1:1313.
type Options struct {
	// Build says what to build; its Out and BaseURL are set by Run.
	Build build.Options
	// Bind is the address to listen on; default 127.0.0.1 (this computer
	// only). "0.0.0.0" serves everyone on the network, and Run says so.
	Bind string
	// Port is the TCP port; default 1313. 0 picks a free one.
	Port int
	// Log receives what the terminal shows: the address, each rebuild, and
	// the problems of a broken edit.
	Log io.Writer
	// Ready, when set, is called with the site's address once it is served.
	Ready func(url string)
	// Messages is the language of what the terminal and the overlay over
	// the page say; nil is English.
	Messages *diag.Catalogue
}

// SettleAfter is how long edits must pause before the search index is
// rebuilt after body-only edits.
const SettleAfter = time.Second

//go:embed live.js
var liveJS []byte

// liveTag is injected into served HTML, before </head>.
var liveTag = []byte(`<script src="/__loa/live.js" defer></script>`)

// liveTagGen is liveTag naming the build a page was served from, so that a
// page which connects to the events only after a newer build still reloads.
func liveTagGen(gen int) []byte {
	return []byte(`<script src="/__loa/live.js" data-build="` + strconv.Itoa(gen) + `" defer></script>`)
}

// server holds the preview's state.
type server struct {
	out   string // the built site
	log   io.Writer
	m     *diag.Catalogue
	mu    sync.Mutex
	fail  string // problems of the last build, "" when it succeeded
	gen   int    // counts successful builds; 0 means there is no site yet
	watch map[chan string]bool
	// shown holds the warnings already printed in this session (position
	// and English message), so that each is printed once, when it first
	// appears: at the first build, or when the edit that causes it is
	// saved.
	shown map[string]bool
}

// Run builds, serves and watches until ctx ends, then removes its
// temporary folder. It returns an error when the first build cannot even
// start (bad options) or the address cannot be listened on.
func Run(ctx context.Context, opts Options) error {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Port == 0 && opts.Ready == nil {
		opts.Port = 1313
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ln, url, err := listen(opts.Bind, opts.Port)
	if err != nil {
		return err
	}
	removeStaleTemp()
	tmp, err := os.MkdirTemp("", tempPrefix)
	if err != nil {
		ln.Close()
		return err
	}
	defer os.RemoveAll(tmp)
	unlock, err := build.LockDir(tmp)
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, lockedMark), nil, 0o644)
	}
	if err != nil {
		ln.Close()
		return err
	}
	defer unlock()
	if everyInterface(opts.Bind) {
		opts.Messages.Fprintf(opts.Log, "loa: serving on every network interface: anyone who can reach this computer can see the preview\n")
	}
	opts.Build.Out = filepath.Join(tmp, "public")
	opts.Build.BaseURL = url
	s := &server{out: opts.Build.Out, log: opts.Log, m: opts.Messages, watch: map[chan string]bool{}}
	sess, res, err := build.NewSession(ctx, opts.Build)
	if ctx.Err() != nil {
		ln.Close() // stopped during the first build
		return nil
	}
	if err := s.report(res, err); err != nil {
		ln.Close()
		return err
	}
	source := opts.Build.Source
	if source == "" {
		source = "."
	}
	w, err := Watch(ctx, []string{filepath.Join(source, "content"), filepath.Join(source, "templates"), filepath.Join(source, "static")})
	var limit *LimitError
	switch {
	case errors.As(err, &limit) && w != nil:
		// Serve all the same, but say loudly what goes unseen.
		opts.Messages.Fprintf(opts.Log, "loa: %s\n", limit.Message(opts.Messages))
	case err != nil:
		ln.Close()
		return fmt.Errorf("watch: %w", err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	rebuilding := make(chan struct{})
	go func() {
		defer close(rebuilding)
		// The search index is brought up to date once edits pause, so that
		// a run of quick saves reloads the page as fast as it can.
		settle := time.NewTimer(time.Hour)
		settle.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-settle.C:
				if err := sess.Settle(); err != nil {
					opts.Messages.Fprintf(opts.Log, "loa: updating the search index: %v\n", err)
				}
			case changed := <-w.Changes:
				start := time.Now()
				res, err := sess.Rebuild(ctx, changed)
				if ctx.Err() != nil {
					return // stopped mid-build: nothing to report
				}
				if err == nil {
					opts.Messages.Fprintf(opts.Log, "loa: %d change(s), rebuilt in %s\n", len(changed), diag.Duration(opts.Messages.Lang(), time.Since(start)))
				}
				if err := s.report(res, err); err != nil {
					fmt.Fprintf(opts.Log, "loa: %v\n", err)
				}
				settle.Reset(SettleAfter)
			case err := <-w.Errors:
				var limit *LimitError
				if errors.As(err, &limit) {
					opts.Messages.Fprintf(opts.Log, "loa: %s\n", limit.Message(opts.Messages))
				} else {
					opts.Messages.Fprintf(opts.Log, "loa: watching: %v\n", err)
				}
			}
		}
	}()
	opts.Messages.Fprintf(opts.Log, "loa: serving %s at %s (Ctrl-C to stop)\n", absOr(source), url)
	if opts.Ready != nil {
		opts.Ready(url)
	}
	if err := serveUntil(ctx, srv, ln, s.closeWatchers); err != nil {
		return err
	}
	<-rebuilding // a rebuild writes into the temporary folder until it stops
	return nil
}

// listen listens on bind:port (port 0: any free port) and returns the
// listener and the address to open in a browser ("http://127.0.0.1:1313/";
// 127.0.0.1 when bind is every interface).
func listen(bind string, port int) (net.Listener, string, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		return nil, "", fmt.Errorf("listen on %s:%d: %w", bind, port, err)
	}
	host := bind
	if everyInterface(bind) {
		host = "127.0.0.1"
	}
	return ln, fmt.Sprintf("http://%s/", net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))), nil
}

// everyInterface reports whether bind is an unspecified address (0.0.0.0,
// ::), which lets other computers reach the server.
func everyInterface(bind string) bool {
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsUnspecified()
}

// serveUntil serves srv on ln until ctx ends, then calls stopping (when
// not nil: what must end before the open connections can, such as the
// reload events) and shuts srv down, giving requests 2 s; it returns nil
// then, or the error that stopped the server first.
func serveUntil(ctx context.Context, srv *http.Server, ln net.Listener, stopping func()) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if stopping != nil {
			stopping()
		}
		_ = srv.Shutdown(shut)
		return nil
	case err := <-errc:
		return err
	}
}

// tempPrefix starts the name of the temporary folder a preview builds
// into, in the system's temporary folder; digits follow.
const tempPrefix = "loa-serve-"

// lockedMark is a file in the temporary folder of a preview that holds it
// locked while it runs (build.LockDir); previews of older versions of loa
// did not, and their folders are never removed by removeStaleTemp.
const lockedMark = ".locked-while-in-use"

// removeStaleTemp removes the temporary folders of earlier previews that
// were killed before they could (a second Ctrl-C, kill -9): those named
// tempPrefix and digits, marked with lockedMark, that no running preview
// holds locked. Folders it may not delete (another user's) are left alone.
func removeStaleTemp() {
	dir := os.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		digits, ok := strings.CutPrefix(e.Name(), tempPrefix)
		if !ok || !e.IsDir() || digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(p, lockedMark)); err == nil && !build.Locked(p) {
			_ = os.RemoveAll(p)
		}
	}
}

func absOr(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// report tells the terminal and the browsers how a build went: "reload"
// after a good build, the problems after a broken one (the last good site
// stays). Only options errors are returned.
func (s *server) report(res build.Result, err error) error {
	var oe *build.OptionError
	if errors.As(err, &oe) {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		// Only the errors: warnings would bury them, and were shown at the
		// first build.
		var errs diag.List
		for _, d := range res.Diagnostics {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		var text bytes.Buffer
		_ = s.m.PrintText(&text, errs)
		if !errors.Is(err, build.ErrContent) {
			msg, _ := s.m.Message(err.Error())
			fmt.Fprintf(&text, "%s\n", msg)
		}
		s.fail = text.String()
		state := s.m.Sprintf("the last good site is still served")
		if s.gen == 0 {
			state = s.m.Sprintf("there is no site to show until this is fixed")
		}
		fmt.Fprintf(s.log, "%sloa: %s\n", s.fail, state)
		s.broadcast("problem", s.overlay())
		return nil
	}
	if fresh := s.newWarnings(res.Diagnostics); len(fresh) > 0 {
		_ = s.m.PrintText(s.log, fresh)
	}
	s.fail = ""
	s.gen++
	s.broadcast("reload", strconv.Itoa(s.gen))
	return nil
}

// newWarnings returns the diagnostics of l not yet printed in this
// session, and remembers them; s.mu must be held. A warning an edit brings
// (a pasted <b>, a number that is not a call link) is printed when the
// edit is saved, not only at the first build.
func (s *server) newWarnings(l diag.List) diag.List {
	if s.shown == nil {
		s.shown = map[string]bool{}
	}
	var fresh diag.List
	for _, d := range l {
		key := d.Pos.String() + "\x00" + d.Message
		if !s.shown[key] {
			s.shown[key] = true
			fresh = append(fresh, d)
		}
	}
	return fresh
}

// overlay is the text shown over the page after a broken edit: a first
// line in the language of the messages, then the problems; s.mu must be
// held.
func (s *server) overlay() string {
	head := s.m.Sprintf("loa: the page below is the last good build. Fix this and save:")
	if s.gen == 0 {
		head = s.m.Sprintf("loa: the site cannot be shown until this is fixed. Fix this and save:")
	}
	return head + "\n\n" + s.fail
}

// broadcast sends an event to every open page; s.mu must be held.
func (s *server) broadcast(event, data string) {
	msg := "event: " + event + "\n"
	for _, line := range strings.Split(data, "\n") {
		msg += "data: " + line + "\n"
	}
	msg += "\n"
	for c := range s.watch {
		select {
		case c <- msg:
		default: // a slow page misses one message; it gets the next
		}
	}
}

func (s *server) closeWatchers() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.watch {
		close(c)
		delete(s.watch, c)
	}
}

// ServeHTTP serves the built site, the live-reload script and its events.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/__loa/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(liveJS)
		return
	case "/__loa/events":
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	gen := s.gen // read before the file: the page is at least this new
	s.mu.Unlock()
	empty := gen == 0
	if empty {
		// No good build yet: a page that shows the problems and reloads
		// once they are fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "<!DOCTYPE html><html lang=\""+s.m.Lang()+"\"><head><meta charset=\"utf-8\"><title>loa serve</title>"+string(liveTag)+"</head><body><main><p>"+
			html.EscapeString(s.m.Sprintf("The site has not built yet."))+"</p></main></body></html>")
		return
	}
	for _, seg := range strings.Split(r.URL.Path, "/") {
		if seg == ".." {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
	}
	p := path.Clean("/" + r.URL.Path)
	file := filepath.Join(s.out, filepath.FromSlash(p))
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	status := http.StatusOK
	data, err := os.ReadFile(file)
	if err != nil {
		status = http.StatusNotFound
		file = filepath.Join(s.out, "404.html")
		if data, err = os.ReadFile(file); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	ctype := mime.TypeByExtension(filepath.Ext(file))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, gen)
	}
	w.Header().Set("Content-Type", ctype)
	if status == http.StatusOK && build.IsHashedName(file) {
		// A content-hashed name changes with its content: a reload need
		// not fetch it again.
		w.Header().Set("Cache-Control", "max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		_, _ = w.Write(data)
	}
}

// inject adds the live-reload script to an HTML page served from build
// gen, before </head>.
func inject(page []byte, gen int) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return page
	}
	tag := liveTagGen(gen)
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams Server-Sent Events to one page: the current problems at
// once when the last build failed, then every reload and problem.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan string, 4)
	s.mu.Lock()
	s.watch[c] = true
	if s.fail != "" {
		s.broadcast("problem", s.overlay())
	} else {
		c <- "event: ok\ndata: " + strconv.Itoa(s.gen) + "\n\n"
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.watch[c] {
			delete(s.watch, c)
		}
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-c:
			if !ok {
				return
			}
			if _, err := io.WriteString(w, msg); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}
