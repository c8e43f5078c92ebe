package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"html/template"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/loa-ssg/loa/templates"
)

// TestLayoutStrings holds what layoutStrings finds: the keys read through
// the skeleton, partials, blocks and cached templates a layout reaches,
// and every string for a key made at run time.
func TestLayoutStrings(t *testing.T) {
	base := `{{.Cached "head"}}{{$.S.skip}}{{block "main" .}}{{end}}{{template "foot" .}}`
	for _, c := range []struct {
		name, layout string
		want         stringUse
	}{
		{"fields", `{{define "main"}}{{.S.title}}{{with .Card .}}{{.V.S.card}}{{end}}{{.T "said"}}{{end}}`,
			stringUse{keys: []string{"card", "foot", "head", "said", "skip", "title"}}},
		{"not reached", `{{define "main"}}{{end}}{{define "other"}}{{.S.other}}{{end}}`,
			stringUse{keys: []string{"foot", "head", "skip"}}},
		{"index", `{{define "main"}}{{$k := "x"}}{{index .S $k}}{{end}}`, stringUse{all: true}},
		{"with", `{{define "main"}}{{with .S}}{{.x}}{{end}}{{end}}`, stringUse{all: true}},
		{"T by variable", `{{define "main"}}{{$k := "x"}}{{.T $k}}{{end}}`, stringUse{all: true}},
		{"T down a pipe", `{{define "main"}}{{"x" | .T}}{{end}}`, stringUse{all: true}},
		{"cached by variable", `{{define "main"}}{{$n := "head"}}{{.Cached $n}}{{end}}`, stringUse{all: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			builtin := fstest.MapFS{
				"base.html":          {Data: []byte(base)},
				"partials/head.html": {Data: []byte(`{{define "head"}}{{.S.head}}{{end}}{{define "foot"}}{{$.S.foot}}{{end}}`)},
				"x.html":             {Data: []byte(c.layout)},
			}
			s, l, err := loadTemplates(builtin, nil, template.FuncMap{})
			if err != nil || len(l) != 0 {
				t.Fatalf("loadTemplates: %v %v", err, l)
			}
			got := layoutStrings(s["x.html"])
			if got.all != c.want.all || !slices.Equal(got.keys, c.want.keys) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
	// The built-in layouts read their strings by literal keys.
	s, l, err := loadTemplates(templates.FS, nil, templateFuncs(nil))
	if err != nil || len(l) != 0 {
		t.Fatalf("loadTemplates: %v %v", err, l)
	}
	for name, tmpl := range s {
		use := layoutStrings(tmpl)
		if use.all || !slices.Contains(use.keys, "main_menu") {
			t.Errorf("%s: %+v", name, use)
		}
	}
	if use := layoutStrings(s["page-news.html"]); !slices.Contains(use.keys, "related_news") {
		t.Errorf("page-news.html does not read related_news: %v", use.keys)
	}
	if use := layoutStrings(s["page.html"]); slices.Contains(use.keys, "related_news") {
		t.Errorf("page.html reads related_news: %v", use.keys)
	}
}

// TestGoStringsListed holds every interface string the package's Go code
// reads to goStrings and goPrefixes (or TagPrefix, keyed with the pages),
// so that a new reader cannot leave pages unrendered after an edit of the
// string: each Catalog.T takes a literal key listed, or a listed prefix
// and a part made at run time; printed pieces (Printout), made at every
// rebuild, are not held to it, nor View.T, which templates call (its keys
// are found with theirs). Catalog.Strings is called only where the
// strings are keyed (LangKey…, StringsKey), handed to templates whose
// reads layoutStrings finds (base), or to printed pieces and leaflets
// (sheet), which read them whole.
func TestGoStringsListed(t *testing.T) {
	if !slices.IsSorted(goStrings) {
		t.Fatal("goStrings is not sorted")
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	calls := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				inner, ok := sel.X.(*ast.SelectorExpr)
				if !ok || inner.Sel.Name != "Catalog" {
					return true
				}
				at := fset.Position(call.Pos())
				switch sel.Sel.Name {
				case "T":
					calls++
					if fn.Name.Name == "Printout" || fn.Name.Name == "T" && fn.Recv != nil {
						return true // View.T: what templates read, layoutStrings finds
					}
					if len(call.Args) != 2 || !listedKey(call.Args[1]) {
						t.Errorf("%s: %s reads an interface string not in goStrings or goPrefixes", at, fn.Name.Name)
					}
				case "Strings":
					if !slices.Contains([]string{"LangKey", "LangKeyBesideStrings", "StringsKey", "base", "sheet"}, fn.Name.Name) {
						t.Errorf("%s: %s reads every interface string: say in stringuse.go which pages show them", at, fn.Name.Name)
					}
				}
				return true
			})
		}
	}
	if calls < 10 {
		t.Fatalf("found %d calls of Catalog.T: the scan is broken", calls)
	}
}

// listedKey reports whether e, the key of a Catalog.T, is a literal in
// goStrings, or a literal listed prefix plus a part made at run time.
func listedKey(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return err == nil && goString(s)
	case *ast.BinaryExpr:
		lit, ok := e.X.(*ast.BasicLit)
		if !ok || e.Op != token.ADD {
			return false
		}
		s, err := strconv.Unquote(lit.Value)
		return err == nil && s != "" && (s == TagPrefix || slices.ContainsFunc(goPrefixes, func(p string) bool { return p == s }))
	}
	return false
}
