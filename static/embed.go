// Package static embeds the built-in static files (stylesheet, and later
// scripts) into the loa binary. A site's own static/ folder is copied over
// them, file by file.
package static

import "embed"

// FS holds the built-in static files, with paths as they are published
// ("css/site.css").
//
//go:embed css js
var FS embed.FS

// Folder is where a site keeps its own static files, relative to its
// source folder.
const Folder = "static"
