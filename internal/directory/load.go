package directory

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
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
		if !p.Verified.IsZero() {
			// A calendar day: from the start of that day in the site's
			// zone, not at midnight UTC (a day checked this morning in
			// Hưng Yên is not in the future).
			y, m, d := p.Verified.Date()
			p.Verified.Time = config.Day(y, m, d, site.Location)
		}
		if !p.Verified.IsZero() && p.Verified.After(now) {
			pl.Add(diag.Errorf(p.Verified.Pos, "verified: %s is in the future", p.Verified.Format("2006-01-02")).
				WithHint("write the day the entry was last checked"))
		}
		if prev, dup := ids[p.ID]; dup && p.ID != "" {
			pl.Add(diag.Errorf(p.Pos, "id %q is already used by %s", p.ID, prev))
		}
		pl.FillSources(diag.NewLineIndex(file, text))
		l.Append(pl)
		if pl.HasErrors() {
			continue
		}
		ids[p.ID] = file
		if p.Stale(now, site.ReviewDays) {
			w := diag.Warningf(p.Verified.Pos, "%q has not been verified in the last %d days", p.ID, site.ReviewDays)
			if p.Verified.IsZero() {
				w = diag.Warningf(p.Pos, "%q has never been verified", p.ID)
			}
			pl := diag.List{w.WithHint("check the entry against its source, then set verified: to the date you checked")}
			pl.FillSources(diag.NewLineIndex(file, text))
			l.Append(pl)
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
