package directory

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/config"
)

const exportSite = `title: {vi: T, en: T}
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
categories:
  - {id: legal-aid, name: {vi: Trợ giúp pháp lý, en: Legal aid}}
areas:
  - {id: hung-yen, name: {vi: Hưng Yên, en: Hưng Yên}}
`

const exportProvider = `id: tro-giup-phap-ly
name: {vi: Trung tâm trợ giúp pháp lý, en: Legal aid centre}
description: {vi: Tư vấn pháp luật miễn phí., en: Free legal advice.}
website: https://example.vn/
checked: 2026-10-01
sources:
  - {url: "https://example.vn/gioi-thieu", date: 2026-09-01}
locations:
  - id: tru-so
    address: {vi: "Số 1, đường A", en: "1 A Street"}
    area: hung-yen
services:
  - id: tu-van
    name: {vi: Tư vấn, en: Advice}
    categories: [legal-aid]
    areas: [hung-yen]
    free: true
    confidential: {vi: Giữ bí mật., en: Kept private.}
    languages: [vi]
    locations: [tru-so]
    hours:
      - days: [MO, TU, WE, TH, FR]
        opens: "07:30"
        closes: "17:00"
    phones:
      - number: "0221 3862 000"
        label: {vi: Văn phòng, en: Office}
`

func loadOne(t *testing.T, site, provider string) ([]*Provider, *config.Site, []string) {
	t.Helper()
	s, l := config.Parse("site.yaml", []byte(site), "")
	if len(l) > 0 {
		t.Fatalf("site: %v", l)
	}
	fsys := fstest.MapFS{Folder + "/x.yaml": {Data: []byte(provider)}}
	ps, dl, err := Load(fsys, s, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range dl {
		msgs = append(msgs, d.Pos.String()+": "+d.Message)
	}
	return ps, s, msgs
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestUUIDStable(t *testing.T) {
	a, b := UUID("organization", "tong-dai-111"), UUID("organization", "tong-dai-111")
	if a != b || !uuidPattern.MatchString(a) {
		t.Fatalf("UUID = %q, %q", a, b)
	}
	if a == UUID("organization", "tong-dai-113") {
		t.Fatal("different ids gave the same UUID")
	}
}

// TestExportHSDS checks the export's shape against the HSDS 3.0 field
// names: required fields, UUID ids, and foreign keys that resolve.
func TestExportHSDS(t *testing.T) {
	ps, site, msgs := loadOne(t, exportSite, exportProvider)
	if len(msgs) > 0 || len(ps) != 1 {
		t.Fatalf("load: %v", msgs)
	}
	files := Export(ps, site, "en")
	var orgs []map[string]any
	if err := json.Unmarshal(files["organizations.json"], &orgs); err != nil {
		t.Fatal(err)
	}
	org := orgs[0]
	for _, k := range []string{"id", "name", "description", "website", "services", "locations"} {
		if _, ok := org[k]; !ok {
			t.Errorf("organization lacks %q", k)
		}
	}
	if org["name"] != "Legal aid centre" || !uuidPattern.MatchString(org["id"].(string)) {
		t.Errorf("organization = %v", org)
	}
	svc := org["services"].([]any)[0].(map[string]any)
	if svc["status"] != "active" || svc["assured_date"] != "2026-10-01" || svc["organization_id"] != org["id"] {
		t.Errorf("service = %v", svc)
	}
	sched := svc["schedules"].([]any)[0].(map[string]any)
	if sched["freq"] != "WEEKLY" || sched["byday"] != "MO,TU,WE,TH,FR" || sched["opens_at"] != "07:30" || sched["closes_at"] != "17:00" || sched["timezone"] != 7.0 {
		t.Errorf("schedule = %v", sched)
	}
	phone := svc["phones"].([]any)[0].(map[string]any)
	if phone["number"] != "02213862000" || phone["type"] != "voice" || phone["description"] != "Office" {
		t.Errorf("phone = %v", phone)
	}
	cost := svc["cost_options"].([]any)[0].(map[string]any)
	if cost["amount"] != 0.0 || cost["currency"] != "VND" {
		t.Errorf("cost option = %v", cost)
	}
	sal := svc["service_at_locations"].([]any)[0].(map[string]any)
	loc := org["locations"].([]any)[0].(map[string]any)
	if sal["location_id"] != loc["id"] || loc["location_type"] != "physical" {
		t.Errorf("service_at_location %v does not point at location %v", sal, loc)
	}

	// The tabular form: every resource in datapackage.json has its CSV,
	// with the declared columns, and every foreign key resolves.
	var pkg struct {
		Resources []struct {
			Name, Path string
			Schema     struct {
				Fields      []struct{ Name string }
				ForeignKeys []struct {
					Fields    string
					Reference struct{ Resource, Fields string }
				}
			}
		}
	}
	if err := json.Unmarshal(files["datapackage.json"], &pkg); err != nil {
		t.Fatal(err)
	}
	tables := map[string][][]string{}
	for _, r := range pkg.Resources {
		rows, err := csv.NewReader(bytes.NewReader(files[r.Path])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if strings.Join(rows[0], ",") != strings.Join(names, ",") {
			t.Errorf("%s header %v, schema %v", r.Path, rows[0], names)
		}
		tables[r.Name] = rows
	}
	for _, want := range []string{"organization", "service", "phone", "schedule", "service_area", "language", "location", "service_at_location", "cost_option", "attribute", "taxonomy_term"} {
		if len(tables[want]) < 2 {
			t.Errorf("table %s has no rows", want)
		}
	}
	for _, r := range pkg.Resources {
		rows := tables[r.Name]
		for _, fk := range r.Schema.ForeignKeys {
			col := slices.Index(rows[0], fk.Fields)
			var ids []string
			for _, row := range tables[fk.Reference.Resource][1:] {
				ids = append(ids, row[0])
			}
			for _, row := range rows[1:] {
				if !slices.Contains(ids, row[col]) {
					t.Errorf("%s.%s = %s has no %s row", r.Name, fk.Fields, row[col], fk.Reference.Resource)
				}
			}
		}
	}
}

func TestHoursValidation(t *testing.T) {
	for _, tc := range []struct{ hours, want string }{
		{`{days: [MO], opens: "25:00", closes: "26:00"}`, `x.yaml:9:29: "25:00" is not a time of day`},
		{`{days: [MO], opens: "17:00", closes: "07:30"}`, `x.yaml:9:46: closes at 07:30, not after it opens at 17:00`},
		{`{days: [MON], opens: "07:00", closes: "11:00"}`, `x.yaml:9:17: "MON" is not a weekday code`},
		{`{days: [MO], opens: "7h", closes: "11:00"}`, `x.yaml:9:29: "7h" is not a time of day`},
	} {
		provider := `id: a
name: {vi: A, en: A}
description: {vi: A, en: A}
sources: [{url: "https://example.vn/", date: 2026-01-01}]
services:
  - id: s
    name: {vi: S, en: S}
    hours:
      - ` + tc.hours + "\n"
		_, _, msgs := loadOne(t, exportSite, provider)
		if !slices.Contains(msgs, Folder+"/"+tc.want) {
			t.Errorf("hours %s: got %q, want %q", tc.hours, msgs, tc.want)
		}
	}
}

// TestExportFormsAgree holds the two forms of the export to one another:
// every row of every CSV table is an object of organizations.json with
// the same id and the same values (an empty cell: a field the JSON leaves
// out), and the JSON has no object of a table that the CSV lacks.
func TestExportFormsAgree(t *testing.T) {
	provider := strings.Replace(exportProvider, "    area: hung-yen\n", "    area: hung-yen\n    latitude: 20.65\n    longitude: 106.05\n    accessibility: {vi: Lối vào bằng phẳng., en: Step-free entrance.}\n", 1)
	provider = strings.Replace(provider, `label: {vi: Văn phòng, en: Office}`, "label: {vi: Văn phòng, en: Office}\n        hotline: true", 1)
	ps, site, msgs := loadOne(t, exportSite, provider)
	if len(msgs) > 0 || len(ps) != 1 {
		t.Fatalf("load: %v", msgs)
	}
	for _, lang := range []string{"vi", "en"} {
		files := Export(ps, site, lang)
		var orgs []any
		if err := json.Unmarshal(files["organizations.json"], &orgs); err != nil {
			t.Fatal(err)
		}
		objects := map[string]map[string]any{} // by id
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case []any:
				for _, x := range v {
					walk(x)
				}
			case map[string]any:
				if id, ok := v["id"].(string); ok {
					objects[id] = v
				}
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(orgs)
		rows := 0
		for _, tb := range newTables() {
			table, err := csv.NewReader(bytes.NewReader(files[tb.path()])).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range table[1:] {
				rows++
				obj := objects[row[0]]
				if obj == nil {
					t.Errorf("%s: %s row %s is not in organizations.json", lang, tb.name, row[0])
					continue
				}
				delete(objects, row[0])
				for i, name := range table[0] {
					var want string
					switch v := obj[name].(type) {
					case nil:
					case string:
						want = v
					case float64:
						want = jsonNumber(v)
					case []any:
						var s []string
						for _, x := range v {
							s = append(s, x.(string))
						}
						want = strings.Join(s, " ")
					}
					if row[i] != want {
						t.Errorf("%s: %s %s: CSV %q, JSON %v", lang, tb.name, name, row[i], obj[name])
					}
				}
			}
		}
		if rows < 14 {
			t.Errorf("%s: %d rows: the provider no longer fills every table", lang, rows)
		}
		for id, obj := range objects {
			t.Errorf("%s: %s is in organizations.json but in no CSV table: %v", lang, id, obj)
		}
	}
}
