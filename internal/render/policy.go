package render

import (
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

// HeaderFiles returns ready-to-use header configuration for common static
// hosts, keyed by the file name written at the site's root: "_headers"
// (Netlify, Cloudflare Pages) and "nginx-headers.conf" (an nginx snippet to
// include in a server block).
func HeaderFiles() map[string][]byte {
	var netlify, nginx strings.Builder
	netlify.WriteString("/*\n")
	nginx.WriteString("# Security headers for a loa site: include this file in the server block.\n")
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

var (
	tagPattern  = regexp.MustCompile(`(?is)<(script|link|img|iframe|frame|embed|object|audio|video|source|track|input)\b[^>]*>`)
	attrPattern = regexp.MustCompile(`(?is)\b(src|href|data|poster|srcset|rel)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	cssURL      = regexp.MustCompile(`(?i)(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)`)
)

// ForeignRequests lists what html (a rendered page) or css would make the
// browser fetch from another origin: scripts, stylesheets, fonts, images,
// frames and media with an absolute or protocol-relative URL. Links the
// visitor clicks (<a href>) and <link rel="canonical|alternate"> are not
// requests and are not listed.
func ForeignRequests(text []byte) []Foreign {
	var out []Foreign
	for _, m := range tagPattern.FindAllSubmatch(text, -1) {
		tag := strings.ToLower(string(m[1]))
		attrs := map[string]string{}
		for _, a := range attrPattern.FindAllSubmatch(m[0], -1) {
			attrs[strings.ToLower(string(a[1]))] = strings.Trim(string(a[2]), `"'`)
		}
		what := tag
		if tag == "link" {
			rel := strings.ToLower(attrs["rel"])
			if rel == "canonical" || rel == "alternate" || strings.Contains(rel, "alternate") {
				continue
			}
			what = rel
		}
		for _, k := range []string{"src", "href", "data", "poster", "srcset"} {
			if v := attrs[k]; isForeign(v) {
				out = append(out, Foreign{What: what, URL: v})
			}
		}
	}
	for _, m := range cssURL.FindAllSubmatch(text, -1) {
		out = append(out, Foreign{What: "stylesheet url()", URL: string(m[1])})
	}
	return out
}

func isForeign(u string) bool {
	u = strings.TrimSpace(strings.ToLower(u))
	return strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") || strings.HasPrefix(u, "//")
}
