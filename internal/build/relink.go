package build

import (
	"hash/maphash"
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
	// seed and mask: the bit (linkBit) of each key of bases and paths,
	// so that a page none of whose links' keys has one of them is told
	// apart without a look-up (pageRecord.linkMask).
	seed maphash.Seed
	mask uint64
}

// addPath and addBase add a key to paths and bases.
func (lc *linkChange) addPath(key string) {
	lc.paths[key] = true
	lc.mask |= linkBit(lc.seed, key, true)
}

func (lc *linkChange) addBase(key string) {
	lc.bases[key] = true
	lc.mask |= linkBit(lc.seed, key, false)
}

// linkBit is the bit of a key of linkChange's paths (isPath) or bases in
// a 64-bit mask: the low half for paths, the high half for bases.
func linkBit(seed maphash.Seed, key string, isPath bool) uint64 {
	bit := maphash.String(seed, key) % 32
	if !isPath {
		bit += 32
	}
	return 1 << bit
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
	lc = &linkChange{bases: map[string]bool{}, paths: map[string]bool{}, seed: b.inc.seed}
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
			lc.addPath(pathKey(olds[i].Path))
			i++
		}
		if c >= 0 {
			after.add("extra", news[j].Path, news[j].Lang)
			lc.addPath(pathKey(news[j].Path))
			j++
		}
	}
}

// note adds what links may name of p, one version of a changed page.
func (lc *linkChange) note(b *builder, p *content.Page) {
	base := norm.NFC.String(path.Base(p.File))
	lc.addBase(base)
	if stem, ok := strings.CutSuffix(base, ".md"); ok {
		if i := strings.LastIndexByte(stem, '.'); i >= 0 {
			lc.addBase(stem[:i] + ".md") // "tin.vi.md" named as "tin.md"
		}
	}
	lc.addPath(pathKey(p.Path))
	for _, a := range p.Aliases {
		lc.addPath(pathKey(content.AliasPath(b.site, a.Value)))
	}
	for _, a := range p.Attachments {
		lc.addBase(norm.NFC.String(path.Base(a.Path)))
		lc.addBase(a.Name)
		lc.addPath(pathKey(p.Path + path.Base(a.Path)))
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
// The keys of r's links are made at its first call and kept in r (the
// site's base URL and path, which they read, are the Session's), so that
// later rebuilds look them up without reading the links again, and skip
// the look-ups when no key's bit is in the change's mask.
func (lc *linkChange) touches(b *builder, r *pageRecord) bool {
	if r == nil {
		return true
	}
	if r.linkKeys == nil {
		r.makeLinkKeys(b)
	}
	if r.linkAlways {
		return true
	}
	if r.linkMask&lc.mask == 0 {
		return false
	}
	for _, k := range r.linkKeys {
		if k.isPath && lc.paths[k.key] || !k.isPath && lc.bases[k.key] {
			return true
		}
	}
	return false
}

// linkKey is what linkChange.touches looks up for a link: a site path
// (pathKey) in paths, or a base name in bases.
type linkKey struct {
	key    string
	isPath bool
}

// makeLinkKeys fills r's linkKeys, linkMask and linkAlways from its links
// (linkKeyOf); linkKeys is not nil after it.
func (r *pageRecord) makeLinkKeys(b *builder) {
	keys := make([]linkKey, 0, len(r.links))
	for _, l := range r.links {
		k, always, never := linkKeyOf(b, l.dest)
		switch {
		case l.err != "" || always:
			r.linkAlways = true
		case !never:
			keys = append(keys, k)
			r.linkMask |= linkBit(b.inc.seed, k.key, k.isPath)
			if k.isPath {
				// Its folder too: a file published beside the page
				// there (builder.loosePath) moves with that page.
				dir := linkKey{pathKey(path.Dir(k.key)), true}
				keys = append(keys, dir)
				r.linkMask |= linkBit(b.inc.seed, dir.key, true)
			}
		}
	}
	r.linkKeys = keys
}

// linkKeyOf returns what a link to dest may name of a change, following
// builder.resolver's cases: the key to look up; always when it counts
// whatever changed, never when it names nothing a page change changes.
func linkKeyOf(b *builder, dest string) (k linkKey, always, never bool) {
	switch {
	case strings.HasPrefix(dest, "http:") || strings.HasPrefix(dest, "https:"):
		own, ok, err := b.ownSite(dest)
		if err != nil {
			return k, true, false
		}
		if !ok {
			return k, false, true
		}
		return linkKey{sitePathKey(b, own), true}, false, false
	case strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "?"):
		return k, false, true
	case strings.HasPrefix(dest, "/"):
		return linkKey{sitePathKey(b, dest), true}, false, false
	}
	target, _, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	target = path.Clean(norm.NFC.String(target))
	base := target[strings.LastIndexByte(target, '/')+1:]
	if base == "." || base == ".." || base == "" {
		return k, true, false // the name of a folder above: not worth following
	}
	return linkKey{base, false}, false, false
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
