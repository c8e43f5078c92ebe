package locale

import (
	"maps"
	"strings"

	"github.com/loa-ssg/loa/internal/diag"
)

// Languages are the languages loa's messages can be printed in, English
// first.
var Languages = []string{"en", "vi"}

// catalogues are the translations by language code; English is the key
// of every entry and needs none.
var catalogues = map[string]map[string]string{"vi": merge(vi, viWords, viSystem, viSystemOps)}

func merge(ms ...map[string]string) map[string]string {
	m := map[string]string{}
	for _, x := range ms {
		maps.Copy(m, x)
	}
	return m
}

// english maps every key to itself, so that messages printed in English
// are still matched to their English format (diag.Catalogue.Message) and
// --format json gives each its code.
var english = func() map[string]string {
	m := map[string]string{}
	for k := range catalogues["vi"] {
		m[k] = k
	}
	return m
}()

// For returns the catalogue of lang, a code of Languages; any other code
// gives English.
func For(lang string) *diag.Catalogue {
	if m, ok := catalogues[lang]; ok {
		return diag.NewCatalogue(lang, m)
	}
	return diag.NewCatalogue("en", english)
}

// Choose returns the language to print messages in: the first of flag
// (--lang), env (LOA_LANG) and siteDefault (the site's default language,
// the first in site.yaml) that loa has messages in, else "en". A region
// ("vi-VN", "vi_VN.UTF-8") is ignored. ok is false when flag or env name a
// language loa does not have, so that the caller can say so.
func Choose(flag, env, siteDefault string) (lang string, ok bool) {
	ok = true
	for i, c := range []string{flag, env, siteDefault} {
		code := Code(c)
		if code == "" {
			continue
		}
		for _, l := range Languages {
			if l == code {
				return l, ok
			}
		}
		if i < 2 {
			ok = false
		}
	}
	return "en", ok
}

// Code returns the language part of a locale name, lower case: "vi" for
// "vi-VN", "vi_VN.UTF-8" or "VI".
func Code(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if i := strings.IndexAny(name, "-_."); i >= 0 {
		name = name[:i]
	}
	return name
}
