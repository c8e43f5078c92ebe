package markdown

import (
	"strings"
	"testing"
)

// TestRawHTMLWarned: HTML pasted into Markdown is left out, and each tag is
// named once, at its first place, with what to write instead.
func TestRawHTMLWarned(t *testing.T) {
	body := "Chữ <b>đậm</b> và <b>nữa</b>.<br>\n\n<iframe src=\"https://www.youtube.com/embed/abc_123\"></iframe>\n\n<!-- ghi chú -->\n"
	r := New(Options{}).Convert([]byte(body), nil)
	var got []string
	for _, p := range r.Problems {
		if !p.Warning {
			t.Errorf("not a warning: %+v", p)
		}
		got = append(got, body[p.Offset:p.Offset+3]+" | "+p.Message+" | "+p.Hint)
	}
	if len(got) != 3 {
		t.Fatalf("got %d problems:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i, want := range []string{
		"<b> | the HTML tag <b> is left out of the page: HTML pasted into the text is not published (used 2 times on this page) | write **bold** instead",
		"<br |",
		"<if | the HTML tag <iframe> is left out of the page: HTML pasted into the text is not published | embedded videos, maps and forms are not allowed on this site (they would let another website follow visitors): link to it instead, e.g. [Xem video](https://www.youtube.com/watch?v=abc_123)",
	} {
		if !strings.HasPrefix(got[i], want) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, got[i], want)
		}
	}
	if strings.Contains(string(r.HTML), "<b>") || strings.Contains(string(r.HTML), "iframe") {
		t.Errorf("raw HTML published: %s", r.HTML)
	}
	// With unsafe_html the author asked for HTML: no warning.
	if r := New(Options{UnsafeHTML: true}).Convert([]byte(body), nil); len(r.Problems) != 0 {
		t.Errorf("unsafe: %+v", r.Problems)
	}
}

// TestDangerousLinks: javascript: and data: links are errors, not href="".
func TestDangerousLinks(t *testing.T) {
	for _, body := range []string{
		"[bấm](javascript:alert(1))\n",
		"[bấm](JavaScript:alert(1))\n",
		"[bấm](<java\tscript:alert(1)>)\n",
		"![ảnh](data:image/png;base64,iVBORw0KGgo=)\n",
		"[tải](data:text/html;base64,PHNjcmlwdD4=)\n",
		"[x](vbscript:msgbox)\n",
	} {
		r := New(Options{}).Convert([]byte(body), nil)
		if len(r.Problems) != 1 || r.Problems[0].Warning || r.Problems[0].Offset != 0 ||
			!strings.Contains(r.Problems[0].Message, "link cannot be published") {
			t.Errorf("%q: %+v", body, r.Problems)
		}
	}
	if r := New(Options{}).Convert([]byte("[a](https://x.vn/javascript:y) [b](data.pdf)\n"), nil); len(r.Problems) != 0 {
		t.Errorf("safe links reported: %+v", r.Problems)
	}
}

// TestTelLinksPlan: a tel: link must reach a number that can exist.
func TestTelLinksPlan(t *testing.T) {
	for body, bad := range map[string]bool{
		"[Gọi](tel:111)\n": false, "[Gọi](tel:02213862000)\n": false, "[Gọi](<tel:0221 3862 000>)\n": false,
		"[Gọi](tel:+842213862000)\n": false,
		"[Gọi](tel:0221386200)\n":    true, "[Gọi](<tel:021 3862 000>)\n": true, "[Gọi](tel:18001567)\n": true,
	} {
		r := New(Options{}).Convert([]byte(body), nil)
		if got := len(r.Problems) == 1 && !r.Problems[0].Warning; got != bad || (!bad && len(r.Problems) > 0) {
			t.Errorf("%q: %+v", body, r.Problems)
		}
	}
}
