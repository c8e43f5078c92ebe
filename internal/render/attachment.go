package render

import (
	"path"
	"strings"

	"github.com/loa-ssg/loa/internal/content"
)

// fileKind names a file's type for readers from its extension: "PDF",
// "DOCX"; "" → the extension upper-cased, or "file".
func fileKind(name string) string {
	ext := strings.TrimPrefix(path.Ext(name), ".")
	if ext == "" {
		return "file"
	}
	return strings.ToUpper(ext)
}

// pageTags returns p's tags linked to their tag pages (none when the site
// has no tag templates).
func (r *Renderer) pageTags(p *content.Page) []Tag {
	if r.tmpl["tag.html"] == nil || len(p.Tags) == 0 {
		return nil
	}
	var out []Tag
	for _, t := range p.Tags {
		slug := r.slug(t)
		if slug == "" {
			continue
		}
		out = append(out, Tag{Slug: slug, Name: r.tagName(p.Lang, slug, t), URL: r.tagsURL(p.Lang) + slug + "/"})
	}
	return out
}

// tagName is the name of the tag written as written (slug its slug) in
// lang: the interface string "tag_<slug>" when the site defines one, else
// written.
func (r *Renderer) tagName(lang, slug, written string) string {
	if s := r.Catalog.T(lang, "tag_"+slug); s != "tag_"+slug {
		return s
	}
	return written
}
