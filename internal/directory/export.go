package directory

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/loa-ssg/loa/internal/phone"
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

// The builders below make each HSDS row once, as one map keyed by the
// field names of newTables: row returns the JSON object and puts the same
// values, in column order, into the CSV table. A new HSDS field is a
// column in newTables and a key in its builder's map.

func (e *exporter) organization(p *Provider) map[string]any {
	id := UUID("organization", p.ID)
	urls, dates := []string{}, []string{}
	for _, s := range p.Sources {
		urls, dates = append(urls, s.URL), append(dates, s.Date.Format("2006-01-02"))
	}
	org := e.row("organization", map[string]any{
		"id": id, "name": p.Name.Get(e.lang), "description": p.Description.Get(e.lang),
		"email": p.Email, "website": p.Website, "x_source": urls, "x_source_date": dates,
	})
	var locations []any
	for _, loc := range p.Locations {
		lid := UUID("location", p.ID, loc.ID)
		var lat, lon any // unknown: left out of the JSON, empty in the CSV
		if loc.Latitude != 0 || loc.Longitude != 0 {
			lat, lon = loc.Latitude, loc.Longitude
		}
		l := e.row("location", map[string]any{"id": lid, "organization_id": id, "location_type": "physical",
			"name": loc.Name.Get(e.lang), "description": loc.Address.Get(e.lang), "latitude": lat, "longitude": lon})
		if a := loc.Accessibility.Get(e.lang); a != "" {
			l["accessibility"] = []any{e.row("accessibility", map[string]any{
				"id": UUID("accessibility", p.ID, loc.ID), "location_id": lid, "description": a})}
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
	svc := e.row("service", map[string]any{
		"id": id, "organization_id": orgID, "name": s.Name.Get(e.lang),
		"description": s.Description.Get(e.lang), "status": status,
		"fees_description": s.Cost.Get(e.lang), "eligibility_description": s.Eligibility.Get(e.lang),
		"assured_date": assured,
	})
	var phones, schedules, areas, langs, costs, attrs, sals []any
	for i, ph := range s.Phones {
		typ := ph.Type.Value
		if typ == "" {
			typ = "voice"
		}
		phones = append(phones, e.row("phone", map[string]any{"id": UUID("phone", p.ID, s.ID, phone.Dial(ph.Number), itoa(i)),
			"service_id": id, "number": phone.Dial(ph.Number), "type": typ, "description": ph.Label.Get(e.lang)}))
		if ph.Hotline {
			attrs = append(attrs, e.attribute(id, "hotline", termDescriptions["hotline"][e.langKey()], phone.Dial(ph.Number)))
		}
	}
	addSchedule := func(key string, days []string, opens, closes, note string) {
		schedules = append(schedules, e.row("schedule", map[string]any{"id": UUID("schedule", p.ID, s.ID, key), "service_id": id,
			"freq": "WEEKLY", "byday": strings.Join(days, ","), "opens_at": opens, "closes_at": closes, "timezone": 7, "description": note}))
	}
	if s.Open247 {
		addSchedule("24-7", Weekdays[:], "00:00", "23:59", "24/7")
	}
	for i, h := range s.Hours {
		addSchedule(itoa(i), h.Days.Values(), h.Opens.Value, h.Closes.Value, h.Note.Get(e.lang))
	}
	for _, a := range s.Areas {
		areas = append(areas, e.row("service_area", map[string]any{"id": UUID("service_area", p.ID, s.ID, a.Value), "service_id": id,
			"name": e.site.Area(a.Value).Name.Get(e.lang), "extent_type": "text", "uri": a.Value}))
	}
	for _, code := range s.Languages {
		langs = append(langs, e.row("language", map[string]any{"id": UUID("language", p.ID, s.ID, code.Value), "service_id": id, "code": code.Value}))
	}
	if s.Free {
		costs = append(costs, e.row("cost_option", map[string]any{"id": UUID("cost_option", p.ID, s.ID, "free"), "service_id": id,
			"option": "free", "amount": 0, "currency": "VND"}))
	}
	for _, c := range s.Categories {
		name := e.site.Category(c.Value).Name.Get(e.lang)
		attrs = append(attrs, e.attribute(id, "category:"+c.Value, name, name))
	}
	if c := s.Confidential.Get(e.lang); c != "" {
		attrs = append(attrs, e.attribute(id, "confidentiality", termDescriptions["confidentiality"][e.langKey()], c))
	}
	for _, loc := range s.Locations {
		sals = append(sals, e.row("service_at_location", map[string]any{"id": UUID("service_at_location", p.ID, s.ID, loc.Value),
			"service_id": id, "location_id": UUID("location", p.ID, loc.Value)}))
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
	tv := map[string]any{"id": tid, "code": term, "name": term, "description": description, "taxonomy": "loa"}
	termObj := t.object(tv)
	if !t.has(tid) {
		t.add(tv)
	}
	a := e.row("attribute", map[string]any{"id": UUID("attribute", serviceID, term, value), "link_id": serviceID,
		"link_type": "service", "link_entity": "service", "taxonomy_term_id": tid, "value": value})
	a["taxonomy_term"] = termObj
	return a
}

// row adds one row to the table name and returns its JSON object (see
// table.add and table.object).
func (e *exporter) row(name string, values map[string]any) map[string]any {
	t := e.table(name)
	t.add(values)
	return t.object(values)
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

// column is one HSDS field of a table: its name, its type in the Tabular
// Data Package ("string", "number", "date", "time"), and ref, the table
// its value is the id of (a foreign key), if any. omitEmpty leaves an
// empty value out of the JSON (HSDS's formatted fields: email, uri,
// date); jsonOnly fields are not in the CSV table.
type column struct {
	name, typ, ref      string
	omitEmpty, jsonOnly bool
}

func newTables() []*table {
	c := func(name string) column { return column{name: name, typ: "string"} }
	fk := func(name, ref string) column { return column{name: name, typ: "string", ref: ref} }
	typed := func(name, typ string) column { return column{name: name, typ: typ} }
	optional := func(col column) column { col.omitEmpty = true; return col }
	return []*table{
		{name: "organization", columns: []column{c("id"), c("name"), c("description"), optional(c("email")), optional(c("website")), c("x_source"), c("x_source_date")}},
		{name: "service", columns: []column{c("id"), fk("organization_id", "organization"), c("name"), c("description"), c("status"), c("fees_description"), c("eligibility_description"), optional(typed("assured_date", "date"))}},
		{name: "location", columns: []column{c("id"), fk("organization_id", "organization"), c("location_type"), c("name"), c("description"), typed("latitude", "number"), typed("longitude", "number")}},
		{name: "accessibility", columns: []column{c("id"), fk("location_id", "location"), c("description")}},
		{name: "service_at_location", columns: []column{c("id"), fk("service_id", "service"), fk("location_id", "location")}},
		{name: "phone", columns: []column{c("id"), fk("service_id", "service"), c("number"), c("type"), c("description")}},
		{name: "schedule", columns: []column{c("id"), fk("service_id", "service"), c("freq"), c("byday"), typed("opens_at", "time"), typed("closes_at", "time"), typed("timezone", "number"), c("description")}},
		{name: "service_area", columns: []column{c("id"), fk("service_id", "service"), c("name"), {name: "extent_type", typ: "string", jsonOnly: true}, c("uri")}},
		{name: "language", columns: []column{c("id"), fk("service_id", "service"), c("code")}},
		{name: "cost_option", columns: []column{c("id"), fk("service_id", "service"), c("option"), typed("amount", "number"), c("currency")}},
		{name: "taxonomy_term", columns: []column{c("id"), c("code"), c("name"), c("description"), c("taxonomy")}},
		{name: "attribute", columns: []column{c("id"), c("link_id"), c("link_type"), c("link_entity"), fk("taxonomy_term_id", "taxonomy_term"), c("value")}},
	}
}

// add puts a row into the CSV table: values has a value for each column
// by name (nil: unknown, an empty cell), written as text: strings as they
// are, lists joined by spaces, numbers as JSON writes them. A key that is
// no column, or a column without a key, is a mistake of the code: it
// panics, so that the tests find it.
func (t *table) add(values map[string]any) {
	t.check(values)
	var row []string
	for _, c := range t.columns {
		if c.jsonOnly {
			continue
		}
		var cell string
		switch v := values[c.name].(type) {
		case nil:
		case string:
			cell = v
		case []string:
			cell = strings.Join(v, " ")
		case float64:
			cell = jsonNumber(v)
		case int:
			cell = itoa(v)
		default:
			panic(fmt.Sprintf("HSDS %s.%s: a value of type %T", t.name, c.name, v))
		}
		row = append(row, cell)
	}
	t.rows = append(t.rows, row)
}

// object returns a row's JSON object: every column's value, but for
// unknown (nil) ones and empty ones of omitEmpty columns.
func (t *table) object(values map[string]any) map[string]any {
	t.check(values)
	obj := map[string]any{}
	for _, c := range t.columns {
		v := values[c.name]
		if v == nil || c.omitEmpty && v == "" {
			continue
		}
		obj[c.name] = v
	}
	return obj
}

// check panics when values and the table's columns differ.
func (t *table) check(values map[string]any) {
	for _, c := range t.columns {
		if _, ok := values[c.name]; !ok {
			panic(fmt.Sprintf("HSDS %s: no value for %s", t.name, c.name))
		}
	}
	if len(values) != len(t.columns) {
		panic(fmt.Sprintf("HSDS %s: %d values for %d columns", t.name, len(values), len(t.columns)))
	}
}

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
	var head []string
	for _, c := range t.columns {
		if !c.jsonOnly {
			head = append(head, c.name)
		}
	}
	_ = w.Write(head)
	_ = w.WriteAll(t.rows)
	return b.Bytes()
}

func (t *table) resource() map[string]any {
	var fields, fks []any
	for _, c := range t.columns {
		if c.jsonOnly {
			continue
		}
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
