package markdown

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	src := "# Tiêu đề\n\nĐoạn **đầu** tiên\ncòn tiếp.\n\n## Mục tiêu\n\n## Mục tiêu\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~xoá~~ và chú thích[^1].\n\n[^1]: Ghi chú.\n\nXem https://example.org và [x](https://a.org) và [y](../plan/x.md) <script>alert(1)</script>\n\n<div>hi</div>\n\n```go\nfunc main() {}\n```\n\n- [ ] việc\n"
	r := New().Convert([]byte(src), func(d string) (string, error) { return "/r/" + d, fmt.Errorf("no page %s", d) })
	fmt.Printf("%s\n%+v\n%q\n%+v\n", r.HTML, r.TOC, r.Summary, r.Problems)
}
