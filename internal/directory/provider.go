package directory

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// Folder holds the provider files, relative to the site's source folder.
const Folder = "content/support/services"

// ContentFolder is Folder relative to the content folder, for the content
// walker to skip.
const ContentFolder = "support/services"

// Provider is one organization and what it offers: an HSDS organization
// with its services and locations embedded, as in HSDS's
// organization-oriented compiled view. Field comments name the HSDS 3.0
// field each maps to (https://docs.openreferral.org/en/latest/).
type Provider struct {
	// File is the source path, "content/support/services/tong-dai-111.yaml".
	File string        `yaml:"-"`
	Pos  diag.Position `yaml:"-"`
	// Keys are where the value of each key written was (strictyaml
	// fills it): the place for a diagnostic about that key (see at).
	Keys strictyaml.Positions `yaml:"-"`
	// ID is the author's slug, unique in the directory; organization.id is
	// the UUID derived from it (see UUID).
	ID string `yaml:"id"`
	// Weight orders providers on the directory page: lower first, 0 (unset)
	// after all weighted ones, ties by id. HSDS has no such field.
	Weight      int         `yaml:"weight"`
	Name        config.Text `yaml:"name"`        // organization.name (required)
	Description config.Text `yaml:"description"` // organization.description (required)
	Website     string      `yaml:"website"`     // organization.website
	Email       string      `yaml:"email"`       // organization.email
	// Checked is the day a person confirmed the entry by phone or in
	// person (service.assured_date of every service); zero when no one has.
	// It is a different fact from the dates of the sources.
	Checked Date `yaml:"checked"`
	// ReviewDays, when set (> 0), is how many days the entry stays fresh
	// after its freshness date (see Fresh); it overrides the categories'
	// and the site's review_days.
	ReviewDays int `yaml:"review_days"`
	// Sources say where the facts come from, each with its own date; at
	// least one is required. HSDS has no such field; the export carries
	// them as the extension x_source (see the README's "Open data").
	Sources   []Source   `yaml:"sources"`
	Locations []Location `yaml:"locations"`
	Services  []Service  `yaml:"services"`
	// OldVerified and OldSource catch the keys verified: and source: of
	// the format before sources had dates; either is an error that says
	// how to rewrite it.
	OldVerified Retired `yaml:"verified"`
	OldSource   Retired `yaml:"source"`
}

// Source is one place the facts of an entry come from.
type Source struct {
	Pos diag.Position `yaml:"-"`
	// Keys are where the value of each key written was (strictyaml
	// fills it): the place for a diagnostic about that key (see at).
	Keys strictyaml.Positions `yaml:"-"`
	// URL is the absolute http(s) address of the source (required).
	URL string `yaml:"url"`
	// Date is the source's own publication or update date (required; not
	// the day someone read it).
	Date Date `yaml:"date"`
	// Title is an optional short title, in the source's own language.
	Title string `yaml:"title"`
}

// Retired records where a key that is no longer part of the format was
// used, so that validation can explain the new form.
type Retired struct {
	Pos diag.Position
	Set bool
}

// UnmarshalStrict implements strictyaml.Unmarshaler: it accepts any value.
func (r *Retired) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	r.Pos, r.Set = at(n), true
	return nil
}

// Location is an HSDS location of the organization.
type Location struct {
	Pos diag.Position `yaml:"-"`
	// Keys are where the value of each key written was (strictyaml
	// fills it): the place for a diagnostic about that key (see at).
	Keys strictyaml.Positions `yaml:"-"`
	ID   string               `yaml:"id"`   // slug; location.id is derived from it
	Name config.Text          `yaml:"name"` // location.name
	// Address is the street address as people write it. The Vietnamese
	// profile keeps it as one text per language: HSDS address.address_1
	// (postal_code, which HSDS requires and authors rarely know, is left
	// out; see the README's "Open data").
	Address config.Text `yaml:"address"`
	// Area is an area id declared in site.yaml (address.city / region).
	Area          strictyaml.Scalar `yaml:"area"`
	Latitude      float64           `yaml:"latitude"`      // location.latitude (WGS84)
	Longitude     float64           `yaml:"longitude"`     // location.longitude (WGS84)
	Accessibility config.Text       `yaml:"accessibility"` // accessibility.description
}

// Service is an HSDS service of the organization.
type Service struct {
	Pos diag.Position `yaml:"-"`
	// Keys are where the value of each key written was (strictyaml
	// fills it): the place for a diagnostic about that key (see at).
	Keys        strictyaml.Positions `yaml:"-"`
	ID          string               `yaml:"id"`          // slug; service.id is derived from it
	Name        config.Text          `yaml:"name"`        // service.name (required)
	Description config.Text          `yaml:"description"` // service.description
	// Status is service.status: active (the default), inactive, defunct or
	// "temporarily closed".
	Status string `yaml:"status"`
	// Categories are ids declared in site.yaml (attribute → taxonomy_term).
	Categories strictyaml.Scalars `yaml:"categories"`
	// Areas are ids declared in site.yaml (service_area.name).
	Areas       strictyaml.Scalars `yaml:"areas"`
	Eligibility config.Text        `yaml:"eligibility"` // service.eligibility_description
	// Free means no fee (cost_option with amount 0, currency VND).
	Free bool        `yaml:"free"`
	Cost config.Text `yaml:"cost"` // service.fees_description
	// Confidential says how the service treats what people tell it.
	// HSDS has no such field; exported as an attribute.
	Confidential config.Text `yaml:"confidential"`
	// Languages are ISO 639-1 codes (language.code).
	Languages strictyaml.Scalars `yaml:"languages"`
	// Open247 means open 24 hours, every day (one schedule: freq WEEKLY,
	// byday MO..SU, opens_at 00:00, closes_at 23:59).
	Open247 bool `yaml:"open_24_7"`
	// Hours are the weekly opening hours when not Open247 (schedule rows).
	Hours  []Hours `yaml:"hours"`
	Phones []Phone `yaml:"phones"`
	// Locations are ids of the organization's locations where the service
	// is offered (service_at_location).
	Locations strictyaml.Scalars `yaml:"locations"`
}

// Hours is one row of a weekly schedule (HSDS schedule with freq WEEKLY):
// the service is open from Opens to Closes on each of Days.
type Hours struct {
	Pos diag.Position `yaml:"-"`
	// Keys are where the value of each key written was (strictyaml
	// fills it): the place for a diagnostic about that key (see at).
	Keys strictyaml.Positions `yaml:"-"`
	// Days are RFC 5545 weekday codes: MO TU WE TH FR SA SU (schedule.byday).
	Days strictyaml.Scalars `yaml:"days"`
	// Opens and Closes are "HH:MM", 24-hour clock, in the site's time zone
	// (schedule.opens_at / closes_at); Closes is after Opens.
	Opens  strictyaml.Scalar `yaml:"opens"`
	Closes strictyaml.Scalar `yaml:"closes"`
	Note   config.Text       `yaml:"note"` // schedule.description
}

// Phone is an HSDS phone.
type Phone struct {
	Pos diag.Position `yaml:"-"`
	// Keys are where the value of each key written was (strictyaml
	// fills it): the place for a diagnostic about that key (see at).
	Keys strictyaml.Positions `yaml:"-"`
	// Number is as dialled in Vietnam, digits with optional spaces, dots or
	// hyphens ("111", "0221 3862 000").
	Number string `yaml:"number"`
	// Type is phone.type, from RFC 6350: voice (the default), text (SMS),
	// textphone, cell or fax.
	Type strictyaml.Scalar `yaml:"type"`
	// Hotline marks a voice line meant for people in need (an attribute;
	// RFC 6350 has no such type).
	Hotline bool        `yaml:"hotline"`
	Label   config.Text `yaml:"label"` // phone.description
}

// Date is a calendar day written as YYYY-MM-DD. Load sets Time to the
// first instant of that day in the site's time zone (config.Day).
type Date struct {
	time.Time
	Pos diag.Position
}

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (d *Date) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	d.Pos = at(n)
	t, err := time.Parse("2006-01-02", n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		if len(n.Value) == 10 && n.Value[4] == '-' && n.Value[7] == '-' {
			return diag.List{diag.Errorf(d.Pos, "%q is not a day of the calendar", n.Value).WithHint("check the month and the day")}
		}
		return diag.List{diag.Errorf(d.Pos, "%q is not a date written as YYYY-MM-DD", n.Value).WithHint("write it as 2026-05-31")}
	}
	d.Time = t
	return nil
}

// SourceDate returns the newest of the sources' dates (zero when there
// are no sources).
func (p *Provider) SourceDate() time.Time {
	var t time.Time
	for _, s := range p.Sources {
		if s.Date.After(t) {
			t = s.Date.Time
		}
	}
	return t
}

// Fresh returns the date the entry's freshness is judged from: the day a
// person checked it when someone has, else the newest source date.
func (p *Provider) Fresh() time.Time {
	if !p.Checked.IsZero() {
		return p.Checked.Time
	}
	return p.SourceDate()
}

// Review returns the entry's review period in days: its own review_days
// when set; else the shortest review_days among its services' categories
// that set one; else the site's review_days.
func (p *Provider) Review(site *config.Site) int {
	if p.ReviewDays > 0 {
		return p.ReviewDays
	}
	days := 0
	for _, s := range p.Services {
		for _, c := range s.Categories {
			if t := site.Category(c.Value); t != nil && t.ReviewDays > 0 && (days == 0 || t.ReviewDays < days) {
				days = t.ReviewDays
			}
		}
	}
	if days == 0 {
		return site.ReviewDays
	}
	return days
}

// Stale reports whether the entry is past its review period: its
// freshness date (see Fresh) is zero or more than reviewDays days before
// now.
func (p *Provider) Stale(now time.Time, reviewDays int) bool {
	f := p.Fresh()
	return f.IsZero() || now.Sub(f) > time.Duration(reviewDays)*24*time.Hour
}

// Uses reports whether any of p's services names the category (kind
// "category") or area (kind "area") with id.
func (p *Provider) Uses(kind, id string) bool {
	for _, s := range p.Services {
		terms := s.Categories
		if kind == "area" {
			terms = s.Areas
		}
		for _, t := range terms {
			if t.Value == id {
				return true
			}
		}
	}
	return false
}

// Location returns the provider's location with id, or nil.
func (p *Provider) Location(id string) *Location {
	for i := range p.Locations {
		if p.Locations[i].ID == id {
			return &p.Locations[i]
		}
	}
	return nil
}
