package content

import (
	"bytes"
	"strings"
	"testing"
)

// TestHoldText holds that a site with more page files than HoldText is
// loaded without its text, that ReadText gives each page the text a
// plain Load gives it, and that a file edited since Load is an error.
func TestHoldText(t *testing.T) {
	want := mustLoad(t, archive(siteArchive), Options{})
	fsys := archive(siteArchive)
	got := mustLoad(t, fsys, Options{HoldText: 1})
	if len(got.Pages) != len(want.Pages) || len(got.Pages) < 2 {
		t.Fatalf("%d pages, want %d", len(got.Pages), len(want.Pages))
	}
	for i, p := range got.Pages {
		if p.Text != nil || p.Body != nil {
			t.Fatalf("%s: the text was kept", p.File)
		}
		if err := p.ReadText(fsys); err != nil {
			t.Fatal(err)
		}
		w := want.Pages[i]
		if !bytes.Equal(p.Text, w.Text) || !bytes.Equal(p.Body, w.Body) || p.BodyOffset != w.BodyOffset {
			t.Errorf("%s: ReadText gives %q, want %q", p.File, p.Text, w.Text)
		}
	}
	if held := mustLoad(t, archive(siteArchive), Options{HoldText: len(want.Pages) + 10}); held.Pages[0].Text == nil {
		t.Errorf("a site under HoldText lost its text")
	}

	edited := mustLoad(t, fsys, Options{HoldText: 1})
	p := edited.Pages[len(edited.Pages)-1]
	fsys[p.File].Data = append(bytes.Clone(fsys[p.File].Data), "\nMore text.\n"...)
	if err := p.ReadText(fsys); err == nil || !strings.Contains(err.Error(), "changed while the site was being built") {
		t.Errorf("ReadText of an edited file: %v", err)
	}
}
