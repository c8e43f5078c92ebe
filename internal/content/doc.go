// Package content owns the content model: it walks content/, reads each
// Markdown file's YAML front matter, and returns the site's pages with their
// languages, sections, slugs, URL paths, translations and attachments.
//
// Files it understands (see README.md, "Content layout"):
//
//	_index.<lang>.md        the home page (at the top) or a section
//	<name>.<lang>.md        a single-file page; <name>.md is the default language
//	<name>/index.<lang>.md  a page bundle; other files in <name>/ are its attachments
//	any other file          outside bundles: Site.Files, published beside a page that links it
//	<name>.md/ (a folder)   an error: a page's file replaced by a folder of its name
//
// It receives normalized text through textfile and a validated config.Site,
// and returns a *Site whose pages are immutable afterwards. Markdown bodies
// are kept as bytes; converting them is package markdown's job. content must
// not render, write files, or know about templates.
package content
