package directory

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/phone"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

var (
	phoneTypes = []string{"voice", "text", "textphone", "cell", "fax"}
	statuses   = []string{"active", "inactive", "defunct", "temporarily closed"}
)

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// validator checks one provider against the site's declarations.
type validator struct {
	site *config.Site
	l    diag.List
}

func (v *validator) errorf(pos diag.Position, hint string, format string, args ...any) {
	d := diag.Errorf(pos, format, args...)
	if hint != "" {
		d.Hint = hint
	}
	v.l.Add(d)
}

func (v *validator) required(pos diag.Position, ok bool, what, hint string) {
	if !ok {
		v.errorf(pos, hint, "%s is missing", what)
	}
}

func (v *validator) slug(pos diag.Position, id, what string) {
	if id != "" && !fold.ValidSlug(id) {
		v.errorf(pos, fmt.Sprintf("try %s", fold.Slug(id)), "%s %q should be lower-case letters a–z, digits and hyphens", what, id)
	}
}

func (v *validator) text(t config.Text, name string) { v.l.Append(v.site.Check(t, name)) }

// The checks of one value that a field of any entity may share; at is
// where the value was written (Keys.At). Their messages are translated
// already, so a new field checked with them needs no new message.

// number checks a phone number as dialled, against the Vietnamese
// numbering plan (phone.Check); "" is "missing" (for an optional field,
// call it only when the value is not empty).
func (v *validator) number(n string, at diag.Position) {
	if p := phone.Check(n); p != nil {
		v.l.Add(diag.Errorf(at, p.Message, p.Args...).WithHint(p.Hint, p.HintArgs...))
	}
}

// webAddress checks an absolute http(s) address; key is the field's key
// as written in the file ("website"), for the message; "" passes.
func (v *validator) webAddress(u, key string, at diag.Position) {
	if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		v.errorf(at, "write the full address, starting with https://", "%s %q is not a web address", key, u)
	}
}

// email checks an e-mail address (something@domain.tld); "" passes.
func (v *validator) email(e string, at diag.Position) {
	if e != "" && !emailPattern.MatchString(e) {
		v.errorf(at, "write it as name@example.vn", "email %q is not an e-mail address", e)
	}
}

func validate(p *Provider, site *config.Site) diag.List {
	v := &validator{site: site}
	v.required(p.Keys.At("id", p.Pos), p.ID != "", "id", "add id: with the file name, e.g. id: tong-dai-111")
	v.slug(p.Keys.At("id", p.Pos), p.ID, "id")
	v.required(p.Keys.At("name", p.Pos), p.Name.ByLang != nil, "name", `add name: {vi: "…", en: "…"}`)
	v.required(p.Keys.At("description", p.Pos), p.Description.ByLang != nil, "description", `add description: {vi: "…", en: "…"}`)
	v.sources(p)
	if p.OldVerified.Set {
		v.errorf(p.OldVerified.Pos, "rename it to checked: if a person confirmed the entry by phone or in person on that day; if it is the date of a source, write it as date: under that source in sources:",
			"verified: is no longer used")
	}
	if p.ReviewDays < 0 {
		v.errorf(p.Keys.At("review_days", p.Pos), "write a whole number above 0, e.g. review_days: 365, or remove it to use the category's or the site's", "review_days %d is not a number of days", p.ReviewDays)
	}
	v.required(p.Keys.At("services", p.Pos), len(p.Services) > 0, "services", "list at least one service under services:")
	v.text(p.Name, "name")
	v.text(p.Description, "description")
	v.email(p.Email, p.Keys.At("email", p.Pos))
	v.webAddress(p.Website, "website", p.Keys.At("website", p.Pos))
	locIDs := map[string]bool{}
	for _, loc := range p.Locations {
		v.required(loc.Keys.At("id", loc.Pos), loc.ID != "", "location id", "add id: with a short slug, e.g. id: tru-so")
		v.slug(loc.Keys.At("id", loc.Pos), loc.ID, "location id")
		if locIDs[loc.ID] {
			v.errorf(loc.Keys.At("id", loc.Pos), "", "location id %q is used twice", loc.ID)
		}
		locIDs[loc.ID] = true
		v.text(loc.Name, "name")
		v.text(loc.Address, "address")
		v.text(loc.Accessibility, "accessibility")
		if loc.Area.Value != "" {
			v.term(loc.Area, site.Areas, "area", "areas")
		}
		if loc.Latitude < -90 || loc.Latitude > 90 || loc.Longitude < -180 || loc.Longitude > 180 {
			at := loc.Keys.At("longitude", loc.Pos)
			if loc.Latitude < -90 || loc.Latitude > 90 {
				at = loc.Keys.At("latitude", loc.Pos)
			}
			v.errorf(at, "latitude is between -90 and 90, longitude between -180 and 180", "latitude/longitude out of range")
		}
	}
	svcIDs := map[string]bool{}
	for _, s := range p.Services {
		v.service(s, svcIDs, locIDs)
	}
	return v.l
}

// sources checks p's sources: at least one, each with an http(s) address
// and its own date. The old source: key gets the new form as its fix.
func (v *validator) sources(p *Provider) {
	const form = `sources: [{url: "https://…", date: YYYY-MM-DD}]`
	if p.OldSource.Set {
		v.errorf(p.OldSource.Pos, "rename it to sources: and give each source its own date: "+form,
			"source: is no longer used")
	} else {
		v.required(p.Keys.At("sources", p.Pos), len(p.Sources) > 0, "sources", "say where the facts come from, with each source's date: "+form)
	}
	for _, s := range p.Sources {
		switch {
		case s.URL == "":
			v.errorf(s.Keys.At("url", s.Pos), `add url: "https://…"`, "a source has no url")
		default:
			v.webAddress(s.URL, "url", s.Keys.At("url", s.Pos))
		}
		if s.Date.IsZero() && s.Date.Pos.Line == 0 {
			v.errorf(s.Pos, "add date: with the day the source was published or last updated, e.g. date: 2025-09-19", "a source has no date")
		}
	}
}

func (v *validator) service(s Service, ids, locIDs map[string]bool) {
	v.required(s.Keys.At("id", s.Pos), s.ID != "", "service id", "add id: with a short slug")
	v.slug(s.Keys.At("id", s.Pos), s.ID, "service id")
	if ids[s.ID] {
		v.errorf(s.Keys.At("id", s.Pos), "", "service id %q is used twice", s.ID)
	}
	ids[s.ID] = true
	v.required(s.Keys.At("name", s.Pos), s.Name.ByLang != nil, "service name", `add name: {vi: "…", en: "…"}`)
	for _, t := range []struct {
		t    config.Text
		name string
	}{{s.Name, "name"}, {s.Description, "description"}, {s.Eligibility, "eligibility"},
		{s.Cost, "cost"}, {s.Confidential, "confidential"}} {
		v.text(t.t, t.name)
	}
	if s.Status != "" && !slices.Contains(statuses, s.Status) {
		v.errorf(s.Keys.At("status", s.Pos), fmt.Sprintf("use one of %s", strings.Join(statuses, ", ")), "unknown status %q", s.Status)
	}
	for _, c := range s.Categories {
		v.term(c, v.site.Categories, "category", "categories")
	}
	for _, a := range s.Areas {
		v.term(a, v.site.Areas, "area", "areas")
	}
	for _, lang := range s.Languages {
		if !validLanguage(lang.Value) {
			v.errorf(lang.Pos, "use a two-letter ISO 639-1 code such as vi or en", "%q is not a language code", lang.Value)
		}
	}
	for _, loc := range s.Locations {
		if !locIDs[loc.Value] {
			v.errorf(loc.Pos, "declare it under locations: of this organization", "unknown location %q", loc.Value)
		}
	}
	if s.Open247 && len(s.Hours) > 0 {
		v.errorf(s.Keys.At("open_24_7", s.Pos), "remove hours:, or remove open_24_7", "a service open 24/7 cannot also have opening hours")
	}
	for _, h := range s.Hours {
		v.hours(h)
	}
	for _, ph := range s.Phones {
		v.phone(ph)
	}
}

func (v *validator) term(r strictyaml.Scalar, terms []config.Term, what, key string) {
	for _, t := range terms {
		if t.ID == r.Value {
			return
		}
	}
	ids := make([]string, len(terms))
	named := make([]string, len(terms)) // "legal-aid (Trợ giúp pháp lý)"
	lang := v.site.Default()
	for i, t := range terms {
		ids[i] = t.ID
		named[i] = t.ID
		if n := t.Name.Get(lang); n != "" {
			named[i] += " (" + n + ")"
		}
	}
	// An author may write the name shown on the site instead of its id.
	for _, t := range terms {
		for _, name := range t.Name.ByLang {
			if fold.Key(name) == fold.Key(r.Value) {
				v.l.Add(diag.Errorf(r.Pos, "unknown %s %q", what, r.Value).
					WithHint("write the id of the %s named %q: %s", what, name, t.ID))
				return
			}
		}
	}
	d := diag.Errorf(r.Pos, "unknown %s %q", what, r.Value).
		WithHint("write one of the ids declared under %s in site.yaml: %s; or declare a new one there", key, strings.Join(named, ", "))
	if s := diag.Suggest(r.Value, ids); s != "" {
		d = d.WithHint("did you mean %q? Or declare it under %s in site.yaml", s, key)
	}
	v.l.Add(d)
}

func (v *validator) phone(ph Phone) {
	v.text(ph.Label, "label")
	// The Vietnamese numbering plan (package phone cites its sources). A
	// number may be written "+84 …" when people dial it from abroad (the
	// citizen-protection hotline): its part after +84 is checked the same
	// way, and its call link keeps the +84 (RFC 3966 global number), which
	// also works from a phone in Vietnam.
	v.number(ph.Number, ph.Keys.At("number", ph.Pos))
	typ := ph.Type.Value
	if typ != "" && !slices.Contains(phoneTypes, typ) {
		hint := fmt.Sprintf("use one of %s", strings.Join(phoneTypes, ", "))
		if s := diag.Suggest(typ, phoneTypes); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		v.errorf(ph.Type.Pos, hint, "unknown phone type %q", typ)
	}
	if ph.Hotline && typ != "" && typ != "voice" && slices.Contains(phoneTypes, typ) {
		v.errorf(ph.Type.Pos, "a hotline is a voice line: remove type:, or hotline:", "a %s line cannot be a hotline", typ)
	}
}

func (v *validator) hours(h Hours) {
	if len(h.Days) == 0 {
		v.errorf(h.Keys.At("days", h.Pos), "add days: [MO, TU, WE, TH, FR]", "opening hours without days")
	}
	for _, d := range h.Days {
		if !slices.Contains(Weekdays[:], d.Value) {
			v.errorf(d.Pos, "use MO, TU, WE, TH, FR, SA or SU", "%q is not a weekday code", d.Value)
		}
	}
	opens, ok1 := v.clock(h.Opens, "opens", h.Pos)
	closes, ok2 := v.clock(h.Closes, "closes", h.Pos)
	if ok1 && ok2 && closes <= opens {
		v.errorf(h.Closes.Pos, "closing time must be after opening time on the same day", "closes at %s, not after it opens at %s", h.Closes.Value, h.Opens.Value)
	}
}

// clock checks an "HH:MM" time and returns it in minutes after midnight.
func (v *validator) clock(r strictyaml.Scalar, name string, at diag.Position) (int, bool) {
	if r.Value == "" {
		v.errorf(at, fmt.Sprintf("add %s: \"07:30\"", name), "%s is missing", name)
		return 0, false
	}
	m, ok := Minutes(r.Value)
	if !ok {
		v.errorf(r.Pos, `write it as "HH:MM" on a 24-hour clock, e.g. "07:30" or "17:00", in quotes`, "%q is not a time of day", r.Value)
	}
	return m, ok
}

func validLanguage(code string) bool {
	if len(code) != 2 {
		return false
	}
	return code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z'
}
