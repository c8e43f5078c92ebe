package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/loa-ssg/loa/internal/fold"
)

// Vietnamese tone marks, as combining characters after NFD. The vowel
// marks (circumflex U+0302, breve U+0306, horn U+031B) are not tones.
var tones = map[rune]byte{'\u0300': '2', '\u0301': '1', '\u0303': '4', '\u0309': '3', '\u0323': '5'}

// Term is one word of text in its two search forms.
type Term struct {
	// Folded has every mark removed, đ→d, lower case, and Vietnamese
	// spelling variants made equal: "Kỳ" → "ki", "hoà"/"hòa" → "hoa".
	Folded string
	// Exact keeps the vowel marks and names the tone with a digit after the
	// word, so that old and new tone placement compare equal: "hoà" and
	// "hòa" → "hoa2", "thuỷ"/"thủy" → "thuy3", "bán" → "ban1", "ban" → "ban".
	Exact string
}

// letter is the search forms of one lower-case letter with marks: "ế" is
// {exact: "ê", folded: "e", tone: '1'}.
type letter struct {
	exact, folded string
	tone          byte
}

// letters holds the forms of the Latin letters with marks (U+00C0 to
// U+1EFF), worked out once with Unicode decomposition, so that cutting
// text into terms needs no normalization per word.
var letters = func() []letter {
	t := make([]letter, 0x1F00-0xC0)
	for r := rune(0xC0); r < 0x1F00; r++ {
		lower := unicode.ToLower(r)
		if !unicode.IsLetter(r) {
			continue
		}
		var exact strings.Builder
		var tone byte
		for _, c := range norm.NFD.String(string(lower)) {
			if d, ok := tones[c]; ok {
				tone = d
				continue
			}
			exact.WriteRune(c)
		}
		t[r-0xC0] = letter{exact: norm.NFC.String(exact.String()), folded: fold.Key(string(lower)), tone: tone}
	}
	return t
}()

// Terms cuts text into words: runs of letters and digits. "164/KH-UBND"
// gives "164", "kh", "ubnd". Text may be NFC or NFD.
func Terms(text string) []Term {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	var out []Term
	var sc scanner
	words(text, func(word string) {
		if sc.term(word) {
			out = append(out, Term{Folded: string(sc.folded), Exact: string(sc.exact)})
		}
	})
	return out
}

// scanner makes the forms of words into buffers it reuses, so that a word
// costs no allocation.
type scanner struct {
	exact, folded []byte // the last term's forms
}

// words calls fn with each word of text: each run of letters, digits and
// combining marks, as a substring of text.
func words(text string, fn func(word string)) {
	wordsAt(text, func(_ int, word string) { fn(word) })
}

// wordsAt is words, with each word's byte offset in text.
func wordsAt(text string, fn func(at int, word string)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, text[start:i])
		}
		start = -1
	}
	if start >= 0 {
		fn(start, text[start:])
	}
}

// isWordRune reports whether r belongs in a word: letters, digits and
// combining marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r >= 0xC0 && r < 0x1F00 && letters[r-0xC0].folded != "" {
		// A Latin letter with marks (every Vietnamese one), by the
		// table, not by searching Unicode's tables of letters.
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// term makes the two forms of one word (NFC) in sc.exact and sc.folded.
// It reports false when the word has no folded form (stray marks).
func (sc *scanner) term(word string) bool {
	exact, folded := sc.exact[:0], sc.folded[:0]
	var tone byte
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			exact = append(exact, byte(r))
			folded = append(folded, byte(r))
		case r >= 0xC0 && r < 0x1F00 && letters[r-0xC0].folded != "":
			l := &letters[r-0xC0]
			exact = append(exact, l.exact...)
			folded = append(folded, l.folded...)
			if l.tone != 0 {
				tone = l.tone
			}
		default: // other scripts, and stray combining marks
			lower := string(unicode.ToLower(r))
			if t, ok := tones[r]; ok {
				tone = t
			} else if !unicode.Is(unicode.Mn, r) {
				exact = append(exact, lower...)
			}
			folded = append(folded, fold.Key(lower)...)
		}
	}
	exact, folded = iy(exact), iy(folded)
	if tone != 0 {
		exact = append(exact, tone)
	}
	sc.exact, sc.folded = exact, folded
	return len(folded) > 0
}

// iy makes the Vietnamese i/y spelling variants equal, in place: a final
// "y" that is the whole vowel after a consonant becomes "i" ("kỳ"/"kì",
// "lý"/"lí", "mỹ"/"mĩ", and "quý"/"quí", where "qu" is the consonant),
// while "y" after a vowel ("thủy", "hay", "tuy") stays.
func iy(w []byte) []byte {
	n := len(w)
	if n < 2 || w[n-1] != 'y' {
		return w
	}
	prev, _ := utf8.DecodeLastRune(w[:n-1])
	if isVowel(prev) && !bytes.HasSuffix(w, []byte("quy")) {
		return w
	}
	w[n-1] = 'i'
	return w
}

// isVowel reports whether r is a vowel letter, with or without marks.
func isVowel(r rune) bool {
	var base string
	switch {
	case r < utf8.RuneSelf:
		base = string(rune(unicode.ToLower(r)))
	case r >= 0xC0 && r < 0x1F00 && letters[r-0xC0].folded != "":
		base = letters[r-0xC0].folded
	default:
		base = fold.Key(string(r))
	}
	return len(base) == 1 && strings.IndexByte("aeiouy", base[0]) >= 0
}

// Prefix returns the shard key of a folded term: its first two letters
// (or the whole term when shorter).
func Prefix(folded string) string {
	n := 0
	for i := range folded {
		if n == 2 {
			return folded[:i]
		}
		n++
	}
	return folded
}
