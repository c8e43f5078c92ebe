package paper

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"
)

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"Gọi 113  ngay\n", 20, "Gọi 113 ngay"},
		{"Gọi số nào, khi gọi 111 thì điều gì sẽ xảy ra", 20, "Gọi số nào, khi gọi…"},
		{"Mộtchữrấtdàikhôngcókhoảngtrắng", 10, "Mộtchữrấtd…"},
	} {
		if got := Shorten(tc.in, tc.max); got != tc.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

// TestQR checks the SVG against the code rsc.io/qr makes: one square per
// dark module, the quiet zone around them, the label escaped.
func TestQR(t *testing.T) {
	const url = "https://phongchongmaidam.hungyen.example/huong-dan/cach-bao-tin-va-tim-su-giup-do/"
	svg, err := QR(url, `Quét mã "QR"`)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := qr.Encode(url, qr.M)
	n := c.Size + 2*quiet
	if want := `viewBox="0 0 ` + strconv.Itoa(n) + ` ` + strconv.Itoa(n) + `"`; !strings.Contains(string(svg), want) {
		t.Errorf("no %s in %.120s", want, svg)
	}
	if !strings.Contains(string(svg), `aria-label="Quét mã &#34;QR&#34;"`) {
		t.Errorf("label not escaped: %.200s", svg)
	}
	dark := 0
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; x++ {
			if c.Black(x, y) {
				dark++
			}
		}
	}
	drawn := 0
	for _, m := range regexp.MustCompile(`M\d+ \d+h(\d+)`).FindAllStringSubmatch(string(svg), -1) {
		drawn += mustAtoi(t, m[1])
	}
	if drawn != dark {
		t.Errorf("%d modules drawn, the code has %d", drawn, dark)
	}
	if _, err := QR(strings.Repeat("x", 5000), ""); err == nil {
		t.Error("no error for a text too long for a QR code")
	}
}

func TestRender(t *testing.T) {
	var b bytes.Buffer
	s := Sheet{Lang: "vi", S: map[string]string{"made_on": "Bản in này được tạo ngày"}, Title: "Áp phích <1>",
		Target: "https://example.org/", Made: "30/11/2026", MadeISO: "2026-11-30",
		Emergency: []Number{{"111", "Bảo vệ trẻ em"}}}
	if err := Render(&b, &Poster{Sheet: s, Message: "Gọi"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<main class="sheet poster">`, `<h1>Áp phích &lt;1&gt;</h1>`, `<a class="number" href="tel:111">111</a>`,
		`Bản in này được tạo ngày <time datetime="2026-11-30">30/11/2026</time>`, `<body class="page-a4">`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %s in\n%s", want, b.String())
		}
	}
	b.Reset()
	s.Size = A5
	if err := Render(&b, &Leaflet{Sheet: s, Points: []string{"1", "2", "3", "4", "5", "6", "7"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<li>6</li>") || strings.Contains(b.String(), "<li>7</li>") {
		t.Errorf("an A5 leaflet lists other than its first 6 points:\n%s", b.String())
	}
	if err := Render(&b, "x"); err == nil {
		t.Error("no error for a piece paper cannot print")
	}
}

// TestRenderPlaceholder: a piece whose address opens for no one else (an
// example address, loa serve's preview) says so on screen only, with the
// string named; a piece with a real address says nothing of the kind.
func TestRenderPlaceholder(t *testing.T) {
	s := Sheet{Lang: "vi", S: map[string]string{"print_placeholder": "Đừng in bản này để phát"}, Title: "Áp phích",
		Target: "https://example.org/", Made: "30/11/2026", MadeISO: "2026-11-30"}
	s.S["print_preview"] = "Bản xem trước"
	for key, want := range map[string]string{
		"":                  "",
		"print_placeholder": `<p class="screen-only placeholder"><strong>Đừng in bản này để phát</strong></p>`,
		"print_preview":     `<p class="screen-only placeholder"><strong>Bản xem trước</strong></p>`,
	} {
		var b bytes.Buffer
		s.Unreachable = key
		if err := Render(&b, &Poster{Sheet: s}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(b.String(), "placeholder"); want == "" && got != 0 || want != "" && !strings.Contains(b.String(), want) {
			t.Errorf("Unreachable %q: want %q in\n%s", key, want, b.String())
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
