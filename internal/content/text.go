package content

import (
	"fmt"
	"hash/maphash"
	"io/fs"

	"github.com/loa-ssg/loa/internal/textfile"
)

// textSeed seeds the hashes that letGoText and ReadText compare.
var textSeed = maphash.MakeSeed()

// letGoText drops p's Text and Body, keeping their hash (Options.HoldText).
func (p *Page) letGoText() {
	p.textSum = maphash.Bytes(textSeed, p.Text)
	p.Text, p.Body = nil, nil
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
	text, d, err := textfile.Read(fsys, p.File)
	if err != nil {
		return fmt.Errorf("read %s: %w", p.File, err)
	}
	same := maphash.Bytes(textSeed, text) == p.textSum
	if p.sum != 0 {
		same = Checksum(text) == p.sum
	}
	if d != nil || !same || p.BodyOffset > len(text) {
		return fmt.Errorf("read %s: the file changed while the site was being built; build again", p.File)
	}
	p.Text, p.Body = text, text[p.BodyOffset:]
	return nil
}

// TextSum returns Checksum of p's text without reading it when Load made
// p from Options.Reuse (Text nil), and ok false for any other page
// (whose Text the caller can sum itself).
func (p *Page) TextSum() (sum uint64, ok bool) {
	return p.sum, p.sum != 0 && p.Text == nil
}
