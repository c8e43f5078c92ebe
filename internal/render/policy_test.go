package render

import (
	"strings"
	"testing"
)

func TestForeignRequests(t *testing.T) {
	html := `<link rel="stylesheet" href="https://cdn.example/x.css">
<link rel="canonical" href="https://example.org/a/">
<link rel="alternate" hreflang="en" href="https://example.org/en/a/">
<script src="//cdn.example/x.js"></script>
<script src="/js/exit.js"></script>
<img src="https://tracker.example/p.gif" alt="">
<iframe src="https://maps.example/embed"></iframe>
<IMG SRC="https://upper.example/i.png"><Scripts src="https://not-a-tag.example/"></Scripts>
<a href="https://example.org/">a link is fine</a>
<style>@import "https://fonts.example/f.css"; .x { background: url(https://img.example/b.png) }</style>`
	var got []string
	for _, f := range ForeignRequests([]byte(html)) {
		got = append(got, f.What+" "+f.URL)
	}
	want := []string{
		"stylesheet https://cdn.example/x.css",
		"script //cdn.example/x.js",
		"img https://tracker.example/p.gif",
		"iframe https://maps.example/embed",
		"img https://upper.example/i.png",
		"stylesheet url() https://fonts.example/f.css",
		"stylesheet url() https://img.example/b.png",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHeaderFiles(t *testing.T) {
	files := HeaderFiles("/sub/")
	for name, want := range map[string]string{
		"_headers":           "  Content-Security-Policy: " + CSP + "; frame-ancestors 'none'\n",
		"nginx-headers.conf": `add_header Referrer-Policy "no-referrer" always;`,
	} {
		if !strings.Contains(string(files[name]), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, files[name])
		}
	}
	nginx := string(files["nginx-headers.conf"])
	for _, want := range []string{"\nerror_page 404 /sub/404.html;\n", "\nlocation ~ ^/sub/(_headers|nginx-headers\\.conf|\\.loa-output)$ { return 404; }\n"} {
		if !strings.Contains(nginx, want) {
			t.Errorf("nginx-headers.conf lacks %q:\n%s", want, nginx)
		}
	}
	if !strings.HasPrefix(string(files["_headers"]), "/*\n") {
		t.Errorf("_headers must apply to every path")
	}
}

// TestFetchedParse holds fetched.parse to a map of every attribute, as
// ForeignRequests read tags before (names lower-cased, the last of a name
// written twice), on tags written in the ways a template or an editor's
// HTML may write them.
func TestFetchedParse(t *testing.T) {
	all := func(b []byte) map[string]string {
		m := map[string]string{}
		for {
			name, val, rest, ok := nextAttr(b)
			if !ok {
				return m
			}
			m[strings.ToLower(string(name))] = string(val)
			b = rest
		}
	}
	for _, tag := range []string{
		` src="https://a.example/x.js"`,
		` SRC='//b.example/y' Href=https://c.example/ rel = "Alternate Stylesheet" `,
		` data-src="https://no.example/" data="https://obj.example/" poster=https://p.example/p.png srcset="https://s.example/1x.png 1x"`,
		` src="/a" src="https://twice.example/"`,
		` src="https://twice.example/" src=""`,
		` hidden src`,
		` src="https://unclosed.example/`,
		` src = 'x' /`,
		`/`,
		``,
		` rel=canonical href="https://example.org/"`,
		` ſrc="https://long-s.example/" sRcSeT="a"`,
	} {
		var f fetched
		f.parse([]byte(tag))
		m := all([]byte(tag))
		for k, name := range fetchNames {
			if f[k] != m[name] {
				t.Errorf("%q: %s = %q, want %q", tag, name, f[k], m[name])
			}
		}
	}
}
