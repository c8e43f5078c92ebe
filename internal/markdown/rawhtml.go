package markdown

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// rawTags collects the HTML tags of a body that safe mode leaves out, so
// that each is reported once per page, at its first place.
type rawTags struct {
	order []string
	first map[string]int    // tag → byte offset of its first use
	count map[string]int    // tag → uses
	src   map[string]string // tag → its first opening tag as written
}

// tagPattern finds opening HTML tags: "<b>", "<iframe src=…>", "<br/>".
// Closing tags, comments and declarations do not match.
var tagPattern = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>?`)

// add records the opening tags in s, which starts at byte offset off.
func (r *rawTags) add(s string, off int) {
	for _, m := range tagPattern.FindAllStringSubmatchIndex(s, -1) {
		name := strings.ToLower(s[m[2]:m[3]])
		if r.first == nil {
			r.first, r.count, r.src = map[string]int{}, map[string]int{}, map[string]string{}
		}
		if _, seen := r.first[name]; !seen {
			r.order = append(r.order, name)
			r.first[name] = off + m[0]
			r.src[name] = s[m[0]:m[1]]
		}
		r.count[name]++
	}
}

// addNode records the tags of an inline RawHTML or an HTMLBlock.
func (r *rawTags) addNode(n ast.Node, body []byte) {
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			r.add(string(seg.Value(body)), seg.Start)
		}
	case *ast.HTMLBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			r.add(string(seg.Value(body)), seg.Start)
		}
		if n.HasClosure() {
			seg := n.ClosureLine
			r.add(string(seg.Value(body)), seg.Start)
		}
	}
}

// problems returns one warning per tag left out.
func (r *rawTags) problems() []Problem {
	var out []Problem
	for _, name := range r.order {
		msg := fmt.Sprintf("the HTML tag <%s> is left out of the page: HTML pasted into the text is not published", name)
		if n := r.count[name]; n > 1 {
			msg += fmt.Sprintf(" (used %d times on this page)", n)
		}
		out = append(out, Problem{Offset: r.first[name], Warning: true, Message: msg, Hint: tagHint(name, r.src[name])})
	}
	return out
}

// youTubeEmbed finds a YouTube video id in an embed's address.
var youTubeEmbed = regexp.MustCompile(`youtube(?:-nocookie)?\.com/embed/([A-Za-z0-9_-]+)`)

// tagHint says what to write instead of an HTML tag, in Markdown.
func tagHint(name, tag string) string {
	var hint string
	switch name {
	case "b", "strong":
		hint = "write **bold** instead: two stars on each side of the words"
	case "i", "em":
		hint = "write *italic* instead: one star on each side of the words"
	case "br":
		hint = `for a new line, end the line with a backslash (\); for a new paragraph, leave an empty line`
	case "p", "div":
		hint = "leave an empty line between paragraphs instead"
	case "a":
		hint = "write links as [the words to click](https://address)"
	case "img":
		hint = "save the image beside the page and write ![what the image shows](file-name.jpg)"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		hint = "write headings as a line starting with ## and a space: ## Heading"
	case "table", "tr", "td", "th", "tbody", "thead":
		hint = "write tables in Markdown: a line | Column 1 | Column 2 |, a line |---|---|, then one line per row"
	case "ul", "ol", "li":
		hint = "write lists as lines starting with - (or 1. for a numbered list)"
	case "iframe", "embed", "object", "video", "audio", "script", "form", "input", "style", "link":
		if m := youTubeEmbed.FindStringSubmatch(tag); m != nil {
			hint = fmt.Sprintf("embedded videos, maps and forms are not allowed on this site (they would let another website follow visitors): link to it instead, e.g. [Xem video](https://www.youtube.com/watch?v=%s)", m[1])
		} else {
			hint = "embedded videos, maps, forms and scripts are not allowed on this site (they would let another website follow visitors): link to it instead, e.g. [Xem video](https://…)"
		}
	default:
		hint = "write the text without the tag; use **bold** to stress words"
	}
	return hint
}

// dangerousScheme returns the scheme of a link that would run code or
// carry a whole file in its address ("javascript", "vbscript", "data"),
// or "" for any other link. Browsers ignore case, spaces and control
// characters before the colon, and so does this.
func dangerousScheme(dest string) string {
	d := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, dest)
	scheme, _, ok := strings.Cut(d, ":")
	if !ok {
		return ""
	}
	switch s := strings.ToLower(scheme); s {
	case "javascript", "vbscript", "data":
		return s
	}
	return ""
}
