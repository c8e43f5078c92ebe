package strictyaml

import (
	"reflect"
	"testing"

	"github.com/loa-ssg/loa/internal/diag"
)

// pageDoc has the field types of a page's front matter (content's
// rawFrontMatter), a mapping position, and fields of kinds the fast path
// does not know (it must decline a text that writes one).
type pageDoc struct {
	Pos            diag.Position `yaml:"-"`
	Title          Scalar        `yaml:"title"`
	Description    string        `yaml:"description"`
	Date           Scalar        `yaml:"date"`
	Lastmod        Scalar        `yaml:"lastmod"`
	Draft          bool          `yaml:"draft"`
	Weight         int           `yaml:"weight"`
	Slug           Scalar        `yaml:"slug"`
	Aliases        Scalars       `yaml:"aliases"`
	Tags           []string      `yaml:"tags"`
	TranslationKey string        `yaml:"translation_key"`
	Layout         string        `yaml:"layout"`
	Leaflet        Scalar        `yaml:"leaflet"`
	Inner          *struct {
		Name string `yaml:"name"`
	} `yaml:"inner"`
	Ratio float64           `yaml:"ratio"`
	Keys  Positions         `yaml:"-"`
	Other map[string]string `yaml:"other"`
	Grid  [][]string        `yaml:"grid"`
}

// bothPaths decodes text on the full path and on the fast one.
func bothPaths(text string) (tree, fast pageDoc, treeDiags diag.List, took bool) {
	src := Source{File: "p.md", Text: []byte(text), LineOffset: 1}
	treeDiags = decodeTree(src, &tree)
	took = decodeFast(src, &fast)
	return tree, fast, treeDiags, took
}

// checkSame fails when the fast path took text and gave anything other
// than the full path's result, or declined it and touched the struct.
func checkSame(t *testing.T, text string) bool {
	t.Helper()
	tree, fast, l, took := bothPaths(text)
	if !took {
		if !reflect.DeepEqual(fast, pageDoc{}) {
			t.Fatalf("declined %q but changed the struct: %+v", text, fast)
		}
		return false
	}
	if len(l) > 0 {
		t.Fatalf("fast path took %q, which the full path reports:\n%v", text, l)
	}
	if !reflect.DeepEqual(tree, fast) {
		t.Fatalf("fast path differs on %q:\nfull: %+v\nfast: %+v", text, tree, fast)
	}
	return true
}

// fastSeeds are texts of the shapes front matter takes, simple and not.
var fastSeeds = []string{
	"title: Kế hoạch 164/KH-UBND\ndate: 2021-11-02\nweight: 3\n",
	"title: \"2022 plan on community reintegration\"\ndate: 2022-07-26T11:20:00+07:00\ndescription: According to reports, commune People's Committees patrolled.\ntags:\n  - children\n  - counselling\n  - life skills\nweight: 47\n",
	"title: For adults\nslug: for-adults\ntags: [\"People who sell sex\", \"Health\"]\nlastmod: 2026-11-30\n",
	"title: \"Chương trình quốc gia: Quyết định 1629/QĐ-TTg\"\ntags: [\"Quyết định 1629\"]\n",
	"title: Phòng, chống mại dâm # a comment\ndraft: có\n",
	"title: x\ndraft: Không\n",
	"title: x\ndraft: yes\n",
	"title: x\ndraft: \"true\"\n",
	"title: x\ndraft: TRUE\nweight: 0\n",
	"title: x\nweight: 007\n",
	"title: x\nweight: 010\n",
	"title: x\nweight: 0x1F\n",
	"title: x\nweight: -3\n",
	"title: x\nweight: 1_000\n",
	"title: x\nweight: 99999999999999999999\n",
	"title:\ndate: ~\nslug: null\nleaflet: NULL\ndescription: Null\n",
	"title: a\naliases: /cu/\n",
	"title: a\naliases:\n  - /cu/\n  - \"/cũ/\"\n",
	"title: a\naliases: []\ntags: []\n",
	"title: a\naliases: [ ]\ntags: [ a , b ]\n",
	"title: a\ntags: [a, ]\n",
	"title: a\ntags: [a,,b]\n",
	"title: a\ntags: [a, ~]\n",
	"title: a\ntags:\n- a\n- b\nweight: 2\n",
	"title: a\ntags:\n  - a\n    - b\n",
	"title: a\ntags:\n  - a\n   b\n",
	"title: a\ntags:\n  -\n  - b\n",
	"title: a\ntags:\n  - \n",
	"title: a\ntags:\n  - a: b\n",
	"title: a\ntags:\n  # c\n  - a\n\n  - b # d\n",
	"tags:\n# c\n  - a\ntitle: b\n",
	"title: a\n  # c\ndate: b\n",
	"title: a\n  b\n",
	"title: a\n\n  b\n",
	"title: Kế hoạch: 2021\n",
	"title: Kế hoạch:\n",
	"title: a:b\nslug: http://x.vn/a\n",
	"title:a\n",
	"title : a\n",
	"Title: a\n",
	"titel: a\n",
	"title: a\ntitle: b\n",
	"title: \"a\" b\n",
	"title: \"a\"#b\n",
	"title: \"a\"   # b\n",
	"title: \"Tin\\x1d một\"\n",
	"title: \"a \\\"b\\\"\"\n",
	"title: 'It''s'\n",
	"title: Say \"hi\" and it's ok\n",
	"title: \"  spaces  \"\n",
	"title: \"\"\ndescription: \"\"\ntags: [\"\"]\n",
	"title: &a x\nslug: *a\n",
	"title: !!str 3\n",
	"title: |\n  a\n  b\n",
	"title: >\n  a\n",
	"title: @x\n",
	"title: `x`\n",
	"title: %x\n",
	"title: -x\n",
	"title: - x\n",
	"title: ? x\n",
	"title: [a]\n",
	"title: {a: b}\n",
	"tags: a, b\n",
	"title: a\n\tweight: 1\n",
	"title:\ta\n",
	"title: a\r\n",
	"\ufefftitle: a\n",
	"title: a\u2028b\n",
	"title: a\u0085b\n",
	"title: a\u00a0b\n",
	"title: Ho\u0300a\n",
	"---\ntitle: a\n",
	"title: a\n...\n",
	"title: a\n---\n",
	"inner:\n  name: x\n",
	"other:\n  a: b\n",
	"ratio: 1.5\n",
	"grid:\n  - [a]\n",
	"",
	"\n\n",
	"# only a comment\n",
	"title: a",
	"title: a\ndate: 2024-05-01\n",
	"  title: a\n",
	"- a\n",
	"title: a # b # c\n",
	"title: a#b\n",
	"title: [a, \"b, c\", d e]\n",
	"tags: [\"Tuyên truyền, \"Phụ nữ\"]\n",
	"tags: [\"Tuyên truyền\", \"Phụ nữ\"\n",
	"tags: [Phụ nữ, Sức khỏe]\naliases: [/a/, \"/b/\"]\n",
	"tags: [a]]\n",
	"tags: [[a]]\n",
	"tags: [a] # c\n",
	"tags: [a]#c\n",
	"tags: [a] b\n",
	"tags: [\"a\":b]\n",
	"tags: [a: b]\n",
	"tags: [? a]\n",
	"tags: [-a]\n",
	"tags: [a -b]\n",
	"title: a\ndraft: không\nweight: 12\nlayout: tin\ntranslation_key: k1\nleaflet: A5\n",
}

// FuzzFastPath holds the fast path to the full path on any text: when it
// takes a text, the full path reports nothing and gives the same struct,
// positions and all; when it declines, it leaves the struct untouched.
func FuzzFastPath(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSame(t, text)
	})
}

// TestFastPathSeeds runs the fuzzer's seeds, and checks that the fast
// path takes the shapes pages are written in (else it gains nothing).
func TestFastPathSeeds(t *testing.T) {
	took := 0
	for _, s := range fastSeeds {
		if checkSame(t, s) {
			took++
		}
	}
	for _, s := range []string{fastSeeds[0], fastSeeds[1], fastSeeds[2], fastSeeds[3], fastSeeds[4],
		"title: a\ntags:\n- a\n- b\nweight: 2\n", "title:\ndate: ~\nslug: null\nleaflet: NULL\ndescription: Null\n"} {
		if _, _, _, ok := bothPaths(s); !ok {
			t.Errorf("fast path declined %q", s)
		}
	}
	if took < 20 {
		t.Errorf("fast path took only %d of %d seeds", took, len(fastSeeds))
	}
}

// TestFastPathValues checks the values themselves on the fast path, not
// only their agreement with the full path.
func TestFastPathValues(t *testing.T) {
	text := "title: \"Chương trình: 2021–2025\"  # c\ndescription: Phòng, chống mại dâm\n" +
		"draft: có\nweight: 12\ntags: [\"Phụ nữ\", Sức khỏe]\naliases:\n  - /cu/\n"
	var d pageDoc
	if !decodeFast(Source{File: "p.md", Text: []byte(text), LineOffset: 1}, &d) {
		t.Fatal("declined")
	}
	at := func(line, col int) diag.Position { return diag.Position{File: "p.md", Line: line, Col: col} }
	want := pageDoc{
		Pos:         at(2, 1),
		Title:       Scalar{"Chương trình: 2021–2025", at(2, 8)},
		Description: "Phòng, chống mại dâm",
		Draft:       true,
		Weight:      12,
		Tags:        []string{"Phụ nữ", "Sức khỏe"},
		Aliases:     Scalars{{"/cu/", at(8, 5)}},
		Keys: Positions{{"title", at(2, 8)}, {"description", at(3, 14)}, {"draft", at(4, 8)},
			{"weight", at(5, 9)}, {"tags", at(6, 7)}, {"aliases", at(8, 3)}},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
	// A column counts characters: the second item starts after "Phụ nữ".
	var d2 pageDoc
	decodeFast(Source{File: "p.md", Text: []byte("aliases: [/Phụ-nữ/, /b/]\n")}, &d2)
	if got := d2.Aliases[1].Pos.Col; got != 21 {
		t.Errorf("second alias at column %d, want 21", got)
	}
}

// BenchmarkDecodeFrontMatter decodes a page's usual front matter on the
// fast path (Decode) and on the full path (tree).
func BenchmarkDecodeFrontMatter(b *testing.B) {
	src := Source{File: "p.md", LineOffset: 1, Text: []byte(fastSeeds[1])}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var d pageDoc
			if l := Decode(src, &d); len(l) > 0 {
				b.Fatal(l)
			}
		}
	})
	b.Run("tree", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var d pageDoc
			if l := decodeTree(src, &d); len(l) > 0 {
				b.Fatal(l)
			}
		}
	})
}
