// Package render owns presentation: the html/template layouts (the site's
// own templates/*.html over the built-in ones embedded from the repository's
// templates/ folder: base.html the page skeleton, the layouts beside it,
// the shared partials in templates/partials/; see templates.go), the data
// each template sees (View, view.go), and the site-wide files that are
// views of the page set (sitemap.xml, robots.txt, 404.html).
//
// It receives the loaded content, the directory, the configuration, the
// interface strings and each page's converted Markdown, and writes HTML to
// an io.Writer. It must not read content files, convert Markdown, start
// goroutines or decide where output goes on disk.
package render
