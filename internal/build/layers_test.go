package build

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// allowed lists, for each package of loa, the loa packages it may import.
// Arrows point down the pipeline (see ../../README.md, "Code layout"):
// nothing imports upwards or sideways.
var allowed = map[string][]string{
	"internal/diag":       {},
	"internal/fold":       {},
	"internal/phone":      {},
	"internal/textfile":   {"internal/diag"},
	"internal/strictyaml": {"internal/diag", "internal/textfile"},
	"internal/config":     {"internal/diag", "internal/fold", "internal/phone", "internal/strictyaml"},
	"internal/content":    {"internal/config", "internal/diag", "internal/fold", "internal/strictyaml", "internal/textfile"},
	"internal/markdown":   {"internal/fold", "internal/phone", "internal/textfile"},
	"internal/directory":  {"internal/config", "internal/diag", "internal/fold", "internal/phone", "internal/strictyaml", "internal/textfile"},
	"internal/i18n":       {"internal/diag", "internal/fold", "internal/strictyaml", "internal/textfile"},
	"internal/render": {"internal/config", "internal/content", "internal/diag", "internal/directory", "internal/fold",
		"internal/i18n", "internal/markdown", "internal/paper", "internal/phone", "internal/textfile"},
	"internal/paper":  {},
	"internal/check":  {"internal/config", "internal/content", "internal/diag", "internal/markdown", "internal/phone"},
	"internal/search": {"internal/fold"},
	"internal/build": {"internal/check", "internal/config", "internal/fold", "internal/search", "internal/content", "internal/diag", "internal/directory",
		"internal/i18n", "internal/markdown", "internal/render", "internal/textfile", "static", "templates"},
	"cmd/loa":              {"internal/build", "internal/check", "internal/diag", "internal/i18n", "internal/locale", "internal/serve"},
	"internal/locale":      {"internal/diag"},
	"internal/serve":       {"internal/build", "internal/diag"},
	"cmd/markdown-floor":   {},
	"internal/browsertest": {"internal/build", "internal/serve"},
	"static":               {},
	"templates":            {},
}

const module = "github.com/loa-ssg/loa/"

// TestLayers parses every non-test Go file of the module and fails on an
// import of a loa package that allowed does not list, and on a package
// that allowed does not know (add it, with its place in the flow).
func TestLayers(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		ok, known := allowed[pkg]
		if !known {
			t.Errorf("%s: package %s is not in the layer table", p, pkg)
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			dep, ours := strings.CutPrefix(path, module)
			if ours && !slices.Contains(ok, dep) {
				t.Errorf("%s imports %s, which %s may not use", p, dep, pkg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
