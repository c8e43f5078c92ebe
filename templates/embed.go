// Package templates embeds the built-in html/template layouts (*.html in
// this folder) into the loa binary, so that an installed loa needs nothing
// beside it. A site's own templates/ folder overrides any file by name; the
// real site in this repository uses these files as they are.
package templates

import "embed"

// FS holds the built-in templates: at its root the page skeleton
// (base.html) and the layouts (home.html, section.html, page.html,
// page-news.html, section-support.html, provider.html, 404.html, …); in
// partials/ the named parts they share, one file per kind (head.html,
// header.html, footer.html, article.html, lists.html, directory.html,
// print.html).
//
//go:embed *.html partials/*.html
var FS embed.FS
