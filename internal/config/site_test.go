package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	s, l := Parse("content/site.yaml", []byte(`title: {vi: Trang, en: Site}
base_url: https://example.org/sub
languages:
  - {code: en, name: English}
  - {code: vi, name: Tiếng Việt}
default_language: vi
`), "")
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	if s.Default() != "vi" || s.BaseURL != "https://example.org/sub/" || s.BasePath != "/sub/" {
		t.Fatalf("got default %q base %q path %q", s.Default(), s.BaseURL, s.BasePath)
	}
	if got := s.LangPrefix("en"); got != "/sub/en/" {
		t.Errorf("LangPrefix(en) = %q", got)
	}
	if got := s.AbsURL("/sub/en/plan/"); got != "https://example.org/sub/en/plan/" {
		t.Errorf("AbsURL = %q", got)
	}
	if s.Location.String() != "Asia/Ho_Chi_Minh" || s.ReviewDays != 180 {
		t.Errorf("defaults: %v %d", s.Location, s.ReviewDays)
	}
}

func TestParseProblems(t *testing.T) {
	_, l := Parse("site.yaml", []byte(`title: {vi: Trang}
base_url: ftp://x
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: EN, name: English}
  - {code: en, name: English}
categories:
  - {id: Bad Id, name: {vi: a, en: b}}
langauges: []
`), "")
	var got []string
	for _, d := range l {
		got = append(got, d.Pos.String()+": "+d.Message)
	}
	want := []string{
		`site.yaml:9:1: unknown key "langauges"`,
		`site.yaml:5:5: language code "EN" is not a two- or three-letter lower-case code`,
		`site.yaml:2:11: base_url "ftp://x" is not an absolute http(s) address`,
		`site.yaml:1:8: "title" has no English text`,
		`site.yaml:8:5: categories id "Bad Id" should be lower-case letters, digits and hyphens`,
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
}

// TestReviewDays: categories may set their own review period; areas may
// not, and no period is zero or negative.
func TestReviewDays(t *testing.T) {
	s, l := Parse("site.yaml", []byte(`title: {vi: Trang, en: Site}
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
review_days: 90
categories:
  - {id: emergency, name: {vi: Khẩn cấp, en: Emergency}, review_days: 1825}
  - {id: health, name: {vi: Y tế, en: Health}}
areas:
  - {id: national, name: {vi: Toàn quốc, en: Nationwide}, nationwide: true}
`), "")
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	if s.ReviewDays != 90 || !s.Areas[0].Nationwide || s.Category("emergency").ReviewDays != 1825 || s.Category("health").ReviewDays != 0 {
		t.Errorf("review days: site %d, emergency %d, health %d", s.ReviewDays, s.Category("emergency").ReviewDays, s.Category("health").ReviewDays)
	}
	_, l = Parse("site.yaml", []byte(`title: {vi: Trang, en: Site}
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
review_days: -1
categories:
  - {id: emergency, name: {vi: Khẩn cấp, en: Emergency}, review_days: -5, nationwide: true}
areas:
  - {id: national, name: {vi: Toàn quốc, en: Nationwide}, review_days: 30}
`), "")
	var got []string
	for _, d := range l {
		got = append(got, d.Pos.String()+": "+d.Message+" ("+d.Hint+")")
	}
	want := []string{
		`site.yaml:3:14: review_days -1 is not a number of days (write a whole number above 0, e.g. review_days: 180)`,
		`site.yaml:5:5: categories id "emergency" has nationwide, which only areas can have (remove nationwide: from the category; mark the area that covers the whole country instead)`,
		`site.yaml:5:5: review_days -5 of categories id "emergency" is not a number of days (write a whole number above 0, e.g. review_days: 1825)`,
		`site.yaml:7:5: areas id "national" has review_days, which only categories can have (move review_days to the category, or to the entries themselves)`,
	}
	if all := strings.Join(got, "\n"); all != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", all, strings.Join(want, "\n"))
	}
}

// TestPublisher checks publisher: every field optional, the texts in every
// language, and a phone and an email that can be used.
func TestPublisher(t *testing.T) {
	head := "title: {vi: Trang, en: Site}\nlanguages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]\n"
	s, l := Parse("site.yaml", []byte(head+"publisher:\n  phone: \"+84 221 3862 000\"\n"), "")
	if len(l) != 0 || s.Publisher.Phone != "+84 221 3862 000" || s.Publisher.Name.ByLang != nil {
		t.Fatalf("phone only: %v %+v", l, s.Publisher)
	}
	_, l = Parse("site.yaml", []byte(head+`publisher:
  name: {vi: Sở Y tế}
  phone: "0221 386 2OO"
  email: "gop y@example"
  fax: "0221"
`), "")
	var got []string
	for _, d := range l {
		got = append(got, d.Pos.String()+": "+d.Message)
	}
	all := strings.Join(got, "\n")
	for _, w := range []string{
		`site.yaml:7:3: unknown key "fax"`,
		`site.yaml:4:9: "name" has no English text`,
		`site.yaml:5:10: publisher phone "0221 386 2OO" is not a phone number`,
		`site.yaml:6:10: publisher email "gop y@example" is not an email address`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
}

// TestParseKeepAndEmergency: keep: takes top-level names only; emergency
// numbers must exist in the numbering plan.
func TestParseKeepAndEmergency(t *testing.T) {
	s, l := Parse("site.yaml", []byte(`title: {vi: Trang}
languages: [{code: vi, name: Tiếng Việt}]
keep: [CNAME, .git, ../x, .loa-output]
keep_original_images: true
emergency:
  - {number: "111", name: {vi: Trẻ em}}
  - {number: "1800 1567", name: {vi: Cũ}}
`), "")
	var got []string
	for _, d := range l {
		got = append(got, d.Pos.String()+": "+d.Message)
	}
	want := []string{
		`site.yaml:3:21: keep: "../x" is not the name of a file or folder at the top of the output folder`,
		`site.yaml:3:27: keep: ".loa-output" is not the name of a file or folder at the top of the output folder`,
		`site.yaml:7:5: the phone number "1800 1567" is no longer in use: the former child-protection hotline 1800 1567 has been replaced by 111`,
	}
	if all := strings.Join(got, "\n"); all != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", all, strings.Join(want, "\n"))
	}
	if _, l := Parse("site.yaml", []byte("title: {vi: Trang}\nlanguages: [{code: vi, name: Tiếng Việt}]\npublisher: {phone: \"0221 386 200\"}\n"), ""); len(l) != 1 ||
		l[0].Message != `the phone number "0221 386 200" has 10 digits; a landline number has 11 (0, the area code, the number)` {
		t.Errorf("publisher phone: %v", l)
	}
	if strings.Join(s.Keep, " ") != "CNAME .git" || !s.KeepOriginalImages {
		t.Errorf("keep %q, originals %v", s.Keep, s.KeepOriginalImages)
	}
}
