// Package textfile reads the text files an author writes (Markdown, YAML)
// and normalizes them at the edge, so that everything after load may assume
// one form: UTF-8, NFC (composed) Unicode, "\n" line ends, no byte-order mark.
//
// Windows editors and Vietnamese input methods produce every variant: a BOM,
// CRLF line ends, decomposed (NFD) letters from some keyboards, and files
// saved as Windows-1252. The first three are repaired silently; text that is
// not UTF-8 is an error at the line and column of the first bad byte, and
// so is a character no web page may hold (a control character, a
// noncharacter: see Forbidden). strictyaml and markdown use Forbidden too,
// for characters written as escapes ("\x1d" in YAML, &#29; in Markdown).
//
// textfile imports diag only. It must not parse what it reads.
package textfile
