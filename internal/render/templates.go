package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/textfile"
)

// Folder is where a site's own templates live, relative to its source folder.
const Folder = "templates"

// baseName is the page skeleton every layout is combined with.
const baseName = "base.html"

// PartialsFolder is the folder, inside templates/, of the shared partials:
// named templates ({{define "footer"}}) that the skeleton and the layouts
// call, one file per kind of part (partials/footer.html, …). Every file
// in it is parsed together with base.html.
const PartialsFolder = "partials"

// set holds one parsed template per page layout ("page.html"), each a clone
// of base.html and the partials with the layout's blocks.
type set map[string]*template.Template

// loadTemplates parses the built-in templates in builtin and the site's own
// in site (either may be nil); a site file replaces the built-in file of the
// same name (partials/footer.html by partials/footer.html). Every *.html
// beside base.html but base.html is a layout; the files of partials/ are
// parsed with base.html, before it, so that a site's own base.html that
// still defines the partials (as base.html did before they had their own
// files) overrides them. Parse errors are diagnostics at the file and line.
func loadTemplates(builtin, site fs.FS, funcs template.FuncMap) (set, diag.List, error) {
	files := map[string]string{} // name ("page.html", "partials/footer.html") → source text
	origin := map[string]string{}
	for _, src := range []struct {
		fsys fs.FS
		dir  string
		show string
	}{{builtin, ".", "(built-in) templates/"}, {site, Folder, Folder + "/"}} {
		if src.fsys == nil {
			continue
		}
		for _, sub := range []string{"", PartialsFolder} {
			entries, err := fs.ReadDir(src.fsys, path.Join(src.dir, sub))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, nil, err
			}
			for _, e := range entries {
				if e.IsDir() || !strings.HasSuffix(e.Name(), ".html") {
					continue
				}
				name := path.Join(sub, e.Name())
				text, d, err := textfile.Read(src.fsys, path.Join(src.dir, name))
				if err != nil {
					return nil, nil, err
				}
				if d != nil {
					d.Pos.File = src.show + name
					return nil, diag.List{*d}, nil
				}
				files[name] = string(text)
				origin[name] = src.show + name
			}
		}
	}
	baseText, ok := files[baseName]
	if !ok {
		return nil, diag.List{diag.Errorf(diag.Position{File: Folder + "/" + baseName}, "there is no base layout")}, nil
	}
	var l diag.List
	base := template.New(baseName).Funcs(funcs)
	var partials []string
	for name := range files {
		if strings.HasPrefix(name, PartialsFolder+"/") {
			partials = append(partials, name)
		}
	}
	slices.Sort(partials)
	for _, name := range partials {
		if _, err := base.New(name).Parse(files[name]); err != nil {
			return nil, diag.List{templateError(origin[name], err)}, nil
		}
	}
	if _, err := base.Parse(baseText); err != nil {
		return nil, diag.List{templateError(origin[baseName], err)}, nil
	}
	s := set{}
	for name, text := range files {
		if name == baseName || strings.HasPrefix(name, PartialsFolder+"/") {
			continue
		}
		t, err := template.Must(base.Clone()).New(name).Parse(text)
		if err != nil {
			l.Add(templateError(origin[name], err))
			continue
		}
		s[name] = t
	}
	return s, l, nil
}

// templateError turns a text/template parse error
// ("template: page.html:12: unexpected …") into a diagnostic at that line.
func templateError(file string, err error) diag.Diagnostic {
	msg := err.Error()
	line := 0
	if rest, ok := strings.CutPrefix(msg, "template: "); ok {
		if _, after, ok := strings.Cut(rest, ":"); ok {
			var n int
			if _, err := fmt.Sscanf(after, "%d:", &n); err == nil {
				line = n
				if i := strings.Index(after, ": "); i >= 0 {
					msg = after[i+2:]
				}
			}
		}
	}
	return diag.Errorf(diag.Position{File: file, Line: line}, "the template could not be read: %s", msg)
}
