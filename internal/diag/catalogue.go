package diag

import (
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Text is a part of a message made from an English format and its
// arguments: a word or phrase put into another message (T("category"),
// T(" in %q", name)). A Catalogue translates it together with the message
// it is put into; in English it prints as fmt.Sprintf(Format, Args...).
type Text struct {
	Format string
	Args   []any
}

// T returns the Text of format and args. format is English and is a key of
// the catalogues, like the formats of Errorf.
func T(format string, args ...any) Text { return Text{Format: format, Args: args} }

// String returns the English text.
func (t Text) String() string { return fmt.Sprintf(t.Format, t.Args...) }

// Catalogue translates loa's English messages into one language, gettext
// style: the English format ("unknown key %q") is the key, and the
// translation is a format with the same verbs, in any order by explicit
// index ("%[2]s … %[1]q"). A nil *Catalogue, or a format it does not know,
// leaves the English as it is.
//
// Messages that reach the printer as finished English text (a Go error's
// message, a "%s" pass-through) are translated by matching them against
// the English formats: Message.
type Catalogue struct {
	lang    string
	formats map[string]string

	once     sync.Once
	patterns []pattern
}

// pattern matches the text one English format makes.
type pattern struct {
	english string
	re      *regexp.Regexp
	verbs   []verb // one per group of re
	literal int    // bytes of fixed text, to try the most specific first
}

// verb is one formatting directive of a format: its letter and the
// 0-based argument it takes.
type verb struct {
	letter byte
	arg    int
}

// NewCatalogue returns the catalogue of language lang (an ISO 639-1 code)
// made of formats, English format → translated format. The map is not
// copied and must not change afterwards.
func NewCatalogue(lang string, formats map[string]string) *Catalogue {
	return &Catalogue{lang: lang, formats: formats}
}

// Lang returns the catalogue's language code, "en" for nil.
func (c *Catalogue) Lang() string {
	if c == nil || c.lang == "" {
		return "en"
	}
	return c.lang
}

// Translate returns the translation of an English format and whether the
// catalogue has one.
func (c *Catalogue) Translate(format string) (string, bool) {
	if c == nil {
		return format, false
	}
	t, ok := c.formats[format]
	return t, ok
}

// Sprintf formats like fmt.Sprintf in the catalogue's language: format is
// English, Text arguments are translated too.
func (c *Catalogue) Sprintf(format string, args ...any) string {
	t, ok := c.Translate(format)
	if !ok {
		return fmt.Sprintf(format, c.args(args)...)
	}
	return fmt.Sprintf(t, c.words(format, c.args(args))...)
}

// Fprintf writes Sprintf(format, args...) to w.
func (c *Catalogue) Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return io.WriteString(w, c.Sprintf(format, args...))
}

// Fprint writes the translation of a fixed English text (a help screen) to
// w; the text is a key as it is, not a format.
func (c *Catalogue) Fprint(w io.Writer, text string) (int, error) {
	if t, ok := c.Translate(text); ok {
		text = t
	}
	return io.WriteString(w, text)
}

// args returns args with every Text translated, and every error whose
// text is one of the catalogue's messages.
func (c *Catalogue) args(args []any) []any {
	var out []any
	for i, a := range args {
		var s string
		switch a := a.(type) {
		case Text:
			s = c.Sprintf(a.Format, a.Args...)
		case error:
			var format string
			if s, format = c.Message(a.Error()); format == "" {
				continue
			}
		default:
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = s
	}
	if out == nil {
		return args
	}
	return out
}

// words returns args with every string that a %s or %v of the English
// format prints translated when it is a whole entry of the catalogue
// without verbs: an English word such as "category" put into a message.
// Values quoted with %q are the author's own and stay as they are.
func (c *Catalogue) words(format string, args []any) []any {
	vs, err := verbsOf(format)
	if c == nil || err != nil {
		return args
	}
	var out []any
	for _, v := range vs {
		if v.letter != 's' && v.letter != 'v' || v.arg >= len(args) {
			continue
		}
		s, ok := args[v.arg].(string)
		if !ok || strings.Contains(s, "%") {
			continue
		}
		if t, ok := c.formats[s]; ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[v.arg] = t
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Message translates a finished English message by finding the format
// that made it and translating its arguments in turn (a %s argument may
// itself be a message). It returns the English format found, or "" and
// the text unchanged. A text of several lines each of which is a message
// (errors.Join puts one error on each line) is translated line by line,
// and the format returned is the first line's.
func (c *Catalogue) Message(text string) (translated, format string) {
	if c == nil || text == "" {
		return text, ""
	}
	if strings.Contains(text, "\n") {
		if t, f := c.lines(text); f != "" {
			return t, f
		}
	}
	return c.message(text)
}

// lines translates text line by line when every line that is not empty
// is a message of c, and returns the first line's format; else "" and "".
// Matched whole, such a text would be one format's with the lines above
// the last as an argument, and mostly stay English.
func (c *Catalogue) lines(text string) (string, string) {
	ls := strings.Split(text, "\n")
	first := ""
	for i, l := range ls {
		if l == "" {
			continue
		}
		t, f := c.message(l)
		if f == "" {
			return "", ""
		}
		ls[i] = t
		if first == "" {
			first = f
		}
	}
	return strings.Join(ls, "\n"), first
}

// message is Message of a text taken whole.
func (c *Catalogue) message(text string) (translated, format string) {
	if t, ok := c.formats[text]; ok && !strings.Contains(text, "%") {
		return t, text
	}
	if key := strings.ReplaceAll(text, "%", "%%"); key != text {
		if t, ok := c.formats[key]; ok {
			if vs, err := verbsOf(key); err == nil && len(vs) == 0 {
				return strings.ReplaceAll(t, "%%", "%"), key
			}
		}
	}
	c.once.Do(c.compile)
	for _, p := range c.patterns {
		m := p.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		n := 0
		for _, v := range p.verbs {
			n = max(n, v.arg+1)
		}
		args := make([]any, n)
		for i, v := range p.verbs {
			args[v.arg] = c.arg(v.letter, m[i+1])
		}
		return fmt.Sprintf(wrapAsText(c.formats[p.english]), args...), p.english
	}
	return text, ""
}

// wrapAsText turns every %w of a format into %v: Message fills a
// format's verbs with text, and fmt's %w takes only an error. A wrapped
// Go error ("read content: %w") is translated like any message; the
// error it wraps is matched in turn, and left as it is when no format
// makes it (a system's own text).
func wrapAsText(format string) string {
	b := []byte(format)
	for i := 0; i < len(b); i++ {
		if b[i] != '%' {
			continue
		}
		// Skip the flags, width, precision and argument index ("%[2]w").
		j := i + 1
		for j < len(b) && strings.IndexByte("+-# 0123456789.[]", b[j]) >= 0 {
			j++
		}
		if j < len(b) && b[j] == 'w' {
			b[j] = 'v'
		}
		i = j // "%%" is a percent sign: its second % is skipped here
	}
	return string(b)
}

// arg turns the text a verb made back into an argument for the
// translation.
func (c *Catalogue) arg(letter byte, s string) any {
	switch letter {
	case 'q':
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	case 'd':
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	case 'x', 'X':
		if n, err := strconv.ParseInt(s, 16, 64); err == nil {
			return n
		}
	default:
		t, _ := c.Message(s)
		return t
	}
	return s
}

// compile makes a pattern of every English format with verbs, the most
// fixed text first, so that "unknown key %q in %q" is tried before "%s: %s".
func (c *Catalogue) compile() {
	for english := range c.formats {
		re, verbs, literal, ok := formatPattern(english)
		if !ok || len(verbs) == 0 || literal == 0 {
			continue
		}
		c.patterns = append(c.patterns, pattern{english: english, re: re, verbs: verbs, literal: literal})
	}
	slices.SortFunc(c.patterns, func(a, b pattern) int {
		return cmp.Or(cmp.Compare(b.literal, a.literal), cmp.Compare(a.english, b.english))
	})
}

// formatPattern returns a regular expression matching what format makes,
// with a group per verb, the verbs, and the number of bytes of fixed text.
func formatPattern(format string) (*regexp.Regexp, []verb, int, bool) {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	verbs, err := verbsOf(format)
	if err != nil {
		return nil, nil, 0, false
	}
	literal := 0
	rest := format
	for _, v := range verbs {
		i := strings.IndexByte(rest, '%')
		for strings.HasPrefix(rest[i:], "%%") {
			lit := rest[:i] + "%"
			b.WriteString(regexp.QuoteMeta(lit))
			literal += len(lit)
			rest = rest[i+2:]
			i = strings.IndexByte(rest, '%')
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		literal += i
		j := i + 1
		for rest[j] != v.letter {
			j++
		}
		rest = rest[j+1:]
		switch v.letter {
		case 'q':
			b.WriteString(`("(?:[^"\\]|\\.)*")`)
		case 'd':
			b.WriteString(`(-?[0-9]+)`)
		case 'x', 'X':
			b.WriteString(`([0-9A-Fa-f]+)`)
		default:
			b.WriteString(`(.*?)`)
		}
	}
	tail := strings.ReplaceAll(rest, "%%", "%")
	b.WriteString(regexp.QuoteMeta(tail))
	literal += len(tail)
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, nil, 0, false
	}
	return re, verbs, literal, true
}

// verbsOf returns the formatting directives of a fmt format in order: each
// verb's letter and the 0-based argument it takes (explicit indexes such
// as %[2]s included). %% is not a verb. It is an error when a directive is
// not finished or an index cannot be read.
func verbsOf(format string) ([]verb, error) {
	var vs []verb
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed index in %q", format)
			}
			n, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil || n < 1 {
				return nil, fmt.Errorf("bad index in %q", format)
			}
			arg = n - 1
			i += end + 1
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return nil, fmt.Errorf("unfinished verb at the end of %q", format)
		}
		if format[i] == '%' {
			continue
		}
		vs = append(vs, verb{letter: format[i], arg: arg})
		arg++
	}
	return vs, nil
}

// VerbSignature returns the verbs of format as a sorted list of
// "argument:letter" strings, so that two formats that take the same
// arguments the same way, in any order, have the same signature.
func VerbSignature(format string) ([]string, error) {
	vs, err := verbsOf(format)
	if err != nil {
		return nil, err
	}
	var sig []string
	for _, v := range vs {
		sig = append(sig, strconv.Itoa(v.arg+1)+":"+string(v.letter))
	}
	slices.Sort(sig)
	return sig, nil
}

// PrintText writes l to w as the package's PrintText does, in c's
// language: the messages, the hints and the words "error", "warning" and
// "hint".
func (c *Catalogue) PrintText(w io.Writer, l List) error {
	return printText(w, l,
		[...]string{Warning: c.Sprintf("warning"), Error: c.Sprintf("error")}, c.Sprintf("hint"),
		func(n int, first string) string {
			return c.Sprintf("%d more warnings like %q are not shown; loa check --format json lists every one", n, first)
		},
		func(d *Diagnostic) string {
			if c == nil {
				return d.Hint
			}
			code, args := d.hint()
			h, _ := c.render(code, args, d.Hint)
			return h
		},
		// Only the messages printed are translated, not a copy of the
		// whole list: a large site has hundreds of thousands of
		// warnings, of which the text form prints a few per kind.
		func(d *Diagnostic) string {
			if c == nil {
				return d.Code
			}
			return c.code(d.Code, d.args(), d.Message)
		},
		func(d *Diagnostic) string {
			if c == nil {
				return d.Message
			}
			m, _ := c.render(d.Code, d.args(), d.Message)
			return m
		})
}

// Localize returns a copy of l with every message and hint in c's
// language; Code keeps the English format. A message made by a "%s"
// pass-through or set directly is translated by matching (Message), and
// its Code becomes the English format found.
func (c *Catalogue) Localize(l List) List { return c.localize(l, true) }

// localize is Localize, translating the hints too when hints is set (the
// text printer translates only those it prints: matching a hint made as
// finished text costs more than the rest, and a large site can have tens
// of thousands of warnings).
func (c *Catalogue) localize(l List, hints bool) List {
	if c == nil || len(l) == 0 {
		return l
	}
	out := slices.Clone(l)
	for i := range out {
		d := &out[i]
		d.Message, d.Code = c.render(d.Code, d.args(), d.Message)
		if hints && d.Hint != "" {
			code, args := d.hint()
			d.Hint, _ = c.render(code, args, d.Hint)
		}
	}
	return out
}

// code is the English format render returns for the same arguments,
// without translating the message (kept in step with render: TestCode).
func (c *Catalogue) code(code string, args []any, text string) string {
	if code == "%s" && len(args) == 1 {
		if t, ok := args[0].(Text); ok {
			code, args = t.Format, t.Args
		}
	}
	if _, ok := c.formats[code]; ok && code != "%s" && code != "" {
		if english := fmt.Sprintf(code, args...); text != english && !strings.HasPrefix(text, english) {
			if _, format := c.Message(text); format != "" {
				return format
			}
		}
		return code
	}
	if _, format := c.Message(text); format != "" {
		return format
	}
	return code
}

// render translates a message made from the English format code and args
// (text in English). A "%s" of one Text is that Text's format; a message
// whose format the catalogue does not have is matched as finished text. It
// returns the translation and the English format it was made from.
func (c *Catalogue) render(code string, args []any, text string) (string, string) {
	if code == "%s" && len(args) == 1 {
		if t, ok := args[0].(Text); ok {
			code, args = t.Format, t.Args
		}
	}
	if t, ok := c.formats[code]; ok && code != "%s" && code != "" {
		msg := fmt.Sprintf(t, c.words(code, c.args(args))...)
		// Text added to the message after it was made (d.Message += " (…)")
		// is translated on its own.
		if english := fmt.Sprintf(code, args...); text != english {
			rest, found := strings.CutPrefix(text, english)
			if !found {
				if m, format := c.Message(text); format != "" {
					return m, format
				}
				return text, code
			}
			rest, _ = c.Message(rest)
			msg += rest
		}
		return msg, code
	}
	if msg, format := c.Message(text); format != "" {
		return msg, format
	}
	return text, code
}
