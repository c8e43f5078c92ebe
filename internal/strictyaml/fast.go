package strictyaml

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/textfile"
)

// The fast path reads the front matter nearly every page has — "key: value"
// lines at the left margin, each value plain (title: Kế hoạch) or in
// double quotes without escapes, a list in [brackets] on its line or as
// "- item" lines under its key, comments and blank lines — straight into
// the struct, without building yaml.v3's tree (about 85 µs a page; the
// fast path takes a few). It answers only for text it understands
// entirely and that decodes without a single problem, into fields of the
// kinds it knows (string, bool, int, []string, Scalar, Scalars), and then
// gives exactly what the full path gives: the same values and the same
// positions (FuzzFastPath holds it to that). For anything else —
// a problem to report, a tab, an escape, a value over two lines, a nested
// mapping, an anchor, a number yaml.v3 reads in another base — it
// declines before touching v, and Decode takes the full path, which
// reports the problems.

var (
	scalarType      = reflect.TypeFor[Scalar]()
	scalarsType     = reflect.TypeFor[Scalars]()
	stringType      = reflect.TypeFor[string]()
	stringsType     = reflect.TypeFor[[]string]()
	boolType        = reflect.TypeFor[bool]()
	intType         = reflect.TypeFor[int]()
	unmarshalerType = reflect.TypeFor[Unmarshaler]()
)

// fastValue is one scalar as the fast path read it.
type fastValue struct {
	text      string // plain: as written, without trailing spaces; quoted: between the quotes
	line, col int    // where it starts, 1-based (col in characters), in src.Text
	quoted    bool
}

// null reports whether v is YAML's null: written as ~, null, Null or NULL
// unquoted (an empty value has no fastValue).
func (v fastValue) null() bool {
	if v.quoted {
		return false
	}
	switch v.text {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// fastEntry is one key of the mapping and its value.
type fastEntry struct {
	field     int  // the struct field's index
	key       int  // the key's line
	line, col int  // where the value starts: the value node's position
	empty     bool // nothing after the colon: null, or a "- " list on the lines below
	list      bool // a list: items holds its values
	scalar    fastValue
	items     []fastValue
}

// decodeFast decodes src into the struct v points to when the fast path
// understands src entirely (see above) and reports whether it did; when
// it did not, v is untouched.
func decodeFast(src Source, v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return false
	}
	rv = rv.Elem()
	if reflect.PointerTo(rv.Type()).Implements(unmarshalerType) || !fastText(src.Text) {
		return false
	}
	info := fieldsOf(rv.Type())
	var buf [16]fastEntry
	entries, ok := fastParse(src.Text, info, buf[:0])
	if !ok || len(entries) == 0 {
		return false
	}
	for i := range entries {
		if !entries[i].store(rv.Field(entries[i].field), nil) {
			return false
		}
	}
	// Understood, and fits: store.
	at := func(line, col int) diag.Position {
		return diag.Position{File: src.File, Line: line + src.LineOffset, Col: col}
	}
	if info.pos >= 0 {
		*rv.Field(info.pos).Addr().Interface().(*diag.Position) = at(entries[0].key, 1) // the mapping starts at its first key
	}
	for i := range entries {
		entries[i].store(rv.Field(entries[i].field), at)
	}
	if info.written >= 0 {
		written := make(Positions, len(entries))
		for i := range entries {
			written[i] = KeyPosition{info.keys[entries[i].field], at(entries[i].line, entries[i].col)}
		}
		*rv.Field(info.written).Addr().Interface().(*Positions) = written
	}
	return true
}

// fastText reports whether text holds only characters the fast path may
// read as they are: printable ASCII, line feeds, and the characters YAML
// prints that are not line breaks (U+2028, U+2029), a BOM, or Forbidden.
func fastText(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size <= 1 || r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || textfile.Forbidden(r) {
			return false
		}
		i += size
	}
	return true
}

// fastParse cuts text into its entries, appended to entries; ok is false
// when text is not of the simple shape, or a key is unknown or repeated.
func fastParse(text []byte, info *structInfo, entries []fastEntry) (_ []fastEntry, ok bool) {
	open := -1        // the index of the last entry, when its value is empty: "- " items may follow
	indent := -1      // the indentation of open's "- " items
	seen := uint64(0) // field indices seen, below 64
	for line, rest := 1, string(text); rest != ""; line++ {
		l, next, _ := strings.Cut(rest, "\n")
		rest = next
		n := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case n == len(l) || l[n] == '#':
			continue // blank, or a comment
		case l[n] == '-' && (n+1 == len(l) || l[n+1] == ' '):
			// "- item" under the open key, all at one indentation.
			if open < 0 || indent >= 0 && n != indent {
				return entries, false
			}
			indent = n
			value := strings.TrimLeft(l[n+1:], " ")
			if value == "" || value[0] == '#' {
				return entries, false // a null item: declined
			}
			v, ok := fastScalar(l, len(l)-len(value), line)
			if !ok || v.null() {
				return entries, false
			}
			e := &entries[open]
			if !e.list {
				e.list, e.empty, e.line, e.col = true, false, line, n+1
			}
			e.items = append(e.items, v)
		case n > 0:
			return entries, false // a value over two lines, or a nested mapping
		default:
			key, _, _ := strings.Cut(l, ":")
			idx, known := info.fields[key]
			if !known || idx >= 64 || seen&(1<<idx) != 0 {
				return entries, false // unknown, or repeated
			}
			seen |= 1 << idx
			e, ok := keyLine(l, line, idx)
			if !ok {
				return entries, false
			}
			open, indent = -1, -1
			if e.empty {
				open = len(entries)
			}
			entries = append(entries, e)
		}
	}
	return entries, true
}

// keyLine reads line l, number line, a "key: value" line whose key is
// that of field idx.
func keyLine(l string, line, idx int) (e fastEntry, ok bool) {
	key, after, found := strings.Cut(l, ":")
	if !found || !plainKey(key) || after != "" && after[0] != ' ' {
		return e, false
	}
	e = fastEntry{field: idx, key: line, line: line}
	value := strings.TrimLeft(after, " ")
	at := len(l) - len(value) // the value's byte offset
	switch {
	case value == "" || value[0] == '#':
		e.col, e.empty = len(key)+2, true // just after the colon, as yaml.v3 places a null
	case value[0] == '[':
		e.items, ok = fastFlow(l, at, line)
		e.list, e.col = true, utf8.RuneCountInString(l[:at])+1
		return e, ok
	default:
		e.scalar, ok = fastScalar(l, at, line)
		e.col = e.scalar.col
		return e, ok
	}
	return e, true
}

// plainKey reports whether key is written in lower-case ASCII letters,
// digits and underscores, as yaml.v3 reads a plain key as it is.
func plainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// indicators are the characters a plain value may not start with.
const indicators = "-?:,[]{}#&*!|>'\"%@`"

// fastScalar reads the value that starts at byte i of line l (not a
// space) and fills the rest of the line, but for spaces and a comment: a
// plain value, or a value in double quotes without escapes. ok is false
// for any other shape.
func fastScalar(l string, i, line int) (v fastValue, ok bool) {
	v.line, v.col = line, utf8.RuneCountInString(l[:i])+1
	if l[i] == '"' {
		end, ok := v.quotedAt(l, i)
		return v, ok && restIsComment(l, end)
	}
	if strings.IndexByte(indicators, l[i]) >= 0 {
		return v, false
	}
	text := l[i:]
	if c := strings.Index(text, " #"); c >= 0 {
		text = text[:c]
	}
	text = strings.TrimRight(text, " ")
	if strings.Contains(text, ": ") || strings.HasSuffix(text, ":") {
		return v, false // yaml.v3: "mapping values are not allowed"
	}
	v.text = text
	return v, true
}

// quotedAt reads into v the value in double quotes whose opening quote is
// at byte i of l, and returns the byte offset after its closing quote;
// ok is false when the quote is not closed on the line or the value
// holds an escape.
func (v *fastValue) quotedAt(l string, i int) (end int, ok bool) {
	j := strings.IndexByte(l[i+1:], '"')
	if j < 0 || strings.IndexByte(l[i+1:i+1+j], '\\') >= 0 {
		return 0, false
	}
	v.text, v.quoted = l[i+1:i+1+j], true
	return i + 1 + j + 1, true
}

// restIsComment reports whether l from byte i holds only spaces, or
// spaces and then a comment.
func restIsComment(l string, i int) bool {
	j := i
	for j < len(l) && l[j] == ' ' {
		j++
	}
	return j == len(l) || l[j] == '#' && j > i
}

// fastFlow reads the list in brackets whose "[" is at byte at of line l
// and that fills the rest of the line, but for spaces and a comment. Its
// items are plain values holding none of ,[]{}#:?"' or values in double
// quotes without escapes; ok is false for any other shape, an empty or
// null item among them.
func fastFlow(l string, at, line int) (items []fastValue, ok bool) {
	i := skipSpaces(l, at+1)
	if i < len(l) && l[i] == ']' {
		return nil, restIsComment(l, i+1)
	}
	for {
		if i == len(l) {
			return nil, false
		}
		v := fastValue{line: line, col: utf8.RuneCountInString(l[:i]) + 1}
		if l[i] == '"' {
			if i, ok = v.quotedAt(l, i); !ok {
				return nil, false
			}
		} else {
			j := i + strings.IndexAny(l[i:], ",]")
			if j < i || strings.IndexByte(indicators, l[i]) >= 0 {
				return nil, false
			}
			v.text = strings.TrimRight(l[i:j], " ")
			if strings.ContainsAny(v.text, "[]{}#:?\"'") || v.null() {
				return nil, false
			}
			i = j
		}
		items = append(items, v)
		i = skipSpaces(l, i)
		switch {
		case i < len(l) && l[i] == ']':
			return items, restIsComment(l, i+1)
		case i < len(l) && l[i] == ',':
			i = skipSpaces(l, i+1)
			if i < len(l) && (l[i] == ']' || l[i] == ',') {
				return nil, false // an empty item, or a comma before the "]"
			}
		default:
			return nil, false
		}
	}
}

// skipSpaces returns the offset of the first byte at or after i in l that
// is not a space.
func skipSpaces(l string, i int) int {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i
}

// store checks that e's value fits field f and, when at is not nil,
// stores it there (at makes a position in src of a line and column in
// its Text). It reports false when the value does not fit the field
// (the full path would report a problem) or the field is of a kind the
// fast path does not know.
func (e *fastEntry) store(f reflect.Value, at func(line, col int) diag.Position) bool {
	set := at != nil
	null := e.empty || !e.list && e.scalar.null()
	switch f.Type() {
	case scalarType:
		if e.list {
			return false
		}
		if set {
			s := f.Addr().Interface().(*Scalar)
			s.Pos = at(e.line, e.col)
			if !null {
				s.Value = e.scalar.text
			}
		}
	case scalarsType:
		if !set || null {
			return true
		}
		vs := e.items
		if !e.list {
			vs = []fastValue{e.scalar}
		}
		if len(vs) == 0 {
			return true // [] is no list, as on the full path
		}
		ss := make(Scalars, len(vs))
		for i, v := range vs {
			ss[i] = Scalar{Value: v.text, Pos: at(v.line, v.col)}
		}
		*f.Addr().Interface().(*Scalars) = ss
	case stringType:
		if e.list {
			return false
		}
		if set && !null {
			f.SetString(e.scalar.text)
		}
	case boolType:
		if null {
			return true
		}
		if e.list || e.scalar.quoted {
			return false
		}
		b, ok := vietnameseBool(e.scalar.text)
		switch e.scalar.text {
		case "true", "True", "TRUE":
			b, ok = true, true
		case "false", "False", "FALSE":
			b, ok = false, true
		}
		if !ok {
			return false
		}
		if set {
			f.SetBool(b)
		}
	case intType:
		if null {
			return true
		}
		if e.list || e.scalar.quoted || !plainDecimal(e.scalar.text) {
			return false
		}
		if set {
			n, _ := strconv.Atoi(e.scalar.text)
			f.SetInt(int64(n))
		}
	case stringsType:
		if null {
			return true
		}
		if !e.list {
			return false
		}
		if set {
			s := make([]string, len(e.items))
			for i, v := range e.items {
				s[i] = v.text
			}
			*f.Addr().Interface().(*[]string) = s
		}
	default:
		return false
	}
	return true
}

// plainDecimal reports whether s is a whole number yaml.v3 reads in base
// 10 as it is: 0, or up to 18 digits without a leading zero (0777 is
// octal to yaml.v3).
func plainDecimal(s string) bool {
	if s == "0" {
		return true
	}
	if s == "" || len(s) > 18 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
