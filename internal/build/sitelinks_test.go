package build

import "testing"

// TestOnlyLonger: a site path cut short suggests the one page it begins
// (a communicator's trial copied "/huong-dan/cach-bao-tin/"), and nothing
// when it begins none or several.
func TestOnlyLonger(t *testing.T) {
	pages := []string{"/", "/huong-dan/", "/huong-dan/cach-bao-tin-va-tim-su-giup-do/", "/huong-dan/phap-luat/", "/tin-tuc/a-1/", "/tin-tuc/a-2/"}
	for p, want := range map[string]string{
		"/huong-dan/cach-bao-tin/": "/huong-dan/cach-bao-tin-va-tim-su-giup-do/",
		"/huong-dan/cach-bao-tin":  "/huong-dan/cach-bao-tin-va-tim-su-giup-do/",
		"/tin-tuc/a":               "", // two pages begin so
		"/khong-co/":               "",
	} {
		if got := onlyLonger(p, pages); got != want {
			t.Errorf("onlyLonger(%q) = %q, want %q", p, got, want)
		}
	}
}
