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
// its first reading is in the index; a word on no page that is no typo has
// the documents of the pages with the other words asked for before the
// listing of near words has arrived (one round, not three); a limit this
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
	atof := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	for _, q := range []string{"dduwowngf daay nongs", "maidam", "muabannguoi"} {
		for _, e := range asked(q, 10) {
			if strings.HasPrefix(e, "vi/t/") {
				t.Errorf("%q asked for the listing %s, though its first reading is in the index", q, field(e, 0))
			}
		}
	}
	// "nguyệt" is on no page of the site; the pages with "mại dâm" are the
	// results, and their documents are asked for beside the listing that
	// near words of "nguyet" come from.
	fs := asked("mại dâm nguyệt", 10)
	firstDoc, listingEnd := -1.0, -1.0
	for _, e := range fs {
		start, end := atof(field(e, 1)), atof(field(e, 2))
		switch {
		case strings.Contains(e, "vi/d/") && (firstDoc < 0 || start < firstDoc):
			firstDoc = start
		case strings.Contains(e, "vi/t/") && end > listingEnd:
			listingEnd = end
		}
	}
	if firstDoc < 0 || listingEnd < 0 || firstDoc > listingEnd {
		t.Errorf(`"mại dâm nguyệt": documents asked for at %v ms, the listing arrived at %v ms; want the documents asked for first: %q`, firstDoc, listingEnd, fs)
	}
	// One result is asked for, and this language has it: nothing of en.
	for _, e := range asked("mại dâm nguyệt", 1) {
		if strings.HasPrefix(e, "en/") {
			t.Errorf(`siteSearch("mại dâm nguyệt", 1) asked for %s of another language`, field(e, 0))
		}
	}
}
