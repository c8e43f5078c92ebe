package search

import (
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
	return termsNFC(text)
}

// termsNFC is Terms for text known to be NFC already (page text is
// normalized when it is read), skipping the check.
func termsNFC(text string) []Term {
	var out []Term
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if t, ok := term(text[start:end]); ok {
				out = append(out, t)
			}
			start = -1
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// term makes the two forms of one word (NFC).
func term(word string) (Term, bool) {
	var exact, folded strings.Builder
	exact.Grow(len(word))
	folded.Grow(len(word))
	var tone byte
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			exact.WriteByte(byte(r))
			folded.WriteByte(byte(r))
		case r >= 0xC0 && r < 0x1F00 && letters[r-0xC0].folded != "":
			l := letters[r-0xC0]
			exact.WriteString(l.exact)
			folded.WriteString(l.folded)
			if l.tone != 0 {
				tone = l.tone
			}
		default: // other scripts, and stray combining marks
			lower := string(unicode.ToLower(r))
			if t, ok := tones[r]; ok {
				tone = t
			} else if !unicode.Is(unicode.Mn, r) {
				exact.WriteString(lower)
			}
			folded.WriteString(fold.Key(lower))
		}
	}
	e := iy(exact.String())
	f := iy(folded.String())
	if f == "" {
		return Term{}, false
	}
	if tone != 0 {
		e += string(tone)
	}
	return Term{Folded: f, Exact: e}, true
}

// iy makes the Vietnamese i/y spelling variants equal: a final "y" that is
// the whole vowel after a consonant becomes "i" ("kỳ"/"kì", "lý"/"lí",
// "mỹ"/"mĩ", and "quý"/"quí", where "qu" is the consonant), while "y"
// after a vowel ("thủy", "hay", "tuy") stays.
func iy(w string) string {
	if !strings.HasSuffix(w, "y") || len(w) < 2 {
		return w
	}
	prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-1])
	if isVowel(prev) && !strings.HasSuffix(w, "quy") {
		return w
	}
	return w[:len(w)-1] + "i"
}

func isVowel(r rune) bool {
	base := []rune(fold.Key(string(r)))
	return len(base) == 1 && strings.ContainsRune("aeiouy", base[0])
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
