package markdown

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// CallClass is the class of a call link in a body: a Markdown link to a
// "tel:" URL, and a known number that became one (Options.Phones). The
// stylesheet makes it a visibly tappable control of at least 44×44 CSS
// pixels (WCAG 2.2, 2.5.5 Target Size).
const CallClass = "call-inline"

// Number is a phone-like number in a body's text that is not a call link:
// one that Options.Phones does not know, written without a link.
type Number struct {
	Offset int    // byte offset of its first character in the body
	Text   string // as written, "0221 3862 000"
	Dial   string // its digits, "02213862000", for the suggested tel: link
}

// Digits returns the digits of a number as written ("0221.3862.000" →
// "02213862000"); "+84" at the start becomes "0", the way it is dialled
// inside Vietnam.
func Digits(s string) string {
	var b strings.Builder
	if rest, ok := strings.CutPrefix(strings.TrimSpace(s), "+84"); ok {
		b.WriteByte('0')
		s = rest
	}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PhoneLike reports whether digits (as Digits returns them) have the shape
// of a Vietnamese phone number that someone would call: a 10-digit mobile
// or 11-digit landline starting with 0 (Circular 22/2014/TT-BTTTT and its
// 2017 landline renumbering), or a 1800 (free) or 1900 (paid) number of 8
// or 10 digits. Three-digit national numbers (111, 113) are not phone-like
// on their own: in text they are as often article numbers; they become call
// links when they are emergency or directory numbers.
func PhoneLike(digits string) bool {
	switch n := len(digits); {
	case strings.HasPrefix(digits, "1800"), strings.HasPrefix(digits, "1900"):
		return n == 8 || n == 10
	case strings.HasPrefix(digits, "0"):
		return n == 10 || n == 11
	}
	return false
}

// PhoneLikePattern is PhoneLike as a regular expression of the digits,
// the same in RE2 and JavaScript (the search client makes such numbers
// call links in result snippets); it must match all of them.
const PhoneLikePattern = `0\d{9,10}|1[89]00(\d{4}|\d{6})`

// numberRun is a number found in text: bytes [start, end) of the text.
type numberRun struct{ start, end int }

// findNumbers returns the runs of s that read as one number: digit groups
// joined by single spaces, dots or hyphens ("0221 3862 000", "0221.3862.000"),
// optionally after "+84 ". A run must stand alone: not inside a word, a date
// ("02/11/2021"), a decimal ("1,5"), a document number ("164/KH-UBND") or a
// percentage.
func findNumbers(s string) []numberRun {
	var out []numberRun
	for i := 0; i < len(s); {
		c := s[i]
		if !isDigit(c) && !(c == '+' && strings.HasPrefix(s[i:], "+84")) {
			i++
			continue
		}
		start := i
		if c == '+' {
			i += 3
			if i < len(s) && (s[i] == ' ' || s[i] == '.' || s[i] == '-') && i+1 < len(s) && isDigit(s[i+1]) {
				i++
			}
		}
		end := i
		for i < len(s) {
			if isDigit(s[i]) {
				i++
				end = i
				continue
			}
			if (s[i] == ' ' || s[i] == '.' || s[i] == '-') && i+1 < len(s) && isDigit(s[i+1]) && end == i {
				i++
				continue
			}
			break
		}
		if end <= start || (c == '+' && end == start+3) {
			i = max(i, start+1)
			continue
		}
		if standsAlone(s, start, end) {
			out = append(out, numberRun{start, end})
		}
		i = max(end, start+1)
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// standsAlone reports whether s[start:end] is not part of a longer token:
// no letter, digit or joining mark right before it, and after it no letter,
// digit, "/", "%" or a "." or "," followed by a digit.
func standsAlone(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/_.,-+", r) {
			return false
		}
	}
	if end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/%_", r) {
			return false
		}
		if (r == '.' || r == ',' || r == '-') && end+n < len(s) && isDigit(s[end+n]) {
			return false
		}
	}
	return true
}

// linkPhones turns the numbers of phones found in doc's text into call
// links, and returns the phone-like numbers it left as text. Text inside
// links, images, code and headings is left alone (a heading is not a
// button; a link is already one).
func linkPhones(doc ast.Node, body []byte, phones map[string]bool) []Number {
	var groups [][]*ast.Text
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		switch n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.Heading,
			*ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return
		}
		// The parser may cut one run of text into several Text nodes
		// ("+84 912 345" and " 679"): adjacent ones are read together.
		var group []*ast.Text
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				if len(group) > 0 {
					groups, group = append(groups, group), nil
				}
				visit(c)
				continue
			}
			if len(group) > 0 {
				prev := group[len(group)-1]
				if prev.Segment.Stop != t.Segment.Start || prev.SoftLineBreak() || prev.HardLineBreak() || prev.IsRaw() || t.IsRaw() {
					groups, group = append(groups, group), nil
				}
			}
			group = append(group, t)
		}
		if len(group) > 0 {
			groups = append(groups, group)
		}
	}
	visit(doc)
	var unlinked []Number
	for _, g := range groups {
		first, last := g[0].Segment.Start, g[len(g)-1].Segment.Stop
		value := string(body[first:last])
		pos := 0 // bytes of value already moved into new nodes
		for _, r := range findNumbers(value) {
			written := value[r.start:r.end]
			digits := Digits(written)
			if !phones[digits] {
				if PhoneLike(digits) {
					unlinked = append(unlinked, Number{Offset: first + r.start, Text: strings.Clone(written), Dial: digits}) // not a part of value, which holds the whole run of text
				}
				continue
			}
			parent := g[0].Parent()
			if r.start > pos {
				parent.InsertBefore(parent, g[0], ast.NewTextSegment(text.NewSegment(first+pos, first+r.start)))
			}
			link := ast.NewLink()
			link.Destination = []byte("tel:" + digits)
			link.SetAttributeString("class", []byte(CallClass))
			link.AppendChild(link, ast.NewTextSegment(text.NewSegment(first+r.start, first+r.end)))
			parent.InsertBefore(parent, g[0], link)
			pos = r.end
		}
		if pos == 0 {
			continue
		}
		// The last node keeps the rest of the text and its line break.
		tail := g[len(g)-1]
		for _, t := range g[:len(g)-1] {
			t.Parent().RemoveChild(t.Parent(), t)
		}
		tail.Segment = text.NewSegment(first+pos, last)
	}
	return unlinked
}

// PhoneSet returns the set of digits of numbers (see Digits), for LinkText.
func PhoneSet(numbers []string) map[string]bool {
	set := map[string]bool{}
	for _, n := range numbers {
		if d := Digits(n); d != "" {
			set[d] = true
		}
	}
	return set
}

// LinkText returns plain text s (a directory description, say) as HTML:
// escaped, with the numbers of phones (digits, see PhoneSet) as call links
// of class CallClass, found as in a Markdown body.
func LinkText(s string, phones map[string]bool) string {
	var b strings.Builder
	pos := 0
	for _, r := range findNumbers(s) {
		digits := Digits(s[r.start:r.end])
		if !phones[digits] {
			continue
		}
		b.WriteString(html.EscapeString(s[pos:r.start]))
		b.WriteString(`<a href="tel:` + digits + `" class="` + CallClass + `">` + html.EscapeString(s[r.start:r.end]) + `</a>`)
		pos = r.end
	}
	b.WriteString(html.EscapeString(s[pos:]))
	return b.String()
}
