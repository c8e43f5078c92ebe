package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkAttributes are goldmark's link attributes plus hreflang, which its
// filter leaves out (goldmark v1.8 html.LinkAttributeFilter).
var linkAttributes = html.LinkAttributeFilter.ExtendString("hreflang")

// linkRenderer renders links as goldmark's renderer does
// (renderer/html/html.go, renderLink), but keeps their hreflang attribute.
type linkRenderer struct{ unsafe bool }

func (l linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, l.render)
}

func (l linkRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	dest := util.URLEscape(n.Destination, true)
	if l.unsafe || !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, linkAttributes)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
