package render

import (
	"bytes"
	"strings"
)

// ReservedIDs returns the IDs the templates write literally (id="main",
// id="exit-status"), sorted: a heading must not take one of them, or the
// page would have that id twice.
func (r *Renderer) ReservedIDs() []string { return r.ids }

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
		name := strings.ToLower(string(html[start:i]))
		i = eachAttribute(html, i, func(attr, value []byte) {
			if len(attr) != 2 || !bytes.EqualFold(attr, []byte("id")) {
				return
			}
			v := string(value)
			if seen[v]++; seen[v] == 2 {
				dup = append(dup, v)
			}
		})
		switch name {
		case "script", "style", "textarea", "title":
			end := bytes.Index(bytes.ToLower(html[i:]), []byte("</"+name))
			if end < 0 {
				return dup
			}
			i += end
		}
	}
	return dup
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
