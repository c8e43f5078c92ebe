package render

import (
	"hash/maphash"
	"reflect"
	"testing"
	"time"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// TestKeyCoversFrontMatter holds PageKey to the front matter: a page that
// differs from another in any field of its front matter but where it was
// written has another key, so that a new front-matter key that pages show
// cannot be forgotten in it.
func TestKeyCoversFrontMatter(t *testing.T) {
	r, cs := renderer(t, map[string]string{
		"_index.vi.md":      "---\ntitle: Trang chủ\n---\n",
		"news/_index.vi.md": "---\ntitle: Tin\n---\n",
		"news/a.vi.md":      "---\ntitle: A\ndate: 2024-01-02\ntags: [x]\n---\nChữ.\n",
	})
	p := cs.ByFile("content/news/a.vi.md")
	key := func(p *content.Page) uint64 {
		var h maphash.Hash
		h.SetSeed(keySeed)
		r.PageKey(&h, p)
		return h.Sum64()
	}
	base := key(p)
	fm := reflect.TypeOf(content.FrontMatter{})
	for i := range fm.NumField() {
		f := fm.Field(i)
		if f.Name == "Pos" || f.Name == "Keys" {
			continue // where it was written: no page shows it
		}
		q := *p
		v := reflect.ValueOf(&q.FrontMatter).Elem().Field(i)
		switch x := v.Addr().Interface().(type) {
		case *string:
			*x += "-changed"
		case *int:
			*x++
		case *bool:
			*x = !*x
		case *time.Time:
			*x = x.Add(time.Hour)
		case *[]string:
			*x = append(*x, "changed")
		case *strictyaml.Scalars:
			*x = append(*x, strictyaml.Scalar{Value: "/changed/"})
		default:
			t.Fatalf("front-matter field %s has a type this test does not know: teach it, and PageKey", f.Name)
		}
		if key(&q) == base {
			t.Errorf("PageKey does not change with the front matter's %s: write it in keyWriter.page", f.Name)
		}
	}
}

var keySeed = maphash.MakeSeed()
