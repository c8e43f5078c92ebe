package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"time"

	"github.com/loa-ssg/loa/internal/content"
)

// Sitemap writes sitemap.xml (sitemaps.org protocol 0.9) listing every page,
// each with <xhtml:link rel="alternate" hreflang> for all its translations,
// itself included, as Google documents for multilingual sites.
func (r *Renderer) Sitemap(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range r.Content.Pages {
		b.WriteString("  <url>\n    <loc>")
		xmlText(&b, r.site.AbsURL(p.Path))
		b.WriteString("</loc>\n")
		if mod := lastmod(p); !mod.IsZero() {
			b.WriteString("    <lastmod>" + mod.In(r.site.Location).Format(time.RFC3339) + "</lastmod>\n")
		}
		if len(p.Translations) > 1 {
			for _, t := range p.Translations {
				b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + t.Lang + `" href="`)
				xmlText(&b, r.site.AbsURL(t.Path))
				b.WriteString("\"/>\n")
			}
			if def := p.Translation(r.site.Default()); def != nil {
				b.WriteString(`    <xhtml:link rel="alternate" hreflang="x-default" href="`)
				xmlText(&b, r.site.AbsURL(def.Path))
				b.WriteString("\"/>\n")
			}
		}
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Robots writes robots.txt: everything may be crawled; the sitemap's
// address is given when the site has a base_url.
func (r *Renderer) Robots(w io.Writer) error {
	s := "User-agent: *\nAllow: /\n"
	if r.site.BaseURL != "/" {
		s += "Sitemap: " + r.site.AbsURL(r.site.BasePath+"sitemap.xml") + "\n"
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

func xmlText(b *bytes.Buffer, s string) { _ = xml.EscapeText(b, []byte(s)) }
