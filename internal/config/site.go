package config

import (
	"net/url"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/phone"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// File is where the configuration lives, relative to the site's source folder.
const File = "content/site.yaml"

// DefaultTimeZone is used when site.yaml names none: Vietnam, UTC+7, no DST.
const DefaultTimeZone = "Asia/Ho_Chi_Minh"

// DefaultQuickExit is where the quick-exit button goes when site.yaml names
// no quick_exit: the national hydro-meteorological service's weather page,
// neutral and not personalised (GOV.UK's component uses a weather page too).
const DefaultQuickExit = "https://nchmf.gov.vn/"

// DefaultReviewDays is the review period for directory entries when
// site.yaml sets none.
const DefaultReviewDays = 180

// Site is the validated site configuration. Languages[0] is the default
// language, served at "/"; the others are served under "/<code>/".
type Site struct {
	Title       Text
	Description Text
	// BaseURL is absolute and ends in "/", e.g. "https://example.org/", or is
	// "/" when site.yaml names none (then canonical links are site-relative).
	BaseURL string
	// BasePath is BaseURL's path, beginning and ending in "/": every URL the
	// site links to starts with it ("/" or "/sub/").
	BasePath string
	// BaseURLPos is where the base URL was given: the base_url value in
	// site.yaml, or the file alone when it has none or the --base-url flag
	// gave it (then File is "--base-url").
	BaseURLPos diag.Position
	// Location is the site's time zone, for dates written without an offset.
	Location *time.Location
	// Languages lists the site's languages, default first.
	Languages []Language
	// Menu lists top-level section folder names in menu order.
	Menu []string
	// Footer lists top-level section folder names linked from every
	// page's footer, in order ("about": who publishes the site).
	Footer []string
	// Publisher is who publishes the site, shown on every page's footer
	// (Decree 42/2022/NĐ-CP, Art. 4, asks state websites for the name,
	// address, phone and email of the agency in charge). Every field is
	// optional and shown only when set.
	Publisher Publisher
	// ReviewDays is the default review period of directory entries, in
	// days: how old the day a person checked an entry (or, when no one has,
	// its newest source date) may be before the entry is flagged. A
	// category's or an entry's own review_days overrides it.
	ReviewDays int
	// Emergency holds the numbers shown on every page.
	Emergency []Emergency
	// Categories and Areas are what directory entries may name.
	Categories []Term
	Areas      []Term
	// QuickExit is the absolute https URL of the neutral page the quick-exit
	// button replaces the current page with.
	QuickExit string
	// SafetyPage names the page on browsing safely (a content file or
	// bundle without its language, "guidance/duyet-web-an-toan"), linked
	// beside the quick exit on every page; "" for none.
	SafetyPage string
	// UnsafeHTML lets raw HTML in Markdown through to the pages. Off by
	// default: raw HTML is left out.
	UnsafeHTML bool
	// KeepOriginalImages publishes each photo the build made smaller also
	// as it was, as <name>.original.<ext> (keep_original_images: true).
	KeepOriginalImages bool
	// Keep names files and folders at the top of the output folder that
	// are not the site's but must survive a build (keep: [CNAME, .git]):
	// each build carries them over from the previous output.
	Keep []string
	// TwelveHour writes times as "5:22 CH" rather than "17:22"
	// (time_format: 12h in site.yaml; 24h is the default).
	TwelveHour bool
	// Checks sets the severity of named checks ("missing-translation:
	// error"); package check owns the names and validates them.
	Checks map[string]strictyaml.Scalar
}

// Language is one of the site's languages: an ISO 639-1 code and its name
// in that language ("Tiếng Việt").
type Language struct {
	Pos  diag.Position `yaml:"-"`
	Code string        `yaml:"code"`
	Name string        `yaml:"name"`
}

// Emergency is a national number shown in the band on every page.
type Emergency struct {
	Pos    diag.Position `yaml:"-"`
	Number string        `yaml:"number"`
	Name   Text          `yaml:"name"`
}

// Publisher is the organization responsible for the site. Name and
// Address are per language; Phone is a Vietnamese number as dialled
// ("0221 3862 000"); Email an address that takes reports of mistakes.
type Publisher struct {
	Name    Text   `yaml:"name"`
	Address Text   `yaml:"address"`
	Phone   string `yaml:"phone"`
	Email   string `yaml:"email"`
	// Keys are where the value of each key written was, for diagnostics.
	Keys strictyaml.Positions `yaml:"-"`
}

// Term is a declared directory category or area: a slug id and its name
// per language.
type Term struct {
	Pos  diag.Position `yaml:"-"`
	ID   string        `yaml:"id"`
	Name Text          `yaml:"name"`
	// ReviewDays, categories only: the review period in days of the
	// entries in this category, overriding the site's ReviewDays (e.g. long
	// for national numbers fixed by law); 0 when unset.
	ReviewDays int `yaml:"review_days"`
	// Nationwide, areas only: the area covers every other (the whole
	// country). Its entries serve every area, so the directory's filter
	// keeps them whichever area a reader chooses.
	Nationwide bool `yaml:"nationwide"`
}

// raw is site.yaml as written.
type raw struct {
	Title           Text                         `yaml:"title"`
	Description     Text                         `yaml:"description"`
	BaseURL         strictyaml.Scalar            `yaml:"base_url"`
	TimeZone        string                       `yaml:"time_zone"`
	Languages       []Language                   `yaml:"languages"`
	DefaultLanguage string                       `yaml:"default_language"`
	Menu            []string                     `yaml:"menu"`
	Footer          []string                     `yaml:"footer"`
	Publisher       Publisher                    `yaml:"publisher"`
	ReviewDays      int                          `yaml:"review_days"`
	Emergency       []Emergency                  `yaml:"emergency"`
	Categories      []Term                       `yaml:"categories"`
	Areas           []Term                       `yaml:"areas"`
	QuickExit       string                       `yaml:"quick_exit"`
	SafetyPage      string                       `yaml:"safety_page"`
	UnsafeHTML      bool                         `yaml:"unsafe_html"`
	KeepOriginals   bool                         `yaml:"keep_original_images"`
	Keep            strictyaml.Scalars           `yaml:"keep"`
	Checks          map[string]strictyaml.Scalar `yaml:"checks"`
	TimeFormat      string                       `yaml:"time_format"`
	// Keys are where the value of each key written was: a problem with a
	// value is reported there (the file alone when the key is missing).
	Keys strictyaml.Positions `yaml:"-"`
}

// Parse decodes and validates site.yaml. text must be normalized (see
// package textfile); file is the path shown in diagnostics. baseURL, when
// not empty, overrides base_url (the --base-url flag). The Site is nil only
// when the problems leave nothing usable.
func Parse(file string, text []byte, baseURL string) (*Site, diag.List) {
	var r raw
	l := strictyaml.Decode(strictyaml.Source{File: file, Text: text}, &r)
	top := diag.Position{File: file}
	s := &Site{
		Title: r.Title, Description: r.Description, Menu: r.Menu, Footer: r.Footer, Publisher: r.Publisher,
		ReviewDays: r.ReviewDays, Emergency: r.Emergency,
		Categories: r.Categories, Areas: r.Areas,
		QuickExit: r.QuickExit, SafetyPage: r.SafetyPage, UnsafeHTML: r.UnsafeHTML, Checks: r.Checks,
		KeepOriginalImages: r.KeepOriginals,
	}
	for _, k := range r.Keep {
		if k.Value == "" || strings.ContainsAny(k.Value, "/\\") || k.Value == "." || k.Value == ".." || k.Value == ".loa-output" {
			l.Add(diag.Errorf(k.Pos, "keep: %q is not the name of a file or folder at the top of the output folder", k.Value).
				WithHint("write names such as CNAME or .git, one per item: keep: [CNAME, .git]"))
			continue
		}
		s.Keep = append(s.Keep, k.Value)
	}
	switch r.TimeFormat {
	case "", "24h":
	case "12h":
		s.TwelveHour = true
	default:
		l.Add(diag.Errorf(r.Keys.At("time_format", top), "time_format %q is not 24h or 12h", r.TimeFormat))
	}
	if s.QuickExit == "" {
		s.QuickExit = DefaultQuickExit
	}
	if u, err := url.Parse(s.QuickExit); err != nil || u.Scheme != "https" || u.Host == "" {
		l.Add(diag.Errorf(r.Keys.At("quick_exit", top), "quick_exit %q is not an https address", s.QuickExit).
			WithHint("give a neutral page such as %s", DefaultQuickExit))
	}
	if s.ReviewDays < 0 {
		l.Add(diag.Errorf(r.Keys.At("review_days", top), "review_days %d is not a number of days", s.ReviewDays).
			WithHint("write a whole number above 0, e.g. review_days: %d", DefaultReviewDays))
	}
	if s.ReviewDays <= 0 {
		s.ReviewDays = DefaultReviewDays
	}
	s.Languages, l = languages(top, r, l)
	if len(s.Languages) == 0 {
		l.FillSources(diag.NewLineIndex(file, text))
		return nil, l
	}
	s.BaseURLPos = top
	if r.BaseURL.Value != "" {
		s.BaseURLPos = r.BaseURL.Pos
	}
	if baseURL != "" {
		r.BaseURL.Value, s.BaseURLPos = baseURL, diag.Position{File: "--base-url"}
	}
	s.BaseURL, s.BasePath, l = checkBaseURL(s.BaseURLPos, r.BaseURL.Value, l)
	zone := r.TimeZone
	if zone == "" {
		zone = DefaultTimeZone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		l.Add(diag.Errorf(r.Keys.At("time_zone", top), "unknown time_zone %q", zone).WithHint("use an IANA name such as %q", DefaultTimeZone))
		loc = time.FixedZone("ICT", 7*3600)
	}
	s.Location = loc
	if r.Title.ByLang == nil {
		l.Add(diag.Errorf(top, "site.yaml has no title").WithHint("add title: {vi: \"…\", en: \"…\"}"))
	}
	l.Append(s.Check(s.Title, "title"))
	l.Append(s.Check(s.Description, "description"))
	for _, e := range s.Emergency {
		if e.Number == "" {
			l.Add(diag.Errorf(e.Pos, "an emergency entry has no number"))
		} else if p := phone.Check(e.Number); p != nil {
			l.Add(diag.Errorf(e.Pos, p.Message, p.Args...).WithHint(p.Hint, p.HintArgs...))
		}
		l.Append(s.Check(e.Name, "name"))
	}
	l.Append(s.checkPublisher(r.Keys.At("publisher", top)))
	l.Append(s.checkTerms(s.Categories, "categories"))
	l.Append(s.checkTerms(s.Areas, "areas"))
	l.FillSources(diag.NewLineIndex(file, text))
	return s, l
}

func languages(top diag.Position, r raw, l diag.List) ([]Language, diag.List) {
	if len(r.Languages) == 0 {
		l.Add(diag.Errorf(top, "site.yaml lists no languages").
			WithHint("add languages: with at least one entry such as {code: vi, name: Tiếng Việt}"))
		return nil, l
	}
	langs := make([]Language, 0, len(r.Languages))
	seen := map[string]bool{}
	for _, lang := range r.Languages {
		switch {
		case !validCode(lang.Code):
			l.Add(diag.Errorf(lang.Pos, "language code %q is not a two- or three-letter lower-case code", lang.Code).
				WithHint("use an ISO 639-1 code such as vi or en"))
			continue
		case seen[lang.Code]:
			l.Add(diag.Errorf(lang.Pos, "language %q is listed twice", lang.Code))
			continue
		}
		if lang.Name == "" {
			lang.Name = lang.Code
		}
		seen[lang.Code] = true
		langs = append(langs, lang)
	}
	if d := r.DefaultLanguage; d != "" {
		i := -1
		for j, lang := range langs {
			if lang.Code == d {
				i = j
			}
		}
		if i < 0 {
			l.Add(diag.Errorf(r.Keys.At("default_language", top), "default_language %q is not one of the listed languages", d))
		} else {
			langs[0], langs[i] = langs[i], langs[0]
		}
	}
	return langs, l
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 3 {
		return false
	}
	for _, r := range c {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func checkBaseURL(at diag.Position, s string, l diag.List) (base, path string, _ diag.List) {
	base, path, ok := ParseBaseURL(s)
	if !ok {
		l.Add(diag.Errorf(at, "base_url %q is not an absolute http(s) address", s).
			WithHint("write it as https://example.org/"))
	}
	return base, path, l
}

// ParseBaseURL reads a site's public address: "" means none (base and path
// are then "/"); otherwise it must be an absolute http(s) URL without query
// or fragment. base ends in "/"; path is its path, beginning and ending in
// "/". ok is false for anything else.
func ParseBaseURL(s string) (base, path string, ok bool) {
	if s == "" {
		return "/", "/", true
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "/", "/", false
	}
	path = u.EscapedPath()
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	u.Path, u.RawPath = "", ""
	return strings.TrimSuffix(u.String(), "/") + path, path, true
}

func (s *Site) checkTerms(terms []Term, name string) diag.List {
	var l diag.List
	seen := map[string]bool{}
	for _, t := range terms {
		if !fold.ValidSlug(t.ID) {
			l.Add(diag.Errorf(t.Pos, "%s id %q should be lower-case letters, digits and hyphens", name, t.ID))
		}
		if seen[t.ID] {
			l.Add(diag.Errorf(t.Pos, "%s id %q is declared twice", name, t.ID))
		}
		seen[t.ID] = true
		l.Append(s.Check(t.Name, "name"))
		if t.Nationwide && name != "areas" {
			l.Add(diag.Errorf(t.Pos, "%s id %q has nationwide, which only areas can have", name, t.ID).
				WithHint("remove nationwide: from the category; mark the area that covers the whole country instead"))
		}
		switch {
		case t.ReviewDays != 0 && name != "categories":
			l.Add(diag.Errorf(t.Pos, "%s id %q has review_days, which only categories can have", name, t.ID).
				WithHint("move review_days to the category, or to the entries themselves"))
		case t.ReviewDays < 0:
			l.Add(diag.Errorf(t.Pos, "review_days %d of %s id %q is not a number of days", t.ReviewDays, name, t.ID).
				WithHint("write a whole number above 0, e.g. review_days: 1825"))
		}
	}
	return l
}

// Default returns the default language's code.
func (s *Site) Default() string { return s.Languages[0].Code }

// Language returns the language with code, or nil.
func (s *Site) Language(code string) *Language {
	for i := range s.Languages {
		if s.Languages[i].Code == code {
			return &s.Languages[i]
		}
	}
	return nil
}

// Category returns the declared category with id, or nil.
func (s *Site) Category(id string) *Term { return find(s.Categories, id) }

// Area returns the declared area with id, or nil.
func (s *Site) Area(id string) *Term { return find(s.Areas, id) }

func find(terms []Term, id string) *Term {
	for i := range terms {
		if terms[i].ID == id {
			return &terms[i]
		}
	}
	return nil
}

// LangPrefix returns the URL path prefix for lang: BasePath for the default
// language, BasePath + "<code>/" for the others.
func (s *Site) LangPrefix(lang string) string {
	if lang == s.Default() {
		return s.BasePath
	}
	return s.BasePath + lang + "/"
}

// AbsURL returns the absolute URL of a site path that starts with BasePath.
// When the site has no base_url it returns path unchanged.
func (s *Site) AbsURL(path string) string {
	if s.BaseURL == "/" {
		return path
	}
	return strings.TrimSuffix(s.BaseURL, s.BasePath) + path
}

func (s *Site) languageList() string {
	codes := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		codes[i] = l.Code
	}
	return strings.Join(codes, ", ")
}

// checkPublisher validates publisher: its texts like every other, a phone
// of digits (spaces, dots and hyphens between groups, "+84" allowed) and an
// email with an "@".
func (s *Site) checkPublisher(at diag.Position) diag.List {
	var l diag.List
	p := s.Publisher
	if p.Name.ByLang != nil {
		l.Append(s.Check(p.Name, "name"))
	}
	if p.Address.ByLang != nil {
		l.Append(s.Check(p.Address, "address"))
	}
	if p.Phone != "" {
		digits := 0
		for i, r := range p.Phone {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case r == ' ' || r == '.' || r == '-' || r == '+' && i == 0:
			default:
				digits = -100
			}
		}
		if digits < 3 {
			l.Add(diag.Errorf(p.Keys.At("phone", at), "publisher phone %q is not a phone number", p.Phone).
				WithHint("write the digits as they are dialled, e.g. \"0221 3862 000\""))
		} else if pr := phone.Check(p.Phone); pr != nil {
			// It becomes a call link: it must exist in the numbering plan.
			l.Add(diag.Errorf(p.Keys.At("phone", at), pr.Message, pr.Args...).WithHint(pr.Hint, pr.HintArgs...))
		}
	}
	if p.Email != "" && (!strings.Contains(p.Email, "@") || strings.ContainsAny(p.Email, " <>\"?")) {
		l.Add(diag.Errorf(p.Keys.At("email", at), "publisher email %q is not an email address", p.Email).
			WithHint("write it as name@example.gov.vn"))
	}
	return l
}
