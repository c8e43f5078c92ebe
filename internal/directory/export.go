package directory

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"github.com/loa-ssg/loa/internal/config"
)

// ExportFolder is where the open-data export is published, relative to the
// site root; each language has its own folder below it ("data/hsds/vi/").
const ExportFolder = "data/hsds"

// Profile names the HSDS profile the export follows: HSDS 3.0 with
// address.postal_code not required (addresses are published only as
// location descriptions until their postal codes are known), two
// extension fields on organizations, x_source (the sources' URLs) and
// x_source_date (each source's own date, YYYY-MM-DD, in the same order),
// and a "confidentiality" attribute on services.
const Profile = "loa-vn/1.1 (HSDS 3.0, Vietnamese profile: no postal codes; x_source, x_source_date; confidentiality attribute)"

// Export returns the directory as HSDS 3.0 open data in lang: the
// organization-oriented JSON ("organizations.json", each organization with
// its services, phones, schedules, service areas, languages, cost options,
// attributes and locations embedded) and the Tabular Data Package form (one
// CSV per HSDS table, named as HSDS's tabular form names it
// ("organizations.csv"), linked by id columns, described by
// "datapackage.json").
// Keys are file names; the bytes are deterministic.
func Export(providers []*Provider, site *config.Site, lang string) map[string][]byte {
	e := exporter{site: site, lang: lang, tables: newTables()}
	var orgs []any
	for _, p := range providers {
		orgs = append(orgs, e.organization(p))
	}
	if orgs == nil {
		orgs = []any{}
	}
	files := map[string][]byte{}
	js, _ := json.MarshalIndent(orgs, "", "  ")
	files["organizations.json"] = append(js, '\n')
	var resources []any
	for _, t := range e.tables {
		files[t.path()] = t.csv()
		resources = append(resources, t.resource())
	}
	pkg, _ := json.MarshalIndent(map[string]any{
		"name":      "loa-directory-" + lang,
		"title":     site.Title.Get(lang),
		"profile":   "tabular-data-package",
		"x_hsds":    Profile,
		"resources": resources,
	}, "", "  ")
	files["datapackage.json"] = append(pkg, '\n')
	return files
}

type exporter struct {
	site   *config.Site
	lang   string
	tables []*table
}

func (e *exporter) table(name string) *table {
	for _, t := range e.tables {
		if t.name == name {
			return t
		}
	}
	panic("no table " + name)
}

func (e *exporter) organization(p *Provider) map[string]any {
	id := UUID("organization", p.ID)
	urls, dates := []string{}, []string{}
	for _, s := range p.Sources {
		urls, dates = append(urls, s.URL), append(dates, s.Date.Format("2006-01-02"))
	}
	org := map[string]any{
		"id": id, "name": p.Name.Get(e.lang), "description": p.Description.Get(e.lang),
		"x_source": urls, "x_source_date": dates,
	}
	// email and website are formatted fields in HSDS: left out when unknown.
	if p.Email != "" {
		org["email"] = p.Email
	}
	if p.Website != "" {
		org["website"] = p.Website
	}
	e.table("organization").add(id, p.Name.Get(e.lang), p.Description.Get(e.lang), p.Email, p.Website, strings.Join(urls, " "), strings.Join(dates, " "))
	var locations []any
	for _, loc := range p.Locations {
		lid := UUID("location", p.ID, loc.ID)
		l := map[string]any{"id": lid, "organization_id": id, "location_type": "physical",
			"name": loc.Name.Get(e.lang), "description": loc.Address.Get(e.lang)}
		lat, lon := "", ""
		if loc.Latitude != 0 || loc.Longitude != 0 {
			l["latitude"], l["longitude"] = loc.Latitude, loc.Longitude
			lat, lon = jsonNumber(loc.Latitude), jsonNumber(loc.Longitude)
		}
		e.table("location").add(lid, id, "physical", loc.Name.Get(e.lang), loc.Address.Get(e.lang), lat, lon)
		if a := loc.Accessibility.Get(e.lang); a != "" {
			aid := UUID("accessibility", p.ID, loc.ID)
			l["accessibility"] = []any{map[string]any{"id": aid, "location_id": lid, "description": a}}
			e.table("accessibility").add(aid, lid, a)
		}
		locations = append(locations, l)
	}
	var services []any
	for _, s := range p.Services {
		services = append(services, e.service(p, s, id))
	}
	org["services"], org["locations"] = orEmpty(services), orEmpty(locations)
	return org
}

func (e *exporter) service(p *Provider, s Service, orgID string) map[string]any {
	id := UUID("service", p.ID, s.ID)
	status := s.Status
	if status == "" {
		status = "active"
	}
	assured := ""
	if !p.Checked.IsZero() {
		assured = p.Checked.Format("2006-01-02")
	}
	fees := s.Cost.Get(e.lang)
	svc := map[string]any{
		"id": id, "organization_id": orgID, "name": s.Name.Get(e.lang),
		"description": s.Description.Get(e.lang), "status": status,
		"fees_description": fees, "eligibility_description": s.Eligibility.Get(e.lang),
	}
	if assured != "" {
		svc["assured_date"] = assured
	}
	e.table("service").add(id, orgID, s.Name.Get(e.lang), s.Description.Get(e.lang), status, fees, s.Eligibility.Get(e.lang), assured)
	var phones, schedules, areas, langs, costs, attrs, sals []any
	for i, ph := range s.Phones {
		pid := UUID("phone", p.ID, s.ID, Digits(ph.Number), itoa(i))
		typ := ph.Type.Value
		if typ == "" {
			typ = "voice"
		}
		phones = append(phones, map[string]any{"id": pid, "service_id": id, "number": Digits(ph.Number), "type": typ, "description": ph.Label.Get(e.lang)})
		e.table("phone").add(pid, id, Digits(ph.Number), typ, ph.Label.Get(e.lang))
		if ph.Hotline {
			attrs = append(attrs, e.attribute(id, "hotline", termDescriptions["hotline"][e.langKey()], Digits(ph.Number)))
		}
	}
	addSchedule := func(key string, days []string, opens, closes, note string) {
		sid := UUID("schedule", p.ID, s.ID, key)
		byday := strings.Join(days, ",")
		schedules = append(schedules, map[string]any{"id": sid, "service_id": id, "freq": "WEEKLY", "byday": byday,
			"opens_at": opens, "closes_at": closes, "timezone": 7, "description": note})
		e.table("schedule").add(sid, id, "WEEKLY", byday, opens, closes, "7", note)
	}
	if s.Open247 {
		addSchedule("24-7", Weekdays[:], "00:00", "23:59", "24/7")
	}
	for i, h := range s.Hours {
		addSchedule(itoa(i), h.Days.Values(), h.Opens.Value, h.Closes.Value, h.Note.Get(e.lang))
	}
	for _, a := range s.Areas {
		aid := UUID("service_area", p.ID, s.ID, a.Value)
		name := e.site.Area(a.Value).Name.Get(e.lang)
		areas = append(areas, map[string]any{"id": aid, "service_id": id, "name": name, "extent_type": "text", "uri": a.Value})
		e.table("service_area").add(aid, id, name, a.Value)
	}
	for _, code := range s.Languages {
		lid := UUID("language", p.ID, s.ID, code.Value)
		langs = append(langs, map[string]any{"id": lid, "service_id": id, "code": code.Value})
		e.table("language").add(lid, id, code.Value)
	}
	if s.Free {
		cid := UUID("cost_option", p.ID, s.ID, "free")
		costs = append(costs, map[string]any{"id": cid, "service_id": id, "option": "free", "amount": 0, "currency": "VND"})
		e.table("cost_option").add(cid, id, "free", "0", "VND")
	}
	for _, c := range s.Categories {
		name := e.site.Category(c.Value).Name.Get(e.lang)
		attrs = append(attrs, e.attribute(id, "category:"+c.Value, name, name))
	}
	if c := s.Confidential.Get(e.lang); c != "" {
		attrs = append(attrs, e.attribute(id, "confidentiality", termDescriptions["confidentiality"][e.langKey()], c))
	}
	for _, loc := range s.Locations {
		sid := UUID("service_at_location", p.ID, s.ID, loc.Value)
		lid := UUID("location", p.ID, loc.Value)
		sals = append(sals, map[string]any{"id": sid, "service_id": id, "location_id": lid})
		e.table("service_at_location").add(sid, id, lid)
	}
	svc["phones"], svc["schedules"], svc["service_areas"] = orEmpty(phones), orEmpty(schedules), orEmpty(areas)
	svc["languages"], svc["cost_options"], svc["attributes"] = orEmpty(langs), orEmpty(costs), orEmpty(attrs)
	svc["service_at_locations"] = orEmpty(sals)
	return svc
}

// termDescriptions describe the built-in taxonomy terms, per language
// (HSDS 3.0 requires taxonomy_term.description).
var termDescriptions = map[string]map[string]string{
	"hotline": {
		"vi": "Đường dây nóng: số điện thoại dành cho người cần giúp đỡ; giá trị là số điện thoại.",
		"en": "Hotline: a phone line meant for people in need; the value is the number.",
	},
	"confidentiality": {
		"vi": "Cách dịch vụ giữ bí mật điều người dân kể; giá trị là lời nói rõ điều đó.",
		"en": "How the service treats what people tell it; the value says how.",
	},
}

// langKey is the export's language for the built-in texts: "vi", or "en"
// for any other.
func (e *exporter) langKey() string {
	if e.lang == "vi" {
		return "vi"
	}
	return "en"
}

// attribute links a taxonomy term (a category, "hotline" or
// "confidentiality") to a service, as HSDS expresses flags and categories.
// description describes the term (required by HSDS 3.0).
func (e *exporter) attribute(serviceID, term, description, value string) map[string]any {
	tid := UUID("taxonomy_term", term)
	t := e.table("taxonomy_term")
	if !t.has(tid) {
		t.add(tid, term, term, description, "loa")
	}
	aid := UUID("attribute", serviceID, term, value)
	e.table("attribute").add(aid, serviceID, "service", "service", tid, value)
	return map[string]any{"id": aid, "link_id": serviceID, "link_type": "service", "link_entity": "service",
		"taxonomy_term_id": tid, "value": value,
		"taxonomy_term": map[string]any{"id": tid, "code": term, "name": term, "description": description, "taxonomy": "loa"}}
}

func orEmpty(s []any) []any {
	if s == nil {
		return []any{}
	}
	return s
}

func itoa(i int) string { return jsonNumber(float64(i)) }

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// table is one CSV table of the Tabular Data Package.
type table struct {
	name    string
	columns []column
	rows    [][]string
}

type column struct{ name, typ, ref string } // ref: "table" for a foreign key to table.id

func newTables() []*table {
	c := func(name string) column { return column{name, "string", ""} }
	fk := func(name, ref string) column { return column{name, "string", ref} }
	return []*table{
		{name: "organization", columns: []column{c("id"), c("name"), c("description"), c("email"), c("website"), c("x_source"), c("x_source_date")}},
		{name: "service", columns: []column{c("id"), fk("organization_id", "organization"), c("name"), c("description"), c("status"), c("fees_description"), c("eligibility_description"), {"assured_date", "date", ""}}},
		{name: "location", columns: []column{c("id"), fk("organization_id", "organization"), c("location_type"), c("name"), c("description"), {"latitude", "number", ""}, {"longitude", "number", ""}}},
		{name: "accessibility", columns: []column{c("id"), fk("location_id", "location"), c("description")}},
		{name: "service_at_location", columns: []column{c("id"), fk("service_id", "service"), fk("location_id", "location")}},
		{name: "phone", columns: []column{c("id"), fk("service_id", "service"), c("number"), c("type"), c("description")}},
		{name: "schedule", columns: []column{c("id"), fk("service_id", "service"), c("freq"), c("byday"), {"opens_at", "time", ""}, {"closes_at", "time", ""}, {"timezone", "number", ""}, c("description")}},
		{name: "service_area", columns: []column{c("id"), fk("service_id", "service"), c("name"), c("uri")}},
		{name: "language", columns: []column{c("id"), fk("service_id", "service"), c("code")}},
		{name: "cost_option", columns: []column{c("id"), fk("service_id", "service"), c("option"), {"amount", "number", ""}, c("currency")}},
		{name: "taxonomy_term", columns: []column{c("id"), c("code"), c("name"), c("description"), c("taxonomy")}},
		{name: "attribute", columns: []column{c("id"), c("link_id"), c("link_type"), c("link_entity"), fk("taxonomy_term_id", "taxonomy_term"), c("value")}},
	}
}

func (t *table) add(values ...string) { t.rows = append(t.rows, values) }

// path is the table's file name in HSDS 3.0's tabular form: the plural
// ("services.csv"), except for the tables HSDS names in the singular.
func (t *table) path() string {
	switch t.name {
	case "accessibility", "service_at_location":
		return t.name + ".csv"
	}
	return t.name + "s.csv"
}

func (t *table) has(id string) bool {
	for _, r := range t.rows {
		if r[0] == id {
			return true
		}
	}
	return false
}

func (t *table) csv() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	head := make([]string, len(t.columns))
	for i, c := range t.columns {
		head[i] = c.name
	}
	_ = w.Write(head)
	_ = w.WriteAll(t.rows)
	return b.Bytes()
}

func (t *table) resource() map[string]any {
	var fields, fks []any
	for _, c := range t.columns {
		fields = append(fields, map[string]any{"name": c.name, "type": c.typ})
		if c.ref != "" {
			fks = append(fks, map[string]any{"fields": c.name, "reference": map[string]any{"resource": c.ref, "fields": "id"}})
		}
	}
	schema := map[string]any{"fields": fields, "primaryKey": "id"}
	if fks != nil {
		schema["foreignKeys"] = fks
	}
	return map[string]any{"name": t.name, "path": t.path(), "profile": "tabular-data-resource",
		"format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}
}
