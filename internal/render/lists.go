package render

import (
	"cmp"
	"slices"

	"github.com/loa-ssg/loa/internal/content"
)

// sortNewest orders pages by date, newest first, then by path.
func sortNewest(pages []*content.Page) {
	slices.SortStableFunc(pages, func(a, b *content.Page) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
	})
}
