// Package build owns a whole build: it loads the configuration, content,
// directory and interface strings, converts and renders every page in
// parallel, and writes the site into a staging folder that replaces the
// output folder only when everything succeeded.
//
// It receives Options (from cmd/loa or a test) and returns a Result with
// diagnostics and counts. It is one of the two packages (with serve) that
// start goroutines. It never deletes a folder that lacks its marker file,
// and never anything outside the output folder.
package build
