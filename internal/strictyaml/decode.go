package strictyaml

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/textfile"
)

// Unmarshaler is implemented by types that decode themselves from a YAML
// node and report problems as diagnostics. at gives the position of any
// node in the document being decoded.
type Unmarshaler interface {
	UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List
}

// Source is one YAML document to decode.
type Source struct {
	File string // path shown in diagnostics, slash-separated
	Text []byte // the YAML text; a BOM and CRLF line ends must already be gone
	// LineOffset is added to every line number: the number of lines in the
	// file before Text starts (1 for front matter after a "---" line).
	LineOffset int
	// Examples maps a key to an example of its value written the right
	// way ("- {days: [MO], opens: \"07:30\", closes: \"17:00\"}"), shown in
	// the hint when a value under that key has the wrong shape (text where
	// a list belongs). Optional.
	Examples map[string]string
	// Full makes Decode read Text by way of yaml.v3's tree even where its
	// fast path would answer (see fast.go): for tests that hold the two
	// paths to the same result. The result is the same either way.
	Full bool
}

var (
	positionType  = reflect.TypeFor[diag.Position]()
	positionsType = reflect.TypeFor[Positions]()
)

// structInfo is what decoding a mapping into a struct type needs of the
// type, worked out once per type (every page's front matter is one).
type structInfo struct {
	fields  map[string]int // key → field index
	known   []string       // the keys, in field order (for hints)
	keys    []string       // field index → its key ("" for none)
	pos     int            // the index of the field Pos of type diag.Position, or -1
	written int            // the index of the field of type Positions, or -1
}

// structInfos holds a *structInfo per reflect.Type.
var structInfos sync.Map

// fieldsOf returns the structInfo of the struct type t.
func fieldsOf(t reflect.Type) *structInfo {
	if info, ok := structInfos.Load(t); ok {
		return info.(*structInfo)
	}
	info := &structInfo{fields: map[string]int{}, keys: make([]string, t.NumField()), pos: -1, written: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == "Pos" && f.Type == positionType {
			info.pos = i
			continue
		}
		if f.Type == positionsType {
			info.written = i
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if key == "-" || !f.IsExported() {
			continue
		}
		if key == "" {
			key = strings.ToLower(f.Name)
		}
		info.fields[key] = i
		info.known = append(info.known, key)
		info.keys[i] = key
	}
	actual, _ := structInfos.LoadOrStore(t, info)
	return actual.(*structInfo)
}

// Positions lists each key of a mapping that was written with the
// position of its value, in the order written: [title 2:8, date 3:7]. A
// key not written has none. A struct field of this type, tagged
// `yaml:"-"`, is filled by Decode for the keys of that struct's mapping,
// so that a new key needs no position field of its own. A list rather
// than a map: every page's front matter keeps one from loading to the end
// of a build, and a map of its handful of keys costs about twice as much
// (issue 17).
type Positions []KeyPosition

// KeyPosition is where the value of the key Key was written.
type KeyPosition struct {
	Key string
	Pos diag.Position
}

// At returns where the value of key was written, or or when the key was
// not written (the position of the mapping, typically): the place for a
// diagnostic about that key.
func (p Positions) At(key string, or diag.Position) diag.Position {
	if pos, ok := p.Lookup(key); ok {
		return pos
	}
	return or
}

// Lookup returns where the value of key was written and whether it was.
func (p Positions) Lookup(key string) (diag.Position, bool) {
	for _, kp := range p {
		if kp.Key == key {
			return kp.Pos, true
		}
	}
	return diag.Position{}, false
}

// Decode parses src and stores it in the struct (or map) that v points to.
// A struct field named Pos of type diag.Position, tagged `yaml:"-"`, is set
// to the position of the mapping it was decoded from; a field of type
// Positions, tagged `yaml:"-"`, to where each key's value was written. Empty input leaves v
// untouched. The returned list holds every problem found; v may be partly
// filled when it is not empty. Text of the simple shape most front matter
// has is read without yaml.v3's tree, with the same result (fast.go).
func Decode(src Source, v any) diag.List {
	if !src.Full && decodeFast(src, v) {
		return nil
	}
	return decodeTree(src, v)
}

// decodeTree is Decode by way of yaml.v3's tree: the full path, for every
// text, and the only one that reports problems.
func decodeTree(src Source, v any) diag.List {
	var doc yaml.Node
	if err := yaml.Unmarshal(src.Text, &doc); err != nil {
		return diag.List{syntaxError(src, err)}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	d := decoder{src: src}
	d.forbidden(&doc)
	d.value(doc.Content[0], reflect.ValueOf(v).Elem(), "")
	return d.diags
}

// forbidden reports every key and value under n that holds a character
// no web page may hold (textfile.Forbidden), as YAML escapes can write
// them: "Tin\x1d một", "\u0085", "\0".
func (d *decoder) forbidden(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		if off, r := textfile.FindForbiddenString(n.Value); off >= 0 {
			d.diags.Add(diag.Errorf(Position(d.src, n), "the text %q holds the invisible character U+%04X, which a web page cannot contain",
				n.Value, r).WithHint("remove the escape that writes it (such as \\x1d or \\u001d) from the quoted text"))
		}
	}
	for _, c := range n.Content {
		d.forbidden(c)
	}
}

// nullTag is the tag YAML gives a null: "key:" with no value, ~, null,
// Null or NULL, unquoted.
const nullTag = "!!null"

// Position returns the position of n within src.
func Position(src Source, n *yaml.Node) diag.Position {
	return diag.Position{File: src.File, Line: n.Line + src.LineOffset, Col: n.Column}
}

type decoder struct {
	src   Source
	diags diag.List
	lines *diag.LineIndex // made on the first error
}

func (d *decoder) at(n *yaml.Node) diag.Position { return Position(d.src, n) }

// errorf records an error at n, with n's line as the source excerpt and n's
// value underlined.
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) *diag.Diagnostic {
	if d.lines == nil {
		d.lines = diag.NewLineIndex(d.src.File, d.src.Text)
	}
	span := max(1, utf8.RuneCountInString(n.Value))
	if n.Kind != yaml.ScalarNode {
		span = 1
	}
	d.diags.Add(diag.Errorf(d.at(n), format, args...).WithSource(d.lines.Line(n.Line), span))
	return &d.diags[len(d.diags)-1]
}

// value decodes n into v; name is the key it came from, for messages.
func (d *decoder) value(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if u, ok := v.Addr().Interface().(Unmarshaler); ok {
		d.diags.Append(u.UnmarshalStrict(n, d.at))
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == nullTag {
		return // "key:" with no value: leave the zero value
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, name)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			e := d.errorf(n, "%s should be a list", describe(name))
			*e = e.WithHint(`write one item per line under it, each starting with "- "`)
			if ex := d.src.Examples[name]; ex != "" {
				*e = e.WithHint("write it as a list, one item per line under %s:, e.g.  %s", name, ex)
			}
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.value(item, s.Index(i), name)
		}
		v.Set(s)
	case reflect.Map:
		d.mapping(n, v, name)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), name)
		v.Set(p)
	default:
		d.scalar(n, v, name)
	}
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s should be a set of \"key: value\" lines", describe(name))
		return
	}
	info := fieldsOf(v.Type())
	fields, known, writtenField := info.fields, info.known, info.written
	if info.pos >= 0 {
		v.Field(info.pos).Set(reflect.ValueOf(d.at(n)))
	}
	var written Positions
	seen := make([]bool, len(info.keys)) // by field index
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := fields[k.Value]
		if !ok {
			e := d.errorf(k, "unknown key %q%s", k.Value, in(name))
			if s := diag.Suggest(k.Value, known); s != "" {
				*e = e.WithHint("did you mean %q?", s)
			} else {
				*e = e.WithHint("known keys are %s", strings.Join(known, ", "))
			}
			continue
		}
		if seen[idx] {
			e := d.errorf(k, "key %q appears twice%s", k.Value, in(name))
			*e = e.WithHint("keep one of them")
			continue
		}
		seen[idx] = true
		if writtenField >= 0 {
			at := val
			if at.Kind == yaml.AliasNode {
				at = at.Alias
			}
			if written == nil {
				written = make(Positions, 0, (len(n.Content)-i)/2)
			}
			// (the key as the type names it, not k.Value: the page's
			// copy of the text is let go)
			written = append(written, KeyPosition{info.keys[idx], d.at(at)})
		}
		d.value(val, v.Field(idx), k.Value)
	}
	if writtenField >= 0 {
		if written == nil {
			written = Positions{}
		}
		v.Field(writtenField).Set(reflect.ValueOf(slices.Clip(written)))
	}
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s should be a set of \"key: value\" lines", describe(name))
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kv := reflect.New(v.Type().Key()).Elem()
		d.scalar(k, kv, name)
		if v.MapIndex(kv).IsValid() {
			e := d.errorf(k, "key %q appears twice%s", k.Value, in(name))
			*e = e.WithHint("keep one of them")
			continue
		}
		ev := reflect.New(v.Type().Elem()).Elem()
		d.value(val, ev, k.Value)
		v.SetMapIndex(kv, ev)
	}
}

func (d *decoder) scalar(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s should be a single value, not a list or a set of keys", describe(name))
		return
	}
	if v.Kind() == reflect.Bool && n.Tag != "!!bool" {
		if b, ok := vietnameseBool(n.Value); ok {
			v.SetBool(b)
			return
		}
	}
	if err := n.Decode(v.Addr().Interface()); err != nil {
		var e *diag.Diagnostic
		if v.Kind() == reflect.String {
			e = d.errorf(n, "%s could not be read as text", describe(name))
		} else {
			e = d.errorf(n, "%s should be %s, not %q", describe(name), kindName(v.Kind()), n.Value)
		}
		if v.Kind() == reflect.Bool {
			*e = e.WithHint("write true (yes) or false (no); có and không are read the same way")
		}
		if ex := d.src.Examples[name]; ex != "" {
			*e = e.WithHint("write it like this:  %s", ex)
		}
	}
}

// describe names the value under key name in a message; it is a Text, so
// that it is translated with the message.
func describe(name string) diag.Text {
	if name == "" {
		return diag.T("the document")
	}
	return diag.T("%q", name)
}

// in says which key a message is about, " in \"name\"", or nothing.
func in(name string) diag.Text {
	if name == "" {
		return diag.Text{}
	}
	return diag.T(" in %q", name)
}

// vietnameseBool reads "có" (yes) as true and "không" (no) as false, in
// any letter case, so that a Vietnamese author's draft: không means what
// it says. YAML itself only knows true and false.
func vietnameseBool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "có":
		return true, true
	case "không":
		return false, true
	}
	return false, false
}

func kindName(k reflect.Kind) diag.Text {
	switch k {
	case reflect.Bool:
		return diag.T("true or false")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return diag.T("a whole number")
	case reflect.Float32, reflect.Float64:
		return diag.T("a number")
	default:
		return diag.T("text")
	}
}
