package markdown

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/loa-ssg/loa/internal/textfile"
)

func convert(t *testing.T, body string, resolve Resolver) Result {
	t.Helper()
	return New(Options{}).Convert([]byte(body), resolve)
}

// has fails the test unless html contains every one of wants.
func has(t *testing.T, html []byte, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(string(html), w) {
			t.Errorf("missing %q in\n%s", w, html)
		}
	}
}

func hasNot(t *testing.T, html []byte, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(string(html), w) {
			t.Errorf("unexpected %q in\n%s", w, html)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	r := convert(t, "## Mục tiêu\n\ntext\n\n## Mục tiêu\n\n### Đường dây nóng *111*\n\n## Mục tiêu\n\n#### ???\n\n## Phòng, chống mại dâm\n", nil)
	has(t, r.HTML,
		`<h2 id="muc-tieu">Mục tiêu</h2>`,
		`<h2 id="muc-tieu-1">Mục tiêu</h2>`,
		`<h3 id="duong-day-nong-111">Đường dây nóng <em>111</em></h3>`,
		`<h2 id="muc-tieu-2">Mục tiêu</h2>`,
		`<h4 id="section">???</h4>`,
		`<h2 id="phong-chong-mai-dam">Phòng, chống mại dâm</h2>`,
	)
	want := []Heading{
		{2, "muc-tieu", "Mục tiêu", 0},
		{2, "muc-tieu-1", "Mục tiêu", 22},
		{3, "duong-day-nong-111", "Đường dây nóng 111", 38},
		{2, "muc-tieu-2", "Mục tiêu", 70},
		{4, "section", "???", 86},
		{2, "phong-chong-mai-dam", "Phòng, chống mại dâm", 96},
	}
	if !slices.Equal(r.TOC, want) {
		t.Errorf("TOC = %+v\nwant  %+v", r.TOC, want)
	}
	if len(r.Problems) != 0 {
		t.Errorf("problems: %+v", r.Problems)
	}
}

func TestHeadingIDsPerBody(t *testing.T) {
	// One Converter, two bodies: IDs start afresh for each body.
	c := New(Options{})
	for range 2 {
		r := c.Convert([]byte("## Mục tiêu\n"), nil)
		has(t, r.HTML, `<h2 id="muc-tieu">`)
	}
}

func TestLevelOneHeading(t *testing.T) {
	for _, body := range []string{
		"Mở đầu.\n\n# Tiêu đề\n\nNội dung.\n",
		"Mở đầu.\n\nTiêu đề\n===\n\nNội dung.\n", // setext
	} {
		r := convert(t, body, nil)
		has(t, r.HTML, `<h2 id="tieu-de">Tiêu đề</h2>`)
		hasNot(t, r.HTML, "<h1")
		if want := []Heading{{2, "tieu-de", "Tiêu đề", strings.Index(body, "\n\n") + 2}}; !slices.Equal(r.TOC, want) {
			t.Errorf("TOC = %+v", r.TOC)
		}
		if len(r.Problems) != 1 {
			t.Fatalf("problems = %+v, want one warning", r.Problems)
		}
		p := r.Problems[0]
		if !p.Warning || !strings.HasPrefix(p.Message, "a level-1 heading (#) in the body") || p.Hint != "start headings in the body at ##" {
			t.Errorf("problem = %+v", p)
		}
		// The offset is on the heading's line, so the caller reports line 3.
		line := strings.Index(body, "Tiêu đề")
		if p.Offset < line || p.Offset >= line+len("Tiêu đề") {
			t.Errorf("%q: offset %d is not on the heading line (starts at %d)", body, p.Offset, line)
		}
	}
}

func TestGFM(t *testing.T) {
	body := "| Cơ quan | Số |\n|---|--:|\n| Công an | 113 |\n\n" +
		"~~Bãi bỏ~~ còn hiệu lực.\n\n" +
		"Theo Luật[^luat].\n\n[^luat]: Pháp lệnh 10/2003/PL-UBTVQH11.\n\n" +
		"- [x] xong\n- [ ] chưa\n"
	r := convert(t, body, nil)
	has(t, r.HTML,
		"<table>\n<thead>\n<tr>\n<th>Cơ quan</th>\n<th style=\"text-align:right\">Số</th>",
		"<td>Công an</td>\n<td style=\"text-align:right\">113</td>",
		"<p><del>Bãi bỏ</del> còn hiệu lực.</p>",
		`Theo Luật<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.`,
		`<div class="footnotes" role="doc-endnotes">`,
		`<li id="fn:1">`,
		"Pháp lệnh 10/2003/PL-UBTVQH11.&#160;",
		`<li><input checked="" disabled="" type="checkbox"> xong</li>`,
		`<li><input disabled="" type="checkbox"> chưa</li>`,
	)
}

func TestNoTypographer(t *testing.T) {
	r := convert(t, `Gọi "Tổng đài" -- 24/7... it's free`+"\n", nil)
	has(t, r.HTML, `<p>Gọi &quot;Tổng đài&quot; -- 24/7... it's free</p>`)
}

func TestLinks(t *testing.T) {
	body := "Xem https://example.org/a và www.example.org.\n\n" +
		"[Bộ Công an](https://bocongan.gov.vn) [http](http://example.org)\n\n" +
		"[thư](mailto:a@example.org) [gọi](tel:111) [mục](#muc-tieu) [trang](../plan/x.vi.md) [mạng](//example.org/x)\n\n" +
		"<https://example.org/b> a@example.org\n"
	r := convert(t, body, nil)
	has(t, r.HTML,
		`<a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a>`,
		`<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a>`,
		`<a href="https://bocongan.gov.vn" rel="noopener noreferrer">Bộ Công an</a>`,
		`<a href="http://example.org" rel="noopener noreferrer">http</a>`,
		`<a href="mailto:a@example.org">thư</a>`,
		`<a href="tel:111" class="call-inline">gọi</a>`,
		`<a href="#muc-tieu">mục</a>`,
		`<a href="../plan/x.vi.md">trang</a>`, // nil resolver: left as written
		`<a href="https://example.org/b" rel="noopener noreferrer">https://example.org/b</a>`,
		`<a href="mailto:a@example.org">a@example.org</a>`,
	)
	if len(r.Problems) != 0 {
		t.Errorf("problems: %+v", r.Problems)
	}
}

func TestRawHTMLOmitted(t *testing.T) {
	body := "Trước <script>alert(1)</script> sau.\n\n<div onclick=\"x()\">khối</div>\n\n" +
		"<iframe src=\"https://evil.example\"></iframe>\n\n[bấm](javascript:alert(2))\n"
	r := convert(t, body, nil)
	hasNot(t, r.HTML, "<script", "alert(1)</script>", "<div", "onclick", "<iframe", "javascript:")
	has(t, r.HTML, "<p>Trước <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> sau.</p>")
}

func TestCodeHighlight(t *testing.T) {
	body := "```go\nfunc main() { fmt.Println(\"<b>\") }\n```\n\n```\n<plain> & \"text\"\n```\n\n```không-có\nx < y\n```\n"
	r := convert(t, body, nil)
	has(t, r.HTML,
		`<pre class="hl-chroma"><code><span class="hl-line"><span class="hl-cl"><span class="hl-kd">func</span>`,
		`<span class="hl-nf">main</span>`,
		`<span class="hl-s">&#34;&lt;b&gt;&#34;</span>`,
		"<pre><code>&lt;plain&gt; &amp; &quot;text&quot;\n</code></pre>",
		"<pre><code>x &lt; y\n</code></pre>",
	)
	hasNot(t, r.HTML, "style=", "<b>", "<plain>")
	css := CSS()
	if !strings.Contains(css, ".hl-kd {") || !strings.Contains(css, ".hl-chroma {") {
		t.Errorf("CSS lacks the hl- classes:\n%.400s", css)
	}
}

func TestResolver(t *testing.T) {
	var calls []string
	resolve := func(dest string) (string, error) {
		calls = append(calls, dest)
		switch dest {
		case "../plan/164-kh-ubnd/index.vi.md#muc-tieu":
			return "/ke-hoach/164-kh-ubnd/#muc-tieu", nil
		case "anh.png":
			return "/ke-hoach/x/anh.png", nil
		case "khong-co.vi.md":
			return "", errors.New(`no page "khong-co.vi.md"`)
		}
		return dest, nil
	}
	body := "Đoạn đầu với [kế hoạch](../plan/164-kh-ubnd/index.vi.md#muc-tieu).\n\n" +
		"![Ảnh](anh.png) [ngoài](https://example.org) [mục](#a) [thư](mailto:a@b.vn) [gọi](tel:111) [mạng](//example.org)\n\n" +
		"Còn lại: [trang mất](khong-co.vi.md) và [khác](other.pdf).\n"
	r := convert(t, body, resolve)
	if want := []string{"../plan/164-kh-ubnd/index.vi.md#muc-tieu", "anh.png", "https://example.org", "khong-co.vi.md", "other.pdf"}; !slices.Equal(calls, want) {
		t.Errorf("resolver calls = %q, want %q", calls, want)
	}
	has(t, r.HTML,
		`<a href="/ke-hoach/164-kh-ubnd/#muc-tieu">kế hoạch</a>`,
		`<img src="/ke-hoach/x/anh.png" alt="Ảnh">`,
		`<a href="khong-co.vi.md">trang mất</a>`, // left as written
		`<a href="other.pdf">khác</a>`,
	)
	if len(r.Problems) != 1 {
		t.Fatalf("problems = %+v, want one", r.Problems)
	}
	p := r.Problems[0]
	if want := strings.Index(body, "[trang mất]"); p.Offset != want {
		t.Errorf("offset = %d (%q), want %d, the '[' of the link", p.Offset, body[p.Offset:], want)
	}
	if p.Message != `no page "khong-co.vi.md"` || p.Warning {
		t.Errorf("problem = %+v", p)
	}
	// Underlined: the link up to the end of the name to fix.
	if want := utf8.RuneCountInString("[trang mất](khong-co.vi.md"); p.Span != want {
		t.Errorf("span = %d, want %d", p.Span, want)
	}
}

func TestResolverErrorOffsetFirstLinkOnLine(t *testing.T) {
	body := "## Đầu\n\n[mất](x.md)\n"
	r := convert(t, body, func(string) (string, error) { return "", errors.New("x") })
	if len(r.Problems) != 1 || r.Problems[0].Offset != strings.IndexByte(body, '[') {
		t.Errorf("problems = %+v, want one at %d", r.Problems, strings.IndexByte(body, '['))
	}
}

func TestResolverErrorOffsetMarkupInLabel(t *testing.T) {
	for _, tc := range []struct{ body, at string }{
		{"Xem [**đậm**](x.md) nhé.\n", "[**"},
		{"Xem [`mã`](x.md) nhé.\n", "[`"},
		{"Xem [](x.md) nhé.\n", "[]"},
		{"Xem ![ảnh](x.png) nhé.\n", "!["},
	} {
		r := convert(t, tc.body, func(string) (string, error) { return "", errors.New("no page") })
		if len(r.Problems) != 1 {
			t.Fatalf("%q: problems = %+v", tc.body, r.Problems)
		}
		if want := strings.Index(tc.body, tc.at); r.Problems[0].Offset != want {
			t.Errorf("%q: offset %d, want %d", tc.body, r.Problems[0].Offset, want)
		}
	}
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"## Mục tiêu\n\nĐoạn **đầu** với [liên kết](x.md) và `mã`\ncòn tiếp.\n\nĐoạn hai.\n",
			"Đoạn đầu với liên kết và mã còn tiếp."},
		{"Dòng một  \ndòng hai, xem https://example.org.\n", "Dòng một dòng hai, xem https://example.org."},
		{"## Chỉ có tiêu đề\n\n- mục\n", ""},
		{"", ""},
	} {
		if got := convert(t, tc.body, nil).Summary; got != tc.want {
			t.Errorf("Summary of %q = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestHTMLIsFresh(t *testing.T) {
	c := New(Options{})
	first := c.Convert([]byte("Một.\n"), nil)
	kept := string(first.HTML)
	c.Convert([]byte("Hai, dài hơn nhiều so với đoạn trước.\n"), nil)
	if string(first.HTML) != kept || kept != "<p>Một.</p>\n" {
		t.Errorf("first result changed to %q", first.HTML)
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# Tiêu đề\n\n## Mục tiêu\n\nĐoạn [x](y.md) https://a.b\n",
		"| a |\n|---|\n| b |\n\n[^1]\n\n[^1]: x\n",
		"```go\nfunc(){}\n```\n",
		"<script>alert(1)</script>\n\n![a](b.png)\n",
		"[**x**](", "\x00\xff", "- [ ] a\n  > b\n",
		"## Main\n\n## Main\n\n## Liên hệ [111](tel:111)[^1]\n\n[^1]: x\n", "Xem https://a.vn/tin-tức. [en](y.en.md)",
		"[a](b\n[a](b\n[a](b\n", "> > > - - 1. a\n", "&#x1d; `&#29;`",
	} {
		f.Add(s)
	}
	// loa's settings: the real site's call numbers, a layout's IDs reserved,
	// links resolved, one of them to another language.
	c := New(Options{Phones: []string{"111", "113", "02213862000"}})
	reserved := []string{"main", "exit-status", "emergency-title", "toc-title"}
	f.Fuzz(func(t *testing.T, body string) {
		if off, _ := textfile.FindForbiddenString(body); off >= 0 {
			return // textfile refuses the file (ConvertWith's contract)
		}
		for _, resolve := range []Resolver{nil, func(d string) (string, error) {
			if strings.Contains(d, "x") {
				return "", fmt.Errorf("no page %q", d)
			}
			return "/" + d, nil
		}} {
			r := c.ConvertWith([]byte(body), Hooks{Resolve: resolve, ReservedIDs: reserved,
				LinkLang: func(url string) string {
					if strings.HasSuffix(url, ".en.md") {
						return "en"
					}
					return ""
				}})
			for _, p := range r.Problems {
				if p.Offset < 0 || p.Offset > len(body) || p.Message == "" {
					t.Fatalf("bad problem %+v for body of %d bytes", p, len(body))
				}
			}
			ids := map[string]bool{}
			for _, h := range r.TOC {
				if h.Level < 2 || h.Level > 6 || h.ID == "" || h.Offset < -1 || h.Offset > len(body) {
					t.Fatalf("bad TOC entry %+v", h)
				}
				if ids[h.ID] || slices.Contains(reserved, h.ID) {
					t.Fatalf("heading ID %q given twice or reserved", h.ID)
				}
				ids[h.ID] = true
			}
			if off, c := textfile.FindForbidden(r.HTML); off >= 0 && !slices.ContainsFunc(r.Problems, func(p Problem) bool { return !p.Warning }) {
				t.Fatalf("%U at %d of the HTML, and no error", c, off)
			}
			if strings.Contains(strings.ToLower(string(r.HTML)), "<script") {
				t.Fatalf("raw HTML passed through:\n%s", r.HTML)
			}
		}
	})
}

func BenchmarkConvert(b *testing.B) {
	body := []byte(largePage(200))
	c := New(Options{})
	resolve := func(d string) (string, error) { return "/ke-hoach/" + strings.TrimSuffix(d, ".vi.md") + "/", nil }
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(body, resolve)
	}
}

// largePage returns a body with n sections of the kinds of text loa's
// pages hold: Vietnamese headings, paragraphs with links and emphasis,
// lists, a table, a code block and footnotes.
func largePage(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "## Mục tiêu %d: phòng, chống mại dâm\n\n", i)
		fmt.Fprintf(&b, "Ủy ban nhân dân tỉnh **Hưng Yên** ban hành [kế hoạch %d](ke-hoach-%d.vi.md) "+
			"để _tăng cường_ công tác phòng ngừa, xem https://example.org/%d và chú thích[^%d].\n\n", i, i, i, i)
		b.WriteString("- Tuyên truyền tại cơ sở\n- Hỗ trợ người bán dâm hòa nhập cộng đồng\n- ~~Bãi bỏ~~ quy định cũ\n\n")
		if i%10 == 0 {
			b.WriteString("| Cơ quan | Đường dây nóng |\n|---|---|\n| Công an | 113 |\n| Tổng đài | 111 |\n\n")
			b.WriteString("```yaml\ntitle: Kế hoạch\nweight: 1\n```\n\n")
		}
		fmt.Fprintf(&b, "[^%d]: Nghị định %d/2013/NĐ-CP.\n\n", i, 100+i)
	}
	return b.String()
}

// TestHeadingIDVisibleText holds that an ID is made of the heading's
// visible text only: a link's destination and a footnote's label are not
// part of it (issue 12: "## Liên hệ [tổng đài 111](tel:111)" got
// "lien-he-tong-dai-111-tel-111").
func TestHeadingIDVisibleText(t *testing.T) {
	body := "## Liên hệ [tổng đài 111](tel:111)\n\n" +
		"## Nguồn[^luat]\n\n" +
		"## Xem <https://example.org/x> và ![ảnh](a.png \"tiêu đề\")\n\n" +
		"## `mã` **đậm** [tham chiếu][r]\n\n" +
		"[r]: https://example.org/ref\n\n[^luat]: Luật.\n"
	r := convert(t, body, nil)
	want := []string{"lien-he-tong-dai-111", "nguon", "xem-https-example-org-x-va-anh", "ma-dam-tham-chieu"}
	var got []string
	for _, h := range r.TOC {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("IDs = %q, want %q", got, want)
	}
	has(t, r.HTML, `<h2 id="lien-he-tong-dai-111">Liên hệ <a href="tel:111" class="call-inline">tổng đài 111</a></h2>`)
}

// TestReservedIDs holds that a heading never takes an id the layout uses
// itself: it gets a suffix, and the table of contents follows (issue 12:
// "## Main" made a second id="main").
func TestReservedIDs(t *testing.T) {
	c := New(Options{})
	hooks := Hooks{ReservedIDs: []string{"main", "exit-status", "emergency-title"}}
	r := c.ConvertWith([]byte("## Main\n\n## Exit status\n\n## Emergency title\n\n## Main\n\n[x](#exit-status-1)\n"), hooks)
	has(t, r.HTML, `<h2 id="main-1">Main</h2>`, `<h2 id="exit-status-1">Exit status</h2>`,
		`<h2 id="emergency-title-1">Emergency title</h2>`, `<h2 id="main-2">Main</h2>`)
	want := []Heading{{2, "main-1", "Main", 0}, {2, "exit-status-1", "Exit status", 9}, {2, "emergency-title-1", "Emergency title", 25}, {2, "main-2", "Main", 45}}
	if !slices.Equal(r.TOC, want) {
		t.Errorf("TOC = %+v", r.TOC)
	}
	// The reservation is for one body: another page's layout may not use
	// those IDs.
	if r := c.Convert([]byte("## Main\n"), nil); r.TOC[0].ID != "main" {
		t.Errorf("second body: %+v", r.TOC)
	}
}

// TestAutolinkAnyScript holds that a bare URL with letters of any script
// is linked whole, percent-encoded in the href, and still stops before
// trailing punctuation (issue 12: "https://example.org/tin-tức." was
// linked as "https://example.org/tin-t").
func TestAutolinkAnyScript(t *testing.T) {
	body := "Xem https://example.org/tin-tức. Và (www.example.org/hướng-dẫn?q=mại+dâm), " +
		"https://example.org/đường-dây/111, https://пример.example/путь! https://example.org/a_(b) " +
		"https://example.org/中文。\n"
	r := convert(t, body, nil)
	has(t, r.HTML,
		`<a href="https://example.org/tin-t%E1%BB%A9c" rel="noopener noreferrer">https://example.org/tin-tức</a>. Và (`,
		`<a href="http://www.example.org/h%C6%B0%E1%BB%9Bng-d%E1%BA%ABn?q=m%E1%BA%A1i+d%C3%A2m" rel="noopener noreferrer">www.example.org/hướng-dẫn?q=mại+dâm</a>), `,
		`<a href="https://example.org/%C4%91%C6%B0%E1%BB%9Dng-d%C3%A2y/111" rel="noopener noreferrer">https://example.org/đường-dây/111</a>, `,
		`<a href="https://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.example/%D0%BF%D1%83%D1%82%D1%8C" rel="noopener noreferrer">https://пример.example/путь</a>! `,
		`<a href="https://example.org/a_(b)" rel="noopener noreferrer">https://example.org/a_(b)</a> `,
		`<a href="https://example.org/%E4%B8%AD%E6%96%87" rel="noopener noreferrer">https://example.org/中文</a>。`,
	)
}

// TestForbiddenCharacterReference holds that a character reference to a
// character no web page may hold is an error at the reference, and that
// one shown as code is not (issue 12: control characters reached pages).
func TestForbiddenCharacterReference(t *testing.T) {
	body := "Mã `&#29;` hiển thị.\n\nTin&#x1D; một &#xFFFE;.\n"
	r := convert(t, body, nil)
	if len(r.Problems) != 1 {
		t.Fatalf("problems = %+v", r.Problems)
	}
	p := r.Problems[0]
	if p.Warning || p.Offset != strings.Index(body, "&#x1D;") ||
		p.Message != "this character reference writes the invisible character U+001D, which a web page cannot contain" {
		t.Errorf("problem = %+v", p)
	}
	if r := convert(t, "Mã `&#29;` và &#xFFFD; &#65;.\n", nil); len(r.Problems) != 0 {
		t.Errorf("problems = %+v", r.Problems)
	}
}

// TestLinkLang holds that a link to a page in another language carries
// hreflang and lang (issue 12), and others do not.
func TestLinkLang(t *testing.T) {
	resolve := func(d string) (string, error) { return "/" + strings.TrimSuffix(d, ".md") + "/", nil }
	r := New(Options{}).ConvertWith([]byte("[English](x.en.md) và [Việt](y.vi.md)\n"), Hooks{Resolve: resolve,
		LinkLang: func(url string) string {
			if url == "/x.en/" {
				return "en"
			}
			return ""
		}})
	has(t, r.HTML, `<a href="/x.en/" hreflang="en">English</a>`, `<a href="/y.vi/">Việt</a>`)
}
