package check

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/phone"
)

// The rules, by the name site.yaml's `checks:` uses for them.
const (
	BrokenAnchor       = "broken-anchor"
	MissingTranslation = "missing-translation"
	MissingAlt         = "missing-alt"
	HeadingOrder       = "heading-order"
	DuplicateTitle     = "duplicate-title"
	UnlinkedPhone      = "unlinked-phone"
	EmptyPage          = "empty-page"
	LanguageLink       = "language-link"
	TranslationDate    = "translation-date"
)

// Rule is one check, declared once in Rules: everything that lists the
// checks (Defaults, `loa help check`, the README's table, the "did you
// mean" hint for a misspelt name in site.yaml, and which rules Run and
// RunChanged apply) is made from it.
type Rule struct {
	// Name is the rule's name under site.yaml's `checks:` and in the
	// "[name]" its problems end with.
	Name string
	// Default is its severity when site.yaml does not set one: "error"
	// stops the build, "warning" is reported, "off" is not checked.
	Default string
	// Summary says in one line of English what it finds; `loa help
	// check` prints it (translated) and README.md's table has it as it is.
	Summary string
	// Page checks one page on its own; a rebuild after a change of a
	// page's text applies it to that page again (RunChanged).
	Page func(r *runner, p *Page)
	// Site checks all pages together (translations, titles): it looks at
	// front matter only, so RunChanged does not apply it.
	Site func(r *runner)
}

// Rules are the checks, in the order `loa help check` and README.md list
// them. A new rule is a constant above, an entry here, its function and a
// row of README.md's table (TestREADMETable says if one is missing).
var Rules = []Rule{
	{Name: BrokenAnchor, Default: "error", Page: (*runner).anchors,
		Summary: "a link to `#muc-tieu` that no heading of the target page has"},
	{Name: MissingAlt, Default: "error", Page: (*runner).alt,
		Summary: "an image without alternative text"},
	{Name: MissingTranslation, Default: "warning", Site: (*runner).translations,
		Summary: "a page that exists in one language only"},
	{Name: HeadingOrder, Default: "warning", Page: (*runner).headings,
		Summary: "a heading that skips a level (`##` then `####`)"},
	{Name: DuplicateTitle, Default: "warning", Site: (*runner).titles,
		Summary: "two pages of one language with the same title"},
	{Name: UnlinkedPhone, Default: "warning", Page: (*runner).phones,
		Summary: "a phone number in text that is not a call link"},
	{Name: EmptyPage, Default: "error", Page: (*runner).empty,
		Summary: "a published page (not a section) with no text below its front matter, as `loa new` leaves it"},
	{Name: LanguageLink, Default: "warning", Page: (*runner).languageLinks,
		Summary: "a link to a page in the other language that also exists in the linking page's language"},
	{Name: TranslationDate, Default: "warning", Site: (*runner).translationDates,
		Summary: "translations of one page dated on different days (a date changed in one language only)"},
}

// Defaults are each rule's severity when site.yaml does not set one, by
// name (made from Rules).
var Defaults = func() map[string]string {
	m := map[string]string{}
	for _, r := range Rules {
		m[r.Name] = r.Default
	}
	return m
}()

// Page is a published page with what its Markdown held.
type Page struct {
	*content.Page
	Links []markdown.Link
	TOC   []markdown.Heading
	// Numbers are the phone-like numbers its text shows without a call link.
	Numbers []markdown.Number
	// TitleKey, when not empty, is TitleKey(Title), kept by a caller that
	// checks the page again with the same title (loa serve); when empty
	// the duplicate-title rule works it out.
	TitleKey string
	// located, when Locate made it, is what the rules need of the page's
	// text once Text and Body are let go.
	located *located
}

// located holds, for a page whose text was let go, the position of every
// body offset a rule may report at, the text of those lines and of the
// front matter's first line (for the excerpts), and whether the body is
// blank.
type located struct {
	at    []locatedAt   // by offset
	lines []locatedLine // by line
	blank bool
	// quote, when not nil, reads the lines again when a problem is
	// printed, and lines hold only their numbers (Locate with a folder).
	quote diag.Quote
}

// locatedAt is the line and column (diag.Position) of a body offset.
// Slices sorted for binary search rather than maps: a page has a few, and
// a map costs hundreds of bytes for each of 200,000 pages.
type locatedAt struct{ offset, line, col int32 }

// locatedLine is the text of a source line.
type locatedLine struct {
	line int32
	text string
}

// position returns the position of a body offset that Locate recorded.
func (l *located) position(file string, offset int) (diag.Position, bool) {
	i, ok := slices.BinarySearchFunc(l.at, offset, func(a locatedAt, o int) int { return cmp.Compare(int(a.offset), o) })
	if !ok {
		return diag.Position{}, false
	}
	return diag.Position{File: file, Line: int(l.at[i].line), Col: int(l.at[i].col)}, true
}

// line returns the text of line n, when Locate recorded it ("" when
// l.quote reads it).
func (l *located) line(n int) (string, bool) {
	i, ok := slices.BinarySearchFunc(l.lines, n, func(a locatedLine, n int) int { return cmp.Compare(int(a.line), n) })
	if !ok {
		return "", false
	}
	return l.lines[i].text, true
}

// Locate records the position and the source line of everything in p a
// rule may report (some of its links and headings, its numbers, and the
// front matter) and whether its body is blank, and drops the links no rule
// can report (to other websites, to files), so that p's Text and Body can
// be let go before Run: a build of 100,000 pages then does not hold every
// source until the checks. Run uses what Locate recorded for a page that
// has it, and the text for one that has not.
//
// With src, the site's source folder, the lines are not kept either: the
// problems found quote them through p's content.Page.Quote, which reads
// the file again when a problem is printed (ten of a kind are: a build of
// 100,000 pages had about 1 KB of quoted lines a page). A caller that lets
// the text go then uses content.Page.LetGoText, so that the file can be
// told unchanged. With src nil the lines are kept.
func (p *Page) Locate(src fs.FS) {
	idx := diag.NewLineIndex(p.File, p.Text)
	l := &located{blank: len(bytes.TrimSpace(p.Body)) == 0}
	var lines []int
	add := func(pos diag.Position) {
		if pos.Line > 0 {
			lines = append(lines, pos.Line)
		}
	}
	at := func(offset int) {
		pos := idx.Position(p.BodyOffset + offset)
		l.at = append(l.at, locatedAt{int32(offset), int32(pos.Line), int32(pos.Col)})
		add(pos)
	}
	// Only what a rule can report: a link to a page of the site or to a
	// heading (anchors, languageLinks) or an image without alternative text
	// (alt), every number (phones), a heading that skips a level
	// (headings). A rule that reports elsewhere must be added here
	// (TestLocate).
	// What is kept is copied into slices of exactly its size (the
	// converter's have room to grow, up to twice as much), and a heading's
	// text is kept only where the heading rule can quote it: these are held
	// for every page from its rendering to Run.
	n := 0
	for _, ln := range p.Links {
		if reportable(ln) {
			n++
		}
	}
	var links []markdown.Link
	if n > 0 {
		links = make([]markdown.Link, 0, n)
	}
	for _, ln := range p.Links {
		if reportable(ln) {
			at(ln.Offset)
			links = append(links, ln)
		}
	}
	p.Links = links
	for _, n := range p.Numbers {
		at(n.Offset)
	}
	p.Numbers = slices.Clone(p.Numbers) // (nil stays nil)
	prev := 1
	toc := slices.Clone(p.TOC)
	for i, h := range toc {
		if h.Level > prev+1 {
			if h.Offset >= 0 {
				at(h.Offset)
			}
		} else {
			toc[i].Text = "" // (headings: only a heading that skips a level is quoted)
		}
		prev = h.Level
	}
	p.TOC = toc
	if p.FrontMatter.Pos.File == p.File {
		add(p.FrontMatter.Pos)
	}
	slices.SortFunc(l.at, func(a, b locatedAt) int { return cmp.Compare(a.offset, b.offset) })
	l.at = slices.CompactFunc(l.at, func(a, b locatedAt) bool { return a.offset == b.offset })
	l.at = slices.Clip(l.at)
	slices.Sort(lines)
	lines = slices.Compact(lines)
	if len(lines) > 0 {
		l.lines = make([]locatedLine, len(lines))
		for i, n := range lines {
			l.lines[i].line = int32(n)
			if src == nil {
				l.lines[i].text = idx.Line(n)
			}
		}
	}
	if src != nil {
		l.quote = p.Page.Quote(src)
	}
	p.located = l
}

// reportable says whether a rule can report the link ln (Locate keeps it).
func reportable(ln markdown.Link) bool {
	return ln.Image && strings.TrimSpace(ln.Alt) == "" || !ln.Image && (strings.HasPrefix(ln.URL, "/") || strings.Contains(ln.URL, "#"))
}

// Location is what Locate recorded of a page, in fields encoding/gob
// keeps: loa build's cache holds it, so that a page whose text the next
// build does not read can still be checked (Relocate). At holds (body
// offset, line, column) triples; Lines and Texts the source lines (Texts
// nil when Locate was given the source folder: they are read again when
// printed).
type Location struct {
	At    []int32
	Lines []int32
	Texts []string
	Blank bool
}

// Location returns what Locate recorded of p (ok false when it has not
// run).
func (p *Page) Location() (l Location, ok bool) {
	if p.located == nil {
		return l, false
	}
	for _, a := range p.located.at {
		l.At = append(l.At, a.offset, a.line, a.col)
	}
	for _, ln := range p.located.lines {
		l.Lines = append(l.Lines, ln.line)
		if p.located.quote == nil {
			l.Texts = append(l.Texts, ln.text)
		}
	}
	l.Blank = p.located.blank
	return l, true
}

// Relocate gives p what Locate recorded of the same text (Location), as
// Locate would: it drops the links no rule can report. p's Text and Body
// are not needed. Lines recorded without their texts are quoted from
// src as Locate(src) does; with src nil they are not quoted.
func (p *Page) Relocate(l Location, src fs.FS) {
	loc := &located{blank: l.Blank}
	for i := 0; i+2 < len(l.At); i += 3 {
		loc.at = append(loc.at, locatedAt{l.At[i], l.At[i+1], l.At[i+2]})
	}
	if len(l.Texts) == 0 && len(l.Lines) > 0 && src != nil {
		for _, n := range l.Lines {
			loc.lines = append(loc.lines, locatedLine{line: n})
		}
		loc.quote = p.Page.Quote(src)
	}
	for i := range min(len(l.Lines), len(l.Texts)) {
		loc.lines = append(loc.lines, locatedLine{l.Lines[i], l.Texts[i]})
	}
	var links []markdown.Link
	for _, ln := range p.Links {
		if reportable(ln) {
			links = append(links, ln)
		}
	}
	p.Links, p.located = links, loc
}

// Run applies every rule to pages and returns the problems, each with the
// severity configured for its rule. It also reports unknown rule names and
// severities in site.yaml's `checks:`.
func Run(site *config.Site, pages []Page) diag.List {
	sev, l := severities(site)
	r := runner{site: site, pages: pages, sev: sev, byPath: make(map[string]*Page, len(pages))}
	numbers := 0
	for i := range pages {
		r.byPath[pages[i].Path] = &pages[i]
		numbers += len(pages[i].Numbers)
	}
	// Each number written as plain text is a problem (UnlinkedPhone):
	// room for those at once rather than by copies as the list grows
	// (3 % of a warm build at 10,000 pages per language, whose corpus
	// has 2.3 such numbers a page).
	// And a title used again is one (DuplicateTitle, at most one a page:
	// 9,000 in that corpus), found after them: without room for those,
	// the list of the numbers' problems was copied into one twice as
	// large. (Room not used costs little: fresh memory is not touched
	// until written.)
	room := 0
	if sev[UnlinkedPhone] != "off" {
		room += numbers
	}
	if sev[DuplicateTitle] != "off" {
		room += len(pages)
	}
	if room > 0 {
		r.l = make(diag.List, 0, room)
	}
	for i := range pages {
		r.page(&pages[i])
	}
	for _, rule := range Rules {
		if rule.Site != nil {
			rule.Site(&r)
		}
	}
	r.fillSources()
	// r.l first grown, then l's few put before it: a large site's
	// problems (half a million for the benchmark corpus at 100,000 pages
	// per language) are not copied into a second list while the first is
	// alive.
	return slices.Insert(r.l, 0, l...)
}

// fillSources adds source excerpts to the problems found. Each page's
// problems are found once through a map, not by a pass over every problem
// per page (a large site with many warnings has both by the ten thousand).
func (r *runner) fillSources() {
	byFile := map[string][]int{}
	for i, d := range r.l {
		if d.Pos.Line > 0 && d.Source == "" {
			byFile[d.Pos.File] = append(byFile[d.Pos.File], i)
		}
	}
	for i := range r.pages {
		p := &r.pages[i]
		problems, ok := byFile[p.File]
		if !ok {
			continue
		}
		delete(byFile, p.File)
		for _, k := range problems {
			d := &r.l[k]
			if p.located != nil {
				line, ok := p.located.line(d.Pos.Line)
				if !ok {
					continue
				}
				if p.located.quote != nil {
					*d = d.WithQuote(p.located.quote, max(d.Span, 1))
					continue
				}
				d.Source = line
			} else {
				d.Source = r.lineIndex(p).Line(d.Pos.Line)
			}
			d.Span = max(d.Span, 1)
		}
	}
}

// RunChanged applies the rules that a change of the bodies of
// pages[changed...] can affect (their links, images and headings, and
// other pages' links to their headings), for a rebuild that kept the front
// matter of every page (translations and titles cannot have changed).
func RunChanged(site *config.Site, pages []Page, changed []int) diag.List {
	sev, _ := severities(site)
	r := runner{site: site, pages: pages, sev: sev, byPath: map[string]*Page{}}
	targets := map[string]bool{}
	for _, i := range changed {
		r.byPath[pages[i].Path] = &pages[i]
		targets[pages[i].Path] = true
	}
	for i := range pages {
		if _, ok := r.byPath[pages[i].Path]; !ok {
			r.byPath[pages[i].Path] = &pages[i]
		}
	}
	for _, i := range changed {
		r.page(&pages[i])
	}
	for i := range pages {
		p := &pages[i]
		if targets[p.Path] {
			continue
		}
		for _, ln := range p.Links {
			if path, _, ok := strings.Cut(ln.URL, "#"); ok && targets[path] {
				r.anchors(&Page{Page: p.Page, Links: []markdown.Link{ln}, TOC: p.TOC})
				break
			}
		}
	}
	r.fillSources()
	return r.l
}

// page applies every rule of Rules that checks one page on its own.
func (r *runner) page(p *Page) {
	for _, rule := range Rules {
		if rule.Page != nil {
			rule.Page(r, p)
		}
	}
}

func severities(site *config.Site) (map[string]string, diag.List) {
	sev := map[string]string{}
	for k, v := range Defaults {
		sev[k] = v
	}
	var l diag.List
	names := make([]string, 0, len(Rules))
	for _, rule := range Rules {
		names = append(names, rule.Name)
	}
	slices.Sort(names)
	for name, v := range site.Checks {
		if _, ok := Defaults[name]; !ok {
			d := diag.Errorf(v.Pos, "unknown check %q under checks:", name).WithHint("the checks are %s", strings.Join(names, ", "))
			if s := diag.Suggest(name, names); s != "" {
				d = d.WithHint("did you mean %q?", s)
			}
			l.Add(d)
			continue
		}
		if !slices.Contains([]string{"error", "warning", "off"}, v.Value) {
			l.Add(diag.Errorf(v.Pos, "check %q is set to %q", name, v.Value).WithHint("use error, warning or off"))
			continue
		}
		sev[name] = v.Value
	}
	return sev, l
}

type runner struct {
	site  *config.Site
	pages []Page
	sev   map[string]string
	// byPath maps a URL path to its page (the last one, when pages share
	// a path); nil until lookup needs it, when RunAgain checks few pages.
	byPath map[string]*Page
	scans  int                               // lookups done without byPath
	ids    map[*content.Page]map[string]bool // fragment targets, made once per page
	lines  map[*content.Page]*diag.LineIndex // line indexes, made once per page
	texts  diag.Texts                        // the messages and hints reported, held once
	// same holds a problem reported by reportSame by what it was made
	// from, without its position: the next one made from the same is a
	// copy of it at its own position, with no message formatted again.
	same map[sameKey]diag.Diagnostic
	l    diag.List
}

// sameKey names the problems reportSame makes the same but for their
// position: the rule, and the two strings their message and hint are
// made from.
type sameKey struct{ rule, a, b string }

// scansBeforeMap is how many lookups of a path RunAgain does by going
// through its pages before it makes a map of them all: a rebuild checks a
// few pages again, whose few links would not pay for a map of 20,000
// paths.
const scansBeforeMap = 32

// lookup returns the page at the URL path path (the last in r.pages, when
// pages share it), or nil.
func (r *runner) lookup(path string) *Page {
	if r.byPath == nil && r.scans >= scansBeforeMap {
		r.byPath = make(map[string]*Page, len(r.pages))
		for i := range r.pages {
			r.byPath[r.pages[i].Path] = &r.pages[i]
		}
	}
	if r.byPath != nil {
		return r.byPath[path]
	}
	r.scans++
	for i := len(r.pages) - 1; i >= 0; i-- {
		if r.pages[i].Path == path {
			return &r.pages[i]
		}
	}
	return nil
}

// report adds a problem for rule at pos, unless the rule is off.
func (r *runner) report(rule string, pos diag.Position, hint, format string, args ...any) {
	var d diag.Diagnostic
	switch r.sev[rule] {
	case "off":
		return
	case "error":
		d = diag.Errorf(pos, format, args...)
	default:
		d = diag.Warningf(pos, format, args...)
	}
	d = d.WithCheck(rule)
	d.Hint = hint // (translated by matching: Catalogue.Message)
	// A large site repeats the same problem on thousands of pages, and
	// every problem is held to the end of the build: its texts once.
	r.l.Add(r.texts.Hold(d))
}

// reportSame is report for a problem whose message and hint depend only
// on rule and the strings a and b (made by made): a site repeats the same
// problem on thousands of pages (46,000 plain-text numbers and 9,000
// repeated titles in the benchmark corpus at 10,000 pages per language),
// and formatting each again was most of the checks' time. The problem
// added is the one report adds: after Texts.Hold, the same message, hint
// and what they were made from as the first one made from a and b.
func (r *runner) reportSame(rule string, pos diag.Position, a, b string, made func() (hint, format string, args []any)) {
	if r.sev[rule] == "off" {
		return
	}
	k := sameKey{rule, a, b}
	if d, ok := r.same[k]; ok {
		d.Pos = pos
		r.l.Add(d)
		return
	}
	hint, format, args := made()
	r.report(rule, pos, hint, format, args...)
	d := r.l[len(r.l)-1]
	d.Pos = diag.Position{}
	if r.same == nil {
		r.same = map[sameKey]diag.Diagnostic{}
	}
	r.same[k] = d
}

// at returns the position of a byte offset in p's Markdown body. The
// line index of the page is made once, so that a page with thousands of
// problems does not cost thousands of scans of its text.
func (r *runner) at(p *Page, offset int) diag.Position {
	if p.located != nil {
		if pos, ok := p.located.position(p.File, offset); ok {
			return pos
		}
	}
	return r.lineIndex(p).Position(p.BodyOffset + offset)
}

// lineIndex returns the line index of p's text, made once per page.
func (r *runner) lineIndex(p *Page) *diag.LineIndex {
	if r.lines == nil {
		r.lines = map[*content.Page]*diag.LineIndex{}
	}
	idx := r.lines[p.Page]
	if idx == nil {
		idx = diag.NewLineIndex(p.File, p.Text)
		r.lines[p.Page] = idx
	}
	return idx
}

// targets are the fragment targets a page has: its heading IDs and the
// skip link's target (footnote links are not checked).
func (r *runner) targets(p *Page) map[string]bool {
	if m, ok := r.ids[p.Page]; ok {
		return m
	}
	m := map[string]bool{"main": true}
	for _, h := range p.TOC {
		m[h.ID] = true
	}
	if r.ids == nil {
		r.ids = map[*content.Page]map[string]bool{}
	}
	r.ids[p.Page] = m
	return m
}

func (r *runner) anchors(p *Page) {
	for _, ln := range p.Links {
		path, frag, ok := strings.Cut(ln.URL, "#")
		if !ok || frag == "" || ln.Image || strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:") {
			continue
		}
		target := p
		if path != "" {
			if target = r.lookup(path); target == nil {
				continue // not a page of this site (an external or unchecked URL)
			}
		}
		if !r.targets(target)[frag] {
			var known []string
			for _, h := range target.TOC {
				known = append(known, h.ID)
			}
			hint := "link to a heading's id: lower-case, no marks, words joined by hyphens (## Mục tiêu → #muc-tieu)"
			if s := diag.Suggest(frag, known); s != "" {
				hint = fmt.Sprintf("did you mean #%s?", s)
			}
			r.report(BrokenAnchor, r.at(p, ln.Offset), hint, "the link %q goes to #%s, which %s has no heading for", ln.Dest, frag, target.File)
		}
	}
}

// languageLinks reports links from p to a page in another language that
// has a version in p's language: a reader of the English page who follows
// it lands on Vietnamese (text copied from the other version keeps its
// links). A link to a page with no version in p's language, or to p's own
// translation ("Đọc bằng tiếng Anh"), is deliberate and not reported.
func (r *runner) languageLinks(p *Page) {
	for _, ln := range p.Links {
		if ln.Image {
			continue
		}
		path, frag, _ := strings.Cut(ln.URL, "#")
		target := r.lookup(path)
		if target == nil || target.Lang == p.Lang || target.Key == p.Key {
			continue
		}
		own := target.Translation(p.Lang)
		if own == nil {
			continue
		}
		to := own.Path
		if frag != "" {
			to += "#" + frag
		}
		r.report(LanguageLink, r.at(p, ln.Offset), fmt.Sprintf("link to the %s version instead: %s (or its file, %s)", r.langName(p.Lang), to, own.File),
			"the link %q goes to the %s version of %q, but this page is in %s", ln.Dest, r.langName(target.Lang), target.Title, r.langName(p.Lang))
	}
}

// langName returns the name site.yaml gives language code, or the code.
func (r *runner) langName(code string) string {
	if l := r.site.Language(code); l != nil && l.Name != "" {
		return l.Name
	}
	return code
}

func (r *runner) alt(p *Page) {
	for _, ln := range p.Links {
		if ln.Image && strings.TrimSpace(ln.Alt) == "" {
			r.report(MissingAlt, r.at(p, ln.Offset), "describe the image between the brackets: ![Ảnh: buổi tập huấn tại xã …](anh.jpg)",
				"the image %q has no alternative text for people who cannot see it", ln.Dest)
		}
	}
}

// phones reports phone numbers in text that a phone cannot call with one
// tap: numbers the site does not know as emergency, directory or publisher
// numbers, written without a "tel:" link. A number that cannot exist in
// the Vietnamese numbering plan (package phone) is reported as such first:
// making it a call link would only publish a wrong number that works.
func (r *runner) phones(p *Page) {
	for _, n := range p.Numbers {
		if pr := phone.Check(n.Text); pr != nil {
			r.report(UnlinkedPhone, r.at(p, n.Offset), fmt.Sprintf(pr.Hint, pr.HintArgs...), pr.Message, pr.Args...)
			continue
		}
		r.reportSame(UnlinkedPhone, r.at(p, n.Offset), n.Text, n.Dial, func() (hint, msg string, args []any) {
			hint = fmt.Sprintf("write it as a call link: [%s](tel:%s)", n.Text, n.Dial)
			msg = "the phone number %q is plain text, not a call link"
			return hint, msg, []any{n.Text}
		})
	}
}

// empty reports a published page (not a section, not a draft) with no
// text below its front matter, as loa new leaves it.
func (r *runner) empty(p *Page) {
	blank := len(bytes.TrimSpace(p.Body)) == 0
	if p.located != nil {
		blank = p.located.blank
	}
	if p.Kind != content.KindPage || p.Draft || !blank {
		return
	}
	r.report(EmptyPage, p.FrontMatter.Pos, "write the page's text below the second --- line, or set draft: true until it is ready",
		"this page has no text: there is nothing below its front matter (the lines between the two ---)")
}

func (r *runner) headings(p *Page) {
	prev := 1 // the page title
	for _, h := range p.TOC {
		if h.Level > prev+1 {
			pos := p.FrontMatter.Pos
			if h.Offset >= 0 {
				pos = r.at(p, h.Offset)
			}
			r.report(HeadingOrder, pos, fmt.Sprintf("use %s here, or add the missing level above it", strings.Repeat("#", prev+1)),
				"the heading %q is level %d right after level %d", h.Text, h.Level, prev)
		}
		prev = h.Level
	}
}

func (r *runner) translations() {
	// Each translation key once, at its first page. When the pages are
	// sorted by source file (as a build gives them) and each is among
	// its own translations (no two pages of one language share a key),
	// that is the page no translation of which has a smaller file name;
	// otherwise a map says which keys were seen.
	var seen map[string]bool
	for i := range r.pages {
		if p := r.pages[i].Page; i > 0 && r.pages[i-1].File >= p.File || !slices.Contains(p.Translations, p) {
			seen = make(map[string]bool, len(r.pages))
			break
		}
	}
	for i := range r.pages {
		p := &r.pages[i]
		if seen == nil {
			if slices.ContainsFunc(p.Translations, func(t *content.Page) bool { return t.File < p.File }) {
				continue
			}
		} else if seen[p.Key] {
			continue
		} else {
			seen[p.Key] = true
		}
		var missing, drafts, files []string
		for _, lang := range r.site.Languages {
			if p.Translation(lang.Code) != nil {
				continue
			}
			if slices.Contains(p.DraftLangs, lang.Code) {
				drafts = append(drafts, languageName(lang))
			} else {
				missing = append(missing, languageName(lang))
				files = append(files, translationFile(p.File, p.Lang, lang.Code))
			}
		}
		if len(drafts) > 0 {
			r.report(MissingTranslation, p.FrontMatter.Pos, "when the translation is ready, change draft: true to draft: false in its file; meanwhile loa serve --drafts shows it on your computer only",
				"the %s version of this page is still a draft, so it is not published", strings.Join(drafts, " and "))
		}
		if len(missing) > 0 {
			r.report(MissingTranslation, p.FrontMatter.Pos, fmt.Sprintf("add the translation beside this file, named %s", strings.Join(files, ", ")),
				"this page has no %s version", strings.Join(missing, " or "))
		}
	}
}

// translationDates reports a page whose date falls on another day, in the
// site's time zone, than the date of its translation in the first language
// that has one: news lists and feeds would show the two versions on
// different days. A translation without a date next to one with a date is
// reported too. Times on the same day are not compared: one version may
// give the hour and the other not.
func (r *runner) translationDates() {
	loc := r.site.Location
	if loc == nil {
		loc = time.UTC
	}
	day := func(p *content.Page) string {
		return p.Date.In(loc).Format("2006-01-02")
	}
	// sameDay is day(a) == day(b), without making the strings.
	sameDay := func(a, b *content.Page) bool {
		y1, m1, d1 := a.Date.In(loc).Date()
		y2, m2, d2 := b.Date.In(loc).Date()
		return y1 == y2 && m1 == m2 && d1 == d2
	}
	for i := range r.pages {
		p := &r.pages[i]
		if len(p.Translations) == 0 {
			continue
		}
		first := p.Translations[0]
		if first == p.Page || first.Date.IsZero() && p.Date.IsZero() || sameDay(first, p.Page) {
			continue
		}
		pos, hint := p.FrontMatter.At("date"), "write the same date in both files"
		switch {
		case p.Date.IsZero():
			pos = p.FrontMatter.Pos
			r.report(TranslationDate, pos, hint, "this page has no date, but its translation %s is dated %s", first.File, day(first))
		case first.Date.IsZero():
			r.report(TranslationDate, pos, hint, "this page is dated %s, but its translation %s has no date", day(p.Page), first.File)
		default:
			r.report(TranslationDate, pos, hint, "this page is dated %s, but its translation %s is dated %s", day(p.Page), first.File, day(first))
		}
	}
}

// TitleKey is a title as the duplicate-title rule compares it: without
// the spaces around it, in lower case.
func TitleKey(title string) string { return strings.ToLower(strings.TrimSpace(title)) }

// titleMaps holds the emptied maps of titles() for the next run (loa
// serve checks the titles again at every rebuild): a map of 10,000 titles
// made anew took memory the system had to hand over again.
var titleMaps sync.Pool // of map[string]*Page, empty

func (r *runner) titles() {
	// A map per language, by title: a string key hashes faster than a
	// struct of two.
	firsts := map[string]map[string]*Page{}
	defer func() {
		for _, m := range firsts {
			clear(m) // no page kept alive by the pool
			titleMaps.Put(m)
		}
	}()
	for i := range r.pages {
		p := &r.pages[i]
		title := p.TitleKey
		if title == "" {
			title = TitleKey(p.Title)
		}
		first := firsts[p.Lang]
		if first == nil {
			if m, ok := titleMaps.Get().(map[string]*Page); ok {
				first = m
			} else {
				first = make(map[string]*Page, len(r.pages)/max(1, len(r.site.Languages)))
			}
			firsts[p.Lang] = first
		}
		if other := first[title]; other != nil {
			r.reportSame(DuplicateTitle, p.FrontMatter.Pos, p.Title, other.File, func() (hint, msg string, args []any) {
				hint = "give each page a title of its own, so that people can tell them apart in lists and search results"
				msg = "the title %q is also the title of %s"
				return hint, msg, []any{p.Title, other.File}
			})
			continue
		}
		first[title] = p
	}
}

// englishNames are the English names of the languages a Vietnamese public
// site is likeliest to have, by ISO 639-1 code. A message names a
// language by them, not by the name site.yaml gives it in its own
// language ("Tiếng Việt"), so that the catalogues can put it in the
// reader's language (locale's viWords: "English" is "tiếng Anh").
var englishNames = map[string]string{
	"en": "English", "vi": "Vietnamese", "zh": "Chinese", "fr": "French",
	"ko": "Korean", "ja": "Japanese", "lo": "Lao", "km": "Khmer",
}

// languageName is lang's name for a message: its English name when
// englishNames has it, else the name site.yaml gives it.
func languageName(lang config.Language) string {
	if n, ok := englishNames[lang.Code]; ok {
		return n
	}
	return lang.Name
}

// translationFile is the name of the file that holds the lang version of
// the page read from file, whose language is own: "tin.vi.md" and
// "tin.md" (the site's first language) give "tin.en.md" for "en".
func translationFile(file, own, lang string) string {
	base := path.Base(file)
	if stem, ok := strings.CutSuffix(base, "."+own+".md"); ok {
		return stem + "." + lang + ".md"
	}
	return strings.TrimSuffix(base, ".md") + "." + lang + ".md"
}
