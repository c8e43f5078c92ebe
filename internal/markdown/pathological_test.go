package markdown

import (
	"strings"
	"testing"
	"time"
)

// pathologicalSize is the size of each adversarial body: 1 MB, far more
// than any page loa builds.
const pathologicalSize = 1 << 20

// pathological are bodies of the shapes that make Markdown parsers slow
// (cmark's and goldmark's issue trackers, the CommonMark pathological
// tests), each about pathologicalSize bytes. refused is the start of the
// Problem message for the shapes loa refuses instead of converting.
var pathological = []struct {
	name, refused string
	body          func(n int) string
}{
	{"unclosed-links", unclosedLink, repeat("[a](")},
	{"unclosed-links-with-text", unclosedLink, repeat("[a](b")},
	{"unclosed-images", unclosedLink, repeat("![a](")},
	{"unclosed-angle-links", unclosedLink, repeat("[a](<")},
	{"balanced-parens-in-links", unclosedLink, repeat("[a](()")},
	{"unclosed-links-per-line", longParagraph, repeat("[a](b\n")},
	{"bracket-pairs-per-line", longParagraph, repeat("[a]\n")},
	{"bracket-pairs-per-paragraph", "", repeat("[a]\n\n")},
	{"unclosed-titles", "", repeat("[a](b \"")},
	{"unclosed-titles-per-line", longParagraph, repeat("[a](b '\n")},
	{"nested-quote-paragraph", longParagraph, func(n int) string { return "> > " + repeat("[a]\n")(n) }},
	{"closed-links-one-line", "", repeat("[a](b)")},
	{"open-brackets", "", repeat("[")},
	{"close-brackets", "", repeat("]")},
	{"bracket-pairs", "", repeat("[a]")},
	{"reference-openers", "", repeat("[a][")},
	{"footnote-openers", "", repeat("[^")},
	{"emphasis-stars", "", repeat("*a")},
	{"emphasis-underscores", "", repeat("_a")},
	{"emphasis-mixed", "", repeat("*_")},
	{"emphasis-strong-runs", "", repeat("**a ***b ")},
	{"strikethrough", "", repeat("~~a")},
	{"backticks", "", repeat("`a``")},
	{"backtick-runs", "", backtickRuns},
	{"entities", "", repeat("&#")},
	{"raw-html-openers", "", repeat("<a ")},
	{"autolink-openers", "", repeat("<a:")},
	{"bare-urls", "", repeat("www.a http://b( ")},
	{"nested-quotes-one-line", deepNest, line(">")},
	{"nested-lists-one-line", deepNest, line("- ")},
	{"nested-quotes-100", "", repeat(strings.Repeat(">", 100) + " a\n")},
	{"nested-lists-staircase", deepNest, staircase},
	{"nested-lists-staircase-94", "", func(n int) string { return repeat(staircase(9000))(n) }},
	{"quote-per-line", "", repeat("> a\n")},
	{"list-items", "", repeat("- a\n")},
	{"table-rows", "", func(n int) string { return "| a | b |\n|---|---|\n" + repeat("| [x](y) | *z* |\n")(n) }},
	{"table-columns", "", func(n int) string {
		return repeat("| a ")(n/2) + "|\n" + repeat("|---")(n/2) + "|\n| b |\n"
	}},
	{"phone-numbers", "", repeat("0221 3862 000, 111 và 0912.345.678 ")},
	{"digit-runs", "", repeat("1 2-3.4 ")},
	{"same-headings", "", repeat("## a\n\n")},
	{"headings-folding-to-nothing", "", repeat("## ?\n\n")},
}

const (
	unclosedLink  = "a link here is not closed"
	longParagraph = "this paragraph has too many lines with \"]\" in them"
	deepNest      = "this line is nested more than 100 levels deep"
)

// repeat returns a body of unit repeated to about n bytes.
func repeat(unit string) func(int) string {
	return func(n int) string { return strings.Repeat(unit, n/len(unit)) }
}

// line returns one line of unit repeated, then text.
func line(unit string) func(int) string {
	return func(n int) string { return strings.Repeat(unit, n/len(unit)-1) + "a\n" }
}

func backtickRuns(n int) string {
	var b strings.Builder
	for i := 1; b.Len() < n; i = i%200 + 1 {
		b.WriteString(strings.Repeat("`", i) + "a")
	}
	return b.String()
}

// staircase is a list nested one level deeper on each line.
func staircase(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

// TestPathological holds that each adversarial body of 1 MB is converted
// or refused in bounded time (issue 12: "[a](" × 250,000 did not finish in
// 120 s; goldmark is quadratic on it, see guard.go). The bound is on the
// process's CPU time, so a loaded machine does not make it flake, and it
// is generous (a quadratic shape takes minutes): the real times are in
// BenchmarkPathological, at most about a second each.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("converts 40 bodies of 1 MB")
	}
	const bound = 10 * time.Second
	c := New(Options{Phones: []string{"111", "113", "02213862000"}}) // as the real site
	for _, tc := range pathological {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(tc.body(pathologicalSize))
			start := cpuTime()
			r := c.Convert(body, nil)
			d := cpuTime() - start
			t.Logf("%d bytes: %v of CPU time", len(body), d)
			if d > bound {
				t.Errorf("%d bytes took %v of CPU time, more than %v", len(body), d, bound)
			}
			var refused string
			for _, p := range r.Problems {
				if !p.Warning {
					refused = p.Message
				}
			}
			switch {
			case tc.refused == "" && refused != "":
				t.Errorf("refused: %s", refused)
			case tc.refused != "" && !strings.HasPrefix(refused, tc.refused):
				t.Errorf("problem %q, want %q…", refused, tc.refused)
			case tc.refused == "" && len(r.HTML) == 0:
				t.Error("no HTML")
			}
		})
	}
}

func BenchmarkPathological(b *testing.B) {
	c := New(Options{Phones: []string{"111", "113", "02213862000"}}) // as the real site
	for _, tc := range pathological {
		body := []byte(tc.body(pathologicalSize))
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				c.Convert(body, nil)
			}
		})
	}
}

// naiveLinkScanWork reads each link destination as goldmark's
// parseLinkDestination does, one after the other: the definition that
// linkScanWork computes in O(n).
func naiveLinkScanWork(body []byte) int {
	work := 0
	for s := 0; s+1 < len(body); s++ {
		if body[s] != ']' || body[s+1] != '(' {
			continue
		}
		t := s + 2
		for t < len(body) && (body[t] == ' ' || body[t] == '\t') {
			t++
		}
		end := len(body)
		if nl := strings.IndexByte(string(body[t:]), '\n'); nl >= 0 {
			end = t + nl + 1 // goldmark's line holds its "\n"
		}
		line := body[t:end]
		if len(line) > 0 && line[0] == '<' {
			i := strings.IndexAny(string(line), ">\n")
			if i < 0 {
				i = len(line)
			}
			work += i
			continue
		}
		opened, i := 0, 0
		for i < len(line) {
			c := line[i]
			if c == '\\' && i < len(line)-1 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", line[i+1]) >= 0 {
				i += 2
				continue
			} else if c == '(' {
				opened++
			} else if c == ')' {
				opened--
				if opened < 0 {
					break
				}
			} else if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				break
			}
			i++
		}
		work += min(i, len(line))
	}
	return work
}

func FuzzLinkScanWork(f *testing.F) {
	for _, s := range []string{"[a](", "[a](()", "[a](<b", "[a](b\\)c) x](  <d>", "](\\", "]((a)b)c", "](a(b c)"} {
		f.Add(s + s + s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		got, _ := linkScanWork([]byte(body))
		if want := naiveLinkScanWork([]byte(body)); got != want {
			t.Fatalf("linkScanWork(%q) = %d, goldmark reads %d", body, got, want)
		}
		if bound := linkScanBound([]byte(body)); bound < got {
			t.Fatalf("linkScanBound(%q) = %d < %d", body, bound, got)
		}
	})
}
