package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"time"

	"github.com/loa-ssg/loa/internal/content"
)

// Sitemap writes sitemap.xml (sitemaps.org protocol 0.9) listing every page
// but drafts (built with --drafts), each with <xhtml:link rel="alternate"
// hreflang> for all its translations that are not drafts, itself included,
// as Google documents for multilingual sites.
func (r *Renderer) Sitemap(w io.Writer) error {
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
		if e.empty {
			continue // a category or area page with nothing listed on it
		}
		url(e.Path, time.Time{}, r.extraKeys[e.Key])
	}
	b.WriteString("</urlset>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Robots writes robots.txt (RFC 9309): everything may be crawled, and the
// Sitemap line gives sitemap.xml's absolute address (sitemaps.org), which
// needs the site's base_url (a site without one has only a relative path
// to give, which crawlers ignore, and build refuses it).
func (r *Renderer) Robots(w io.Writer) error {
	s := "User-agent: *\nAllow: /\n"
	if r.Site.BaseURL != "/" {
		s += "Sitemap: " + r.Site.AbsURL(r.Site.BasePath+"sitemap.xml") + "\n"
	}
	_, err := io.WriteString(w, s)
	return err
}

func lastmod(p *content.Page) time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

func xmlText(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			_ = xml.EscapeText(b, []byte(s))
			return
		}
	}
	b.WriteString(s) // printable ASCII with nothing to escape, as most URLs
}
