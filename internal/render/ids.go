package render

import (
	"bytes"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"text/template/parse"

	"github.com/loa-ssg/loa/internal/content"
)

// ReservedIDs returns the IDs that the layout of p writes literally
// (id="main", id="exit-status"), sorted: a heading of p must not take one
// of them, or the page would have that id twice. IDs only other layouts
// write (id="sources" on a directory entry) stay free for p's headings.
func (r *Renderer) ReservedIDs(p *content.Page) []string {
	layout, err := r.Layout(p)
	if err != nil {
		return nil
	}
	return r.ids[layout]
}

// literalID matches an id attribute whose value has no template action.
var literalID = regexp.MustCompile(`\sid\s*=\s*(?:"([^"{}]+)"|'([^'{}]+)')`)

// layoutIDs returns the IDs written literally in the text of the templates
// that executing t's base layout reaches ({{template}} and {{block}}
// calls, and string arguments that name a template, as View.Cached takes:
// {{.Cached "exit-bar"}}; each followed once), sorted. IDs made by template actions
// (id="az-{{$i}}") are not known here: the check for duplicate IDs on
// each built page catches a clash with them. It must run before t is
// first executed (html/template rewrites the trees then).
func layoutIDs(t *template.Template) []string {
	ids := map[string]bool{}
	walkLayout(t, func(n *parse.TextNode) {
		for _, m := range literalID.FindAllSubmatch(n.Text, -1) {
			ids[string(m[1])+string(m[2])] = true
		}
	}, nil)
	return slices.Sorted(maps.Keys(ids))
}

// walkLayout walks the parse trees that executing t's base layout
// reaches: {{template}} and {{block}} calls, and string arguments that
// name a template, as View.Cached takes ({{.Cached "exit-bar"}}, also
// within parentheses), each template once. It calls text (when not nil) for every text node and
// pipe (when not nil) for every pipeline of an action, if, range, with
// or template call. It reports false when t has no base layout. It must
// run before t is first executed (html/template rewrites the trees then).
func walkLayout(t *template.Template, text func(*parse.TextNode), pipe func(*parse.PipeNode)) bool {
	visited := map[string]bool{baseName: true}
	var walk func(n parse.Node)
	visit := func(name string) {
		if visited[name] {
			return
		}
		visited[name] = true
		if u := t.Lookup(name); u != nil && u.Tree != nil {
			walk(u.Tree.Root)
		}
	}
	// follow follows the string arguments that name a template, as in
	// {{.Cached "exit-bar"}}, which executes it, in p and the pipelines
	// in parentheses within it.
	var follow func(p *parse.PipeNode)
	follow = func(p *parse.PipeNode) {
		for _, c := range p.Cmds {
			for _, a := range c.Args {
				if c, ok := a.(*parse.ChainNode); ok {
					a = c.Node
				}
				switch a := a.(type) {
				case *parse.StringNode:
					if t.Lookup(a.Text) != nil {
						visit(a.Text)
					}
				case *parse.PipeNode:
					follow(a)
				}
			}
		}
	}
	// pipeline gives p to pipe, then follows the templates it names.
	pipeline := func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		if pipe != nil {
			pipe(p)
		}
		follow(p)
	}
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.TextNode:
			if text != nil {
				text(n)
			}
		case *parse.ActionNode:
			pipeline(n.Pipe)
		case *parse.IfNode:
			pipeline(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			pipeline(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			pipeline(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			pipeline(n.Pipe)
			visit(n.Name)
		}
	}
	b := t.Lookup(baseName)
	if b == nil || b.Tree == nil {
		return false
	}
	walk(b.Tree.Root)
	return true
}

// DuplicateIDs returns the values of id attributes that html (a rendered
// page) has more than once, each once, in the order of their second
// appearance. HTML requires an element's id to be unique in its document
// (HTML Living Standard, "The id attribute"); a second one breaks links to
// #id, aria-labelledby and the skip link. Comments and the text of script,
// style, textarea and title elements are skipped.
func DuplicateIDs(html []byte) []string {
	seen := map[string]int{}
	var dup []string
	i := 0
	for i < len(html) {
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if bytes.HasPrefix(html[i:], []byte("!--")) {
			k := bytes.Index(html[i+3:], []byte("-->"))
			if k < 0 {
				break
			}
			i += 3 + k + 3
			continue
		}
		if i >= len(html) || !isASCIILetter(html[i]) {
			continue
		}
		start := i
		for i < len(html) && !isTagEnd(html[i]) {
			i++
		}
		name := html[start:i]
		i = eachAttribute(html, i, func(attr, value []byte) {
			if len(attr) != 2 || !bytes.EqualFold(attr, []byte("id")) {
				return
			}
			v := string(value)
			if seen[v]++; seen[v] == 2 {
				dup = append(dup, v)
			}
		})
		if text := rawText(name); text != "" {
			end := indexEndTag(html[i:], text)
			if end < 0 {
				return dup
			}
			i += end
		}
	}
	return dup
}

// rawText returns the lower-case name of an element whose content is text
// with no tags (script, style, textarea, title) when name (as written) is
// one of them, in any case of its ASCII letters; "" otherwise. It makes no
// string: it runs for every tag of every page.
func rawText(name []byte) string {
	for _, s := range [...]string{"script", "style", "textarea", "title"} {
		if len(name) == len(s) && asciiEqualFold(name, s) {
			return s
		}
	}
	return ""
}

// indexEndTag returns the offset in html of the first "</" followed by
// name (lower-case ASCII) in any case, or -1. It compares in place: a page
// has a few such elements, and lower-casing the rest of the page for each
// cost more than the rest of the scan.
func indexEndTag(html []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(html[i:], []byte("</"))
		if j < 0 {
			return -1
		}
		i += j
		if rest := html[i+2:]; len(rest) >= len(name) && asciiEqualFold(rest[:len(name)], name) {
			return i
		}
		i += 2
	}
}

// asciiEqualFold reports whether b equals the lower-case ASCII s, ignoring
// the case of ASCII letters in b.
func asciiEqualFold(b []byte, s string) bool {
	for k := range len(s) {
		c := b[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[k] {
			return false
		}
	}
	return true
}

// eachAttribute reads the attributes of a start tag from html[i:] up to
// its ">", calls f with each name (as written) and its value, and returns
// the offset after the ">".
func eachAttribute(html []byte, i int, f func(name, value []byte)) int {
	for i < len(html) {
		for i < len(html) && (isSpace(html[i]) || html[i] == '/') {
			i++
		}
		if i >= len(html) || html[i] == '>' {
			return i + 1
		}
		start := i
		for i < len(html) && !isTagEnd(html[i]) && html[i] != '=' {
			i++
		}
		name := html[start:i]
		for i < len(html) && isSpace(html[i]) {
			i++
		}
		if i >= len(html) || html[i] != '=' {
			f(name, nil)
			continue
		}
		i++
		for i < len(html) && isSpace(html[i]) {
			i++
		}
		var value []byte
		if i < len(html) && (html[i] == '"' || html[i] == '\'') {
			q := html[i]
			end := bytes.IndexByte(html[i+1:], q)
			if end < 0 {
				return len(html)
			}
			value = html[i+1 : i+1+end]
			i += end + 2
		} else {
			start := i
			for i < len(html) && !isSpace(html[i]) && html[i] != '>' {
				i++
			}
			value = html[start:i]
		}
		f(name, value)
	}
	return i
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isTagEnd(c byte) bool { return isSpace(c) || c == '>' || c == '/' }
