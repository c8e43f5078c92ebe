package i18n

import (
	"testing"
	"testing/fstest"
	"time"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/i18n/vi.yaml": {Data: []byte("home: Trang nhà\nhomme: x\n")},
	}
	c, l, err := Load(fsys, []string{"vi", "en", "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 1 || l[0].Message != `unknown interface string "homme"` || l[0].Hint != `did you mean "home"?` {
		t.Errorf("diagnostics = %v", l)
	}
	for _, tc := range []struct{ lang, key, want string }{
		{"vi", "home", "Trang nhà"},
		{"vi", "skip_to_content", "Bỏ qua, đến nội dung chính"},
		{"en", "home", "Home"},
		{"fr", "home", "Home"},
		{"en", "nope", "nope"},
	} {
		if got := c.T(tc.lang, tc.key); got != tc.want {
			t.Errorf("T(%s, %s) = %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}

func TestDefaultsAgree(t *testing.T) {
	vi, _ := builtin("vi")
	en, _ := builtin("en")
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("en lacks %q", k)
		}
	}
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("vi lacks %q", k)
		}
	}
}

func TestDate(t *testing.T) {
	d := time.Date(2021, 11, 5, 0, 0, 0, 0, time.UTC)
	if got := Date("vi", d); got != "05/11/2021" {
		t.Errorf("vi: %q", got)
	}
	if got := Date("en", d); got != "5 November 2021" {
		t.Errorf("en: %q", got)
	}
}

func TestLongDate(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	morning := time.Date(2021, 11, 5, 8, 11, 0, 0, loc)
	evening := time.Date(2021, 11, 24, 17, 22, 0, 0, loc)
	midnight := time.Date(2021, 11, 2, 0, 0, 0, 0, loc)
	santiago, err := time.LoadLocation("America/Santiago")
	if err != nil {
		t.Skip(err)
	}
	santiagoDay := time.Date(2024, 9, 8, 4, 0, 0, 0, time.UTC).In(santiago) // 01:00 -03, the clocks' jump
	for _, tc := range []struct {
		lang   string
		t      time.Time
		twelve bool
		want   string
	}{
		{"vi", morning, false, "Thứ Sáu, 05/11/2021, 08:11"},
		{"vi", morning, true, "Thứ Sáu, 05/11/2021, 8:11 SA"},
		{"vi", evening, true, "Thứ Tư, 24/11/2021, 5:22 CH"},
		{"vi", midnight, true, "Thứ Ba, 02/11/2021"},
		{"en", evening, false, "Wednesday 24 November 2021, 17:22"},
		{"en", evening, true, "Wednesday 24 November 2021, 5:22 pm"},
		// A day whose midnight does not exist starts at 01:00: that is
		// the day alone, as a date written without a time is kept.
		{"en", santiagoDay, false, "Sunday 8 September 2024"},
		{"en", santiagoDay.Add(time.Minute), false, "Sunday 8 September 2024, 01:01"},
	} {
		if got := LongDate(tc.lang, tc.t, tc.twelve); got != tc.want {
			t.Errorf("LongDate(%s, %v, %v) = %q, want %q", tc.lang, tc.t, tc.twelve, got, tc.want)
		}
	}
}

// TestLoadAgain: the embedded strings are decoded once (builtin) and
// shared; a site's own strings change only its own Catalog, so a Load
// after one that overrode them gives the embedded ones again.
func TestLoadAgain(t *testing.T) {
	own := fstest.MapFS{
		"content/i18n/vi.yaml": {Data: []byte("home: Trang nhà\n")},
		"content/i18n/en.yaml": {Data: []byte("home: Start\n")},
	}
	if c, _, err := Load(own, []string{"vi", "en"}); err != nil || c.T("vi", "home") != "Trang nhà" || c.T("en", "home") != "Start" {
		t.Fatalf("own strings: %v %q %q", err, c.T("vi", "home"), c.T("en", "home"))
	}
	c, _, err := Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.T("en", "home"); got != "Home" {
		t.Errorf("en home after a site's own = %q, want the embedded Home", got)
	}
	if got := c.T("vi", "home"); got == "Trang nhà" {
		t.Errorf("vi home after a site's own = %q, want the embedded one", got)
	}
}

func TestSize(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int64
		want string
	}{
		{"vi", 0, "0 B"},
		{"vi", 1023, "1023 B"},
		{"vi", 1024, "1 KB"},
		{"en", 1535, "1 KB"},
		{"en", 1536, "2 KB"},
		{"vi", 1044480, "1020 KB"},
		{"vi", 1 << 20, "1,0 MB"},
		{"en", 1 << 20, "1.0 MB"},
		{"vi", 4089446, "3,9 MB"},
		{"en", 4089446, "3.9 MB"},
		{"fr", 4089446, "3.9 MB"},
		{"en", 1<<20 - 513, "1023 KB"},
		{"en", 1<<20 - 512, "1.0 MB"},
		{"vi", 1<<30 - 1<<20/20 - 1, "1023,9 MB"},
		{"vi", 1<<30 - 1<<20/20, "1,0 GB"},
		{"vi", 1 << 30, "1,0 GB"},
		{"en", 29 << 29, "14.5 GB"},
	} {
		if got := Size(c.lang, c.n); got != c.want {
			t.Errorf("Size(%q, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestSizeBeside(t *testing.T) {
	for _, c := range []struct {
		lang    string
		n, like int64
		want    string
	}{
		{"vi", 1044480, 4089446, "1,0 MB"},
		{"en", 3 << 10, 4089446, "3 KB"},
		{"vi", 60 << 10, 4089446, "0,1 MB"},
		{"vi", 0, 4089446, "0,0 MB"},
		{"vi", 52428, 4089446, "51 KB"},
		{"vi", 52429, 4089446, "0,1 MB"},
		{"en", 511, 2048, "511 B"},
		{"vi", 4089446, 1044480, "3,9 MB"},
		{"vi", 29 << 29, 4089446, "14,5 GB"},
		{"en", 500, 700, "500 B"},
		{"en", 500, 2048, "500 B"},
		{"en", 600, 2048, "1 KB"},
	} {
		if got := SizeBeside(c.lang, c.n, c.like); got != c.want {
			t.Errorf("SizeBeside(%q, %d, %d) = %q, want %q", c.lang, c.n, c.like, got, c.want)
		}
	}
}
