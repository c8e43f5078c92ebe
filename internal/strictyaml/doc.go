// Package strictyaml decodes YAML (front matter, site.yaml, directory
// entries) into typed Go structs strictly, and reports every problem as a
// diag.Diagnostic at the line and column where the parser saw it.
//
// Strict means: a key that matches no field is an error that names the key
// and suggests the nearest known one; a value of the wrong kind is an error
// at that value; a syntax error is reported in plain words with its line and
// column. A key or value that holds a character no web page may hold (a
// control character written as an escape, "\x1d") is an error at that
// value. Problems are collected, not returned at the first one.
//
// YAML null has one meaning for every field: no value. "key:" with nothing
// after it, ~, null, Null and NULL (unquoted) leave the field as if the
// key were not written (its zero value: "", 0, false, an empty list), for
// plain fields and for Scalar and Scalars alike; only the key's position
// is still recorded (Scalar.Pos, Positions). Quoted, "~" and "null" are
// text.
//
// Front matter of the usual simple shape ("key: value" lines, lists of
// plain or double-quoted values) is read by a fast path straight into the
// struct, with the same values and positions as the full path through
// yaml.v3's tree; the fast path answers only for text it understands
// entirely and that has no problem, and the full path reports every
// problem (fast.go; FuzzFastPath holds the two to one result).
//
// It imports diag, textfile (for textfile.Forbidden) and gopkg.in/yaml.v3 only. It must not know what the
// fields mean: meaning and cross-field rules belong to the packages that own
// the structs (config, content, directory).
package strictyaml
