package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"
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
}
