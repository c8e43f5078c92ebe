package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark (v1.8) is quadratic on two shapes of input. loa finds them
// before parsing and refuses the body with a Problem, so that no body of n
// bytes costs much more than O(n) to convert.
//
//   - Unclosed inline links. After "](" goldmark's link parser reads the
//     destination up to a space or an unmatched ")" on the rest of the line
//     (parser/link.go, parseLinkDestination), and again for the next "](":
//     "[a](" × 250,000 on one line (1 MB) did not finish in 120 s.
//     linkScanWork computes, in O(n), how many bytes those reads take in
//     total, exactly as goldmark's loop would stop.
//   - Many "]" in a paragraph of many lines. For each "]" that closes no
//     link, goldmark looks up the label as a reference with
//     blockReader.Value (text/reader.go), which walks back over the
//     paragraph's lines from its last one: "[a]" on each of 250,000 lines
//     takes hours. paragraphGuard, a paragraph transformer, counts that
//     walk for each paragraph before goldmark parses its inlines.
//   - Deep nesting: a line that opens many block quotes or list items
//     ("> > > …", "- - - …"), or one inside many levels of lists, costs
//     goldmark time for every level open (each list level re-reads the
//     line). deepNesting bounds the depth of every line at maxNesting.

// maxNesting is how many block quotes and list items one line may open.
// No real page nests more than a few; markdown-it stops at 100 too.
const maxNesting = 100

// linkScanBudget is how many bytes goldmark may read for the link
// destinations of a body of n bytes: a few times n (each destination is
// read once when links are closed), plus room for short bodies.
func linkScanBudget(n int) int { return 16*n + 1<<20 }

// guard returns the problem that keeps body from being converted, or nil.
func guard(body []byte) *Problem {
	if off := deepNesting(body); off >= 0 {
		return &Problem{Offset: off,
			Message: "this line is nested more than 100 levels deep (block quotes, list items, or indented by more than 200 spaces)",
			Hint:    "nest block quotes and lists a few levels at most, and indent lines less; write a > or - that is only text as \\> or \\-"}
	}
	if linkScanBound(body) <= linkScanBudget(len(body)) {
		return nil // the common case: no long line has many "]("
	}
	work, worst := linkScanWork(body)
	if work <= linkScanBudget(len(body)) {
		return nil
	}
	return &Problem{Offset: worst,
		Message: "a link here is not closed: after \"](\" the address runs on without its \")\", and the page has so many like it that converting it would take minutes",
		Hint:    "close each link as [text](address); write \\( \\) or \\[ \\] for brackets that are only text"}
}

// deepNesting returns the offset of the first line that may be nested
// more than maxNesting deep, or -1. A line's depth is counted as the
// block-quote and list-item markers it opens plus its indentation (before
// the first marker) halved
// (a nested list item is indented at least two columns more than its
// parent, and goldmark's list parser re-reads the line for each level
// open: a staircase of 1,000 levels took seconds). Blank lines are not
// counted.
func deepNesting(body []byte) int {
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		depth, cols := 0, 0
		for i := start; i < end && depth+cols/2 <= maxNesting; depth++ {
			for i < end && (body[i] == ' ' || body[i] == '\t') {
				switch {
				case depth > 0: // spaces between markers: not indentation
				case body[i] == '\t':
					cols += 4
				default:
					cols++
				}
				i++
			}
			if i == end {
				cols = 0 // a blank line
				break
			}
			if n := containerMarker(body[i:end]); n > 0 {
				i += n
				continue
			}
			break
		}
		if depth+cols/2 > maxNesting {
			return start
		}
		start = end + 1
	}
	return -1
}

// containerMarker returns the length of a block-quote marker (">") or a
// list-item marker ("-", "*", "+", "1.", "1)" followed by a space or the
// end of the line) at the start of line, or 0.
func containerMarker(line []byte) int {
	if len(line) == 0 {
		return 0
	}
	switch c := line[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '*' || c == '+':
		if len(line) == 1 || line[1] == ' ' || line[1] == '\t' {
			return 1
		}
	case c >= '0' && c <= '9':
		i := 1
		for i < len(line) && i < 10 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i < len(line) && (line[i] == '.' || line[i] == ')') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
			return i + 1
		}
	}
	return 0
}

// linkScanBound is an upper bound of linkScanWork without memory: each
// "](" reads at most to the end of its line.
func linkScanBound(body []byte) int {
	total := 0
	for i := 0; i < len(body); {
		j := bytes.Index(body[i:], []byte("]("))
		if j < 0 {
			break
		}
		i += j + 2
		end := bytes.IndexByte(body[i:], '\n')
		if end < 0 {
			end = len(body) - i
		}
		// Every "](" on the rest of this line reads at most to its end.
		line := body[i : i+end]
		k := bytes.Count(line, []byte("]("))
		total += (k + 1) * end
		i += end
	}
	return total
}

// linkScanWork returns how many bytes goldmark reads in total for the
// destinations of the inline links (every "](") in body, and the offset of
// the "]" whose read is longest. For "](" followed by "<" the read goes to
// the next ">" on the line; otherwise to the first space or line end, or
// the first ")" that closes no "(" read since (a "\" before punctuation
// escapes it), as in goldmark's parseLinkDestination. It runs right to
// left in O(n): stop[s] is where a read starting at s ends.
func linkScanWork(body []byte) (work, worst int) {
	n := len(body)
	stop := make([]int32, n+2)
	stop[n], stop[n+1] = int32(n), int32(n)
	nextGT := n // the first ">" or line end at or after s
	longest := -1
	for s := n - 1; s >= 0; s-- {
		c := body[s]
		switch {
		case util.IsSpace(c) || c == ')':
			stop[s] = int32(s)
		case c == '\\' && s+1 < n && util.IsPunct(body[s+1]):
			stop[s] = stop[s+2]
		case c == '(':
			t := stop[s+1]
			if int(t) < n && body[t] == ')' {
				stop[s] = stop[t+1] // the ")" closes this "(": read on after it
			} else {
				stop[s] = t
			}
		default:
			stop[s] = stop[s+1]
		}
		if c == '>' || c == '\n' {
			nextGT = s
		}
		if c != ']' || s+1 >= n || body[s+1] != '(' {
			continue
		}
		t := s + 2
		for t < n && (body[t] == ' ' || body[t] == '\t') {
			t++
		}
		var read int
		switch {
		case t >= n:
		case body[t] == '<':
			read = max(nextGT, t) - t
		default:
			read = int(stop[t]) - t
		}
		work += read
		if read > longest {
			longest, worst = read, s
		}
	}
	return work, worst
}

// paragraphGuard is a paragraph transformer that refuses a paragraph on
// which goldmark's reference lookups would walk too far: for each "]",
// the lines from its own to the paragraph's last. It runs last (priority
// 1000: goldmark runs lower numbers first), after the table transformer
// has made tables, whose cells are short blocks of their own. A refused
// paragraph loses its lines, so goldmark does not parse it, and the
// conversion reports problem. One guard serves one Converter.
type paragraphGuard struct {
	work    int // lines walked so far in this body
	budget  int
	problem *Problem
}

// reset prepares g for a body of n bytes.
func (g *paragraphGuard) reset(n int) {
	g.work, g.budget, g.problem = 0, linkScanBudget(n), nil
}

// Transform implements parser.ParagraphTransformer.
func (g *paragraphGuard) Transform(node *ast.Paragraph, reader text.Reader, _ parser.Context) {
	lines := node.Lines()
	if g.problem != nil || lines.Len() < 2 {
		return
	}
	src := reader.Source()
	for i := range lines.Len() {
		seg := lines.At(i)
		g.work += bytes.Count(seg.Value(src), []byte("]")) * (lines.Len() - i)
	}
	if g.work > g.budget {
		g.problem = &Problem{Offset: lines.At(0).Start,
			Message: "this paragraph has too many lines with \"]\" in them: converting it would take minutes",
			Hint:    "put blank lines between paragraphs, and close each link as [text](address); write \\[ \\] for brackets that are only text"}
		node.SetLines(text.NewSegments())
	}
}
