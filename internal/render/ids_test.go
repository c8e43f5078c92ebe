package render

import (
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

func TestTemplateIDs(t *testing.T) {
	got := templateIDs(map[string]string{
		"base.html": `<main id="main" tabindex="-1"><div id='exit-status' data-id="x">`,
		"az.html":   `<h2 id="az-{{$i}}">{{.}}</h2><p class="id"> valid id="not-a-tag"`,
	})
	if want := []string{"exit-status", "main", "not-a-tag"}; !slices.Equal(got, want) {
		t.Errorf("templateIDs = %q, want %q", got, want)
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
