package render

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/loa-ssg/loa/templates"
)

// partialsBuiltin is a small built-in set: a skeleton calling two
// partials, each in its own file of partials/, and one layout.
var partialsBuiltin = fstest.MapFS{
	"base.html":             {Data: []byte(`[{{template "header" .}}|{{block "main" .}}{{end}}|{{template "footer" .}}]`)},
	"partials/header.html":  {Data: []byte(`{{define "header"}}built-in header{{end}}`)},
	"partials/footer.html":  {Data: []byte(`{{define "footer"}}built-in footer{{end}}`)},
	"page.html":             {Data: []byte(`{{define "main"}}page{{end}}`)},
	"partials/notalayout.x": {Data: []byte(`ignored`)},
}

// executeLayout loads builtin with site over it and runs layout.
func executeLayout(t *testing.T, site fstest.MapFS, layout string) string {
	t.Helper()
	s, l, err := loadTemplates(partialsBuiltin, site, template.FuncMap{})
	if err != nil || len(l) != 0 {
		t.Fatalf("loadTemplates: %v %v", err, l)
	}
	if s["partials/header.html"] != nil || s["partials/footer.html"] != nil {
		t.Errorf("a partial is taken for a layout: %v", s)
	}
	var b strings.Builder
	if err := s[layout].ExecuteTemplate(&b, baseName, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTemplateOverrides holds how a site's templates/ replaces the
// built-in files: a partial by its file in templates/partials/, a layout
// by its name, and a base.html written before the partials had files of
// their own (defining them itself) over the built-in partials.
func TestTemplateOverrides(t *testing.T) {
	for _, tc := range []struct {
		name string
		site fstest.MapFS
		want string
	}{
		{"none", nil, "[built-in header|page|built-in footer]"},
		{"partial", fstest.MapFS{"templates/partials/footer.html": {Data: []byte(`{{define "footer"}}own footer{{end}}`)}},
			"[built-in header|page|own footer]"},
		{"new partial file", fstest.MapFS{
			"templates/partials/extra.html": {Data: []byte(`{{define "extra"}}extra{{end}}`)},
			"templates/page.html":           {Data: []byte(`{{define "main"}}own page, {{template "extra"}}{{end}}`)}},
			"[built-in header|own page, extra|built-in footer]"},
		{"old base.html", fstest.MapFS{"templates/base.html": {Data: []byte(
			`{{define "footer"}}footer of base.html{{end}}({{template "header" .}}|{{block "main" .}}{{end}}|{{template "footer" .}})`)}},
			"(built-in header|page|footer of base.html)"},
	} {
		if got := executeLayout(t, tc.site, "page.html"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestTemplatePartialError holds that a mistake in a partial is reported
// at its file under templates/partials/ and line.
func TestTemplatePartialError(t *testing.T) {
	site := fstest.MapFS{"templates/partials/footer.html": {Data: []byte("{{define \"footer\"}}\n{{if}}\n{{end}}")}}
	_, l, err := loadTemplates(partialsBuiltin, site, template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 1 || l[0].Pos.File != "templates/partials/footer.html" || l[0].Pos.Line != 2 {
		t.Fatalf("got %v, want one error at templates/partials/footer.html:2", l)
	}
}

// TestBuiltinBaseIsSkeleton holds that the built-in base.html is the page
// skeleton only: the parts it and the layouts share are in partials/.
func TestBuiltinBaseIsSkeleton(t *testing.T) {
	b, err := fs.ReadFile(templates.FS, baseName)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "{{define") {
		t.Errorf("the built-in base.html defines a partial: move it to a file of templates/%s/", PartialsFolder)
	}
	s, l, err := loadTemplates(templates.FS, nil, templateFuncs(nil))
	if err != nil || len(l) != 0 {
		t.Fatalf("loadTemplates: %v %v", err, l)
	}
	for _, name := range []string{"footer", "head-common", "exit-bar", "list-item", "provider-card", "print-links", "article-title"} {
		if s["page.html"].Lookup(name) == nil {
			t.Errorf("no partial %q in the built-in templates", name)
		}
	}
}
