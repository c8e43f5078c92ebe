package build

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// siteRef finds the URL attributes of the HTML the build writes that
// point into the site by path (href="/ho-tro/", src="/css/site.….css",
// action, data-*, and the url= of an alias's <meta http-equiv="refresh">).
// html/template and goldmark always quote attribute values with ", and
// Markdown's raw HTML is left out, so a value starting ="/ is always an
// attribute.
var siteRef = regexp.MustCompile(`(\s(?:href|src|action|data-[a-z-]+)="|\scontent="\d+; url=)(/[^"]*)"`)

// relativize rewrites the site paths in html, a page written at file
// (relative to the output folder, "huong-dan/x/index.html"), into paths
// relative to it, with index.html written out for a folder: what a
// browser needs to open the site from a folder (file://), where no server
// adds index.html and "/" is the disk's root. basePath is the site's base
// path ("/"); paths outside it, absolute URLs ("https://…") and links
// within the page ("#…") are left as they are, so canonical and hreflang
// links and JSON-LD keep the site's real address.
func relativize(html []byte, file, basePath string) []byte {
	dir := path.Dir("/" + file)
	return siteRef.ReplaceAllFunc(html, func(m []byte) []byte {
		sub := siteRef.FindSubmatch(m)
		attr, ref := sub[1], string(sub[2])
		if strings.HasPrefix(ref, "//") || !strings.HasPrefix(ref, basePath) {
			return m
		}
		rest := ""
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			ref, rest = ref[:i], ref[i:]
		}
		target := "/" + strings.TrimPrefix(ref, basePath)
		if strings.HasSuffix(target, "/") {
			target += "index.html"
		}
		rel := relPath(dir, target)
		var b bytes.Buffer
		b.Write(attr)
		b.WriteString(rel + rest)
		b.WriteByte('"')
		return b.Bytes()
	})
}

// relPath returns target relative to the folder dir; both are slash paths
// starting with "/".
func relPath(dir, target string) string {
	from := strings.Split(strings.Trim(dir, "/"), "/")
	if dir == "/" {
		from = nil
	}
	to := strings.Split(strings.TrimPrefix(target, "/"), "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}
