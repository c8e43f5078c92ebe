package browsertest

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"

	"github.com/loa-ssg/loa/internal/search"
)

// searchSite holds pages built to tell the ranking rules apart.
const searchSite = `-- content/site.yaml --
title: {vi: Thử tìm kiếm, en: Search test}
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
base_url: https://example.org/
-- content/_index.vi.md --
---
title: Trang chủ
---
Xin chào.
-- content/_index.en.md --
---
title: Home
---
Hello.
-- content/phong-chong.vi.md --
---
title: Phòng, chống mại dâm
---
Kế hoạch 164/KH-UBND về công tác tuyên truyền.
-- content/cum-tu.vi.md --
---
title: Cụm từ
---
Tội mua bán người bị xử lý nghiêm.
-- content/rai-rac.vi.md --
---
title: Rải rác
---
Người dân đi mua rau, sau đó bán hàng ở chợ.
-- content/ban-dau.vi.md --
---
title: Bàn đầu
---
Cái bàn gỗ và cái ban công.
-- content/ban-ra.vi.md --
---
title: Bán ra
---
Hàng được bán ra ngoài chợ.
-- content/duong-day.vi.md --
---
title: Đường dây nóng
---
Gọi số 111 bất cứ lúc nào.
-- content/hoa-binh.vi.md --
---
title: Hoà bình
---
Kỳ họp thứ nhất bàn về lý lịch.
-- content/lien.vi.md --
---
title: Liên lạc
---
Liên hệ, liên tục, liên kết.
-- content/li.vi.md --
---
title: Một li
---
Sai một li, đi một dặm.
-- content/traffic.en.md --
---
title: Recognising trafficking
---
Signs of human trafficking and what to do.
-- content/lien-he.vi.md --
---
title: Liên hệ Sở
---
Gọi 0221 3862 000 trong giờ hành chính.
-- content/khai-truong.vi.md --
---
title: Nhà tạm lánh mới
---
Lễ khai trương nhà tạm lánh cho phụ nữ và trẻ em.
-- content/khong-chung.vi.md --
---
title: Không chung
---
Không có gì chung.
-- content/bai-dai.vi.md --
---
title: Bài dài
---
Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Cuối bài mới nói đến cai nghiện.
-- content/bai-rat-dai.vi.md --
---
title: Bài rất dài
---
Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Ở giữa bài có nói đến đăng ký tạm trú cho người thuê nhà. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Một đoạn văn dài nói về nhiều điều khác nhau trong đời sống hằng ngày. Cuối bài nói đến nơi tạm lánh.
-- content/tong-dai.vi.md --
---
title: Tổng đài hỗ trợ
---
Tổng đài 111 miễn phí.
-- content/hotline.en.md --
---
title: Hotline
---
Call the hotline any time.
-- content/search.yaml --
synonyms:
  vi:
    - [đường dây nóng, tổng đài]
  en:
    - [helpline, hotline]
-- content/tin-1.vi.md --
---
title: Tin số 1
---
Hội nghị tập huấn lần thứ 1.
-- content/tin-2.vi.md --
---
title: Tin số 2
---
Hội nghị tập huấn lần thứ 2.
-- content/tin-3.vi.md --
---
title: Tin số 3
---
Hội nghị tập huấn lần thứ 3.
-- content/tin-4.vi.md --
---
title: Tin số 4
---
Hội nghị tập huấn lần thứ 4.
-- content/tin-5.vi.md --
---
title: Tin số 5
---
Hội nghị tập huấn lần thứ 5.
-- content/tin-6.vi.md --
---
title: Tin số 6
---
Hội nghị tập huấn lần thứ 6.
-- content/tin-7.vi.md --
---
title: Tin số 7
---
Hội nghị tập huấn lần thứ 7.
-- content/tin-8.vi.md --
---
title: Tin số 8
---
Hội nghị tập huấn lần thứ 8.
-- content/tin-9.vi.md --
---
title: Tin số 9
---
Hội nghị tập huấn lần thứ 9.
-- content/tin-10.vi.md --
---
title: Tin số 10
---
Hội nghị tập huấn lần thứ 10.
-- content/tin-11.vi.md --
---
title: Tin số 11
---
Hội nghị tập huấn lần thứ 11.
-- content/tin-12.vi.md --
---
title: Tin số 12
---
Hội nghị tập huấn lần thứ 12.
`

// TestSearch runs queries through window.siteSearch in a real browser and
// checks what is found and in what order.
func TestSearch(t *testing.T) {
	p := page{t, browser(t)}
	out := buildInline(t, searchSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	p.open(srv.URL + "/tim-kiem/")
	titles := func(q string) []string {
		t.Helper()
		return eval[[]string](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.map(r => r.title))`+"")
	}
	first := func(q, want string) {
		t.Helper()
		got := titles(q)
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q: results %q, want %q first", q, got, want)
		}
	}
	first("phong chong mai dam", "Phòng, chống mại dâm")
	first("phòng chống mại dâm", "Phòng, chống mại dâm")
	first(norm.NFD.String("phòng chống mại dâm"), "Phòng, chống mại dâm")
	first("duong day nong", "Đường dây nóng")
	first("164", "Phòng, chống mại dâm")
	first("mua bán người", "Cụm từ")
	first("bán", "Bán ra")
	first("bàn", "Bàn đầu")
	first("tuyên tr", "Phòng, chống mại dâm")
	first("hòa bình", "Hoà bình")
	first("kì họp", "Hoà bình")
	first("li", "Một li")
	first("tuyen truyeen", "Phòng, chống mại dâm") // one wrong letter
	if got := titles("ban"); len(got) < 2 {
		t.Errorf(`"ban" without marks finds %q, want both "bán" and "bàn" pages`, got)
	}
	if got := titles("xyzzy"); len(got) != 0 {
		t.Errorf("nonsense finds %q", got)
	}
	snippet := eval[string](p, `window.siteSearch("tuyen truyen").then(rs => rs[0].snippet)`)
	if !strings.Contains(snippet, "<mark>tuyên</mark> <mark>truyền</mark>") {
		t.Errorf("snippet %q does not mark the words", snippet)
	}

	// The page: a plain GET form, the query read from the address, and the
	// back button returning to the previous query.
	p.open(srv.URL + "/tim-kiem/?q=duong+day")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length > 0`)
	if got := eval[string](p, `document.querySelector("#search-results a").textContent`); got != "Đường dây nóng" {
		t.Errorf("?q=duong+day shows %q first", got)
	}
	eval[chromedp.Void](p, `document.getElementById("search-q").value = "mại dâm"; document.getElementById("search-form").requestSubmit()`)
	waitFor(t, p, `new URLSearchParams(location.search).get("q") === "mại dâm"`)
	waitFor(t, p, `document.querySelector("#search-results a") && document.querySelector("#search-results a").textContent === "Phòng, chống mại dâm"`)
	eval[chromedp.Void](p, `history.back()`)
	waitFor(t, p, `document.getElementById("search-q").value === "duong day"`)

	// English pages get ordinary English matching.
	p.open(srv.URL + "/en/search/")
	if got := eval[[]string](p, `window.siteSearch("traffick").then(rs => rs.map(r => r.title))`); len(got) != 1 || got[0] != "Recognising trafficking" {
		t.Errorf("English search finds %q", got)
	}
	// A small word no page has ("I") does not make the results partial:
	// the page with every other word is found, and nothing is "missing".
	if got := eval[[]string](p, `window.siteSearch("human trafficking: what do I do").then(rs => rs.map(r => r.title + " missing:" + r.missing.join(",")))`); len(got) != 1 || got[0] != "Recognising trafficking missing:" {
		t.Errorf(`"human trafficking: what do I do" finds %q, want the trafficking page with nothing missing`, got)
	}
}

// TestSearchKinds runs each kind of query that used to find nothing (the
// search issue) through window.siteSearch and the search page.
func TestSearchKinds(t *testing.T) {
	p := page{t, browser(t)}
	out := buildInline(t, searchSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	p.open(srv.URL + "/tim-kiem/")
	titles := func(q string) []string {
		t.Helper()
		return eval[[]string](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.map(r => r.title))`)
	}
	first := func(q, want string) {
		t.Helper()
		if got := titles(q); len(got) == 0 || got[0] != want {
			t.Errorf("%q: results %q, want %q first", q, got, want)
		}
	}
	has := func(q, want string, yes bool) {
		t.Helper()
		got := titles(q)
		if slices.Contains(got, want) != yes {
			t.Errorf("%q: results %q; want %q among them: %v", q, got, want, yes)
		}
	}
	// Synonyms from content/search.yaml, below the words as typed.
	first("đường dây nóng", "Đường dây nóng")
	has("đường dây nóng", "Tổng đài hỗ trợ", true)
	first("tổng đài", "Tổng đài hỗ trợ")
	// Raw keystrokes, words without spaces, phone numbers.
	first("dduwowngf daay nongs", "Đường dây nóng")
	first("d9u7o7ng2 da6y no1ng", "Đường dây nóng")
	first("muabannguoi", "Cụm từ")
	first("maidam", "Phòng, chống mại dâm")
	first("duongdaynong", "Đường dây nóng")
	first("02213862000", "Liên hệ Sở")
	first("0221.3862.000", "Liên hệ Sở")
	// One unknown word: the pages with the others, each saying what it lacks.
	first("mại dâm xyzzy", "Phòng, chống mại dâm")
	if got := eval[[]string](p, `window.siteSearch("mại dâm xyzzy").then(rs => rs[0].missing)`); len(got) != 1 || got[0] != "xyzzy" {
		t.Errorf(`"mại dâm xyzzy" says %q is missing`, got)
	}
	if got := eval[[]string](p, `window.siteSearch("mại dâm").then(rs => rs[0].missing)`); len(got) != 0 {
		t.Errorf(`"mại dâm" says %q is missing`, got)
	}
	// Quotes require the phrase; without them the scattered words count.
	has(`"mua bán"`, "Rải rác", false)
	has(`"mua bán"`, "Cụm từ", true)
	has("mua bán", "Rải rác", true)
	// A wrong letter is forgiven only when the word as typed finds nothing.
	has("phong chong", "Không chung", false)
	first("tuyen truyeen", "Phòng, chống mại dâm")
	// Other languages come after this one's, labelled.
	if got := eval[[]string](p, `window.siteSearch("trafficking").then(rs => rs.map(r => r.lang + ":" + r.title))`); len(got) != 1 || got[0] != "en:Recognising trafficking" {
		t.Errorf("trafficking on the Vietnamese page: %q", got)
	}
	// Every match, and the snippet around the first matched word.
	if got := titles("tập huấn"); len(got) != 12 {
		t.Errorf("tập huấn: %d results, want all 12", len(got))
	}
	// Far down a long page (past 2,800 characters): the snippet is the
	// passage around the first matched word, not the page's start; with
	// two words, the one met first in the page.
	for q, want := range map[string]string{"tạm trú": "<mark>tạm</mark> <mark>trú</mark> cho người thuê", "tạm lánh đăng ký": "<mark>đăng</mark> <mark>ký</mark> <mark>tạm</mark> trú"} {
		if s := eval[string](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.filter(r => r.title === "Bài rất dài")[0].snippet)`); !strings.Contains(s, want) || !strings.HasPrefix(s, "…") {
			t.Errorf("%q: snippet %q, want the passage with %q", q, s, want)
		}
	}
	if s := eval[string](p, `window.siteSearch("cai nghiện").then(rs => rs[0].snippet)`); !strings.Contains(s, "<mark>cai</mark> <mark>nghiện</mark>") || !strings.HasPrefix(s, "…") {
		t.Errorf("snippet %q does not show the match lower down", s)
	}
	// No query throws or returns more than the site has; the length of a
	// query is bounded (it is cut), whatever it holds.
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxy0123456789 \"“”.-/<>&?*()[]{}\\\u0301\u0300\u0323\U0001F600")
	var qs []string
	for range 60 {
		n := rng.IntN(40)
		if rng.IntN(10) == 0 {
			n = 20000
		}
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		qs = append(qs, string(r))
	}
	js, _ := json.Marshal(qs)
	if got := eval[string](p, `Promise.all(`+string(js)+`.map(q => window.siteSearch(q).then(rs =>
		Array.isArray(rs) && rs.length <= 40 ? "" : q, e => "throws " + e + ": " + q))).then(r => r.filter(Boolean).join("\n"))`); got != "" {
		t.Errorf("queries failed:\n%s", got)
	}

	// However long and strange, a query asks for a bounded number of files.
	for _, q := range []string{strings.Repeat("dduwowngf muabannguoithanhanphongchong zzzz qqqqq ", 400), strings.Repeat("a", 100000), qs[len(qs)-1]} {
		p.open(srv.URL + "/tim-kiem/")
		n := eval[int](p, `(() => { let n = 0; const f = window.fetch; window.fetch = u => { n++; return f(u); };
			return window.siteSearch(`+mustJSON(q)+`).then(() => n); })()`)
		t.Logf("a query of %d characters asked for %d files", len(q), n)
		if n > 120 {
			t.Errorf("a query of %d characters asked for %d files", len(q), n)
		}
	}

	// The keystroke decoders and the syllable cutter give what the Go
	// specification (internal/search/keys.go) gives.
	words := []string{"dduwowngf", "daay", "nongs", "nosng", "nguwowif", "maij", "hoaf", "quys", "giaf", "tooi",
		"thuowng", "aw", "d9u7o7ng2", "da6y", "no1ng", "ma5i", "d9a6m", "ba81n", "nguo72i", "muabannguoi",
		"maidam", "duongdaynong", "phongchongmaidam", "thanhan", "hotline", "trafficking", "111", "xyzzy", "w", "ddd"}
	got := eval[[]string](p, `(() => { const k = window.siteSearch.keys; return `+mustJSON(words)+`.map(w =>
		k.decode(w) + "|" + k.decode(w, 1) + "|" + k.syllables(w).map(s => s.join(" ")).join(",")); })()`)
	for i, w := range words {
		tx, _ := search.DecodeTelex(w)
		vn, _ := search.DecodeVNI(w)
		var ss []string
		for _, s := range search.Syllables(w) {
			ss = append(ss, strings.Join(s, " "))
		}
		if want := tx + "|" + vn + "|" + strings.Join(ss, ","); got[i] != want {
			t.Errorf("%q: script %q, Go %q", w, got[i], want)
		}
	}

	// The page: ten results, then more; the help hidden when pages are found.
	p.open(srv.URL + "/tim-kiem/?q=t%E1%BA%ADp+hu%E1%BA%A5n")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length === 10`)
	if eval[bool](p, `document.getElementById("search-more").hidden || !document.getElementById("search-help").hidden`) {
		t.Error("10 of 12 results: no more button, or the help is shown")
	}
	eval[chromedp.Void](p, `document.getElementById("search-more").click()`)
	waitFor(t, p, `document.querySelectorAll("#search-results li").length === 12 && document.getElementById("search-more").hidden`)
	if !eval[bool](p, `document.activeElement === document.querySelectorAll("#search-results li a")[10]`) {
		t.Errorf("focus after more is on %q, not the first new result", eval[string](p, `document.activeElement.outerHTML`))
	}
	// Other language: said, shown and labelled.
	p.open(srv.URL + "/en/search/?q=khai+tr%C6%B0%C6%A1ng")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length === 1`)
	if got := eval[string](p, `document.getElementById("search-status").textContent`); !strings.HasPrefix(got, "No results in English — 1 result in Vietnamese") {
		t.Errorf("status %q", got)
	}
	if got := eval[string](p, `document.querySelector("#search-results li").lang`); got != "vi" {
		t.Errorf("a Vietnamese result on the English page has lang %q", got)
	}
	// One result is one page (plural rules of the page's language).
	p.open(srv.URL + "/en/search/?q=trafficking")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length === 1`)
	if got := eval[string](p, `document.getElementById("search-status").textContent`); got != "1 page found." {
		t.Errorf("one English result: status %q, want %q", got, "1 page found.")
	}
	// Phone numbers in snippets are call links, as on the pages, big
	// enough to tap (44×44 CSS px).
	p.open(srv.URL + "/tim-kiem/?q=02213862000")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length > 0`)
	if got := eval[string](p, `(() => { const a = document.querySelector("#search-results li p a[href^='tel:']"); if (!a) return "none"; const r = a.getBoundingClientRect(); return a.getAttribute("href") + (r.width >= 44 && r.height >= 44 ? " big" : " small " + r.width + "x" + r.height) })()`); got != "tel:02213862000 big" {
		t.Errorf("the number in the snippet of 02213862000: %s, want a call link to tel:02213862000 at least 44×44", got)
	}
	// Missing words, named.
	p.open(srv.URL + "/tim-kiem/?q=m%E1%BA%A1i+d%C3%A2m+xyzzy")
	waitFor(t, p, `document.querySelectorAll("#search-results li").length > 0`)
	if got := eval[string](p, `document.getElementById("search-status").textContent`); !strings.Contains(got, "Thiếu: xyzzy") {
		t.Errorf("status %q does not name the missing word", got)
	}
}

// TestSearchNothingFound checks that a search that finds nothing, or
// whose index cannot be loaded, offers the emergency numbers as call links
// and the directory, above the A–Z list.
func TestSearchNothingFound(t *testing.T) {
	p := page{t, browser(t)}
	u := site(t)
	check := func(what string) {
		t.Helper()
		waitFor(t, p, `document.getElementById("search-status").textContent !== ""`)
		got := eval[string](p, `(() => { const h = document.getElementById("search-help");
			if (h.hidden || h.offsetHeight === 0) return "hidden";
			const calls = Array.from(h.querySelectorAll("a[href^='tel:']")).map(a => a.getAttribute("href")).join(" ");
			const dir = h.querySelector("a[href='/ho-tro/']") ? "directory" : "no directory";
			const az = document.querySelector("a[href$='/a-z/']");
			const before = az && (h.compareDocumentPosition(az) & Node.DOCUMENT_POSITION_FOLLOWING) ? "above A–Z" : "not above A–Z";
			return calls + " " + dir + " " + before; })()`)
		if !strings.HasPrefix(got, "tel:111 tel:113 ") || !strings.HasSuffix(got, " directory above A–Z") {
			t.Errorf("%s: help is %q, want tel:111, tel:113, …, the directory, above the A–Z list", what, got)
		}
	}
	p.open(u + "/tim-kiem/?q=xyzzy")
	check("nothing found")
	// A failed search: the index cannot be loaded.
	files := http.FileServer(http.Dir(filepath.Join(siteDir, "public")))
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/search/") {
			http.Error(w, "gone", http.StatusServiceUnavailable)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(broken.Close)
	p.open(broken.URL + "/tim-kiem/?q=duong+day")
	check("index not loaded")
	if got := eval[string](p, `document.getElementById("search-status").textContent`); !strings.Contains(got, "Không tải được") {
		t.Errorf("failed search says %q", got)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
