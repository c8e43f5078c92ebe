package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// page converts body as the page content/x.vi.md would have it.
func page(body string) Page {
	fm := "---\ntitle: X\n---\n"
	text := []byte(fm + body)
	p := &content.Page{Lang: "vi", File: "content/x.vi.md", Path: "/x/", Text: text, Body: text[len(fm):], BodyOffset: len(fm)}
	r := markdown.New(markdown.Options{}).Convert(p.Body, nil)
	return Page{Page: p, Links: r.Links, TOC: r.TOC}
}

// TestHeadingOrderPositions holds that each heading that skips a level is
// reported on its own line, also when an earlier heading has the same
// text, and that thousands of them cost one line index (issue 12: 20,000
// such headings took 100 s, each scanning the body from its start).
func TestHeadingOrderPositions(t *testing.T) {
	const n = 20_000
	p := page(strings.Repeat("## a\n\n#### b\n\n", n))
	l := Run(&config.Site{}, []Page{p})
	var lines []int
	for _, d := range l {
		if strings.Contains(d.Message, "[heading-order]") {
			lines = append(lines, d.Pos.Line)
		}
	}
	if len(lines) != n {
		t.Fatalf("%d heading-order problems, want %d", len(lines), n)
	}
	for i, line := range lines {
		if want := 4 + 4*i + 2; line != want {
			t.Fatalf("problem %d at line %d, want %d", i, line, want)
		}
	}
}

func BenchmarkHeadingOrder(b *testing.B) {
	p := page(strings.Repeat("## a\n\n#### b\n\n", 5000))
	b.ReportAllocs()
	for b.Loop() {
		Run(&config.Site{}, []Page{p})
	}
}

// TestREADMETable holds README.md's table of checks to Rules: a row for
// every rule with its default and summary (a row may add a pointer to a
// README section: ` (see "Call links")`), and no row for a rule that is
// not one.
func TestREADMETable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z][a-z-]*)` \\| (error|warning|off) \\| (.*) \\|$")
	rows := map[string][]string{}
	for _, m := range row.FindAllStringSubmatch(string(b), -1) {
		rows[m[1]] = m[2:]
	}
	for _, r := range Rules {
		got, ok := rows[r.Name]
		if !ok {
			t.Errorf("README.md has no row for the check %s: add | `%s` | %s | %s |", r.Name, r.Name, r.Default, r.Summary)
			continue
		}
		delete(rows, r.Name)
		summary, _, _ := strings.Cut(got[1], ` (see "`)
		if got[0] != r.Default || summary != r.Summary {
			t.Errorf("README.md's row for %s says %q, %q; Rules says %q, %q", r.Name, got[0], summary, r.Default, r.Summary)
		}
	}
	for name := range rows {
		t.Errorf("README.md's table of checks has %s, which is no rule of Rules", name)
	}
	if len(Defaults) != len(Rules) {
		t.Errorf("Defaults has %d rules, Rules %d: two rules have one name", len(Defaults), len(Rules))
	}
}

// TestUnknownCheck holds that a misspelt rule name in site.yaml's checks:
// is an error that suggests the nearest rule of Rules, and that a name
// near none lists them all.
func TestUnknownCheck(t *testing.T) {
	for name, want := range map[string][]string{
		"heading-ordr": {`did you mean "heading-order"?`},
		"spelling":     nil,
	} {
		site := &config.Site{Checks: map[string]strictyaml.Scalar{name: {Value: "off"}}}
		l := Run(site, nil)
		if len(l) != 1 || l[0].Severity != diag.Error {
			t.Fatalf("%s: %v, want one error", name, l)
		}
		if want == nil {
			for _, r := range Rules {
				want = append(want, r.Name)
			}
		}
		for _, w := range want {
			if !strings.Contains(l[0].Hint, w) {
				t.Errorf("%s: the hint %q does not say %q", name, l[0].Hint, w)
			}
		}
	}
}
