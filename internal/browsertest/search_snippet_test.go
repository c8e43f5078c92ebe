package browsertest

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSearchSnippets runs the question of a frightened reader on the real
// site: the snippet shows the word that matters ("phạt"), the small words
// of the question ("có", "bị", "không") are not marked, and snippets are
// cut between words with one "…".
func TestSearchSnippets(t *testing.T) {
	p := page{t, browser(t)}
	p.open(site(t) + "/tim-kiem/")
	snippets := func(q string) []string {
		t.Helper()
		return eval[[]string](p, `window.siteSearch(`+quote(q)+`, 10).then(rs => rs.map(r => r.snippet))`)
	}
	marked := regexp.MustCompile(`<mark>([^<]*)</mark>`)
	got := snippets("bị ép bán dâm có bị phạt không")
	if len(got) == 0 {
		t.Fatal("bị ép bán dâm có bị phạt không: nothing found")
	}
	phat := 0
	for _, s := range got {
		for _, m := range marked.FindAllStringSubmatch(s, -1) {
			if w := strings.ToLower(m[1]); w == "có" || w == "bị" || w == "không" {
				t.Errorf("the small word %q is marked in %q", m[1], s)
			}
			if strings.EqualFold(m[1], "phạt") {
				phat++
			}
		}
	}
	if phat == 0 {
		t.Errorf(`no snippet shows "phạt": %q`, got)
	}
	// A query of small words only marks them.
	if s := snippets("không"); len(s) == 0 || !strings.Contains(strings.ToLower(s[0]), "<mark>không</mark>") {
		t.Errorf(`"không": snippets %q do not mark it`, s)
	}
	// Cut between words, one ellipsis at each end at most: the words
	// before a closing "…" stand in the page followed by no letter.
	for _, q := range []string{"mua bán người", "tuyên truyền", "đường dây nóng", "bị ép bán dâm có bị phạt không", "cai nghiện", "tổng đài"} {
		bad := eval[[]string](p, `window.siteSearch(`+quote(q)+`, 10).then(rs => Promise.all(rs.map(r => fetch(r.url).then(x => x.text()).then(html => {
			const text = new DOMParser().parseFromString(html, "text/html").body.textContent.replace(/\s+/g, " ");
			const plain = r.snippet.replace(/<\/?mark>/g, "").replace(/&#(\d+);/g, (m, c) => String.fromCharCode(c));
			if (/… ?…|……/.test(plain) || (plain.match(/…/g) || []).length > 2) return "double ellipsis: " + plain;
			const end = plain.match(/([\p{L}\p{N}]+[^\p{L}\p{N}]+[\p{L}\p{N}]+)…$/u);
			if (!end) return "";
			const i = text.indexOf(end[1]);
			return i >= 0 && /[\p{L}\p{N}]/u.test(text[i + end[1].length] || "") ? "cut inside a word: " + plain : "";
		})))).then(a => a.filter(Boolean))`)
		for _, b := range bad {
			t.Errorf("%q: %s", q, b)
		}
	}
}

// TestSearchPhoneForms: the real site's directory shows "+84 981 848 484";
// the number is found however it is typed: spaced or not, with dots, in
// its +84, 84 or 0 form. The other way round too (an inline page writing
// "0221 3862 000" is found as +84 221 3862 000).
func TestSearchPhoneForms(t *testing.T) {
	p := page{t, browser(t)}
	p.open(site(t) + "/tim-kiem/")
	for _, q := range []string{"+84 981 848 484", "0981 848 484", "0981848484", "+84981848484", "84981848484", "0981.848.484", "098 184 8484", "+84 981.848.484"} {
		got := eval[[]string](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.filter(r => !r.missing.length).map(r => r.url))`)
		if !slices.ContainsFunc(got, func(u string) bool { return strings.Contains(u, "bao-ho-cong-dan") }) {
			t.Errorf("%q finds %q, not the page showing +84 981 848 484", q, got)
		}
	}
	out := buildInline(t, searchSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	p.open(srv.URL + "/tim-kiem/")
	for _, q := range []string{"+842213862000", "+84 221 3862 000", "02213862000", "0221-3862-000"} {
		if got := eval[[]string](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.filter(r => !r.missing.length).map(r => r.title))`); len(got) == 0 || got[0] != "Liên hệ Sở" {
			t.Errorf("%q finds %q, want Liên hệ Sở", q, got)
		}
	}
}

// TestSearchLabels checks the words of the real site's search page that a
// reader met: "helpline" on the Vietnamese page finds Vietnamese pages
// (a synonym of "đường dây nóng"), the status after a repaired query is
// two sentences (the syllables cut from a word typed without spaces or
// marks are shown as the first results write them), and the link to the directory does not say "directory"
// twice.
func TestSearchLabels(t *testing.T) {
	p := page{t, browser(t)}
	u := site(t)
	p.open(u + "/tim-kiem/")
	if got := eval[[]string](p, `window.siteSearch("helpline").then(rs => rs.map(r => r.lang))`); len(got) == 0 || got[0] != "vi" {
		t.Errorf(`"helpline" on the Vietnamese page finds pages in %q, want Vietnamese first`, got)
	}
	for _, c := range []struct{ url, want string }{
		{"/tim-kiem/?q=duongdaynong", `^Đang hiện kết quả cho “đường dây nóng”\. Tìm thấy \d+ trang\.$`},
		{"/tim-kiem/?q=muabannguoi", `^Đang hiện kết quả cho “mua bán người”\. Tìm thấy \d+ trang\.$`},
		{"/en/search/?q=helpine", `^Showing results for “[^”]+”\. \d+ pages found\.$|^\d+ pages found\.$`},
	} {
		p.open(u + c.url)
		waitFor(t, p, `document.querySelectorAll("#search-results li").length > 0`)
		if got := eval[string](p, `document.getElementById("search-status").textContent`); !regexp.MustCompile(c.want).MatchString(got) {
			t.Errorf("%s: status %q, want %s", c.url, got, c.want)
		}
	}
	// The emergency numbers in snippets are call links (the site's rule:
	// numbers it knows), 44×44 CSS px at least.
	p.open(u + "/tim-kiem/?q=111")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length > 0`)
	if got := eval[string](p, `(() => { const a = document.querySelector("#search-results li p a[href='tel:111']"); if (!a) return "none"; const r = a.getBoundingClientRect(); return r.width >= 44 && r.height >= 44 ? "big" : "small " + r.width + "x" + r.height })()`); got != "big" {
		t.Errorf("111 in the first snippet: call link %s, want one at least 44×44", got)
	}
	for _, path := range []string{"/tim-kiem/?q=xyzzy", "/en/search/?q=xyzzy"} {
		p.open(u + path)
		got := strings.ToLower(eval[string](p, `document.querySelector("#search-help a[href$='/ho-tro/'], #search-help a[href$='/support/']").textContent`))
		for _, w := range []string{"danh bạ", "directory"} {
			if strings.Count(got, w) > 1 {
				t.Errorf("%s: the directory link says %q", path, got)
			}
		}
	}
}

// TestSearchBusy: on a slow network the page says it is searching, in
// the live status region, in the page's language, until the results come.
// The index's word files are held back until the test lets them go, so
// nothing depends on timing.
func TestSearchBusy(t *testing.T) {
	out := buildInline(t, searchSite)
	files := http.FileServer(http.Dir(out))
	p := page{t, browser(t)}
	for _, c := range []struct{ path, busy, found string }{
		{"/tim-kiem/?q=m%E1%BA%A1i+d%C3%A2m", "Đang tìm…", "Tìm thấy"},
		{"/en/search/?q=hotline", "Searching…", "found"},
	} {
		release := make(chan struct{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.Contains(r.URL.Path, "/w/") {
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
			}
			files.ServeHTTP(w, r)
		}))
		t.Cleanup(srv.Close)
		p.open(srv.URL + c.path)
		waitFor(t, p, `document.getElementById("search-status").textContent === `+quote(c.busy))
		if got := eval[string](p, `document.getElementById("search-status").getAttribute("role")`); got != "status" {
			t.Errorf("the busy message is in an element of role %q", got)
		}
		close(release)
		waitFor(t, p, `document.querySelectorAll("#search-results li").length > 0`)
		if got := eval[string](p, `document.getElementById("search-status").textContent`); !strings.Contains(got, c.found) {
			t.Errorf("%s: status after the results %q", c.path, got)
		}
	}
}
