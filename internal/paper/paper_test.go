package paper

import (
	"bytes"
	"regexp"
	"slices"
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
// string named, and prints neither the QR code nor the address, but a
// note in the QR code's place; a piece with a real address prints both
// and says nothing of the kind.
func TestRenderPlaceholder(t *testing.T) {
	s := Sheet{Lang: "vi", S: map[string]string{
		"print_placeholder": "Đừng in bản này để phát", "print_placeholder_paper": "Chưa có mã QR",
		"print_preview": "Bản xem trước", "print_preview_paper": "Bản xem trước: không có mã QR",
		"poster_more": "Quét mã để mở.", "scan_qr": "Quét mã QR"},
		Title: "Áp phích", Target: "https://example.org/tin/", Address: "example.org", Made: "30/11/2026", MadeISO: "2026-11-30"}
	printed := []string{`<svg`, `<span class="url">https://example.org/tin/</span>`, `<span class="address">example.org</span>`, "Quét mã"}
	for key, want := range map[string][]string{
		"": printed,
		"print_placeholder": {`<p class="screen-only placeholder"><strong>Đừng in bản này để phát</strong></p>`,
			`<p class="qr-box no-qr">Chưa có mã QR</p>`, `<time datetime="2026-11-30">30/11/2026</time></p>`},
		"print_preview": {`<p class="screen-only placeholder"><strong>Bản xem trước</strong></p>`,
			`<p class="qr-box no-qr">Bản xem trước: không có mã QR</p>`, `<time datetime="2026-11-30">30/11/2026</time></p>`},
	} {
		s.Unreachable = key
		for _, piece := range []any{&Poster{Sheet: s}, &List{Sheet: s}, &Leaflet{Sheet: s}} {
			var b bytes.Buffer
			if err := Render(&b, piece); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if _, poster := piece.(*Poster); !poster {
				got = strings.ReplaceAll(got, "Quét mã QR", "") // only the poster asks to scan in its text
				want = slices.DeleteFunc(slices.Clone(want), func(w string) bool { return w == "Quét mã" })
			}
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%T, Unreachable %q: no %q in\n%s", piece, key, w, got)
				}
			}
			if key == "" {
				if strings.Contains(got, "placeholder") || strings.Contains(got, "no-qr") {
					t.Errorf("%T with a real address: a note that it has none:\n%s", piece, got)
				}
				continue
			}
			for _, w := range printed {
				if strings.Contains(got, w) {
					t.Errorf("%T, Unreachable %q: %q printed:\n%s", piece, key, w, got)
				}
			}
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
