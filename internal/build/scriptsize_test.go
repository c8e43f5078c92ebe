package build

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/loa-ssg/loa/static"
)

// searchScriptBudget is the most the search script may weigh as pages
// load it: minified (minifyJS) and compressed with gzip at its best
// compression, in bytes (issue 16: "search.js loads with the page and
// stays ≤ 6 KB gzip").
const searchScriptBudget = 6144

// TestSearchScriptSize checks that the published search script stays within
// its budget, and prints its size, so that the budget cannot be broken
// without a failing test.
func TestSearchScriptSize(t *testing.T) {
	src, err := static.FS.ReadFile("js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	minified := minifyJS(src)
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(minified)
	w.Close()
	t.Logf("search.js: %d bytes, %d minified, %d gzip (budget %d)", len(src), len(minified), buf.Len(), searchScriptBudget)
	if buf.Len() > searchScriptBudget {
		t.Errorf("search.js is %d bytes gzip as pages load it (minified, gzip at best compression), over its budget of %d; make it smaller (or move tables into the index, built by Go)", buf.Len(), searchScriptBudget)
	}
}
