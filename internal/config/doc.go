// Package config owns the site configuration: content/site.yaml decoded into
// a Site (title per language, base URL, time zone, languages with the
// default first, menu, emergency numbers, directory categories and areas,
// review period), validated, with defaults filled in.
//
// It also owns Text, the {vi: …, en: …} value used wherever an author writes
// human text per language.
//
// config receives bytes already normalized by textfile and returns a *Site
// and diagnostics. It must not walk the content tree or render anything.
package config
