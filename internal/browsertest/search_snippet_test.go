package browsertest

import (
	"regexp"
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
