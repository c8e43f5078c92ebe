// Package build owns a whole build: it loads the configuration, content,
// directory and interface strings, converts and renders every page in
// parallel, and writes the site into a staging folder that replaces the
// output folder only when everything succeeded. It also publishes photos
// at a size screens can show (images.go: scaled with golang.org/x/image,
// a phone copy for srcset) and checks links by site path against what it
// publishes (sitelinks.go).
//
// It receives Options (from cmd/loa or a test) and returns a Result with
// diagnostics and counts. It is one of the two packages (with serve) that
// start goroutines. It never deletes a folder that lacks its marker file,
// and never anything outside the output folder but its own staging folders
// beside it (those an earlier, stopped build left behind are removed by
// the next one) and its build cache and rollback journal in .loa-cache/
// beside it (cache.go, journal.go: a warm build stopped while it changed
// the output in place is undone by the next build). A build whose context
// ends stops at the next stage or page, removes its staging folder and
// leaves the previous output as it was, returning the context's error.
//
// Session keeps a build in memory for loa serve and rebuilds after an
// edit in proportion to what it changed (session.go, incremental.go).
package build
