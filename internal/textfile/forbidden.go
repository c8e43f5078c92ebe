package textfile

import "unicode/utf8"

// Forbidden reports whether r may not appear in a web page or a feed: a
// control character other than tab, line feed and carriage return (C0
// U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F), a noncharacter
// (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE,
// U+FFFF, U+1FFFE …) or a surrogate (U+D800–U+DFFF). HTML forbids them
// in a document ("Input stream preprocessing", HTML Living Standard 13.2.3.5,
// which vnu reports as "forbidden code point"), and XML 1.0 (Atom feeds,
// sitemap.xml) forbids the controls and U+FFFE/U+FFFF.
func Forbidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r < 0x7F:
		return false
	case r <= 0x9F:
		return true
	case r >= 0xD800 && r <= 0xDFFF:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF:
		return true
	}
	return r&0xFFFE == 0xFFFE
}

// FindForbidden returns the byte offset in b of its first Forbidden
// character and that character, or -1 and 0. Bytes that are not UTF-8
// are reported as utf8.RuneError (a surrogate encoded alone is such).
func FindForbidden(b []byte) (int, rune) {
	// Decoded in place: ranging over string(b) copied b (a profile showed
	// it as a tenth of a build's allocations).
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F {
				return i, rune(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 || Forbidden(r) {
			return i, r
		}
		i += size
	}
	return -1, 0
}

// FindForbiddenString is FindForbidden for a string.
func FindForbiddenString(s string) (int, rune) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i, r
			}
		}
		if Forbidden(r) {
			return i, r
		}
	}
	return -1, 0
}
