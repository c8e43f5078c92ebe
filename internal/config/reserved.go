package config

import (
	"net"
	"net/url"
	"strings"
)

// reservedTLDs are the top-level names kept for examples and tests, which
// will never be delegated on the public Internet: "example", "invalid" and
// "test" (RFC 2606 section 2, RFC 6761 section 6). "localhost" is left
// out: it is what loa serve previews at.
var reservedTLDs = []string{"example", "invalid", "test"}

// reservedDomains are the second-level names kept for documentation
// (RFC 2606 section 3): they and every name below them.
var reservedDomains = []string{"example.com", "example.net", "example.org"}

// ReservedHost returns the host of BaseURL when it is a name reserved for
// examples and tests (RFC 2606, RFC 6761: *.example, *.test, *.invalid,
// example.com/.net/.org and their subdomains), and "" for any
// other host or when the site has no base URL. A site published with such
// an address gives feeds, the sitemap and shared links that lead nowhere.
func (s *Site) ReservedHost() string {
	host := s.host()
	for _, tld := range reservedTLDs {
		if host == tld || strings.HasSuffix(host, "."+tld) {
			return host
		}
	}
	for _, d := range reservedDomains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return host
		}
	}
	return ""
}

// LoopbackHost returns the host of BaseURL when it names this computer
// only: "localhost" and the names below it (RFC 6761 section 6.3), or a
// loopback address (127.0.0.0/8, ::1; RFC 1122, RFC 4291), as loa serve
// previews at; "" for any other host or when the site has no base URL.
// A page's address there opens on no other device.
func (s *Site) LoopbackHost() string {
	host := s.host()
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return host
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return host
	}
	return ""
}

// host returns BaseURL's host in lower case without a final dot, or "".
func (s *Site) host() string {
	if s.BaseURL == "/" {
		return ""
	}
	u, err := url.Parse(s.BaseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}
