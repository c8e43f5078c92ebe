package render

import (
	"cmp"
	"encoding/json"
	"github.com/loa-ssg/loa/internal/phone"
	"html/template"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/directory"
)

// DirectorySection is the content folder whose section page is the
// directory's home: the folder holding directory.ContentFolder.
var DirectorySection = path.Dir(directory.ContentFolder)

// DirectoryView is what the directory's pages show.
type DirectoryView struct {
	// Groups lists providers under each category that has any (home page).
	Groups []Group
	// Providers lists the providers of a category or area page, or the one
	// provider of a provider page.
	Providers []Provider
	// Term is the category or area a page lists.
	Term *Link
	// Categories and Areas are the declared categories and areas that
	// have providers, with their pages: the index and the filter offer
	// only these (an empty choice cannot help anyone).
	Categories []Link
	Areas      []Link
	// CategoryIDs and AreaIDs are the ids of Categories and Areas, in the
	// same order, for the filter's option values.
	CategoryIDs, AreaIDs []string
	// Nationwide holds the ids of the areas that cover every other
	// (site.yaml nationwide: true), space-separated: the filter keeps their
	// entries whichever area is chosen.
	Nationwide string
	// Data links the open-data export.
	DataJSON, DataPackage string
}

// Group is a category with its providers.
type Group struct {
	ID        string
	Category  Link
	Providers []Provider
}

// Provider is a directory entry in the page's language.
type Provider struct {
	// Entry is the entry as written in its file, for what the fields
	// below do not carry: a language-neutral field is shown as it is
	// ({{.Entry.Website}}), a text through the view ({{$.Text
	// .Entry.Name}}), a number's tel: form with dial ({{dial .Entry.X}}, or
	// {{dial .Entry.X.Value}} when X is a strictyaml.Scalar),
	// so that a new field of directory.Provider needs no copy here.
	Entry                                      *directory.Provider
	ID, Name, Description, Website, Email, URL string
	Services                                   []Service
	// Phones are all the services' phones, each number once.
	Phones    []Phone
	Locations []Location
	Sources   []Source
	// Checked is the day a person confirmed the entry (zero when no one
	// has); SourceDate is the newest source date. The page says
	// "Checked on" the first when set, else "From the sources listed, the newest dated" the
	// second.
	Checked, SourceDate time.Time
	// ReviewDue is true when the entry is past its review period: the page
	// then advises calling to confirm, after the numbers, never before.
	ReviewDue bool
	// Languages and Confidential summarize the services for the card:
	// every language named, each confidentiality statement once.
	Languages, Confidential []string
	// CategoryIDs, AreaIDs, Free and Hours feed the filter script
	// (data-* attributes): the union over the provider's services.
	CategoryIDs, AreaIDs string
	Free, Open247        bool
	HoursData            string
}

// Source is one of a provider's sources: its address, optional title and
// own date.
type Source struct {
	URL, Title string
	Date       time.Time
}

// Service is a provider's service in the page's language.
type Service struct {
	Name, Description, Eligibility, Cost, Confidential, Status string
	Categories, Areas                                          []Link
	Languages                                                  []string
	Free, Open247                                              bool
	Hours                                                      []Hours
	Phones                                                     []Phone
	Locations                                                  []Location
}

// Hours is one row of opening hours for reading: "Thứ Hai – Thứ Sáu".
type Hours struct {
	Days, Opens, Closes, Note string
}

// Location is an address in the page's language.
type Location struct {
	Name, Address, Area, Accessibility string
}

// Phone is a phone in the page's language: Display for reading, Dial for
// the tel: or sms: link.
type Phone struct {
	Display, Dial, Label, Type string
	Hotline                    bool
}

// directoryPaths are the URL paths of the directory's generated pages in
// one language.
func (r *Renderer) providerPath(sec *content.Page, id string) string { return sec.Path + id + "/" }

func (r *Renderer) termPath(sec *content.Page, kind, id string) string {
	return sec.Path + r.Catalog.T(sec.Lang, "url_"+kind) + "/" + id + "/"
}

// directorySection returns the directory's section page in lang, or nil.
func (r *Renderer) directorySection(lang string) *content.Page {
	for _, name := range []string{"_index." + lang + ".md", "_index.md"} {
		if p := r.Content.ByFile(path.Join(content.Root, DirectorySection, name)); p != nil && p.Lang == lang {
			return p
		}
	}
	return nil
}

// provider converts p for lang; sec is the directory section in lang.
func (r *Renderer) provider(p *directory.Provider, lang string, sec *content.Page) Provider {
	out := Provider{
		Entry: p, ID: p.ID, Name: p.Name.Get(lang), Description: p.Description.Get(lang),
		Website: p.Website, Email: p.Email, Checked: r.day(p.Checked.Time), SourceDate: p.SourceDate(),
		ReviewDue: p.Stale(r.Now, p.Review(r.Site)), URL: r.providerPath(sec, p.ID),
	}
	for _, s := range p.Sources {
		out.Sources = append(out.Sources, Source{URL: s.URL, Title: s.Title, Date: r.day(s.Date.Time)})
	}
	for _, loc := range p.Locations {
		out.Locations = append(out.Locations, r.location(loc, lang))
	}
	var cats, areas []string
	var hours [][3]int
	for _, s := range p.Services {
		sv := Service{
			Name: s.Name.Get(lang), Description: s.Description.Get(lang),
			Eligibility: s.Eligibility.Get(lang), Cost: s.Cost.Get(lang),
			Confidential: s.Confidential.Get(lang), Free: s.Free, Open247: s.Open247,
			Status: s.Status,
		}
		for _, c := range s.Categories {
			sv.Categories = append(sv.Categories, Link{Title: r.Site.Category(c.Value).Name.Get(lang), URL: r.termPath(sec, "category", c.Value)})
			cats = appendNew(cats, c.Value)
		}
		for _, a := range s.Areas {
			sv.Areas = append(sv.Areas, Link{Title: r.Site.Area(a.Value).Name.Get(lang), URL: r.termPath(sec, "area", a.Value)})
			areas = appendNew(areas, a.Value)
		}
		for _, code := range s.Languages {
			sv.Languages = append(sv.Languages, r.languageName(code.Value, lang))
		}
		for _, h := range s.Hours {
			sv.Hours = append(sv.Hours, Hours{Days: r.dayRange(h.Days.Values(), lang), Opens: h.Opens.Value, Closes: h.Closes.Value, Note: h.Note.Get(lang)})
			o, _ := directory.Minutes(h.Opens.Value)
			c, _ := directory.Minutes(h.Closes.Value)
			for _, d := range h.Days {
				hours = append(hours, [3]int{slices.Index(directory.Weekdays[:], d.Value), o, c})
			}
		}
		for _, id := range s.Locations {
			if loc := p.Location(id.Value); loc != nil {
				sv.Locations = append(sv.Locations, r.location(*loc, lang))
			}
		}
		for _, ph := range s.Phones {
			typ := cmp.Or(ph.Type.Value, "voice")
			sv.Phones = append(sv.Phones, Phone{
				Display: ph.Number, Dial: phone.Dial(ph.Number),
				Label: ph.Label.Get(lang), Type: typ, Hotline: ph.Hotline,
			})
		}
		for _, ph := range sv.Phones {
			if !slices.ContainsFunc(out.Phones, func(q Phone) bool { return q.Dial == ph.Dial && q.Type == ph.Type }) {
				out.Phones = append(out.Phones, ph)
			}
		}
		for _, l := range sv.Languages {
			out.Languages = appendNew(out.Languages, l)
		}
		if sv.Confidential != "" {
			out.Confidential = appendNew(out.Confidential, sv.Confidential)
		}
		out.Free = out.Free || s.Free
		out.Open247 = out.Open247 || s.Open247
		out.Services = append(out.Services, sv)
	}
	out.CategoryIDs, out.AreaIDs = strings.Join(cats, " "), strings.Join(areas, " ")
	if len(hours) > 0 {
		b, _ := json.Marshal(hours)
		out.HoursData = string(b)
	}
	return out
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func (r *Renderer) location(loc directory.Location, lang string) Location {
	out := Location{Name: loc.Name.Get(lang), Address: loc.Address.Get(lang), Accessibility: loc.Accessibility.Get(lang)}
	if a := r.Site.Area(loc.Area.Value); a != nil {
		out.Area = a.Name.Get(lang)
	}
	return out
}

// languageName names a language for readers of lang: the interface string
// "lang_<code>" ("Vietnamese" in English), else the site's name for it
// ("Tiếng Việt"), else the code.
func (r *Renderer) languageName(code, lang string) string {
	if s := r.Catalog.T(lang, "lang_"+code); s != "lang_"+code {
		return s
	}
	if l := r.Site.Language(code); l != nil {
		return l.Name
	}
	return code
}

// dayRange writes weekday codes for reading, joining runs of consecutive
// days: [MO TU WE TH FR] → "Thứ Hai – Thứ Sáu".
func (r *Renderer) dayRange(days []string, lang string) string {
	idx := make([]int, 0, len(days))
	for _, d := range days {
		idx = append(idx, slices.Index(directory.Weekdays[:], d))
	}
	slices.Sort(idx)
	name := func(i int) string { return r.Catalog.T(lang, "day_"+directory.Weekdays[i]) }
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, name(idx[i])+" – "+name(idx[j]))
		case j == i+1:
			parts = append(parts, name(idx[i]), name(idx[j]))
		default:
			parts = append(parts, name(idx[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// directoryView builds what the directory's home page shows in lang.
func (r *Renderer) directoryView(sec *content.Page) *DirectoryView {
	lang := sec.Lang
	v := &DirectoryView{
		DataJSON:    r.Site.BasePath + directory.ExportFolder + "/" + lang + "/organizations.json",
		DataPackage: r.Site.BasePath + directory.ExportFolder + "/" + lang + "/datapackage.json",
	}
	providers := make([]Provider, len(r.Providers))
	for i, p := range r.Providers {
		providers[i] = r.provider(p, lang, sec)
	}
	// The index lists only the categories and areas that have providers;
	// their pages exist either way.
	for _, c := range r.Site.Categories {
		link := Link{Title: c.Name.Get(lang), URL: r.termPath(sec, "category", c.ID)}
		g := Group{ID: c.ID, Category: link}
		for _, p := range providers {
			if slices.Contains(strings.Fields(p.CategoryIDs), c.ID) {
				g.Providers = append(g.Providers, p)
			}
		}
		if len(g.Providers) > 0 {
			v.Categories = append(v.Categories, link)
			v.CategoryIDs = append(v.CategoryIDs, c.ID)
			v.Groups = append(v.Groups, g)
		}
	}
	for _, a := range r.Site.Areas {
		if r.termUsed("area", a.ID) {
			v.Areas = append(v.Areas, Link{Title: a.Name.Get(lang), URL: r.termPath(sec, "area", a.ID)})
			v.AreaIDs = append(v.AreaIDs, a.ID)
		}
		if a.Nationwide {
			v.Nationwide = strings.TrimSpace(v.Nationwide + " " + a.ID)
		}
	}
	v.Providers = providers
	return v
}

// termUsed reports whether any provider's service names the category or
// area (kind "category" or "area") with id.
func (r *Renderer) termUsed(kind, id string) bool {
	return slices.ContainsFunc(r.Providers, func(p *directory.Provider) bool { return p.Uses(kind, id) })
}

// jsonLD describes a provider for search engines as schema.org
// GovernmentService objects (one per service) operated by the
// organization, with ContactPoint phones and OpeningHoursSpecification
// (https://schema.org/GovernmentService).
func (r *Renderer) jsonLD(p *directory.Provider, lang string) template.JS {
	days := map[string]string{"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
	org := map[string]any{"@type": "Organization", "name": p.Name.Get(lang)}
	if p.Website != "" {
		org["url"] = p.Website
	}
	var graph []any
	for _, s := range p.Services {
		var hours []any
		if s.Open247 {
			hours = append(hours, map[string]any{"@type": "OpeningHoursSpecification",
				"dayOfWeek": []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
				"opens":     "00:00", "closes": "23:59"})
		}
		for _, h := range s.Hours {
			var ds []string
			for _, d := range h.Days {
				ds = append(ds, days[d.Value])
			}
			hours = append(hours, map[string]any{"@type": "OpeningHoursSpecification", "dayOfWeek": ds, "opens": h.Opens.Value, "closes": h.Closes.Value})
		}
		channel := map[string]any{"@type": "ServiceChannel"}
		for _, ph := range s.Phones {
			cp := map[string]any{"@type": "ContactPoint", "telephone": phone.Dial(ph.Number),
				"contactType": cmp.Or(ph.Label.Get(lang), "hotline")}
			if len(hours) > 0 {
				cp["hoursAvailable"] = hours
			}
			if s.Free {
				cp["contactOption"] = "https://schema.org/TollFree"
			}
			if len(s.Languages) > 0 {
				cp["availableLanguage"] = s.Languages.Values()
			}
			key := "servicePhone"
			if ph.Type.Value == "text" {
				key = "serviceSmsNumber"
			}
			channel[key] = cp
		}
		svc := map[string]any{"@type": "GovernmentService", "name": s.Name.Get(lang), "serviceOperator": org}
		if d := s.Description.Get(lang); d != "" {
			svc["description"] = d
		}
		if len(channel) > 1 {
			svc["availableChannel"] = channel
		}
		if len(hours) > 0 {
			svc["hoursAvailable"] = hours
		}
		var served []string
		for _, a := range s.Areas {
			served = append(served, r.Site.Area(a.Value).Name.Get(lang))
		}
		if len(served) > 0 {
			svc["areaServed"] = served
		}
		graph = append(graph, svc)
	}
	return jsonLD(map[string]any{"@context": "https://schema.org", "@graph": graph})
}

// jsonLD encodes v for a <script type="application/ld+json"> element;
// json.Marshal escapes <, > and &, so the text cannot end the element.
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b)
}
