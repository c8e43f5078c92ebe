package browsertest

import (
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/search"
)

// TestSearchRankRealSite holds the ranking of a few real queries on the
// real site to one rule: pages whose title has the query (as typed, or one
// of its synonyms from content/search.yaml) come before pages that only
// mention it in their text, however often. The case that found it:
// "đường dây nóng" put the job-scam guide (which says "đường dây lừa đảo"
// and cites a "đường dây nóng" once) above the 111 pages, titled "Tổng
// đài".
func TestSearchRankRealSite(t *testing.T) {
	base := site(t)
	p := page{t, browser(t)}
	type result struct{ Title, URL string }
	cases := []struct {
		lang, q string
		title   []string // a title with any of these (folded) is a title match
	}{
		{"vi", "đường dây nóng", []string{"duong day nong", "tong dai", "hotline", "so khan cap"}},
		{"vi", "mua bán người", []string{"mua ban nguoi"}},
		{"vi", "mại dâm", []string{"mai dam", "ban dam", "mua dam"}},
		{"en", "human trafficking", []string{"human trafficking"}},
		{"en", "hotline", []string{"hotline", "helpline"}},
	}
	fold := func(s string) string {
		var out []string
		for _, tm := range search.Terms(s) {
			out = append(out, tm.Folded)
		}
		return " " + strings.Join(out, " ") + " "
	}
	for _, c := range cases {
		page := "/tim-kiem/"
		if c.lang == "en" {
			page = "/en/search/"
		}
		p.open(base + page)
		rs := eval[[]result](p, `window.siteSearch(`+quote(c.q)+`).then(rs => rs.filter(r => r.lang === `+quote(c.lang)+`).map(r => ({Title: r.title, URL: r.url})))`)
		inTitle := func(r result) bool {
			for _, w := range c.title {
				if strings.Contains(fold(r.Title), " "+w+" ") {
					return true
				}
			}
			return false
		}
		seenOther := ""
		titled := 0
		for _, r := range rs {
			if !inTitle(r) {
				if seenOther == "" {
					seenOther = r.Title
				}
				continue
			}
			titled++
			if seenOther != "" {
				t.Errorf("%q: %q (the query in its title) ranks below %q (only in the text)", c.q, r.Title, seenOther)
			}
		}
		if titled == 0 {
			t.Errorf("%q: no result has the query in its title: %v", c.q, rs)
		}
		if c.q == "đường dây nóng" {
			at := func(part string) int {
				for i, r := range rs {
					if strings.Contains(r.URL, part) {
						return i
					}
				}
				return len(rs)
			}
			if at("tong-dai-111") > at("canh-giac-voi-loi-moi-viec-lam") {
				t.Errorf("%q: the job-scam guide ranks above the 111 pages: %v", c.q, rs)
			}
		}
	}
}
