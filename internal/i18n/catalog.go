package i18n

import (
	"embed"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/fold"
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
// site's content/i18n/<lang>.yaml files in fsys (each optional). A site
// file holds "key: text" lines: a key of a built-in string, or TagPrefix
// and a tag's slug for the tag's display name. Any other key, a key twice,
// a value that is not text, a tag key whose slug is not a slug and YAML
// mistakes are errors at their file:line:col, with a hint.
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

// builtin returns the embedded strings of lang (fs.ErrNotExist for a
// language without its own file), decoded once per process: the map is
// shared, and no caller may change it.
func builtin(lang string) (map[string]string, error) {
	if v, ok := builtins.Load(lang); ok {
		b := v.(builtinStrings)
		return b.m, b.err
	}
	m, err := readBuiltin(lang)
	builtins.Store(lang, builtinStrings{m, err})
	return m, err
}

// builtins holds builtin's answer by language: the embedded files do not
// change, and loa serve loads the strings again at every rebuild.
var builtins sync.Map // lang → builtinStrings

// builtinStrings is one answer of builtin.
type builtinStrings struct {
	m   map[string]string
	err error
}

// readBuiltin decodes the embedded strings of lang (builtin).
func readBuiltin(lang string) (map[string]string, error) {
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

// TagPrefix begins the key of a tag's display name: "tag_" + the tag's
// slug ("tag_suc-khoe: Sức khỏe"). Such keys have no built-in default.
const TagPrefix = "tag_"

func override(file string, text []byte, m map[string]string, known []string) diag.List {
	var own entries
	l := strictyaml.Decode(strictyaml.Source{File: file, Text: text}, &own)
	for _, e := range own {
		if slug, ok := strings.CutPrefix(e.key, TagPrefix); ok {
			if !fold.ValidSlug(slug) {
				d := diag.Errorf(e.keyPos, "%q is not a tag's key: after %s comes the tag's slug, as in its page's address", e.key, TagPrefix)
				if s := fold.Slug(slug); s != "" {
					d = d.WithHint("write %s%s", TagPrefix, s)
				}
				d.Span = e.keySpan
				l.Add(d)
				continue
			}
			m[e.key] = e.value
			continue
		}
		if _, ok := m[e.key]; !ok {
			d := diag.Errorf(e.keyPos, "unknown interface string %q", e.key)
			if s := diag.Suggest(e.key, known); s != "" {
				d = d.WithHint("did you mean %q?", s)
			} else {
				d = d.WithHint("the keys are those of the built-in strings (see internal/i18n/defaults/%s.yaml), or %s<slug> for a tag's name", fallback, TagPrefix)
			}
			d.Span = e.keySpan
			l.Add(d)
			continue
		}
		m[e.key] = e.value
	}
	l.FillSources(diag.NewLineIndex(file, text))
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
