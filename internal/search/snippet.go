package search

import (
	"strings"
	"unicode/utf8"
)

// SentenceReach is how far (in bytes of text, about 120 characters of
// Vietnamese) before a word its passage may begin so that it begins
// where the word's sentence, heading or list item does: a snippet cut in
// the middle of "nạn nhân có thể không bị xử phạt" reads "…bị xử phạt",
// the opposite of what the page says.
const SentenceReach = 150

// passageBounds returns where the passage around the word text[at:at+n]
// begins and ends. It begins at the start of the word's sentence (after
// a block boundary "\n", or after ". ", "? ", "! ", ": " or "; ") when
// that is at most SentenceReach bytes before the word; else at a word
// about PassageBefore bytes before it, moved back over any word of the
// few before that turns the meaning of what follows (negations: không,
// chưa, chẳng, đừng, not, never, don't…, with the modal before them: có
// thể không, may not), so that a passage never begins right after one.
// It ends at a space about PassageAfter bytes after the word (less, but
// at least PassageAfter/2, when it begins further back than
// PassageBefore), or at the end of text; an end that falls just before
// a negation is moved on past it (see keepNegationAfter), so that a
// passage never stops at "…có" of "có thể không bị xử lý".
func passageBounds(text string, at, n int) (from, to int) {
	from = sentenceStart(text, max(0, at-SentenceReach), at)
	if from < 0 {
		from = at - PassageBefore
		for from < at && !utf8.RuneStart(text[from]) {
			from++
		}
		if k := strings.IndexByte(text[from:at], ' '); k >= 0 {
			from += k + 1
		}
		from = keepNegation(text, from)
	}
	after := max(PassageAfter/2, PassageAfter-max(0, at-from-PassageBefore))
	to = min(at+n+after, len(text))
	if k := strings.LastIndexAny(text[at+n:to], " \n"); to < len(text) && k >= 0 {
		to = at + n + k
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to--
	}
	return from, keepNegationAfter(text, to)
}

// keepNegationAfter returns to (where a passage of text ends: a space,
// "\n" or len(text)) moved on when a negation is among the
// negationWords words after it in the same sentence: to the end of the
// negationWords-th word after the negation, or to the end of the
// sentence or block when that comes first. Without a negation there it
// returns to. "don't" counts as a negation ("don", "'", "t").
func keepNegationAfter(text string, to int) int {
	neg, words, end := -1, 0, to
words:
	for i := to; i < len(text); words++ {
		if neg < 0 && words == negationWords || neg >= 0 && words > neg+negationWords {
			break
		}
		gap := i
		for { // to the next word, not past the sentence or block
			if i == len(text) {
				break words
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				break
			}
			if r == '\n' || r == ' ' && endsSentence(text[:i]) {
				break words
			}
			i += size
		}
		k := i
		for k < len(text) {
			r, size := utf8.DecodeRuneInString(text[k:])
			if !isWordRune(r) {
				break
			}
			k += size
		}
		w := strings.ToLower(text[i:k])
		if neg < 0 && isNegation(w, text[gap:i]) {
			neg = words
		}
		end, i = k, k
	}
	if neg < 0 {
		return to
	}
	return end
}

// sentenceStart returns the start of the sentence that holds text[at]
// when it is at lo or after (the start of text is one), else -1.
func sentenceStart(text string, lo, at int) int {
	for i := at - 1; i >= lo; i-- {
		if text[i] == '\n' || text[i] == ' ' && endsSentence(text[:i]) {
			return at - len(strings.TrimLeft(text[i+1:at], " \n"))
		}
	}
	if lo == 0 {
		return 0
	}
	return -1
}

// endsSentence reports whether s ends a sentence or a lead-in: in ".",
// "?", "!", ":", ";" or "…", maybe followed by closing quotes or
// brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"')]”’»`)
	return s != "" && strings.ContainsRune(".?!:;…", lastRune(s))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// negations are the words that turn the meaning of what follows them,
// lower case; modals are the words a negation may follow ("có thể
// không", "may not"), which a passage keeps with it.
var (
	negations = map[string]bool{
		"không": true, "chưa": true, "chẳng": true, "chả": true, "đừng": true, "chớ": true,
		"not": true, "no": true, "never": true, "nor": true, "cannot": true, "without": true, "neither": true, "nothing": true, "none": true,
	}
	modals = map[string]bool{
		"thể": true, "có": true, "sẽ": true, "vẫn": true, "cũng": true,
		"may": true, "might": true, "can": true, "could": true, "will": true, "would": true, "shall": true, "should": true, "must": true,
		"do": true, "does": true, "did": true, "is": true, "are": true, "was": true, "were": true,
	}
)

// isNegation reports whether w, a word in lower case, turns the meaning
// of what follows it: one of negations, or the "t" of "don't" or "can’t",
// known by the apostrophe in between, the text from the word before it.
func isNegation(w, between string) bool {
	return negations[w] || w == "t" && strings.ContainsAny(between, "'’")
}

// negationWords is how many words before a passage's start keepNegation
// looks at: "không" in "không bị xử phạt" is two before "xử".
const negationWords = 4

// keepNegation returns from (the start of a word in text) moved back to
// the earliest negation among the negationWords words before it in the
// same sentence, and over the modals before that; from itself when there
// is none. "don't" counts as a negation ("don", "'", "t").
func keepNegation(text string, from int) int {
	type word struct {
		at int
		w  string
	}
	var before []word // nearest first
	i := from
	for len(before) < negationWords+2 {
		j := i
		for j > 0 && !isWordRune(lastRune(text[:j])) {
			if c := text[j-1]; c == '\n' || c == ' ' && endsSentence(text[:j-1]) {
				j = -1
				break
			}
			_, size := utf8.DecodeLastRuneInString(text[:j])
			j -= size
		}
		if j <= 0 {
			break
		}
		k := j
		for k > 0 && isWordRune(lastRune(text[:k])) {
			_, size := utf8.DecodeLastRuneInString(text[:k])
			k -= size
		}
		before = append(before, word{k, strings.ToLower(text[k:j])})
		i = k
	}
	neg := -1
	for n, b := range before[:min(len(before), negationWords)] {
		between := ""
		if n+1 < len(before) {
			between = text[before[n+1].at:b.at]
		}
		if isNegation(b.w, between) {
			neg = n
		}
	}
	if neg < 0 {
		return from
	}
	if before[neg].w == "t" {
		neg++ // "don" of "don't"
	}
	for neg+1 < len(before) && modals[before[neg+1].w] {
		neg++
	}
	return before[neg].at
}

// display returns text as a snippet shows it: each block boundary ("\n",
// with the spaces around it) becomes ". " after a block that does not
// end a sentence (a heading, a list item), else " ", so that a heading
// does not run into the sentence after it ("punished. Many people", not
// "punished Many people").
func display(text string) string {
	if !strings.Contains(text, "\n") {
		return text
	}
	var b strings.Builder
	for _, part := range strings.Split(text, "\n") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			if !endsSentence(b.String()) {
				b.WriteByte('.')
			}
			b.WriteByte(' ')
		}
		b.WriteString(part)
	}
	return b.String()
}
