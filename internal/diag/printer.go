package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// PrintText writes l to w in the compiler style that editors understand:
//
//	content/plan/_index.vi.md:3:1: error: unknown front-matter key "titel"
//	    3 | titel: Kế hoạch 164/KH-UBND
//	      | ^^^^^
//	  hint: did you mean "title"?
//
// The source excerpt appears only when the diagnostic carries it
// (Source, or a line it reads when printed: WithQuote).
func PrintText(w io.Writer, l List) error {
	return printText(w, l, [...]string{Warning: "warning", Error: "error"}, "hint", func(n int, first string) string {
		return fmt.Sprintf("%d more warnings like %q are not shown; loa check --format json lists every one", n, first)
	}, nil, nil, nil)
}

// ShownPerKind is how many warnings of one kind (the same check and the
// same English format) the text form prints in full; the rest are counted
// on one line at the end, so that a site with a thousand unlinked numbers
// does not bury everything else, nor teach authors to skip warnings.
// Errors are always printed in full; the JSON form lists everything.
const ShownPerKind = 10

// printText is PrintText with the words for the severities and "hint",
// and more, the line that counts the warnings of one kind not shown
// (first is the first such warning's message). hintOf, when not nil,
// gives the hint to print for a diagnostic printed in full (the hints of
// those not shown are never made). codeOf and messageOf, when not nil,
// give a diagnostic's English format (its kind) and the message to print
// (translated), made only for the messages printed.
func printText(w io.Writer, l List, severity [2]string, hint string, more func(n int, first string) string, hintOf, codeOf, messageOf func(*Diagnostic) string) error {
	var b strings.Builder
	type kind struct{ check, code string }
	seen := map[kind]int{}
	var hidden []kind
	first := map[kind]string{}
	for i := range l {
		d := &l[i] // (not a copy: one escaped to the heap for each of tens of thousands)
		code, msg := d.Code, d.Message
		if codeOf != nil {
			code = codeOf(d)
		}
		if messageOf != nil {
			msg = ""
		}
		if d.Severity == Warning && code != "" {
			k := kind{d.Check, code}
			seen[k]++
			if seen[k] > ShownPerKind {
				if seen[k] == ShownPerKind+1 {
					hidden = append(hidden, k)
				}
				continue
			}
			if messageOf != nil {
				msg = messageOf(d)
			}
			if seen[k] == 1 {
				first[k] = msg
			}
		} else if messageOf != nil {
			msg = messageOf(d)
		}
		fmt.Fprintf(&b, "%s: %s: %s\n", d.Pos, severity[d.Severity], msg)
		if src := d.Line(); src != "" && d.Pos.Line > 0 {
			num := fmt.Sprint(d.Pos.Line)
			pad := strings.Repeat(" ", len(num))
			fmt.Fprintf(&b, "    %s | %s\n", num, strings.ReplaceAll(src, "\t", " "))
			if d.Pos.Col > 0 {
				span := max(1, min(d.Span, utf8.RuneCountInString(src)-d.Pos.Col+1))
				fmt.Fprintf(&b, "    %s | %s%s\n", pad, strings.Repeat(" ", d.Pos.Col-1), strings.Repeat("^", span))
			}
		}
		if h := d.Hint; h != "" {
			if hintOf != nil {
				h = hintOf(d)
			}
			fmt.Fprintf(&b, "  %s: %s\n", hint, h)
		}
	}
	for _, k := range hidden {
		fmt.Fprintf(&b, "loa: %s\n", more(seen[k]-ShownPerKind, first[k]))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// PrintJSON writes l to w as one JSON document:
// {"diagnostics":[{"pos":{"file","line","col"},"severity","code","check",
// "message","hint"}],"errors":N,"warnings":N}. The fields match the text
// form; code is the English format of the message whatever language the
// message is in, and message ends with " [check]" as in the text form.
func PrintJSON(w io.Writer, l List) error {
	errs, warns := l.Count()
	if l == nil {
		l = List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Diagnostics List `json:"diagnostics"`
		Errors      int  `json:"errors"`
		Warnings    int  `json:"warnings"`
	}{l, errs, warns})
}
