// Package browsertest holds end-to-end tests that build the real site in
// content/ and drive it in headless Chromium (Debian's chromium, through
// github.com/chromedp/chromedp): what a visitor's browser gets, with and
// without JavaScript.
//
// The tests skip, saying why, where Chromium is missing; with
// LOA_BROWSER_TESTS=1 (set by .ci/run) a missing browser is a failure.
// The package has no code of its own besides its tests.
package browsertest
