package content

import (
	"bytes"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// FrontMatter is the YAML block at the top of a Markdown file. Unknown keys
// are errors.
type FrontMatter struct {
	Title       string
	Description string
	// Date and Lastmod are zero when not written. A date written without a
	// time is the first instant of that day in the site's time zone
	// (config.Day; config.IsDay tells it apart); a date-time without an
	// offset is read in the site's time zone.
	Date    time.Time
	Lastmod time.Time
	Draft   bool
	// Weight orders pages within a section: lower first, 0 (unset) last.
	Weight int
	// Aliases are old site paths ("/tin-tuc/cu/") that should redirect to
	// the page, relative to the site's base path.
	Aliases        strictyaml.Scalars
	Tags           []string
	TranslationKey string
	// Layout names the template to use instead of the default for the kind.
	Layout string
	// Leaflet is the paper size of the page's printable leaflet, "A5" or
	// "A4" (front matter leaflet: A5); "" when the page has none.
	Leaflet string
	// Pos is where the front matter starts, for diagnostics about it.
	Pos diag.Position
	// Keys are where the value of each key written was ("title" → 2:8),
	// filled by the strict decoder for every key (At reads it).
	Keys strictyaml.Positions
}

// At returns where the value of the front-matter key was written, or where
// the front matter starts when the key was not written: the place for a
// diagnostic about that key.
func (fm FrontMatter) At(key string) diag.Position { return fm.Keys.At(key, fm.Pos) }

// rawFrontMatter is the front matter as written; see FrontMatter.
type rawFrontMatter struct {
	Title          strictyaml.Scalar  `yaml:"title"`
	Description    string             `yaml:"description"`
	Date           strictyaml.Scalar  `yaml:"date"`
	Lastmod        strictyaml.Scalar  `yaml:"lastmod"`
	Draft          bool               `yaml:"draft"`
	Weight         int                `yaml:"weight"`
	Slug           strictyaml.Scalar  `yaml:"slug"`
	Aliases        strictyaml.Scalars `yaml:"aliases"`
	Tags           []string           `yaml:"tags"`
	TranslationKey string             `yaml:"translation_key"`
	Layout         string             `yaml:"layout"`
	Leaflet        strictyaml.Scalar  `yaml:"leaflet"`
	// Keys are where each key's value was written (strictyaml fills it).
	Keys strictyaml.Positions `yaml:"-"`
}

// Split separates a Markdown file's YAML front matter from its body. text
// must be normalized. The front matter sits between a first line "---" and
// the next line that is "---" (or "..."). It returns the YAML, the byte
// offset at which the body starts, and ok=false when the file does not start
// with a line "---" or the block is not closed. Spaces and tabs after
// either "---" are allowed.
func Split(text []byte) (yamlText []byte, bodyOffset int, ok bool) {
	first, _, _ := bytes.Cut(text, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t"), []byte("---")) {
		return nil, 0, false
	}
	start := bytes.IndexByte(text, '\n') + 1
	if start == 0 {
		return nil, 0, false
	}
	for i := start; i <= len(text); {
		end := bytes.IndexByte(text[i:], '\n')
		line := text[i:]
		next := len(text)
		if end >= 0 {
			line, next = text[i:i+end], i+end+1
		}
		if l := bytes.TrimRight(line, " \t"); string(l) == "---" || string(l) == "..." {
			return text[start:i], next, true
		}
		if end < 0 {
			break
		}
		i = next
	}
	return nil, 0, false
}

// unclosedBodyLine returns the 1-based number of the first line after an
// opening "---" that cannot belong to front matter, the line a closing
// "---" should stand above; 0 when every line could. A front-matter line
// is blank, a comment, indented or a list item (a value going on), or
// starts with a key and a colon.
func unclosedBodyLine(text []byte) int {
	lines := strings.Split(string(text), "\n")
	for i := 1; i < len(lines); i++ {
		if !frontMatterLine(strings.TrimRight(lines[i], "\r")) {
			return i + 1
		}
	}
	return 0
}

// frontMatterLine reports whether l (without its line end) can be a line
// of front matter: blank, a comment, indented or a list item (a value
// going on), or a key and a colon.
func frontMatterLine(l string) bool {
	if strings.TrimSpace(l) == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-' {
		return true
	}
	key, _, ok := strings.Cut(l, ":")
	return ok && key != "" && !strings.ContainsAny(key, " \t")
}

// unopenedCloseLine returns the 1-based number of the line "---" that
// closes front matter whose opening "---" is missing (text begins with
// "title: …" lines, then "---"), or 0 when text does not look so.
func unopenedCloseLine(text []byte) int {
	lines := strings.Split(string(text), "\n")
	keys := 0
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimRight(l, " \t") == "---" {
			if keys == 0 {
				return 0
			}
			return i + 1
		}
		if !frontMatterLine(l) {
			return 0
		}
		if strings.TrimSpace(l) != "" && l[0] != ' ' && l[0] != '\t' && l[0] != '#' && l[0] != '-' {
			keys++
		}
	}
	return 0
}

// parseFrontMatter decodes the front matter of file and checks its values;
// loc is the site's time zone.
func parseFrontMatter(file string, text []byte, loc *time.Location) (FrontMatter, string, int, diag.List) {
	fm := FrontMatter{Pos: diag.Position{File: file, Line: 1, Col: 1}}
	yml, bodyOff, ok := Split(text)
	if !ok {
		if bytes.HasPrefix(text, []byte("---")) {
			// Point at where the closing line belongs: the first line
			// that is not a "key: value" line (the page's text).
			pos := fm.Pos
			if line := unclosedBodyLine(text); line > 0 {
				pos.Line = line
			}
			return fm, "", 0, diag.List{diag.Errorf(pos, `the front matter is not closed: no line "---" ends it`).
				WithHint("add a line --- above this line: the lines between the two --- are title:, date:, draft: and the like; the page's text comes after the second ---")}
		}
		if line := unopenedCloseLine(text); line > 0 {
			// The opening line deleted, the closing one kept: adding
			// both, as for a page without any, would break the page.
			return fm, "", 0, diag.List{diag.Errorf(fm.Pos, `the front matter does not begin with a line "---"`).
				WithHint("add a line --- as the very first line of the file, above the first key; keep the line --- on line %d, which ends the front matter", line)}
		}
		return fm, "", 0, diag.List{diag.Errorf(fm.Pos, "this page has no front matter").
			WithHint("start the file with a line ---, then title: …, then a line ---")}
	}
	var raw rawFrontMatter
	l := strictyaml.Decode(strictyaml.Source{File: file, Text: yml, LineOffset: 1}, &raw)
	fm.Title = strings.TrimSpace(raw.Title.Value)
	fm.Keys = raw.Keys
	fm.Description = strings.TrimSpace(raw.Description)
	fm.Draft, fm.Weight = raw.Draft, raw.Weight
	fm.Tags, fm.TranslationKey, fm.Layout = raw.Tags, raw.TranslationKey, raw.Layout
	for _, a := range raw.Aliases {
		if !validAlias(a.Value) {
			l.Add(diag.Errorf(a.Pos, "alias %q is not a path on this site", a.Value).
				WithHint(`write the old address's path, starting with "/": /tin-tuc/ke-hoach-cu/`))
			continue
		}
		fm.Aliases = append(fm.Aliases, a)
	}
	if fm.Title == "" && len(l) == 0 {
		l.Add(diag.Errorf(fm.Pos, "this page has no title").WithHint("add a line title: … to the front matter"))
	}
	var d *diag.Diagnostic
	if fm.Date, d = parseDate(raw.Date, loc); d != nil {
		l.Add(*d)
	}
	if fm.Lastmod, d = parseDate(raw.Lastmod, loc); d != nil {
		l.Add(*d)
	}
	slug := raw.Slug.Value
	if slug != "" && !fold.ValidSlug(slug) {
		l.Add(diag.Errorf(raw.Slug.Pos, "slug %q may hold only lower-case letters a–z, digits and single hyphens", slug).
			WithHint("try slug: %s", orDash(fold.Slug(slug))))
	}
	switch v := strings.ToUpper(strings.TrimSpace(raw.Leaflet.Value)); v {
	case "":
	case "A5", "A4":
		fm.Leaflet = v
	default:
		l.Add(diag.Errorf(raw.Leaflet.Pos, "leaflet: %q is not a paper size loa prints leaflets on", raw.Leaflet.Value).
			WithHint("write leaflet: A5 (half a sheet, the usual leaflet) or leaflet: A4"))
	}
	return fm, slug, bodyOff, l
}

// validAlias reports whether a is a site path an old link may use: it
// starts with "/", has no "." or ".." segment, no "//", "\\", "?" or "#".
func validAlias(a string) bool {
	if !strings.HasPrefix(a, "/") || strings.ContainsAny(a, "\\?#") || strings.Contains(a, "//") {
		return false
	}
	for _, seg := range strings.Split(a, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

func orDash(s string) string {
	if s == "" {
		return "trang"
	}
	return s
}

// dateLayouts are the forms a front-matter date may take. Forms without an
// offset are read in the site's time zone.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	time.DateOnly,
}

// parseDate reads d in loc. A date-only value is the first instant of that
// calendar day in loc (config.Day: midnight, or the moment the clocks jump
// on a day without one), whatever the machine's zone, so that config.IsDay
// knows it for a calendar day.
func parseDate(d strictyaml.Scalar, loc *time.Location) (time.Time, *diag.Diagnostic) {
	if d.Value == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		if layout == time.DateOnly {
			// Read the day in UTC, where every day has a midnight:
			// in loc, time.Parse may move a missing midnight to the
			// day before.
			if t, err := time.Parse(layout, d.Value); err == nil {
				return config.Day(t.Year(), t.Month(), t.Day(), loc), nil
			}
			continue
		}
		if t, err := time.ParseInLocation(layout, d.Value, loc); err == nil {
			return t, nil
		}
	}
	e := diag.Errorf(d.Pos, "%q is not a date loa can read", d.Value).
		WithHint("write dates as 2021-11-05, or 2021-11-05T08:30 for a time (in the site's time zone), or 2021-11-05T08:30:00+07:00 with the offset from UTC")
	// The Vietnamese way, day first: 05/11/2021.
	if t, err := time.ParseInLocation("2/1/2006", d.Value, loc); err == nil {
		e = e.WithHint("write the year first: %s (or %sT08:30 with a time, %sT08:30:00+07:00 with the offset from UTC)",
			t.Format("2006-01-02"), t.Format("2006-01-02"), t.Format("2006-01-02"))
	}
	return time.Time{}, &e
}
