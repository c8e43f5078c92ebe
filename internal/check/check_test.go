package check

import (
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/markdown"
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
