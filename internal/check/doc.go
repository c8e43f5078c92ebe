// Package check owns the rules that look across the whole site once every
// page is converted: links to anchors that do not exist, pages missing in a
// language, images without alternative text, headings that skip a level,
// titles used twice in one language, and phone numbers written as plain
// text rather than call links.
//
// It receives the loaded configuration and, for each published page, its
// content.Page with the links and headings markdown found; it returns
// diagnostics at the file, line and column of each problem, with the
// severity site.yaml's `checks:` gives the rule. It reads nothing and
// writes nothing. build runs it on every build (errors stop the build),
// and `loa check` shows its warnings too.
//
// Each rule is declared once, in Rules (name, default severity, one-line
// summary, function); Defaults, `loa help check`, the "did you mean" hint
// for a misspelt name, and the rules Run and RunChanged apply are made
// from it, and a test holds README.md's table of checks to it.
//
// Problems found earlier in the pipeline are reported there, not here:
// links to missing or unpublished files (build), alias collisions
// (content), stale directory entries (directory).
package check
