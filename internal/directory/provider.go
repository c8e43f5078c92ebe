package directory

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
)

// Folder holds the provider files, relative to the site's source folder.
const Folder = "content/support/services"

// ContentFolder is Folder relative to the content folder, for the content
// walker to skip.
const ContentFolder = "support/services"

// Provider is one organization and the services it offers
// (HSDS organization, with its services embedded as in HSDS's
// organization-oriented "compiled" view).
type Provider struct {
	// File is the source path, "content/support/services/tong-dai-111.yaml".
	File string        `yaml:"-"`
	Pos  diag.Position `yaml:"-"`
	// ID is the author's slug (HSDS organization.id is a UUID derived from it).
	ID string `yaml:"id"`
	// Name and Description map to HSDS organization.name and .description.
	Name        config.Text `yaml:"name"`
	Description config.Text `yaml:"description"`
	// Website maps to HSDS organization.website; Email to organization.email.
	Website string `yaml:"website"`
	Email   string `yaml:"email"`
	// Verified is the day a person last confirmed the entry (HSDS
	// service.assured_date); zero when no one has.
	Verified Date `yaml:"verified"`
	// Source says where the facts come from: URLs or document references.
	// HSDS has no such field; it is exported as an extension.
	Source Sources `yaml:"source"`
	// Weight orders providers on the directory page: lower first, 0 (unset)
	// after all weighted ones, ties by id. HSDS has no such field.
	Weight int `yaml:"weight"`
	// Services are HSDS service objects.
	Services []Service `yaml:"services"`
}

// Service is one HSDS service of a provider.
type Service struct {
	Pos         diag.Position `yaml:"-"`
	ID          string        `yaml:"id"`
	Name        config.Text   `yaml:"name"`        // service.name
	Description config.Text   `yaml:"description"` // service.description
	// Categories are ids declared in site.yaml (HSDS attribute → taxonomy_term).
	Categories []string `yaml:"categories"`
	// Areas are ids declared in site.yaml (HSDS service_area).
	Areas []string `yaml:"areas"`
	// Free means no fee (HSDS fees_description / cost_option amount 0).
	Free bool `yaml:"free"`
	// Confidential says how the service treats what people tell it (extension).
	Confidential config.Text `yaml:"confidential"`
	// Languages are ISO 639-1 codes (HSDS language.code).
	Languages []string `yaml:"languages"`
	// Open247 means open 24 hours, every day (HSDS schedule: freq WEEKLY,
	// byday MO..SU, opens_at 00:00, closes_at 23:59).
	Open247 bool    `yaml:"open_24_7"`
	Phones  []Phone `yaml:"phones"`
}

// Phone is an HSDS phone.
type Phone struct {
	Pos diag.Position `yaml:"-"`
	// Number is as dialled in Vietnam, digits and spaces ("111", "0221 3862 000").
	Number string `yaml:"number"`
	// Type is the HSDS phone.type (from RFC 6350): voice, text (SMS),
	// textphone, cell or fax.
	Type string `yaml:"type"`
	// Hotline marks a voice line meant for people in need (an attribute;
	// RFC 6350 has no such type).
	Hotline bool        `yaml:"hotline"`
	Label   config.Text `yaml:"label"` // phone.description
}

// Date is a calendar day written as YYYY-MM-DD.
type Date struct {
	time.Time
	Pos diag.Position
}

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (d *Date) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	d.Pos = at(n)
	t, err := time.Parse("2006-01-02", n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return diag.List{diag.Errorf(d.Pos, "%q is not a date written as YYYY-MM-DD", n.Value)}
	}
	d.Time = t
	return nil
}

// Sources is one source or a list of them.
type Sources []string

// UnmarshalStrict implements strictyaml.Unmarshaler: a single value or a list.
func (s *Sources) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	switch n.Kind {
	case yaml.ScalarNode:
		*s = Sources{n.Value}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return diag.List{diag.Errorf(at(c), "each source should be a single URL or reference")}
			}
			*s = append(*s, c.Value)
		}
	default:
		return diag.List{diag.Errorf(at(n), "source should be a URL or a list of them")}
	}
	return nil
}

// Stale reports whether the entry was never verified or was verified more
// than reviewDays days before now.
func (p *Provider) Stale(now time.Time, reviewDays int) bool {
	return p.Verified.IsZero() || now.Sub(p.Verified.Time) > time.Duration(reviewDays)*24*time.Hour
}
