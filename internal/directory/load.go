package directory

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/strictyaml"
	"github.com/loa-ssg/loa/internal/textfile"
)

// Load reads every *.yaml file in Folder of fsys and validates it against
// site. A missing folder is an empty directory. now is the time staleness is
// judged at; stale entries are warnings. Providers with errors are left out.
func Load(fsys fs.FS, site *config.Site, now time.Time) ([]*Provider, diag.List, error) {
	entries, err := fs.ReadDir(fsys, Folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var (
		out []*Provider
		l   diag.List
		ids = map[string]string{}
	)
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			continue
		}
		file := path.Join(Folder, e.Name())
		text, d, err := textfile.Read(fsys, file)
		if err != nil {
			return nil, nil, err
		}
		if d != nil {
			l.Add(*d)
			continue
		}
		p := &Provider{File: file}
		pl := strictyaml.Decode(strictyaml.Source{File: file, Text: text}, p)
		if !pl.HasErrors() {
			pl.Append(validate(p, site))
		}
		if prev, dup := ids[p.ID]; dup && p.ID != "" {
			pl.Add(diag.Errorf(p.Pos, "id %q is already used by %s", p.ID, prev))
		}
		l.Append(pl)
		if pl.HasErrors() {
			continue
		}
		ids[p.ID] = file
		if p.Stale(now, site.ReviewDays) {
			w := diag.Warningf(p.Pos, "%q has not been verified in the last %d days", p.ID, site.ReviewDays)
			if p.Verified.IsZero() {
				w = diag.Warningf(p.Pos, "%q has never been verified", p.ID)
			}
			l.Add(w.WithHint("check the entry against its source, then set verified: to the date you checked"))
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Provider) int {
		return cmp.Or(cmp.Compare(weight(a), weight(b)), cmp.Compare(a.ID, b.ID))
	})
	return out, l, nil
}

// weight makes an unset weight (0) sort after every set one.
func weight(p *Provider) int {
	if p.Weight == 0 {
		return int(^uint(0) >> 1)
	}
	return p.Weight
}

var phoneTypes = []string{"voice", "text", "textphone", "cell", "fax"}

// phonePattern accepts Vietnamese numbers as dialled at home: 3-digit
// national numbers (111, 113), 1800/1900 numbers, and 10-digit numbers
// starting with 0 (mobiles and landlines with area code), with optional
// spaces, dots or hyphens between groups.
var phonePattern = regexp.MustCompile(`^(1\d\d|1[89]00[\d]{4,6}|0\d{9})$`)

func validate(p *Provider, site *config.Site) diag.List {
	var l diag.List
	required := func(pos diag.Position, ok bool, what, hint string) {
		if !ok {
			l.Add(diag.Errorf(pos, "%s is missing", what).WithHint("%s", hint))
		}
	}
	required(p.Pos, p.ID != "", "id", "add id: with the file name, e.g. id: tong-dai-111")
	if p.ID != "" && !fold.ValidSlug(p.ID) {
		l.Add(diag.Errorf(p.Pos, "id %q should be lower-case letters, digits and hyphens", p.ID).WithHint("try id: %s", fold.Slug(p.ID)))
	}
	required(p.Pos, p.Name.ByLang != nil, "name", `add name: {vi: "…", en: "…"}`)
	required(p.Pos, p.Description.ByLang != nil, "description", `add description: {vi: "…", en: "…"}`)
	required(p.Pos, len(p.Source) > 0, "source", "say where the facts come from: source: https://…")
	required(p.Pos, len(p.Services) > 0, "services", "list at least one service under services:")
	l.Append(site.Check(p.Name, "name"))
	l.Append(site.Check(p.Description, "description"))
	for _, s := range p.Services {
		required(s.Pos, s.ID != "", "service id", "add id: with a short slug")
		required(s.Pos, s.Name.ByLang != nil, "service name", `add name: {vi: "…", en: "…"}`)
		l.Append(site.Check(s.Name, "name"))
		l.Append(site.Check(s.Description, "description"))
		l.Append(site.Check(s.Confidential, "confidential"))
		for _, c := range s.Categories {
			if site.Category(c) == nil {
				l.Add(diag.Errorf(s.Pos, "unknown category %q", c).WithHint("%s", termHint(c, site.Categories, "categories")))
			}
		}
		for _, a := range s.Areas {
			if site.Area(a) == nil {
				l.Add(diag.Errorf(s.Pos, "unknown area %q", a).WithHint("%s", termHint(a, site.Areas, "areas")))
			}
		}
		for _, ph := range s.Phones {
			l.Append(site.Check(ph.Label, "label"))
			if !phonePattern.MatchString(Digits(ph.Number)) {
				l.Add(diag.Errorf(ph.Pos, "%q is not a Vietnamese phone number", ph.Number).
					WithHint("write a 3-digit national number (111), a 1800/1900 number, or 10 digits starting with 0"))
			}
			if ph.Type == "" {
				continue
			}
			if !slices.Contains(phoneTypes, ph.Type) {
				d := diag.Errorf(ph.Pos, "unknown phone type %q", ph.Type).WithHint("use one of %s", strings.Join(phoneTypes, ", "))
				if s := diag.Suggest(ph.Type, phoneTypes); s != "" {
					d = d.WithHint("did you mean %q?", s)
				}
				l.Add(d)
			}
		}
	}
	return l
}

func termHint(id string, terms []config.Term, key string) string {
	ids := make([]string, len(terms))
	for i, t := range terms {
		ids[i] = t.ID
	}
	if s := diag.Suggest(id, ids); s != "" {
		return "did you mean \"" + s + "\"? Or declare it under " + key + " in site.yaml"
	}
	return "declare it under " + key + " in site.yaml, or use one of " + strings.Join(ids, ", ")
}

// Digits returns number without spaces, dots or hyphens: the form to dial
// and to put in a tel: link.
func Digits(number string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, number)
}
