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

// TestReadTextAsIs holds that a page Load read as its file's bytes as
// they are gets, from ReadText, those bytes when the file still holds
// them without normalizing them again, and otherwise what the full read
// gives: the same normalized text from a file saved again with CRLF line
// ends, an error for an edited file, and the normalized text for a page
// whose file was not as it is (a BOM, CRLF).
func TestReadTextAsIs(t *testing.T) {
	bom := "\xEF\xBB\xBF"
	fsys := archive(siteArchive)
	plain, crlf := "content/_index.vi.md", "content/_index.en.md"
	fsys[crlf].Data = []byte(strings.ReplaceAll(bom+string(fsys[crlf].Data), "\n", "\r\n"))
	want := mustLoad(t, archive(siteArchive), Options{})
	wantText := map[string]string{}
	for _, p := range want.Pages {
		wantText[p.File] = string(p.Text)
	}

	got := mustLoad(t, fsys, Options{HoldText: 1})
	byFile := map[string]*Page{}
	for _, p := range got.Pages {
		byFile[p.File] = p
		if wantAsIs := p.File != crlf; p.asIs != wantAsIs {
			t.Errorf("%s: asIs %v, want %v", p.File, p.asIs, wantAsIs)
		}
		if err := p.ReadText(fsys); err != nil {
			t.Fatal(err)
		}
		if string(p.Text) != wantText[p.File] || !bytes.Equal(p.Body, p.Text[p.BodyOffset:]) {
			t.Errorf("%s: ReadText gives %q, want %q", p.File, p.Text, wantText[p.File])
		}
		p.LetGoText()
	}

	// Saved again with CRLF: not the same bytes, the same text.
	saved := bytes.Clone(fsys[plain].Data)
	fsys[plain].Data = bytes.ReplaceAll(saved, []byte("\n"), []byte("\r\n"))
	if p := byFile[plain]; p.ReadText(fsys) != nil || string(p.Text) != wantText[plain] {
		t.Errorf("%s saved with CRLF: ReadText gives %q, want %q", plain, p.Text, wantText[plain])
	}
	// Edited: same length, other bytes.
	fsys[plain].Data = bytes.Replace(saved, []byte("Chào"), []byte("Chàp"), 1)
	byFile[plain].LetGoText()
	if p := byFile[plain]; p.ReadText(fsys) == nil {
		t.Errorf("%s edited: ReadText gives %q, want an error", plain, p.Text)
	}
	// The page whose file had a BOM and CRLF, saved as its text.
	fsys[crlf].Data = []byte(wantText[crlf])
	if p := byFile[crlf]; p.ReadText(fsys) != nil || string(p.Text) != wantText[crlf] {
		t.Errorf("%s saved as its text: ReadText gives %q, want %q", crlf, p.Text, wantText[crlf])
	}
}
