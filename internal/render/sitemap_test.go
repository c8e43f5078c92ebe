package render

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// sitemapByMaps is Sitemap as it was written first, with a map of
// alternates per page and Site.AbsURL: the oracle TestSitemapSameBytes
// holds the faster one to.
func sitemapByMaps(r *Renderer) string {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	url := func(path string, mod time.Time, alternates map[string]string) {
		b.WriteString("  <url>\n    <loc>")
		xmlText(&b, r.Site.AbsURL(path))
		b.WriteString("</loc>\n")
		if !mod.IsZero() {
			b.WriteString("    <lastmod>" + r.isoDate(mod) + "</lastmod>\n")
		}
		if len(alternates) > 1 {
			link := func(hreflang, href string) {
				b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + hreflang + `" href="`)
				xmlText(&b, r.Site.AbsURL(href))
				b.WriteString("\"/>\n")
			}
			for _, l := range r.Site.Languages {
				if p, ok := alternates[l.Code]; ok {
					link(l.Code, p)
				}
			}
			if p, ok := alternates[r.Site.Default()]; ok {
				link("x-default", p)
			}
		}
		b.WriteString("  </url>\n")
	}
	for _, p := range r.Content.Pages {
		if p.Draft {
			continue
		}
		alternates := map[string]string{}
		for _, t := range p.Translations {
			if !t.Draft {
				alternates[t.Lang] = t.Path
			}
		}
		url(p.Path, lastmod(p), alternates)
	}
	for _, e := range r.extras {
		if !e.empty {
			url(e.Path, time.Time{}, r.extraKeys[e.Key])
		}
	}
	b.WriteString("</urlset>\n")
	return b.String()
}

// TestSitemapSameBytes holds Sitemap to sitemapByMaps for pages with and
// without translations and dates, tag pages, and a base URL with
// characters XML escapes, a plain one and none.
func TestSitemapSameBytes(t *testing.T) {
	r, _ := renderer(t, map[string]string{
		"_index.vi.md": viewHome, "_index.en.md": "---\ntitle: Home\n---\nHi.\n",
		"a.vi.md": "---\ntitle: Một\ndate: 2024-05-01\ntags: [x, y]\n---\nChữ.\n", "a.en.md": "---\ntitle: One\nlastmod: 2024-06-01T08:30:00+07:00\ntags: [x]\n---\nText.\n",
		"b.vi.md": "---\ntitle: Hai\n---\nChữ.\n",
	})
	for _, base := range []struct{ url, path string }{{"https://example.vn/", "/"}, {"https://example.vn/a&b<'c'>/", "/"}, {"/", "/"}} {
		r.Site.BaseURL, r.Site.BasePath = base.url, base.path
		var b strings.Builder
		if err := r.Sitemap(&b); err != nil {
			t.Fatal(err)
		}
		want := sitemapByMaps(r)
		if b.String() != want {
			t.Errorf("base %s: sitemap.xml\n%s\nwant\n%s", base.url, b.String(), want)
		}
		// Into a buffer (written straight into it), after what it holds.
		var buf bytes.Buffer
		buf.WriteString("before\n")
		if err := r.Sitemap(&buf); err != nil || buf.String() != "before\n"+want {
			t.Errorf("base %s: sitemap.xml into a buffer (%v)\n%s\nwant\n%s", base.url, err, buf.String(), "before\n"+want)
		}
		if base.url == "https://example.vn/" && (!strings.Contains(b.String(), `hreflang="x-default"`) || !strings.Contains(b.String(), "<lastmod>")) {
			t.Errorf("the test site has no alternates or dates:\n%s", b.String())
		}
	}
}
