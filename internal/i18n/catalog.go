package i18n

import (
	"embed"
	"errors"
	"io/fs"
	"slices"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/strictyaml"
	"github.com/loa-ssg/loa/internal/textfile"
)

//go:embed defaults/*.yaml
var defaults embed.FS

// Folder is where a site's own strings live, relative to its source folder.
const Folder = "content/i18n"

// fallback is the language whose built-in strings fill gaps.
const fallback = "en"

// Catalog holds the interface strings per language. It is immutable once
// loaded and safe for concurrent use.
type Catalog struct {
	byLang map[string]map[string]string
}

// Load builds the catalog for langs from the built-in defaults and the
// site's content/i18n/<lang>.yaml files in fsys (each optional). A key in a
// site file that no default has is an error with a suggestion.
func Load(fsys fs.FS, langs []string) (*Catalog, diag.List, error) {
	base, err := builtin(fallback)
	if err != nil {
		return nil, nil, err
	}
	known := make([]string, 0, len(base))
	for k := range base {
		known = append(known, k)
	}
	slices.Sort(known)
	c := &Catalog{byLang: map[string]map[string]string{}}
	var l diag.List
	for _, lang := range langs {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		own, err := builtin(lang)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		for k, v := range own {
			m[k] = v
		}
		file := Folder + "/" + lang + ".yaml"
		text, d, err := textfile.Read(fsys, file)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, nil, err
		case d != nil:
			l.Add(*d)
		default:
			l.Append(override(file, text, m, known))
		}
		c.byLang[lang] = m
	}
	return c, l, nil
}

func builtin(lang string) (map[string]string, error) {
	b, err := defaults.ReadFile("defaults/" + lang + ".yaml")
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	if l := strictyaml.Decode(strictyaml.Source{File: lang, Text: b}, &m); len(l) > 0 {
		return nil, l
	}
	return m, nil
}

func override(file string, text []byte, m map[string]string, known []string) diag.List {
	var own map[string]string
	l := strictyaml.Decode(strictyaml.Source{File: file, Text: text}, &own)
	for k, v := range own {
		if _, ok := m[k]; !ok {
			d := diag.Errorf(diag.Position{File: file}, "unknown interface string %q", k)
			if s := diag.Suggest(k, known); s != "" {
				d = d.WithHint("did you mean %q?", s)
			}
			l.Add(d)
			continue
		}
		m[k] = v
	}
	return l
}

// Strings returns every interface string of lang, by key. The map is the
// catalog's own: callers must not change it.
func (c *Catalog) Strings(lang string) map[string]string { return c.byLang[lang] }

// T returns the string for key in lang; a key no language has is returned
// as is, so that a typo in a template shows on the page rather than vanishing.
func (c *Catalog) T(lang, key string) string {
	if s, ok := c.byLang[lang][key]; ok {
		return s
	}
	return key
}
