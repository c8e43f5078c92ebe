package markdown

import (
	"regexp"

	"github.com/yuin/goldmark/extension"
)

// urlChars are the characters a bare URL may hold after its host:
// goldmark's ASCII set plus letters, marks and digits of every script
// (\p{L}\p{M}\p{N}), so that "https://example.org/tin-tức" is linked whole
// and not cut at "ứ". Trailing punctuation (".", ",", ")" without its "(")
// is still left out by goldmark after the match.
const urlChars = `[-\p{L}\p{M}\p{N}@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]`

// hostChars are the characters of a bare URL's host, with letters of
// every script for internationalized domain names.
const hostChars = `[-\p{L}\p{M}\p{N}@:%._\+~#=]`

var (
	urlRegexp = regexp.MustCompile(`^(?:http|https|ftp)://` + hostChars + `{1,256}\.[\p{L}\p{M}]+(?::\d+)?(?:[/#?]` + urlChars + `*)?`)
	wwwRegexp = regexp.MustCompile(`^www\.` + hostChars + `{1,256}\.[\p{L}\p{M}]+(?:[/#?]` + urlChars + `*)?`)
)

// linkify is goldmark's autolink extension with urlRegexp and wwwRegexp.
// goldmark's renderer percent-encodes the letters that are not ASCII in
// the href ("tin-t%E1%BB%A9c") and keeps them in the link text.
var linkify = extension.NewLinkify(extension.WithLinkifyURLRegexp(urlRegexp), extension.WithLinkifyWWWRegexp(wwwRegexp))
