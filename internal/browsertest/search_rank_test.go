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
		// first is part of the URL of the result that must come first
		// (what a person in danger in Hưng Yên needs), "" for none.
		first string
	}{
		// The directory (support/, boosted in content/search.yaml) before
		// the news of the same line; the national 111 line before the line
		// for citizens abroad (its title is mostly the query).
		{"vi", "đường dây nóng", []string{"duong day nong", "tong dai", "hotline", "so khan cap"}, "/ho-tro/tong-dai-111/"},
		{"vi", "mua bán người", []string{"mua ban nguoi"}, ""},
		{"vi", "mại dâm", []string{"mai dam", "ban dam", "mua dam"}, ""},
		{"en", "human trafficking", []string{"human trafficking"}, ""},
		{"en", "hotline", []string{"hotline", "helpline"}, "/en/support/tong-dai-111/"},
		{"en", "helpline", []string{"hotline", "helpline"}, "/en/support/tong-dai-111/"},
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
		if c.first != "" && (len(rs) == 0 || rs[0].URL != c.first) {
			t.Errorf("%q: first result %v, want %s", c.q, rs[:min(len(rs), 3)], c.first)
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

// TestSearchRankQuestions holds the ranking of a question and of a word
// typed with marks on the real site, found by a trial with people on
// phones.
func TestSearchRankQuestions(t *testing.T) {
	base := site(t)
	p := page{t, browser(t)}
	type result struct{ Title, URL, Snippet string }
	search := func(page, q, lang string) []result {
		p.open(base + page)
		return eval[[]result](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.filter(r => r.lang === `+quote(lang)+`).map(r => ({Title: r.title, URL: r.url, Snippet: r.snippet})))`)
	}
	at := func(rs []result, part string) int {
		for i, r := range rs {
			if strings.Contains(r.URL, part) {
				return i
			}
		}
		return len(rs)
	}
	// "Forced to sell sex: will I be punished?" The page for adults who
	// sell sex by choice has "bán dâm" in its title, one of the three
	// slots that tell (ép, bán dâm, bị phạt); the law page answers.
	rs := search("/tim-kiem/", "bị ép bán dâm có bị phạt không", "vi")
	if law, adults := at(rs, "phap-luat-quy-dinh-gi-ve-mai-dam"), at(rs, "danh-cho-nguoi-truong-thanh-ban-dam"); law > adults || adults == 0 {
		t.Errorf("bị ép bán dâm có bị phạt không: the law page at %d, the page for adults selling sex by choice at %d: %v", law, adults, rs)
	}
	// Typed with marks, "khai trương" (opening) must not put pages that
	// only say "trưởng" (trưởng thành, adult) before the page that says it.
	rs = search("/en/search/", "khai trương", "vi")
	if len(rs) == 0 || !strings.Contains(rs[0].URL, "tong-dai-111-chinh-thuc") {
		t.Errorf("khai trương (on /en/search/): first Vietnamese result %v, want the 111 news item", rs[:min(len(rs), 3)])
	}
}

// TestSearchCostRealSite: asking whether a call costs money, in the words
// people use, finds the 111 entry first, its snippet saying it is free
// (the second phone trial of 30/11/2026: "gọi 111 có mất tiền không"
// found a snippet "…Mục đích có thể là lấy tiền…" first and no 111 entry;
// the entry now says "gọi không mất tiền" beside "Miễn phí").
func TestSearchCostRealSite(t *testing.T) {
	base := site(t)
	p := page{t, browser(t)}
	type result struct{ URL, Snippet string }
	for _, c := range []struct{ page, q, first, says string }{
		{"/tim-kiem/", "gọi 111 có mất tiền không", "/ho-tro/tong-dai-111/", "không <mark>mất</mark> <mark>tiền</mark>"},
		{"/tim-kiem/", "goi 111 co mat tien khong", "/ho-tro/tong-dai-111/", "Miễn phí"},
		{"/en/search/", "does calling 111 cost money", "/en/support/tong-dai-111/", "Free"},
	} {
		p.open(base + c.page)
		rs := eval[[]result](p, `window.siteSearch(`+quote(c.q)+`, 3).then(rs => rs.map(r => ({URL: r.url, Snippet: r.snippet})))`)
		if len(rs) == 0 || rs[0].URL != c.first || !strings.Contains(rs[0].Snippet, c.says) {
			t.Errorf("%s %q: first results %q, want %s first saying %q", c.page, c.q, rs, c.first, c.says)
		}
	}
}
