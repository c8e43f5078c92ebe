// Package locale holds the translations of loa's own messages (diagnostics,
// hints, the command line's output and help, the preview's overlay) and
// chooses the language they are printed in.
//
// The English text of a message is its key, gettext style: code writes
// diag.Errorf(pos, "unknown key %q", k) as before, and vi.go maps that
// format to a Vietnamese format with the same verbs. One file per language
// other than English; a test scans the module's source for every message
// and fails when one has no translation or a translation is no longer used.
//
// locale imports only diag. It receives a language code and returns a
// *diag.Catalogue; it does not read files.
package locale
