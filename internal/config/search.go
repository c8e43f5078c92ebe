package config

import (
	"maps"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// SearchFile is the optional search configuration, relative to the site's
// source folder.
const SearchFile = "content/search.yaml"

// Search is content/search.yaml: words that mean the same to the people
// searching, per language.
//
//	synonyms:
//	  vi:
//	    - [đường dây nóng, tổng đài, hotline]
//	  en:
//	    - [helpline, hotline]
//
// Every entry of a group finds the pages of the others (ranked below pages
// with the words as typed). An entry may be several words: they are then
// looked for side by side.
type Search struct {
	// Synonyms maps a language code to its groups, each of two or more
	// entries (NFC, as written, without surrounding spaces).
	Synonyms map[string][][]string
}

// rawSearch is search.yaml as written.
type rawSearch struct {
	Synonyms map[string][]strictyaml.Scalars `yaml:"synonyms"`
}

// ParseSearch decodes and validates search.yaml for site. text must be
// normalized (see package textfile); file is the path shown in
// diagnostics. Groups with problems are left out; the rest are kept.
func ParseSearch(file string, text []byte, site *Site) (*Search, diag.List) {
	var r rawSearch
	l := strictyaml.Decode(strictyaml.Source{File: file, Text: text}, &r)
	s := &Search{Synonyms: map[string][][]string{}}
	for _, lang := range slices.Sorted(maps.Keys(r.Synonyms)) {
		groups := r.Synonyms[lang]
		if site.Language(lang) == nil {
			pos := diag.Position{File: file}
			if len(groups) > 0 && len(groups[0]) > 0 {
				pos = groups[0][0].Pos
			}
			l.Add(diag.Errorf(pos, "synonyms are given for %q, which is not one of the site's languages", lang).
				WithHint("the site's languages are %s", site.languageList()))
			continue
		}
		for _, g := range groups {
			var entries []string
			for _, e := range g {
				v := strings.Join(strings.Fields(e.Value), " ")
				if v == "" {
					l.Add(diag.Errorf(e.Pos, "this synonym is empty").WithHint("remove it, or write the word people type"))
					continue
				}
				entries = append(entries, v)
			}
			if len(entries) < 2 {
				pos := diag.Position{File: file}
				if len(g) > 0 {
					pos = g[0].Pos
				}
				l.Add(diag.Errorf(pos, "a group of synonyms needs at least two entries").
					WithHint("write them as a list: [đường dây nóng, tổng đài]"))
				continue
			}
			s.Synonyms[lang] = append(s.Synonyms[lang], entries)
		}
	}
	l.FillSources(diag.NewLineIndex(file, text))
	return s, l
}
