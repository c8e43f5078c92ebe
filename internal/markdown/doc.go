// Package markdown owns the conversion of a page's Markdown body to HTML:
// goldmark with GitHub-flavoured tables, strikethrough, autolinks and task
// lists, footnotes, no typographer (it would mangle Vietnamese quotes),
// heading IDs made by package fold (so "Mục tiêu" gets "muc-tieu"), code
// highlighted by chroma as CSS classes, and raw HTML left out.
//
// It receives a body as bytes and a function that resolves relative link
// destinations, and returns HTML, the table of contents and problems as byte
// offsets into the body. It must not read files or know about pages,
// languages or positions in files: the caller maps offsets to positions.
package markdown
