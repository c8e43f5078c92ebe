package config

import (
	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/diag"
)

// Text is human text per language code, written in YAML as
// {vi: "…", en: "…"}. Pos is where it was written.
type Text struct {
	Pos    diag.Position
	ByLang map[string]string
}

// UnmarshalStrict implements strictyaml.Unmarshaler: a mapping from
// language code to text.
func (t *Text) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	t.Pos = at(n)
	if n.Kind != yaml.MappingNode {
		return diag.List{diag.Errorf(at(n), "this text should be given per language, as {vi: \"…\", en: \"…\"}")}
	}
	var l diag.List
	t.ByLang = map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			l.Add(diag.Errorf(at(v), "the %q text should be a single value", k.Value))
			continue
		}
		t.ByLang[k.Value] = v.Value
	}
	return l
}

// Get returns the text in lang, or "" when there is none.
func (t Text) Get(lang string) string { return t.ByLang[lang] }

// Check returns an error for each of the site's languages that t lacks and
// for each language in t that the site does not have. name is the key t was
// written under, for messages. An empty Text (not written at all) is not
// checked: required fields are the caller's to enforce.
func (s *Site) Check(t Text, name string) diag.List {
	if t.ByLang == nil {
		return nil
	}
	var l diag.List
	for _, lang := range s.Languages {
		if t.ByLang[lang.Code] == "" {
			l.Add(diag.Errorf(t.Pos, "%q has no %s text", name, lang.Name).
				WithHint("add a line %q under %q", lang.Code+": …", name))
		}
	}
	for code := range t.ByLang {
		if s.Language(code) == nil {
			l.Add(diag.Errorf(t.Pos, "%q has text in %q, which is not one of the site's languages", name, code).
				WithHint("the site's languages are %s", s.languageList()))
		}
	}
	return l
}
