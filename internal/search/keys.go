package search

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// This file is the specification of what static/js/search.js does with a
// query word that finds nothing as typed: read it as raw Telex or VNI
// keystrokes (typed with the keyboard's Vietnamese mode off), or cut a
// word typed without spaces into syllables. The script mirrors these
// functions; the browser tests check both give the same answers.

// toneMarks are the combining tone marks by Telex key and VNI digit.
var (
	telexTones = map[byte]rune{'s': '\u0301', 'f': '\u0300', 'r': '\u0309', 'x': '\u0303', 'j': '\u0323'}
	vniTones   = map[byte]rune{'1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323'}
)

// marked maps a vowel or d and a Vietnamese letter mark to the marked
// letter: circumflex (^), breve (() and horn (+), and đ.
var marked = map[string]rune{
	"a^": 'â', "e^": 'ê', "o^": 'ô', "a(": 'ă', "o+": 'ơ', "u+": 'ư', "d-": 'đ',
}

// DecodeTelex reads word (lower case) as Telex keystrokes: aa â, aw ă,
// ee ê, oo ô, ow ơ, uw ư (uow ươ), w alone ư, dd đ, and the tone keys s f
// r x j anywhere after the first vowel ("dduwowngf" → "đường", "nongs" →
// "nóng"). It returns the word in NFC and whether it found any keystroke
// to read and the result is a possible Vietnamese syllable.
func DecodeTelex(word string) (string, bool) {
	if word == "" || len(word) > 16 || !isASCIILower(word) {
		return "", false
	}
	var out []rune
	var tone rune
	changed := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		n := len(out)
		switch {
		case c == 'd' && n > 0 && out[n-1] == 'd':
			out[n-1] = 'đ'
			changed = true
		case (c == 'a' || c == 'e' || c == 'o') && n > 0 && out[n-1] == rune(c):
			out[n-1] = marked[string(c)+"^"]
			changed = true
		case c == 'w':
			if !hornBreve(out) {
				out = append(out, 'ư')
			}
			changed = true
		case telexTones[c] != 0 && hasVowel(out):
			tone = telexTones[c]
			changed = true
		default:
			out = append(out, rune(c))
		}
	}
	return finish(out, tone, changed)
}

// DecodeVNI reads word (lower case) as VNI keystrokes: the digits 1–5 are
// the tones (sắc, huyền, hỏi, ngã, nặng), 6 the circumflex, 7 the horn, 8
// the breve and 9 the stroke of đ, each applied to the letter before it
// ("d9u7o7ng2" → "đường"). Words that start with a digit are numbers and
// are not read.
func DecodeVNI(word string) (string, bool) {
	if word == "" || len(word) > 16 || !isASCIILower(word) || word[0] < 'a' || word[0] > 'z' {
		return "", false
	}
	var out []rune
	var tone rune
	changed := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		ok := true
		switch {
		case vniTones[c] != 0:
			ok = hasVowel(out)
			tone = vniTones[c]
		case c == '6':
			ok = markLast(out, "aeo", "^")
		case c == '7':
			ok = hornBreve(out) && !strings.ContainsRune(string(out), 'ă')
		case c == '8':
			ok = markLast(out, "a", "(")
		case c == '9':
			ok = markLast(out, "d", "-")
		case c >= '0' && c <= '9':
			return "", false
		default:
			out = append(out, rune(c))
			continue
		}
		if !ok {
			return "", false
		}
		changed = true
	}
	return finish(out, tone, changed)
}

// hornBreve applies a Telex w (VNI 7) to the last vowel that takes it:
// "uo" → "ươ", u → ư, o → ơ, a → ă. It reports false when none does.
func hornBreve(out []rune) bool {
	for i := len(out) - 1; i >= 0; i-- {
		switch out[i] {
		case 'o':
			out[i] = 'ơ'
			if i > 0 && out[i-1] == 'u' {
				out[i-1] = 'ư'
			}
			return true
		case 'u':
			out[i] = 'ư'
			return true
		case 'a':
			out[i] = 'ă'
			return true
		}
		if isVowelRune(out[i]) {
			return false
		}
	}
	return false
}

// markLast gives the last letter of out that is one of letters the mark.
func markLast(out []rune, letters, mark string) bool {
	for i := len(out) - 1; i >= 0; i-- {
		if strings.ContainsRune(letters, out[i]) {
			out[i] = marked[string(out[i])+mark]
			return true
		}
	}
	return false
}

// finish places tone on out and returns the word if it is a syllable.
func finish(out []rune, tone rune, changed bool) (string, bool) {
	if !changed || len(out) == 0 {
		return "", false
	}
	w := placeTone(out, tone)
	var sc scanner
	if !sc.term(w) || len(Syllables(string(sc.folded))) == 0 || len(Syllables(string(sc.folded))[0]) != 1 {
		return "", false
	}
	return w, true
}

// placeTone writes the tone mark on the vowel that carries it (a marked
// vowel first, ơ of ươ; else the last vowel before a final consonant, or
// the first of two open vowels, "qu" and "gi" being consonants) and
// returns the word in NFC.
func placeTone(w []rune, tone rune) string {
	if tone == 0 {
		return norm.NFC.String(string(w))
	}
	start := 0
	if len(w) > 2 && (w[0] == 'q' && w[1] == 'u' || w[0] == 'g' && w[1] == 'i' && isVowelRune(w[2])) {
		start = 2
	}
	var vs []int
	for i := start; i < len(w); i++ {
		if isVowelRune(w[i]) {
			vs = append(vs, i)
		}
	}
	if len(vs) == 0 {
		return norm.NFC.String(string(w))
	}
	at := vs[len(vs)-1]
	for _, i := range vs {
		if strings.ContainsRune("âăêôơư", w[i]) {
			at = i // the last marked vowel: ơ of ươ
		}
	}
	if !strings.ContainsRune("âăêôơ", w[at]) && !(w[at] == 'ư' && at == vs[len(vs)-1]) && len(vs) >= 2 && vs[len(vs)-1] == len(w)-1 {
		at = vs[len(vs)-2] // two open vowels: "mái", "hóa"
	}
	s := string(w[:at+1]) + string(tone) + string(w[at+1:])
	return norm.NFC.String(s)
}

func isVowelRune(r rune) bool { return strings.ContainsRune("aăâeêioôơuưy", r) }

func hasVowel(out []rune) bool {
	for _, r := range out {
		if isVowelRune(r) {
			return true
		}
	}
	return false
}

func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

// onsets are the Vietnamese first consonants, longest first.
var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

// codas are the Vietnamese final consonants, longest first.
var codas = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}

// nuclei are the folded Vietnamese vowel groups, longest first; open
// ones (ending in a glide, or ia, ua) take no final consonant.
var nuclei = []struct {
	v    string
	open bool
}{
	{"ieu", true}, {"yeu", true}, {"oai", true}, {"oay", true}, {"oeo", true}, {"uay", true},
	{"uoi", true}, {"uou", true}, {"uya", true}, {"uyu", true}, {"uye", false},
	{"ai", true}, {"ao", true}, {"au", true}, {"ay", true}, {"eo", true}, {"eu", true},
	{"ia", true}, {"iu", true}, {"oi", true}, {"ua", true}, {"ui", true}, {"uu", true},
	{"oa", false}, {"oe", false}, {"ie", false}, {"ue", false}, {"uo", false}, {"uy", false},
	{"ye", false}, {"oo", false},
	{"a", false}, {"e", false}, {"i", false}, {"o", false}, {"u", false}, {"y", false},
}

// syllableLens returns the lengths of the folded syllables that s starts
// with, longest first: a first consonant (or none), a vowel group and a
// final consonant (or none).
func syllableLens(s string) []int {
	var out []int
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		rest := s[len(on):]
		for _, nu := range nuclei {
			if !strings.HasPrefix(rest, nu.v) {
				continue
			}
			for _, co := range codas {
				if (co == "" || !nu.open) && strings.HasPrefix(rest[len(nu.v):], co) {
					if n := len(on) + len(nu.v) + len(co); !containsInt(out, n) {
						out = append(out, n)
					}
				}
			}
		}
	}
	// longest first
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] > out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// MaxSegmentations caps how many ways Syllables returns.
const MaxSegmentations = 4

// Syllables cuts a folded word typed without spaces into Vietnamese
// syllables ("muabannguoi" → [mua ban nguoi]): the ways with the fewest
// syllables first, then those taking the longest syllables first; at most
// MaxSegmentations. A word that is not all syllables (or longer than 40
// letters) gives none.
func Syllables(folded string) [][]string {
	if folded == "" || len(folded) > 40 || !isASCIILower(folded) {
		return nil
	}
	// fewest[i] is the fewest syllables that cut folded[i:], -1 for none.
	n := len(folded)
	fewest := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		fewest[i] = -1
		for _, l := range syllableLens(folded[i:]) {
			if f := fewest[i+l]; f >= 0 && (fewest[i] < 0 || f+1 < fewest[i]) {
				fewest[i] = f + 1
			}
		}
	}
	if fewest[0] < 0 {
		return nil
	}
	var out [][]string
	var walk func(i int, acc []string, budget int)
	walk = func(i int, acc []string, budget int) {
		if len(out) >= MaxSegmentations {
			return
		}
		if i == n {
			out = append(out, append([]string(nil), acc...))
			return
		}
		for _, l := range syllableLens(folded[i:]) {
			if f := fewest[i+l]; f >= 0 && f+1 <= budget {
				walk(i+l, append(acc, folded[i:i+l]), budget-1)
			}
		}
	}
	for budget := fewest[0]; budget <= fewest[0]+1 && len(out) < MaxSegmentations; budget++ {
		before := len(out)
		walk(0, nil, budget)
		// keep only the new ones of exactly this many syllables
		kept := out[:before]
		for _, s := range out[before:] {
			if len(s) == budget {
				kept = append(kept, s)
			}
		}
		out = kept
	}
	return out
}
