package strictyaml

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/loa-ssg/loa/internal/diag"
)

// yaml.v3 reports syntax errors only as text ("yaml: line 3: mapping values
// are not allowed in this context"); it keeps no column. The line is taken
// from that text, and the column is found on the line by the rule that fits
// the problem.
// A message without "line N:" is about the first line.
var syntaxLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

type explanation struct {
	match   string
	message diag.Text
	hint    diag.Text
	column  func(line string) int // 1-based column on the line, 0 when unknown
}

var explanations = []explanation{
	{"mapping values are not allowed", diag.T(`this line has a second colon (":") inside a value`),
		diag.T(`put the whole value in double quotes, e.g. title: "Kế hoạch: 2021–2025"`), secondColon},
	{"found character that cannot start any token", diag.T("this line starts a value with a character YAML does not allow there (a tab, @, ` or %%)"),
		diag.T("indent with spaces, not tabs, and put values that start with @, ` or %% in quotes"), badStart},
	{"found a tab character", diag.T("this line is indented with a tab"),
		diag.T("indent with spaces, not tabs"), badStart},
	{"did not find expected key", diag.T("the indentation here does not line up with the lines above"),
		diag.T("keys at the same level need the same number of spaces before them"), firstNonSpace},
	{"could not find expected ':'", diag.T(`a line here should read "key: value" but has no colon`),
		diag.T("add the colon, or join the line to the value above it"), firstNonSpace},
	{"did not find expected ',' or ']'", diag.T("a list written in [brackets] is not closed"),
		diag.T("end the list with ]"), firstNonSpace},
	{"did not find expected ',' or '}'", diag.T("a set of keys written in {braces} is not closed"),
		diag.T("end it with }"), firstNonSpace},
	{"found unexpected end of stream", diag.T("the text ends in the middle of a quoted value"),
		diag.T("check for a missing closing quote"), firstNonSpace},
	{"did not find expected node content", diag.T("a value is missing here"),
		diag.T("write a value after the colon or the dash, or remove the line"), firstNonSpace},
	{"block sequence entries are not allowed", diag.T(`a list item ("- ...") stands where a value was expected`),
		diag.T("put the list on the lines below the key, indented"), firstNonSpace},
	{"found undefined alias", diag.T("this value refers to an anchor (*name) that is not defined"),
		diag.T("remove the * or quote the value"), firstNonSpace},
}

func syntaxError(src Source, err error) diag.Diagnostic {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return diag.Errorf(diag.Position{File: src.File}, "%s", strings.Join(te.Errors, "; "))
	}
	text := err.Error()
	m := syntaxLine.FindStringSubmatch(text)
	if m == nil {
		msg := strings.TrimPrefix(text, "yaml: ")
		return diag.Errorf(diag.Position{File: src.File, Line: 1 + src.LineOffset}, "the YAML could not be read: %s", msg)
	}
	line := 1
	if m[1] != "" {
		line, _ = strconv.Atoi(m[1])
	}
	lines := strings.Split(string(src.Text), "\n")
	lineText := ""
	if line >= 1 && line <= len(lines) {
		lineText = strings.TrimSuffix(lines[line-1], "\r")
	}
	if d, ok := unclosedError(src, lines, m[2], line); ok {
		return d
	}
	pos := diag.Position{File: src.File, Line: line + src.LineOffset}
	for _, e := range explanations {
		if strings.Contains(m[2], e.match) {
			pos.Col = e.column(lineText)
			d := diag.Errorf(pos, "%s", e.message).WithHint("%s", e.hint).WithSource(lineText, 1)
			return d
		}
	}
	pos.Col = firstNonSpace(lineText)
	return diag.Errorf(pos, "the YAML here could not be read: %s", m[2]).WithSource(lineText, 1)
}

func firstNonSpace(line string) int {
	for i, r := range line {
		if r != ' ' && r != '\t' {
			return utf8.RuneCountInString(line[:i]) + 1
		}
	}
	return 1
}

// secondColon finds the ": " that follows the key's own colon.
func secondColon(line string) int {
	first := strings.Index(line, ": ")
	if first < 0 {
		return firstNonSpace(line)
	}
	rest := line[first+2:]
	second := strings.Index(rest, ":")
	if second < 0 {
		return firstNonSpace(line)
	}
	return utf8.RuneCountInString(line[:first+2+second]) + 1
}

func badStart(line string) int {
	if i := strings.IndexAny(line, "\t@`%"); i >= 0 {
		return utf8.RuneCountInString(line[:i]) + 1
	}
	return firstNonSpace(line)
}

// misplaced are the yaml.v3 errors that a quote or a [ list left open on
// its line causes; yaml.v3 reports them at another line (often the one
// before, or the end of the text) and blames brackets or indentation.
var misplaced = []string{"did not find expected ',' or ']'", "found unexpected end of stream",
	"did not find expected key", "could not find expected ':'", "did not find expected ',' or '}'"}

// unclosedError explains errors of the misplaced kinds by the first line,
// up to one after the reported line, that leaves a double quote or a [
// list open, or closes a quoted value before its end (["a, "b"]): the
// mistakes people make typing a list of tags or a quoted title.
func unclosedError(src Source, lines []string, msg string, reported int) (diag.Diagnostic, bool) {
	known := false
	for _, m := range misplaced {
		known = known || strings.Contains(msg, m)
	}
	if !known {
		return diag.Diagnostic{}, false
	}
	for i := 0; i < len(lines) && i <= reported; i++ {
		text := strings.TrimSuffix(lines[i], "\r")
		col, problem := unclosed(text)
		if problem == "" {
			continue
		}
		pos := diag.Position{File: src.File, Line: i + 1 + src.LineOffset, Col: col}
		var d diag.Diagnostic
		switch problem {
		case "quote":
			d = diag.Errorf(pos, "the quote (\") that starts this value is not closed on its line").
				WithHint("end the value with \" on the same line, e.g. title: \"Tập huấn tại xã\"")
		case "after":
			d = diag.Errorf(pos, "a value in quotes ends here, but more text follows it").
				WithHint("a quote is missing or extra on this line: each value in quotes needs one quote at each end, e.g. tags: [\"Tuyên truyền\", \"Phụ nữ\"]")
		default:
			d = diag.Errorf(pos, "a list written in [brackets] is not closed").WithHint("end the list with ]")
		}
		return d.WithSource(text, 1), true
	}
	return diag.Diagnostic{}, false
}

// unclosed scans one line of YAML and returns the 1-based column and kind
// of the first problem that leaves it open: "quote" (a double quote that
// starts a value and is not closed), "after" (a closing quote followed by
// text, where only , ] } : or a comment may stand), "list" (a [ not
// closed); "" when the line is closed. A quote starts a value only at the
// start of a token (after ": ", "- ", "[", "," or "{"), as in YAML; inside
// a plain value it is an ordinary character. Single-quoted values are
// skipped (” is a quote inside them).
func unclosed(line string) (col int, problem string) {
	runes := []rune(line)
	depth, listAt := 0, 0
	tokenStart := true // at the start of the line or after a separator
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == '#' && (i == 0 || runes[i-1] == ' ' || runes[i-1] == '\t'):
			i = len(runes) // a comment ends the line
			continue
		case (r == '"' || r == '\'') && tokenStart:
			j := i + 1
			for ; j < len(runes); j++ {
				if r == '"' && runes[j] == '\\' {
					j++
					continue
				}
				if runes[j] == r {
					if r == '\'' && j+1 < len(runes) && runes[j+1] == '\'' {
						j++
						continue
					}
					break
				}
			}
			if j >= len(runes) {
				if r == '\'' {
					return 0, "" // single quotes may span lines; not ours to judge
				}
				return i + 1, "quote"
			}
			k := j + 1
			for k < len(runes) && (runes[k] == ' ' || runes[k] == '\t') {
				k++
			}
			if k < len(runes) && !strings.ContainsRune(",]}:#", runes[k]) {
				return j + 1, "after" // at the quote that closes it early
			}
			i = j
			tokenStart = false
			continue
		case r == '[':
			if depth == 0 {
				listAt = i + 1
			}
			depth++
		case r == ']':
			depth = max(depth-1, 0)
		}
		switch {
		case r == '[' || r == ',' || r == '{':
			tokenStart = true
		case (r == ' ' || r == '\t') && i > 0 && (runes[i-1] == ':' || runes[i-1] == '-' || tokenStart):
			tokenStart = true
		case r == ' ' || r == '\t':
			// spaces inside a plain value keep tokenStart false
		default:
			tokenStart = i == 0 && r == '-'
		}
	}
	if depth > 0 {
		return listAt, "list"
	}
	return 0, ""
}
