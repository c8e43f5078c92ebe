package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestSearchFetches checks which index files a first search asks for, and
// in what order, on an inline site (issue 16: the first search's bytes and
// rounds): a word typed as Telex or without spaces fetches no listing when
// its first reading is in the index; a word on no page that is no typo (a
// syllable) asks for no listing of near words, and the documents of the
// pages with the other words at once; a limit this
// language fills asks nothing of the other languages.
func TestSearchFetches(t *testing.T) {
	p := page{t, browser(t)}
	out := buildInline(t, searchSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	// asked runs siteSearch(q, limit) on a fresh search page and returns
	// the index files it asked for, "path start end" in ms from the call.
	asked := func(q string, limit int) []string {
		t.Helper()
		p.open(srv.URL + "/tim-kiem/")
		waitFor(t, p, `performance.getEntriesByType("resource").some(e => /meta\.json/.test(e.name) && e.responseEnd > 0)`)
		return eval[[]string](p, `(async () => { const t0 = performance.now(); const rs = await window.siteSearch(`+quote(q)+`, `+strconv.Itoa(limit)+`);
			await new Promise(r => setTimeout(r, 100));
			return performance.getEntriesByType("resource").filter(e => /\/search\//.test(e.name) && e.startTime >= t0)
				.map(e => e.name.replace(/^.*\/search\//, "").replace(/\?.*/, "") + " " + (e.startTime - t0) + " " + (e.responseEnd - t0)); })()`)
	}
	field := func(e string, i int) string { return strings.Fields(e)[i] }
	for _, q := range []string{"dduwowngf daay nongs", "maidam", "muabannguoi"} {
		for _, e := range asked(q, 10) {
			if strings.HasPrefix(e, "vi/t/") {
				t.Errorf("%q asked for the listing %s, though its first reading is in the index", q, field(e, 0))
			}
		}
	}
	// "nguyệt" is on no page of the site; the pages with "mại dâm" are the
	// results, and their documents are asked for at once. A syllable as
	// typed is never replaced by a near word, so no listing of near words
	// is asked for (before the fourth trial, 2026-11-30: asked for beside
	// the documents).
	fs := asked("mại dâm nguyệt", 10)
	docs := 0
	for _, e := range fs {
		if strings.HasPrefix(e, "vi/t/") {
			t.Errorf(`"mại dâm nguyệt" asked for the listing %s, though "nguyệt" is a syllable, which no near word replaces`, field(e, 0))
		}
		if strings.HasPrefix(e, "vi/d/") {
			docs++
		}
	}
	if docs == 0 {
		t.Errorf(`"mại dâm nguyệt": no documents asked for: %q`, fs)
	}
	// One result is asked for, and this language has it: nothing of en.
	for _, e := range asked("mại dâm nguyệt", 1) {
		if strings.HasPrefix(e, "en/") {
			t.Errorf(`siteSearch("mại dâm nguyệt", 1) asked for %s of another language`, field(e, 0))
		}
	}
}
