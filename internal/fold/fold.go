package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String returns s with every combining mark removed (after canonical
// decomposition, so NFC and NFD input fold alike) and đ/Đ mapped to d/D.
// Case is kept; see Key for the lower-cased form. ASCII input is returned
// unchanged without allocating.
func String(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// tone or vowel mark: drop
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Key returns the lower-cased folded form of s, the form in which two
// strings that a Vietnamese reader would type alike compare equal.
func Key(s string) string { return strings.ToLower(String(s)) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
