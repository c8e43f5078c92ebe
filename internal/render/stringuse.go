package render

import (
	"html/template"
	"maps"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/loa-ssg/loa/internal/content"
)

// Which interface strings a page can show, so that a rebuild after an edit
// of content/i18n renders only the pages that show a string that changed
// (loa serve). Three kinds of readers:
//
//   - templates: {{.S.key}}, {{$.S.key}}, {{.V.S.key}}, {{.T "key"}} in
//     the templates that executing a layout reaches ({{template}},
//     {{block}}, and the templates that View.Cached, CachedFor and
//     CachedEach name). A template that reads a string by a key made at
//     run time ({{index .S $k}}, {{.T $k}}, .S handed on whole, a cached
//     template named at run time) makes its layouts read every string.
//   - Go code that puts strings into what pages show (goStrings,
//     goPrefixes): URL paths, titles of generated pages, labels. Those are
//     part of LangKeyBesideStrings, so that a change of one of them
//     renders every page of the language again, as before.
//   - tag names (TagPrefix): written into the keys of the pages and
//     generated pages that show them (PageKey, ExtraKey).
//
// Printed pieces, 404.html, feeds and the sitemap are made at every
// rebuild, so their strings need no key. A leaflet (paper's templates,
// written with its page) reads its language's strings whole: a page with
// a leaflet counts as reading every string (StringsLayout).

// goStrings are the interface strings Go code of this package reads into
// what pages show, by constant key (Printout's own are not: printed pieces
// are made at every rebuild); goPrefixes the beginnings of those it
// reads by keys made at run time (url_<piece>, lang_<code>, day_<day>).
// TestGoStringsListed holds every Catalog.T of the package to them.
var (
	goStrings = []string{
		"az", "home", "not_found_title", "page", "print_directory", "print_leaflet",
		"print_poster", "report_mistake_subject", "search", "tags",
	}
	goPrefixes = []string{"url_", "lang_", "day_"}
)

// TagPrefix begins the key of a tag's display name: "tag_<slug>". Those
// strings are written into the keys of the pages that show them.
const TagPrefix = "tag_"

// goString reports whether Go code reads the string key into what pages
// show (goStrings, goPrefixes).
func goString(key string) bool {
	if _, ok := slices.BinarySearch(goStrings, key); ok {
		return true
	}
	for _, p := range goPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// stringUse is what a layout's templates read of the interface strings:
// every string (all), or those of keys, sorted.
type stringUse struct {
	all  bool
	keys []string
}

// layoutStrings returns the interface strings that executing t's base
// layout can read, following the templates it reaches as layoutIDs does.
// A template named only at run time (a cached template whose name is not
// a literal) makes it every string.
func layoutStrings(t *template.Template) stringUse {
	keys := map[string]bool{}
	all := false
	// idents notes what a chain of field names reads: S followed by a
	// key reads that key; S last is the whole map, handed on or ranged
	// over (every string); T not called as a command's function reads a
	// key not known here.
	idents := func(ids []string, called bool) {
		for i, id := range ids {
			switch {
			case id == "S" && i+1 < len(ids):
				keys[ids[i+1]] = true
			case id == "S", id == "T" && !(called && i == len(ids)-1):
				all = true
			}
		}
	}
	var node func(n parse.Node, called bool)
	var pipe func(p *parse.PipeNode)
	node = func(n parse.Node, called bool) {
		switch n := n.(type) {
		case *parse.FieldNode:
			idents(n.Ident, called)
		case *parse.VariableNode:
			idents(n.Ident[1:], called)
		case *parse.ChainNode:
			node(n.Node, false)
			idents(n.Field, called)
		case *parse.PipeNode:
			pipe(n)
		}
	}
	// last returns the last name of a field, variable or chain node.
	last := func(n parse.Node) string {
		var ids []string
		switch n := n.(type) {
		case *parse.FieldNode:
			ids = n.Ident
		case *parse.VariableNode:
			ids = n.Ident
		case *parse.ChainNode:
			ids = n.Field
		}
		if len(ids) == 0 {
			return ""
		}
		return ids[len(ids)-1]
	}
	pipe = func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		for _, c := range p.Cmds {
			for i, a := range c.Args {
				node(a, i == 0)
			}
			if len(c.Args) == 0 {
				continue
			}
			switch last(c.Args[0]) {
			case "T":
				if len(c.Args) < 2 {
					all = true // {{"key" | .T}}: the key comes down the pipe
				} else if s, ok := c.Args[1].(*parse.StringNode); ok {
					keys[s.Text] = true
				} else {
					all = true
				}
			case "Cached", "CachedFor", "CachedEach":
				if len(c.Args) < 2 {
					all = true
				} else if _, ok := c.Args[1].(*parse.StringNode); !ok {
					all = true // a template named at run time
				}
			}
		}
	}
	if !walkLayout(t, nil, pipe) {
		all = true
	}
	if all {
		return stringUse{all: true}
	}
	return stringUse{keys: slices.Sorted(maps.Keys(keys))}
}

// Layouts returns the names of the page layouts ("page.html", …), sorted.
func (r *Renderer) Layouts() []string { return slices.Sorted(maps.Keys(r.tmpl)) }

// StringsLayout returns the layout whose strings (StringsKey) a page p
// can show: its layout, or "" (every string of its language) for a page
// with a leaflet, whose templates read the strings whole, or whose layout
// is not known.
func (r *Renderer) StringsLayout(p *content.Page) string {
	layout, err := r.Layout(p)
	if err != nil || p.Leaflet != "" {
		return ""
	}
	return layout
}

// StringsKey writes to h the interface strings of lang that the
// templates of layout read (found when they were parsed), by key and
// value; every string of lang when they read some by keys made at run
// time, or for layout "" or a layout there is no template of. Strings Go
// code reads (LangKeyBesideStrings) and tag names (PageKey, ExtraKey) are
// written there, not here. A page or generated page whose layout's key
// is unchanged shows the same interface strings.
func (r *Renderer) StringsKey(h KeyHash, lang, layout string) {
	k := keyWriter{h}
	strs := r.Catalog.Strings(lang)
	use, ok := r.strs[layout]
	if !ok || use.all {
		k.str("\x00all")
		for _, name := range slices.Sorted(maps.Keys(strs)) {
			k.str(name)
			k.str(strs[name])
		}
		return
	}
	for _, name := range use.keys {
		k.str(name)
		s, ok := strs[name]
		k.bool(ok)
		k.str(s)
	}
}

// TagSlug returns the slug of the tag written as tag: the key of its name
// is TagPrefix and the slug.
func (r *Renderer) TagSlug(tag string) string { return r.slug(tag) }
