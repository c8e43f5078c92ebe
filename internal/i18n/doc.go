// Package i18n owns the interface strings of the site ("Skip to main
// content", "Latest news") in each language, and the localized forms of
// dates and sizes (Date, LongDate, Size).
//
// Defaults for Vietnamese and English are built in (defaults/vi.yaml,
// defaults/en.yaml); a site overrides any of them in content/i18n/<lang>.yaml.
// A language with neither falls back to English. A new string is a line
// with the same key in both defaults files; templates show it as
// {{.S.key}}. i18n receives normalized text and returns a Catalog; it
// must not know about pages or templates.
package i18n
