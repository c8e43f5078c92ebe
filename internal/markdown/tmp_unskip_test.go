package markdown

import (
"strings"
"errors"
"testing"
)
func TestTmpUnskipped(t *testing.T) {
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

