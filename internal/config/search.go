package config

import (
	"maps"
	"slices"
	"strconv"
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
	// Boost maps a top-level section folder ("support") to how much more
	// its pages weigh in search results than others' for the same words:
	// a number from 0.1 to 10 (1: as others). See search.Options.Boost.
	Boost map[string]float64
	// BoostAt is where each boost is written, for diagnostics found later
	// (a section that does not exist).
	BoostAt map[string]diag.Position
}

// rawSearch is search.yaml as written.
type rawSearch struct {
	Synonyms map[string][]strictyaml.Scalars `yaml:"synonyms"`
	Boost    map[string]strictyaml.Scalar    `yaml:"boost"`
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
	for _, key := range slices.Sorted(maps.Keys(r.Boost)) {
		v := r.Boost[key]
		f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(v.Value), ",", ".", 1), 64)
		if err != nil || !(f >= 0.1 && f <= 10) {
			l.Add(diag.Errorf(v.Pos, "the boost of %q should be a number from 0.1 to 10", key).
				WithHint("write for example 2 for twice the weight, 0.5 for half"))
			continue
		}
		if s.Boost == nil {
			s.Boost, s.BoostAt = map[string]float64{}, map[string]diag.Position{}
		}
		s.Boost[key], s.BoostAt[key] = f, v.Pos
	}
	l.FillSources(diag.NewLineIndex(file, text))
	return s, l
}
