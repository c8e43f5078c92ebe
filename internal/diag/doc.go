// Package diag owns positions in source files and the diagnostics that
// report problems in an author's content.
//
// A Position names a file, a 1-based line and a 1-based column counted in
// characters (runes), not bytes: a Vietnamese letter is two or three bytes
// in UTF-8 but one column on the author's screen. Diagnostics are plain data,
// collected rather than returned at the first problem, sorted and printed
// once by a Printer in text or JSON.
//
// Messages are written in English; a diagnostic keeps the format and the
// arguments it was made from, so that a Catalogue (English format →
// format in another language) can print it in that language. The
// catalogues themselves live in package locale.
//
// diag is a leaf: it imports nothing of loa's, and every other package may
// import it. It must not read files or know about pages, templates or
// which languages there are.
package diag
