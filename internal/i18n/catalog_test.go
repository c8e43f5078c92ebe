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
