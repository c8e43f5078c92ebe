package build

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/directory"
	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/static"
)

// published is every URL path the build writes that a link may name:
// pages, aliases, generated pages, attachments, static files and the
// site-wide files. It is made once per build, on first use.
type published struct {
	once  sync.Once
	paths map[string]bool
	pages []string          // page and generated-page paths, for suggestions
	langs map[string]string // page and generated-page path → language
}

// publishedPaths returns b's published paths, making them on first use.
// It is safe for concurrent use.
func (b *builder) publishedPaths() *published {
	p := &b.published
	p.once.Do(func() {
		n := len(b.content.Pages) + len(b.renderer.Extras())
		p.paths, p.langs = make(map[string]bool, n+n/8), make(map[string]string, n)
		page := func(u, lang string) {
			if !p.paths[u] {
				p.pages = append(p.pages, u)
			}
			p.paths[u] = true
			p.langs[u] = lang
		}
		for _, q := range b.content.Pages {
			page(q.Path, q.Lang)
			for _, a := range q.Aliases {
				p.paths[content.AliasPath(b.site, a.Value)] = true
			}
			for _, a := range q.Attachments {
				p.paths[q.Path+path.Base(a.Path)] = true
			}
		}
		for _, e := range b.renderer.Extras() {
			page(e.Path, e.Lang)
		}
		for _, u := range b.sitePaths() {
			p.paths[u] = true
		}
	})
	return p
}

// sitePaths returns the published paths that are neither pages, nor
// generated pages, nor a page's aliases or attachments: the feeds, the
// site-wide files and the static files.
func (b *builder) sitePaths() []string {
	var out []string
	for _, lang := range b.site.Languages {
		out = append(out, b.renderer.FeedPath(lang.Code))
	}
	for _, name := range []string{"sitemap.xml", "robots.txt", "404.html", cssSource} {
		out = append(out, b.site.BasePath+name)
	}
	for _, fsys := range []struct {
		fs   fs.FS
		root string
	}{{b.opts.Static, "."}, {b.fsys, static.Folder}} {
		_ = fs.WalkDir(fsys.fs, fsys.root, func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out = append(out, b.site.BasePath+strings.TrimPrefix(strings.TrimPrefix(name, fsys.root), "/"))
			}
			return nil
		})
	}
	return out
}

// loosePath returns the file outside bundles that a page publishes at the
// URL path p when it links it (an image beside a single-file page:
// content/guidance/anh.png at "/huong-dan/<slug>/anh.png", the address a
// browser shows for it). Such a file is published only beside the pages
// that link it, so whether one does is known only after every page is
// rendered; a link by this path is therefore taken to mean the file.
func (b *builder) loosePath(p string) (content.Attachment, bool) {
	dir, name := path.Split(p)
	if name == "" || name == "index.html" || !b.publishedPaths().paths[dir] {
		return content.Attachment{}, false
	}
	for _, q := range b.content.Pages {
		if q.Path == dir {
			return b.content.File(strings.TrimPrefix(path.Join(path.Dir(q.File), name), content.Root+"/"))
		}
	}
	return content.Attachment{}, false
}

// onlyLonger returns the one page path that begins with p (without its
// final "/") and goes on, for a link cut short ("/huong-dan/cach-bao-tin/"
// for "/huong-dan/cach-bao-tin-va-tim-su-giup-do/"), or "" when no page or
// more than one does.
func onlyLonger(p string, pages []string) string {
	stem := strings.TrimSuffix(p, "/")
	found := ""
	for _, q := range pages {
		if len(q) > len(stem)+1 && strings.HasPrefix(q, stem) {
			if found != "" {
				return ""
			}
			found = q
		}
	}
	return found
}

// isImageName reports whether a file name ends in an image type's
// extension.
func isImageName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif":
		return true
	}
	return false
}

// ownSite turns a link to the site's own public address
// ("https://example.org/ho-tro/#a", base_url being https://example.org/)
// into the site path it names ("/ho-tro/#a"), so that it is checked like
// any link by path and works on a preview or a copy of the site too. ok is
// false for links to other websites. A link to loa serve's preview on
// this computer is an error: it would be broken for every visitor.
func (b *builder) ownSite(dest string) (sitePath string, ok bool, err error) {
	u, perr := url.Parse(dest)
	if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false, nil
	}
	rest := u.EscapedPath()
	if rest == "" {
		rest = "/"
	}
	if u.RawQuery != "" {
		rest += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		rest += "#" + u.EscapedFragment()
	}
	switch host := u.Hostname(); {
	case host == "127.0.0.1" || host == "localhost" || host == "::1":
		return "", false, linkError{fmt.Sprintf("the link %q goes to the preview on this computer, which visitors cannot reach", dest),
			fmt.Sprintf("write the address without %s://%s, from the \"/\" after it: %s", u.Scheme, u.Host, rest)}
	case strings.HasPrefix(b.site.BaseURL, "http"):
		base, perr := url.Parse(b.site.BaseURL)
		if perr == nil && strings.EqualFold(base.Host, u.Host) && strings.HasPrefix(u.Path, base.Path) {
			return rest, true, nil
		}
	}
	return "", false, nil
}

// sitePath checks a link by site path ("/ho-tro/", "/sub/ho-tro/#a", as
// copied from the browser's address bar) against the published paths and
// returns the URL to publish: under the site's base path, with the "/"
// a folder's address ends in. A path that the build does not publish is
// an error suggesting the nearest page; its message quotes the link as
// written. found, when not nil, is told the URL and language of the page
// the link goes to. A path where a file outside bundles is published
// beside the page that links it (loosePath) is no error: beside, when
// not nil, publishes that file beside the linking page too and returns
// its URL there, which the link then goes to.
func (b *builder) sitePath(dest, written string, found func(url, lang string), beside func(content.Attachment) string) (string, error) {
	target, frag, hasFrag := strings.Cut(dest, "#")
	if hasFrag {
		frag = "#" + frag
	}
	target, query, hasQuery := strings.Cut(target, "?")
	if hasQuery {
		query = "?" + query
	}
	p, err := url.PathUnescape(target)
	if err != nil {
		p = target
	}
	if !strings.HasPrefix(p, b.site.BasePath) {
		p = b.site.BasePath + strings.TrimPrefix(p, "/")
	}
	pub := b.publishedPaths()
	for _, under := range []string{render.SearchFolder, directory.ExportFolder} {
		if strings.HasPrefix(p, b.site.BasePath+under+"/") {
			return dest, nil // written by the build; not listed one by one
		}
	}
	switch {
	case pub.paths[p]:
	case pub.paths[p+"/"]:
		p += "/"
	case strings.HasSuffix(p, "/index.html") && pub.paths[strings.TrimSuffix(p, "index.html")]:
	default:
		if f, ok := b.loosePath(p); ok && beside != nil {
			return beside(f) + query + frag, nil
		}
		msg := fmt.Sprintf("the link %q goes to %s, which is not a page or file of this site", written, p)
		if isImageName(p) {
			return "", linkError{msg, fmt.Sprintf("save the image beside the page and write its file name: ![what it shows](%s); or put it in static/ (static/%s is published as %s%s)",
				path.Base(p), strings.TrimPrefix(p, b.site.BasePath), b.site.BasePath, strings.TrimPrefix(p, b.site.BasePath))}
		}
		s := diag.Suggest(p, pub.pages)
		if s == "" {
			s = onlyLonger(p, pub.pages)
		}
		if s != "" {
			return "", linkError{msg, fmt.Sprintf("did you mean %s? Or link to the page's Markdown file, relative to this file, e.g. ../plan/164-kh-ubnd/index.vi.md", s)}
		}
		return "", linkError{msg, "copy the address of a page that exists, or link to the page's Markdown file, relative to this file, e.g. ../plan/164-kh-ubnd/index.vi.md"}
	}
	out := p + query + frag
	if target == p && !hasQuery {
		out = dest
	}
	if lang, ok := pub.langs[p]; ok && found != nil {
		found(out, lang)
	}
	return out, nil
}
