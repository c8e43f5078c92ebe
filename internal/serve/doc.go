// Package serve owns the live preview: it builds the site into a temporary
// folder, serves it over HTTP on the loopback address, watches content/,
// templates/ and static/ with fsnotify, rebuilds after each change, and
// tells the open browser tabs to reload (Server-Sent Events from a small
// script injected into served HTML only, never into built files). A broken
// edit leaves the last good site served and shows its errors over every
// page until it is fixed.
//
// It receives build.Options and the address to listen on; it is one of the
// two packages (with build) that start goroutines. It removes its
// temporary folder when it stops, and those of earlier previews that were
// killed (unlocked, see build.LockDir) when it starts.
package serve
