package check

import (
	"slices"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
)

// RunAgain is Run for a rebuild (loa serve) that changed some pages: the
// rules that check one page on its own are applied only to pages[i] for
// which again[i] is true, and each other page's problems from them are
// those last holds for its source file (content.Page.File; none when it
// has no entry); the site-wide rules are applied to every page. The caller
// marks again every page whose own fields, text, links or headings may
// have changed, and every page that links a page whose URL, title,
// language, translations or headings may have changed (anchors and
// language links read them). It returns the problems, as Run does, and the
// problems of each page's own rules by source file, for the next RunAgain.
// With a nil again (a first build) every page is checked.
func RunAgain(site *config.Site, pages []Page, again []bool, last map[string]diag.List) (diag.List, map[string]diag.List) {
	sev, l := severities(site)
	r := runner{site: site, pages: pages, sev: sev}
	if again == nil {
		r.scans = scansBeforeMap // every page: a map at the first lookup
	}
	spans := make([][2]int32, len(pages))
	for i := range pages {
		start := len(r.l)
		if again == nil || again[i] {
			r.page(&pages[i])
		} else {
			r.l = append(r.l, last[pages[i].File]...)
		}
		spans[i] = [2]int32{int32(start), int32(len(r.l))}
	}
	for _, rule := range Rules {
		if rule.Site != nil {
			rule.Site(&r)
		}
	}
	r.fillSources()
	own := map[string]diag.List{}
	for i, s := range spans {
		if s[1] > s[0] {
			own[pages[i].File] = slices.Clone(r.l[s[0]:s[1]])
		}
	}
	l.Append(r.l)
	return l, own
}
