package diag

// Texts holds the texts of diagnostics once: a large site repeats the same
// problem (one hotline written as plain text on thousands of pages; half a
// million problems for the benchmark corpus at 100,000 pages per
// language, of about a hundred numbers), and every problem is held to the
// end of a build. The zero value is ready to use; it is not safe for
// concurrent use.
type Texts struct {
	texts map[string]string
	made  map[madeKey]*made
}

// madeKey names the diagnostics that may share what they were made from.
type madeKey struct{ code, message, hintCode, hint string }

// Hold returns d with its Message and Hint the strings equal to them that
// an earlier diagnostic held through t has (the same memory), and what its
// message and hint were made from shared with an earlier one made from the
// same formats and equal arguments (strings, integers, bools): what a
// translation of it reads is then the same.
func (t *Texts) Hold(d Diagnostic) Diagnostic {
	d.Message, d.Hint = t.text(d.Message), t.text(d.Hint)
	if d.made == nil {
		return d
	}
	k := madeKey{d.Code, d.Message, d.made.hintCode, d.Hint}
	if m, ok := t.made[k]; ok {
		if m != d.made && sameArgs(m.args, d.made.args) && sameArgs(m.hintArgs, d.made.hintArgs) {
			d.made = m
		}
		return d
	}
	if t.made == nil {
		t.made = map[madeKey]*made{}
	}
	t.made[k] = d.made
	return d
}

// text returns s, or the string equal to it held before.
func (t *Texts) text(s string) string {
	if s == "" {
		return s
	}
	if held, ok := t.texts[s]; ok {
		return held
	}
	if t.texts == nil {
		t.texts = map[string]string{}
	}
	t.texts[s] = s
	return s
}

// sameArgs reports whether a and b are the same arguments: both nil or
// both not, and each pair of the same type and equal, of the kinds
// compared (strings, integers, bools; any other is not the same).
func sameArgs(a, b []any) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for i := range a {
		switch x := a[i].(type) {
		case string:
			if y, ok := b[i].(string); !ok || x != y {
				return false
			}
		case int:
			if y, ok := b[i].(int); !ok || x != y {
				return false
			}
		case bool:
			if y, ok := b[i].(bool); !ok || x != y {
				return false
			}
		default:
			return false
		}
	}
	return true
}
