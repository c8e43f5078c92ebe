// Package fold owns Vietnamese-aware text folding: removing tone and vowel
// marks (and mapping đ→d) so that "Phòng, chống mại dâm" and
// "phong chong mai dam" compare equal, and the slugs and heading IDs built on
// that folding.
//
// fold is a leaf: it imports nothing of loa's. It receives strings and
// returns strings; it must not read files or know about pages.
package fold
