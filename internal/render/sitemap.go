package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/content"
)

// Sitemap writes sitemap.xml (sitemaps.org protocol 0.9) listing every page
// but drafts (built with --drafts), each with <xhtml:link rel="alternate"
// hreflang> for all its translations that are not drafts, itself included,
// as Google documents for multilingual sites.
func (r *Renderer) Sitemap(w io.Writer) error {
	// Written straight into w when it is a buffer (as the build's is): a
	// large site's sitemap is megabytes.
	b, direct := w.(*bytes.Buffer)
	if !direct {
		b = new(bytes.Buffer)
	}
	b.Grow(512 * (len(r.Content.Pages) + len(r.extras)))
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	// abs writes Site.AbsURL(path), escaped, without making the string.
	base := ""
	if r.Site.BaseURL != "/" {
		base = strings.TrimSuffix(r.Site.BaseURL, r.Site.BasePath)
	}
	abs := func(path string) {
		xmlText(b, base)
		xmlText(b, path)
	}
	// alternates holds a page's translations by language, as a map would:
	// the last of a language wins, and n counts the languages.
	var alternates []alternate
	url := func(path string, mod time.Time, n int) {
		b.WriteString("  <url>\n    <loc>")
		abs(path)
		b.WriteString("</loc>\n")
		if !mod.IsZero() {
			b.WriteString("    <lastmod>")
			b.WriteString(r.isoDate(mod))
			b.WriteString("</lastmod>\n")
		}
		if n > 1 {
			link := func(hreflang, href string) {
				b.WriteString(`    <xhtml:link rel="alternate" hreflang="`)
				b.WriteString(hreflang)
				b.WriteString(`" href="`)
				abs(href)
				b.WriteString("\"/>\n")
			}
			for _, l := range r.Site.Languages {
				if p, ok := alternateOf(alternates, l.Code); ok {
					link(l.Code, p)
				}
			}
			if p, ok := alternateOf(alternates, r.Site.Default()); ok {
				link("x-default", p)
			}
		}
		b.WriteString("  </url>\n")
	}
	for _, p := range r.Content.Pages {
		if p.Draft {
			continue
		}
		alternates = alternates[:0]
		n := 0
		for _, t := range p.Translations {
			if !t.Draft {
				if _, ok := alternateOf(alternates, t.Lang); !ok {
					n++
				}
				alternates = append(alternates, alternate{t.Lang, t.Path})
			}
		}
		url(p.Path, lastmod(p), n)
	}
	for _, e := range r.extras {
		if e.empty {
			continue // a category or area page with nothing listed on it
		}
		paths := r.extraKeys[e.Key]
		alternates = alternates[:0]
		for lang, path := range paths {
			alternates = append(alternates, alternate{lang, path})
		}
		url(e.Path, time.Time{}, len(paths))
	}
	b.WriteString("</urlset>\n")
	if direct {
		return nil
	}
	_, err := w.Write(b.Bytes())
	return err
}

// alternate is a translation's language and URL path (Sitemap).
type alternate struct{ lang, path string }

// alternateOf returns the path of the last of alternates in lang.
func alternateOf(alternates []alternate, lang string) (string, bool) {
	for i := len(alternates) - 1; i >= 0; i-- {
		if alternates[i].lang == lang {
			return alternates[i].path, true
		}
	}
	return "", false
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
