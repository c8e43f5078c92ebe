package textfile

import (
	"bytes"
	"io/fs"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/loa-ssg/loa/internal/diag"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Normalize returns src as UTF-8 NFC text with "\n" line ends (CRLF and a
// lone CR become "\n") and without a leading byte-order mark. It returns a
// diagnostic naming file and the position of the first byte that is not
// UTF-8 when src is not valid UTF-8, or of the first character a web page
// may not hold (see Forbidden), and then no text.
func Normalize(file string, src []byte) ([]byte, *diag.Diagnostic) {
	src = bytes.TrimPrefix(src, bom)
	if off, _ := FindForbidden(src); off < 0 {
		// One pass for what nearly every file is: UTF-8 (FindForbidden
		// stops at a byte that is not) with nothing forbidden, which
		// neither CR's removal nor NFC can bring in.
		return lineEndsNFC(src), nil
	}
	if !utf8.Valid(src) {
		d := invalid(file, src)
		return nil, &d
	}
	src = lineEndsNFC(src)
	if off, r := FindForbidden(src); off >= 0 {
		pos := diag.NewLineIndex(file, src).Position(off)
		d := diag.Errorf(pos, "this file holds the invisible character U+%04X, which a web page cannot contain", r).
			WithHint("delete it: most editors do not show it (it often comes with text copied from a PDF, Word or a chat app); " +
				"put the cursor at this line and column and press Delete, or retype the words around it")
		return nil, &d
	}
	return src, nil
}

// lineEndsNFC returns src (UTF-8) with "\n" line ends, in NFC.
func lineEndsNFC(src []byte) []byte {
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !plainNFC(src) && !norm.NFC.IsNormal(src) {
		src = norm.NFC.Bytes(src)
	}
	return src
}

// plainNFC reports whether text (UTF-8) holds only characters that are
// NFC whatever comes before or after them, and combine with none: ASCII,
// U+0080–U+02FF (Latin-1, Latin Extended-A and -B: ă, đ, ơ, ư),
// U+1E00–U+1EFF (Latin Extended Additional: every other Vietnamese
// letter with its tone) and U+2010–U+202F (dashes, quotes, the ellipsis).
// Text written in Vietnamese or English then needs no lookup in
// Unicode's tables (norm's IsNormal was half of reading a file).
func plainNFC(text []byte) bool {
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c <= 0xCB && i+1 < len(text): // U+0080–U+02FF
			i += 2
		case c == 0xE1 && i+2 < len(text) && text[i+1] >= 0xB8 && text[i+1] <= 0xBB: // U+1E00–U+1EFF
			i += 3
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] >= 0x90 && text[i+2] <= 0xAF: // U+2010–U+202F
			i += 3
		default:
			return false
		}
	}
	return true
}

// Read reads name from fsys and normalizes it as Normalize does. An I/O
// failure is returned as a Go error; text that is not UTF-8 as a diagnostic.
func Read(fsys fs.FS, name string) ([]byte, *diag.Diagnostic, error) {
	text, _, d, err := ReadAsIs(fsys, name)
	return text, d, err
}

// ReadAsIs is Read, and also reports whether the text is the file's bytes
// as they are: Normalize had nothing to change (no byte-order mark, no
// CR, NFC already, nothing forbidden). A caller that reads the same file
// again and finds the same bytes (by a hash of the text) may then take
// them as the text without normalizing them again (content.Page.ReadText).
func ReadAsIs(fsys fs.FS, name string) (text []byte, asIs bool, d *diag.Diagnostic, err error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, false, nil, err
	}
	text, d = Normalize(name, src)
	asIs = d == nil && len(text) == len(src) && (len(src) == 0 || &text[0] == &src[0])
	return text, asIs, d, nil
}

func invalid(file string, src []byte) diag.Diagnostic {
	off := 0
	for off < len(src) {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	idx := diag.NewLineIndex(file, src)
	pos := idx.Position(off)
	return diag.Errorf(pos, "this file is not saved as UTF-8 (byte 0x%02X cannot be read)", src[off]).
		WithHint("save the file as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; in Notepad++: Encoding > Convert to UTF-8)")
}
