package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// TestCachedEach holds View.CachedEach to the bytes of ranging over the
// same items with CachedFor, in a fresh Renderer and in one whose entries
// were rendered before, after an item changed (its entry rendered again,
// the others taken from the cache) and after ForgetFragments, and to the
// error CachedFor gives for a template that is not there.
func TestCachedEach(t *testing.T) {
	tm := template.Must(template.New("page.html").Parse(
		`{{define "e"}}<li><a href="{{.URL}}">{{.Title}}</a>{{with .Summary}} <p>{{.}}</p>{{end}}</li>{{end}}` +
			`{{define "each"}}<ul>{{$.CachedEach "e" .Children}}</ul>{{end}}` +
			`{{define "range"}}<ul>{{range .Children}}{{$.CachedFor "e" .URL .}}{{end}}</ul>{{end}}` +
			`{{define "missing"}}{{$.CachedEach "nope" .Children}}{{end}}`))
	items := []Item{
		{Title: "Đường dây nóng <111>", URL: "/a/"},
		{Title: `"Tom & Jerry"`, URL: "/b/?x=1&y=2", Summary: "Tóm tắt"},
		{Title: "Ba", URL: "/c/"},
	}
	run := func(r *Renderer, name string) string {
		t.Helper()
		var b strings.Builder
		v := &View{r: r, layout: "page.html", Lang: "vi", Children: items}
		if err := tm.ExecuteTemplate(&b, name, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	fresh := func() *Renderer { return &Renderer{tmpl: set{"page.html": tm}, fragments: map[cacheKey]fragment{}} }
	want := run(fresh(), "range")
	if !strings.Contains(want, "&lt;111&gt;") || !strings.Contains(want, "/b/?x=1&amp;y=2") {
		t.Fatalf("the entries are not escaped as HTML: %s", want)
	}
	kept := fresh()
	if got := run(kept, "each"); got != want {
		t.Errorf("CachedEach:\n%s\nwant (range and CachedFor):\n%s", got, want)
	}
	items[1].Title = "Hai"
	want = run(fresh(), "range")
	if got := run(kept, "each"); got != want || !strings.Contains(got, ">Hai</a>") {
		t.Errorf("CachedEach after an item changed:\n%s\nwant:\n%s", got, want)
	}
	// Forgotten entries are rendered again, the same (a cold build lets
	// them go once its generated pages are written).
	kept.ForgetFragments()
	if len(kept.fragments) != 0 {
		t.Errorf("ForgetFragments kept %d entries", len(kept.fragments))
	}
	if got := run(kept, "each"); got != want || len(kept.fragments) != len(items) {
		t.Errorf("CachedEach after ForgetFragments (%d entries):\n%s\nwant:\n%s", len(kept.fragments), got, want)
	}
	var b strings.Builder
	err := tm.ExecuteTemplate(&b, "missing", &View{r: fresh(), layout: "page.html", Lang: "vi", Children: items})
	if err == nil || !strings.Contains(err.Error(), `there is no template "nope"`) {
		t.Errorf("CachedEach of a template that is not there: %v", err)
	}
}

// TestExecuteInto: a page executed straight into a bytes.Buffer gives the
// bytes it gives another writer, after what the buffer held; a template
// that fails half-way leaves the buffer as it was.
func TestExecuteInto(t *testing.T) {
	tm := template.Must(template.New(baseName).Parse(`<p>{{.Title}}</p>{{if eq .Title "lỗi"}}{{$.CachedEach "nope" .Children}}{{end}}<p>end</p>`))
	r := &Renderer{tmpl: set{"page.html": tm}, fragments: map[cacheKey]fragment{}}
	var want strings.Builder
	if err := r.execute(&want, "page.html", &View{r: r, Title: "Tin <1>"}); err != nil {
		t.Fatal(err)
	}
	b := bytes.NewBufferString("before|")
	if err := r.execute(b, "page.html", &View{r: r, Title: "Tin <1>"}); err != nil || b.String() != "before|"+want.String() {
		t.Errorf("into a buffer: %v %q, want %q", err, b.String(), "before|"+want.String())
	}
	b = bytes.NewBufferString("before|")
	if err := r.execute(b, "page.html", &View{r: r, Title: "lỗi", Children: []Item{{Title: "x", URL: "/x/"}}}); err == nil || b.String() != "before|" {
		t.Errorf("a failed template: %v, the buffer holds %q, want %q", err, b.String(), "before|")
	}
}
