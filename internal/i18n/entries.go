package i18n

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/diag"
)

// entries is a site's interface-string file as written: each key with its
// value and their positions, in file order.
type entries []entry

type entry struct {
	key, value string
	keyPos     diag.Position
	keySpan    int // the key's length in characters, for the underline
}

// UnmarshalStrict implements strictyaml.Unmarshaler: the file must be
// "key: text" lines, each key once.
func (es *entries) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	if n.Kind != yaml.MappingNode {
		return diag.List{diag.Errorf(at(n), "this file should be a list of \"key: text\" lines").
			WithHint("write one interface string per line, e.g. home: Trang chủ")}
	}
	var l diag.List
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.Add(diag.Errorf(at(k), "a key here should be a single word such as home"))
			continue
		}
		if seen[k.Value] {
			d := diag.Errorf(at(k), "the interface string %q appears twice", k.Value).WithHint("keep one of them")
			d.Span = utf8.RuneCountInString(k.Value)
			l.Add(d)
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			l.Add(diag.Errorf(at(v), "the interface string %q should be text", k.Value).
				WithHint("write the text after the colon on the same line: %s: …", k.Value))
			continue
		}
		*es = append(*es, entry{key: k.Value, value: v.Value, keyPos: at(k), keySpan: max(1, utf8.RuneCountInString(k.Value))})
	}
	return l
}
