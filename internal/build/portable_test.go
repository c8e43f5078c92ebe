package build

import "testing"

func TestRelativize(t *testing.T) {
	for _, tc := range []struct{ file, base, in, want string }{
		{"index.html", "/", `<a href="/">x</a>`, `<a href="index.html">x</a>`},
		{"index.html", "/", `<a href="/ho-tro/">`, `<a href="ho-tro/index.html">`},
		{"ho-tro/index.html", "/", `<a href="/ho-tro/">`, `<a href="index.html">`},
		{"ho-tro/index.html", "/", `<a href="/ho-tro/x/#goi">`, `<a href="x/index.html#goi">`},
		{"huong-dan/x/index.html", "/", `<link rel="stylesheet" href="/css/site.1.css">`, `<link rel="stylesheet" href="../../css/site.1.css">`},
		{"en/search/index.html", "/", `<form action="/en/search/" method="get">`, `<form action="index.html" method="get">`},
		{"a/b/index.html", "/", `<a href="/a/c/d.pdf?x=1">`, `<a href="../c/d.pdf?x=1">`},
		{"old/index.html", "/", `<meta http-equiv="refresh" content="0; url=/new/">`, `<meta http-equiv="refresh" content="0; url=../new/index.html">`},
		{"x/index.html", "/", `<link rel="canonical" href="https://example.org/x/">`, `<link rel="canonical" href="https://example.org/x/">`},
		{"x/index.html", "/", `<a href="//example.org/">`, `<a href="//example.org/">`},
		{"x/index.html", "/", `<a href="#top">`, `<a href="#top">`},
		{"x/index.html", "/site/", `<a href="/site/y/">`, `<a href="../y/index.html">`},
		{"x/index.html", "/site/", `<a href="/other/">`, `<a href="/other/">`},
		{"x/index.html", "/", `<p>href="/y/"</p>`, `<p>href="/y/"</p>`},
	} {
		if got := string(relativize([]byte(tc.in), tc.file, tc.base)); got != tc.want {
			t.Errorf("%s in %s (base %s) = %s, want %s", tc.in, tc.file, tc.base, got, tc.want)
		}
	}
}
