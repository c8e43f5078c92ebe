package build

import (
	"bytes"
	"fmt"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/markdown"
)

// writePrintouts writes the printed pieces made from data: the poster and
// the directory list in every language (render.Renderer.Printouts).
func (b *builder) writePrintouts() error {
	var buf bytes.Buffer
	for _, p := range b.renderer.Printouts() {
		buf.Reset()
		if err := b.renderer.Printout(&buf, p); err != nil {
			return fmt.Errorf("render %s (%s): %w", p.What(), p.Path, err)
		}
		if err := b.writeFile(b.local(p.Path)+"index.html", buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeLeaflet writes p's leaflet when its front matter asks for one.
func (b *builder) writeLeaflet(p *content.Page, res markdown.Result) error {
	u := b.renderer.LeafletPath(p)
	if u == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := b.renderer.Leaflet(&buf, p, res); err != nil {
		return fmt.Errorf("render the leaflet of %s: %w", p.File, err)
	}
	return b.writeFile(b.local(u)+"index.html", buf.Bytes())
}
