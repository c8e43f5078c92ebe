package check

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

var (
	hcmZone      = time.FixedZone("ICT", 7*60*60)
	twoLanguages = &config.Site{Languages: []config.Language{{Code: "vi", Name: "Tiếng Việt"}, {Code: "en", Name: "English"}}, Location: hcmZone}
)

// pageAt converts body as the page file (published at path, in lang,
// translation key key) would have it, with its numbers left as text.
func pageAt(file, path, lang, key, title, body string) Page {
	fm := "---\ntitle: " + title + "\n---\n"
	text := []byte(fm + body)
	p := &content.Page{Lang: lang, File: file, Path: path, Key: key, Text: text, Body: text[len(fm):], BodyOffset: len(fm),
		FrontMatter: content.FrontMatter{Title: title, Pos: diag.Position{File: file, Line: 1, Col: 1}}}
	p.Translations = []*content.Page{p}
	r := markdown.New(markdown.Options{}).Convert(p.Body, nil)
	return Page{Page: p, Links: r.Links, TOC: r.TOC, Numbers: r.Numbers}
}

// pair makes x.vi.md and x.en.md, translations of one another.
func pair(viBody, enBody string) []Page {
	vi := pageAt("content/x.vi.md", "/x/", "vi", "x", "Trang", viBody)
	en := pageAt("content/x.en.md", "/en/x/", "en", "x", "Page", enBody)
	vi.Translations = []*content.Page{vi.Page, en.Page}
	en.Translations = vi.Translations
	return []Page{vi, en}
}

// dated gives the pages of pair the dates vi and en (RFC 3339, or a day).
func dated(pages []Page, vi, en string) []Page {
	for i, d := range []string{vi, en} {
		t, err := time.Parse(time.RFC3339, d)
		if err != nil {
			t, _ = time.ParseInLocation("2006-01-02", d, hcmZone)
		}
		pages[i].Date = t
	}
	return pages
}

// retitled gives pages[i] the title title.
func retitled(pages []Page, i int, title string) []Page {
	pages[i].Title = title
	return pages
}

// pairY makes y.vi.md and y.en.md, another page in both languages.
func pairY() []Page {
	vi := pageAt("content/y.vi.md", "/y/", "vi", "y", "Trang y", "Chữ.\n")
	en := pageAt("content/y.en.md", "/en/y/", "en", "y", "Page y", "Text.\n")
	vi.Translations = []*content.Page{vi.Page, en.Page}
	en.Translations = vi.Translations
	return []Page{vi, en}
}

// problems returns "file:line:col severity message" for the problems of
// rule in l.
func problems(l diag.List, rule string) []string {
	var out []string
	for _, d := range l {
		if d.Check == rule {
			out = append(out, d.Pos.String()+" "+d.Severity.String()+" "+d.Message)
		}
	}
	return out
}

// TestRules gives every rule of Rules a small site it finds one problem
// in, at the right place with its default severity, and a site it finds
// none in. A new rule without a case here fails.
func TestRules(t *testing.T) {
	cases := ruleCases()
	for _, rule := range Rules {
		tc, ok := cases[rule.Name]
		if !ok {
			t.Errorf("%s: no case in TestRules", rule.Name)
			continue
		}
		if got := problems(Run(twoLanguages, tc.bad), rule.Name); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: problems\n%q\nwant\n%q", rule.Name, got, tc.want)
		}
		if got := Run(twoLanguages, tc.good); len(got) != 0 {
			t.Errorf("%s: problems in the good site: %v", rule.Name, got)
		}
		for _, sev := range []string{"off", "warning", "error"} {
			site := *twoLanguages
			site.Checks = map[string]strictyaml.Scalar{rule.Name: {Value: sev}}
			got := problems(Run(&site, tc.bad), rule.Name)
			if sev == "off" && len(got) != 0 || sev != "off" && (len(got) != 1 || !strings.Contains(got[0], " "+sev+" ")) {
				t.Errorf("%s set to %s: %q", rule.Name, sev, got)
			}
		}
	}
}

// ruleCase is a small site with one problem of a rule (bad, the problem
// want) and one without (good).
type ruleCase struct {
	bad, good []Page
	want      string // the problem in bad
}

// ruleCases returns a ruleCase per rule, by name, made anew on each call.
func ruleCases() map[string]ruleCase {
	return map[string]ruleCase{
		BrokenAnchor: {
			bad:  pair("## Mục tiêu\n\n[xem](#muc-tieuu)\n", "Text.\n"),
			good: pair("## Mục tiêu\n\n[xem](#muc-tieu)\n", "Text.\n"),
			want: `content/x.vi.md:6:1 error the link "#muc-tieuu" goes to #muc-tieuu, which content/x.vi.md has no heading for [broken-anchor]`,
		},
		MissingAlt: {
			bad:  pair("![](anh.jpg)\n", "Text.\n"),
			good: pair("![Ảnh: tập huấn](anh.jpg)\n", "Text.\n"),
			want: `content/x.vi.md:4:1 error the image "anh.jpg" has no alternative text for people who cannot see it [missing-alt]`,
		},
		MissingTranslation: {
			bad:  []Page{pageAt("content/x.vi.md", "/x/", "vi", "x", "Trang", "Chữ.\n")},
			good: pair("Chữ.\n", "Text.\n"),
			want: `content/x.vi.md:1:1 warning this page has no English version [missing-translation]`,
		},
		HeadingOrder: {
			bad:  pair("## A\n\n#### B\n", "Text.\n"),
			good: pair("## A\n\n### B\n", "Text.\n"),
			want: `content/x.vi.md:6:1 warning the heading "B" is level 4 right after level 2 [heading-order]`,
		},
		DuplicateTitle: {
			bad: append(pair("Chữ.\n", "Text.\n"), // y: the same title in Vietnamese, not in English
				pageAt("content/y.vi.md", "/y/", "vi", "y", "trang ", "Chữ.\n"), pageAt("content/y.en.md", "/en/y/", "en", "y", "Other page", "Text.\n")),
			// y: the Vietnamese title of x in English, another language
			good: append(pair("Chữ.\n", "Text.\n"), retitled(pairY(), 1, "trang ")...),
			want: `content/y.vi.md:1:1 warning the title "trang " is also the title of content/x.vi.md [duplicate-title]`,
		},
		UnlinkedPhone: {
			bad:  pair("Gọi 0912 345 678.\n", "Text.\n"),
			good: pair("Gọi [0912 345 678](tel:0912345678).\n", "Text.\n"),
			want: `content/x.vi.md:4:5 warning the phone number "0912 345 678" is plain text, not a call link [unlinked-phone]`,
		},
		EmptyPage: {
			bad:  pair("\n", "Text.\n"),
			good: pair("Chữ.\n", "Text.\n"),
			want: `content/x.vi.md:1:1 error this page has no text: there is nothing below its front matter (the lines between the two ---) [empty-page]`,
		},
		TranslationDate: { // the date moved in the Vietnamese file only
			bad:  dated(pair("Chữ.\n", "Text.\n"), "2026-11-28", "2026-11-27T23:30:00+07:00"),
			good: dated(pair("Chữ.\n", "Text.\n"), "2026-11-28", "2026-11-28T08:30:00+07:00"),
			want: `content/x.en.md:1:1 warning this page is dated 2026-11-27, but its translation content/x.vi.md is dated 2026-11-28 [translation-date]`,
		},
		LanguageLink: { // text copied from the Vietnamese version keeps its link to y
			bad:  append(pair("Xem [y](/y/).\n", "See [y](/y/).\n"), pairY()...),
			good: append(pair("Xem [y](/y/), [bản tiếng Anh](/en/x/).\n", "See [y](/en/y/).\n"), pairY()...),
			want: `content/x.en.md:4:5 warning the link "/y/" goes to the Tiếng Việt version of "Trang y", but this page is in English [language-link]`,
		},
	}
}

// TestLocate holds that the problems found in pages whose text was let go
// after Locate are those found with the text, excerpts included.
//
// With the source folder (Locate(src)), the lines are read from it only
// when a problem is printed: the same lines, and none once the file no
// longer holds the text the page was made from.
func TestLocate(t *testing.T) {
	for name, tc := range ruleCases() {
		for _, pages := range [][]Page{tc.bad, tc.good} {
			want := Run(twoLanguages, pages)
			src := fstest.MapFS{}
			for _, p := range pages {
				src[p.File] = &fstest.MapFile{Data: p.Text}
			}
			for _, lazy := range []bool{false, true} {
				located := make([]Page, len(pages))
				for i := range pages {
					located[i] = pages[i]
					p := *pages[i].Page
					located[i].Page = &p
					if lazy {
						located[i].Locate(src)
						p.LetGoText()
					} else {
						located[i].Locate(nil)
						p.Text, p.Body = nil, nil
					}
				}
				got := Run(twoLanguages, located)
				if lazy {
					if q := got.Quoted(); !reflect.DeepEqual(q, want) {
						t.Errorf("%s: after Locate(src)\n%#v\nwant\n%#v", name, q, want)
					}
					changed := fstest.MapFS{}
					for f, m := range src {
						changed[f] = &fstest.MapFile{Data: append([]byte("\n"), m.Data...)}
					}
					for i := range got {
						if got[i].Source != "" {
							t.Errorf("%s: %v holds its line %q, want it read when printed", name, got[i].Pos, got[i].Source)
						}
					}
					clear(src) // the files are gone: nothing is quoted
					for _, d := range got.Quoted() {
						if d.Source != "" {
							t.Errorf("%s: %v quotes %q from a file that is gone", name, d.Pos, d.Source)
						}
					}
					maps.Copy(src, changed) // changed: nothing is quoted
					for _, d := range got.Quoted() {
						if d.Source != "" {
							t.Errorf("%s: %v quotes %q from a file that changed", name, d.Pos, d.Source)
						}
					}
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: after Locate\n%#v\nwant\n%#v", name, got, want)
				}
			}
		}
	}
}

// TestRunChanged holds that a rebuild after a change of one page's text
// applies the per-page rules to it, and the anchor rule to the other
// pages' links into it, but not the rules on front matter.
func TestRunChanged(t *testing.T) {
	pages := pair("## Mục tiêu\n\n![](anh.jpg)\n", "[goal](/x/#muc-tieu)\n")
	pages = append(pages, pageAt("content/z.vi.md", "/z/", "vi", "z", "Trang", "Chữ.\n")) // no English: not reported again
	// The Vietnamese page's heading was renamed: the English link to it broke.
	pages[0] = pageAt("content/x.vi.md", "/x/", "vi", "x", "Trang", "## Mục đích\n\n![](anh.jpg)\n")
	pages[0].Translations = pages[1].Translations
	l := RunChanged(twoLanguages, pages, []int{0})
	var rules []string
	for _, d := range l {
		rules = append(rules, d.Pos.File+" "+d.Check)
	}
	slices.Sort(rules)
	want := []string{"content/x.en.md broken-anchor", "content/x.vi.md missing-alt"}
	if !slices.Equal(rules, want) {
		t.Errorf("RunChanged found %q, want %q", rules, want)
	}
}

// TestMissingTranslationOnce: a page missing in a third language is
// reported once, at the first of its translations in the pages' order,
// whether the pages come sorted by file (found without a map) or not.
func TestMissingTranslationOnce(t *testing.T) {
	site := *twoLanguages
	site.Languages = append(slices.Clone(site.Languages), config.Language{Code: "fr", Name: "Français"})
	pages := append(pair("Chữ.\n", "Text.\n"), pairY()...)
	slices.SortFunc(pages, func(a, b Page) int { return strings.Compare(a.File, b.File) })
	want := []string{
		"content/x.en.md:1:1 warning this page has no French version [missing-translation]",
		"content/y.en.md:1:1 warning this page has no French version [missing-translation]",
	}
	if got := problems(Run(&site, pages), MissingTranslation); !slices.Equal(got, want) {
		t.Errorf("sorted: %q\nwant %q", got, want)
	}
	slices.Reverse(pages)
	want = []string{
		"content/y.vi.md:1:1 warning this page has no French version [missing-translation]",
		"content/x.vi.md:1:1 warning this page has no French version [missing-translation]",
	}
	if got := problems(Run(&site, pages), MissingTranslation); !slices.Equal(got, want) {
		t.Errorf("reversed: %q\nwant %q", got, want)
	}
}

// TestRunAgainLookups: RunAgain finds the pages links go to by going
// through the pages for its first lookups, then through a map
// (scansBeforeMap); both give what Run finds, the last of the pages
// sharing a path included.
func TestRunAgainLookups(t *testing.T) {
	var pages []Page
	for i := range 3 * scansBeforeMap {
		body := fmt.Sprintf("## A\n\n[a](/p%02d/#a) [b](/p%02d/#b) [c](/dup/#c) [en](/en/p%02d/)\n", (i+1)%(3*scansBeforeMap), (i+2)%(3*scansBeforeMap), i)
		pages = append(pages, pageAt(fmt.Sprintf("content/p%02d.vi.md", i), fmt.Sprintf("/p%02d/", i), "vi", fmt.Sprintf("p%02d", i), fmt.Sprintf("Trang %d", i), body))
	}
	// Two pages at one path: links go to the last one, which has #c.
	pages = append(pages, pageAt("content/q1.vi.md", "/dup/", "vi", "q1", "Q1", "## B\n\nChữ.\n"), pageAt("content/q2.vi.md", "/dup/", "vi", "q2", "Q2", "## C\n\nChữ.\n"))
	for i := range 2 {
		en := pageAt(fmt.Sprintf("content/p%02d.en.md", i), fmt.Sprintf("/en/p%02d/", i), "en", fmt.Sprintf("p%02d", i), fmt.Sprintf("Page %d", i), "Text.\n")
		pages[i].Translations = []*content.Page{pages[i].Page, en.Page}
		en.Translations = pages[i].Translations
		pages = append(pages, en)
	}
	text := func(l diag.List) []string {
		var out []string
		for _, d := range l {
			out = append(out, fmt.Sprintf("%s %s %s", d.Pos, d.Check, d.Message))
		}
		slices.Sort(out)
		return out
	}
	want := text(Run(twoLanguages, pages))
	if !slices.ContainsFunc(want, func(s string) bool { return strings.Contains(s, "broken-anchor") }) {
		t.Fatalf("no broken anchor to find: %q", want)
	}
	all := make([]bool, len(pages))
	for i := range all {
		all[i] = true
	}
	if got, _ := RunAgain(twoLanguages, pages, all, nil); !slices.Equal(text(got), want) {
		t.Errorf("RunAgain of every page (a map after %d lookups):\n%q\nwant\n%q", scansBeforeMap, text(got), want)
	}
	_, own := RunAgain(twoLanguages, pages, nil, nil)
	few := make([]bool, len(pages))
	few[0], few[5] = true, true
	if got, _ := RunAgain(twoLanguages, pages, few, own); !slices.Equal(text(got), want) {
		t.Errorf("RunAgain of two pages (no map):\n%q\nwant\n%q", text(got), want)
	}
}

// TestTranslationFile: the missing-translation hint names the file to
// add, from whichever language's file is there (round 34's trial: the
// hint said ".vi.md to .en.md" on an English file).
func TestTranslationFile(t *testing.T) {
	for _, tc := range []struct{ file, own, lang, want string }{
		{"content/news/tin.vi.md", "vi", "en", "tin.en.md"},
		{"content/news/tin.en.md", "en", "vi", "tin.vi.md"},
		{"content/news/tin.md", "vi", "en", "tin.en.md"},
		{"content/plan/164/index.en.md", "en", "vi", "index.vi.md"},
	} {
		if got := translationFile(tc.file, tc.own, tc.lang); got != tc.want {
			t.Errorf("translationFile(%q, %q, %q) = %q, want %q", tc.file, tc.own, tc.lang, got, tc.want)
		}
	}
	l := Run(twoLanguages, []Page{pageAt("content/x.en.md", "/en/x/", "en", "x", "Page", "Text.\n")})
	n := 0
	for _, d := range l {
		if d.Check == MissingTranslation {
			n++
			if d.Hint != "add the translation beside this file, named x.vi.md" {
				t.Errorf("hint %q", d.Hint)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d missing-translation problems, want 1", n)
	}
}
