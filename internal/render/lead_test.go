package render

import (
	"html/template"
	"testing"
)

// TestLeadRest: the lines before a page's first ## heading come above its
// table of contents (a warning or a number to call on the first screen);
// together the two parts are the whole text.
func TestLeadRest(t *testing.T) {
	for _, tc := range []struct{ content, lead, rest string }{
		{"<p>Gọi <a href=\"tel:111\">111</a>.</p>\n<h2 id=\"a\">A</h2>\n<p>x</p>\n", "<p>Gọi <a href=\"tel:111\">111</a>.</p>\n", "<h2 id=\"a\">A</h2>\n<p>x</p>\n"},
		{"<h2 id=\"a\">A</h2>\n<p>x</p>\n", "", "<h2 id=\"a\">A</h2>\n<p>x</p>\n"},
		{"<p>only text</p>\n", "<p>only text</p>\n", ""},
		{"<p>a</p>\n<h3 id=\"b\">B</h3>\n<h2 id=\"c\">C</h2>\n", "<p>a</p>\n<h3 id=\"b\">B</h3>\n", "<h2 id=\"c\">C</h2>\n"},
	} {
		v := &View{Content: template.HTML(tc.content)}
		if got := string(v.Lead()); got != tc.lead {
			t.Errorf("Lead of %q = %q, want %q", tc.content, got, tc.lead)
		}
		if got := string(v.Rest()); got != tc.rest {
			t.Errorf("Rest of %q = %q, want %q", tc.content, got, tc.rest)
		}
	}
}
