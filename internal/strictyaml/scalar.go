package strictyaml

import (
	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/diag"
)

// Scalar is a single value kept as written, with its position, so that a
// problem found later (an unknown category, a bad slug) is reported at the
// value itself. A YAML null ("key:" with nothing after it, ~, null, Null,
// NULL) is no value, as for every other field (see the package doc):
// Value is "" and Pos is where the null was written; a quoted "~" is the
// text ~.
type Scalar struct {
	Value string
	Pos   diag.Position
}

// UnmarshalStrict implements Unmarshaler.
func (s *Scalar) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	s.Pos = at(n)
	if n.Kind != yaml.ScalarNode {
		return diag.List{diag.Errorf(s.Pos, "this should be a single value")}
	}
	if n.Tag == nullTag {
		return nil
	}
	s.Value = n.Value
	return nil
}

// Scalars is a list of values, or a single value standing for a list of
// one. A YAML null is no list (nil); a null item is a Scalar with no value.
type Scalars []Scalar

// UnmarshalStrict implements Unmarshaler.
func (ss *Scalars) UnmarshalStrict(n *yaml.Node, at func(*yaml.Node) diag.Position) diag.List {
	if n.Tag == nullTag {
		return nil // no list, as for any other list
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var l diag.List
	for _, c := range items {
		var s Scalar
		l.Append(s.UnmarshalStrict(c, at))
		*ss = append(*ss, s)
	}
	return l
}

// Values returns the plain values.
func (ss Scalars) Values() []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Value
	}
	return out
}
