package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"time"

	"github.com/loa-ssg/loa/internal/content"
)

// FeedSize is how many news items a feed holds, newest first.
const FeedSize = 20

// FeedPath returns the URL path of lang's Atom feed of news.
func (r *Renderer) FeedPath(lang string) string { return r.Site.LangPrefix(lang) + "atom.xml" }

// Feed writes lang's news as an Atom 1.0 feed (RFC 4287): the newest
// FeedSize items, each with its absolute URL as id, title, summary, link,
// published and updated times in the site's time zone. Drafts (built with
// --drafts) are left out. It writes nothing and returns false when the
// language has no news.
func (r *Renderer) Feed(w io.Writer, lang string) (bool, error) {
	items := r.feed[lang]
	if len(items) == 0 {
		return false, nil
	}
	items = items[:min(FeedSize, len(items))]
	stamp := func(t time.Time) string { return t.In(r.Site.Location).Format(time.RFC3339) }
	updated := time.Time{}
	for _, p := range items {
		if m := lastmod(p); m.After(updated) {
			updated = m
		}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + lang + `">` + "\n")
	el := func(indent, name, text string) {
		b.WriteString(indent + "<" + name + ">")
		xmlText(&b, text)
		b.WriteString("</" + name + ">\n")
	}
	link := func(indent, rel, href string) {
		b.WriteString(indent + `<link rel="` + rel + `" href="`)
		xmlText(&b, href)
		b.WriteString("\"/>\n")
	}
	title := r.Site.Title.Get(lang)
	if sec := r.newsSection(lang); sec != nil {
		title += " – " + sec.Title
	}
	el("  ", "title", title)
	el("  ", "id", r.Site.AbsURL(r.FeedPath(lang)))
	link("  ", "self", r.Site.AbsURL(r.FeedPath(lang)))
	link("  ", "alternate", r.Site.AbsURL(r.Site.LangPrefix(lang)))
	el("  ", "updated", stamp(updated))
	b.WriteString("  <author>\n")
	el("    ", "name", r.Site.Title.Get(lang))
	b.WriteString("  </author>\n")
	for _, p := range items {
		b.WriteString("  <entry>\n")
		el("    ", "title", p.Title)
		el("    ", "id", r.Site.AbsURL(p.Path))
		link("    ", "alternate", r.Site.AbsURL(p.Path))
		el("    ", "published", stamp(p.Date))
		el("    ", "updated", stamp(lastmod(p)))
		if p.Description != "" {
			el("    ", "summary", p.Description)
		}
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	_, err := w.Write(b.Bytes())
	return true, err
}

// newsSection returns lang's news section page, or nil.
func (r *Renderer) newsSection(lang string) *content.Page {
	for _, p := range r.news[lang] {
		for s := p.Parent; s != nil; s = s.Parent {
			if s.Kind == content.KindSection && s.Dir == NewsSection {
				return s
			}
		}
	}
	return nil
}
