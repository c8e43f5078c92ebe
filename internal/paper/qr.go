package paper

import (
	"fmt"
	"html/template"
	"strings"

	"rsc.io/qr"
)

// quiet is the margin around a QR code, in modules: ISO/IEC 18004 asks for
// four.
const quiet = 4

// QR returns text (an absolute URL) as a QR code in inline SVG: black
// modules on a white square with the standard quiet zone, one <path>,
// scalable to any size by CSS (width and height of the <svg>), labelled
// for screen readers by label. Error correction is level M (15 % of the
// code may be lost: a fold or a stain on paper). It fails only when text is
// too long for a QR code (about 2,300 bytes at level M).
func QR(text, label string) (template.HTML, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", fmt.Errorf("QR code for %q: %w", text, err)
	}
	n := c.Size + 2*quiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`,
		n, n, template.HTMLEscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			if !c.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.Size && c.Black(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x+quiet, y+quiet, run, run)
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return template.HTML(b.String()), nil
}
