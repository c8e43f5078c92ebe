package build

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/render"
	"golang.org/x/text/unicode/norm"
)

// linkChange is what a rebuild's changed pages (added, gone, or changed:
// staleKeys) changed of what links resolve against, when nothing else
// did: the same generated pages at the same paths and the same files
// outside bundles (movedFew). A link that resolved without an error can
// resolve otherwise only if it names one of these; the links of a page
// naming none of them need not be resolved again (pageRecord.reusable).
type linkChange struct {
	// bases holds the base names (in NFC) a relative link names when it
	// leads to a changed page's file (with and without its language,
	// "tin.vi.md" and "tin.md") or to one of its attachments.
	bases map[string]bool
	// paths holds the site paths (pathKey) of the changed pages, of
	// their aliases and of their attachments, before and after.
	paths map[string]bool
}

// movedFew returns the link world of b (linkWorld, with seed's hash) from
// the last build's, prevWorld, by taking out the parts of the pages of
// old (the last build) whose files are in changed and putting in those of
// b, with what those pages changed of what links resolve against. When
// the generated pages are not at the same paths (sameExtras false: a tag
// page made or gone), the parts of those added or gone, or in another
// language, are taken out and put in too, and their paths count as
// changed. ok is false, and the world must be summed whole, when more
// than that changed: the files outside bundles.
func (b *builder) movedFew(old *builder, h keyHash64, prevWorld uint64, changed map[string]bool, sameExtras bool) (world uint64, lc *linkChange, ok bool) {
	if !slices.Equal(b.content.Files, old.content.Files) {
		return 0, nil, false
	}
	lc = &linkChange{bases: map[string]bool{}, paths: map[string]bool{}}
	before, after := worldSum{h: h}, worldSum{h: h}
	if !sameExtras {
		lc.extrasMoved(old.renderer.Extras(), b.renderer.Extras(), &before, &after)
	}
	for f := range changed {
		if q := old.content.ByFile(f); q != nil {
			before.page(old, q)
			lc.note(b, q)
		}
		if p := b.content.ByFile(f); p != nil {
			after.page(b, p)
			lc.note(b, p)
		}
	}
	return prevWorld - before.sum + after.sum, lc, true
}

// extrasMoved adds to before the world parts (worldSum, "extra") of the
// generated pages of olds that news does not hold at their path in their
// language, to after those of news that olds does not, and notes their
// paths. Both lists are sorted by path (render.Renderer.Extras).
func (lc *linkChange) extrasMoved(olds, news []*render.Extra, before, after *worldSum) {
	i, j := 0, 0
	for i < len(olds) || j < len(news) {
		c := -1 // olds[i] alone
		switch {
		case i == len(olds):
			c = 1
		case j < len(news):
			c = strings.Compare(olds[i].Path, news[j].Path)
		}
		if c == 0 && olds[i].Lang == news[j].Lang {
			i, j = i+1, j+1
			continue
		}
		if c <= 0 {
			before.add("extra", olds[i].Path, olds[i].Lang)
			lc.paths[pathKey(olds[i].Path)] = true
			i++
		}
		if c >= 0 {
			after.add("extra", news[j].Path, news[j].Lang)
			lc.paths[pathKey(news[j].Path)] = true
			j++
		}
	}
}

// note adds what links may name of p, one version of a changed page.
func (lc *linkChange) note(b *builder, p *content.Page) {
	base := norm.NFC.String(path.Base(p.File))
	lc.bases[base] = true
	if stem, ok := strings.CutSuffix(base, ".md"); ok {
		if i := strings.LastIndexByte(stem, '.'); i >= 0 {
			lc.bases[stem[:i]+".md"] = true // "tin.vi.md" named as "tin.md"
		}
	}
	lc.paths[pathKey(p.Path)] = true
	for _, a := range p.Aliases {
		lc.paths[pathKey(content.AliasPath(b.site, a.Value))] = true
	}
	for _, a := range p.Attachments {
		lc.bases[norm.NFC.String(path.Base(a.Path))] = true
		lc.bases[a.Name] = true
		lc.paths[pathKey(p.Path+path.Base(a.Path))] = true
	}
}

// pathKey is a site path without a final "index.html" and "/": the paths
// builder.sitePath looks up for a link to p ("/a/", "/a", "/a/index.html")
// all have one key.
func pathKey(p string) string {
	return strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
}

// touches reports whether one of r's links may resolve otherwise after
// the change: a link that failed, or one naming a changed page or
// attachment (by base name or site path). A link that may not is left
// out only when this is sure; every other one counts.
func (lc *linkChange) touches(b *builder, r *pageRecord) bool {
	if r == nil {
		return true
	}
	for _, l := range r.links {
		if l.err != "" || lc.names(b, l.dest) {
			return true
		}
	}
	return false
}

// names reports whether the link dest may name what changed, following
// builder.resolver's cases.
func (lc *linkChange) names(b *builder, dest string) bool {
	switch {
	case strings.HasPrefix(dest, "http:") || strings.HasPrefix(dest, "https:"):
		own, ok, err := b.ownSite(dest)
		if err != nil {
			return true
		}
		return ok && lc.namesPath(sitePathKey(b, own))
	case strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "?"):
		return false
	case strings.HasPrefix(dest, "/"):
		return lc.namesPath(sitePathKey(b, dest))
	}
	target, _, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	target = path.Clean(norm.NFC.String(target))
	base := target[strings.LastIndexByte(target, '/')+1:]
	if base == "." || base == ".." || base == "" {
		return true // the name of a folder above: not worth following
	}
	return lc.bases[base]
}

// namesPath reports whether a link by site path, with pathKey key, may
// name what changed: a changed page's path, or one in its folder, where
// a file beside it is published (builder.loosePath).
func (lc *linkChange) namesPath(key string) bool {
	return lc.paths[key] || lc.paths[pathKey(path.Dir(key))]
}

// sitePathKey is the pathKey of the published path builder.sitePath
// looks up for a link by site path.
func sitePathKey(b *builder, dest string) string {
	target, _, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	p, err := url.PathUnescape(target)
	if err != nil {
		p = target
	}
	if !strings.HasPrefix(p, b.site.BasePath) {
		p = b.site.BasePath + strings.TrimPrefix(p, "/")
	}
	return pathKey(p)
}
