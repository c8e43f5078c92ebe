package markdown

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestCallLinks(t *testing.T) {
	c := New(Options{Phones: []string{"111", "113", "0221 3862 000"}})
	body := "Gọi **113** hoặc 111, 113 và 115.\n\n" +
		"Văn phòng: 0221.3862.000 hoặc 0221 3862 000.\n\n" +
		"## Khi nào gọi 111\n\n" +
		"Xem [tổng đài 111](https://tongdai111.vn) và `111`.\n\n" +
		"Ngày 02/11/2021, Điều 113/2025, 1.113 người, 113%.\n\n" +
		"Hỏi [0221 3862 001](tel:02213862001) hoặc 0912 345 678 hoặc +84 912 345 679.\n"
	r := c.Convert([]byte(body), nil)
	has(t, r.HTML,
		`<strong><a href="tel:113" class="call-inline">113</a></strong>`,
		`hoặc <a href="tel:111" class="call-inline">111</a>, <a href="tel:113" class="call-inline">113</a> và 115.`,
		`<a href="tel:02213862000" class="call-inline">0221.3862.000</a> hoặc <a href="tel:02213862000" class="call-inline">0221 3862 000</a>.`,
		`<h2 id="khi-nao-goi-111">Khi nào gọi 111</h2>`,
		`<a href="https://tongdai111.vn" rel="noopener noreferrer">tổng đài 111</a>`,
		`<code>111</code>`,
		`Ngày 02/11/2021, Điều 113/2025, 1.113 người, 113%.`,
		`<a href="tel:02213862001" class="call-inline">0221 3862 001</a>`,
	)
	var got []string
	for _, n := range r.Numbers {
		got = append(got, n.Text+"="+n.Dial+"@"+body[n.Offset:n.Offset+len(n.Text)])
	}
	want := []string{"0912 345 678=0912345678@0912 345 678", "+84 912 345 679=0912345679@+84 912 345 679"}
	if !slices.Equal(got, want) {
		t.Errorf("unlinked numbers: got %q, want %q", got, want)
	}
}

func TestFindNumbers(t *testing.T) {
	for s, want := range map[string][]string{
		"gọi 111.":                 {"111"},
		"0221-3862-000, 1800 1234": {"0221-3862-000", "1800 1234"},
		"2021–2025":                {"2021", "2025"},
		"164/KH-UBND":              nil,
		"1,5 triệu":                nil,
		"A113 và 113B":             nil,
		"(+84) 912":                {"912"},
	} {
		var got []string
		for _, r := range findNumbers(s) {
			got = append(got, s[r.start:r.end])
		}
		if !slices.Equal(got, want) {
			t.Errorf("findNumbers(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestPhoneLike(t *testing.T) {
	for d, want := range map[string]bool{
		"0912345678": true, "02213862000": true, "18001567": true, "1900123456": true,
		"111": false, "2021": false, "1234567890": false, "091234567": false,
	} {
		if PhoneLike(d) != want {
			t.Errorf("PhoneLike(%q) = %v", d, !want)
		}
	}
	// PhoneLikePattern says the same of every number of up to 12 digits
	// of these shapes.
	re := regexp.MustCompile(`^(` + PhoneLikePattern + `)$`)
	for _, start := range []string{"0", "09", "1800", "1900", "1801", "1", "2"} {
		for n := len(start); n <= 12; n++ {
			d := start + strings.Repeat("5", n-len(start))
			if re.MatchString(d) != PhoneLike(d) {
				t.Errorf("PhoneLikePattern on %q: %v, PhoneLike %v", d, re.MatchString(d), PhoneLike(d))
			}
		}
	}
}

func FuzzCallLinks(f *testing.F) {
	f.Add("Gọi 111 hoặc 0221 3862 000.\n\n**113**, +84 912 345 678")
	f.Fuzz(func(t *testing.T, body string) {
		c := New(Options{Phones: []string{"111", "02213862000"}})
		r := c.Convert([]byte(body), nil)
		for _, n := range r.Numbers {
			if n.Offset < 0 || n.Offset+len(n.Text) > len(body) || body[n.Offset:n.Offset+len(n.Text)] != n.Text {
				t.Fatalf("number %q at %d does not match the body", n.Text, n.Offset)
			}
			if !PhoneLike(n.Dial) {
				t.Fatalf("%q is reported but not phone-like", n.Text)
			}
		}
	})
}

func TestLinkText(t *testing.T) {
	got := LinkText(`Gọi 111 <miễn phí> hoặc "113"; Điều 113/2025.`, PhoneSet([]string{"111", "113"}))
	want := `Gọi <a href="tel:111" class="call-inline">111</a> &lt;miễn phí&gt; hoặc &#34;<a href="tel:113" class="call-inline">113</a>&#34;; Điều 113/2025.`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
