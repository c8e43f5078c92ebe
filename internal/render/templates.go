package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/textfile"
)

// Folder is where a site's own templates live, relative to its source folder.
const Folder = "templates"

// baseName is the layout every page template is combined with.
const baseName = "base.html"

// set holds one parsed template per page layout ("page.html"), each a clone
// of base.html with the layout's blocks.
type set map[string]*template.Template

// loadTemplates parses the built-in templates in builtin and the site's own
// in site (either may be nil); a site file replaces the built-in file of the
// same name. Parse errors are diagnostics at the file and line.
func loadTemplates(builtin, site fs.FS, funcs template.FuncMap) (set, diag.List, error) {
	files := map[string]string{} // name → source text
	origin := map[string]string{}
	for _, src := range []struct {
		fsys fs.FS
		dir  string
		show string
	}{{builtin, ".", "(built-in) templates/"}, {site, Folder, Folder + "/"}} {
		if src.fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(src.fsys, src.dir)
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
			text, d, err := textfile.Read(src.fsys, path.Join(src.dir, e.Name()))
			if err != nil {
				return nil, nil, err
			}
			if d != nil {
				d.Pos.File = src.show + e.Name()
				return nil, diag.List{*d}, nil
			}
			files[e.Name()] = string(text)
			origin[e.Name()] = src.show + e.Name()
		}
	}
	baseText, ok := files[baseName]
	if !ok {
		return nil, diag.List{diag.Errorf(diag.Position{File: Folder + "/" + baseName}, "there is no base layout")}, nil
	}
	var l diag.List
	base, err := template.New(baseName).Funcs(funcs).Parse(baseText)
	if err != nil {
		return nil, diag.List{templateError(origin[baseName], err)}, nil
	}
	s := set{}
	for name, text := range files {
		if name == baseName {
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
