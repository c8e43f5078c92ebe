package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Severity orders diagnostics: an Error fails the build, a Warning does not.
type Severity int

// The severities, least severe first.
const (
	Warning Severity = iota
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText encodes s as its String form, for JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem in the author's content, in plain words.
//
// Message says what is wrong ("unknown front-matter key \"titel\""); Hint,
// when set, says how to fix it ("did you mean \"title\"?"). Source is the
// text of the offending line and Span the number of characters to underline
// from Pos.Col; both are optional and only used by the text printer.
//
// Code is the English format Message was made from ("unknown
// front-matter key %q"): a stable name for the kind of problem, whatever
// language Message is printed in (see Catalogue). Check, when set, names the
// rule of loa check that found the problem; Message then ends with
// " [name]".
type Diagnostic struct {
	Pos      Position `json:"pos"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code,omitempty"`
	Check    string   `json:"check,omitempty"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	Source   string   `json:"-"`
	Span     int      `json:"-"`

	quote Quote // reads the source line when Source is "" (WithQuote)
	// made is what Message and Hint were made from, to write them in
	// another language; nil when neither had arguments nor format. It is
	// never changed once set, so that diagnostics made the same way may
	// share one (Texts): a large site has hundreds of thousands.
	made *made
}

// made is the arguments of a Diagnostic's Message (its format is Code) and
// the format and arguments of its Hint.
type made struct {
	args     []any  // Message's arguments
	hintCode string // the English format of Hint, "" when set directly
	hintArgs []any
}

// args returns Message's arguments (nil when there were none).
func (d *Diagnostic) args() []any {
	if d.made == nil {
		return nil
	}
	return d.made.args
}

// hint returns Hint's English format ("" when set directly) and arguments.
func (d *Diagnostic) hint() (string, []any) {
	if d.made == nil {
		return "", nil
	}
	return d.made.hintCode, d.made.hintArgs
}

// with returns what d was made from, changed by f, as a new value (the one
// d holds may be shared).
func (d *Diagnostic) with(f func(m *made)) *made {
	var m made
	if d.made != nil {
		m = *d.made
	}
	f(&m)
	if m.args == nil && m.hintCode == "" && m.hintArgs == nil {
		return nil
	}
	return &m
}

// Quote returns the text of line n of file, the source line a diagnostic
// quotes, read only when the diagnostic is printed (Diagnostic.WithQuote);
// ok is false when the line cannot be read as it was (the file is gone or
// changed since), and the diagnostic then quotes nothing.
type Quote func(file string, n int) (line string, ok bool)

// List collects diagnostics. The zero value is ready to use; it is not safe
// for concurrent use (collect per goroutine, then Append).
type List []Diagnostic

// Errorf returns an Error at pos with a formatted message. format is
// English and is the key of its translations (see Catalogue): write it as a
// constant, and pass English words that are part of the sentence as Text
// (T("category")) so that they are translated with it.
func Errorf(pos Position, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Code: format, Message: fmt.Sprintf(format, args...), made: madeOf(args)}
}

// madeOf returns what a message made with args was made from.
func madeOf(args []any) *made {
	if args == nil {
		return nil
	}
	return &made{args: args}
}

// Warningf returns a Warning at pos with a formatted message, as Errorf.
func Warningf(pos Position, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Code: format, Message: fmt.Sprintf(format, args...), made: madeOf(args)}
}

// WithHint returns d with its hint set to a formatted fix; format is
// English and is translated as Errorf's.
func (d Diagnostic) WithHint(format string, args ...any) Diagnostic {
	d.Hint = fmt.Sprintf(format, args...)
	d.made = d.with(func(m *made) { m.hintCode, m.hintArgs = format, args })
	return d
}

// WithCheck returns d as found by the loa check rule name, which its
// message then ends with: " [name]".
func (d Diagnostic) WithCheck(name string) Diagnostic {
	d.Check = name
	d.Message += " [" + name + "]"
	return d
}

// WithSource returns d with the offending line's text and the number of
// characters to underline from d.Pos.Col.
func (d Diagnostic) WithSource(line string, span int) Diagnostic {
	d.Source, d.Span = line, span
	return d
}

// Add appends d to l.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Append adds all of other to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether l holds at least one Error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and of warnings in l.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders l by file, line, column, then message, so that output does
// not depend on the order in which parallel stages found the problems.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Error lets a List that holds errors be returned as a Go error; it reports
// the first error and the count.
func (l List) Error() string {
	errs, _ := l.Count()
	for _, d := range l {
		if d.Severity == Error {
			if errs == 1 {
				return d.Pos.String() + ": " + d.Message
			}
			return d.Pos.String() + ": " + d.Message + " (and " + strconv.Itoa(errs-1) + " more)"
		}
	}
	return "no errors"
}

// WithQuote returns d quoting the line d.Pos.Line of d.Pos.File, as
// WithSource, but read through q only when d is printed (Line), not held:
// a large site has hundreds of thousands of problems, of which the text
// form prints ten of a kind (ShownPerKind) and the JSON form no line.
func (d Diagnostic) WithQuote(q Quote, span int) Diagnostic {
	d.Source, d.Span, d.quote = "", span, q
	return d
}

// Line returns the source line d quotes: Source, or the line its Quote
// reads (WithQuote); "" when it quotes none.
func (d *Diagnostic) Line() string {
	if d.Source != "" || d.quote == nil || d.Pos.Line <= 0 {
		return d.Source
	}
	line, ok := d.quote(d.Pos.File, d.Pos.Line)
	if !ok {
		return ""
	}
	return line
}

// Quoted returns l with the lines its diagnostics quote through a Quote
// read into their Source (Line), for a caller that compares or keeps
// them; l itself is not changed.
func (l List) Quoted() List {
	if l == nil {
		return nil
	}
	out := slices.Clone(l)
	for i := range out {
		if d := &out[i]; d.quote != nil {
			d.Source, d.quote = d.Line(), nil
		}
	}
	return out
}

// FillSources gives every diagnostic in l that is about idx's file and has a
// line but no source excerpt the text of that line, so that the printer can
// show it. It changes l in place.
func (l List) FillSources(idx *LineIndex) {
	for i := range l {
		d := &l[i]
		if d.Pos.File == idx.file && d.Pos.Line > 0 && d.Source == "" {
			d.Source, d.Span = idx.Line(d.Pos.Line), max(d.Span, 1)
		}
	}
}
