package directory

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

const siteYAML = `title: {vi: Trang, en: Site}
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: en, name: English}
review_days: 180
categories:
  - {id: emergency, name: {vi: Khẩn cấp, en: Emergency}}
  - {id: child-protection, name: {vi: Bảo vệ trẻ em, en: Child protection}}
  - {id: legal-aid, name: {vi: Trợ giúp pháp lý, en: Legal aid}}
areas:
  - {id: national, name: {vi: Toàn quốc, en: Nationwide}}
  - {id: hung-yen, name: {vi: Tỉnh Hưng Yên, en: Hưng Yên province}}
`

// provider111 is a valid entry; tests change one line of it. The line
// numbers matter: the phone mapping starts at 12:9 (its number at
// 12:17), the first category at 9:18.
const provider111 = `id: tong-dai-111
name: {vi: Tổng đài 111, en: Hotline 111}
description: {vi: Bảo vệ trẻ em., en: Child protection.}
checked: 2026-06-01
sources: [{url: "https://example.org/111", date: 2025-09-19, title: Tổng đài 111}]
services:
  - id: bao-ve-tre-em
    name: {vi: Bảo vệ trẻ em, en: Child protection}
    categories: [child-protection, emergency]
    areas: national
    phones:
      - number: "111"
        type: voice
        hotline: true
        label: {vi: Gọi 111, en: Call 111}
`

var now = time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)

func testSite(t *testing.T) *config.Site {
	t.Helper()
	s, l := config.Parse(config.File, []byte(siteYAML), "")
	if len(l) != 0 || s == nil {
		t.Fatalf("site.yaml: %v", l)
	}
	return s
}

// edit returns provider111 with old replaced by new, failing when old is
// not in it.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(provider111, old) {
		t.Fatalf("%q is not in the test provider", old)
	}
	return strings.Replace(provider111, old, new, 1)
}

// loadFiles loads the given provider files (name → YAML) from the folder.
func loadFiles(t *testing.T, files map[string]string) ([]*Provider, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[Folder+"/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	ps, l, err := Load(fsys, testSite(t), now)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return ps, l
}

func text(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Pos.String() + ": " + d.Severity.String() + ": " + d.Message + "\n")
	}
	return b.String()
}

func TestLoadValid(t *testing.T) {
	ps, l := loadFiles(t, map[string]string{"tong-dai-111.yaml": provider111, "README.txt": "not an entry"})
	if len(l) != 0 {
		t.Fatalf("diagnostics:\n%s", text(l))
	}
	if len(ps) != 1 {
		t.Fatalf("%d providers", len(ps))
	}
	p := ps[0]
	file := "content/support/services/tong-dai-111.yaml"
	if p.File != file || p.ID != "tong-dai-111" || p.Pos != (diag.Position{File: file, Line: 1, Col: 1}) {
		t.Errorf("provider: file %q id %q pos %v", p.File, p.ID, p.Pos)
	}
	if p.Name.Get("vi") != "Tổng đài 111" || p.Name.Get("en") != "Hotline 111" || p.Description.Get("en") != "Child protection." {
		t.Errorf("texts: %v %v", p.Name.ByLang, p.Description.ByLang)
	}
	if !p.Checked.Equal(time.Date(2026, 6, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))) || p.Checked.Pos.String() != file+":4:10" {
		t.Errorf("checked %v at %v", p.Checked.Time, p.Checked.Pos)
	}
	if p.Stale(now, 180) {
		t.Error("a 29-day-old entry is stale")
	}
	if len(p.Sources) != 1 || p.Sources[0].URL != "https://example.org/111" || p.Sources[0].Title != "Tổng đài 111" ||
		!p.Sources[0].Date.Equal(time.Date(2025, 9, 19, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))) || p.Sources[0].Date.Pos.String() != file+":5:50" {
		t.Errorf("sources = %+v", p.Sources)
	}
	if len(p.Services) != 1 {
		t.Fatalf("services = %+v", p.Services)
	}
	s := p.Services[0]
	if s.ID != "bao-ve-tre-em" || s.Pos.String() != file+":7:5" {
		t.Errorf("service %q at %v", s.ID, s.Pos)
	}
	if got := s.Categories.Values(); !slices.Equal(got, []string{"child-protection", "emergency"}) {
		t.Errorf("categories = %q", got)
	}
	if got := s.Areas.Values(); !slices.Equal(got, []string{"national"}) { // one value stands for a list
		t.Errorf("areas = %q", got)
	}
	if s.Categories[1].Pos.String() != file+":9:36" {
		t.Errorf("second category at %v", s.Categories[1].Pos)
	}
	if len(s.Phones) != 1 {
		t.Fatalf("phones = %+v", s.Phones)
	}
	ph := s.Phones[0]
	if ph.Number != "111" || ph.Type.Value != "voice" || !ph.Hotline || ph.Label.Get("en") != "Call 111" || ph.Pos.String() != file+":12:9" {
		t.Errorf("phone = %+v", ph)
	}
}

func TestLoadNoFolder(t *testing.T) {
	ps, l, err := Load(fstest.MapFS{"content/site.yaml": {Data: []byte(siteYAML)}}, testSite(t), now)
	if ps != nil || l != nil || err != nil {
		t.Errorf("missing folder: %v, %v, %v", ps, l, err)
	}
}

func TestLoadProblems(t *testing.T) {
	const file = "content/support/services/x.yaml"
	for _, tc := range []struct {
		name string
		yaml string
		want string // diagnostics without the file name, one per line
		hint string // of the first
	}{
		{"unknown key", "nmae: {vi: a, en: b}\n" + provider111,
			`1:1: error: unknown key "nmae"`, `did you mean "name"?`},
		{"unknown key in a service", edit(t, "    areas: national\n", "    areas: national\n    catgories: [emergency]\n"),
			`11:5: error: unknown key "catgories" in "services"`, `did you mean "categories"?`},
		{"unknown category, near a known one", edit(t, "[child-protection, emergency]", "[child-protecton, emergency]"),
			`9:18: error: unknown category "child-protecton"`,
			`did you mean "child-protection"? Or declare it under categories in site.yaml`},
		{"unknown category", edit(t, "[child-protection, emergency]", "[child-protection, food]"),
			`9:36: error: unknown category "food"`,
			`write one of the ids declared under categories in site.yaml: emergency (Khẩn cấp), child-protection (Bảo vệ trẻ em), legal-aid (Trợ giúp pháp lý); or declare a new one there`},
		{"a category by its Vietnamese name", edit(t, "[child-protection, emergency]", "[child-protection, trợ giúp pháp lý]"),
			`9:36: error: unknown category "trợ giúp pháp lý"`,
			`write the id of the category named "Trợ giúp pháp lý": legal-aid`},
		{"opening hours written as text", edit(t, "    areas: national\n", "    areas: national\n    hours: \"7:30 - 17:00\"\n"),
			`11:12: error: "hours" should be a list`,
			`write it as a list, one item per line under hours:, e.g.  - {days: [MO, TU, WE, TH, FR], opens: "07:30", closes: "17:00"}`},
		{"unknown area", edit(t, "areas: national", "areas: [hung-yenn]"),
			`10:13: error: unknown area "hung-yenn"`,
			`did you mean "hung-yen"? Or declare it under areas in site.yaml`},
		{"unknown phone type, near a known one", edit(t, "type: voice\n        hotline: true", "type: vocie"),
			`13:15: error: unknown phone type "vocie"`, `did you mean "voice"?`},
		{"unknown phone type", edit(t, "type: voice\n        hotline: true", "type: pager"),
			`13:15: error: unknown phone type "pager"`, `use one of voice, text, textphone, cell, fax`},
		{"hotline that is not a voice line", edit(t, "type: voice", "type: fax"),
			`13:15: error: a fax line cannot be a hotline`, "a hotline is a voice line: remove type:, or hotline:"},
		{"missing sources", edit(t, "sources: [{url: \"https://example.org/111\", date: 2025-09-19, title: Tổng đài 111}]\n", ""),
			`1:1: error: sources is missing`, `say where the facts come from, with each source's date: sources: [{url: "https://…", date: YYYY-MM-DD}]`},
		{"source without a date", edit(t, ", date: 2025-09-19", ""),
			`5:11: error: a source has no date`, "add date: with the day the source was published or last updated, e.g. date: 2025-09-19"},
		{"source without a url", edit(t, `url: "https://example.org/111", `, ""),
			`5:11: error: a source has no url`, `add url: "https://…"`},
		{"source url not a web address", edit(t, `"https://example.org/111"`, `"javascript:alert(1)"`),
			`5:17: error: url "javascript:alert(1)" is not a web address`, "write the full address, starting with https://"},
		{"source date impossible", edit(t, "date: 2025-09-19", "date: 2025-02-29"),
			`5:50: error: "2025-02-29" is not a day of the calendar`, "check the month and the day"},
		{"source date in the future", edit(t, "date: 2025-09-19", "date: 2026-07-01"),
			`5:50: error: date: 2026-07-01 is in the future`, "write the date the source was published or last updated"},
		{"old source key", edit(t, "sources: [{url: \"https://example.org/111\", date: 2025-09-19, title: Tổng đài 111}]", "source: https://example.org/111"),
			`5:9: error: source: is no longer used`, `rename it to sources: and give each source its own date: sources: [{url: "https://…", date: YYYY-MM-DD}]`},
		{"old verified key", edit(t, "checked: 2026-06-01", "verified: 2026-06-01"),
			`4:11: error: verified: is no longer used`, "rename it to checked: if a person confirmed the entry by phone or in person on that day; if it is the date of a source, write it as date: under that source in sources:"},
		{"negative review_days", edit(t, "checked: 2026-06-01", "checked: 2026-06-01\nreview_days: -3"),
			`5:14: error: review_days -3 is not a number of days`, "write a whole number above 0, e.g. review_days: 365, or remove it to use the category's or the site's"},
		{"missing name", edit(t, "name: {vi: Tổng đài 111, en: Hotline 111}\n", ""),
			`1:1: error: name is missing`, `add name: {vi: "…", en: "…"}`},
		{"missing English name", edit(t, "name: {vi: Tổng đài 111, en: Hotline 111}", "name: {vi: Tổng đài 111}"),
			`2:7: error: "name" has no English text`, `add a line "en: …" under "name"`},
		{"email not an address", edit(t, "checked: 2026-06-01", "checked: 2026-06-01\nemail: tong-dai-111"),
			`5:8: error: email "tong-dai-111" is not an e-mail address`, "write it as name@example.vn"},
		{"website not an address", edit(t, "checked: 2026-06-01", "checked: 2026-06-01\nwebsite: www.example.org"),
			`5:10: error: website "www.example.org" is not a web address`, "write the full address, starting with https://"},
		{"unknown status", edit(t, "    categories: [child-protection, emergency]", "    categories: [child-protection, emergency]\n    status: closed"),
			`10:13: error: unknown status "closed"`, "use one of active, inactive, defunct, temporarily closed"},
		{"id not a slug", edit(t, "id: tong-dai-111", "id: Tổng đài 111"),
			`1:5: error: id "Tổng đài 111" should be lower-case letters a–z, digits and hyphens`, "try tong-dai-111"},
		{"bad checked date", edit(t, "checked: 2026-06-01", "checked: 01/06/2026"),
			`4:10: error: "01/06/2026" is not a date written as YYYY-MM-DD`, "write it as 2026-05-31"},
		{"impossible checked date", edit(t, "checked: 2026-06-01", "checked: 2025-02-30"),
			`4:10: error: "2025-02-30" is not a day of the calendar`, "check the month and the day"},
		{"checked in the future", edit(t, "checked: 2026-06-01", "checked: 2027-01-01"),
			`4:10: error: checked: 2027-01-01 is in the future`, "write the day a person confirmed the entry by phone or in person"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, l := loadFiles(t, map[string]string{"x.yaml": tc.yaml})
			var want strings.Builder
			for _, line := range strings.Split(tc.want, "\n") {
				want.WriteString(file + ":" + line + "\n")
			}
			if got := text(l); got != want.String() {
				t.Errorf("diagnostics:\n%swant:\n%s", got, want.String())
			}
			if len(l) > 0 && l[0].Hint != tc.hint {
				t.Errorf("hint = %q, want %q", l[0].Hint, tc.hint)
			}
			if len(ps) != 0 {
				t.Errorf("a provider with errors was kept: %+v", ps)
			}
		})
	}
}

func TestPhoneNumbers(t *testing.T) {
	for _, tc := range []struct {
		number string
		ok     bool
		why    string // part of the message, when not ok
	}{
		{"111", true, ""},
		{"113", true, ""},
		{"1800 1234", true, ""},
		{"1800 1567", false, "no longer in use"}, // retired: replaced by 111
		{"1900 969 680", true, ""},
		{"1800.123.456", true, ""},
		{"0912 345 678", true, ""},
		{"0912.345.678", true, ""},
		{"0912-345-678", true, ""},
		{"0912345678", true, ""},
		{"12345", false, "is not a Vietnamese phone number"},
		{"0123", false, "is not a Vietnamese phone number"},
		{"", false, "the phone number is missing"},
		{"1800 123", false, "has 7 digits; a 1800 number has 8 or 10"},
		{"1800 1234 5678", false, "has 12 digits"},
		{"0912 345 67", false, "has 9 digits; a mobile number has 10"},
		{"0912 345 67x", false, "holds something other than digits"},
		{"(0221) 3862 000", false, "holds something other than digits"},
		{"+84 912 345 678", true, ""}, // as dialled from abroad: the citizen-protection hotline
		{"+84 912 345 67", false, "has 9 digits; a mobile number has 10"},
		{"911", false, "is not a Vietnamese phone number"},
		{"116", false, "is not one of the 3-digit national numbers"},
		{"0221 386 200", false, "has 10 digits; a landline number has 11"},
		{"021 3862 000", false, "has the area code 021, which does not exist"},
	} {
		t.Run(tc.number, func(t *testing.T) {
			checkPhone(t, tc.number, tc.ok, tc.why)
		})
	}
}

func TestLandlineNumbers(t *testing.T) {
	for _, n := range []string{"0221 3862 000", "024 3826 4141", "0221.3862.000"} {
		checkPhone(t, n, true, "")
	}
}

func checkPhone(t *testing.T, number string, ok bool, why string) {
	t.Helper()
	ps, l := loadFiles(t, map[string]string{"x.yaml": edit(t, `number: "111"`, `number: "`+number+`"`)})
	if ok {
		if len(l) != 0 || len(ps) != 1 {
			t.Errorf("%q rejected:\n%s", number, text(l))
		}
		return
	}
	want := `content/support/services/x.yaml:12:17: error: `
	if got := text(l); len(l) != 1 || !strings.HasPrefix(got, want) || !strings.Contains(got, why) {
		t.Errorf("%q: diagnostics:\n%swant:\n%s…%s…", number, got, want, why)
	}
	if len(l) == 1 && l[0].Hint == "" {
		t.Errorf("%q: no hint", number)
	}
}

func TestDuplicateID(t *testing.T) {
	ps, l := loadFiles(t, map[string]string{"a.yaml": provider111, "b.yaml": provider111})
	want := "content/support/services/b.yaml:1:1: error: id \"tong-dai-111\" is already used by content/support/services/a.yaml\n"
	if got := text(l); got != want || !strings.Contains(l[0].Hint, "a copied file keeps the old one") {
		t.Errorf("diagnostics:\n%swant:\n%s", got, want)
	}
	if len(ps) != 1 || ps[0].File != "content/support/services/a.yaml" {
		t.Errorf("providers: %+v", ps)
	}
}

// TestStale: freshness is judged from checked: when a person has checked
// the entry, else from the newest source date; the review period is the
// entry's, else the shortest of its categories', else the site's.
func TestStale(t *testing.T) {
	// The name in the site's first language, and where the line goes,
	// the day of the call left to fill (today, in the site's zone, as
	// the example).
	const hint = "call to confirm the entry, then add to this file a line, not indented and not under sources:, checked: <the day of the call, e.g. 2026-06-30> (or give it a longer review_days when its facts are fixed by law)"
	src := `sources: [{url: "https://example.org/111", date: 2025-09-19, title: Tổng đài 111}]`
	for _, tc := range []struct {
		name, old, new string
		want, pos      string // the warning and where, or ""
	}{
		{"checked recently", "", "", "", ""},
		{"checked 179.5 days ago", "checked: 2026-06-01", "checked: 2026-01-02", "", ""},
		{"checked 180.5 days ago", "checked: 2026-06-01", "checked: 2026-01-01",
			`"Tổng đài 111" was last checked on 2026-01-01, more than 180 days ago`, "4:10"},
		{"never checked, old sources", "checked: 2026-06-01\n", "",
			`"Tổng đài 111" has not been checked by a person, and its newest source (2025-09-19) is more than 180 days old`, "4:50"},
		{"never checked, a recent source", "checked: 2026-06-01\n" + src,
			`sources: [{url: "https://example.org/a", date: 2025-09-19}, {url: "https://example.org/b", date: 2026-05-01}]`, "", ""},
		{"never checked, long review period", "checked: 2026-06-01", "review_days: 3650", "", ""},
		{"checked long ago, long review period", "checked: 2026-06-01", "checked: 2020-01-01\nreview_days: 3650", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y := provider111
			if tc.old != "" {
				y = edit(t, tc.old, tc.new)
			}
			ps, l := loadFiles(t, map[string]string{"x.yaml": y})
			if len(ps) != 1 {
				t.Fatalf("a stale entry was left out:\n%s", text(l))
			}
			if tc.want == "" {
				if len(l) != 0 {
					t.Errorf("diagnostics:\n%s", text(l))
				}
				return
			}
			if len(l) != 1 || l[0].Severity != diag.Warning || l[0].Message != tc.want ||
				l[0].Pos.String() != "content/support/services/x.yaml:"+tc.pos || l[0].Hint != hint {
				t.Errorf("diagnostics:\n%s%q\nwant a warning at %s: %q", text(l), l[0].Hint, tc.pos, tc.want)
			}
		})
	}
}

// TestStaleCollapsed: several entries past their review period give one
// warning with their count and names, not one each.
func TestStaleCollapsed(t *testing.T) {
	files := map[string]string{}
	for _, id := range []string{"c", "a", "b"} {
		y := strings.Replace(edit(t, "checked: 2026-06-01", "checked: 2025-01-01"), "id: tong-dai-111", "id: "+id, 1)
		files[id+".yaml"] = strings.Replace(y, "{vi: Tổng đài 111,", "{vi: Tổng đài "+id+",", 1)
	}
	files["fresh.yaml"] = strings.Replace(provider111, "id: tong-dai-111", "id: fresh", 1)
	ps, l := loadFiles(t, files)
	if len(ps) != 4 {
		t.Fatalf("providers: %d\n%s", len(ps), text(l))
	}
	want := "content/support/services: warning: 3 entries are past their review period: Tổng đài a, Tổng đài b, Tổng đài c\n"
	if got := text(l); got != want {
		t.Errorf("diagnostics:\n%swant:\n%s", got, want)
	}
}

// TestReviewPeriod: the entry's review_days, else the shortest set by its
// categories, else the site's.
func TestReviewPeriod(t *testing.T) {
	site, l := config.Parse(config.File, []byte(siteYAML+`  - {id: x, name: {vi: X, en: X}}
`), "")
	_ = l
	site.Categories[0].ReviewDays = 3650 // emergency
	site.Categories[1].ReviewDays = 1825 // child-protection
	svc := func(cats ...string) Service {
		var s Service
		for _, c := range cats {
			s.Categories = append(s.Categories, strictyaml.Scalar{Value: c})
		}
		return s
	}
	for _, tc := range []struct {
		p    Provider
		want int
	}{
		{Provider{Services: []Service{svc("legal-aid")}}, 180},
		{Provider{Services: []Service{svc("emergency")}}, 3650},
		{Provider{Services: []Service{svc("emergency", "legal-aid")}}, 3650},
		{Provider{Services: []Service{svc("emergency"), svc("child-protection")}}, 1825},
		{Provider{ReviewDays: 30, Services: []Service{svc("emergency")}}, 30},
	} {
		if got := tc.p.Review(site); got != tc.want {
			t.Errorf("%+v: Review = %d, want %d", tc.p.Services, got, tc.want)
		}
	}
}

func TestProviderStale(t *testing.T) {
	day := func(y int, m time.Month, d int) Date { return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }
	at := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		checked, source Date
		days            int
		want            bool
	}{
		{Date{}, Date{}, 180, true},
		{day(2026, 6, 30), Date{}, 180, false},
		{day(2026, 1, 1), Date{}, 180, false}, // exactly 180 days
		{day(2025, 12, 31), Date{}, 180, true},
		{day(2026, 5, 30), Date{}, 30, true},
		{day(2026, 5, 31), Date{}, 30, false},
		{Date{}, day(2026, 5, 31), 30, false},
		{day(2025, 5, 31), day(2026, 5, 31), 30, true}, // checked wins over a newer source
	} {
		p := &Provider{Checked: tc.checked, Sources: []Source{{Date: tc.source}}}
		if got := p.Stale(at, tc.days); got != tc.want {
			t.Errorf("checked %v, source %v, %d days: Stale = %v, want %v", tc.checked.Time, tc.source.Time, tc.days, got, tc.want)
		}
	}
}

func TestLoadOrder(t *testing.T) {
	mk := func(id, weight string) string {
		s := strings.Replace(provider111, "id: tong-dai-111", "id: "+id, 1)
		if weight != "" {
			s = "weight: " + weight + "\n" + s
		}
		return s
	}
	ps, l := loadFiles(t, map[string]string{
		"1.yaml": mk("c", ""), "2.yaml": mk("a", ""), "3.yaml": mk("z", "2"), "4.yaml": mk("y", "1"),
	})
	if len(l) != 0 {
		t.Fatalf("diagnostics:\n%s", text(l))
	}
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	if want := []string{"y", "z", "a", "c"}; !slices.Equal(ids, want) {
		t.Errorf("order = %q, want %q", ids, want)
	}
}

func TestLoadNotUTF8(t *testing.T) {
	ps, l := loadFiles(t, map[string]string{"x.yaml": "id: x\nname: {vi: Caf\xe9}\n"})
	want := "content/support/services/x.yaml:2:15: error: this file is not saved as UTF-8 (byte 0xE9 cannot be read)\n"
	if got := text(l); got != want || len(ps) != 0 {
		t.Errorf("diagnostics:\n%swant:\n%s", got, want)
	}
}

// TestCheckedIsACalendarDay checks that checked: is the day in the
// site's time zone: an entry checked "today" early in the morning in
// Vietnam (still yesterday in UTC) is not in the future.
func TestCheckedIsACalendarDay(t *testing.T) {
	early := time.Date(2026, 5, 31, 23, 30, 0, 0, time.UTC) // 2026-06-01 06:30 in Hà Nội
	fsys := fstest.MapFS{"content/support/services/x.yaml": {Data: []byte(provider111)}}
	ps, l, err := Load(fsys, testSite(t), early)
	if err != nil || l.HasErrors() || len(ps) != 1 {
		t.Fatalf("%v %v", err, l)
	}
	if got := ps[0].Checked.Format(time.RFC3339); got != "2026-06-01T00:00:00+07:00" {
		t.Errorf("checked = %s, want the start of 2026-06-01 in the site's zone", got)
	}
}
