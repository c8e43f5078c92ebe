package render

import (
	"html/template"
	"io"

	"github.com/loa-ssg/loa/internal/content"
)

var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" {{.CSP}}>
<meta name="referrer" content="no-referrer">
<title>{{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Path}}">
</head>
<body>
<p><a href="{{.Path}}">{{.Title}}</a></p>
</body>
</html>
`))

// Alias writes the page an old address of p serves: it sends the browser
// on to p at once (a meta refresh, which needs no script), names p as the
// canonical page, and asks search engines not to index it. Like every
// other page it carries the Content-Security-Policy and the no-referrer
// policy.
func (r *Renderer) Alias(w io.Writer, p *content.Page) error {
	return aliasPage.Execute(w, struct {
		Lang, Title, Path, Canonical string
		CSP                          template.HTMLAttr
	}{p.Lang, p.Title, p.Path, r.Site.AbsURL(p.Path), template.HTMLAttr(`content="` + CSP + `"`)})
}
