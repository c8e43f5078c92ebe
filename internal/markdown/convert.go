package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/phone"
	"github.com/loa-ssg/loa/internal/textfile"
)

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int    // 2–6 (the page title is the only level 1)
	ID    string // the id attribute, "muc-tieu"
	Text  string // plain text
	// Offset is the byte offset in the body of the start of the line the
	// heading's text begins on, or -1 for a heading with no text.
	Offset int
}

// Problem is something wrong in the Markdown, at byte Offset in the body.
type Problem struct {
	Offset int
	// Span is how many characters from Offset to underline (a link up
	// to the end of its destination), 0 when only where it begins is
	// known.
	Span    int
	Message string
	Hint    string
	Warning bool // a warning does not fail the build
}

// Result is a converted body.
type Result struct {
	HTML    []byte
	TOC     []Heading
	Summary string // plain text of the first paragraph
	Text    string // plain text of the whole body, for the search index; "\n" between blocks
	Links   []Link // every link and image, in order
	// Numbers are the phone-like numbers left as plain text (see
	// Options.Phones), for the unlinked-phone check.
	Numbers  []Number
	Problems []Problem
}

// Link is a link or image in the body, for checks that look across pages.
type Link struct {
	Offset int    // byte offset of its "[" (or "!") in the body
	Dest   string // the destination as written
	URL    string // the destination as published (after the Resolver)
	Image  bool
	Alt    string // an image's alternative text
}

// Resolver rewrites a relative link destination as written in Markdown
// ("../plan/164-kh-ubnd/index.vi.md#muc-tieu") to the URL to publish. It
// returns the destination unchanged for links it does not handle, and an
// error in plain words for a destination that cannot be resolved; an error
// with a method Hint() string also says how to fix it. Links to web
// addresses ("https://…") reach it too, so that links to the site's own
// address can be checked; it returns those of other websites unchanged.
// Other absolute URLs ("mailto:", "tel:") and "#fragment" links never
// reach it.
type Resolver func(dest string) (string, error)

// Converter converts Markdown bodies. It is not safe for concurrent use:
// give each goroutine its own.
type Converter struct {
	md     goldmark.Markdown
	buf    bytes.Buffer
	phones map[string]bool
	guard  *paragraphGuard
	unsafe bool // raw HTML is published (Options.UnsafeHTML)
	// out writes into buf: goldmark wraps a writer that is not buffered
	// in a bufio.Writer of its own, 4 KB for every page.
	out *bufio.Writer
}

// Options change loa's Markdown settings. The zero value is the default.
type Options struct {
	// UnsafeHTML passes raw HTML in Markdown through to the page. Off, raw
	// HTML is left out (goldmark's safe mode).
	UnsafeHTML bool
	// Phones are numbers, as their digits ("111", "02213862000"), that
	// become call links ("tel:") wherever a body's text shows them, written
	// with or without spaces, dots or hyphens between groups of digits:
	// the site's emergency and directory numbers.
	Phones []string
}

// New returns a Converter with loa's Markdown settings.
func New(opts Options) *Converter {
	rendererOpts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100),
		util.Prioritized(linkRenderer{unsafe: opts.UnsafeHTML}, 100))}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	guard := &paragraphGuard{}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, linkify,
			extension.TaskList, extension.Footnote),
		goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(guard, 1000))),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md, phones: PhoneSet(opts.Phones), guard: guard, unsafe: opts.UnsafeHTML}
}

// Hooks connect a conversion to the site being built. Any may be nil.
type Hooks struct {
	Resolve Resolver
	// ImageSize returns the size in pixels of the image published at url,
	// and ok=false when it is not known. Known sizes become width and
	// height attributes, so that the page does not jump as images load.
	ImageSize func(url string) (width, height int, ok bool)
	// LinkLang returns the language of the page a link goes to, given the
	// URL the Resolver returned, or "" when that is the page's own
	// language or not known. A link to a page in another language gets
	// hreflang (HTML: the hreflang attribute), so that browsers and
	// assistive technology know the page it opens is in that language. It
	// gets no lang: the link's own words are the author's, usually in the
	// page's language ("tiếng Anh"), and lang would have a screen reader
	// read them in the other language's voice (WCAG 3.1.2).
	LinkLang func(url string) string
	// ReservedIDs are the id attributes the page's layout uses itself
	// ("main", "exit-status"): a heading whose ID would be one of them gets
	// a suffix ("## Main" → "main-1"), so that no page has an id twice.
	ReservedIDs []string
	// Srcset returns the srcset and sizes attributes of the image
	// published at url (smaller copies for phones), and ok=false when it
	// has none.
	Srcset func(url string) (srcset, sizes string, ok bool)
}

// Convert converts body with resolve as the only hook; see ConvertWith.
func (c *Converter) Convert(body []byte, resolve Resolver) Result {
	return c.ConvertWith(body, Hooks{Resolve: resolve})
}

// ConvertWith converts body. Every image after the first gets
// loading="lazy" (the first is likely above the fold). Numbers of
// Options.Phones in text become call links, and every "tel:" link gets the
// class CallClass. The returned HTML is a fresh slice the caller may keep.
// body is text as textfile.Normalize returns it (UTF-8, no forbidden
// character): a character reference that writes a forbidden character is
// then a Problem, and nothing else in the HTML can be one.
// A body of a shape that goldmark would take far more than linear time on
// (see guard.go) is not converted: the Result then holds only a Problem
// that says why.
func (c *Converter) ConvertWith(body []byte, hooks Hooks) Result {
	var res Result
	if p := guard(body); p != nil {
		res.Problems = append(res.Problems, *p)
		return res
	}
	resolve := hooks.Resolve
	images := 0
	var raw rawTags
	var ids fold.IDs
	for _, id := range hooks.ReservedIDs {
		ids.Put(id)
	}
	c.guard.reset(len(body))
	doc := c.md.Parser().Parse(text.NewReader(body))
	if p := c.guard.problem; p != nil {
		res.Problems = append(res.Problems, *p)
		return res
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				n.Level = 2
				res.Problems = append(res.Problems, Problem{Offset: blockOffset(n), Warning: true,
					Message: "a level-1 heading (#) in the body: the page title is the only h1, so it is shown as level 2",
					Hint:    "start headings in the body at ##"})
			}
			// The ID comes from the text a reader sees: not from link
			// destinations or footnote labels, which goldmark's own IDs
			// take from the heading's source line.
			txt := plainText(n, body)
			id := ids.Generate(txt)
			n.SetAttributeString("id", []byte(id))
			res.TOC = append(res.TOC, Heading{Level: n.Level, ID: id, Text: txt, Offset: lineStart(n, body)})
		case *ast.Paragraph:
			if res.Summary == "" {
				res.Summary = plainText(n, body)
			}
		case *ast.Link:
			dest := string(n.Destination)
			if strings.HasPrefix(dest, "tel:") {
				n.SetAttributeString("class", []byte(CallClass))
			}
			n.Destination = c.link(n, n.Destination, body, resolve, &res)
			if hooks.LinkLang != nil {
				if lang := hooks.LinkLang(string(n.Destination)); lang != "" {
					n.SetAttributeString("hreflang", []byte(lang))
				}
			}
			res.Links = append(res.Links, Link{Offset: inlineOffset(n, body), Dest: dest, URL: string(n.Destination)})
		case *ast.Image:
			dest := string(n.Destination)
			n.Destination = c.link(n, n.Destination, body, resolve, &res)
			if hooks.ImageSize != nil {
				if w, h, ok := hooks.ImageSize(string(n.Destination)); ok {
					n.SetAttributeString("width", []byte(strconv.Itoa(w)))
					n.SetAttributeString("height", []byte(strconv.Itoa(h)))
				}
			}
			if hooks.Srcset != nil {
				if set, sizes, ok := hooks.Srcset(string(n.Destination)); ok {
					n.SetAttributeString("srcset", []byte(set))
					n.SetAttributeString("sizes", []byte(sizes))
				}
			}
			if images++; images > 1 {
				n.SetAttributeString("loading", []byte("lazy"))
			}
			res.Links = append(res.Links, Link{Offset: inlineOffset(n, body), Dest: dest, URL: string(n.Destination),
				Image: true, Alt: plainText(n, body)})
		case *ast.RawHTML, *ast.HTMLBlock:
			if !c.unsafe {
				raw.addNode(n, body)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
			}
		}
		return ast.WalkContinue, nil
	})
	res.Numbers = linkPhones(doc, body, c.phones)
	res.Problems = append(res.Problems, raw.problems()...)
	c.buf.Reset()
	if c.out == nil {
		c.out = bufio.NewWriter(&c.buf)
	}
	c.out.Reset(&c.buf)
	if err := c.md.Renderer().Render(c.out, body, doc); err != nil {
		res.Problems = append(res.Problems, Problem{Message: "the Markdown could not be converted: " + err.Error()})
	}
	res.HTML = bytes.Clone(c.buf.Bytes())
	// The body itself holds no forbidden character (textfile refused
	// it): only a character reference, which starts with "&", can write
	// one, and most pages have no "&" to scan their HTML for.
	if bytes.IndexByte(body, '&') >= 0 {
		if off, r := textfile.FindForbidden(res.HTML); off >= 0 {
			res.Problems = append(res.Problems, Problem{Offset: charRefOffset(doc, body, r),
				Message: fmt.Sprintf("this character reference writes the invisible character U+%04X, which a web page cannot contain", r),
				Hint:    "remove the &#…; reference"})
		}
	}
	res.Text = plainText(doc, body)
	return res
}

func (c *Converter) link(n ast.Node, dest []byte, body []byte, resolve Resolver, res *Result) []byte {
	d := string(dest)
	if scheme := dangerousScheme(d); scheme != "" {
		res.Problems = append(res.Problems, Problem{Offset: inlineOffset(n, body),
			Message: fmt.Sprintf("a %s: link cannot be published: it would run code or hide a file in the address, so browsers and this site refuse it", scheme),
			Hint:    "link to a page or a file by its address (https://… or a file beside this page); save an image as a file beside the page"})
		return dest
	}
	if _, img := n.(*ast.Image); img && (strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:") || strings.HasPrefix(d, "//")) {
		res.Problems = append(res.Problems, Problem{Offset: inlineOffset(n, body),
			Message: fmt.Sprintf("the image %q would be loaded from another website, which the site never does", d),
			Hint:    "save the image in the page's bundle folder and link it by its file name"})
		return dest
	}
	if number, ok := strings.CutPrefix(d, "tel:"); ok {
		// A call link must reach a number that can exist (package phone
		// applies the Vietnamese numbering plan).
		if p := phone.Check(strings.ReplaceAll(number, "%20", " ")); p != nil {
			res.Problems = append(res.Problems, Problem{Offset: inlineOffset(n, body), Message: p.Text(), Hint: p.HintText()})
		}
		return dest
	}
	if isExternal(d) {
		web := strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:")
		if _, ok := n.(*ast.Link); ok && resolve != nil && web {
			// The resolver may know the address as the site's own.
			if out, err := resolve(d); err != nil || out != d {
				return c.resolved(n, dest, body, out, err, res)
			}
		}
		if _, ok := n.(*ast.Link); ok && (web || strings.HasPrefix(d, "//")) {
			n.SetAttributeString("rel", []byte("noopener noreferrer"))
		}
		return dest
	}
	if resolve == nil || d == "" || d[0] == '#' {
		return dest
	}
	out, err := resolve(d)
	return c.resolved(n, dest, body, out, err, res)
}

// resolved returns what a link's destination becomes after the resolver
// gave out or err: err is a problem and leaves dest as written.
func (c *Converter) resolved(n ast.Node, dest, body []byte, out string, err error, res *Result) []byte {
	if err != nil {
		pr := Problem{Offset: inlineOffset(n, body), Message: err.Error()}
		// Underline the link up to the end of its destination as
		// written (what to fix), when the link's line holds it so.
		line := body[pr.Offset:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if i := bytes.Index(line, []byte("]("+string(dest))); i >= 0 && len(dest) > 0 {
			pr.Span = utf8.RuneCount(line[:i+2+len(dest)])
		}
		if h, ok := err.(interface{ Hint() string }); ok {
			pr.Hint = h.Hint()
		}
		res.Problems = append(res.Problems, pr)
		return dest
	}
	return []byte(out)
}

var charRef = regexp.MustCompile(`&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));`)

// charRefOffset returns the offset in body of the first numeric character
// reference ("&#29;", "&#x1D;") in the text of doc (not in code, where it
// is shown as written) that writes r, or 0.
func charRefOffset(doc ast.Node, body []byte, r rune) int {
	off := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, code := n.(*ast.CodeSpan); code {
			return ast.WalkSkipChildren, nil
		}
		t, ok := n.(*ast.Text)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		seg := t.Segment.Value(body)
		for _, m := range charRef.FindAllSubmatchIndex(seg, -1) {
			var v int64
			if m[2] >= 0 {
				v, _ = strconv.ParseInt(string(seg[m[2]:m[3]]), 16, 64)
			} else {
				v, _ = strconv.ParseInt(string(seg[m[4]:m[5]]), 10, 64)
			}
			if v == int64(r) {
				off = t.Segment.Start + m[0]
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return off
}

// isExternal reports whether dest has a URL scheme ("https:", "mailto:",
// "tel:") or is protocol-relative ("//host").
func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	for i, r := range dest {
		switch {
		case r == ':':
			return i > 0
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return false
}

// inlineOffset finds where an inline node starts: goldmark records the
// "[" of a link and the "!" of an image; failing that, just before its
// first text, or the start of its block.
func inlineOffset(n ast.Node, body []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	var off = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start - 1
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return blockOffset(p)
		}
	}
	return 0
}

// lineStart returns the offset of the start of the line block n's first
// line is on, or -1 when n has no lines.
func lineStart(n ast.Node, body []byte) int {
	if lines := n.Lines(); lines == nil || lines.Len() == 0 {
		return -1
	}
	off := blockOffset(n)
	return bytes.LastIndexByte(body[:off], '\n') + 1
}

func blockOffset(n ast.Node) int {
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	return 0
}

// plainText returns the text of n's inline content, without markup, with
// one "\n" between blocks (paragraphs, headings, list items).
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	if n.Kind() == ast.KindDocument {
		b.Grow(len(src)) // a page's text is shorter than its Markdown: one allocation, not a dozen
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			// A line break between blocks keeps the last word of one (a
			// heading, say) apart from the next, and tells the search
			// index where a snippet may start (search.Doc.Text).
			b.WriteByte('\n')
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
