package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// ChromaStyle is the chroma style whose colours CSS returns.
const ChromaStyle = "github"

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

// CSS returns the stylesheet for highlighted code: class rules only, no
// inline styles, to be served with the site's CSS.
func CSS() string {
	var b strings.Builder
	_ = formatter.WriteCSS(&b, styles.Get(ChromaStyle))
	return b.String()
}

// codeRenderer renders fenced code blocks with chroma classes; a block with
// no language, or one chroma does not know, is plain escaped text.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFenced)
}

func renderFenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	var lexer chroma.Lexer
	if lang := n.Language(src); lang != nil {
		lexer = lexers.Get(string(lang))
	}
	if lexer != nil {
		if it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String()); err == nil {
			if err := formatter.Format(w, styles.Get(ChromaStyle), it); err == nil {
				return ast.WalkSkipChildren, nil
			}
		}
	}
	_, _ = w.WriteString("<pre><code>")
	_, _ = w.WriteString(htmlEscape(code.String()))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

var htmlEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace
