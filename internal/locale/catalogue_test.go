package locale

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"github.com/loa-ssg/loa/internal/diag"
)

// message is an English message found in the source, with where.
type message struct {
	text string
	pos  string
}

// producer is a function that turns an English text into a message: the
// index of its format (printf style) or text argument.
type producer struct {
	arg int
}

// skipped are folders whose messages are for developers only.
var skipped = []string{"cmd/markdown-floor", "internal/browsertest", "internal/build/bench"}

// sourceFiles parses every non-test Go file of the module, by package
// folder.
func sourceFiles(t *testing.T) (map[string][]*ast.File, *token.FileSet) {
	t.Helper()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() && p != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || slices.Contains(skipped, rel)) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(rel))
		pkgs[dir] = append(pkgs[dir], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs, fset
}

// scan finds every English message of the module: the formats given to
// diag.Errorf, Warningf, WithHint, T and every function that passes a
// "format string, args ...any" on (Catalogue.Sprintf, a package's own
// errorf), texts given to a parameter named hint, to Catalogue.Fprint and
// as a flag's usage, strings put into a field or variable named message,
// msg, hint or summary (check.Rule) or into a value of a type named …Error, and the formats of
// fmt.Errorf. It returns
// them with every string literal of the source (for viWords).
func scan(t *testing.T) ([]message, map[string]bool) {
	pkgs, fset := sourceFiles(t)
	// Pass 1: the producers, by package and by name, and the constants.
	local := map[string]map[string][]producer{}
	global := map[string][]producer{"Fprint": {{arg: 1}}}
	consts := map[string]map[string]string{}
	for dir, files := range pkgs {
		local[dir] = map[string][]producer{}
		consts[dir] = map[string]string{}
		for _, f := range files {
			for _, decl := range f.Decls {
				switch decl := decl.(type) {
				case *ast.FuncDecl:
					var names []string
					for _, field := range decl.Type.Params.List {
						for _, n := range field.Names {
							typ := ""
							switch ft := field.Type.(type) {
							case *ast.Ident:
								typ = ft.Name
							case *ast.Ellipsis:
								typ = "..."
							}
							names = append(names, n.Name+" "+typ)
						}
					}
					for i, n := range names {
						if n == "format string" && i == len(names)-2 && strings.HasSuffix(names[i+1], " ...") ||
							n == "hint string" {
							p := producer{arg: i}
							local[dir][decl.Name.Name] = append(local[dir][decl.Name.Name], p)
							if ast.IsExported(decl.Name.Name) {
								global[decl.Name.Name] = append(global[decl.Name.Name], p)
							}
						}
					}
				case *ast.GenDecl:
					if decl.Tok != token.CONST {
						continue
					}
					for _, spec := range decl.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								if s, ok := constant(vs.Values[i], nil); ok {
									consts[dir][n.Name] = s
								}
							}
						}
					}
				}
			}
		}
	}
	var found []message
	literals := map[string]bool{}
	for dir, files := range pkgs {
		add := func(e ast.Expr) {
			if s, ok := constant(e, consts[dir]); ok {
				found = append(found, message{s, fset.Position(e.Pos()).String()})
			} else if call, ok := e.(*ast.CallExpr); ok && isFmt(call, "Sprintf") && len(call.Args) > 0 {
				if s, ok := constant(call.Args[0], consts[dir]); ok {
					found = append(found, message{s, fset.Position(e.Pos()).String()})
				}
			}
		}
		for _, f := range files {
			imports := map[string]bool{}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				name := filepath.Base(path)
				if imp.Name != nil {
					name = imp.Name.Name
				}
				imports[name] = strings.HasPrefix(path, "github.com/loa-ssg/loa/")
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
						literals[s] = true
					}
				case *ast.CallExpr:
					var name string
					var ps []producer
					// fmt.Errorf makes loa's own text (a broken link, a
					// missing layout), or says what loa was doing when the
					// system's error it wraps (%w) came: both reach the
					// author.
					if isFmt(n, "Errorf") && len(n.Args) > 0 && dir != "internal/diag" {
						add(n.Args[0])
					}
					switch fn := n.Fun.(type) {
					case *ast.Ident:
						name, ps = fn.Name, local[dir][fn.Name]
					case *ast.SelectorExpr:
						name = fn.Sel.Name
						if x, ok := fn.X.(*ast.Ident); ok {
							if ours, isPkg := imports[x.Name]; isPkg {
								if ours {
									ps = global[name]
								}
								break
							}
						}
						ps = local[dir][name]
						if ps == nil {
							ps = global[name]
						}
						if isFlag(name) && len(n.Args) >= 3 {
							add(n.Args[len(n.Args)-1])
						}
					}
					for _, p := range ps {
						if p.arg < len(n.Args) {
							add(n.Args[p.arg])
						}
					}
				case *ast.CompositeLit:
					errType := false
					switch typ := n.Type.(type) {
					case *ast.Ident:
						errType = strings.HasSuffix(strings.ToLower(typ.Name), "error")
					case *ast.SelectorExpr:
						errType = strings.HasSuffix(strings.ToLower(typ.Sel.Name), "error")
					}
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok && isMessageName(k.Name) {
								add(kv.Value)
							}
						} else if errType {
							add(el)
						}
					}
				case *ast.AssignStmt:
					for i, lhs := range n.Lhs {
						name := ""
						switch l := lhs.(type) {
						case *ast.SelectorExpr:
							name = l.Sel.Name
						case *ast.Ident:
							name = l.Name
						}
						if isMessageName(name) && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
							add(n.Rhs[i])
						}
					}
				}
				return true
			})
		}
	}
	return found, literals
}

func isMessageName(name string) bool {
	switch strings.ToLower(name) {
	case "message", "msg", "hint", "summary":
		return true
	}
	return false
}

// isFlag reports whether name defines a flag of package flag, whose last
// argument is its usage.
func isFlag(name string) bool {
	switch name {
	case "String", "StringVar", "Bool", "BoolVar", "Int", "IntVar", "Duration", "DurationVar":
		return true
	}
	return false
}

func isFmt(call *ast.CallExpr, name string) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "fmt"
}

// constant returns the value of a string constant expression: a literal,
// a sum of them, a constant of the package, or a local variable declared
// with one.
func constant(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constant(e.X, consts)
		b, ok2 := constant(e.Y, consts)
		return a + b, ok1 && ok2
	case *ast.Ident:
		if s, ok := consts[e.Name]; ok {
			return s, true
		}
		// A local variable given a constant where it is declared
		// (hint := "…", then passed on by name).
		if e.Obj != nil && e.Obj.Kind == ast.Var {
			if as, ok := e.Obj.Decl.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == e.Name {
						return constant(as.Rhs[i], consts)
					}
				}
			}
		}
		return "", false
	case *ast.ParenExpr:
		return constant(e.X, consts)
	}
	return "", false
}

// needsTranslation reports whether an English text has words to
// translate: "%s", "%q: %s" or "" need none.
func needsTranslation(s string) bool {
	vs := strings.NewReplacer("%s", "", "%q", "", "%v", "", "%d", "", "%w", "").Replace(s)
	return strings.IndexFunc(vs, unicode.IsLetter) >= 0
}

// TestCatalogueComplete fails for every English message of the source
// that a language does not translate, and for every translation whose
// English message is no longer in the source.
func TestCatalogueComplete(t *testing.T) {
	found, literals := scan(t)
	if len(found) < 100 {
		t.Fatalf("found only %d messages: the scan is broken", len(found))
	}
	keys := map[string]string{}
	for _, m := range found {
		if needsTranslation(m.text) {
			if _, ok := keys[m.text]; !ok {
				keys[m.text] = m.pos
			}
		}
	}
	for lang, cat := range map[string]map[string]string{"vi": vi} {
		var missing []string
		for k, pos := range keys {
			if _, ok := cat[k]; !ok {
				missing = append(missing, pos+": "+strconv.Quote(k))
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			t.Errorf("%s: no %s translation: add it to %s.go", m, lang, lang)
		}
		for k := range cat {
			if _, ok := keys[k]; !ok {
				t.Errorf("%s.go: %q is no longer a message of loa: remove it", lang, k)
			}
		}
	}
	for k := range viWords {
		if !literals[k] {
			t.Errorf("vi.go: viWords has %q, which no code writes: remove it", k)
		}
	}
}

// TestCatalogueSystem fails for an entry of viSystem that is not "%s: "
// and the text of an error of the system (an errno of Go's syscall
// package on Linux, or io/fs's), for an entry of viSystemOps that is not
// an operation of Go's os package and " %s", and checks that a wrapped
// system error prints in Vietnamese from its first word to its last.
func TestCatalogueSystem(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the errno texts are Linux's")
	}
	texts := map[string]bool{}
	for n := syscall.Errno(1); n < 256; n++ {
		texts[n.Error()] = true
	}
	for _, err := range []error{fs.ErrNotExist, fs.ErrPermission, fs.ErrExist} {
		texts[err.Error()] = true
	}
	// The operations Go's os package puts before a path on Linux
	// (fs.PathError.Op, os.LinkError.Op).
	ops := map[string]bool{}
	for _, op := range strings.Fields("chmod chtimes close createtemp link lstat mkdir mkdirtemp open openat read readdirent readlink remove rename stat symlink sync truncate unlinkat write") {
		ops[op] = true
	}
	for _, c := range []struct {
		name, shape string
		cat         map[string]string
		fits        func(k string) bool
	}{
		{"viSystem", `"%s: " and a text of the system's errors`, viSystem, func(k string) bool {
			text, ok := strings.CutPrefix(k, "%s: ")
			return ok && texts[text]
		}},
		{"viSystemOps", `an operation of Go's os package and " %s"`, viSystemOps, func(k string) bool {
			op, ok := strings.CutSuffix(k, " %s")
			return ok && ops[op]
		}},
	} {
		for k := range c.cat {
			if !c.fits(k) {
				t.Errorf("vi.go: %s has %q, which is not %s", c.name, k, c.shape)
			}
			if _, ok := vi[k]; ok {
				t.Errorf("vi.go: %q is in vi and %s", k, c.name)
			}
		}
	}
	m := For("vi")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("make staging folder: %w", &fs.PathError{Op: "mkdir", Path: "/x/.site.staging-1", Err: syscall.EROFS}),
			"không tạo được thư mục tạm: không tạo được thư mục (mkdir) /x/.site.staging-1: ổ đĩa chỉ cho đọc, không ghi được (read-only file system)"},
		{fmt.Errorf("read content: %w", &fs.PathError{Op: "open", Path: "content/tin-tuc/a.md", Err: syscall.EACCES}),
			"không đọc được nội dung (content/): không mở được (open) content/tin-tuc/a.md: không có quyền (permission denied)"},
		{&os.LinkError{Op: "rename", Old: "public/.a.tmp", New: "public/a", Err: syscall.EXDEV},
			"không đổi tên được (rename) public/.a.tmp public/a: không chuyển được tệp sang ổ đĩa khác (invalid cross-device link)"},
		{&fs.PathError{Op: "stat", Path: "/tmp/afile/out", Err: syscall.ENOTDIR},
			"không xem được (stat) /tmp/afile/out: đây không phải thư mục (not a directory)"},
		{fmt.Errorf("%w (and the output could not be put back as it was: %v; the next build does)",
			&fs.PathError{Op: "rename", Path: "public/a", Err: syscall.ENOSPC}, &fs.PathError{Op: "rename", Path: "public/b", Err: syscall.EIO}),
			"không đổi tên được (rename) public/a: ổ đĩa đã đầy (no space left on device) (và chưa trả lại được thư mục kết quả như cũ: không đổi tên được (rename) public/b: lỗi đọc ghi ổ đĩa (input/output error); lần tạo sau sẽ làm việc đó)"},
	} {
		if got, _ := m.Message(tc.err.Error()); got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.err, got, tc.want)
		}
	}
}

// TestCatalogueVerbs fails for a translation that does not take the same
// arguments with the same verbs as its English message.
func TestCatalogueVerbs(t *testing.T) {
	for _, cat := range []map[string]string{vi, viWords, viSystem, viSystemOps} {
		for en, tr := range cat {
			a, err1 := diag.VerbSignature(en)
			b, err2 := diag.VerbSignature(tr)
			if err1 != nil || err2 != nil || !slices.Equal(a, b) {
				t.Errorf("%q → %q: verbs %v and %v differ (%v %v)", en, tr, a, b, err1, err2)
			}
			if strings.TrimSpace(tr) == "" {
				t.Errorf("%q has an empty translation", en)
			}
		}
	}
}

// TestCatalogueMissingListed prints the messages that need a translation
// as Go map entries, for a helper adding them: go test -run Listed -v.
func TestCatalogueMissingListed(t *testing.T) {
	if os.Getenv("LOA_LIST_MESSAGES") == "" {
		t.Skip("set LOA_LIST_MESSAGES=1 to print the entries missing from vi.go")
	}
	found, _ := scan(t)
	seen := map[string]bool{}
	var out []string
	for _, m := range found {
		if _, ok := vi[m.text]; !ok && needsTranslation(m.text) && !seen[m.text] {
			seen[m.text] = true
			out = append(out, "\t"+strconv.Quote(m.text)+": "+strconv.Quote(m.text)+", // "+m.pos)
		}
	}
	sort.Strings(out)
	t.Log("\n" + strings.Join(out, "\n"))
}
