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
// judged at and dates may not be after; entries past their review period
// are warnings, one per entry, or one line with a count when there are
// several. Providers with errors are left out.
func Load(fsys fs.FS, site *config.Site, now time.Time) ([]*Provider, diag.List, error) {
	entries, err := fs.ReadDir(fsys, Folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var (
		out   []*Provider
		l     diag.List
		stale diag.List
		ids   = map[string]string{}
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
		pl := strictyaml.Decode(strictyaml.Source{File: file, Text: text, Examples: examples}, p)
		if !pl.HasErrors() {
			pl.Append(validate(p, site))
		}
		// Dates are calendar days: from the start of that day in the
		// site's zone, not midnight UTC (a day checked this morning in
		// Hưng Yên is not in the future).
		p.Checked.Time = calendarDay(p.Checked.Time, site.Location)
		for i := range p.Sources {
			p.Sources[i].Date.Time = calendarDay(p.Sources[i].Date.Time, site.Location)
		}
		pl.Append(checkDates(p, now))
		if prev, dup := ids[p.ID]; dup && p.ID != "" {
			pl.Add(diag.Errorf(p.Pos, "id %q is already used by %s", p.ID, prev).
				WithHint("each entry needs an id of its own (a copied file keeps the old one): change id: here, e.g. to the file name without .yaml"))
		}
		pl.FillSources(diag.NewLineIndex(file, text))
		l.Append(pl)
		if pl.HasErrors() {
			continue
		}
		ids[p.ID] = file
		if p.Stale(now, p.Review(site)) {
			sl := diag.List{staleWarning(p, p.Review(site), site.Default(), now.In(site.Location))}
			sl.FillSources(diag.NewLineIndex(file, text))
			stale.Append(sl)
		}
		out = append(out, p)
	}
	l.Append(collapse(stale))
	slices.SortFunc(out, func(a, b *Provider) int {
		return cmp.Or(cmp.Compare(weight(a), weight(b)), cmp.Compare(a.ID, b.ID))
	})
	return out, l, nil
}

// examples show values written the right way, for the hint when one has
// the wrong shape (opening hours written as text).
var examples = map[string]string{
	"hours":      `- {days: [MO, TU, WE, TH, FR], opens: "07:30", closes: "17:00"}`,
	"days":       "[MO, TU, WE, TH, FR]",
	"phones":     `- {number: "0221 3862 000", label: {vi: "…", en: "…"}}`,
	"categories": "[legal-aid]",
	"areas":      "[hung-yen]",
	"opens":      `"07:30"`,
	"closes":     `"17:00"`,
}

// weight makes an unset weight (0) sort after every set one.
func weight(p *Provider) int {
	if p.Weight == 0 {
		return int(^uint(0) >> 1)
	}
	return p.Weight
}

// checkDates reports the dates of p that are after now: a day a person
// cannot yet have checked the entry, a source not yet published.
func checkDates(p *Provider, now time.Time) diag.List {
	var l diag.List
	if !p.Checked.IsZero() && p.Checked.After(now) {
		l.Add(diag.Errorf(p.Checked.Pos, "checked: %s is in the future", p.Checked.Format("2006-01-02")).
			WithHint("write the day a person confirmed the entry by phone or in person"))
	}
	for _, s := range p.Sources {
		if !s.Date.IsZero() && s.Date.After(now) {
			l.Add(diag.Errorf(s.Date.Pos, "date: %s is in the future", s.Date.Format("2006-01-02")).
				WithHint("write the date the source was published or last updated"))
		}
	}
	return l
}

// staleWarning says why p is past its review period of days. It names p
// by its name in lang (the site's first language; its id when it has
// none there), which a writer knows, and its hint says where the line
// goes, with the day of the call left for the writer to fill (today, in
// the site's time zone, as the example: a date ready to paste would
// claim a call no one made).
func staleWarning(p *Provider, days int, lang string, today time.Time) diag.Diagnostic {
	name := p.Name.Get(lang)
	if name == "" {
		name = p.ID
	}
	hint := diag.T("call to confirm the entry, then add to this file a line, not indented and not under sources:, checked: <the day of the call, e.g. %s> (or give it a longer review_days when its facts are fixed by law)", today.Format("2006-01-02"))
	if !p.Checked.IsZero() {
		return diag.Warningf(p.Checked.Pos, "%q was last checked on %s, more than %d days ago", name, p.Checked.Format("2006-01-02"), days).WithHint(hint.Format, hint.Args...)
	}
	pos, newest := p.Pos, p.SourceDate()
	for _, s := range p.Sources {
		if s.Date.Equal(newest) {
			pos = s.Date.Pos
			break
		}
	}
	return diag.Warningf(pos, "%q has not been checked by a person, and its newest source (%s) is more than %d days old", name, newest.Format("2006-01-02"), days).WithHint(hint.Format, hint.Args...)
}

// collapse returns the warnings about entries past their review period:
// one as it is; several as one line with their count and names (the
// first quoted text of each message), so that a build does not repeat
// the same advice.
func collapse(stale diag.List) diag.List {
	if len(stale) < 2 {
		return stale
	}
	ids := make([]string, len(stale))
	for i, d := range stale {
		id, _, _ := strings.Cut(d.Message[1:], `"`)
		ids[i] = id
	}
	slices.Sort(ids)
	return diag.List{diag.Warningf(diag.Position{File: Folder}, "%d entries are past their review period: %s", len(stale), strings.Join(ids, ", ")).
		WithHint("call to confirm each, then set its checked: to that day (or give it a longer review_days when its facts are fixed by law)")}
}

// calendarDay returns the first instant of t's calendar day in loc (see
// config.Day); the zero time stays zero.
func calendarDay(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return config.Day(y, m, d, loc)
}
