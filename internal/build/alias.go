package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/static"
)

// outputSet records every file a build writes (slash paths relative to the
// output root), so that aliases can be checked against all of them. It is
// safe for concurrent use.
type outputSet struct {
	mu    sync.Mutex
	files map[string]struct{}
}

func (o *outputSet) add(p string) {
	o.mu.Lock()
	o.files[p] = struct{}{}
	o.mu.Unlock()
}

// hasAliases reports whether any page has an alias.
func hasAliases(cs *content.Site) bool {
	for _, p := range cs.Pages {
		if len(p.Aliases) > 0 {
			return true
		}
	}
	return false
}

// aliasFile returns the file, relative to the output root, that serves
// alias a: "cu/trang/index.html", or "cu/trang.html" for an alias naming
// an .html file.
func (b *builder) aliasFile(a string) string {
	at := b.local(content.AliasPath(b.site, a))
	if at == "" || strings.HasSuffix(at, "/") {
		at += "index.html"
	}
	return at
}

// writeAliases writes the redirect page of every alias, once every other
// file is written, and reports each alias whose file would take the place
// of one the build wrote (a page, a generated list, tag, search or
// directory page, an attachment, a static file, the feed, the sitemap, the
// search index, …), or would need a folder where the build wrote a file, or
// the other way round. Paths are compared without regard to case, as
// Windows and macOS disks compare them.
func (b *builder) writeAliases() error {
	if b.outputs == nil {
		return nil
	}
	taken := map[string]string{} // lower-case file, or folder + "/", → as written
	take := func(f string) {
		taken[strings.ToLower(f)] = f
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			k := strings.ToLower(d) + "/"
			if _, ok := taken[k]; ok {
				break
			}
			taken[k] = d + "/"
		}
	}
	for f := range b.outputs.files {
		take(f)
	}
	aliasOf := map[string]string{} // alias file → "the alias X of F"
	var buf bytes.Buffer
	for _, p := range b.content.Pages {
		for _, a := range p.Aliases {
			f := b.aliasFile(a.Value)
			there, ok := "", false
			if there, ok = taken[strings.ToLower(f)]; !ok {
				if there, ok = taken[strings.ToLower(f)+"/"]; !ok {
					for d := path.Dir(f); d != "." && !ok; d = path.Dir(d) {
						there, ok = taken[strings.ToLower(d)]
					}
				}
			}
			if ok {
				what := aliasOf[there]
				if what == "" {
					what = b.describeOutput(there)
				}
				d := diag.Errorf(a.Pos, "alias %s cannot be published: %s is already there", a.Value, what)
				if strings.TrimSuffix(there, "/") != f && !strings.HasPrefix(f, there) && !strings.HasPrefix(there, f) {
					d.Message += " (names that differ only in capital letters are the same on Windows and macOS disks)"
				}
				b.res.Diagnostics.Add(d.WithHint("remove the alias, or change it: an old address cannot also be the address of something the site publishes"))
				continue
			}
			buf.Reset()
			if err := b.renderer.Alias(&buf, p); err != nil {
				return err
			}
			if err := b.writeFile(f, buf.Bytes()); err != nil {
				return err
			}
			take(f)
			aliasOf[f] = fmt.Sprintf("the alias %s of %s", a.Value, p.File)
		}
	}
	return nil
}

// describeOutput names what the build wrote at f (a file, or a folder
// ending in "/"), for messages: "the tag page /chu-de/x/", "the page
// /ke-hoach/ (content/plan/_index.vi.md)", "the file sitemap.xml".
func (b *builder) describeOutput(f string) string {
	name := strings.TrimSuffix(f, "/")
	url := b.site.BasePath + name + "/"
	if name == "index.html" {
		url = b.site.BasePath
	} else if strings.HasSuffix(name, "/index.html") {
		url = b.site.BasePath + strings.TrimSuffix(name, "index.html")
	}
	for _, p := range b.content.Pages {
		if p.Path == url {
			return fmt.Sprintf("the page %s (made from %s)", url, p.File)
		}
		for _, a := range p.Attachments {
			if b.local(p.Path)+path.Base(a.Path) == name {
				return fmt.Sprintf("the attachment %s of %s", b.site.BasePath+name, p.File)
			}
		}
	}
	for _, e := range b.renderer.Extras() {
		if e.Path == url {
			return e.What() + " " + url
		}
	}
	if _, err := fs.Stat(b.fsys, path.Join(static.Folder, name)); err == nil {
		return "the file " + path.Join(static.Folder, name)
	}
	if strings.HasSuffix(f, "/") {
		return fmt.Sprintf("the folder %s (written by the build)", f)
	}
	return fmt.Sprintf("the file %s (written by the build)", f)
}
