package config

import "testing"

// TestReservedAndLoopbackHost: which base URLs open for no one else, and
// why (a name kept for examples, or this computer only).
func TestReservedAndLoopbackHost(t *testing.T) {
	for _, c := range []struct {
		base, reserved, loopback string
	}{
		{"https://phongchongmaidam.hungyen.example/", "phongchongmaidam.hungyen.example", ""},
		{"https://WWW.Example.ORG./sub/", "www.example.org", ""},
		{"https://loa.test/", "loa.test", ""},
		{"http://127.0.0.1:1313/", "", "127.0.0.1"},
		{"http://127.8.9.10/", "", "127.8.9.10"},
		{"http://[::1]:1313/", "", "::1"},
		{"http://localhost:1313/", "", "localhost"},
		{"http://preview.localhost/", "", "preview.localhost"},
		{"http://192.168.1.5:1313/", "", ""},
		{"https://hungyen.gov.vn/phong-chong/", "", ""},
		{"https://examplelocalhost.vn/", "", ""},
		{"/", "", ""},
	} {
		s := &Site{BaseURL: c.base}
		if got := s.ReservedHost(); got != c.reserved {
			t.Errorf("%s: ReservedHost %q, want %q", c.base, got, c.reserved)
		}
		if got := s.LoopbackHost(); got != c.loopback {
			t.Errorf("%s: LoopbackHost %q, want %q", c.base, got, c.loopback)
		}
	}
}
