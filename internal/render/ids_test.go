package render

import (
	"html/template"
	"slices"
	"testing"
)

func TestDuplicateIDs(t *testing.T) {
	html := `<!doctype html><html><body><a href="#main" id=skip>x</a>
<!-- <p id="main"> in a comment -->
<script type="application/ld+json">{"x":"<b id=main>"}</script>
<main id="main"><h2 ID='main'>Main</h2><p data-id="main" id = "exit-status">
<h2 id="muc-tieu">a</h2><div id=skip></div><h2 id="main">b</h2><img src=x.png/ id="muc-tieu"></main>`
	if got, want := DuplicateIDs([]byte(html)), []string{"main", "skip", "muc-tieu"}; !slices.Equal(got, want) {
		t.Errorf("DuplicateIDs = %q, want %q", got, want)
	}
	if got := DuplicateIDs([]byte(`<p id="a"><p id="b"><p id="a`)); got != nil {
		t.Errorf("unfinished tag: %q", got)
	}
}

func TestLayoutIDs(t *testing.T) {
	base := template.Must(template.New(baseName).Parse(`{{define "card"}}<h2 id="card-title">{{.}}</h2>{{end}}` +
		`{{define "bar"}}<span id="exit-status"></span>{{end}}{{.Cached "bar"}}<a href="#main">skip</a><main id="main" tabindex="-1">{{block "main" .}}{{end}}</main>` +
		`{{if .}}<div id='quick' data-id="x">{{else}}<p id="none">{{end}}{{range .}}<h2 id="az-{{.}}">{{end}}`))
	page := template.Must(template.Must(base.Clone()).New("page.html").Parse(`{{define "main"}}<h1 id="title">{{.}}</h1>{{end}}`))
	provider := template.Must(template.Must(base.Clone()).New("provider.html").Parse(`{{define "main"}}{{template "card" .}}{{template "card" .}}{{end}}`))
	if got, want := layoutIDs(page), []string{"exit-status", "main", "none", "quick", "title"}; !slices.Equal(got, want) {
		t.Errorf("page.html: %q, want %q", got, want)
	}
	if got, want := layoutIDs(provider), []string{"card-title", "exit-status", "main", "none", "quick"}; !slices.Equal(got, want) {
		t.Errorf("provider.html: %q, want %q", got, want)
	}
}

func FuzzDuplicateIDs(f *testing.F) {
	f.Add(`<p id="a"><p id='a'><!-- x --><script>"<p id=a>"</script>`)
	f.Fuzz(func(t *testing.T, html string) {
		for _, id := range DuplicateIDs([]byte(html)) {
			_ = id // must not panic or loop
		}
	})
}

func TestDuplicateIDsEndTagCase(t *testing.T) {
	// The text of a script ends at its end tag in any case; a letter whose
	// lower case has another length (İ) before it must not shift where.
	html := `<p id="a"><SCRIPT>"İİİİİİİİİİ<p id=a>"</ScRiPt ><p id="b"><style></STYLE><p id="b">`
	if got, want := DuplicateIDs([]byte(html)), []string{"b"}; !slices.Equal(got, want) {
		t.Errorf("DuplicateIDs = %q, want %q", got, want)
	}
	if got := DuplicateIDs([]byte(`<p id=a><script><p id=a></scrip`)); got != nil {
		t.Errorf("unclosed script: %q", got)
	}
}

func BenchmarkDuplicateIDs(b *testing.B) {
	var page []byte
	for range 20 {
		page = append(page, `<script type="application/ld+json">{"a":1}</script><title>T</title><p id="x">Chào các bạn, phòng chống mại dâm.</p>`...)
		page = append(page, make([]byte, 2000)...)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		DuplicateIDs(page)
	}
}
