package content

import (
	"fmt"
	"hash/maphash"
	"io/fs"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/textfile"
)

// textSeed seeds the hashes that letGoText and ReadText compare.
var textSeed = maphash.MakeSeed()

// letGoText drops p's Text and Body, keeping their hash (Options.HoldText).
func (p *Page) letGoText() {
	p.textSum = maphash.Bytes(textSeed, p.Text)
	p.Text, p.Body = nil, nil
}

// LetGoText drops p's Text and Body once its page is made, keeping their
// hash, so that ReadText and Quote can still read the same text again.
func (p *Page) LetGoText() {
	if p.Text != nil {
		p.letGoText()
	}
}

// Quote returns a diag.Quote of p's lines: from Text while p holds it,
// else from its file in fsys (the site's source folder) read again, ok
// false when the file is gone or no longer holds the text p was made from
// (see ReadText). A build gives it to the problems it finds in a page
// whose text it let go (check.Page.Locate), which then hold no copy of
// the lines they quote.
func (p *Page) Quote(fsys fs.FS) diag.Quote {
	return func(file string, n int) (string, bool) {
		if file != p.File {
			return "", false
		}
		text := p.Text
		if text == nil {
			var err error
			if text, err = p.textAgain(fsys); err != nil {
				return "", false
			}
		}
		return diag.NewLineIndex(p.File, text).Line(n), true
	}
}

// ReadText reads p's file from fsys (the site's source folder) again, as
// Load did, and sets its Text and Body, for a page whose text Load let go
// (Options.HoldText). A page that has its text is left as it is. It
// returns an error when the file cannot be read or no longer holds what
// Load read: the file was edited during the build, whose pages would then
// mix its old front matter with its new text, so the build must start
// again.
func (p *Page) ReadText(fsys fs.FS) error {
	if p.Text != nil {
		return nil
	}
	text, err := p.textAgain(fsys)
	if err != nil {
		return err
	}
	p.Text, p.Body = text, text[p.BodyOffset:]
	return nil
}

// textAgain reads p's file from fsys again and returns its text when it is
// the text p was made from (ReadText). When Load read the text as the
// file's bytes as they are (asIs) and the file still holds those bytes,
// they are the text: normalizing them would change nothing, and is
// skipped (it was 3.1 of the 6.6 s of CPU that a 30,000-page build's
// second reads took); any other file is read and normalized as Load did.
func (p *Page) textAgain(fsys fs.FS) ([]byte, error) {
	if p.asIs {
		src, err := fs.ReadFile(fsys, p.File)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p.File, err)
		}
		if p.sameText(src) && p.BodyOffset <= len(src) {
			return src, nil
		}
	}
	text, d, err := textfile.Read(fsys, p.File)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p.File, err)
	}
	if d != nil || !p.sameText(text) || p.BodyOffset > len(text) {
		return nil, fmt.Errorf("read %s: the file changed while the site was being built; build again", p.File)
	}
	return text, nil
}

// sameText reports whether text is the text p was made from, by the hash
// letGoText kept or, for a page with a checksum, by Checksum.
func (p *Page) sameText(text []byte) bool {
	if p.sum != 0 {
		return Checksum(text) == p.sum
	}
	return maphash.Bytes(textSeed, text) == p.textSum
}

// TextSum returns Checksum of p's text without reading it when Load made
// p from Options.Reuse (Text nil), and ok false for any other page
// (whose Text the caller can sum itself).
func (p *Page) TextSum() (sum uint64, ok bool) {
	return p.sum, p.sum != 0 && p.Text == nil
}
