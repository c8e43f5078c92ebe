package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// queryBound is how long one query may take on the inline site before the
// fuzz test calls it stuck: far above the few milliseconds a query takes,
// so that only a loop or a blow-up fails it, not a busy machine.
const queryBound = 5000 // milliseconds

// TestSearchFuzz sends window.siteSearch thousands of generated queries:
// any UTF-16 code units (lone surrogates, NUL, marks without letters),
// printable ASCII, pieces that exercise each rule (quotes, Telex and VNI
// keys, syllables, phone digits, JavaScript's own property names such as
// "constructor" and "__proto__"), and very long repeats. Every query must
// give an array of results, never throw, and finish within queryBound.
// The queries come from a fixed seed, so a failure repeats; the first
// failures are printed with their query.
func TestSearchFuzz(t *testing.T) {
	p := page{t, browser(t)}
	out := buildInline(t, searchSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	p.open(srv.URL + "/tim-kiem/")
	fails := eval[[]string](p, `(async () => {
		let seed = 7;
		const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
		const pieces = ["đường", "dây", "nóng", "mại dâm", '"', "“", "”", "constructor", "__proto__", "toString", "hasOwnProperty",
			"0221", "3862", ".", " ", "\u0301", "\u0323", "\uD800", "\uDFFF", "🙂", "ǅ", "Ⅻ", "ß", "İ", "ﬁ", "\u0000", "a", "aa", "dd", "ow",
			"w", "9", "7", "x".repeat(50), "quy", "gi", "ngh", "hưng yên", "-", "/", "<b>", "&amp;", "\u202e", "ا", "中文", "\n", "muabannguoi"];
		const fails = [];
		for (let i = 0; i < 1500 && fails.length < 5; i++) {
			let q = "";
			switch (rnd(4)) {
			case 0: for (let k = rnd(12); k > 0; k--) q += pieces[rnd(pieces.length)] + (rnd(2) ? " " : ""); break;
			case 1: for (let k = rnd(40); k > 0; k--) q += String.fromCharCode(rnd(0x10000)); break;
			case 2: for (let k = rnd(20); k > 0; k--) q += String.fromCharCode(32 + rnd(95)); break;
			default: q = pieces[rnd(pieces.length)].repeat(1 + rnd(20000));
			}
			const t0 = performance.now();
			try {
				const rs = await window.siteSearch(q);
				if (!Array.isArray(rs) || rs.some((r) => typeof r.url !== "string" || typeof r.snippet !== "string")) throw new Error("not a list of results");
				const ms = performance.now() - t0;
				if (ms > `+strconv.Itoa(queryBound)+`) throw new Error("took " + Math.round(ms) + " ms");
			} catch (e) {
				fails.push(JSON.stringify(q.slice(0, 80)) + ": " + e);
			}
		}
		return fails;
	})()`)
	if len(fails) > 0 {
		t.Errorf("queries that failed:\n%s", strings.Join(fails, "\n"))
	}
}
