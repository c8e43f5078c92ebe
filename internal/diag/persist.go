package diag

import (
	"fmt"
	"reflect"
)

// Stored is a Diagnostic as plain data (see Diagnostic.Stored), with the
// arguments of its message and hint (see Catalogue) as StoredArgs.
type Stored struct {
	Pos                                Position
	Severity                           Severity
	Code, Check, Message, Hint, Source string
	Span                               int
	HintCode                           string
	Args, HintArgs                     []StoredArg
	HasArgs, HasHintArgs               bool
}

// StoredArg is one argument of a message: a string, an integer (any kind,
// read back as int), a float64, a bool or a Text. Any other value is
// kept as fmt.Sprint writes it, a string.
type StoredArg struct {
	Kind   byte // 's', 'i', 'u', 'f', 'b', 't'
	S      string
	I      int64
	U      uint64
	F      float64
	Format string
	Args   []StoredArg
}

func toStoredArgs(args []any) []StoredArg {
	out := make([]StoredArg, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = StoredArg{Kind: 's', S: v}
		case Text:
			out[i] = StoredArg{Kind: 't', Format: v.Format, Args: toStoredArgs(v.Args)}
		case bool:
			out[i] = StoredArg{Kind: 'b', I: map[bool]int64{true: 1}[v]}
		case float64:
			out[i] = StoredArg{Kind: 'f', F: v}
		default:
			rv := reflect.ValueOf(a)
			switch {
			case rv.CanInt():
				out[i] = StoredArg{Kind: 'i', I: rv.Int()}
			case rv.CanUint():
				out[i] = StoredArg{Kind: 'u', U: rv.Uint()}
			default:
				out[i] = StoredArg{Kind: 's', S: fmt.Sprint(a)}
			}
		}
	}
	return out
}

func fromStoredArgs(args []StoredArg) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a.Kind {
		case 't':
			out[i] = Text{Format: a.Format, Args: fromStoredArgs(a.Args)}
		case 'b':
			out[i] = a.I != 0
		case 'f':
			out[i] = a.F
		case 'i':
			out[i] = int(a.I)
		case 'u':
			out[i] = uint(a.U)
		default:
			out[i] = a.S
		}
	}
	return out
}

// Stored returns d as plain data for a cache (loa build's, through
// encoding/gob), with the arguments a Catalogue needs to print it in
// another language: strings, numbers, bools and Texts as they are, other
// values as fmt.Sprint writes them, and the line it quotes read into Source
// (Line). Diagnostic reads it back.
func (d Diagnostic) Stored() Stored {
	hintCode, hintArgs := d.hint()
	return Stored{Pos: d.Pos, Severity: d.Severity, Code: d.Code, Check: d.Check, Message: d.Message,
		Hint: d.Hint, Source: d.Line(), Span: d.Span, HintCode: hintCode,
		Args: toStoredArgs(d.args()), HintArgs: toStoredArgs(hintArgs), HasArgs: d.args() != nil, HasHintArgs: hintArgs != nil}
}

// Diagnostic returns the Diagnostic s was made from.
func (s Stored) Diagnostic() Diagnostic {
	d := Diagnostic{Pos: s.Pos, Severity: s.Severity, Code: s.Code, Check: s.Check, Message: s.Message,
		Hint: s.Hint, Source: s.Source, Span: s.Span}
	d.made = d.with(func(m *made) {
		m.hintCode = s.HintCode
		if s.HasArgs {
			m.args = fromStoredArgs(s.Args)
		}
		if s.HasHintArgs {
			m.hintArgs = fromStoredArgs(s.HintArgs)
		}
	})
	return d
}
