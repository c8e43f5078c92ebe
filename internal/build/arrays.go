package build

import (
	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/search"
)

// pageArrays are the arrays of one entry per page that an incremental
// rebuild fills (about 6 MB at 10,000 pages per language), which a
// Session keeps for the next rebuild instead of taking new memory each
// time: on this kind of machine the system hands new memory over page by
// page, at a cost a title edit felt more than the work done in it.
//
// The arrays of the first group live only while a rebuild runs. checked
// and analyzed stay with the build that made them (builder.checked,
// builder.analyzed, for Settle and Session.Rebuild), so a Session gives
// them back (recycle) only once a later rebuild has succeeded and nothing
// reads the older build any more.
type pageArrays struct {
	diags                      []diag.List
	errs                       []error
	rendered, converted, again []bool
	keys                       []uint64
	refs                       [][]string

	checked  []check.Page
	analyzed []search.Analyzed
}

// sized returns s with n zero entries, in s's array when it is large
// enough.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// take sizes a's arrays for n pages; checked and analyzed are a's no
// more (the build that uses them keeps them).
func (a *pageArrays) take(n int) (checked []check.Page, analyzed []search.Analyzed) {
	a.diags, a.errs = sized(a.diags, n), sized(a.errs, n)
	a.rendered, a.converted, a.again = sized(a.rendered, n), sized(a.converted, n), sized(a.again, n)
	a.keys, a.refs = sized(a.keys, n), sized(a.refs, n)
	checked, analyzed = sized(a.checked, n), sized(a.analyzed, n)
	a.checked, a.analyzed = nil, nil
	return checked, analyzed
}

// recycle gives a the checked and analyzed arrays of b, a build that
// nothing reads any more, for the next take.
func (a *pageArrays) recycle(b *builder) {
	a.checked, a.analyzed = b.checked, b.analyzed
}
