package browsertest

import (
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// crisisPages are the pages a person in need is likely to land on, in
// both languages: the home page, the guidance on reporting, a news item,
// the directory home and a provider page.
func crisisPages(t *testing.T) []string {
	t.Helper()
	pages := templatePages(t) // also finds the news items
	return []string{
		"/", "/en/",
		"/huong-dan/cach-bao-tin-va-tim-su-giup-do/", "/en/guidance/how-to-report-and-get-help/",
		pages[6], pages[7],
		"/ho-tro/", "/en/support/",
		"/ho-tro/tong-dai-111/", "/en/support/tong-dai-111/",
	}
}

// firstScreen measures what the first screen of the open page shows.
const firstScreen = `(() => {
	const vw = innerWidth, vh = innerHeight;
	const inView = e => { const r = e.getBoundingClientRect(); return e.offsetParent !== null &&
		r.top >= 0 && r.left >= 0 && r.bottom <= vh && r.right <= vw; };
	const big = e => { const r = e.getBoundingClientRect(); return r.width >= 44 && r.height >= 44; };
	const call = n => Array.from(document.querySelectorAll('a[href="tel:' + n + '"]')).some(a => inView(a) && big(a));
	const small = Array.from(document.querySelectorAll('a[href^="tel:"]')).filter(a => a.offsetParent !== null && !big(a))
		.map(a => a.textContent.trim() + " " + Math.round(a.getBoundingClientRect().width) + "×" + Math.round(a.getBoundingClientRect().height));
	const exit = document.querySelector(".quick-exit"), safety = document.querySelector(".exit-bar .safety-link");
	const about = document.querySelector('footer a[href="' + (document.documentElement.lang === "vi" ? "/gioi-thieu/" : "/en/about/") + '"]');
	return {call111: call("111"), call113: call("113"), small: small,
		header: document.querySelector(".site-header").getBoundingClientRect().bottom, height: vh,
		exit: !!exit && inView(exit) && big(exit), safety: !!safety && inView(safety),
		about: !!about, overflow: document.documentElement.scrollWidth - vw};
})()`

type screen struct {
	Call111, Call113 bool
	Small            []string
	Header           float64
	Height           float64
	Exit, Safety     bool
	About            bool
	Overflow         float64
}

// TestCrisisFirst checks, on a 360×640 phone and a 1280×800 screen, that
// the first screen of every page a person in need lands on shows the quick
// exit, the browse-safely link and call buttons for 111 and 113 (fully
// visible, at least 44×44 CSS px: WCAG 2.5.5), that the header takes at
// most a quarter of the screen, that every call link on the page is that
// big, that nothing is wider than the screen, and that the footer links
// the About page; with LOA_AXE set, it also runs axe-core's WCAG rules at
// the wide size (TestAccessibility covers the phone layout).
func TestCrisisFirst(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	axe := ""
	if os.Getenv("LOA_AXE") != "" {
		axe = axeSource(t)
	}
	for _, size := range [][2]int64{{360, 640}, {1280, 800}} {
		if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(size[0], size[1], chromedp.EmulateScale(1))); err != nil {
			t.Fatal(err)
		}
		for _, path := range crisisPages(t) {
			name := fmt.Sprintf("%dx%d %s", size[0], size[1], path)
			p.open(base + path)
			s := eval[screen](p, firstScreen)
			t.Logf("%-60s header %3.0f px (%2.0f%%)", name, s.Header, 100*s.Header/s.Height)
			if !s.Call111 || !s.Call113 {
				t.Errorf("%s: call buttons on the first screen, 44×44 or more: 111 %v, 113 %v", name, s.Call111, s.Call113)
			}
			if s.Header > s.Height/4 {
				t.Errorf("%s: the header ends at %.0f px, more than a quarter of the %.0f px screen", name, s.Header, s.Height)
			}
			if !s.Exit || !s.Safety {
				t.Errorf("%s: on the first screen: quick exit %v, browse safely %v", name, s.Exit, s.Safety)
			}
			for _, c := range s.Small {
				t.Errorf("%s: the call link %s is smaller than 44×44 px", name, c)
			}
			if !s.About {
				t.Errorf("%s: the footer does not link the About page", name)
			}
			if s.Overflow > 0 {
				t.Errorf("%s: the page is %.0f px wider than the screen", name, s.Overflow)
			}
			if axe != "" && size[0] > 412 { // TestAccessibility runs axe at phone width
				eval[chromedp.Void](p, axe)
				res := eval[axeResult](p, axeRun)
				for _, v := range res.Violations {
					t.Errorf("%s: axe: %s", name, v)
				}
			}
		}
	}
}

// TestDirectoryOnPhone checks the directory home on a 360×640 phone: the
// first entry starts within the first two screens, and the filter's
// controls are at least 44 px tall.
func TestDirectoryOnPhone(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(360, 640, chromedp.EmulateScale(1))); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/ho-tro/", "/en/support/"} {
		p.open(base + path)
		waitFor(t, p, `!document.getElementById("dir-filter").hidden`)
		top := eval[float64](p, `document.querySelector(".provider-card").getBoundingClientRect().top + scrollY`)
		t.Logf("%s: first entry at %.0f px (%.1f screens)", path, top, top/640)
		if top > 2*640 {
			t.Errorf("%s: the first entry starts at %.0f px, below the second screen", path, top)
		}
		small := eval[[]string](p, `Array.from(document.querySelectorAll("#dir-filter select, #dir-filter label.check"))
			.filter(e => e.getBoundingClientRect().height < 44).map(e => e.id || e.textContent.trim())`)
		for _, c := range small {
			t.Errorf("%s: the filter control %q is less than 44 px tall", path, c)
		}
	}
}

// TestNewsListsDoNotRepeat checks that a news item never lists the same
// item under "related" and "latest".
func TestNewsListsDoNotRepeat(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	pages := templatePages(t)
	for _, path := range []string{pages[6], pages[7]} {
		p.open(base + path)
		dups := eval[[]string](p, `(() => { const seen = new Set(), dups = [];
			for (const a of document.querySelectorAll(".related a, .latest a")) {
				if (seen.has(a.pathname)) dups.push(a.pathname); seen.add(a.pathname); }
			return dups; })()`)
		for _, d := range dups {
			t.Errorf("%s: %s is listed twice", path, d)
		}
	}
}

// TestReportMistakeLink checks that a provider page offers a way to report
// a mistake: the real site has no publisher email yet, so the link goes to
// the About page, which says how.
func TestReportMistakeLink(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	for path, about := range map[string]string{"/ho-tro/tong-dai-111/": "/gioi-thieu/", "/en/support/tong-dai-111/": "/en/about/"} {
		p.open(base + path)
		if got := eval[string](p, `(document.querySelector(".report a") || {}).pathname || ""`); got != about {
			t.Errorf("%s: the report-a-mistake link goes to %q, want %q", path, got, about)
		}
	}
}

// TestPhoneMenu checks the menu button on a 360×640 phone: closed, the
// menu's links are hidden; opened, each is on screen and 44 px tall.
func TestPhoneMenu(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(360, 640, chromedp.EmulateScale(1))); err != nil {
		t.Fatal(err)
	}
	p.open(base + "/")
	if n := eval[int](p, `Array.from(document.querySelectorAll("header a[href='/ke-hoach/']")).filter(a => a.checkVisibility()).length`); n != 0 {
		t.Errorf("closed menu: %d links to /ke-hoach/ visible", n)
	}
	eval[chromedp.Void](p, `document.querySelector(".menu-small summary").click()`)
	bad := eval[[]string](p, `Array.from(document.querySelectorAll(".menu-small a")).filter(a => { const r = a.getBoundingClientRect();
		return !a.checkVisibility() || r.height < 44 || r.bottom > innerHeight || r.right > innerWidth; }).map(a => a.textContent)`)
	if len(bad) > 0 {
		t.Errorf("open menu: links hidden, off screen or less than 44 px tall: %q", bad)
	}
	if n := eval[int](p, `document.querySelectorAll(".menu-small a").length`); n < 5 {
		t.Errorf("open menu: %d links, want the 4 sections and search", n)
	}
}

// TestAnchorBelowExitBar checks, on a 360×640 phone, that every heading a
// page's table of contents links to lands fully below the sticky exit bar
// (found in a trial: the heading a frightened reader tapped was hidden
// under the bar; WCAG 2.4.11).
func TestAnchorBelowExitBar(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(360, 640, chromedp.EmulateScale(1))); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/huong-dan/cach-bao-tin-va-tim-su-giup-do/", "/en/guidance/how-to-report-and-get-help/"} {
		p.open(base + path)
		ids := eval[[]string](p, `Array.from(document.querySelectorAll('main a[href^="#"]')).map(a => a.getAttribute("href").slice(1)).filter(id => id && document.getElementById(id))`)
		if len(ids) == 0 {
			t.Fatalf("%s: no in-page links to test", path)
		}
		// The contents are a list of links tapped one after another: each
		// at least 44 px tall (WCAG 2.5.5; the trial measured 20 px).
		small := eval[[]string](p, `Array.from(document.querySelectorAll(".toc a, .print-action a")).filter(a => a.getBoundingClientRect().height < 44).map(a => a.textContent.trim())`)
		for _, s := range small {
			t.Errorf("%s: the link %q is less than 44 px tall", path, s)
		}
		for _, id := range ids {
			got := eval[[]float64](p, fmt.Sprintf(`(() => { location.hash = %q; const bar = document.querySelector(".exit-bar").getBoundingClientRect().bottom;
				return [document.getElementById(%q).getBoundingClientRect().top, bar]; })()`, "#"+id, id))
			if got[0] < got[1] {
				t.Errorf("%s#%s: the heading starts at %.0f px, under the exit bar ending at %.0f px", path, id, got[0], got[1])
			}
		}
	}
}
