package browsertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// reportQueries are the query kinds of the search issue, each with the
// search page it is typed on ("vi" or "en").
var reportQueries = []struct{ kind, lang, q string }{
	{"everyday word", "vi", "đường dây nóng"},
	{"everyday word (en)", "en", "helpline"},
	{"Telex", "vi", "dduwowngf daay nongs"},
	{"VNI", "vi", "d9u7o7ng2 da6y no1ng"},
	{"no spaces", "vi", "muabannguoi"},
	{"no spaces", "vi", "maidam"},
	{"no spaces", "vi", "duongdaynong"},
	{"phone, no spaces", "vi", "02213862000"},
	{"phone, dots", "vi", "0221.3862.000"},
	{"unknown word", "vi", "mại dâm <b>"},
	{"unknown word", "vi", "phòng chống mại dâm hưng yên abc"},
	{"quotes", "vi", `"mua bán người"`},
	{"other language", "en", "khai trương"},
	{"other language", "vi", "trafficking"},
	{"nothing", "vi", "xyzzy"},
	{"many results", "vi", "tập huấn"},
	{"typo on a real word", "vi", "phong chong"},
	{"snippet lower down", "vi", "cai nghiện"},
}

// TestSearchReport prints, for the report of the search issue, what each
// query kind finds on the inline search site and on the real site: the
// number of results, the first title, and whether the page offers call
// links. It only reports (LOA_SEARCH_REPORT=1), it checks nothing.
func TestSearchReport(t *testing.T) {
	if os.Getenv("LOA_SEARCH_REPORT") != "1" {
		t.Skip("report only: set LOA_SEARCH_REPORT=1")
	}
	p := page{t, browser(t)}
	inline := httptest.NewServer(http.FileServer(http.Dir(buildInline(t, searchSite))))
	t.Cleanup(inline.Close)
	for _, s := range []struct{ name, url string }{{"inline", inline.URL}, {"real", site(t)}} {
		for _, q := range reportQueries {
			page := s.url + "/tim-kiem/"
			if q.lang == "en" {
				page = s.url + "/en/search/"
			}
			p.open(page + "?q=" + strings.ReplaceAll(q.q, " ", "+"))
			js := `window.siteSearch(` + quote(q.q) + `).then(rs => JSON.stringify({n: rs.length,
				first: rs[0] ? rs[0].title + (rs[0].lang ? " [" + rs[0].lang + "]" : "") : "",
				mark: rs[0] ? /<mark>/.test(rs[0].snippet) : false,
				langs: Array.from(new Set(rs.map(r => r.lang || ""))).join(","),
				tel: document.querySelectorAll("main a[href^='tel:']").length,
				status: (document.getElementById("search-status") || {}).textContent || ""}))`
			var r struct {
				N            int
				First, Langs string
				Mark         bool
				Tel          int
				Status       string
			}
			json.Unmarshal([]byte(eval[string](p, js)), &r)
			fmt.Printf("%s\t%s\t%s\t%q\tn=%d\tfirst=%q\tmark=%v\tlangs=%s\ttel=%d\tstatus=%q\n", s.name, q.kind, q.lang, q.q, r.N, r.First, r.Mark, r.Langs, r.Tel, r.Status)
		}
	}
}
