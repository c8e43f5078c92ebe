package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/static"
)

// copyStatic copies the built-in static files, then the site's static/
// folder over them. Go source files (the embedding code) are skipped.
// Scripts and stylesheets are also written under content-hashed names
// (recorded in b.assets), so that they can be cached for ever.
func (b *builder) copyStatic() error {
	files := map[string]subFS{}
	var names []string
	add := func(fsys fs.FS, root string) error {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || strings.HasSuffix(p, ".go") {
				return err
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if skip := b.hiddenStatic(fsys, root, p, d); skip {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
			}
			if d.IsDir() {
				return nil
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			if _, seen := files[rel]; !seen {
				names = append(names, rel)
			}
			files[rel] = subFS{fsys, root}
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	if err := add(b.opts.Static, "."); err != nil {
		return fmt.Errorf("read built-in static files: %w", err)
	}
	if err := add(b.fsys, static.Folder); err != nil {
		return fmt.Errorf("read static/: %w", err)
	}
	for _, name := range names {
		if name == cssSource {
			continue // written as the stylesheet, with the highlighting rules
		}
		data, err := files[name].read(name)
		if err != nil {
			return err
		}
		if ext := path.Ext(name); ext == ".css" || ext == ".html" || ext == ".js" {
			for _, f := range render.ForeignRequests(data) {
				b.res.Diagnostics.Add(diag.Errorf(diag.Position{File: static.Folder + "/" + name},
					"this file would make browsers load %s from another website (%s); the site never does", foreignKind(f.What), f.URL).
					WithHint("copy what it needs into static/ and refer to it by a path on this site"))
			}
		}
		if err := b.writeFile(name, data); err != nil {
			return err
		}
		if ext := path.Ext(name); ext == ".js" || ext == ".css" {
			if ext == ".js" {
				data = minifyJS(data)
			}
			hashed := hashName(name, data)
			b.assets[name] = b.site.BasePath + hashed
			if err := b.writeFile(hashed, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// minifyJS returns a script without its comments and spaces and with
// short local names (github.com/tdewolff/minify, the minifier Hugo uses),
// or the script as it is when it cannot be read. Pages load this copy
// under its hashed name; the file under its own name stays as written, to
// be read.
func minifyJS(data []byte) []byte {
	m := minify.New()
	m.AddFunc("text/javascript", js.Minify)
	out, err := m.Bytes("text/javascript", data)
	if err != nil {
		return data
	}
	return out
}

// publishedDotFiles are the names starting with a dot that static/ may
// publish: web-server settings (Apache reads .htaccess) and the
// .well-known folder (RFC 8615: security.txt and the like).
var publishedDotFiles = []string{".htaccess", ".well-known"}

// quietDotFiles are left out of static/ without a word: version control
// and what operating systems and editors leave behind.
var quietDotFiles = []string{".git", ".svn", ".hg", ".DS_Store", ".gitignore", ".gitkeep", ".gitattributes", ".keep"}

// hiddenStatic decides about a file or folder of static/ whose name
// starts with a dot: it returns false for those that are published, and
// true for the others, with a warning for those that look like the
// author's (a hidden file is often private settings, such as .env).
func (b *builder) hiddenStatic(fsys fs.FS, root, p string, d fs.DirEntry) (skip bool) {
	name := d.Name()
	if slices.Contains(publishedDotFiles, name) {
		return false
	}
	if fsys != b.fsys || slices.Contains(quietDotFiles, name) || strings.HasPrefix(name, "._") ||
		strings.HasSuffix(name, ".swp") {
		return true
	}
	what := diag.T("file")
	if d.IsDir() {
		what = diag.T("folder")
	}
	b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: p},
		"this %s is not published: its name starts with a dot, which marks hidden files, often private settings", what).
		WithHint("to publish it, rename it without the dot; otherwise move it out of %s/", root))
	return true
}

type subFS struct {
	fsys fs.FS
	root string
}

func (s subFS) read(name string) ([]byte, error) { return fs.ReadFile(s.fsys, path.Join(s.root, name)) }
