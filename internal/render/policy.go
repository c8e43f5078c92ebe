package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// CSP is the Content-Security-Policy of every page: everything from the
// site's own origin only, no inline script or style, no plugins, forms and
// <base> only to the site itself (CSP Level 3, W3C). It goes in a <meta>
// tag on every page; frame-ancestors, which a <meta> policy ignores, is
// added in the header files for hosts (HeaderFiles).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// headers are the response headers every host should send, the policy
// above plus what only a header can say.
var headers = [][2]string{
	{"Content-Security-Policy", CSP + "; frame-ancestors 'none'"},
	{"Referrer-Policy", "no-referrer"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
}

// HostFiles are the files a build writes at the site's root for the host,
// not for visitors: the header files below and the output folder's marker.
// Netlify and Cloudflare Pages read _headers and do not serve it; the nginx
// snippet refuses all three; `loa serve --public` serves none of them.
var HostFiles = []string{"_headers", "nginx-headers.conf", ".loa-output"}

// Headers returns the response headers every host should send for the
// site, as name and value pairs.
func Headers() [][2]string { return headers }

// HeaderFiles returns ready-to-use configuration for common static hosts,
// keyed by the file name written at the site's root: "_headers" (Netlify,
// Cloudflare Pages: the headers; both serve 404.html for a missing page
// themselves) and "nginx-headers.conf" (an nginx snippet to include in a
// server block: the headers, the site's 404.html as its error page, and no
// serving of HostFiles). basePath is the site's base path ("/" or
// "/sub/"), where 404.html is.
func HeaderFiles(basePath string) map[string][]byte {
	var netlify, nginx strings.Builder
	netlify.WriteString("/*\n")
	nginx.WriteString("# nginx configuration for a loa site: copy it beside your nginx configuration and\n" +
		"# include it in the server block (include loa-site.conf;). It is for the server, not for\n" +
		"# visitors: the location below keeps it, _headers and .loa-output from being served.\n")
	fmt.Fprintf(&nginx, "error_page 404 %s404.html;\n", basePath)
	var hidden []string
	for _, f := range HostFiles {
		hidden = append(hidden, regexp.QuoteMeta(f))
	}
	fmt.Fprintf(&nginx, "location ~ ^%s(%s)$ { return 404; }\n", regexp.QuoteMeta(basePath), strings.Join(hidden, "|"))
	for _, h := range headers {
		fmt.Fprintf(&netlify, "  %s: %s\n", h[0], h[1])
		fmt.Fprintf(&nginx, "add_header %s \"%s\" always;\n", h[0], h[1])
	}
	return map[string][]byte{"_headers": []byte(netlify.String()), "nginx-headers.conf": []byte(nginx.String())}
}

// Foreign is a resource a page would load from another origin.
type Foreign struct {
	What string // "script", "stylesheet", "image", "frame", …
	URL  string
}

// loading reports whether the element named name (lower case) has
// attributes that make the browser fetch. (A switch, not a map: it runs
// for every tag of every page.)
func loading(name []byte) bool {
	switch string(name) {
	case "script", "link", "img", "iframe", "frame", "embed", "object", "audio", "video", "source", "track", "input":
		return true
	}
	return false
}

// maxLoading is the length of the longest name in loading.
const maxLoading = 6

var cssURL = regexp.MustCompile(`(?i)(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)`)

// ForeignRequests lists what html (a rendered page) or css would make the
// browser fetch from another origin: scripts, stylesheets, fonts, images,
// frames and media with an absolute or protocol-relative URL. Links the
// visitor clicks (<a href>) and <link rel="canonical|alternate"> are not
// requests and are not listed. It runs on every page, so it scans bytes
// rather than using regular expressions, except for url() in the rare text
// that has one.
func ForeignRequests(text []byte) []Foreign {
	var out []Foreign
	for i := 0; i < len(text); i++ {
		if k := bytes.IndexByte(text[i:], '<'); k < 0 {
			break
		} else {
			i += k
		}
		raw, rest := tagName(text[i+1:])
		if len(raw) > maxLoading {
			continue
		}
		var lower [maxLoading]byte
		for j, c := range raw {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[j] = c
		}
		if !loading(lower[:len(raw)]) {
			continue
		}
		name := string(lower[:len(raw)])
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			break
		}
		var attrs fetched
		attrs.parse(rest[:end])
		i += len(text[i+1:]) - len(rest) + end
		what := name
		if name == "link" {
			rel := strings.ToLower(attrs[fetchRel])
			if rel == "canonical" || strings.Contains(rel, "alternate") {
				continue
			}
			what = rel
		}
		for _, v := range attrs[fetchSrc:] {
			if isForeign(v) {
				out = append(out, Foreign{What: what, URL: v})
			}
		}
	}
	if bytes.Contains(text, []byte("url(")) || bytes.Contains(text, []byte("@import")) {
		for _, m := range cssURL.FindAllSubmatch(text, -1) {
			out = append(out, Foreign{What: "stylesheet url()", URL: string(m[1])})
		}
	}
	return out
}

// tagName reads an element name at the start of b (as written, not
// lower-cased) and returns it with the bytes after it.
func tagName(b []byte) ([]byte, []byte) {
	n := 0
	for n < len(b) && (b[n] >= 'a' && b[n] <= 'z' || b[n] >= 'A' && b[n] <= 'Z' || n > 0 && b[n] >= '0' && b[n] <= '9') {
		n++
	}
	return b[:n], b[n:]
}

// fetchNames are the attributes ForeignRequests reads of a start tag:
// rel, then those that hold a URL the browser may fetch, in the order
// they are listed.
var fetchNames = [...]string{"rel", "src", "href", "data", "poster", "srcset"}

// The places in fetched of rel and of the first URL attribute.
const (
	fetchRel = 0
	fetchSrc = 1
)

// fetched holds the values of a start tag's attributes named in
// fetchNames, at the same places ("" when absent).
type fetched [len(fetchNames)]string

// parse reads the name=value pairs of a start tag b (names matched
// without regard to ASCII case; values unquoted, entities left as they are; the
// last of a name written twice) into f, keeping only those named in
// fetchNames.
func (f *fetched) parse(b []byte) {
	for {
		name, val, rest, ok := nextAttr(b)
		if !ok {
			return
		}
		b = rest
		for k, n := range fetchNames {
			if len(name) == len(n) && asciiEqualFold(name, n) {
				f[k] = string(val)
				break
			}
		}
	}
}

// nextAttr reads the first attribute of b, the inside of a start tag after
// its name: its name as written, its value unquoted (nil when it has none;
// entities left as they are) and what follows it; ok is false when b holds
// no more attributes.
func nextAttr(b []byte) (name, val, rest []byte, ok bool) {
	b = bytes.TrimLeft(b, " \t\r\n/")
	eq := bytes.IndexAny(b, "= \t\r\n")
	if eq < 0 {
		return nil, nil, nil, false
	}
	name = b[:eq]
	b = bytes.TrimLeft(b[eq:], " \t\r\n")
	if len(b) == 0 || b[0] != '=' {
		return name, nil, b, true
	}
	b = bytes.TrimLeft(b[1:], " \t\r\n")
	if len(b) > 0 && (b[0] == '"' || b[0] == '\'') {
		end := bytes.IndexByte(b[1:], b[0])
		if end < 0 {
			end = len(b) - 1
		}
		return name, b[1 : 1+end], b[min(len(b), end+2):], true
	}
	end := bytes.IndexAny(b, " \t\r\n")
	if end < 0 {
		end = len(b)
	}
	return name, b[:end], b[end:], true
}

func isForeign(u string) bool {
	u = strings.TrimSpace(strings.ToLower(u))
	return strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") || strings.HasPrefix(u, "//")
}
