package directory

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"github.com/loa-ssg/loa/internal/phone"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/textfile"
)

// hsdsSchemas returns the folder holding the official HSDS 3.0 compiled
// schemas (Open Referral, tag v3.0, CC BY-SA 4.0): $LOA_HSDS_SCHEMAS, else
// the gzipped copy in testdata/hsds-3.0 (see its README.md).
func hsdsSchemas(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("LOA_HSDS_SCHEMAS"); dir != "" {
		return dir
	}
	return filepath.Join("testdata", "hsds-3.0")
}

// compileHSDS compiles one compiled HSDS schema, asserting formats (uuid,
// uri, email, date-time) as well.
func compileHSDS(t *testing.T, dir, name string) *jsonschema.Schema {
	t.Helper()
	var r io.Reader
	f, err := os.Open(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.Open(filepath.Join(dir, name+".gz"))
		if err == nil {
			r, err = gzip.NewReader(f)
		}
	} else {
		r = f
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	// The tabular schema refers to "phone.json" and the like for nested
	// lists, which a flat table never has; each resolves to that table's
	// own row schema, from the same file.
	if props, ok := doc.(map[string]any)["properties"].(map[string]any); ok && name == "tabular.compiled.json" {
		for table, v := range props {
			if items, ok := v.(map[string]any)["items"]; ok {
				if err := c.AddResource(table+".json", items); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateHSDS validates files (an Export) against the official schemas:
// each organization of organizations.json against organization.compiled.json,
// and the tabular package (every CSV read with the types its
// datapackage.json declares, as one object of tables) against
// tabular.compiled.json.
func validateHSDS(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	org := compileHSDS(t, dir, "organization.compiled.json")
	tab := compileHSDS(t, dir, "tabular.compiled.json")

	orgs, err := jsonschema.UnmarshalJSON(bytes.NewReader(files["organizations.json"]))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range orgs.([]any) {
		if err := org.Validate(o); err != nil {
			t.Errorf("organizations.json[%d]: %v", i, err)
		}
	}

	var pkg struct {
		Resources []struct {
			Name, Path string
			Schema     struct{ Fields []struct{ Name, Type string } }
		}
	}
	if err := json.Unmarshal(files["datapackage.json"], &pkg); err != nil {
		t.Fatal(err)
	}
	tables := map[string]any{}
	for _, r := range pkg.Resources {
		rows, err := csv.NewReader(bytes.NewReader(files[r.Path])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		list := []any{}
		for _, row := range rows[1:] {
			obj := map[string]any{}
			for i, f := range r.Schema.Fields {
				cell := row[i]
				if cell == "" {
					continue // an empty cell is a missing value
				}
				if f.Type == "number" {
					if _, err := strconv.ParseFloat(cell, 64); err != nil {
						t.Errorf("%s: %s %q is not a number", r.Path, f.Name, cell)
					}
					obj[f.Name] = json.Number(cell)
					continue
				}
				obj[f.Name] = cell
			}
			list = append(list, obj)
		}
		tables[r.Name] = list
	}
	if err := tab.Validate(tables); err != nil {
		t.Errorf("tabular package: %v", err)
	}
}

// TestExportValidHSDS validates the export of a provider using every
// field against the official HSDS 3.0 schemas, in both languages.
func TestExportValidHSDS(t *testing.T) {
	dir := hsdsSchemas(t)
	ps, site, msgs := loadOne(t, exportSite, exportProvider)
	if len(msgs) > 0 || len(ps) != 1 {
		t.Fatalf("load: %v", msgs)
	}
	for _, lang := range []string{"vi", "en"} {
		validateHSDS(t, dir, Export(ps, site, lang))
	}
}

// TestRealExportValidHSDS validates the real directory's export (content/)
// against the official HSDS 3.0 schemas.
func TestRealExportValidHSDS(t *testing.T) {
	dir := hsdsSchemas(t)
	root := os.DirFS(filepath.Join("..", ".."))
	text, d, err := textfile.Read(root, config.File)
	if err != nil || d != nil {
		t.Fatalf("site.yaml: %v %v", err, d)
	}
	site, l := config.Parse(config.File, text, "")
	if l.HasErrors() {
		t.Fatalf("site.yaml: %v", l)
	}
	ps, l, err := Load(root, site, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC))
	if err != nil || l.HasErrors() || len(ps) == 0 {
		t.Fatalf("load: %v %v (%d providers)", err, l, len(ps))
	}
	for _, lang := range []string{"vi", "en"} {
		validateHSDS(t, dir, Export(ps, site, lang))
	}
}

// TestRealNationalNumbersFresh: in the real content, no entry offering a
// national number of site.yaml's emergency list (111, 112, 113, 114, 115)
// is past its review period on 30/11/2026, so none shows the advice to
// call to confirm.
func TestRealNationalNumbersFresh(t *testing.T) {
	root := os.DirFS(filepath.Join("..", ".."))
	text, d, err := textfile.Read(root, config.File)
	if err != nil || d != nil {
		t.Fatalf("site.yaml: %v %v", err, d)
	}
	site, _ := config.Parse(config.File, text, "")
	at := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	ps, l, err := Load(root, site, at)
	if err != nil || l.HasErrors() {
		t.Fatalf("load: %v %v", err, l)
	}
	national := map[string]bool{}
	for _, e := range site.Emergency {
		national[phone.Dial(e.Number)] = true
	}
	seen := map[string]bool{}
	for _, p := range ps {
		for _, s := range p.Services {
			for _, ph := range s.Phones {
				if n := phone.Dial(ph.Number); national[n] {
					seen[n] = true
					if p.Stale(at, p.Review(site)) {
						t.Errorf("%s (%s) is past its review period of %d days", p.ID, n, p.Review(site))
					}
				}
			}
		}
	}
	for n := range national {
		if !seen[n] {
			t.Errorf("no directory entry offers the national number %s", n)
		}
	}
}
